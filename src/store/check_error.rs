//! What makes `grille check` fail, kept typed so that it is said in the user's language;
//! `Display` gives the format's English, as `check` printed before it was translated.

use std::fmt;
use std::path::PathBuf;

use super::StoreError;
use crate::i18n::Texts;
use crate::study::{Problem, SituationId};

#[derive(Debug)]
pub enum CheckError {
    /// A problem of a file's content: one line each, so that every one is seen.
    Problem { file: PathBuf, problem: Problem },
    /// A file that could not be read, or that grille does not open (a link, a folder…).
    Store(StoreError),
    /// A situation marked "same person as" a situation no session holds.
    NoSituation {
        file: PathBuf,
        path: String,
        target: SituationId,
    },
}

impl CheckError {
    /// One line in the user's language, naming the file.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            CheckError::Problem { file, problem } => {
                (t.problems.at)(&file.display().to_string(), &problem.message(t))
            }
            CheckError::Store(e) => e.message(t),
            CheckError::NoSituation { file, path, target } => (t.problems.at)(
                &file.display().to_string(),
                &(t.problems.at)(path, &(t.problems.no_situation)(&target.to_string())),
            ),
        }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En.texts()))
    }
}

impl From<StoreError> for CheckError {
    fn from(e: StoreError) -> CheckError {
        CheckError::Store(e)
    }
}
