//! Search for the front ends: opening the study's index (checked, rebuilt or caught up as
//! needed) and keeping it in step after saved changes. The TUI holds the [`Index`] for its
//! session and calls [`Workspace::reindex_session`] after each saved change.

use crate::index::{Index, Progress, Result, SearchError, SearchResults};
use std::collections::HashSet;

use crate::study::{SegmentId, Session, SessionId};

use super::Workspace;

impl Workspace {
    /// Opens the study's search index; see [`Index::open`] and [`Index::opened`] for what it
    /// did (rebuilt, caught up, sessions skipped, busy).
    pub fn open_index(&self, progress: &mut dyn Progress) -> Result<Index> {
        Index::open(&self.dir, &self.study, progress)
    }

    /// After a saved change to a session: re-index it (one segment if only that segment's text
    /// or codings changed), searchable on return. A codebook, grid or study change goes
    /// through [`Index::set_study`] instead.
    pub fn reindex_session(
        &self,
        index: &mut Index,
        session: &Session,
        only: Option<SegmentId>,
    ) -> Result<()> {
        match only {
            Some(segment) => index.update_segment(session, segment),
            None => index.update_session(session),
        }
    }

    /// Runs a query; an error in the query says where (`QueryError::column`, `caret`).
    pub fn search(
        &self,
        index: &Index,
        query: &str,
        limit: usize,
    ) -> std::result::Result<SearchResults, SearchError> {
        index.search(query, limit)
    }

    /// Every segment a query matches (through its text or one of its excerpts): what a table
    /// counts when it is narrowed by a query (`grille export … --query`).
    pub fn matching_segments(
        &self,
        index: &Index,
        query: &str,
    ) -> std::result::Result<HashSet<(SessionId, SegmentId)>, SearchError> {
        let total = index.search(query, 1)?.total;
        let all = index.search(query, total.max(1))?;
        Ok(all
            .hits
            .into_iter()
            .map(|h| (h.session, h.segment))
            .collect())
    }
}
