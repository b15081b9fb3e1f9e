//! What can go wrong with a study on disk. Every error names the file it is about.

use std::io;
use std::path::PathBuf;

use crate::study::{ChangeError, Problem};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },

    /// The file is not valid JSON or not of the expected shape.
    #[error("{}: at {json_path} (line {line}, column {column}): {message}", file.display())]
    Parse {
        file: PathBuf,
        json_path: String,
        line: usize,
        column: usize,
        message: String,
    },

    /// The file parsed but breaks the study's rules (unknown code, offset out of range…).
    #[error("{}: {}", file.display(), list(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },

    /// A journal line before the last one is damaged: not a torn write, so nothing is guessed.
    #[error("{}: line {line}: {message}", file.display())]
    Journal {
        file: PathBuf,
        line: usize,
        message: String,
    },

    #[error(
        "{}: another grille process is writing this file; it is open read-only here",
        file.display()
    )]
    Locked { file: PathBuf },

    #[error("{}: {source}", file.display())]
    Change { file: PathBuf, source: ChangeError },

    #[error("{}: not a grille study (no study.json); create one with `grille init`", path.display())]
    NotAStudy { path: PathBuf },

    #[error("{}: already exists and is not empty", path.display())]
    Exists { path: PathBuf },

    #[error("{}: already exists; it was not overwritten", path.display())]
    FileExists { path: PathBuf },

    #[error("no session {0} in this study")]
    NoSession(String),
}

fn list(problems: &[Problem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let lines: Vec<String> = many.iter().map(|p| format!("\n  {p}")).collect();
            format!("{} problems:{}", many.len(), lines.concat())
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Attaches a path to an I/O error.
pub trait IoContext<T> {
    fn at(self, path: impl Into<PathBuf>) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn at(self, path: impl Into<PathBuf>) -> Result<T> {
        self.map_err(|source| StoreError::Io {
            path: path.into(),
            source,
        })
    }
}
