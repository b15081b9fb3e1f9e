//! The statistics screen: the code frequency table (sortable), a bar chart of the top codes,
//! the answers to closed questions, and an export key that writes the table shown.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Paragraph, Row, Table, TableState,
};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::msg::{Effect, Stats};
use super::screen::{Bindings, Nav, Screen, Step};
use super::widget::fit;
use crate::analysis::categories::{Base, Role};
use crate::analysis::table::format_percent;
use crate::analysis::tables::category_label;
use crate::analysis::{Frequencies, QuestionAnswers, SortKey};
use crate::i18n::Texts;
use crate::interop::export::Format;
use crate::workspace::reports::ReportKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Frequencies,
    Answers,
}

pub struct StatsScreen {
    pub freq: Frequencies,
    pub answers: Vec<QuestionAnswers>,
    pub tab: Tab,
    pub sort: SortKey,
    pub ascending: bool,
    pub with_descendants: bool,
    pub selected: usize,
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
            answers: stats.answers,
            freq: stats.freq,
            tab: Tab::Frequencies,
            sort: SortKey::Tree,
            ascending: true,
            with_descendants: true,
            selected: 0,
        }
    }

    fn rows(&self) -> usize {
        match self.tab {
            Tab::Frequencies => self.freq.codes.len(),
            Tab::Answers => self.answers.len(),
        }
    }
}

impl Screen for StatsScreen {
    fn key(&mut self, _cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, key)
    }

    fn opens_search(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::Char('/')
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &'static Texts) -> Bindings {
        t.help_stats
    }
}

fn on_key(s: &mut StatsScreen, key: KeyEvent) -> Step {
    let count = s.rows();
    match key.code {
        KeyCode::Tab => {
            s.tab = if s.tab == Tab::Frequencies {
                Tab::Answers
            } else {
                Tab::Frequencies
            };
            s.selected = 0;
        }
        KeyCode::Up | KeyCode::Char('k') => s.selected = s.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            s.selected = (s.selected + 1).min(count.saturating_sub(1))
        }
        KeyCode::PageUp => s.selected = s.selected.saturating_sub(10),
        KeyCode::PageDown => s.selected = (s.selected + 10).min(count.saturating_sub(1)),
        KeyCode::Char('s') => {
            let at = SORTS.iter().position(|k| *k == s.sort).unwrap_or(0);
            s.sort = SORTS[(at + 1) % SORTS.len()];
            // Counts read best largest first; the codebook order top down.
            s.ascending = s.sort == SortKey::Tree;
        }
        KeyCode::Char('r') => s.ascending = !s.ascending,
        KeyCode::Char('d') => s.with_descendants = !s.with_descendants,
        KeyCode::Char(c @ ('x' | 'c' | 'm')) => {
            let format = match c {
                'x' => Format::Xlsx,
                'c' => Format::Csv,
                _ => Format::Markdown,
            };
            let kind = match s.tab {
                Tab::Frequencies => ReportKind::Frequencies { by: None },
                Tab::Answers => ReportKind::Answers {
                    question: None,
                    by: None,
                    base: Base::Given,
                },
            };
            return Step::effect(Effect::Export { kind, format });
        }
        KeyCode::Esc | KeyCode::Char('q') => return Step::nav(Nav::Pop),
        KeyCode::Char('?') => return Step::nav(Nav::Help),
        _ => {}
    }
    Step::none()
}

pub fn draw(frame: &mut Frame, view: &View, s: &StatsScreen) {
    let t = view.t;
    let [top, body, status] = screen_areas(frame.area());
    let tab = match s.tab {
        Tab::Frequencies => t.stats_frequencies,
        Tab::Answers => t.stats_answers,
    };
    header(
        frame,
        top,
        &format!("{} · {tab}", t.stats_title),
        Span::raw(format!(
            " {} ",
            (t.stats_base)(s.freq.sessions, s.freq.respondents)
        )),
    );
    match s.tab {
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
            draw_frequencies(frame, table, s, t);
            draw_chart(frame, chart, s, t, wide);
        }
        Tab::Answers => draw_answers(frame, body, s, t),
    }
    status_bar(frame, status, view, t.keys_stats);
}

fn draw_frequencies(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let rows = s.freq.sorted(s.sort, s.with_descendants, s.ascending);
    let tree = s.sort == SortKey::Tree;
    let name_width = area.width.saturating_sub(53).clamp(12, 48) as usize;
    let mark = |k: SortKey, label: &str| {
        if s.sort == k {
            format!("{label} {}", if s.ascending { "▲" } else { "▼" })
        } else {
            label.to_owned()
        }
    };
    let header = Row::new(vec![
        Cell::from(mark(SortKey::Tree, t.col_code)),
        Cell::from(mark(SortKey::Excerpts, t.col_excerpts)),
        Cell::from(mark(SortKey::Sessions, t.col_sessions)),
        Cell::from(mark(SortKey::Respondents, t.col_respondents)),
        Cell::from("%"),
        Cell::from(mark(SortKey::Words, t.col_words)),
    ])
    .style(Style::default().bold());
    let body = rows.iter().map(|r| {
        let c = if s.with_descendants {
            &r.with_descendants
        } else {
            &r.own
        };
        let indent = if tree {
            "  ".repeat(r.depth)
        } else {
            String::new()
        };
        let label = if tree { r.name.clone() } else { r.path.clone() };
        let pct = c
            .respondents_pct
            .map(|p| format!("{p:.0} %"))
            .unwrap_or_default();
        let style = if c.excerpts == 0 {
            Style::default().dark_gray()
        } else {
            Style::default()
        };
        Row::new(vec![
            Cell::from(fit(&format!("{indent}{label}"), name_width)),
            Cell::from(format!("{:>8}", c.excerpts)),
            Cell::from(format!("{:>9}", c.sessions)),
            Cell::from(format!("{:>10}", c.respondents)),
            Cell::from(format!("{pct:>5}")),
            Cell::from(format!("{:>6}", c.words)),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Length(name_width as u16),
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Length(12),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let scope = if s.with_descendants {
        t.with_subcodes
    } else {
        t.without_subcodes
    };
    let table = Table::new(body, widths)
        .header(header)
        .block(
            Block::default()
                .borders(Borders::RIGHT)
                .title(format!(" {scope} ")),
        )
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        table,
        area,
        &mut TableState::default().with_selected(Some(s.selected)),
    );
}

fn draw_chart(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts, horizontal_bars: bool) {
    let top = s.freq.top(10);
    let label_width = if horizontal_bars { 20 } else { 8 };
    let bars: Vec<Bar> = top
        .iter()
        .map(|r| {
            let n = r.with_descendants.respondents;
            let pct = r
                .with_descendants
                .respondents_pct
                .map(|p| format!("{p:.0} %"))
                .unwrap_or_default();
            Bar::default()
                .value(n as u64)
                .label(Line::from(fit(&r.name, label_width)))
                .text_value(format!("{n} · {pct}"))
                .style(Style::default().fg(Color::Cyan))
        })
        .collect();
    let mut chart = BarChart::default()
        .block(
            Block::default()
                .title(t.stats_top_codes)
                .title_style(Style::default().bold()),
        )
        .data(BarGroup::default().bars(&bars))
        .value_style(Style::default().fg(Color::Black).bg(Color::Cyan));
    chart = if horizontal_bars {
        chart
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
    } else {
        chart.bar_width(8).bar_gap(1)
    };
    frame.render_widget(chart, area);
}

fn draw_answers(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, q) in s.answers.iter().enumerate() {
        if i == s.selected {
            selected_line = lines.len();
        }
        let style = if i == s.selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().bold()
        };
        lines.push(Line::from(Span::styled(
            fit(&format!("{} — {}", q.theme, q.text), area.width as usize),
            style,
        )));
        lines.push(
            Line::from((t.stats_answered)(
                q.answered(),
                q.respondents(),
                q.not_answered(),
            ))
            .dark_gray(),
        );
        let rows = q.tally.rows.iter().filter(|_| q.has_options());
        for r in rows {
            let share = r.share(&q.tally.bases, Base::Given).and_then(|p| p.pct);
            let pct = share
                .map(|p| format!("{:>7}", format_percent(p, t.analysis.decimal_comma)))
                .unwrap_or_else(|| "      —".into());
            let bar = "█".repeat(share.map_or(0, |p| (p / 5.0).round() as usize));
            let indent = if r.category.role == Role::Member {
                "    "
            } else {
                "  "
            };
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{indent}{:<width$} {:>4}  {pct}  ",
                    fit(&category_label(&r.category, t), 30 - indent.len()),
                    r.n,
                    width = 30 - indent.len()
                )),
                Span::styled(bar, Style::default().fg(Color::Cyan)),
            ]));
        }
        if let Some(sum) = &q.summary {
            let unit = q.unit.clone().unwrap_or_default();
            lines.push(Line::from((t.stats_summary)(
                sum.count, sum.sum, sum.min, sum.median, sum.max, &unit,
            )));
        }
        if q.multi {
            lines.push(Line::from(t.stats_multi).italic().dark_gray());
        }
        lines.push(Line::default());
    }
    let scroll = selected_line.saturating_sub(area.height as usize / 3) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}
