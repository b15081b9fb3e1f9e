//! Exports: a [`Report`](crate::analysis::table::Report) written as CSV, JSON, Markdown or xlsx,
//! and a [`Chart`](crate::analysis::chart::Chart) as SVG. Rendering is pure (bytes in memory);
//! [`write_report`] and [`write_chart`] put the bytes in a file atomically, readable by its
//! owner only: an export holds interview material, and a failure never leaves half a file.

mod csv;
pub mod curve;
pub mod destination;
mod json;
mod markdown;
pub mod svg;
pub mod text_width;
mod xlsx;

use std::path::Path;

use crate::analysis::chart::Chart;
use crate::analysis::table::Report;
use crate::i18n::Lang;
use crate::store::{StoreError, fs};

pub use destination::{DestinationError, Special};
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
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Start CSV with a UTF-8 byte order mark (spreadsheets then read accents right).
    pub bom: bool,
    /// CSV field separator: `,` or `;` (French spreadsheets expect `;`).
    pub separator: u8,
    /// Write decimals with a comma (CSV, Markdown); xlsx and JSON hold real numbers.
    pub decimal_comma: bool,
    /// A line a CSV file starts with, before the header (the other formats have notes): what
    /// a reader must know first, that the file holds identities.
    pub preamble: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options::for_lang(Lang::En)
    }
}

impl Options {
    /// What spreadsheets in that language open as numbers: in French `;`, a byte order mark
    /// and a decimal comma (LibreOffice and Excel in French read `66.7` as text); in English
    /// `,`, no mark, a decimal point.
    pub fn for_lang(lang: Lang) -> Options {
        match lang {
            Lang::Fr => Options {
                bom: true,
                separator: b';',
                decimal_comma: true,
                preamble: None,
            },
            Lang::En => Options {
                bom: false,
                separator: b',',
                decimal_comma: false,
                preamble: None,
            },
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Several tables asked for in one CSV file: they go to a folder or a zip, one file each.
    #[error("{} tables ({}): one CSV file holds one table", .0.len(), .0.join(", "))]
    SeveralTables(Vec<String>),
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Destination(#[from] DestinationError),
}

/// The report in a format, as bytes. CSV holds one table: a report of several is refused
/// (see [`csv_files`] and [`write_report`]).
pub fn render(report: &Report, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => match report.tables.as_slice() {
            [table] => csv::render(table, options),
            tables => Err(ExportError::SeveralTables(
                tables.iter().map(|t| t.key.clone()).collect(),
            )),
        },
        Format::Json => Ok(json::render(report)),
        Format::Markdown => Ok(markdown::render(report, options).into_bytes()),
        Format::Xlsx => xlsx::render(report),
    }
}

/// Every table of a report as its own CSV file: `(file name, bytes)`, named by the tables'
/// keys (`answers.csv`, `numbers.csv`), the same in every language.
pub fn csv_files(
    report: &Report,
    options: &Options,
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    report
        .tables
        .iter()
        .map(|t| Ok((format!("{}.csv", t.key), csv::render(t, options)?)))
        .collect()
}

/// Files gathered in a zip archive (deflated), in memory.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ExportError> {
    use std::io::Write;
    let mut archive = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = ::zip::write::SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Deflated)
        .unix_permissions(0o600);
    for (name, bytes) in files {
        archive.start_file(name.as_str(), options)?;
        archive.write_all(bytes).map_err(|e| ExportError::Io {
            path: name.clone(),
            source: e,
        })?;
    }
    Ok(archive.finish()?.into_inner())
}

/// Where a report goes: what a path asks for given the format and the number of tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// One file (every format but CSV, or a CSV of one table).
    File,
    /// A zip of one CSV per table (`-o tables.zip`).
    Zip,
    /// A folder of one CSV per table (`-o tables/`, or the TUI's CSV of several tables).
    Folder,
}

impl Target {
    /// What a path asks for: for CSV, a `.zip` is an archive, and a path ending in `/`, an
    /// existing folder or a name without extension is a folder; anything else is one file.
    pub fn of(path: &Path, format: Format) -> Target {
        if format != Format::Csv {
            return Target::File;
        }
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
        {
            Target::Zip
        } else if path.to_string_lossy().ends_with('/')
            || path.is_dir()
            || path.extension().is_none()
        {
            Target::Folder
        } else {
            Target::File
        }
    }
}

/// Writes the report, each file atomically and mode 0600: one file; or for CSV, one file per
/// table in a zip or a folder (created private if needed). An existing file is replaced only
/// when `replace`; every destination is checked before the first is written (see
/// [`destination`]). Returns what was written.
pub fn write_report(
    report: &Report,
    format: Format,
    options: &Options,
    target: &Target,
    path: &Path,
    replace: bool,
) -> Result<Vec<std::path::PathBuf>, ExportError> {
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = match target {
        Target::File => vec![(path.to_path_buf(), render(report, format, options)?)],
        Target::Zip => vec![(path.to_path_buf(), zip(&csv_files(report, options)?)?)],
        Target::Folder => {
            destination::check_folder(path)?;
            csv_files(report, options)?
                .into_iter()
                .map(|(name, bytes)| (path.join(name), bytes))
                .collect()
        }
    };
    if *target == Target::Folder && !path.is_dir() {
        // A new folder: nothing in it to replace.
        fs::create_private_dir(path)?;
    } else {
        for (file, _) in &files {
            destination::check_file(file, replace)?;
        }
    }
    for (file, bytes) in &files {
        destination::write_file(file, bytes, replace)?;
    }
    Ok(files.into_iter().map(|(file, _)| file).collect())
}

/// Writes the report under a new name in `dir`: `stem.ext` (a folder `stem` for
/// [`Target::Folder`]), or `stem-2.ext`, `stem-3.ext`… when that name is taken, so that an
/// earlier export is never replaced. Returns the path written and whether the first name was
/// taken.
pub fn write_report_new(
    report: &Report,
    format: Format,
    options: &Options,
    target: &Target,
    dir: &Path,
    stem: &str,
    ext: Option<&str>,
) -> Result<(std::path::PathBuf, bool), ExportError> {
    for n in 1.. {
        let base = if n == 1 {
            stem.to_owned()
        } else {
            format!("{stem}-{n}")
        };
        let path = match ext {
            Some(ext) => dir.join(format!("{base}.{ext}")),
            None => dir.join(base),
        };
        // Anything there (a file, a link, a folder) keeps its name.
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        if *target == Target::Folder {
            match fs::create_new_private_dir(&path) {
                Ok(()) => {}
                // Made between the look and here: the next name.
                Err(StoreError::Io { error, .. })
                    if error.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        match write_report(report, format, options, target, &path, false) {
            Ok(_) => return Ok((path, n > 1)),
            Err(ExportError::Destination(DestinationError::Exists { .. }))
                if *target != Target::Folder => {}
            Err(e) => return Err(e),
        }
    }
    unreachable!("a free name is always found")
}

/// Writes a chart as SVG to `path` atomically, mode 0600, replacing a file there when `replace`.
pub fn write_chart(
    chart: &Chart,
    options: &ChartOptions,
    path: &Path,
    replace: bool,
) -> Result<(), ExportError> {
    destination::write_file(path, svg::render(chart, options).as_bytes(), replace)?;
    Ok(())
}

#[cfg(test)]
mod tests;
