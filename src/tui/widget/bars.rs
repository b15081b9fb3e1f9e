//! Horizontal bars as lines of text, for any screen: a label column, a bar, and the value
//! (`12 · 67 %`). Widths are measured in terminal columns, never in bytes or chars; a label
//! too long ends in `…` at a character boundary; the value is written whole, inside the bar
//! when it fits there, beside it otherwise (so a bar of 20 % never shows "200 %").

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::fit;

/// One bar: its label, its length as a share of the longest possible bar, its value's text.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// 0 to 1.
    pub fraction: f64,
    pub value: String,
}

const BAR: Color = Color::Cyan;

/// The lines of `rows` in `width` columns: labels up to 45 % of the width, bars over what
/// is left once the widest value fits after the longest bar.
pub fn bar_lines(rows: &[BarRow], width: usize) -> Vec<Line<'static>> {
    let label_width = rows
        .iter()
        .map(|r| r.label.width())
        .max()
        .unwrap_or(0)
        .min(width * 9 / 20)
        .min(32);
    let value_width = rows.iter().map(|r| r.value.width()).max().unwrap_or(0);
    let bar_width = width.saturating_sub(label_width + 1 + value_width + 1);
    rows.iter()
        .map(|r| bar_line(r, label_width, bar_width))
        .collect()
}

/// One bar's line: label padded to `label_width` columns, then the bar and its value.
pub fn bar_line(row: &BarRow, label_width: usize, bar_width: usize) -> Line<'static> {
    let label = fit(&row.label, label_width);
    let pad = label_width.saturating_sub(label.width());
    let cells = (row.fraction.clamp(0.0, 1.0) * bar_width as f64).round() as usize;
    let value = row.value.clone();
    let mut spans = vec![Span::raw(format!("{label}{} ", " ".repeat(pad)))];
    // Full blocks, so that the bar reads without colour too (NO_COLOR, a text dump).
    if cells >= value.width() + 2 {
        // Inside: the value at the end of the bar, in the bar's colours reversed.
        let fill = cells - value.width() - 1;
        spans.push(Span::styled("█".repeat(fill), Style::default().fg(BAR)));
        spans.push(Span::styled(
            format!("{value} "),
            Style::default().fg(Color::Black).bg(BAR),
        ));
    } else {
        spans.push(Span::styled("█".repeat(cells), Style::default().fg(BAR)));
        spans.push(Span::raw(format!(" {value}")));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_value_is_never_cut_and_labels_are_measured_in_columns() {
        let rows = [
            BarRow {
                label: "Échange non financier".into(),
                fraction: 0.2,
                value: "2 · 20 %".into(),
            },
            BarRow {
                label: "Hôtel".into(),
                fraction: 1.0,
                value: "6 · 100 %".into(),
            },
        ];
        let lines = bar_lines(&rows, 40);
        for line in &lines {
            assert!(text(line).width() <= 40, "{:?}", text(line));
        }
        // The short bar: its value whole, beside the bar.
        let short = text(&lines[0]);
        assert!(short.contains(" 2 · 20 %"), "{short:?}");
        assert!(!short.contains("200"), "{short:?}");
        // The label column is 18 columns (45 % of 40): the long label ends in "…".
        assert!(short.starts_with("Échange non finan… "), "{short:?}");
        // The longest bar holds its value inside, whole.
        let long = text(&lines[1]);
        assert!(long.ends_with("6 · 100 % "), "{long:?}");
        assert!(lines[1].spans.last().unwrap().style.bg == Some(BAR));
        // Wide characters count two columns: "Ｈ" is 2 columns, so 3 of them fill 6.
        let wide = bar_line(
            &BarRow {
                label: "ＨＨＨＨ".into(),
                fraction: 0.0,
                value: "0".into(),
            },
            6,
            10,
        );
        assert!(text(&wide).starts_with("ＨＨ… "), "{:?}", text(&wide));
    }
}
