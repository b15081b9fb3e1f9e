//! The statistics screen's coverage tab (issue 20): for each question of the grid, how many
//! interviews' transcripts have text under it and how many minutes it took in the
//! recordings, counted as `grille export coverage` counts them (the same figures, the same
//! rounding), each question's minutes drawn as a bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::widget::fit;
use crate::analysis::coverage::{Coverage, Total};
use crate::analysis::table::{ColumnKind, format_number};
use crate::i18n::Texts;
use crate::study::Study;

/// The coverage of the grid by the transcripts, owned by the screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoverageTab {
    /// Interviews with a transcript: the base.
    pub transcribed: usize,
    /// Each question of the grid in its order, then what was said off the grid.
    pub totals: Vec<Total>,
}

impl CoverageTab {
    pub fn of(c: &Coverage) -> CoverageTab {
        CoverageTab {
            transcribed: c.transcribed,
            totals: c.totals.clone(),
        }
    }
}

/// Minutes as the export writes them: two decimals at most, the language's decimal mark.
fn minutes(seconds: f64, t: &Texts) -> String {
    format_number(
        seconds / 60.0,
        ColumnKind::Decimal,
        t.analysis.decimal_comma,
    )
}

pub fn draw_coverage(
    frame: &mut Frame,
    area: Rect,
    c: &CoverageTab,
    selected: usize,
    study: &Study,
    t: &Texts,
) {
    let a = t.align;
    if c.transcribed == 0 {
        frame.render_widget(
            Paragraph::new(a.coverage_none).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from((a.coverage_base)(c.transcribed)),
            Line::from(a.coverage_minutes_note).dark_gray(),
        ]),
        top,
    );
    let longest = c
        .totals
        .iter()
        .map(|r| r.recorded.as_secs_f64())
        .fold(0.0, f64::max);
    // Question key, interviews with text, words, minutes, minutes per interview, a bar; the
    // question's wording takes what is left.
    let (key_w, n_w, words_w, min_w, mean_w, bar_w) = (22u16, 10u16, 8u16, 9u16, 11u16, 12u16);
    let fixed = key_w + n_w + words_w + min_w + mean_w + bar_w + 6;
    let text_w = area.width.saturating_sub(fixed).max(10);
    let header = Row::new(vec![
        Cell::from(a.col_question),
        Cell::from(t.analysis.question_text),
        Cell::from(fit(a.col_with_text, n_w as usize)),
        Cell::from(a.col_words),
        Cell::from(a.col_minutes),
        Cell::from(fit(a.col_minutes_mean, mean_w as usize)),
        Cell::from(""),
    ])
    .style(Style::default().bold());
    let rows = c.totals.iter().enumerate().map(|(i, r)| {
        let (key, text) = match r.question.and_then(|q| study.grid.question(q)) {
            Some((_, q)) => (q.key.as_str(), q.text.as_str()),
            None => (a.off_grid, ""),
        };
        let seconds = r.recorded.as_secs_f64();
        let mean = if r.sessions > 0 {
            minutes(seconds / r.sessions as f64, t)
        } else {
            String::new()
        };
        let bar = if longest > 0.0 {
            "█".repeat(((seconds / longest) * f64::from(bar_w)).round() as usize)
        } else {
            String::new()
        };
        let style = match (i == selected, r.sessions == 0) {
            (true, _) => Style::default().reversed(),
            (false, true) => Style::default().dark_gray(),
            (false, false) => Style::default(),
        };
        Row::new(vec![
            Cell::from(fit(key, key_w as usize)),
            Cell::from(fit(text, text_w as usize)),
            Cell::from(format!(
                "{:>w$}",
                format!("{}/{}", r.sessions, c.transcribed),
                w = n_w as usize - 1
            )),
            Cell::from(format!("{:>w$}", r.words, w = words_w as usize - 1)),
            Cell::from(format!(
                "{:>w$}",
                minutes(seconds, t),
                w = min_w as usize - 1
            )),
            Cell::from(format!("{mean:>w$}", w = mean_w as usize - 1)),
            Cell::from(bar),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Length(key_w),
        Constraint::Length(text_w),
        Constraint::Length(n_w),
        Constraint::Length(words_w),
        Constraint::Length(min_w),
        Constraint::Length(mean_w),
        Constraint::Length(bar_w),
    ];
    // The selected row kept in view.
    let skip = (selected + 1).saturating_sub(body.height.saturating_sub(1) as usize);
    let table = Table::new(rows.skip(skip), widths).header(header);
    frame.render_widget(table, body);
}
