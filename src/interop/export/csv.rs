//! CSV: UTF-8, optional byte order mark, `,` or `;`. One table is written as a plain grid (the
//! header then the rows), what spreadsheets and scripts read; a report of several tables puts
//! each under its title, separated by an empty line.

use super::{ExportError, Options};
use crate::analysis::table::{Report, format_cell};

pub fn render(report: &Report, options: &Options) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(options.separator)
        .flexible(true)
        .from_writer(out);
    let several = report.tables.len() > 1;
    for (i, table) in report.tables.iter().enumerate() {
        if several {
            if i > 0 {
                w.write_record([""])?;
            }
            w.write_record([&table.title])?;
        }
        w.write_record(table.columns.iter().map(|c| &c.label))?;
        for row in &table.rows {
            w.write_record(
                row.iter()
                    .zip(&table.columns)
                    .map(|(cell, col)| format_cell(cell, col.kind, options.decimal_comma)),
            )?;
        }
    }
    w.flush().map_err(::csv::Error::from)?;
    w.into_inner()
        .map_err(|e| ExportError::Csv(::csv::Error::from(e.into_error())))
}
