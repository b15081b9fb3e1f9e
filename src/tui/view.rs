//! Drawing: a pure function of the state, generic over the backend, so tests render the real
//! screens into a `TestBackend`.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row, Table, Wrap};

use super::app::{App, Screen};
use super::widget::centered;

/// Below this size the screens cannot be used; a message says so.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, app);
        return;
    }
    match &app.screen {
        Screen::Home(home) => super::home::draw(frame, app, home),
        Screen::Setup(setup) => super::setup::draw(frame, app, setup),
        Screen::Interview(interview) => super::interview::view::draw(frame, app, interview),
        Screen::Coding(screen) => super::coding::view::draw(frame, app, screen),
        Screen::Codebook(screen) => super::codebook::draw(frame, app, screen),
        Screen::Retrieval(screen) => super::retrieval::draw(frame, app, screen),
        Screen::Stats(screen) => super::stats::draw(frame, app, screen),
        Screen::Search(screen) => super::search::draw(frame, app, screen),
    }
    if app.help {
        draw_help(frame, app);
    }
}

fn too_small(frame: &mut Frame, app: &App) {
    let t = app.texts();
    let area = frame.area();
    let text = vec![
        Line::from(t.too_small).bold(),
        Line::from(format!(
            "{}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).centered(),
        area,
    );
}

/// A screen's three bands: the header line, the body, the status line.
pub fn screen_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The top line: the app, what the screen is about, and a sign on the right.
pub fn header(frame: &mut Frame, area: Rect, _app: &App, title: &str, sign: Span<'static>) {
    let sign_width = sign.width() as u16;
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(sign_width)]).areas(area);
    let style = Style::default().bg(Color::Blue).fg(Color::White);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(" grille ").bold(),
            Span::raw(format!("· {title}")),
        ]))
        .style(style),
        left,
    );
    frame.render_widget(Paragraph::new(Line::from(sign)).style(style), right);
}

/// The bottom line: the last notice if any, else the main keys of the screen.
pub fn status_bar(frame: &mut Frame, area: Rect, app: &App, keys: &str) {
    let line = match &app.notice {
        Some(n) if n.error => Line::from(Span::styled(
            format!(" {} ", n.text),
            Style::default().fg(Color::White).bg(Color::Red),
        )),
        Some(n) => Line::from(Span::styled(
            format!(" {} ", n.text),
            Style::default().fg(Color::Black).bg(Color::Cyan),
        )),
        None => Line::from(Span::raw(format!(" {keys}")).dark_gray()),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Who speaks, named and coloured the same on every screen.
pub fn speaker(who: crate::study::Speaker, t: &crate::i18n::Texts) -> (&'static str, Style) {
    match who {
        crate::study::Speaker::Respondent => (
            t.speaker_respondent,
            Style::default().fg(Color::Cyan).bold(),
        ),
        crate::study::Speaker::Interviewer => (
            t.speaker_interviewer,
            Style::default().fg(Color::Magenta).bold(),
        ),
    }
}

/// `1:02:03` or `02:03`.
pub fn format_duration(d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

fn draw_help(frame: &mut Frame, app: &App) {
    let t = app.texts();
    let bindings = match &app.screen {
        Screen::Home(_) => t.help_home,
        Screen::Setup(_) => t.help_setup,
        Screen::Interview(_) => t.help_interview,
        Screen::Coding(_) => t.help_coding,
        Screen::Codebook(_) => t.help_codebook,
        Screen::Retrieval(_) => t.help_retrieval,
        Screen::Stats(_) => t.help_stats,
        Screen::Search(_) => t.help_search,
    };
    let area = frame.area();
    let rect = centered(area, 78, bindings.len() as u16 + 4);
    frame.render_widget(Clear, rect);
    let rows: Vec<Row> = bindings
        .iter()
        .map(|(keys, what)| Row::new(vec![Span::raw(*keys).bold().yellow(), Span::raw(*what)]))
        .collect();
    let table = Table::new(rows, [Constraint::Length(22), Constraint::Min(10)]).block(
        Block::bordered()
            .title(t.help_title)
            .title_bottom(t.help_close),
    );
    frame.render_widget(table, rect);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(Duration::seconds(75)), "01:15");
        assert_eq!(format_duration(Duration::seconds(3723)), "1:02:03");
        assert_eq!(format_duration(Duration::seconds(-5)), "00:00");
    }
}
