//! Drawing: the screen on top, then the help over it. A pure function of the state, generic over
//! the backend, so tests render the real screens into a `TestBackend`.

use ratatui::Frame;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::ctx::View;
use super::keymap::HelpSection;
use super::widget::wrap::wrap;
use super::widget::{centered, fit};
use crate::i18n::Texts;

/// Below this size the screens cannot be used; a message says so.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(app: &App, view: &View, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, view.t);
        return;
    }
    app.top().draw(frame, view);
    if app.help {
        draw_help(frame, &app.help(), app.help_scroll, view.t);
    }
}

fn too_small(frame: &mut Frame, t: &Texts) {
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

/// The keys of the screen, section by section; as much as the terminal holds, the rest
/// scrolled to. Keys, descriptions and titles wrap under themselves: nothing is cut at the edge.
fn draw_help(frame: &mut Frame, sections: &[HelpSection], scroll: u16, t: &Texts) {
    let area = frame.area();
    let rect = centered(area, 100, area.height);
    let inner = rect.width.saturating_sub(2) as usize;
    let key_width = key_column(sections, inner);
    let what_width = inner.saturating_sub(key_width + 1).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for section in sections {
        for row in wrap(&section.title, inner) {
            let text: String = section
                .title
                .chars()
                .skip(row.start)
                .take(row.end - row.start)
                .collect();
            lines.push(Line::from(text.trim_start().to_owned()).bold().cyan());
        }
        for (keys, what) in &section.rows {
            let keys = key_lines(keys, key_width);
            let what: Vec<String> = wrap(what, what_width)
                .iter()
                .map(|row| {
                    let text: String = what
                        .chars()
                        .skip(row.start)
                        .take(row.end - row.start)
                        .collect();
                    text.trim_start().to_owned()
                })
                .collect();
            for i in 0..keys.len().max(what.len()) {
                let key = keys.get(i).map_or("", String::as_str);
                let pad = " ".repeat(key_width + 1 - key.width());
                lines.push(Line::from(vec![
                    Span::raw(format!("{key}{pad}")).bold().yellow(),
                    Span::raw(what.get(i).cloned().unwrap_or_default()),
                ]));
            }
        }
    }
    let rect = centered(area, 100, lines.len() as u16 + 2);
    // What does not fit is scrolled to with the arrows.
    let hidden = (lines.len() as u16 + 2).saturating_sub(rect.height);
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll.min(hidden) as usize)
        .collect();
    frame.render_widget(Clear, rect);
    let help = Paragraph::new(lines).block(Block::bordered().title(t.help_title).title_bottom(
        if hidden > 0 {
            let keys: Vec<String> = super::app::HELP
                .iter()
                .map(|b| super::keymap::chords_name(b.chords, t))
                .collect();
            (t.keys.help_scroll_close)(&keys.join(" "))
        } else {
            t.help_close.to_owned()
        },
    ));
    frame.render_widget(help, rect);
}

/// The width of the keys' column, in display columns: the widest row of keys if it leaves
/// the descriptions room (two fifths of the width at most), never less than the widest key, so
/// that a key is never cut (the keys of a long row go on the next lines).
fn key_column(sections: &[HelpSection], inner: usize) -> usize {
    let rows = || sections.iter().flat_map(|s| &s.rows);
    let widest_row = rows().map(|(keys, _)| keys.width()).max().unwrap_or(0);
    let widest_key = rows()
        .flat_map(|(keys, _)| keys.split(KEY_GAP))
        .map(|key| key.width())
        .max()
        .unwrap_or(0);
    widest_row.min(inner * 2 / 5).max(widest_key).min(inner / 2)
}

/// What separates the keys of a row ([`super::keymap::chords_name`]).
const KEY_GAP: &str = "  ";

/// A row's keys on as many lines of `width` display columns as they need, broken between keys.
fn key_lines(keys: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for key in keys.split(KEY_GAP).filter(|k| !k.is_empty()) {
        let key = fit(key, width);
        match lines.last_mut() {
            Some(line) if line.width() + KEY_GAP.len() + key.width() <= width => {
                line.push_str(KEY_GAP);
                line.push_str(&key);
            }
            _ => lines.push(key),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_row_of_keys_goes_on_several_lines_and_no_key_is_cut() {
        assert_eq!(
            key_lines("Alt+i  Alt+j  Alt+k  Alt+l  Alt+x", 12),
            ["Alt+i  Alt+j", "Alt+k  Alt+l", "Alt+x"]
        );
        // Display columns, not bytes: "←" is one column and three bytes.
        assert_eq!(key_lines("Ctrl+←  Ctrl+→", 14), ["Ctrl+←  Ctrl+→"]);
        assert_eq!(key_lines("(taper)", 12), ["(taper)"]);
    }

    #[test]
    fn the_key_column_holds_the_widest_key_and_leaves_room_to_the_descriptions() {
        let section = |rows: &[&str]| HelpSection {
            title: String::new(),
            rows: rows
                .iter()
                .map(|k| (k.to_string(), String::new()))
                .collect(),
        };
        let short = [section(&["Tab", "Ctrl+←  Ctrl+→  Alt+←  Alt+→"])];
        assert_eq!(key_column(&short, 78), 28);
        let long = [section(&["Tab", &["Alt+i"; 12].join("  ")])];
        assert_eq!(key_column(&long, 78), 31);
    }
}
