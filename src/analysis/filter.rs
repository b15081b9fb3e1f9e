//! Which part of the study a table counts: sessions by status and date, codings by coder, and
//! (the seam for the search query language) codings by the segments a query matched.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use crate::study::{Coding, SegmentId, Session, SessionId, Status, Study};

/// What to count. The default counts everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only codings by these coders (exact names); `None`: every coder.
    pub coders: Option<BTreeSet<String>>,
    /// Only sessions with this status.
    pub status: Option<Status>,
    /// Only sessions whose date ([`Session::date`], in its own offset) is on or after this day.
    /// A session without a date is left out when `from` or `to` is set.
    pub from: Option<NaiveDate>,
    /// Only sessions whose date is on or before this day (inclusive).
    pub to: Option<NaiveDate>,
    /// Only codings on these segments: what a search query matched. `None`: every segment.
    /// Sessions, and so the respondents' base of percentages, are not narrowed by it: a
    /// query selects excerpts, not who was interviewed.
    pub segments: Option<HashSet<(SessionId, SegmentId)>>,
    /// The search query that chose `segments`, for the note under a table.
    pub query: Option<String>,
}

impl Filter {
    /// Whether a session is counted at all (status and date).
    pub fn keeps_session(&self, session: &Session) -> bool {
        if self.status.is_some_and(|s| s != session.status) {
            return false;
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(day) = session.date().map(|d| d.date_naive()) else {
            return false;
        };
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// Whether a coding of a kept session is counted (coder and segments).
    pub fn keeps_coding(&self, session: SessionId, coding: &Coding) -> bool {
        self.coders
            .as_ref()
            .is_none_or(|coders| coders.contains(&coding.coder))
            && self
                .segments
                .as_ref()
                .is_none_or(|segments| segments.contains(&(session, coding.segment)))
    }

    /// The part of the study this filter counts.
    pub fn scope<'a>(&'a self, study: &'a Study, sessions: &'a [Session]) -> Scope<'a> {
        Scope {
            study,
            filter: self,
            sessions: sessions.iter().filter(|s| self.keeps_session(s)).collect(),
        }
    }
}

/// The sessions a filter keeps, with the study they belong to.
pub struct Scope<'a> {
    pub study: &'a Study,
    pub filter: &'a Filter,
    pub sessions: Vec<&'a Session>,
}

impl<'a> Scope<'a> {
    /// The codings of a kept session that the filter counts.
    pub fn codings(&self, session: &'a Session) -> impl Iterator<Item = &'a Coding> + use<'a, '_> {
        let filter = self.filter;
        session
            .codings
            .iter()
            .filter(move |c| filter.keeps_coding(session.id, c))
    }

    /// Distinct respondents (pseudonyms) of the kept sessions, co-respondents included: the
    /// base of "% of respondents".
    pub fn respondents(&self) -> BTreeSet<&'a str> {
        self.sessions
            .iter()
            .flat_map(|s| s.respondents().map(|r| r.pseudonym.as_str()))
            .collect()
    }
}

/// Every coder named in the sessions, sorted: for messages that list the known coders.
pub fn coders(sessions: &[Session]) -> BTreeSet<String> {
    sessions
        .iter()
        .flat_map(|s| s.codings.iter().map(|c| c.coder.clone()))
        .collect()
}
