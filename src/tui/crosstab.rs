//! A cross-table on the statistics screen: for one question or attribute, a row per category
//! and a column per value of the respondent attribute chosen (`b`), the whole first. Each cell
//! is `n · p %`, and with the intervals shown (`i`) its 95 % Wilson interval: the figures of
//! `grille export answers|situations --by ATTR`, written as its CSV writes them (one decimal,
//! the language's decimal mark), from the same counts.

use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::widget::{fit, wrap};
use crate::analysis::categories::{Base, Role, Tally};
use crate::analysis::interval::Proportion;
use crate::analysis::split::Split;
use crate::analysis::table::{ColumnKind, format_number, format_percent};
use crate::analysis::tables::{base_names, category_label, group_label};
use crate::i18n::Texts;

/// The heads of a cross-table's columns: the whole (`Ensemble (79)`), then each value of the
/// split with its units (`Santé (11)`), as the export names them.
pub fn heads(split: &Split, units: usize, t: &Texts) -> Vec<String> {
    let mut heads = vec![(t.analysis.total)(units)];
    heads.extend(
        split
            .columns
            .iter()
            .map(|c| format!("{} ({})", group_label(&c.group, t), c.members.len())),
    );
    heads
}

/// A percentage as the export writes it, without the sign: `66,7`.
fn number(x: Option<f64>, t: &Texts) -> String {
    x.map(|x| format_number(x, ColumnKind::Percent, t.analysis.decimal_comma))
        .unwrap_or_default()
}

/// A count with its share (`4 · 66,7 %`, a no-break space before `%`) and, with `intervals`,
/// its interval (`4 · 66,7 % [30,0 ; 90,3]`); the bare count when the row is not part of the
/// base or the base is empty.
pub fn share_text(n: usize, share: Option<Proportion>, intervals: bool, t: &Texts) -> String {
    match share.and_then(|p| percent_text(p, intervals, t)) {
        Some(share) => format!("{n} · {share}"),
        None => n.to_string(),
    }
}

/// A share as `66,7 %`, with its interval when `intervals`; `None` on an empty base.
pub fn percent_text(p: Proportion, intervals: bool, t: &Texts) -> Option<String> {
    let pct = format_percent(p.pct?, t.analysis.decimal_comma);
    Some(if intervals {
        let interval = (t.analysis.interval)(&number(p.low, t), &number(p.high, t));
        format!("{pct} {interval}")
    } else {
        pct
    })
}

/// Which columns of a table fit in `width` after the row labels: the whole (column 0) always,
/// then from `first` on. Returns the columns shown.
pub fn visible(widths: &[usize], label: usize, first: usize, width: usize) -> Vec<usize> {
    let mut shown = Vec::new();
    let mut used = label;
    for i in std::iter::once(0).chain(first.max(1)..widths.len()) {
        if used + widths[i] > width && !shown.is_empty() {
            break;
        }
        used += widths[i];
        shown.push(i);
    }
    shown
}

/// Which columns of the breakdown are shown, when not all fit: `shown` as [`visible`] gives
/// them, out of `heads` (the whole included). When none fits after the whole, what would make
/// room (a wider terminal, or the intervals hidden when `intervals`), for scrolling cannot.
pub fn more_columns(shown: &[usize], heads: usize, intervals: bool, t: &Texts) -> String {
    let a = t.analysis;
    let all = heads.saturating_sub(1);
    match (shown.get(1), shown.last()) {
        (Some(&from), Some(&to)) => (a.more_columns)(from, to, all),
        _ if intervals => format!("{}{}", (a.no_column_fits)(all), a.or_hide_intervals),
        _ => (a.no_column_fits)(all),
    }
}

/// The lines of one question or attribute: a head line, the line of the bases, then one line
/// per category of the whole. `tallies[0]` is the whole, then one per column of the split.
pub fn lines(
    heads: &[String],
    tallies: &[&Tally],
    base: Base,
    intervals: bool,
    first: usize,
    width: usize,
    t: &Texts,
) -> Vec<Line<'static>> {
    let Some(whole) = tallies.first() else {
        return Vec::new();
    };
    let base_label = (t.analysis.base_row)(base_names(base, t).1);
    let mut rows: Vec<(String, Vec<String>, bool)> = vec![(
        base_label,
        tallies
            .iter()
            .map(|tally| tally.bases.get(base).to_string())
            .collect(),
        true,
    )];
    for (i, r) in whole.rows.iter().enumerate() {
        let indent = if r.category.role == Role::Member {
            "  "
        } else {
            ""
        };
        let cells = tallies
            .iter()
            .map(|tally| {
                let row = &tally.rows[i];
                share_text(row.n, row.share(&tally.bases, base), intervals, t)
            })
            .collect();
        rows.push((
            format!("{indent}{}", category_label(&r.category, t)),
            cells,
            false,
        ));
    }
    let label = rows
        .iter()
        .map(|(l, _, _)| l.width())
        .max()
        .unwrap_or(0)
        .min(width * 2 / 5)
        .min(34)
        + 1;
    // Each column as wide as its widest cell or head, with two columns of space before.
    let widths: Vec<usize> = (0..heads.len())
        .map(|c| {
            rows.iter()
                .map(|(_, cells, _)| cells[c].width())
                .chain(std::iter::once(heads[c].width()))
                .max()
                .unwrap_or(0)
                + 2
        })
        .collect();
    let shown = visible(&widths, label, first, width);
    let pad_left = |text: &str, w: usize| {
        let text = fit(text, w.saturating_sub(2));
        format!("{}{text}", " ".repeat(w.saturating_sub(text.width())))
    };
    let pad_right = |text: &str, w: usize| {
        let text = fit(text, w.saturating_sub(1));
        format!("{text}{}", " ".repeat(w.saturating_sub(text.width())))
    };
    let mut out = Vec::with_capacity(rows.len() + 1);
    let mut head = pad_right("", label);
    for &c in &shown {
        head.push_str(&pad_left(&heads[c], widths[c]));
    }
    out.push(Line::from(Span::styled(head, Style::default().bold())));
    for (row_label, cells, is_base) in rows {
        let mut text = pad_right(&row_label, label);
        for &c in &shown {
            text.push_str(&pad_left(&cells[c], widths[c]));
        }
        out.push(if is_base {
            Line::from(text).dark_gray()
        } else {
            Line::from(text)
        });
    }
    if shown.len() < heads.len() {
        let note = more_columns(&shown, heads.len(), intervals, t);
        out.extend(
            wrap::lines(&note, width)
                .into_iter()
                .map(|l| Line::from(l).italic()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_cell_reads_as_the_export_writes_it() {
        let t = Lang::Fr.texts();
        // 4 of 6: 66.7 %, Wilson [30.0 ; 90.3] as in the README's worked example.
        let p = Proportion::of(4, 6);
        assert_eq!(share_text(4, Some(p), false, t), "4 · 66,7\u{a0}%");
        assert_eq!(
            share_text(4, Some(p), true, t),
            "4 · 66,7\u{a0}% [30,0 ; 90,3]"
        );
        // Not part of the base (not given, in % of those who answered): the count alone.
        assert_eq!(share_text(2, None, true, t), "2");
        // An empty column: no percentage to give.
        assert_eq!(share_text(0, Some(Proportion::of(0, 0)), true, t), "0");
        let en = Lang::En.texts();
        assert_eq!(
            share_text(4, Some(p), true, en),
            "4 · 66.7\u{a0}% [30.0, 90.3]"
        );
    }

    #[test]
    fn the_whole_stays_and_columns_scroll() {
        // Labels 10 wide, columns 8 wide, 34 columns: the whole and two more (10 + 3 × 8).
        let widths = [8, 8, 8, 8, 8];
        assert_eq!(visible(&widths, 10, 1, 34), [0, 1, 2]);
        assert_eq!(visible(&widths, 10, 1, 33), [0, 1]);
        assert_eq!(visible(&widths, 10, 3, 34), [0, 3, 4]);
        assert_eq!(visible(&widths, 10, 4, 34), [0, 4]);
        // Too narrow for anything: the whole is still shown (cut by the terminal).
        assert_eq!(visible(&widths, 10, 1, 12), [0]);
    }

    #[test]
    fn the_note_says_which_columns_or_that_none_fits() {
        let t = Lang::Fr.texts();
        // The whole and sectors 1 and 2 of 8 (9 heads with the whole).
        assert_eq!(
            more_columns(&[0, 1, 2], 9, false, t),
            "colonnes 1 à 2 sur 8 (← → pour les autres)"
        );
        assert_eq!(
            more_columns(&[0, 4], 9, false, t),
            "colonnes 4 à 4 sur 8 (← → pour les autres)"
        );
        // The whole alone: no "colonnes 0 à 0", but what would make room.
        assert_eq!(
            more_columns(&[0], 9, false, t),
            "écran trop étroit pour les 8 colonnes de la ventilation : élargir le terminal"
        );
        assert_eq!(
            more_columns(&[0], 9, true, t),
            "écran trop étroit pour les 8 colonnes de la ventilation : élargir le terminal \
             ou masquer les intervalles (i)"
        );
        let en = Lang::En.texts();
        assert_eq!(
            more_columns(&[0], 3, false, en),
            "screen too narrow for the breakdown's 2 columns: widen the terminal"
        );
    }
}
