//! The saturation curve in SVG, written by hand like the bar charts: distinct codes so far as a
//! line with points, new codes per interview as bars under it, the base shaded, the interview
//! where saturation is reached marked by a dashed line. Plain attributes, a white background
//! and common fonts, so that it reads the same in a browser, Word and LibreOffice.

use std::fmt::Write;

use super::svg::{ChartOptions, document, escape};
use super::text_width::wrap;
use crate::analysis::chart::Curve;

const MARGIN: f64 = 24.0;
const LEFT: f64 = 56.0;
const PLOT_HEIGHT: f64 = 260.0;
const LINE: &str = "#1f4e79";
const BAR: &str = "#9ec3e6";
const BASE: &str = "#eeeeee";
const MARK: &str = "#c0392b";
const INK: &str = "#1f1f1f";
const GREY: &str = "#555555";

/// A round step for an axis going up to `max` in about five ticks.
fn step(max: f64) -> f64 {
    let raw = (max / 5.0).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
}

pub fn render(curve: &Curve, options: &ChartOptions) -> String {
    let width = options.width.max(480.0);
    let mut body = String::new();
    let mut y = MARGIN;
    for (text, size, bold, fill) in [
        (Some(&curve.title), 18.0, true, INK),
        (curve.subtitle.as_ref(), 13.0, false, GREY),
    ] {
        let Some(text) = text else { continue };
        for line in wrap(text, size, bold, (width - 2.0 * MARGIN) / 1.15) {
            y += size * 1.3;
            let weight = if bold { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                body,
                r#"  <text x="{MARGIN}" y="{y:.1}" font-size="{size}" fill="{fill}"{weight}>{}</text>"#,
                escape(&line)
            );
        }
    }
    let top = y + 36.0;
    let bottom = top + PLOT_HEIGHT;
    let right = width - MARGIN;
    let n = curve.points.len().max(1);
    let slot = (right - LEFT) / n as f64;
    let x_of = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let max = curve
        .points
        .iter()
        .map(|p| p.cumulative.max(p.new))
        .fold(1.0, f64::max);
    let step = step(max);
    let ceiling = (max / step).ceil() * step;
    let y_of = |v: f64| bottom - v / ceiling * PLOT_HEIGHT;
    if curve.base > 0 {
        let _ = writeln!(
            body,
            r#"  <rect x="{LEFT:.1}" y="{top:.1}" width="{:.1}" height="{PLOT_HEIGHT}" fill="{BASE}"/>"#,
            slot * curve.base as f64
        );
    }
    let mut tick = 0.0;
    while tick <= ceiling + 1e-9 {
        let ty = y_of(tick);
        let _ = writeln!(
            body,
            r##"  <line x1="{LEFT:.1}" y1="{ty:.1}" x2="{right:.1}" y2="{ty:.1}" stroke="#dddddd" stroke-width="1"/>"##
        );
        let _ = writeln!(
            body,
            r#"  <text x="{:.1}" y="{:.1}" font-size="11" fill="{GREY}" text-anchor="end">{tick}</text>"#,
            LEFT - 6.0,
            ty + 4.0
        );
        tick += step;
    }
    for (i, p) in curve.points.iter().enumerate() {
        let h = bottom - y_of(p.new);
        if h > 0.0 {
            let _ = writeln!(
                body,
                r#"  <rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{BAR}"/>"#,
                x_of(i) - slot * 0.3,
                bottom - h,
                slot * 0.6
            );
        }
        let _ = writeln!(
            body,
            r#"  <text x="{:.1}" y="{:.1}" font-size="11" fill="{GREY}" text-anchor="middle">{}</text>"#,
            x_of(i),
            bottom + 16.0,
            escape(&p.label)
        );
    }
    let path: Vec<String> = curve
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x_of(i), y_of(p.cumulative)))
        .collect();
    if !path.is_empty() {
        let _ = writeln!(
            body,
            r#"  <polyline points="{}" fill="none" stroke="{LINE}" stroke-width="2.5"/>"#,
            path.join(" ")
        );
        for point in &path {
            let (px, py) = point.split_once(',').unwrap_or_default();
            let _ = writeln!(
                body,
                r#"  <circle cx="{px}" cy="{py}" r="3.5" fill="{LINE}"/>"#
            );
        }
    }
    if let Some(at) = curve
        .mark
        .filter(|at| *at >= 1 && *at <= curve.points.len())
    {
        let mx = x_of(at - 1);
        let _ = writeln!(
            body,
            r#"  <line x1="{mx:.1}" y1="{top:.1}" x2="{mx:.1}" y2="{bottom:.1}" stroke="{MARK}" stroke-width="1.5" stroke-dasharray="5,4"/>"#
        );
        if let Some(label) = &curve.mark_label {
            let anchor = if mx > (LEFT + right) / 2.0 {
                "end"
            } else {
                "start"
            };
            let dx = if anchor == "end" { -4.0 } else { 4.0 };
            let _ = writeln!(
                body,
                r#"  <text x="{:.1}" y="{:.1}" font-size="12" fill="{MARK}" text-anchor="{anchor}">{}</text>"#,
                mx + dx,
                top - 6.0,
                escape(label)
            );
        }
    }
    let _ = writeln!(
        body,
        r##"  <line x1="{LEFT:.1}" y1="{bottom:.1}" x2="{right:.1}" y2="{bottom:.1}" stroke="#999999" stroke-width="1"/>"##
    );
    let _ = writeln!(
        body,
        r#"  <text x="{:.1}" y="{:.1}" font-size="12" fill="{GREY}" text-anchor="middle">{}</text>"#,
        (LEFT + right) / 2.0,
        bottom + 34.0,
        escape(&curve.x_label)
    );
    // Legend: the line, the bars.
    let ly = bottom + 56.0;
    let _ = writeln!(
        body,
        r#"  <line x1="{LEFT:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{LINE}" stroke-width="2.5"/>"#,
        ly - 4.0,
        LEFT + 24.0,
        ly - 4.0
    );
    let _ = writeln!(
        body,
        r#"  <text x="{:.1}" y="{ly:.1}" font-size="12" fill="{INK}">{}</text>"#,
        LEFT + 30.0,
        escape(&curve.line_label)
    );
    let bx = LEFT + 260.0;
    let _ = writeln!(
        body,
        r#"  <rect x="{bx:.1}" y="{:.1}" width="14" height="10" fill="{BAR}"/>"#,
        ly - 10.0
    );
    let _ = writeln!(
        body,
        r#"  <text x="{:.1}" y="{ly:.1}" font-size="12" fill="{INK}">{}</text>"#,
        bx + 20.0,
        escape(&curve.bar_label)
    );
    document(width, ly + MARGIN, &curve.title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::chart::CurvePoint;

    #[test]
    fn the_curve_has_a_point_per_interview_the_base_and_the_mark() {
        let curve = Curve {
            title: "Saturation <test>".into(),
            subtitle: Some("Saturation atteinte à l'entretien 5".into()),
            x_label: "entretien n°".into(),
            line_label: "codes distincts cumulés".into(),
            bar_label: "nouveaux codes".into(),
            points: [8.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.0]
                .iter()
                .scan(0.0, |total, new| {
                    *total += new;
                    Some(*total)
                })
                .zip([8.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.0])
                .enumerate()
                .map(|(i, (cumulative, new))| CurvePoint {
                    label: (i + 1).to_string(),
                    cumulative,
                    new,
                })
                .collect(),
            base: 4,
            mark: Some(5),
            mark_label: Some("saturation : entretien 5".into()),
        };
        let svg = render(&curve, &ChartOptions::default());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Saturation &lt;test&gt;"));
        assert_eq!(svg.matches("<circle").count(), 7);
        // Six bars (the last interview brings no new code) and the shaded base.
        assert_eq!(svg.matches(&format!("fill=\"{BAR}\"")).count(), 6 + 1);
        assert!(svg.contains(&format!("fill=\"{BASE}\"")));
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains(">saturation : entretien 5</text>"));
        assert_eq!(step(23.0), 5.0);
        assert_eq!(step(3.0), 1.0);
        assert_eq!(step(120.0), 50.0);
    }
}
