//! The one shape every result takes before it is shown or written: a report of tables with
//! typed columns. CSV, JSON, Markdown and xlsx are written from it, and the statistics screen
//! can draw it, so a table is defined once, not once per format.

use serde::Serialize;

/// What a report holds: one or more tables (an xlsx file gets one sheet per table).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub title: String,
    pub tables: Vec<Table>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    /// Machine name, the same in every language: the CSV file's name when a report of several
    /// tables is written to a folder or a zip (`situations-persons.csv`).
    pub key: String,
    /// Short name: the xlsx sheet name (at most 31 chars, no `[]:*?/\`).
    pub name: String,
    pub title: String,
    /// What the figures mean: bases of percentages, units, filters applied.
    pub notes: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// Stable machine name (JSON keys): `excerpts`, `respondents_pct`…
    pub key: String,
    /// Header shown to people, in their language.
    pub label: String,
    pub kind: ColumnKind,
}

/// How a column's numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    /// Whole numbers.
    Count,
    /// Percentages, stored 0–100, written with one decimal.
    Percent,
    /// Other numbers (sums, medians), up to two decimals.
    Decimal,
    /// Coefficients in [-1, 1] (kappa, alpha), three decimals.
    Ratio,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// No value (an undefined percentage or coefficient, a missing answer).
    Empty,
    Text(String),
    Count(u64),
    Number(f64),
    /// An option, question or code: its key for scripts (JSON writes both, whatever the
    /// language), its label for people (what CSV, Markdown and xlsx show).
    Labelled {
        key: String,
        label: String,
    },
}

impl Cell {
    pub fn labelled(key: impl Into<String>, label: impl Into<String>) -> Cell {
        Cell::Labelled {
            key: key.into(),
            label: label.into(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Cell::Count(n as u64)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Self {
        Cell::Count(n)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Number(n)
    }
}

impl From<Option<f64>> for Cell {
    fn from(n: Option<f64>) -> Self {
        n.map_or(Cell::Empty, Cell::Number)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map_or(Cell::Empty, Cell::Text)
    }
}

impl Column {
    pub fn new(key: impl Into<String>, label: impl Into<String>, kind: ColumnKind) -> Self {
        Column {
            key: key.into(),
            label: label.into(),
            kind,
        }
    }
}

impl Table {
    /// The value of a cell as people read it, with a decimal point or comma; `""` when empty.
    /// Percentages carry no `%` sign here (the header says it); see [`format_percent`].
    pub fn display(&self, row: usize, column: usize, decimal_comma: bool) -> String {
        format_cell(
            &self.rows[row][column],
            self.columns[column].kind,
            decimal_comma,
        )
    }
}

/// A cell as text for people and for CSV.
pub fn format_cell(cell: &Cell, kind: ColumnKind, decimal_comma: bool) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) | Cell::Labelled { label: t, .. } => t.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Number(x) => format_number(*x, kind, decimal_comma),
    }
}

/// A number with the decimals its column kind calls for, rounded half up.
pub fn format_number(x: f64, kind: ColumnKind, decimal_comma: bool) -> String {
    let text = match kind {
        ColumnKind::Percent => round_half_up(x, 1),
        ColumnKind::Ratio => round_half_up(x, 3),
        ColumnKind::Count => round_half_up(x, 0),
        ColumnKind::Decimal | ColumnKind::Text => {
            let t = round_half_up(x, 2);
            if t.contains('.') {
                t.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                t
            }
        }
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// `x` rounded to `decimals` places, halves away from zero as people round (12.5 → "13",
/// 0.125 → "0.13"; Rust's own formatting rounds 12.5 to "12"). A half computed in binary can
/// land a hair below .5 (14.5 may be 14.4999…): within a relative 1e-9 of a half, the value is
/// taken for the half it stands for.
pub fn round_half_up(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let scaled = x.abs() * 10f64.powi(decimals as i32);
    let floor = scaled.floor();
    let units = if scaled - floor >= 0.5 - 1e-9 * scaled.max(1.0) {
        floor + 1.0
    } else {
        floor
    };
    let digits = format!("{units:.0}");
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let sign = if x < 0.0 && units > 0.0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A percentage as a report writes it: `66.7 %` (with a no-break space) or `66,7 %`.
pub fn format_percent(x: f64, decimal_comma: bool) -> String {
    format!(
        "{}\u{a0}%",
        format_number(x, ColumnKind::Percent, decimal_comma)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_their_kind_and_the_decimal_mark() {
        assert_eq!(
            format_number(200.0 / 3.0, ColumnKind::Percent, false),
            "66.7"
        );
        assert_eq!(
            format_number(200.0 / 3.0, ColumnKind::Percent, true),
            "66,7"
        );
        assert_eq!(format_number(7.5, ColumnKind::Decimal, true), "7,5");
        assert_eq!(format_number(15.0, ColumnKind::Decimal, false), "15");
        assert_eq!(format_number(4.0 / 22.0, ColumnKind::Ratio, false), "0.182");
        assert_eq!(format_percent(50.0, true), "50,0\u{a0}%");
    }

    #[test]
    fn halves_round_up_as_people_round() {
        // 1 of 8 is 12.5 %: "13" with no decimal, where `format!("{:.0}")` gives "12".
        assert_eq!(round_half_up(100.0 / 8.0, 0), "13");
        assert_eq!(round_half_up(0.5, 0), "1");
        assert_eq!(round_half_up(2.5, 0), "3");
        assert_eq!(round_half_up(0.125, 2), "0.13");
        // 29 of 200 is 14.5 %, which binary holds as 14.499999…
        assert_eq!(round_half_up(29.0 * 100.0 / 200.0, 0), "15");
        assert_eq!(round_half_up(1.005, 2), "1.01");
        assert_eq!(round_half_up(55.652, 1), "55.7");
        assert_eq!(round_half_up(-0.25, 1), "-0.3");
        assert_eq!(round_half_up(-0.01, 1), "0.0");
        assert_eq!(round_half_up(0.04, 0), "0");
        assert_eq!(round_half_up(100.0, 1), "100.0");
        assert_eq!(format_number(12.5, ColumnKind::Count, false), "13");
        assert_eq!(format_number(7.125, ColumnKind::Decimal, true), "7,13");
        assert_eq!(format_number(-0.0004, ColumnKind::Decimal, false), "0");
    }
}
