//! xlsx through rust_xlsxwriter: one sheet per table, header row bold and frozen with a filter,
//! number formats by column kind (percentages as real percentages), column widths from the
//! content, long texts wrapped, the notes under the table.

use std::collections::HashSet;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::ExportError;
use crate::analysis::table::{Cell, ColumnKind, Report, Table, format_cell};

/// Widest a column gets, in characters; longer texts wrap.
const MAX_WIDTH: usize = 60;

pub fn render(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let mut names = HashSet::new();
    for table in &report.tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.name, &mut names))?;
        write_table(sheet, table)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let count = Format::new().set_num_format("0");
    let percent = Format::new().set_num_format("0.0%");
    let ratio = Format::new().set_num_format("0.000");
    let decimal = Format::new();
    for (c, col) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, &col.label, &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (cell, col)) in row.iter().zip(&table.columns).enumerate() {
            let c = c as u16;
            match (cell, col.kind) {
                (Cell::Empty, _) => {}
                (Cell::Text(t) | Cell::Labelled { label: t, .. }, _) => {
                    sheet.write_string_with_format(r, c, t, &wrap)?;
                }
                (Cell::Count(n), _) => {
                    sheet.write_number_with_format(r, c, *n as f64, &count)?;
                }
                (Cell::Number(x), ColumnKind::Percent) => {
                    sheet.write_number_with_format(r, c, x / 100.0, &percent)?;
                }
                (Cell::Number(x), ColumnKind::Ratio) => {
                    sheet.write_number_with_format(r, c, *x, &ratio)?;
                }
                (Cell::Number(x), ColumnKind::Count) => {
                    sheet.write_number_with_format(r, c, *x, &count)?;
                }
                (Cell::Number(x), _) => {
                    sheet.write_number_with_format(r, c, *x, &decimal)?;
                }
            }
        }
    }
    let last_row = table.rows.len() as u32;
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    if !table.columns.is_empty() {
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    for (c, col) in table.columns.iter().enumerate() {
        let widest = table
            .rows
            .iter()
            .map(|row| format_cell(&row[c], col.kind, false).chars().count())
            .chain([col.label.chars().count().min(24)])
            .max()
            .unwrap_or(8);
        sheet.set_column_width(c as u16, (widest.clamp(6, MAX_WIDTH) + 2) as f64)?;
    }
    let italic = Format::new().set_italic();
    for (i, note) in table.notes.iter().enumerate() {
        sheet.write_string_with_format(last_row + 2 + i as u32, 0, note, &italic)?;
    }
    Ok(())
}

/// A valid, unique sheet name: at most 31 chars, none of `[]:*?/\`.
fn sheet_name(name: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim_matches('\'');
    let base: String = clean.chars().take(31).collect();
    let base = if base.is_empty() {
        "Table".to_owned()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        let suffix = format!(" {n}");
        let keep = 31 - suffix.chars().count();
        candidate = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(sheet_name("Réponses", &mut taken), "Réponses");
        assert_eq!(sheet_name("réponses", &mut taken), "réponses 2");
        assert_eq!(sheet_name("a/b:c", &mut taken), "a-b-c");
        let long = "Situations par groupe de répondant·es";
        assert_eq!(sheet_name(long, &mut taken).chars().count(), 31);
    }
}
