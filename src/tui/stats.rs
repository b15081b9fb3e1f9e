//! The statistics screen: the code frequency table (sortable) with a bar chart of the top
//! codes, the answers to closed questions (numbers with their distribution), the persons
//! described in situations, the saturation of codes over the interviews; and an export key
//! that writes the table shown. Bars are drawn by [`bars`](super::widget::bars), measured in
//! columns. `b` breaks the tables down by a respondent attribute (a column per value, drawn by
//! [`crosstab`](super::crosstab), counted on the worker as `export --by` counts), `i` shows
//! the 95 % intervals. `r` writes the study's report.
//!
//! Over 500 lines: the statistics screen's tabs share one table state and export key; each tab's
//! drawing is short.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::keymap::{
    self, Binding, DOWN, ESC, HelpSection, LEFT, PAGE_DOWN, PAGE_UP, RIGHT, TAB, UP, bind, ch, main,
};
use super::msg::{Answer, Effect, ReportRow, Stats};
use super::screen::{Nav, Screen, Step};
use super::search::SearchScreen;
use super::stats_coverage::{CoverageTab, draw_coverage};
use super::widget::bars::{BarRow, bar_lines};
use super::widget::{fit, wrap};
use super::{crosstab, frequency_table};
use crate::analysis::categories::{Base, Role, Tally};
use crate::analysis::saturation::{Params, Saturation};
use crate::analysis::table::{ColumnKind, format_number, format_percent, round_half_up};
use crate::analysis::tables::{category_label, saturation_verdict, situation_condition};
use crate::analysis::{Answers, Frequencies, QuestionAnswers, Situations, SortKey};
use crate::i18n::Texts;
use crate::interop::export::Format;
use crate::study::{StudyMeta, ValueKind};
use crate::workspace::reports::ReportKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Frequencies,
    Answers,
    Situations,
    /// Every situation (report of a person), where reports of one person are linked.
    Reports,
    Saturation,
    /// Which questions the recordings' transcripts cover, minutes per question.
    Coverage,
}

impl Tab {
    fn next(self) -> Tab {
        match self {
            Tab::Frequencies => Tab::Answers,
            Tab::Answers => Tab::Situations,
            Tab::Situations => Tab::Reports,
            Tab::Reports => Tab::Saturation,
            Tab::Saturation => Tab::Coverage,
            Tab::Coverage => Tab::Frequencies,
        }
    }
}

pub struct StatsScreen {
    /// The respondent attribute the tables are broken down by (`b`), if any.
    pub by: Option<String>,
    pub freq: Frequencies,
    pub answers: Answers,
    pub situations: Situations,
    pub saturation: Saturation,
    pub tab: Tab,
    pub sort: SortKey,
    pub ascending: bool,
    pub with_descendants: bool,
    pub selected: usize,
    /// Whether percentages show their 95 % interval (`i`).
    pub intervals: bool,
    /// The first column of a broken-down table shown after the whole (`←` `→`).
    pub first: usize,
    pub reports: Vec<ReportRow>,
    pub coverage: CoverageTab,
    /// The report marked by `l`, waiting for the other report of the same person.
    pub mark: Option<usize>,
    /// What to say once the tables are counted again after a link.
    said: Option<String>,
}

const SORTS: [SortKey; 5] = [
    SortKey::Tree,
    SortKey::Excerpts,
    SortKey::Sessions,
    SortKey::Respondents,
    SortKey::Words,
];

impl StatsScreen {
    pub fn new(stats: Stats) -> StatsScreen {
        StatsScreen {
            by: stats.by,
            answers: stats.answers,
            freq: stats.freq,
            situations: stats.situations,
            saturation: stats.saturation,
            tab: Tab::Frequencies,
            sort: SortKey::Tree,
            ascending: true,
            with_descendants: true,
            selected: 0,
            intervals: false,
            first: 1,
            reports: stats.reports,
            coverage: stats.coverage,
            mark: None,
            said: None,
        }
    }

    /// Tables counted again (broken down another way): the tab, the row and the sort stay.
    fn counted(&mut self, stats: Stats) {
        self.by = stats.by;
        self.freq = stats.freq;
        self.answers = stats.answers;
        self.situations = stats.situations;
        self.saturation = stats.saturation;
        self.reports = stats.reports;
        self.coverage = stats.coverage;
        self.first = 1;
        self.selected = self.selected.min(self.rows().saturating_sub(1));
    }

    /// Columns of the breakdown after the whole (0 when the tables are not broken down).
    fn groups(&self) -> usize {
        self.answers
            .split
            .as_ref()
            .map_or(0, |split| split.columns.len())
    }

    fn rows(&self) -> usize {
        match self.tab {
            Tab::Frequencies => self.freq.codes.len(),
            Tab::Answers => self.answers.questions.len(),
            Tab::Situations => self.situations.attributes.len(),
            Tab::Reports => self.reports.len(),
            Tab::Saturation => self.saturation.interviews.len(),
            Tab::Coverage => self.coverage.totals.len(),
        }
    }
}

impl Screen for StatsScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, key, cx)
    }

    fn answer(&mut self, _cx: &mut Ctx, answer: Answer) -> Step {
        if let Answer::Stats(stats) = answer {
            self.counted(*stats);
            if let Some(said) = self.said.take() {
                return Step::info(said);
            }
        }
        Step::none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        vec![keymap::section(t.stats_title, KEYS, t)]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Tab,
    Up,
    Down,
    Page,
    Sort,
    Reverse,
    Descendants,
    By,
    Intervals,
    Columns,
    Link,
    Unlink,
    Export,
    Report,
    Search,
    Help,
    Back,
}

pub static KEYS: &[Binding<Act>] = &[
    main(&[TAB], Act::Tab, |k| k.stats_tab, |k| k.short_stats_tab),
    bind(&[UP, ch('k')], Act::Up, |k| k.previous_row),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.next_row),
    bind(&[PAGE_UP, PAGE_DOWN], Act::Page, |k| k.menu_page),
    main(&[ch('s')], Act::Sort, |k| k.sort, |k| k.short_sort),
    bind(&[ch('S')], Act::Reverse, |k| k.reverse),
    bind(&[ch('d')], Act::Descendants, |k| k.with_subcodes),
    main(
        &[ch('x'), ch('c'), ch('m')],
        Act::Export,
        |k| k.export_table,
        |k| k.short_export,
    ),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('?')], Act::Help, |k| k.help),
    main(&[ESC, ch('q')], Act::Back, |k| k.back, |k| k.short_back),
    // After the way back: the footer drops its last words first on a narrow screen.
    main(&[ch('b')], Act::By, |k| k.stats.by, |k| k.stats.short_by),
    bind(&[ch('i')], Act::Intervals, |k| k.stats.intervals),
    bind(&[LEFT, RIGHT], Act::Columns, |k| k.stats.columns),
    main(
        &[ch('r')],
        Act::Report,
        |k| k.report.write_report,
        |k| k.report.short_report,
    ),
    bind(&[ch('l')], Act::Link, |k| k.stats.link),
    bind(&[ch('u')], Act::Unlink, |k| k.stats.unlink),
];

/// The respondent attribute after `current` that a table can be broken down by (one with
/// values to group: yes/no, choices, scales; never an identifying one), `None` after the last.
fn next_attribute(meta: &StudyMeta, current: Option<&str>) -> Option<String> {
    let usable = meta.respondent_attributes.iter().filter(|a| {
        !a.is_identifying()
            && matches!(
                a.kind,
                ValueKind::YesNo
                    | ValueKind::Choice { .. }
                    | ValueKind::Choices { .. }
                    | ValueKind::Scale { .. }
            )
    });
    let mut after = usable.skip_while(|a| current.is_some_and(|c| c != a.key));
    if current.is_some() {
        after.next();
    }
    after.next().map(|a| a.key.clone())
}

fn on_key(s: &mut StatsScreen, key: KeyEvent, cx: &Ctx) -> Step {
    let t = cx.t;
    let count = s.rows();
    let Some(hit) = keymap::lookup(KEYS, &key) else {
        return Step::error(keymap::refused(&key, t));
    };
    match hit.action {
        Act::Tab => {
            s.tab = s.tab.next();
            s.selected = 0;
        }
        Act::Up => s.selected = s.selected.saturating_sub(1),
        Act::Down => s.selected = (s.selected + 1).min(count.saturating_sub(1)),
        Act::Page if key.code == KeyCode::PageUp => s.selected = s.selected.saturating_sub(10),
        Act::Page => s.selected = (s.selected + 10).min(count.saturating_sub(1)),
        Act::Sort => {
            let at = SORTS.iter().position(|k| *k == s.sort).unwrap_or(0);
            s.sort = SORTS[(at + 1) % SORTS.len()];
            // Counts read best largest first; the codebook order top down.
            s.ascending = s.sort == SortKey::Tree;
        }
        Act::Reverse => s.ascending = !s.ascending,
        Act::Descendants => s.with_descendants = !s.with_descendants,
        Act::By => {
            let by = next_attribute(&cx.study.meta, s.by.as_deref());
            return Step::effect(Effect::LoadStats { by });
        }
        Act::Intervals => s.intervals = !s.intervals,
        Act::Columns if key.code == KeyCode::Left => s.first = s.first.saturating_sub(1).max(1),
        Act::Columns => s.first = (s.first + 1).min(s.groups().max(1)),
        Act::Link | Act::Unlink if s.tab != Tab::Reports || s.reports.is_empty() => {
            return Step::error(t.analysis.only_on_reports);
        }
        Act::Link => return link(s, t),
        Act::Unlink => return unlink(s, t),
        Act::Export => {
            let format = match hit.ch {
                Some('x') => Format::Xlsx,
                Some('c') => Format::Csv,
                _ => Format::Markdown,
            };
            // The table shown, broken down as shown.
            let by = s.by.clone();
            let kind = match s.tab {
                Tab::Frequencies => ReportKind::Frequencies { by },
                Tab::Answers => ReportKind::Answers {
                    question: None,
                    by,
                    base: ANSWERS_BASE,
                },
                Tab::Situations => ReportKind::Situations {
                    by,
                    base: SITUATIONS_BASE,
                },
                Tab::Reports => ReportKind::Situations {
                    by,
                    base: SITUATIONS_BASE,
                },
                Tab::Saturation => ReportKind::Saturation {
                    params: Params::default(),
                },
                Tab::Coverage => ReportKind::Coverage,
            };
            return Step::effect(Effect::Export { kind, format });
        }
        Act::Report => return Step::effect(Effect::Report),
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Help => return Step::nav(Nav::Help),
        Act::Back => return Step::nav(Nav::Pop),
    }
    Step::none()
}

/// A report as messages name it: `R02 · Mme A. (2021-05-06)`.
fn report_name(r: &ReportRow) -> String {
    format!("{} · {}", r.pseudonym, r.situation.label)
}

/// `l`: the selected report marked; with one marked already, the marked one becomes the same
/// person as the selected one (written to its session), and the tables are counted again.
fn link(s: &mut StatsScreen, t: &Texts) -> Step {
    let a = t.analysis;
    let here = s.selected.min(s.reports.len() - 1);
    match s.mark.take() {
        None => {
            s.mark = Some(here);
            Step::info((a.report_marked)(&report_name(&s.reports[here])))
        }
        Some(marked) if marked == here => Step::none(),
        Some(marked) => {
            let (from, to) = (&s.reports[marked], &s.reports[here]);
            let mut situation = from.situation.clone();
            situation.same_person_as = Some(to.situation.id);
            s.said = Some((a.reports_linked)(&report_name(from), &report_name(to)));
            Step::effect(Effect::SamePerson {
                session: from.session,
                situation: Box::new(situation),
                by: s.by.clone(),
            })
        }
    }
}

/// `u`: the selected report no longer the same person as another.
fn unlink(s: &mut StatsScreen, t: &Texts) -> Step {
    let a = t.analysis;
    let r = &s.reports[s.selected.min(s.reports.len() - 1)];
    if r.situation.same_person_as.is_none() {
        return Step::error(a.report_not_linked);
    }
    let mut situation = r.situation.clone();
    situation.same_person_as = None;
    s.said = Some((a.report_unlinked)(&report_name(r)));
    s.mark = None;
    Step::effect(Effect::SamePerson {
        session: r.session,
        situation: Box::new(situation),
        by: s.by.clone(),
    })
}

/// The bases of the broken-down tables: those of `export answers|situations --by` by default.
const ANSWERS_BASE: Base = Base::Given;
const SITUATIONS_BASE: Base = Base::All;

pub fn draw(frame: &mut Frame, view: &View, s: &StatsScreen) {
    let t = view.t;
    let [top, body, status] = screen_areas(frame.area());
    let tab = match s.tab {
        Tab::Frequencies => t.stats_frequencies,
        Tab::Answers => t.stats_answers,
        Tab::Situations => t.analysis.situations_title,
        Tab::Reports => t.analysis.reports_title,
        Tab::Saturation => t.analysis.saturation_title,
        Tab::Coverage => t.align.coverage_title,
    };
    let by =
        s.by.as_deref()
            .and_then(|key| view.study.meta.respondent_attribute(key))
            .map(|a| format!(" · {}", (t.analysis.broken_down_by)(&a.label)))
            .unwrap_or_default();
    header(
        frame,
        top,
        &format!("{} · {tab}{by}", t.stats_title),
        Span::raw(format!(
            " {} ",
            (t.stats_base)(s.freq.sessions, s.freq.respondents)
        )),
    );
    match s.tab {
        // Broken down, the table takes the whole width (the chart is of the whole).
        Tab::Frequencies if s.freq.breakdown.is_some() => frequency_table::draw(frame, body, s, t),
        Tab::Frequencies => {
            let wide = body.width >= 110;
            let [table, chart] = Layout::new(
                if wide {
                    Direction::Horizontal
                } else {
                    Direction::Vertical
                },
                [
                    Constraint::Min(0),
                    Constraint::Length(if wide { 44 } else { (body.height / 3).min(12) }),
                ],
            )
            .areas(body);
            frequency_table::draw(frame, table, s, t);
            draw_chart(frame, chart, s, t);
        }
        Tab::Answers => draw_answers(frame, body, s, t),
        Tab::Situations => draw_situations(frame, body, s, &view.study.meta, t),
        Tab::Reports => draw_reports(frame, body, s, t),
        Tab::Saturation => draw_saturation(frame, body, s, t),
        Tab::Coverage => draw_coverage(frame, body, &s.coverage, s.selected, view.study, t),
    }
    status_bar(frame, status, view, &keymap::footer(&[KEYS], t));
}

fn draw_chart(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let rows: Vec<BarRow> = s
        .freq
        .top(10)
        .iter()
        .map(|r| {
            let c = &r.with_descendants;
            let pct = c
                .respondents_pct
                .map(|p| format!(" · {} %", round_half_up(p, 0)))
                .unwrap_or_default();
            BarRow {
                label: r.name.clone(),
                fraction: c.respondents_pct.unwrap_or(0.0) / 100.0,
                value: format!("{}{pct}", c.respondents),
            }
        })
        .collect();
    let block = Block::default()
        .title(t.stats_top_codes)
        .title_style(Style::default().bold());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(bar_lines(&rows, inner.width as usize)),
        inner,
    );
}

/// A percentage on screen, in the interface's language: `66,7 %`.
fn pct(p: f64, t: &Texts) -> String {
    format_percent(p, t.analysis.decimal_comma)
}

/// The bars of a tally over one base: one per row that is part of the base; the values with
/// their 95 % interval when `intervals`.
fn tally_bars(tally: &Tally, base: Base, intervals: bool, t: &Texts) -> Vec<BarRow> {
    tally
        .rows
        .iter()
        .filter(|r| r.category.role.counts_in(base))
        .map(|r| {
            let proportion = r.share(&tally.bases, base);
            let share = proportion.and_then(|p| p.pct);
            let indent = if r.category.role == Role::Member {
                "  "
            } else {
                ""
            };
            BarRow {
                label: format!("{indent}{}", category_label(&r.category, t)),
                fraction: share.unwrap_or(0.0) / 100.0,
                value: crosstab::share_text(r.n, proportion, intervals, t),
            }
        })
        .collect()
}

/// A block per item (question, attribute): a title line, a note line, then lines; the
/// selected item's title reversed and kept in view.
fn draw_blocks(
    frame: &mut Frame,
    area: Rect,
    selected: usize,
    blocks: Vec<(String, Vec<Line<'static>>)>,
) {
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, (title, body)) in blocks.into_iter().enumerate() {
        if i == selected {
            selected_line = lines.len();
        }
        let style = if i == selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().bold()
        };
        lines.push(Line::from(Span::styled(
            fit(&title, area.width as usize),
            style,
        )));
        lines.extend(body);
        lines.push(Line::default());
    }
    let scroll = selected_line.saturating_sub(area.height as usize / 3) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

fn draw_situations(frame: &mut Frame, area: Rect, s: &StatsScreen, meta: &StudyMeta, t: &Texts) {
    let a = t.analysis;
    let p = &s.situations;
    let base = (a.persons_base)(p.persons, p.reports, p.reporting, p.respondents);
    let width = area.width.saturating_sub(2) as usize;
    let heads = p
        .split
        .as_ref()
        .map(|split| crosstab::heads(split, p.persons, t));
    let blocks = p
        .attributes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let note = match situation_condition(c, meta, t) {
                Some(cond) => format!("{} ({cond})", (a.chart_persons_base)(c.tally.bases.all)),
                None => base.clone(),
            };
            let mut body = vec![Line::from(note).dark_gray()];
            let lines = match &heads {
                Some(heads) => {
                    let mut tallies = vec![&c.tally];
                    tallies.extend(p.columns.iter().map(|column| &column[i].tally));
                    crosstab::lines(
                        heads,
                        &tallies,
                        SITUATIONS_BASE,
                        s.intervals,
                        s.first,
                        width,
                        t,
                    )
                }
                None => bar_lines(&tally_bars(&c.tally, Base::All, s.intervals, t), width),
            };
            body.extend(lines.into_iter().map(|l| indent(l, "  ")));
            (c.label.clone(), body)
        })
        .collect();
    draw_blocks(frame, area, s.selected, blocks);
}

/// Every report, one line each: respondent, date, label, and the report it is the same person
/// as; the selected line reversed, the marked one starred.
fn draw_reports(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let a = t.analysis;
    let width = area.width as usize;
    let mut lines =
        vec![Line::from((a.reports_base)(s.reports.len(), s.situations.persons)).dark_gray()];
    for (i, r) in s.reports.iter().enumerate() {
        let star = if s.mark == Some(i) { "★" } else { " " };
        let mut text = format!(
            "{star} {:<8} {:<10}  {}",
            r.pseudonym, r.date, r.situation.label
        );
        if let Some(other) = r
            .situation
            .same_person_as
            .and_then(|id| s.reports.iter().find(|o| o.situation.id == id))
        {
            text = format!("{text}  {}", (a.same_as)(&report_name(other)));
        }
        let line = Line::from(fit(&text, width));
        lines.push(if i == s.selected {
            line.reversed()
        } else {
            line
        });
    }
    let scroll = (s.selected + 1).saturating_sub(area.height as usize / 2) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

fn draw_saturation(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let a = t.analysis;
    let sat = &s.saturation;
    let threshold = format_number(sat.params.threshold, ColumnKind::Decimal, a.decimal_comma);
    let runs: Vec<String> = sat
        .runs
        .iter()
        .map(|r| {
            let share = r.new_pct.map(|p| pct(p, t)).unwrap_or_else(|| "—".into());
            format!("{}–{} : {} ({share})", r.first, r.last, r.new)
        })
        .collect();
    let method = (a.saturation_method)(sat.params.base, sat.params.run, &threshold, sat.base_codes);
    // The verdict, the method and the runs wrapped in full: on a narrow screen they take more
    // lines, never fewer words.
    let width = area.width as usize;
    let wrapped = |text: &str, style: Style| {
        wrap::lines(text, width)
            .into_iter()
            .map(move |l| Line::from(l).style(style))
    };
    let head: Vec<Line> = wrapped(&saturation_verdict(sat, t), Style::default().bold())
        .chain(wrapped(&method, Style::default().dark_gray()))
        .chain(wrapped(
            &format!("{} : {}", a.run, runs.join(" · ")),
            Style::default(),
        ))
        .collect();
    let [top, table] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(head), top);
    // One row per interview: its new codes, and the cumulative codes as a bar.
    let most = sat.interviews.last().map_or(1, |i| i.cumulative.max(1));
    let rows: Vec<BarRow> = sat
        .interviews
        .iter()
        .map(|i| BarRow {
            label: format!(
                "{:>3}  {}  {}  +{}",
                i.number,
                i.date.format("%Y-%m-%d"),
                i.pseudonym,
                i.new.len()
            ),
            fraction: i.cumulative as f64 / most as f64,
            value: i.cumulative.to_string(),
        })
        .collect();
    let header = Line::from(format!(
        "{} · {} · {}",
        a.interview_number, a.new_codes, a.cumulative_codes
    ))
    .bold();
    let mut lines = vec![header];
    lines.extend(bar_lines(&rows, table.width as usize));
    let scroll = s.selected.saturating_sub(table.height as usize / 2) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), table);
}

/// A line moved right by `prefix`.
fn indent(line: Line<'static>, prefix: &'static str) -> Line<'static> {
    let mut spans = vec![Span::raw(prefix)];
    spans.extend(line.spans);
    Line::from(spans)
}

fn draw_answers(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let width = area.width.saturating_sub(2) as usize;
    let answers = &s.answers;
    let heads = answers
        .split
        .as_ref()
        .map(|split| crosstab::heads(split, answers.respondents, t));
    let blocks = answers
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut body = vec![
                Line::from((t.stats_answered)(
                    q.answered(),
                    q.respondents(),
                    q.not_answered(),
                ))
                .dark_gray(),
            ];
            let lines = match &heads {
                Some(heads) if q.has_options() => {
                    let mut tallies = vec![&q.tally];
                    tallies.extend(answers.columns.iter().map(|column| &column[i].tally));
                    crosstab::lines(
                        heads,
                        &tallies,
                        ANSWERS_BASE,
                        s.intervals,
                        s.first,
                        width,
                        t,
                    )
                }
                _ if q.has_options() => {
                    bar_lines(&tally_bars(&q.tally, Base::Given, s.intervals, t), width)
                }
                _ => bar_lines(&distribution(q, t), width),
            };
            body.extend(lines.into_iter().map(|l| indent(l, "  ")));
            if let Some(sum) = &q.summary {
                let unit = q.unit.clone().unwrap_or_default();
                body.push(Line::from((t.stats_summary)(
                    sum.count, sum.sum, sum.min, sum.median, sum.max, &unit,
                )));
            }
            if q.multi {
                body.push(Line::from(t.stats_multi).italic().dark_gray());
            }
            (format!("{} — {}", q.theme, q.text), body)
        })
        .collect();
    draw_blocks(frame, area, s.selected, blocks);
}

/// The distribution of a numeric answer: the respondents per value, or per range of values
/// when there are more than eight distinct ones.
fn distribution(q: &QuestionAnswers, t: &Texts) -> Vec<BarRow> {
    let mut values: Vec<(f64, usize)> = q
        .tally
        .rows
        .iter()
        .filter(|r| r.category.role != Role::NotGiven)
        .filter_map(|r| Some((r.category.key.parse::<f64>().ok()?, r.n)))
        .collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let given = q.answered().max(1) as f64;
    let dc = t.analysis.decimal_comma;
    let show = |x: f64| format_number(x, ColumnKind::Decimal, dc);
    let bins: Vec<(String, usize)> = if values.len() <= 8 {
        values.iter().map(|(v, n)| (show(*v), *n)).collect()
    } else {
        let (lo, hi) = (values[0].0, values[values.len() - 1].0);
        let width = ((hi - lo) / 8.0).max(f64::EPSILON);
        (0..8)
            .map(|b| {
                let from = lo + width * b as f64;
                let to = if b == 7 { hi } else { from + width };
                let n = values
                    .iter()
                    .filter(|(v, _)| *v >= from && (*v < to || (b == 7 && *v <= to)))
                    .map(|(_, n)| n)
                    .sum();
                (format!("{}–{}", show(from), show(to)), n)
            })
            .collect()
    };
    bins.into_iter()
        .map(|(label, n)| BarRow {
            label,
            fraction: n as f64 / given,
            value: format!("{n} · {}", pct(n as f64 * 100.0 / given, t)),
        })
        .collect()
}
