//! What stops an import of responses, each naming the file, the row and the column. Displayed
//! in English (logs, tests); [`ResponsesError::message`] gives the interface's words.

use std::path::PathBuf;

use crate::i18n::Texts;
use crate::interop::import::ImportError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ResponsesError {
    /// The file cannot be read or decoded (not text, empty, unreadable).
    #[error(transparent)]
    Import(#[from] ImportError),

    #[error("{}: no header row", file.display())]
    NoHeader { file: PathBuf },

    #[error("{}: no response (only a header row)", file.display())]
    NoResponses { file: PathBuf },

    #[error("{}: row {row}: {message}", file.display())]
    Csv {
        file: PathBuf,
        row: usize,
        message: String,
    },

    #[error("{}: sheet \"{sheet}\", row {row}, column {column}: \"{value}\" is under no header", file.display())]
    CellWithoutHeader {
        file: PathBuf,
        sheet: String,
        row: usize,
        column: String,
        value: String,
    },

    #[error("{}: not a workbook grille can read: {message}", file.display())]
    Workbook { file: PathBuf, message: String },

    /// The mapping file cannot be read, or is not TOML grille understands; `place` is the
    /// line and column (from 1) of the mistake when the parser knows it.
    #[error("{}: {}{message}", file.display(), place.map(|(l, c)| format!("line {l}, column {c}: ")).unwrap_or_default())]
    Mapping {
        file: PathBuf,
        place: Option<(usize, usize)>,
        message: String,
    },

    /// A `[columns]` entry names nothing of the study (`why`: `unknown`, or `multiple` for an
    /// `[OPTION]` on a question that is not a multiple choice).
    #[error("mapping of column \"{column}\": \"{target}\" ({why})")]
    BadTarget {
        column: String,
        target: String,
        why: String,
    },

    #[error("no column \"{column}\" in the file (columns: {headers})")]
    NoSuchColumn { column: String, headers: String },

    #[error("respondent \"{id}\" is on rows {first} and {second} (column {column})")]
    DuplicateId {
        id: String,
        first: usize,
        second: usize,
        column: String,
    },

    #[error(
        "sheet \"{sheet}\", row {row}: _parent_index {parent} matches no row of \"{parent_sheet}\""
    )]
    Orphan {
        sheet: String,
        row: usize,
        parent: String,
        parent_sheet: String,
    },

    /// A real run with values that match nothing: nothing written (they were listed).
    #[error(
        "{count} value(s) match no option: nothing imported (see the list, fix the file or the mapping, or --skip-unmatched)"
    )]
    Unmatched { count: usize },

    /// A respondent of the file is a session that cannot be updated as it is.
    #[error("respondent \"{pseudonym}\": session {session} cannot be updated: {why}")]
    Session {
        pseudonym: String,
        session: String,
        why: String,
    },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ResponsesError {
    /// The error in the user's language.
    pub fn message(&self, t: &Texts) -> String {
        let q = t.questionnaire;
        match self {
            ResponsesError::Import(e) => e.message(t),
            ResponsesError::Store(e) => (t.import_write_failed)(&e.message(t)),
            ResponsesError::NoHeader { file } => (q.no_header)(&show(file)),
            ResponsesError::NoResponses { file } => (q.no_responses)(&show(file)),
            ResponsesError::Csv { file, row, message } => (q.csv_error)(&show(file), *row, message),
            ResponsesError::CellWithoutHeader {
                file,
                sheet,
                row,
                column,
                value,
            } => (q.cell_without_header)(&show(file), sheet, *row, column, value),
            ResponsesError::Workbook { file, message } => (q.bad_workbook)(&show(file), message),
            ResponsesError::Mapping {
                file,
                place,
                message,
            } => {
                let place = place.map(|(line, column)| (q.mapping_place)(line, column));
                (q.bad_mapping)(&show(file), &place.unwrap_or_default(), message)
            }
            ResponsesError::BadTarget {
                column,
                target,
                why,
            } => {
                let why = if why == "multiple" {
                    q.target_not_multiple
                } else {
                    q.target_unknown
                };
                (q.bad_target)(column, target, why)
            }
            ResponsesError::NoSuchColumn { column, headers } => (q.no_such_column)(column, headers),
            ResponsesError::DuplicateId {
                id,
                first,
                second,
                column,
            } => (q.duplicate_id)(id, *first, *second, column),
            ResponsesError::Orphan {
                sheet,
                row,
                parent,
                parent_sheet,
            } => (q.orphan)(sheet, *row, parent, parent_sheet),
            ResponsesError::Unmatched { count } => (q.refused_unmatched)(*count),
            ResponsesError::Session {
                pseudonym,
                session,
                why,
            } => (q.session_not_updatable)(pseudonym, session, why),
        }
    }
}

fn show(file: &std::path::Path) -> String {
    file.display().to_string()
}
