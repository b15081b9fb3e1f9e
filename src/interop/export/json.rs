//! JSON for scripts: every table with its columns (key, label, kind) and its rows as objects
//! keyed by column key, in column order; numbers unrounded, empty cells `null`; an option, a
//! question or a code as `{"key": …, "label": …}`, so that scripts read the same keys whatever
//! the interface language.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::analysis::table::{Cell, Column, Report};

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    tables: Vec<JsonTable<'a>>,
}

#[derive(Serialize)]
struct JsonTable<'a> {
    name: &'a str,
    title: &'a str,
    notes: &'a [String],
    columns: &'a [Column],
    rows: Vec<Row<'a>>,
}

/// A row as an object whose keys keep the column order.
struct Row<'a> {
    columns: &'a [Column],
    cells: &'a [Cell],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for (col, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(&col.key, cell)?;
        }
        map.end()
    }
}

pub fn render(report: &Report) -> Vec<u8> {
    let value = JsonReport {
        title: &report.title,
        tables: report
            .tables
            .iter()
            .map(|t| JsonTable {
                name: &t.name,
                title: &t.title,
                notes: &t.notes,
                columns: &t.columns,
                rows: t
                    .rows
                    .iter()
                    .map(|cells| Row {
                        columns: &t.columns,
                        cells,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&value).expect("reports serialise");
    text.push('\n');
    text.into_bytes()
}
