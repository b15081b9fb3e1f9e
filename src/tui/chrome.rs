//! What every screen draws the same way: the header line, the status line (a notice, the keys,
//! the progress of work in the background), who speaks, durations.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::ctx::View;
use super::msg::{Progress, Work};
use crate::i18n::Texts;
use crate::study::{Recording, Segment, Session, Speaker};

/// A screen's three bands: the header line, the body, the status line.
pub fn screen_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The top line: the app, what the screen is about, and a sign on the right, which is never
/// cut (the title is, with an ellipsis).
pub fn header(frame: &mut Frame, area: Rect, title: &str, sign: impl Into<Line<'static>>) {
    let sign: Line = sign.into();
    let sign_width = (sign.width() as u16).min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(sign_width)]).areas(area);
    let style = Style::default().bg(Color::Blue).fg(Color::White);
    let room = (left.width as usize).saturating_sub(" grille · ".len());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(" grille ").bold(),
            Span::raw(format!("· {}", super::widget::fit(title, room))),
        ]))
        .style(style),
        left,
    );
    frame.render_widget(Paragraph::new(sign).style(style), right);
}

/// The bottom line: the last notice if any, else the main keys of the screen; on the right,
/// the work under way in the background.
pub fn status_bar(frame: &mut Frame, area: Rect, view: &View, keys: &str) {
    status_line(frame, area, view, None, keys);
}

/// The bottom line of a screen with modes: the mode on the left, always (as vim's
/// `-- INSERT --`), then the notice or the keys.
pub fn status_line(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    mode: Option<(&str, Color)>,
    keys: &str,
) {
    let [mode_area, area] = match mode {
        Some((name, _)) => Layout::horizontal([
            Constraint::Length(name.chars().count() as u16 + 2),
            Constraint::Min(0),
        ])
        .areas(area),
        None => [Rect::default(), area],
    };
    if let Some((name, colour)) = mode {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {name} "),
                Style::default().fg(Color::Black).bg(colour).bold(),
            )),
            mode_area,
        );
    }
    let progress = view.progress.map(|p| progress_text(p, view.t));
    let width = progress
        .as_ref()
        .map_or(0, |p| p.chars().count() as u16 + 2);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    let style = match view.notice {
        Some(n) if n.error => Style::default().fg(Color::White).bg(Color::Red),
        Some(_) => Style::default().fg(Color::Black).bg(Color::Cyan),
        None => Style::default().fg(Color::DarkGray),
    };
    let text = match view.notice {
        Some(n) => format!(" {} ", n.text),
        None => format!(" {}", fitted_keys(keys, left.width as usize, view.t)),
    };
    // A notice longer than the line takes the rows above too (three at most), rather than
    // being cut.
    let rows = match view.notice {
        Some(_) => {
            let width = unicode_width::UnicodeWidthStr::width(text.as_str());
            (width.div_ceil(left.width.max(1) as usize) as u16).clamp(1, 3)
        }
        None => 1,
    };
    let wide = rows > 1;
    let rect = Rect {
        y: left.y.saturating_sub(rows - 1),
        height: rows.min(left.y + 1),
        ..left
    };
    if wide {
        frame.render_widget(ratatui::widgets::Clear, rect);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(text, style))
            .style(if wide { style } else { Style::default() })
            .wrap(ratatui::widgets::Wrap { trim: false }),
        rect,
    );
    if let Some(text) = progress {
        frame.render_widget(
            Paragraph::new(Span::raw(format!(" {text} ")).yellow()),
            right,
        );
    }
}

/// The keys of a screen, then `F1 aide`, as many as the line holds: keys are left out from
/// the end, never cut in the middle, and F1 always shows.
fn fitted_keys(keys: &str, width: usize, t: &Texts) -> String {
    use unicode_width::UnicodeWidthStr;
    let help = format!(
        "{} {}",
        super::keymap::key(ratatui::crossterm::event::KeyCode::F(1)).name(t.keys),
        t.keys.short_help
    );
    let mut items: Vec<&str> = keys.split(" · ").filter(|k| !k.is_empty()).collect();
    loop {
        let mut line = items.join(" · ");
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&help);
        if line.width() < width || items.is_empty() {
            return line;
        }
        items.pop();
    }
}

/// `⟳ Indexation 120/1000`
pub fn progress_text(p: &Progress, t: &Texts) -> String {
    let s = t.screens;
    let what = match p.what {
        Work::Loading => s.work_loading,
        Work::Indexing => s.work_indexing,
        Work::Searching => s.work_searching,
        Work::Counting => s.work_counting,
        Work::Exporting => s.work_exporting,
    };
    if p.total > 0 {
        format!("⟳ {what} {}/{}", p.done, p.total)
    } else {
        format!("⟳ {what}…")
    }
}

/// Who speaks, named and coloured the same on every screen.
pub fn speaker(who: Speaker, t: &Texts) -> (&'static str, Style) {
    match who {
        Speaker::Respondent => (
            t.speaker_respondent,
            Style::default().fg(Color::Cyan).bold(),
        ),
        Speaker::Interviewer => (
            t.speaker_interviewer,
            Style::default().fg(Color::Magenta).bold(),
        ),
    }
}

/// Who said a segment and when, as every transcript shows it: the role, coloured (another
/// respondent of the session in a colour of their own), the speaker's name or pseudonym when
/// the segment has one, then its time: the clock time, or the place in the recording (`+12:05`)
/// when the interview's date is unknown. `clock` is the format of the clock time.
pub fn who_and_when(
    session: &Session,
    seg: &Segment,
    t: &Texts,
    clock: &str,
) -> Vec<Span<'static>> {
    let (who, mut style) = speaker(seg.speaker, t);
    let co = session
        .respondent_of(seg)
        .is_some_and(|r| r.pseudonym != session.respondent.pseudonym);
    if co {
        style = Style::default().fg(Color::Green).bold();
    }
    let mut spans = vec![Span::styled(who.to_owned(), style)];
    if let Some(label) = &seg.speaker_label {
        spans.push(Span::styled(format!(" {label}"), style.not_bold()));
    }
    let when = match (seg.start, seg.recording) {
        (Some(start), _) => Some(start.format(clock).to_string()),
        (None, Some(rec)) => Some(Recording::show(rec.start)),
        (None, None) => None,
    };
    if let Some(when) = when {
        spans.push(Span::raw(format!(" {when}")).dark_gray());
    }
    spans
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(Duration::seconds(75)), "01:15");
        assert_eq!(format_duration(Duration::seconds(3723)), "1:02:03");
        assert_eq!(format_duration(Duration::seconds(-5)), "00:00");
    }

    #[test]
    fn progress_says_what_and_how_far() {
        let t = crate::i18n::Lang::Fr.texts();
        let p = Progress {
            what: Work::Indexing,
            done: 120,
            total: 1000,
        };
        assert_eq!(progress_text(&p, t), "⟳ Indexation 120/1000");
        let p = Progress { total: 0, ..p };
        assert_eq!(progress_text(&p, t), "⟳ Indexation…");
    }
}
