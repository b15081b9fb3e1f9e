//! The home screen: the study, its sessions (date, respondent, status, grid coverage), and what
//! can be done from here.
//!
//! Over 500 lines: the home screen's list, its marks for sessions with a problem, and its actions;
//! they share the list state.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::chrome::{header, status_bar};
use super::codebook::CodebookScreen;
use super::ctx::{Ctx, View};
use super::keymap::{self, Binding, DOWN, END, ENTER, ESC, HOME, HelpSection, UP, bind, ch, main};
use super::msg::{Answer, Effect, Intent};
use super::pseudonyms::PseudonymScreen;
use super::screen::{Nav, Screen, Step};
use super::search::SearchScreen;
use super::setup::Setup;
use super::stats::StatsScreen;
use crate::i18n::Texts;
use crate::study::{Layers, SessionId, SessionSummary, Status, Study, Time};
use crate::workspace::Unreadable;

/// One session as listed.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub id: SessionId,
    pub date: Option<Time>,
    pub respondent: String,
    pub group: String,
    pub interviewer: String,
    pub status: Status,
    /// Notes typed live, the recording's transcript, or both (`None`: unreadable).
    pub layers: Option<Layers>,
    pub covered: usize,
    pub segments: usize,
    pub codings: usize,
    /// What is wrong with the session: it is listed, marked, and opens read-only.
    pub problem: Option<String>,
    /// Whether anything of it could be read (else there is nothing to open).
    pub readable: bool,
}

#[derive(Default)]
pub struct Home {
    pub rows: Vec<SessionRow>,
    pub unreadable: Vec<Unreadable>,
    /// What is wrong with each of `unreadable`, as the screen says it under the list: the
    /// session, then the reason (before any path, so that a narrow screen still shows it).
    problems: Vec<String>,
    pub selected: usize,
    /// The first session shown: the list scrolls only as far as the selection needs.
    pub offset: usize,
    pub questions: usize,
    /// The sessions are being read: the list is not there yet.
    pub loading: bool,
    /// An interview in progress whose writer died: offered to be resumed.
    pub resume: Option<SessionId>,
    /// The offer was made (once, when grille starts).
    pub offered: bool,
}

impl Home {
    /// The home screen before its sessions are read.
    pub fn loading() -> Home {
        Home {
            loading: true,
            ..Home::default()
        }
    }

    /// The list of `sessions`, the selection kept on the same session if it is still there.
    pub fn fill(
        &mut self,
        study: &Study,
        t: &Texts,
        sessions: Vec<SessionSummary>,
        unreadable: Vec<Unreadable>,
    ) {
        let selected = self.rows.get(self.selected).map(|r| r.id);
        let mut filled = Home::new(study, t, sessions, unreadable);
        filled.selected = selected
            .and_then(|id| filled.rows.iter().position(|r| r.id == id))
            .unwrap_or(0);
        filled.offset = self.offset.min(filled.selected);
        filled.resume = self.resume;
        filled.offered = self.offered;
        *self = filled;
    }

    /// The list from the sessions' summaries (what `grille sessions` keeps): the home screen
    /// of a large study never holds its transcripts.
    pub fn new(
        study: &Study,
        t: &Texts,
        sessions: Vec<SessionSummary>,
        unreadable: Vec<Unreadable>,
    ) -> Home {
        let first_attr = study.meta.respondent_attributes.first();
        let row = |s: &SessionSummary, problem: Option<String>| SessionRow {
            id: s.id,
            date: s.date,
            respondent: s.pseudonym.clone(),
            group: first_attr
                .and_then(|a| {
                    let v = s.attributes.get(&a.key)?;
                    let key = *v.keys().first()?;
                    Some(a.kind.option_label(key).unwrap_or(key).to_owned())
                })
                .unwrap_or_default(),
            interviewer: s.interviewer.clone(),
            status: s.status,
            layers: Some(s.layers),
            covered: s.covered,
            segments: s.segments,
            codings: s.codings,
            problem,
            readable: true,
        };
        let mut rows: Vec<SessionRow> = sessions.iter().map(|s| row(s, None)).collect();
        // Sessions with a problem are listed too, marked: never hidden.
        for u in &unreadable {
            rows.push(match &u.session {
                Some(s) => row(&SessionSummary::of(s, study), Some(u.said(t))),
                None => SessionRow {
                    id: u.id,
                    date: None,
                    respondent: "?".into(),
                    group: String::new(),
                    interviewer: String::new(),
                    status: Status::Done,
                    layers: None,
                    covered: 0,
                    segments: 0,
                    codings: 0,
                    problem: Some(u.said(t)),
                    readable: false,
                },
            });
        }
        let problems = unreadable
            .iter()
            .map(|u| {
                let id = u.id.to_string();
                let who = match u.pseudonym() {
                    Some(pseudonym) => format!("{pseudonym} ({})", &id[..8]),
                    None => id[..8].to_owned(),
                };
                (t.home.problem)(&who, &u.reason(t))
            })
            .collect();
        Home {
            rows,
            unreadable,
            problems,
            selected: 0,
            offset: 0,
            questions: study.grid.question_count(),
            loading: false,
            resume: None,
            offered: false,
        }
    }

    /// Enter (and a second click) continues an interview in progress, and codes a finished one.
    fn open(&self, intent: Option<Intent>) -> Step {
        let Some(row) = self.rows.get(self.selected) else {
            return Step::none();
        };
        if !row.readable {
            // Nothing could be read: all there is to show is what is wrong.
            return Step::error(row.problem.clone().unwrap_or_default());
        }
        let intent = intent.unwrap_or(match row.status {
            Status::InProgress => Intent::Interview,
            Status::Done => Intent::Coding(None),
        });
        Step::effect(Effect::Open {
            session: row.id,
            intent,
        })
    }
}

impl Screen for Home {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        let step = keys(self, cx, key);
        self.keep_visible(table_rows(cx.size, self));
        step
    }

    fn mouse(&mut self, cx: &mut Ctx, mouse: MouseEvent) -> Step {
        on_mouse(self, cx, mouse)
    }

    fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        match answer {
            Answer::Sessions(sessions, unreadable, interrupted) => {
                // The latest interview interrupted, offered once when grille starts.
                if !self.offered {
                    self.offered = true;
                    self.resume = sessions
                        .iter()
                        .filter(|s| interrupted.contains(&s.id))
                        .max_by_key(|s| s.date)
                        .map(|s| s.id);
                }
                self.fill(cx.study, cx.t, sessions, unreadable);
                if let Some(i) = self
                    .resume
                    .and_then(|id| self.rows.iter().position(|r| r.id == id))
                {
                    self.selected = i;
                }
                self.keep_visible(table_rows(cx.size, self));
                Step::none()
            }
            Answer::Stats(stats) => Step::push(StatsScreen::new(*stats)),
            _ => Step::none(),
        }
    }

    /// Back from a session or another screen: the list is read again.
    fn resumed(&mut self, _cx: &mut Ctx) -> Step {
        Step::effect(Effect::LoadSessions)
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        if self.resume.is_some() {
            return vec![keymap::section(t.keys.resume_title.trim(), RESUME, t)];
        }
        vec![keymap::section(t.home_title, KEYS, t)]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    First,
    Last,
    Open,
    Interview,
    Code,
    Stats,
    Codebook,
    New,
    Reload,
    Search,
    Pseudonymize,
    Help,
    Quit,
}

pub static KEYS: &[Binding<Act>] = &[
    bind(&[UP, ch('k')], Act::Up, |k| k.previous_session),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.next_session),
    bind(&[HOME, ch('g')], Act::First, |k| k.first_session),
    bind(&[END, ch('G')], Act::Last, |k| k.last_session),
    main(&[ENTER], Act::Open, |k| k.open_session, |k| k.short_open),
    main(
        &[ch('n')],
        Act::New,
        |k| k.new_interview,
        |k| k.short_new_interview,
    ),
    main(&[ch('c')], Act::Code, |k| k.code_session, |k| k.short_code),
    bind(&[ch('i')], Act::Interview, |k| k.resume_interview),
    main(&[ch('s')], Act::Stats, |k| k.statistics, |k| k.short_stats),
    main(
        &[ch('B')],
        Act::Codebook,
        |k| k.codebook,
        |k| k.short_codebook,
    ),
    bind(&[ch('r')], Act::Reload, |k| k.reload_sessions),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('p')], Act::Pseudonymize, |k| k.pseudonyms.open),
    bind(&[ch('?')], Act::Help, |k| k.help),
    main(&[ch('q'), ESC], Act::Quit, |k| k.quit, |k| k.short_quit),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    Resume,
    Later,
}

/// The offer to resume an interview interrupted by a crash.
pub static RESUME: &[Binding<Offer>] = &[
    main(
        &[ENTER, ch('o'), ch('y')],
        Offer::Resume,
        |k| k.resume_interrupted,
        |k| k.short_resume,
    ),
    main(
        &[ESC, ch('n')],
        Offer::Later,
        |k| k.resume_later,
        |k| k.short_later,
    ),
];

fn keys(home: &mut Home, cx: &Ctx, key: KeyEvent) -> Step {
    if let Some(id) = home.resume {
        return match keymap::lookup(RESUME, &key).map(|h| h.action) {
            Some(Offer::Resume) => {
                home.resume = None;
                Step::effect(Effect::Open {
                    session: id,
                    intent: Intent::Interview,
                })
            }
            Some(Offer::Later) => {
                home.resume = None;
                Step::none()
            }
            None => Step::error((cx.t.keys.refused_in)(
                &keymap::key_name(&key, cx.t),
                &keymap::footer(&[RESUME], cx.t),
            )),
        };
    }
    let count = home.rows.len();
    let Some(hit) = keymap::lookup(KEYS, &key) else {
        return Step::error(keymap::refused(&key, cx.t));
    };
    match hit.action {
        Act::Up => home.selected = home.selected.saturating_sub(1),
        Act::Down => home.selected = (home.selected + 1).min(count.saturating_sub(1)),
        Act::First => home.selected = 0,
        Act::Last => home.selected = count.saturating_sub(1),
        Act::Open => return home.open(None),
        Act::Interview => return home.open(Some(Intent::Interview)),
        Act::Code => return home.open(Some(Intent::Coding(None))),
        Act::Stats => return Step::effect(Effect::LoadStats { by: None }),
        Act::Codebook => return Step::push(CodebookScreen::new()),
        Act::New => return Step::push(Setup::new(cx.study, cx.interviewer, cx.t)),
        Act::Reload => return Step::effect(Effect::LoadSessions),
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Pseudonymize => return PseudonymScreen::open(),
        Act::Help => return Step::nav(Nav::Help),
        Act::Quit => return Step::nav(Nav::Quit),
    }
    Step::none()
}

fn on_mouse(home: &mut Home, cx: &Ctx, mouse: MouseEvent) -> Step {
    match mouse.kind {
        // Rows start under the header line, the study block and the table header.
        MouseEventKind::Down(MouseButton::Left) => {
            let first_row = 1 + STUDY_HEIGHT + 1;
            if let Some(i) = mouse.row.checked_sub(first_row) {
                let i = i as usize + home.offset;
                if i < home.rows.len() {
                    if home.selected == i {
                        // A second click opens it, as Enter does.
                        return home.open(None);
                    }
                    home.selected = i;
                }
            }
        }
        MouseEventKind::ScrollDown => {
            home.selected = (home.selected + 1).min(home.rows.len().saturating_sub(1))
        }
        MouseEventKind::ScrollUp => home.selected = home.selected.saturating_sub(1),
        _ => {}
    }
    home.keep_visible(table_rows(cx.size, home));
    Step::none()
}

const STUDY_HEIGHT: u16 = 4;

/// Rows of sessions the table shows in a terminal of `(width, height)`.
fn table_rows((width, height): (u16, u16), home: &Home) -> usize {
    let problems = home.problem_lines(width as usize).len() as u16;
    let fixed = 1 + STUDY_HEIGHT + 1 + problems + 1;
    height.saturating_sub(fixed).max(1) as usize
}

/// Lines under the list for the sessions with a problem, at most: the sessions past them are
/// still marked in the list, and `grille check` names them all.
const PROBLEM_LINES: usize = 6;

impl Home {
    /// The problems under the list, wrapped to `width` columns (the reason is never cut at
    /// the edge), each marked with ⚠.
    fn problem_lines(&self, width: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for problem in &self.problems {
            let rows = super::widget::wrap::wrap(problem, width.saturating_sub(3).max(10));
            for (i, row) in rows.iter().enumerate() {
                let text: String = problem
                    .chars()
                    .skip(row.start)
                    .take(row.end - row.start)
                    .collect();
                let mark = if i == 0 { " ⚠ " } else { "   " };
                lines.push(format!("{mark}{}", text.trim()));
            }
        }
        lines.truncate(PROBLEM_LINES);
        lines
    }
}

impl Home {
    /// Scrolls the list as little as needed to show the selected session in `rows` rows.
    /// Drawing and the mouse both read the offset, so a click lands on the row it shows.
    fn keep_visible(&mut self, rows: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

pub fn draw(frame: &mut Frame, view: &View, home: &Home) {
    let t = view.t;
    let problems: Vec<Line> = home
        .problem_lines(frame.area().width as usize)
        .into_iter()
        .map(|line| Line::from(line).fg(Color::Red))
        .collect();
    let [top, study_area, table_area, problems_area, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(STUDY_HEIGHT),
        Constraint::Min(3),
        Constraint::Length(problems.len() as u16),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    header(
        frame,
        top,
        t.home_title,
        Span::raw(format!(" {} ", (t.sessions_count)(home.rows.len()))),
    );
    draw_study(frame, study_area, view);
    draw_sessions(frame, table_area, t, home);
    frame.render_widget(Paragraph::new(problems), problems_area);
    let keys = if home.resume.is_some() {
        keymap::footer(&[RESUME], t)
    } else {
        keymap::footer(&[KEYS], t)
    };
    status_bar(frame, status, view, &keys);
    if let Some(row) = home
        .resume
        .and_then(|id| home.rows.iter().find(|r| r.id == id))
    {
        draw_offer(frame, row, t);
    }
}

/// The offer to resume an interview a crash interrupted.
fn draw_offer(frame: &mut Frame, row: &SessionRow, t: &Texts) {
    let rect = super::widget::centered(frame.area(), 70, 7);
    frame.render_widget(ratatui::widgets::Clear, rect);
    let date = row
        .date
        .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_default();
    let lines = vec![
        Line::from((t.keys.resume_offer)(&row.respondent, &date)),
        Line::default(),
        Line::from(keymap::footer(&[RESUME], t)).bold(),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(
                Block::bordered()
                    .title(t.keys.resume_title)
                    .border_style(Style::default().fg(Color::Yellow)),
            ),
        rect,
    );
}

fn draw_study(frame: &mut Frame, area: Rect, view: &View) {
    let meta = &view.study.meta;
    let grid = &view.study.grid;
    let t = view.t;
    let lines = vec![
        Line::from(meta.title.clone()).bold(),
        Line::from(meta.description.clone()).dark_gray(),
        Line::from((t.study_summary)(
            grid.themes.len(),
            grid.question_count(),
            view.study.codebook.codes.len(),
        )),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(ratatui::widgets::Borders::BOTTOM)),
        area,
    );
}

fn draw_sessions(frame: &mut Frame, area: Rect, t: &Texts, home: &Home) {
    if home.rows.is_empty() {
        let empty = if home.loading {
            t.screens.loading_sessions
        } else {
            t.no_sessions_tui
        };
        frame.render_widget(Paragraph::new(empty).dark_gray(), area);
        return;
    }
    // The interviewer column goes first when the terminal is narrow; then the group and the
    // coverage's bar shrink, and what text a session holds is said in short.
    let wide = area.width >= 100;
    let roomy = area.width >= 130;
    let mut titles = vec![
        t.col_date,
        t.col_respondent,
        "",
        t.col_interviewer,
        t.col_status,
        t.align.col_layers,
        t.col_coverage,
        t.col_segments,
        t.col_codings,
    ];
    let mut widths = vec![16, 10, 22, 18, 11, if roomy { 14 } else { 5 }, 12, 8, 7];
    if !wide {
        titles.remove(3);
        widths = vec![16, 10, 10, 11, 5, 6, 8, 7];
    }
    let header = Row::new(titles).style(Style::default().bold());
    let rows = home.rows.iter().map(|r| {
        let (status, colour) = match (r.status, &r.problem) {
            (_, Some(_)) => (t.store.status_problem, Color::Red),
            (Status::InProgress, _) => (t.status_in_progress, Color::Yellow),
            (Status::Done, _) => (t.status_done, Color::Green),
        };
        let mut cells = vec![
            Cell::from(
                r.date
                    .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            ),
            Cell::from(r.respondent.clone()).bold(),
            Cell::from(r.group.clone()),
            Cell::from(r.interviewer.clone()),
            Cell::from(status).fg(colour),
            Cell::from(
                r.layers
                    .map(|l| t.align.layers(l, roomy))
                    .unwrap_or_default(),
            ),
            Cell::from(if wide {
                coverage(r.covered, home.questions)
            } else {
                format!("{}/{}", r.covered, home.questions)
            }),
            Cell::from(format!("{:>5}", r.segments)),
            Cell::from(format!("{:>5}", r.codings)),
        ];
        if !wide {
            cells.remove(3);
        }
        Row::new(cells)
    });
    let table = Table::new(rows, widths.into_iter().map(Constraint::Length))
        .header(header)
        .flex(ratatui::layout::Flex::Start)
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        table,
        area,
        &mut TableState::default()
            .with_offset(home.offset)
            .with_selected(Some(home.selected)),
    );
}

/// `▰▰▰▱▱ 14/28`
fn coverage(covered: usize, total: usize) -> String {
    let filled = (covered * 5 + total / 2).checked_div(total).unwrap_or(0);
    format!(
        "{}{} {covered}/{total}",
        "▰".repeat(filled),
        "▱".repeat(5 - filled)
    )
}
