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
/// scrolled to. Descriptions and titles wrap under themselves: nothing is cut at the edge.
fn draw_help(frame: &mut Frame, sections: &[HelpSection], scroll: u16, t: &Texts) {
    let area = frame.area();
    let rect = centered(area, 100, area.height);
    let inner = rect.width.saturating_sub(2) as usize;
    let key_width = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|(keys, _)| keys.width())
        .max()
        .unwrap_or(0)
        .min(inner / 3);
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
            let keys = fit(keys, key_width);
            let pad = " ".repeat(key_width + 1 - keys.width());
            for (i, row) in wrap(what, what_width).iter().enumerate() {
                let text: String = what
                    .chars()
                    .skip(row.start)
                    .take(row.end - row.start)
                    .collect();
                let head = if i == 0 {
                    Span::raw(format!("{keys}{pad}")).bold().yellow()
                } else {
                    Span::raw(" ".repeat(key_width + 1))
                };
                lines.push(Line::from(vec![
                    head,
                    Span::raw(text.trim_start().to_owned()),
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
