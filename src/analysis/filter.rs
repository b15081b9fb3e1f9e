//! Which part of the study a table counts: sessions by status, date and search query; codings
//! by coder (the reference coder of each session unless asked otherwise) and by the segments a
//! query matched. Every table counts the same [`Scope`], and says what it left out.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use super::frequencies::CodeCounts;
use crate::study::{Coding, SegmentId, Session, SessionId, SessionKind, Status, Study};

/// Whose codings count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Coders {
    /// Each session's reference coder ([`Session::reference_coder`]): a session coded twice
    /// for agreement is counted once, as its reference coder coded it.
    #[default]
    Reference,
    /// Every coder's codings pooled (a span coded by two coders still counts once).
    All,
    /// Only these coders (exact names), in every session.
    Named(BTreeSet<String>),
}

/// What to count. The default counts every session, with each one's reference coder.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub coders: Coders,
    /// Only sessions of this kind (interviews or questionnaire responses); `None`: both.
    pub kind: Option<SessionKind>,
    /// Only sessions with this status.
    pub status: Option<Status>,
    /// Only sessions whose date ([`Session::date`], in its own offset) is on or after this day.
    /// A session without a date is left out when `from` or `to` is set.
    pub from: Option<NaiveDate>,
    /// Only sessions whose date is on or before this day (inclusive).
    pub to: Option<NaiveDate>,
    /// The segments a search query matched. `None`: no query. With a query, only the
    /// sessions with a matching segment are counted (their respondents, answers and
    /// situations), and only the codings on matching segments.
    pub segments: Option<HashSet<(SessionId, SegmentId)>>,
    /// The search query that chose `segments`, for the note under a table.
    pub query: Option<String>,
}

/// Sessions a filter left out, by reason (a session is counted under the first that applies).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Sessions in the study.
    pub of: usize,
    /// Of the other kind (`--kind`).
    pub kind: usize,
    pub status: usize,
    pub dates: usize,
    pub query: usize,
}

impl LeftOut {
    pub fn total(&self) -> usize {
        self.kind + self.status + self.dates + self.query
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reason {
    Kind,
    Status,
    Dates,
    Query,
}

impl Filter {
    /// A filter that counts every coder's codings (agreement compares coders).
    pub fn every_coder(&self) -> Filter {
        Filter {
            coders: Coders::All,
            ..self.clone()
        }
    }

    fn leaves_out(&self, session: &Session) -> Option<Reason> {
        if self.kind.is_some_and(|k| k != session.kind) {
            return Some(Reason::Kind);
        }
        if self.status.is_some_and(|s| s != session.status) {
            return Some(Reason::Status);
        }
        if self.from.is_some() || self.to.is_some() {
            let day = session.date().map(|d| d.date_naive());
            let within = day.is_some_and(|day| {
                self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
            });
            if !within {
                return Some(Reason::Dates);
            }
        }
        if let Some(set) = &self.segments
            && !session
                .segments
                .iter()
                .any(|s| set.contains(&(session.id, s.id)))
        {
            return Some(Reason::Query);
        }
        None
    }

    /// The codings of a session that this filter counts (see [`Scope::codings`]), for a
    /// session read on its own.
    pub fn codings<'s>(
        &self,
        session: &'s Session,
    ) -> impl Iterator<Item = &'s Coding> + use<'s, '_> {
        let reference = session.reference_coder();
        session
            .counted_codings()
            .filter(move |c| self.keeps_coding(session.id, reference, c))
    }

    fn keeps_coding(&self, session: SessionId, reference: Option<&str>, coding: &Coding) -> bool {
        let coder = match &self.coders {
            Coders::Reference => reference == Some(coding.coder.as_str()),
            Coders::All => true,
            Coders::Named(names) => names.contains(&coding.coder),
        };
        coder
            && self
                .segments
                .as_ref()
                .is_none_or(|set| set.contains(&(session, coding.segment)))
    }

    /// Whether a session is counted at all (kind, status, dates, query).
    pub fn keeps_session(&self, session: &Session) -> bool {
        self.leaves_out(session).is_none()
    }

    /// The part of the study this filter counts.
    pub fn scope<'a>(&'a self, study: &'a Study, sessions: &'a [Session]) -> Scope<'a> {
        let mut left_out = LeftOut {
            of: sessions.len(),
            ..LeftOut::default()
        };
        let mut kept = Vec::with_capacity(sessions.len());
        for s in sessions {
            match self.leaves_out(s) {
                None => kept.push(s),
                Some(Reason::Kind) => left_out.kind += 1,
                Some(Reason::Status) => left_out.status += 1,
                Some(Reason::Dates) => left_out.dates += 1,
                Some(Reason::Query) => left_out.query += 1,
            }
        }
        let references = kept
            .iter()
            .filter_map(|s| Some((s.id, s.reference_coder()?)))
            .collect();
        Scope {
            study,
            filter: self,
            all: sessions,
            sessions: kept,
            left_out,
            references,
            code_counts: None,
        }
    }
}

/// The sessions a filter keeps, with the study they belong to.
pub struct Scope<'a> {
    pub study: &'a Study,
    pub filter: &'a Filter,
    /// Every session of the study, kept or not (a person may be reported in any of them).
    pub all: &'a [Session],
    pub sessions: Vec<&'a Session>,
    pub left_out: LeftOut,
    /// The reference coder of each kept session that has codings.
    references: HashMap<SessionId, &'a str>,
    /// What each session adds to the code frequencies, counted as it was read (the sessions
    /// are then light copies without their text); `None`: counted from the sessions.
    code_counts: Option<&'a CodeCounts>,
}

impl<'a> Scope<'a> {
    /// The codings of a kept session that the filter counts (those of its transcript layer when
    /// it has one, see [`Session::counts`]).
    pub fn codings(&self, session: &'a Session) -> impl Iterator<Item = &'a Coding> + use<'a, '_> {
        let reference = self.references.get(&session.id).copied();
        session
            .counted_codings()
            .filter(move |c| self.filter.keeps_coding(session.id, reference, c))
    }

    /// The scope with each session's code frequencies counted as it was read, by
    /// [`SessionCodes::of`](super::frequencies::SessionCodes::of) over [`Filter::codings`]
    /// of this filter: every kept session must have its counts there.
    pub fn with_code_counts(self, counts: Option<&'a CodeCounts>) -> Scope<'a> {
        Scope {
            code_counts: counts,
            ..self
        }
    }

    /// What a kept session adds to the code frequencies, if counted as it was read.
    pub fn code_counts(&self, session: SessionId) -> Option<&'a super::frequencies::SessionCodes> {
        self.code_counts.and_then(|c| c.get(&session))
    }

    /// The reference coder of a kept session, if it has codings.
    pub fn reference_coder(&self, session: SessionId) -> Option<&'a str> {
        self.references.get(&session).copied()
    }

    /// Distinct respondents (pseudonyms) of the kept sessions, co-respondents included: the
    /// base of "% of respondents".
    pub fn respondents(&self) -> BTreeSet<&'a str> {
        self.sessions
            .iter()
            .flat_map(|s| s.respondents().map(|r| r.pseudonym.as_str()))
            .collect()
    }

    /// Kept sessions coded by several people, with their coders (first coder first): what a
    /// note must name, whether their codings are pooled or only the reference's counted.
    pub fn multi_coded(&self) -> Vec<(&'a Session, Vec<&'a str>)> {
        self.sessions
            .iter()
            .map(|s| (*s, s.coders()))
            .filter(|(_, coders)| coders.len() > 1)
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

#[cfg(test)]
mod kind_tests {
    use super::*;
    use crate::analysis::fixture::fixture;

    #[test]
    fn a_kind_keeps_only_its_sessions_and_both_are_counted_by_default() {
        let mut f = fixture();
        // C becomes a questionnaire respondent; A and B stay interviews.
        f.sessions[2].kind = SessionKind::Questionnaire;
        let counted = |filter: &Filter| -> (Vec<String>, usize) {
            let scope = filter.scope(&f.study, &f.sessions);
            let names = scope
                .sessions
                .iter()
                .map(|s| s.respondent.pseudonym.clone())
                .collect();
            (names, scope.left_out.kind)
        };
        assert_eq!(
            counted(&Filter::default()),
            (vec!["R1".into(), "R2".into(), "R3".into()], 0)
        );
        let interviews = Filter {
            kind: Some(SessionKind::Interview),
            ..Filter::default()
        };
        assert_eq!(counted(&interviews), (vec!["R1".into(), "R2".into()], 1));
        let questionnaires = Filter {
            kind: Some(SessionKind::Questionnaire),
            ..Filter::default()
        };
        assert_eq!(counted(&questionnaires), (vec!["R3".into()], 2));
    }
}
