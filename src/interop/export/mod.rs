//! Exports: a [`Report`](crate::analysis::table::Report) written as CSV, JSON, Markdown or xlsx,
//! and a [`Chart`](crate::analysis::chart::Chart) as SVG. Rendering is pure (bytes in memory);
//! [`write_report`] and [`write_chart`] put the bytes in a file atomically, readable by its
//! owner only: an export holds interview material, and a failure never leaves half a file.

mod csv;
mod json;
mod markdown;
pub mod svg;
pub mod text_width;
mod xlsx;

use std::path::Path;

use crate::analysis::chart::Chart;
use crate::analysis::table::Report;
use crate::store::{StoreError, fs};

pub use svg::ChartOptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Markdown,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format a file name asks for (`.csv`, `.json`, `.md`, `.xlsx`).
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::parse(path.extension()?.to_str()?)
    }

    /// Whether the output is text that can go to a terminal.
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }
}

/// How tables are written.
#[derive(Clone, Debug)]
pub struct Options {
    /// Start CSV with a UTF-8 byte order mark (spreadsheets then read accents right).
    pub bom: bool,
    /// CSV field separator: `,` or `;` (French spreadsheets expect `;`).
    pub separator: u8,
    /// Write decimals with a comma (CSV, Markdown); xlsx and JSON hold real numbers.
    pub decimal_comma: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bom: false,
            separator: b',',
            decimal_comma: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The report in a format, as bytes.
pub fn render(report: &Report, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => csv::render(report, options),
        Format::Json => Ok(json::render(report)),
        Format::Markdown => Ok(markdown::render(report, options).into_bytes()),
        Format::Xlsx => xlsx::render(report),
    }
}

/// Writes the report to `path` atomically, mode 0600: the one call the front ends make.
pub fn write_report(
    report: &Report,
    format: Format,
    options: &Options,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = render(report, format, options)?;
    fs::write_atomic(path, &bytes)?;
    Ok(())
}

/// Writes a chart as SVG to `path` atomically, mode 0600.
pub fn write_chart(chart: &Chart, options: &ChartOptions, path: &Path) -> Result<(), ExportError> {
    fs::write_atomic(path, svg::render(chart, options).as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests;
