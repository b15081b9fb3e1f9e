//! A horizontal bar chart in SVG, written by hand so that every label is measured (see
//! [`text_width`](super::text_width)), wrapped when long and never cut: the label column widens
//! to its longest word, the picture to its content. Counts and percentages are printed on the
//! bars (inside when they fit, just after otherwise); a bar with a percentage is drawn against
//! 100 %, one without against the largest value. Plain attributes only, a white background
//! and common fonts: it reads the same in a browser, Word and LibreOffice.

use std::fmt::Write;

use super::text_width::{width, wrap};
use crate::analysis::chart::{Bar, Chart};
use crate::analysis::table::{ColumnKind, format_number, format_percent};

#[derive(Clone, Debug)]
pub struct ChartOptions {
    pub decimal_comma: bool,
    /// Width of the picture in px; it grows when a label needs it.
    pub width: f64,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            decimal_comma: false,
            width: 760.0,
        }
    }
}

const FONT: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";
const MARGIN: f64 = 24.0;
/// Fonts other than Arial's metrics may be up to this much wider: room is kept for them.
const SAFETY: f64 = 1.15;
const TITLE: f64 = 18.0;
const GROUP: f64 = 15.0;
const NOTE: f64 = 12.0;
const LABEL: f64 = 13.0;
const VALUE: f64 = 12.0;
const BAR: f64 = 22.0;
const GAP: f64 = 8.0;
const BAR_COLOUR: &str = "#3b6ea8";
const INK: &str = "#1f1f1f";
const GREY: &str = "#555555";

/// What one bar says: `12 (66,7 %)`.
fn value_text(bar: &Bar, decimal_comma: bool) -> String {
    let n = format_number(bar.value, ColumnKind::Decimal, decimal_comma);
    match bar.pct {
        Some(p) => format!("{n} ({})", format_percent(p, decimal_comma)),
        None => n,
    }
}

pub fn render(chart: &Chart, options: &ChartOptions) -> String {
    let bars: Vec<&Bar> = chart.groups.iter().flat_map(|g| &g.bars).collect();
    let dc = options.decimal_comma;
    // Label column: the longest label up to 40 % of the width, at least the longest word.
    let longest = |f: &dyn Fn(&str) -> f64| bars.iter().map(|b| f(&b.label)).fold(0.0, f64::max);
    let whole = longest(&|l| width(l, LABEL, false) * SAFETY);
    let word = longest(&|l| {
        l.split_whitespace()
            .map(|w| width(w, LABEL, false) * SAFETY)
            .fold(0.0, f64::max)
    });
    let label_col = whole.min(options.width * 0.4).max(word).ceil();
    let value_col = bars
        .iter()
        .map(|b| width(&value_text(b, dc), VALUE, false) * SAFETY)
        .fold(0.0, f64::max)
        + 8.0;
    let total = options
        .width
        .max(MARGIN * 2.0 + label_col + 12.0 + 160.0 + value_col);
    let bar_area = total - MARGIN * 2.0 - label_col - 12.0 - value_col;
    let x0 = MARGIN + label_col + 12.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let text_width = total - MARGIN * 2.0;

    let mut body = String::new();
    let mut y = MARGIN;
    y = lines(&mut body, &chart.title, TITLE, true, INK, text_width, y);
    if let Some(sub) = &chart.subtitle {
        y = lines(&mut body, sub, NOTE + 1.0, false, GREY, text_width, y + 2.0);
    }
    y += 10.0;
    for group in &chart.groups {
        if let Some(title) = &group.title {
            y = lines(&mut body, title, GROUP, true, INK, text_width, y + 6.0);
        }
        if let Some(note) = &group.note {
            y = lines(&mut body, note, NOTE, false, GREY, text_width, y + 2.0);
        }
        y += 8.0;
        let top = y;
        for bar in &group.bars {
            let label = wrap(&bar.label, LABEL, false, label_col / SAFETY);
            let row = (label.len() as f64 * 16.0).max(BAR);
            let mid = y + row / 2.0;
            // Label lines, right-aligned against the bars, centred on the bar.
            let first = mid - (label.len() as f64 - 1.0) * 8.0 + LABEL * 0.35;
            for (i, line) in label.iter().enumerate() {
                let _ = writeln!(
                    body,
                    r#"  <text x="{:.1}" y="{:.1}" font-size="{LABEL}" fill="{INK}" text-anchor="end">{}</text>"#,
                    MARGIN + label_col,
                    first + i as f64 * 16.0,
                    escape(line)
                );
            }
            // A percentage draws the bar against 100 %, so blocks with different bases compare.
            let w = match bar.pct {
                Some(p) => p.clamp(0.0, 100.0) / 100.0 * bar_area,
                None if max > 0.0 => bar.value / max * bar_area,
                None => 0.0,
            };
            if w > 0.0 {
                let _ = writeln!(
                    body,
                    r#"  <rect x="{x0:.1}" y="{:.1}" width="{w:.1}" height="{BAR}" fill="{BAR_COLOUR}"/>"#,
                    mid - BAR / 2.0
                );
            }
            let value = value_text(bar, dc);
            let inside = w >= width(&value, VALUE, false) * SAFETY + 12.0;
            let (x, anchor, colour) = if inside {
                (x0 + w - 6.0, "end", "#ffffff")
            } else {
                (x0 + w + 6.0, "start", INK)
            };
            let _ = writeln!(
                body,
                r#"  <text x="{x:.1}" y="{:.1}" font-size="{VALUE}" fill="{colour}" text-anchor="{anchor}">{}</text>"#,
                mid + VALUE * 0.35,
                escape(&value)
            );
            y += row + GAP;
        }
        let _ = writeln!(
            body,
            r##"  <line x1="{x0:.1}" y1="{:.1}" x2="{x0:.1}" y2="{:.1}" stroke="#999999" stroke-width="1"/>"##,
            top - 2.0,
            y - GAP + 2.0
        );
        y += 10.0;
    }
    document(total, y + MARGIN - 10.0, &chart.title, &body)
}

/// The SVG document around a drawing: its size (rounded up), title, white background, font.
pub(super) fn document(width: f64, height: f64, title: &str, body: &str) -> String {
    let (width, height) = (width.ceil(), height.ceil());
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>"##
    );
    let _ = writeln!(out, r#"<g font-family="{FONT}">"#);
    out.push_str(body);
    out.push_str("</g>\n</svg>\n");
    out
}

/// Writes a wrapped text block from `y` (its top); returns the y under it.
fn lines(out: &mut String, text: &str, size: f64, bold: bool, fill: &str, max: f64, y: f64) -> f64 {
    let height = size * 1.3;
    let mut y = y;
    for line in wrap(text, size, bold, max / SAFETY) {
        y += height;
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = writeln!(
            out,
            r#"  <text x="{MARGIN}" y="{:.1}" font-size="{size}" fill="{fill}"{weight}>{}</text>"#,
            y - size * 0.3,
            escape(&line)
        );
    }
    y
}

/// Text as XML character data.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::chart::BarGroup;

    fn chart(labels: &[&str]) -> Chart {
        Chart {
            title: "Lieux & formes <test>".into(),
            subtitle: Some("Base : 6".into()),
            groups: vec![BarGroup {
                title: None,
                note: None,
                bars: labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Bar {
                        label: (*l).into(),
                        value: (i + 1) as f64,
                        pct: Some((i + 1) as f64 * 100.0 / 6.0),
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn labels_are_whole_escaped_and_percentages_printed() {
        let long = "Lutte contre le proxénétisme et le recours à la prostitution";
        let svg = render(
            &chart(&["Hôtel", long]),
            &ChartOptions {
                decimal_comma: true,
                ..ChartOptions::default()
            },
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Lieux &amp; formes &lt;test&gt;"));
        // The long label is wrapped over several <text> lines, every word kept.
        let texts: Vec<&str> = svg
            .lines()
            .filter(|l| l.contains("text-anchor=\"end\"") && !l.contains("#ffffff"))
            .map(|l| l.split('>').nth(1).unwrap().trim_end_matches("</text"))
            .collect();
        assert!(texts.len() >= 3, "{texts:?}");
        assert_eq!(texts[1..].join(" "), long);
        assert!(svg.contains("1 (16,7\u{a0}%)"));
        assert!(svg.contains("2 (33,3\u{a0}%)"));
        // Every text starts inside the picture: right-aligned labels end at the bar column,
        // which leaves the widest label (with its safety margin) room on the left.
        let width: f64 = svg
            .split("width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(width >= 760.0);
    }

    #[test]
    fn a_long_single_word_widens_the_label_column_instead_of_being_cut() {
        let word = "Anticonstitutionnellementissimement-et-plus-encore-pour-le-test";
        let svg = render(&chart(&[word]), &ChartOptions::default());
        assert!(svg.contains(&format!(">{word}</text>")));
        let label_x: f64 = svg
            .lines()
            .find(|l| l.contains(word))
            .and_then(|l| l.split("x=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(label_x - MARGIN >= width(word, LABEL, false));
    }
}
