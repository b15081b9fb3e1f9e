//! Coded excerpt retrieval: every excerpt coded with a code (and, if asked, its sub-codes)
//! across all sessions, with where it comes from. Read from the search index, which holds
//! every excerpt with its place: no session is loaded.

use super::Workspace;
use crate::index::{Index, SearchError};
use crate::study::CodeId;

pub use crate::index::CodedExcerpt;

impl Workspace {
    /// The excerpts coded with `code` (or one of its sub-codes when `descendants`), in session
    /// then transcript order, from `index` (opened with [`Workspace::open_index`] and kept in
    /// step, so that a coding just saved is listed). Sessions the index could not read are in
    /// `index.opened().skipped`.
    pub fn coded_excerpts(
        &self,
        index: &Index,
        code: CodeId,
        descendants: bool,
    ) -> Result<Vec<CodedExcerpt>, SearchError> {
        index.coded_excerpts(code, descendants)
    }
}
