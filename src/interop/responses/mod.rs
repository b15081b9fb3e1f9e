//! Responses to an online questionnaire become sessions of kind `questionnaire`: one per row
//! of the export (LimeSurvey, Framaforms / Drupal Webform, Google Forms, Microsoft Forms,
//! KoboToolbox, Sphinx; CSV or a workbook).
//!
//! Reading ([`read_plan`]) writes nothing: it finds what each column is ([`columns`]), reads
//! every row ([`rows`]) and the repeat sheets' rows ([`repeats`]), and keeps every value that
//! matches nothing with its row and column. [`write::prepare`] compares the responses with the
//! respondents already imported (same pseudonym): new ones become sessions, known ones get the
//! changes that bring them up to date. [`write::write`] writes them all or none.

pub mod columns;
pub mod error;
pub mod mapping;
pub mod repeats;
pub mod rows;
pub mod sheet;
pub mod values;
pub mod write;

use std::path::{Path, PathBuf};

pub use columns::{Column, Part, Target};
pub use error::ResponsesError;
pub use mapping::Mapping;
pub use rows::{Response, Unmatched};
pub use sheet::ReadAs;
pub use write::{Prepared, Update, prepare, write};

use crate::study::Study;

/// What a sheet of the file was used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// One row per respondent.
    Responses,
    /// Each row a situation of the response it belongs to.
    Situations,
    /// Nothing in it fills the study (listed with its columns).
    Unused,
}

/// A sheet as read, with what each of its columns fills.
#[derive(Clone, Debug)]
pub struct SheetPlan {
    pub name: String,
    pub rows: usize,
    pub role: Role,
    pub columns: Vec<Column>,
}

/// Everything a file holds for the study, nothing written.
#[derive(Clone, Debug)]
pub struct Plan {
    pub file: PathBuf,
    pub read_as: ReadAs,
    pub sheets: Vec<SheetPlan>,
    pub responses: Vec<Response>,
    pub unmatched: Vec<Unmatched>,
    /// Rows whose date could not be read (row, value): their date stays unknown.
    pub bad_dates: Vec<(usize, String)>,
}

impl Plan {
    /// Columns that fill nothing and were not ignored on purpose: (sheet, letter, header).
    pub fn unmapped(&self) -> Vec<(&str, &str, &str)> {
        self.sheets
            .iter()
            .flat_map(|s| {
                s.columns
                    .iter()
                    .filter(|c| c.targets.is_empty() && !c.ignored)
                    .map(move |c| (s.name.as_str(), c.letter.as_str(), c.header.as_str()))
            })
            .collect()
    }
}

/// Reads a response export against the study (nothing written). `id_column` names the
/// column of respondent ids (else the mapping's, else a column named `pseudo`, `id`…).
pub fn read_plan(
    file: &Path,
    study: &Study,
    mapping: &Mapping,
    id_column: Option<&str>,
) -> Result<Plan, ResponsesError> {
    let bytes = std::fs::read(file).map_err(|source| {
        ResponsesError::Import(crate::interop::import::ImportError::Read {
            file: file.to_path_buf(),
            source,
        })
    })?;
    read_bytes(file, &bytes, study, mapping, id_column)
}

/// [`read_plan`] on bytes already read (the fuzz target calls this).
pub fn read_bytes(
    file: &Path,
    bytes: &[u8],
    study: &Study,
    mapping: &Mapping,
    id_column: Option<&str>,
) -> Result<Plan, ResponsesError> {
    let book = sheet::read(file, bytes)?;
    let main = &book.sheets[0];
    if main.rows.is_empty() {
        return Err(ResponsesError::NoResponses { file: file.into() });
    }
    check_mapping_names(&book.sheets, mapping)?;
    let columns = columns::responses_columns(study, main, mapping, id_column)?;
    let mut found = rows::read_rows(study, main, &columns, mapping)?;
    let mut sheets = vec![SheetPlan {
        name: main.name.clone(),
        rows: main.rows.len(),
        role: Role::Responses,
        columns,
    }];
    for repeat in &book.sheets[1..] {
        let columns = columns::repeat_columns(study, repeat, mapping)?;
        let wanted = if mapping.situations.sheets.is_empty() {
            columns.iter().any(|c| {
                c.targets
                    .iter()
                    .any(|t| matches!(t, Target::SituationField(_)))
            })
        } else {
            mapping.situations.sheets.iter().any(|s| s == &repeat.name)
        };
        let role = if wanted {
            repeats::add_situations(study, mapping, &book.sheets, repeat, &columns, &mut found)?;
            Role::Situations
        } else {
            Role::Unused
        };
        sheets.push(SheetPlan {
            name: repeat.name.clone(),
            rows: repeat.rows.len(),
            role,
            columns,
        });
    }
    for name in &mapping.situations.sheets {
        if !book.sheets.iter().any(|s| &s.name == name) {
            let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
            return Err(ResponsesError::NoSuchColumn {
                column: name.clone(),
                headers: names.join(", "),
            });
        }
    }
    Ok(Plan {
        file: file.to_path_buf(),
        read_as: book.read_as,
        sheets,
        responses: found.responses,
        unmatched: found.unmatched,
        bad_dates: found.bad_dates,
    })
}

/// Every column the mapping file names must be in the file: a name that is not is a typo
/// that would otherwise silently leave a column unmapped.
fn check_mapping_names(sheets: &[sheet::Sheet], mapping: &Mapping) -> Result<(), ResponsesError> {
    let names = mapping
        .ignore
        .iter()
        .chain(mapping.columns.keys())
        .chain(mapping.id.iter())
        .chain(mapping.date.iter())
        .chain(mapping.consent.iter());
    for name in names {
        if !sheets
            .iter()
            .any(|s| columns::find_column(s, name).is_some())
        {
            return Err(ResponsesError::NoSuchColumn {
                column: name.clone(),
                headers: columns::headers_list(&sheets[0]),
            });
        }
    }
    Ok(())
}
