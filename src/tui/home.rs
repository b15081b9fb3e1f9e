//! The home screen: the study, its sessions (date, respondent, status, grid coverage), and what
//! can be done from here.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::app::{App, OpenAs, Screen};
use super::msg::Effect;
use super::setup::Setup;
use super::view::{header, status_bar};
use crate::study::{Session, SessionId, Status, Study, Time};
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
    pub covered: usize,
    pub segments: usize,
    pub codings: usize,
}

#[derive(Default)]
pub struct Home {
    pub rows: Vec<SessionRow>,
    pub unreadable: Vec<Unreadable>,
    pub selected: usize,
    /// The first session shown: the list scrolls only as far as the selection needs.
    pub offset: usize,
    pub questions: usize,
}

impl Home {
    pub fn new(study: &Study, sessions: Vec<Session>, unreadable: Vec<Unreadable>) -> Home {
        let first_attr = study.meta.respondent_attributes.first();
        let rows = sessions
            .iter()
            .map(|s| SessionRow {
                id: s.id,
                date: s.date(),
                respondent: s.respondent.pseudonym.clone(),
                group: first_attr
                    .and_then(|a| {
                        let v = s.respondent.attributes.get(&a.key)?;
                        let key = *v.keys().first()?;
                        Some(a.kind.option_label(key).unwrap_or(key).to_owned())
                    })
                    .unwrap_or_default(),
                interviewer: s.interviewer.clone(),
                status: s.status,
                covered: study
                    .grid
                    .questions()
                    .filter(|(_, q)| s.is_covered(q.id))
                    .count(),
                segments: s.segments.len(),
                codings: s.codings.len(),
            })
            .collect();
        Home {
            rows,
            unreadable,
            selected: 0,
            offset: 0,
            questions: study.grid.question_count(),
        }
    }
}

fn home(app: &mut App) -> Option<&mut Home> {
    match &mut app.screen {
        Screen::Home(h) => Some(h),
        _ => None,
    }
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let effects = keys(app, key);
    let height = app.size.1;
    if let Screen::Home(home) = &mut app.screen {
        home.keep_visible(table_rows(height, home.unreadable.len()));
    }
    effects
}

fn keys(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let interviewer = app.interviewer.clone();
    let Some(home) = home(app) else {
        return Vec::new();
    };
    let count = home.rows.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => home.selected = home.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            home.selected = (home.selected + 1).min(count.saturating_sub(1))
        }
        KeyCode::Home => home.selected = 0,
        KeyCode::End => home.selected = count.saturating_sub(1),
        KeyCode::Enter | KeyCode::Char('c') | KeyCode::Char('i') => {
            let Some(row) = home.rows.get(home.selected) else {
                return Vec::new();
            };
            let id = row.id;
            // Enter continues an interview in progress, and codes a finished one.
            app.open_as = match (key.code, row.status) {
                (KeyCode::Char('i'), _) | (KeyCode::Enter, Status::InProgress) => OpenAs::Interview,
                _ => OpenAs::Coding(None),
            };
            return vec![Effect::OpenSession(id)];
        }
        KeyCode::Char('s') => return vec![Effect::LoadStats],
        KeyCode::Char('B') => {
            app.screen = Screen::Codebook(Box::new(super::codebook::CodebookScreen::new(None)));
        }
        KeyCode::Char('n') => {
            app.open_as = OpenAs::Interview;
            let setup = Setup::new(&app.study, &interviewer, app.texts());
            app.screen = Screen::Setup(Box::new(setup));
        }
        KeyCode::Char('r') => return vec![Effect::LoadSessions],
        KeyCode::Char('?') => app.help = true,
        KeyCode::Char('q') | KeyCode::Esc => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    Vec::new()
}

pub fn on_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let size = app.size;
    let Screen::Home(home) = &mut app.screen else {
        return Vec::new();
    };
    let app_size = size;
    match mouse.kind {
        // Rows start under the header line, the study block and the table header.
        MouseEventKind::Down(MouseButton::Left) => {
            let first_row = 1 + STUDY_HEIGHT + 1;
            if let Some(i) = mouse.row.checked_sub(first_row) {
                let i = i as usize + home.offset;
                if i < home.rows.len() {
                    if home.selected == i {
                        // A second click opens it, as Enter does.
                        let row = &home.rows[i];
                        let id = row.id;
                        app.open_as = match row.status {
                            Status::InProgress => OpenAs::Interview,
                            Status::Done => OpenAs::Coding(None),
                        };
                        return vec![Effect::OpenSession(id)];
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
    home.keep_visible(table_rows(app_size.1, home.unreadable.len()));
    Vec::new()
}

const STUDY_HEIGHT: u16 = 4;

/// Rows of sessions the table shows in a terminal `height` rows tall.
fn table_rows(height: u16, unreadable: usize) -> usize {
    let fixed = 1 + STUDY_HEIGHT + 1 + unreadable.min(3) as u16 + 1;
    height.saturating_sub(fixed).max(1) as usize
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

pub fn draw(frame: &mut Frame, app: &App, home: &Home) {
    let t = app.texts();
    let [top, study_area, table_area, problems, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(STUDY_HEIGHT),
        Constraint::Min(3),
        Constraint::Length(home.unreadable.len().min(3) as u16),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    header(
        frame,
        top,
        app,
        t.home_title,
        Span::raw(format!(" {} ", (t.sessions_count)(home.rows.len()))),
    );
    draw_study(frame, study_area, app);
    draw_sessions(frame, table_area, app, home);
    let lines: Vec<Line> = home
        .unreadable
        .iter()
        .map(|u| {
            Line::from(Span::styled(
                format!(" ⚠ {}", (t.session_unreadable)(&u.error)),
                Style::default().fg(Color::Red),
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), problems);
    status_bar(frame, status, app, t.keys_home);
}

fn draw_study(frame: &mut Frame, area: Rect, app: &App) {
    let meta = &app.study.meta;
    let grid = &app.study.grid;
    let t = app.texts();
    let lines = vec![
        Line::from(meta.title.clone()).bold(),
        Line::from(meta.description.clone()).dark_gray(),
        Line::from((t.study_summary)(
            grid.themes.len(),
            grid.question_count(),
            app.study.codebook.codes.len(),
        )),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(ratatui::widgets::Borders::BOTTOM)),
        area,
    );
}

fn draw_sessions(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let t = app.texts();
    if home.rows.is_empty() {
        frame.render_widget(Paragraph::new(t.no_sessions_tui).dark_gray(), area);
        return;
    }
    // The interviewer column goes first when the terminal is narrow.
    let wide = area.width >= 100;
    let mut titles = vec![
        t.col_date,
        t.col_respondent,
        "",
        t.col_interviewer,
        t.col_status,
        t.col_coverage,
        t.col_segments,
        t.col_codings,
    ];
    let mut widths = vec![16, 10, 22, 18, 11, 12, 8, 7];
    if !wide {
        titles.remove(3);
        widths.remove(3);
    }
    let header = Row::new(titles).style(Style::default().bold());
    let rows = home.rows.iter().map(|r| {
        let (status, colour) = match r.status {
            Status::InProgress => (t.status_in_progress, Color::Yellow),
            Status::Done => (t.status_done, Color::Green),
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
            Cell::from(coverage(r.covered, home.questions)),
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
