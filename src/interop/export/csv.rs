//! CSV: one table per file (what spreadsheets and scripts read: the header, then the rows),
//! UTF-8 with an optional byte order mark, `,` or `;`, a decimal point or comma. A report of
//! several tables is written as several files (see [`super::write_report`]).

use super::{ExportError, Options};
use crate::analysis::table::{Table, format_cell};

pub fn render(table: &Table, options: &Options) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(options.separator)
        .flexible(true)
        .from_writer(out);
    if let Some(line) = &options.preamble {
        w.write_record([line])?;
    }
    w.write_record(table.columns.iter().map(|c| &c.label))?;
    for row in &table.rows {
        w.write_record(
            row.iter()
                .zip(&table.columns)
                .map(|(cell, col)| format_cell(cell, col.kind, options.decimal_comma)),
        )?;
    }
    w.flush().map_err(::csv::Error::from)?;
    w.into_inner()
        .map_err(|e| ExportError::Csv(::csv::Error::from(e.into_error())))
}
