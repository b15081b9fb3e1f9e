//! The quick codes: nine codes on Alt+1…9, on the interview and the coding screens alike. The
//! study chooses them (`quick_codes` in `study.json`, set from the codebook editor); a bar on
//! both screens names each key's code and marks those already on the block or the excerpt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{colour, fit};
use crate::study::{CodeId, Study};

/// The quick code on `Alt+digit`, if `digit` is 1 to 9 and there is one.
pub fn quick_code(study: &Study, digit: char) -> Option<CodeId> {
    let i = digit.to_digit(10)?.checked_sub(1)? as usize;
    study.quick_codes().get(i).copied().flatten()
}

/// A code's name as the bar shows it: without its parent's name when it starts with it
/// ("Proxénétisme conjugal" under "Proxénétisme" is "Conjugal"), so that siblings stay apart
/// when names are cut.
fn short_name(book: &crate::study::Codebook, id: CodeId) -> Option<String> {
    let code = book.get(id)?;
    let parent = code.parent.and_then(|p| book.get(p));
    let rest = parent.and_then(|p| {
        let lower = code.name.to_lowercase();
        let prefix = p.name.to_lowercase();
        lower
            .strip_prefix(&prefix)
            .filter(|r| r.starts_with(' '))
            .map(|r| {
                code.name[code.name.len() - r.len()..]
                    .trim_start()
                    .to_owned()
            })
    });
    Some(match rest {
        Some(r) if !r.is_empty() => {
            let mut chars = r.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!("{}{}", first.unwrap_or_default(), chars.as_str())
        }
        _ => code.name.clone(),
    })
}

/// The entries of the bar: key number, code, name.
fn entries(study: &Study) -> Vec<(usize, Option<CodeId>, String)> {
    study
        .quick_codes()
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let name = id
                .and_then(|id| short_name(&study.codebook, id))
                .unwrap_or_else(|| "—".to_owned());
            (i + 1, *id, name)
        })
        .collect()
}

const HEAD: &str = " Alt+ ";

/// Columns an entry takes besides its name: `1 ■ ` before, `✓ ` after.
const AROUND: usize = 6;

/// Rows the bar needs in `width` columns: as few as keep every name whole, or at least ten
/// columns of each, up to three.
pub fn bar_height(study: &Study, width: u16) -> u16 {
    let names: Vec<usize> = entries(study).iter().map(|(_, _, n)| n.width()).collect();
    let room = (width as usize).saturating_sub(HEAD.len());
    for rows in 1..=3usize {
        let per_row = names.len().div_ceil(rows);
        let each = room / per_row.max(1);
        let longest = names.iter().copied().max().unwrap_or(0);
        if each >= AROUND + longest.min(10) {
            return rows as u16;
        }
    }
    3
}

/// The bar: `Alt+ 1 ■ Conjugal  2 ■ Hôtelier …`, the codes in `applied` marked ✓.
pub fn draw_bar(frame: &mut Frame, area: Rect, study: &Study, applied: &[CodeId]) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let entries = entries(study);
    let rows = area.height as usize;
    let per_row = entries.len().div_ceil(rows);
    let room = (area.width as usize).saturating_sub(HEAD.len());
    let name_width = (room / per_row.max(1)).saturating_sub(AROUND).max(3);
    let mut lines = Vec::new();
    for (r, chunk) in entries.chunks(per_row).enumerate() {
        let lead = if r == 0 {
            HEAD.to_owned()
        } else {
            " ".repeat(HEAD.len())
        };
        let mut spans = vec![Span::raw(lead).dark_gray()];
        for (n, id, name) in chunk {
            let code = id.and_then(|id| study.codebook.get(id));
            let on = id.is_some_and(|id| applied.contains(&id));
            let mut style = Style::default();
            if on {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            } else if code.is_none() {
                style = style.fg(Color::DarkGray);
            }
            spans.push(Span::raw(format!("{n} ")).yellow().bold());
            spans.push(Span::styled(
                "■ ",
                Style::default().fg(code.map_or(Color::DarkGray, |c| colour(&c.colour))),
            ));
            let shown = fit(name, name_width);
            let pad = name_width.saturating_sub(shown.width());
            spans.push(Span::styled(shown, style));
            spans.push(Span::styled(
                if on { "✓" } else { " " },
                Style::default().fg(Color::Green).bold(),
            ));
            spans.push(Span::raw(" ".repeat(pad + 1)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
