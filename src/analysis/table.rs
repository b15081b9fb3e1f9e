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
        Cell::Text(t) => t.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Number(x) => format_number(*x, kind, decimal_comma),
    }
}

/// A number with the decimals its column kind calls for.
pub fn format_number(x: f64, kind: ColumnKind, decimal_comma: bool) -> String {
    let text = match kind {
        ColumnKind::Percent => format!("{x:.1}"),
        ColumnKind::Ratio => format!("{x:.3}"),
        ColumnKind::Count => format!("{x:.0}"),
        ColumnKind::Decimal | ColumnKind::Text => {
            let t = format!("{x:.2}");
            let t = t.trim_end_matches('0').trim_end_matches('.');
            if t == "-0" { "0".into() } else { t.to_owned() }
        }
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
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
}
