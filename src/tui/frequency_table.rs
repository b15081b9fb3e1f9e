//! The statistics screen's code frequency table: a row per code with its counts over the whole
//! and, broken down (`b`), a column per group of respondents (`n · p %`) from the screen's
//! first column on. A narrow screen gives up the words, then the sessions, then the excerpts
//! columns (the export keeps them all) before the codes' names get too short or the breakdown
//! has no column left; when even then no group fits, a note above the table says what would
//! make room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::crosstab;
use super::stats::StatsScreen;
use super::widget::{fit, wrap};
use crate::analysis::SortKey;
use crate::analysis::interval::Proportion;
use crate::analysis::table::round_half_up;
use crate::analysis::tables::group_label;
use crate::i18n::Texts;

/// A count column after the codes' names, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Excerpts,
    Sessions,
    Respondents,
    /// The share of respondents (with its interval when shown).
    Share,
    Words,
}

const COUNTS: [Count; 5] = [
    Count::Excerpts,
    Count::Sessions,
    Count::Respondents,
    Count::Share,
    Count::Words,
];

/// Given up in this order on a narrow screen: the respondents and their share never are.
const GIVEN_UP: [Count; 3] = [Count::Words, Count::Sessions, Count::Excerpts];

/// The narrowest names before a count is given up.
const NAME_MIN: u16 = 16;
/// The widest names: wider, the counts drift away from them.
const NAME_MAX: u16 = 48;
/// Broken down, the groups take the width long names would.
const NAME_MAX_BROKEN_DOWN: u16 = 30;

impl Count {
    fn width(self, intervals: bool) -> u16 {
        match self {
            Count::Excerpts => 10,
            Count::Sessions => 11,
            Count::Respondents => 12,
            Count::Share if intervals => 24,
            Count::Share => 6,
            Count::Words => 8,
        }
    }
}

/// One column of the breakdown: which group, its size (the base of its percentages), its head
/// and width.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupColumn {
    pub index: usize,
    pub size: usize,
    pub head: String,
    pub width: u16,
}

/// What the table shows in its width: the names' width, the counts kept, the groups that fit.
#[derive(Debug, PartialEq)]
pub struct Columns {
    pub name: u16,
    pub counts: Vec<Count>,
    pub groups: Vec<GroupColumn>,
}

/// The width of `counts`, each with the column of space before it.
fn counts_width(counts: &[Count], intervals: bool) -> u16 {
    counts.iter().map(|c| c.width(intervals) + 1).sum()
}

/// The groups of `candidates` that fit in `room`, each with the column of space before it.
fn fitting(candidates: &[GroupColumn], room: u16) -> Vec<GroupColumn> {
    let mut used = 0;
    candidates
        .iter()
        .take_while(|g| {
            used += g.width + 1;
            used <= room
        })
        .cloned()
        .collect()
}

/// The columns of a table `width` wide (its border left out): `candidates` are the groups of
/// the breakdown from the screen's first column on (none when not broken down). Counts are
/// given up until the names have `NAME_MIN` columns and, broken down, until two groups fit
/// beside them (one when one is all there is, or all two cannot); when giving every count up
/// would not bring one group in, only the names' need counts.
pub fn columns(candidates: &[GroupColumn], intervals: bool, width: u16) -> Columns {
    // Each step gives up one more count.
    let steps: Vec<Vec<Count>> = (0..=GIVEN_UP.len())
        .map(|n| {
            COUNTS
                .into_iter()
                .filter(|c| !GIVEN_UP[..n].contains(c))
                .collect()
        })
        .collect();
    let room = |counts: &[Count]| width.saturating_sub(counts_width(counts, intervals));
    let plain = steps
        .iter()
        .find(|c| room(c) >= NAME_MIN)
        .unwrap_or(&steps[GIVEN_UP.len()]);
    let groups_beside =
        |counts: &[Count]| fitting(candidates, room(counts).saturating_sub(NAME_MIN));
    let wanted = candidates.len().min(2);
    let start = steps.iter().position(|c| c == plain).unwrap_or(0);
    let chosen = (start..steps.len())
        .find(|&i| groups_beside(&steps[i]).len() >= wanted)
        .or_else(|| (start..steps.len()).find(|&i| !groups_beside(&steps[i]).is_empty()))
        .filter(|_| wanted > 0);
    let Some(chosen) = chosen else {
        // Not broken down, or no group fits however many counts are given up.
        return Columns {
            name: room(plain).min(NAME_MAX),
            counts: plain.clone(),
            groups: Vec::new(),
        };
    };
    let counts = steps[chosen].clone();
    // The names as wide as the wanted groups leave them (at least `NAME_MIN`, which the
    // choice above leaves); the groups then fill the rest.
    let wanted_width: u16 = candidates.iter().take(wanted).map(|g| g.width + 1).sum();
    let name = room(&counts)
        .saturating_sub(wanted_width)
        .clamp(NAME_MIN, NAME_MAX_BROKEN_DOWN);
    let groups = fitting(candidates, room(&counts).saturating_sub(name));
    Columns {
        name,
        counts,
        groups,
    }
}

/// The breakdown's groups from the screen's first column on, with their heads and widths.
fn candidates(s: &StatsScreen, t: &Texts) -> Vec<GroupColumn> {
    let Some(b) = &s.freq.breakdown else {
        return Vec::new();
    };
    let cell = if s.intervals { 30 } else { 14 };
    b.groups
        .iter()
        .zip(&b.sizes)
        .enumerate()
        .skip(s.first.saturating_sub(1))
        .map(|(index, (group, size))| {
            let head = format!("{} ({size})", group_label(group, t));
            GroupColumn {
                index,
                size: *size,
                width: (head.width().max(cell) + 2) as u16,
                head,
            }
        })
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts) {
    // The right border takes a column.
    let cols = columns(&candidates(s, t), s.intervals, area.width.saturating_sub(1));
    let all = s.freq.breakdown.as_ref().map_or(0, |b| b.groups.len());
    let note = (cols.groups.len() < all).then(|| {
        let shown: Vec<usize> = std::iter::once(0)
            .chain(cols.groups.iter().map(|g| g.index + 1))
            .collect();
        crosstab::more_columns(&shown, all + 1, s.intervals, t)
    });
    let note = note.map_or_else(Vec::new, |n| wrap::lines(&n, area.width as usize));
    let [note_area, table_area] =
        Layout::vertical([Constraint::Length(note.len() as u16), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(note.into_iter().map(Line::from).collect::<Vec<_>>()).italic(),
        note_area,
    );
    draw_table(frame, table_area, s, t, &cols);
}

fn draw_table(frame: &mut Frame, area: Rect, s: &StatsScreen, t: &Texts, cols: &Columns) {
    let rows = s.freq.sorted(s.sort, s.with_descendants, s.ascending);
    let tree = s.sort == SortKey::Tree;
    let mark = |k: SortKey, label: &str| {
        if s.sort == k {
            format!("{label} {}", if s.ascending { "▲" } else { "▼" })
        } else {
            label.to_owned()
        }
    };
    let mut heads = vec![Cell::from(mark(SortKey::Tree, t.col_code))];
    heads.extend(cols.counts.iter().map(|c| {
        Cell::from(match c {
            Count::Excerpts => mark(SortKey::Excerpts, t.col_excerpts),
            Count::Sessions => mark(SortKey::Sessions, t.col_sessions),
            Count::Respondents => mark(SortKey::Respondents, t.col_respondents),
            Count::Share => "%".to_owned(),
            Count::Words => mark(SortKey::Words, t.col_words),
        })
    }));
    heads.extend(cols.groups.iter().map(|g| Cell::from(g.head.clone())));
    let header = Row::new(heads).style(Style::default().bold());
    let body = rows.iter().map(|r| {
        let c = if s.with_descendants {
            &r.with_descendants
        } else {
            &r.own
        };
        let indent = if tree {
            "  ".repeat(r.depth)
        } else {
            String::new()
        };
        let label = if tree { r.name.clone() } else { r.path.clone() };
        // The share of respondents: a whole percentage, or with its interval (`i`) as the
        // export gives it.
        let pct = if s.intervals {
            let p = Proportion::of(c.respondents, s.freq.respondents);
            crosstab::percent_text(p, true, t).unwrap_or_default()
        } else {
            c.respondents_pct
                .map(|p| format!("{} %", round_half_up(p, 0)))
                .unwrap_or_default()
        };
        let style = if c.excerpts == 0 {
            Style::default().dark_gray()
        } else {
            Style::default()
        };
        let mut cells = vec![Cell::from(fit(
            &format!("{indent}{label}"),
            cols.name as usize,
        ))];
        cells.extend(cols.counts.iter().map(|k| {
            Cell::from(match k {
                Count::Excerpts => format!("{:>8}", c.excerpts),
                Count::Sessions => format!("{:>9}", c.sessions),
                Count::Respondents => format!("{:>10}", c.respondents),
                Count::Share => format!("{pct:>5}"),
                Count::Words => format!("{:>6}", c.words),
            })
        }));
        cells.extend(cols.groups.iter().map(|g| {
            let count = &r.by_group[g.index];
            let share = Proportion::of(count.respondents, g.size);
            let text = crosstab::share_text(count.respondents, Some(share), s.intervals, t);
            Cell::from(format!("{text:>w$}", w = g.width as usize - 2))
        }));
        Row::new(cells).style(style)
    });
    let mut widths = vec![Constraint::Length(cols.name)];
    widths.extend(
        cols.counts
            .iter()
            .map(|c| Constraint::Length(c.width(s.intervals))),
    );
    widths.extend(cols.groups.iter().map(|g| Constraint::Length(g.width)));
    let scope = if s.with_descendants {
        t.with_subcodes
    } else {
        t.without_subcodes
    };
    // The attribute broken down by, which the screen's header may have no room left for.
    let scope = match &s.freq.breakdown {
        Some(b) => format!("{scope} · {}", (t.analysis.broken_down_by)(&b.label)),
        None => scope.to_owned(),
    };
    let table = Table::new(body, widths)
        .header(header)
        .block(
            Block::default()
                .borders(Borders::RIGHT)
                .title(format!(" {scope} ")),
        )
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        table,
        area,
        &mut TableState::default().with_selected(Some(s.selected)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups of `width` columns each (the space between them not counted).
    fn groups(n: usize, width: u16) -> Vec<GroupColumn> {
        (0..n)
            .map(|index| GroupColumn {
                index,
                size: 1,
                head: format!("G{index}"),
                width,
            })
            .collect()
    }

    #[test]
    fn a_wide_screen_keeps_every_count() {
        // 79 columns: counts 11 + 12 + 13 + 7 + 9 = 52 with their spaces, 27 for the names
        // (the layout of the screen before the breakdown, unchanged).
        let c = columns(&[], false, 79);
        assert_eq!(c.counts, COUNTS);
        assert_eq!(c.name, 27);
        // Wider, the names stop at 48.
        assert_eq!(columns(&[], false, 200).name, 48);
    }

    #[test]
    fn intervals_on_80_columns_give_up_the_words() {
        // The share with its interval is 24 + 1: all counts take 70, leaving 9 for names.
        // Without the words (9): 61, the names 18.
        let c = columns(&[], true, 79);
        assert_eq!(
            c.counts,
            [
                Count::Excerpts,
                Count::Sessions,
                Count::Respondents,
                Count::Share
            ]
        );
        assert_eq!(c.name, 18);
    }

    #[test]
    fn broken_down_on_80_columns_two_groups_show() {
        // 8 groups of 16 (+1). Every count: 79 − 52 − 16 = 11, no group. Without words,
        // sessions, excerpts: respondents and share take 20, 59 left: 16 for names leaves 43,
        // two groups (34). The names get what the two groups leave: 59 − 34 = 25.
        let c = columns(&groups(8, 16), false, 79);
        assert_eq!(c.counts, [Count::Respondents, Count::Share]);
        assert_eq!(c.name, 25);
        assert_eq!(c.groups.len(), 2);
        // 120 columns: every count (52) leaves 67, where 16 for names leave 51: three groups
        // would fit, so nothing is given up; the names take 30 at most, two groups (34) fit in
        // the 37 left.
        let c = columns(&groups(8, 16), false, 119);
        assert_eq!(c.counts, COUNTS);
        assert_eq!(c.name, 30);
        assert_eq!(c.groups.len(), 2);
        // One group only: it is all there is to want.
        let c = columns(&groups(1, 16), false, 79);
        assert_eq!(
            c.counts,
            [
                Count::Excerpts,
                Count::Sessions,
                Count::Respondents,
                Count::Share
            ]
        );
        assert_eq!(c.groups.len(), 1);
    }

    #[test]
    fn too_narrow_for_any_group_keeps_the_counts_the_names_allow() {
        // Intervals: groups of 32 (+1). On 79 columns, respondents and share take 38: 41 left,
        // 16 for names, 25: no group even with every count given up, so the table is the one
        // without a breakdown (words given up for the names) and the note says why.
        let c = columns(&groups(8, 32), true, 79);
        assert!(c.groups.is_empty());
        assert_eq!(c, columns(&[], true, 79));
        // 40 columns, no intervals: respondents and share (20), names 19.
        let c = columns(&groups(8, 16), false, 39);
        assert!(c.groups.is_empty());
        assert_eq!(c.counts, [Count::Respondents, Count::Share]);
        assert_eq!(c.name, 19);
        // Narrower than the counts themselves: the names get what is left, never more.
        let c = columns(&[], true, 30);
        assert_eq!(c.name, 0);
    }
}
