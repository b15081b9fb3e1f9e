//! Widgets shared by the screens: text fields and the keys of text, value inputs, forms, the
//! code picker, menus, the situation form, the quick codes, wrapping that remembers offsets.

pub mod bars;
pub mod field;
pub mod form;
pub mod menu;
pub mod picker;
pub mod quick_codes;
pub mod situation_form;
pub mod text_keys;
pub mod text_view;
pub mod undo_groups;
pub mod value_input;
pub mod wrap;

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Color;

/// A rectangle of at most `width` × `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

/// A codebook colour (`#rrggbb`) for the terminal.
pub fn colour(hex: &str) -> Color {
    if !crate::study::validate::is_colour(hex) {
        return Color::Gray;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(128);
    Color::Rgb(channel(1), channel(3), channel(5))
}

/// Truncates `text` to `width` terminal columns, with an ellipsis when cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_owned();
    }
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The "à citer" mark of a coding as the screens show it, indented, with its comment.
pub fn quote_mark(quote: &crate::study::Quote, t: &crate::i18n::Texts) -> String {
    let r = t.report;
    match &quote.comment {
        Some(comment) => format!("  {}{} {comment}", r.quote_here, r.words.colon),
        None => format!("  {}", r.quote_here),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_columns_and_cuts_with_an_ellipsis() {
        assert_eq!(fit("hôtel", 5), "hôtel");
        assert_eq!(fit("proxénétisme", 6), "proxé…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn colours_read_hex() {
        assert_eq!(colour("#b03a2e"), Color::Rgb(0xb0, 0x3a, 0x2e));
        assert_eq!(colour("bad"), Color::Gray);
    }
}
