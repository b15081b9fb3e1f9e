//! A session as the tables of answers, situations and code frequencies read it, once its code
//! frequencies are counted ([`SessionCodes`](super::frequencies::SessionCodes)): an export of
//! every session keeps these light copies, not 10,000 transcripts.
//!
//! Kept: what every table and its notes read (id, kind, status, date, respondents and their
//! attributes, answers, situations, the transcript layer's segment ids, the chosen reference
//! coder), every person's name (interviewer, memo authors, coders: an export's initials
//! depend on all of them), and of the codings those that say who coded first (each
//! coder's earliest, among all codings and among those counted: [`Session::coders`] and
//! [`Session::reference_coder`] give the same answer) and those a situation's excerpt
//! overlaps (a situation's codes). Of the segments, only those a search query matched (a
//! filter keeps a session by them), without their text.

use std::collections::HashMap;

use super::filter::Filter;
use super::spans;
use crate::study::Session;

/// The light copy of `session` for tables counted under `filter`.
pub fn for_tables(mut s: Session, filter: &Filter) -> Session {
    s.started = s.date();
    let id = s.id;
    s.segments.retain(|g| {
        filter
            .segments
            .as_ref()
            .is_some_and(|set| set.contains(&(id, g.id)))
    });
    for g in &mut s.segments {
        g.text = String::new();
    }
    let keep = codings_kept(&s);
    let mut i = 0;
    s.codings.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for c in &mut s.codings {
        c.memo = None;
        c.quote = None;
    }
    for m in &mut s.memos {
        m.text = String::new();
    }
    s.marks.clear();
    s.visits.clear();
    if let Some(t) = &mut s.transcript {
        t.proposals.clear();
        t.decisions.clear();
    }
    // What was left out is given back: a vector keeps its room after `retain`.
    s.segments.shrink_to_fit();
    s.codings.shrink_to_fit();
    s
}

/// Which codings a light copy keeps (see the module).
fn codings_kept(s: &Session) -> Vec<bool> {
    let mut keep = vec![false; s.codings.len()];
    // Each coder's earliest coding (by time, then order in the file), among all of them and
    // among those counted.
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut first_counted: HashMap<&str, usize> = HashMap::new();
    for (i, c) in s.codings.iter().enumerate() {
        let earlier = |j: &usize| (c.at, i) < (s.codings[*j].at, *j);
        let coder = c.coder.as_str();
        if first.get(coder).is_none_or(earlier) {
            first.insert(coder, i);
        }
        if s.counts(c.segment) && first_counted.get(coder).is_none_or(earlier) {
            first_counted.insert(coder, i);
        }
    }
    for i in first.into_values().chain(first_counted.into_values()) {
        keep[i] = true;
    }
    for (i, c) in s.codings.iter().enumerate() {
        let overlaps =
            s.situations.iter().flat_map(|x| &x.excerpts).any(|e| {
                e.segment == c.segment && spans::overlap((e.start, e.end), (c.start, c.end))
            });
        keep[i] |= overlaps;
    }
    keep
}
