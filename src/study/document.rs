//! A file of the study that changes over time: a session, the codebook, the grid, the study
//! description. Changes are values (journalled before they are applied, replayed after a crash),
//! checked against the document and its context before anything is written.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a change cannot be applied. The message names the entity and what is wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct ChangeError(pub String);

impl ChangeError {
    pub fn new(message: impl Into<String>) -> Self {
        ChangeError(message.into())
    }
}

/// What applying a change did beyond the change itself, worth telling the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub notices: Vec<Notice>,
}

/// Something a change did that the user did not ask for in so many words.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Notice {
    #[error("{0} coding(s) removed: all their words were deleted")]
    CodingsRemoved(usize),
    /// A coding was written with a code another process had merged into another meanwhile.
    #[error("\"{old}\" was merged into \"{new}\" by {by}: coded with \"{new}\"")]
    CodedWithMerged {
        old: String,
        new: String,
        by: String,
    },
    /// The change is safe in the journal; folding it into the file failed (said why).
    #[error("{0}")]
    NotFolded(String),
}

impl Notice {
    /// The notice in the user's language.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        let s = t.store;
        match self {
            Notice::CodingsRemoved(n) => (s.codings_removed)(*n),
            Notice::CodedWithMerged { old, new, by } => (s.coded_with_merged)(old, new, by),
            Notice::NotFolded(why) => (s.not_folded)(why),
        }
    }
}

pub trait Document: Serialize + DeserializeOwned + Clone {
    type Change: Serialize + DeserializeOwned + Clone + std::fmt::Debug;
    /// What checking a change needs besides the document (the study definition for a session).
    type Context;

    fn revision(&self) -> u64;
    fn set_revision(&mut self, revision: u64);

    /// Checks that `change` can be applied; nothing is modified.
    fn check(&self, change: &Self::Change, context: &Self::Context) -> Result<(), ChangeError>;

    /// Applies a change that [`Document::check`] accepted.
    fn apply(&mut self, change: &Self::Change) -> Outcome;
}
