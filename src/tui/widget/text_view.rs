//! Drawing a text being typed (the notes, a correction): its lines wrapped at spaces the way the
//! transcripts are (a space where a row breaks ends that row, so no row starts with a space),
//! the cursor marked, the view scrolled to the cursor's row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::wrap::wrap;

/// The rows of `lines` in `width` columns, with one column kept free at the end of each row
/// for the cursor: `(line, first char, end char)`.
pub fn rows(lines: &[String], width: u16) -> Vec<(usize, usize, usize)> {
    let width = width.saturating_sub(1).max(1) as usize;
    lines
        .iter()
        .enumerate()
        .flat_map(|(i, line)| {
            wrap(line, width)
                .into_iter()
                .map(move |r| (i, r.start, r.end))
        })
        .collect()
}

/// Draws `text` in `area`; the cursor in `cursor` style when given.
pub fn draw(frame: &mut Frame, area: Rect, text: &TextArea, cursor: Option<Style>) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = text.lines();
    let rows = rows(lines, area.width);
    let ratatui_textarea::DataCursor(crow, ccol) = text.cursor();
    let here = rows
        .iter()
        .position(|(l, s, e)| *l == crow && ccol >= *s && ccol < *e)
        .or_else(|| rows.iter().rposition(|(l, _, _)| *l == crow))
        .unwrap_or(0);
    let top = (here + 1).saturating_sub(area.height as usize);
    let shown: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(top)
        .take(area.height as usize)
        .map(|(i, (l, s, e))| {
            let chars: Vec<char> = lines[*l].chars().collect();
            let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            match cursor {
                Some(style) if i == here => {
                    let at = ccol.clamp(*s, *e);
                    let mut spans = vec![Span::raw(piece(*s, at))];
                    if at < *e {
                        spans.push(Span::styled(piece(at, at + 1), style));
                        spans.push(Span::raw(piece(at + 1, *e)));
                    } else {
                        spans.push(Span::styled(" ", style));
                    }
                    Line::from(spans)
                }
                _ => Line::from(piece(*s, *e)),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_wrapped_row_starts_with_a_space() {
        let lines = vec!["Elle cite surtout l'hôtel près de la gare, où un homme gère".to_owned()];
        let rows = rows(&lines, 21);
        let chars: Vec<char> = lines[0].chars().collect();
        for (_, s, e) in &rows {
            let row: String = chars[*s..*e].iter().collect();
            assert!(!row.starts_with(' '), "{row:?}");
            assert!(row.trim_end().chars().count() <= 20, "{row:?}");
        }
        assert!(rows.len() > 2);
    }
}
