//! Code frequencies: for each code, how many excerpts, sessions and respondents it has, and how
//! many words it covers; for the code alone and with the codes under it.
//!
//! Units, stated once:
//! - an **excerpt** is a distinct coded span (session, segment, start, end): the same span coded
//!   twice with one code (by two coders) is one excerpt; with descendants, a span coded with a
//!   code and with its child is one excerpt;
//! - a **respondent** is a distinct pseudonym; the percentage is over the respondents of the
//!   sessions counted (after status and date filters), co-respondents included: a code counts
//!   for the respondent who said the excerpt (the session's respondent for the interviewer's
//!   words), grouped by that respondent's attributes;
//! - **words coded** are the words (runs of non-whitespace, as the session word count has them)
//!   with at least one char in the union of the code's spans in each segment: overlapping
//!   codings of one code never count a word twice.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::filter::Scope;
use super::groups::{self, Group, percent};
use super::spans::{self, Span};
use crate::study::{CodeId, SegmentId, Session};

/// What one code (alone, or with its descendants) counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub excerpts: usize,
    pub sessions: usize,
    pub respondents: usize,
    /// Respondents as a percentage of all respondents counted; `None` when there are none.
    pub respondents_pct: Option<f64>,
    pub words: usize,
}

/// One row of the frequency table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeFrequency {
    pub code: CodeId,
    pub path: String,
    pub name: String,
    /// 0 for a top-level code.
    pub depth: usize,
    /// Codings of this code only.
    pub own: Counts,
    /// Codings of this code and of every code under it.
    pub with_descendants: Counts,
    /// With descendants, per group of the breakdown (same order as [`Breakdown::groups`]).
    pub by_group: Vec<GroupCount>,
}

/// Respondents of one group who have the code, and their share of the group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupCount {
    pub respondents: usize,
    /// Percentage of the group's respondents; `None` for an empty group.
    pub pct: Option<f64>,
}

/// Groups of respondents by the value of one respondent attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    pub attribute: String,
    pub label: String,
    /// Whether a respondent may be in several groups (a `choices` attribute).
    pub multi: bool,
    pub groups: Vec<Group>,
    /// Respondents in each group: the base of that group's percentages.
    pub sizes: Vec<usize>,
}

/// The frequency table, codes in codebook (tree) order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Frequencies {
    /// Sessions counted.
    pub sessions: usize,
    /// Distinct respondents counted: the base of `respondents_pct`.
    pub respondents: usize,
    pub codes: Vec<CodeFrequency>,
    pub breakdown: Option<Breakdown>,
}

/// What a frequency table can be sorted by (the statistics screen's columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Codebook order.
    Tree,
    Path,
    Excerpts,
    Sessions,
    Respondents,
    Words,
}

/// Errors a frequency table can meet: only a breakdown by an attribute the study lacks.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FrequencyError {
    #[error("no respondent attribute \"{key}\" (known: {known})")]
    UnknownAttribute { key: String, known: String },
}

/// Per code, in one session: spans by segment.
type SpansBySegment = HashMap<SegmentId, Vec<Span>>;

#[derive(Default)]
struct Tally<'a> {
    excerpts: usize,
    sessions: usize,
    respondents: HashSet<&'a str>,
    words: usize,
}

impl Tally<'_> {
    fn counts(&self, base: usize) -> Counts {
        Counts {
            excerpts: self.excerpts,
            sessions: self.sessions,
            respondents: self.respondents.len(),
            respondents_pct: percent(self.respondents.len(), base),
            words: self.words,
        }
    }
}

/// Counts every code over the scope; `by` breaks respondents down by a respondent attribute.
pub fn frequencies(scope: &Scope, by: Option<&str>) -> Result<Frequencies, FrequencyError> {
    let book = &scope.study.codebook;
    let tree = book.tree();
    let index: HashMap<CodeId, usize> = tree
        .iter()
        .enumerate()
        .map(|(i, (_, c))| (c.id, i))
        .collect();
    // Each code's chain of indices, itself first, so a coding is added to every ancestor.
    let chains: Vec<Vec<usize>> = tree
        .iter()
        .map(|(_, c)| {
            book.ancestry(c.id)
                .iter()
                .filter_map(|a| index.get(&a.id).copied())
                .collect()
        })
        .collect();
    let mut own: Vec<Tally> = (0..tree.len()).map(|_| Tally::default()).collect();
    let mut all: Vec<Tally> = (0..tree.len()).map(|_| Tally::default()).collect();
    for session in &scope.sessions {
        let mut own_spans: HashMap<usize, SpansBySegment> = HashMap::new();
        let mut all_spans: HashMap<usize, SpansBySegment> = HashMap::new();
        for coding in scope.codings(session) {
            let Some(&i) = index.get(&coding.code) else {
                continue; // validation refuses unknown codes; never count them
            };
            let span = (coding.start, coding.end);
            push(&mut own_spans, i, coding.segment, span);
            for &a in &chains[i] {
                push(&mut all_spans, a, coding.segment, span);
            }
        }
        let mut words = WordCache::new(session);
        tally(&mut own, own_spans, session, &mut words);
        tally(&mut all, all_spans, session, &mut words);
    }
    let base = scope.respondents().len();
    let breakdown = by.map(|key| breakdown(scope, key)).transpose()?;
    let codes = tree
        .iter()
        .enumerate()
        .map(|(i, (depth, code))| CodeFrequency {
            code: code.id,
            path: book.path(code.id).unwrap_or_default(),
            name: code.name.clone(),
            depth: *depth,
            own: own[i].counts(base),
            with_descendants: all[i].counts(base),
            by_group: breakdown
                .as_ref()
                .map(|b| b.count(&all[i].respondents))
                .unwrap_or_default(),
        })
        .collect();
    Ok(Frequencies {
        sessions: scope.sessions.len(),
        respondents: base,
        codes,
        breakdown: breakdown.map(|b| b.breakdown),
    })
}

fn push(map: &mut HashMap<usize, SpansBySegment>, code: usize, segment: SegmentId, span: Span) {
    map.entry(code)
        .or_default()
        .entry(segment)
        .or_default()
        .push(span);
}

fn tally<'a>(
    tallies: &mut [Tally<'a>],
    spans: HashMap<usize, SpansBySegment>,
    session: &'a Session,
    words: &mut WordCache,
) {
    for (code, segments) in spans {
        let t = &mut tallies[code];
        t.sessions += 1;
        for (segment, mut list) in segments {
            // The respondent who said it: a co-respondent for their words, else the session's
            // respondent (the interviewer's words count for the interview's respondent).
            let who = session
                .segment(segment)
                .and_then(|s| session.respondent_of(s))
                .unwrap_or(&session.respondent);
            t.respondents.insert(who.pseudonym.as_str());
            list.sort_unstable();
            list.dedup();
            t.excerpts += list.len();
            t.words += spans::words_touched(words.of(segment), &spans::union(list));
        }
    }
}

/// The word spans of a session's segments, computed once per segment.
struct WordCache<'a> {
    session: &'a Session,
    words: HashMap<SegmentId, Vec<Span>>,
}

impl<'a> WordCache<'a> {
    fn new(session: &'a Session) -> Self {
        WordCache {
            session,
            words: HashMap::new(),
        }
    }

    fn of(&mut self, segment: SegmentId) -> &[Span] {
        let session = self.session;
        self.words.entry(segment).or_insert_with(|| {
            session
                .segment(segment)
                .map(|s| spans::words(&s.text))
                .unwrap_or_default()
        })
    }
}

/// A breakdown being counted: which group each respondent is in.
struct Grouping<'a> {
    breakdown: Breakdown,
    members: Vec<HashSet<&'a str>>,
}

impl Grouping<'_> {
    fn count(&self, respondents: &HashSet<&str>) -> Vec<GroupCount> {
        self.members
            .iter()
            .map(|m| {
                let n = m.intersection(respondents).count();
                GroupCount {
                    respondents: n,
                    pct: percent(n, m.len()),
                }
            })
            .collect()
    }
}

fn breakdown<'a>(scope: &Scope<'a>, key: &str) -> Result<Grouping<'a>, FrequencyError> {
    let meta = &scope.study.meta;
    let Some(attribute) = meta.respondent_attribute(key) else {
        return Err(FrequencyError::UnknownAttribute {
            key: key.into(),
            known: meta.respondent_attribute_keys(),
        });
    };
    let keys: Vec<(&str, Vec<String>)> = scope
        .sessions
        .iter()
        .flat_map(|s| s.respondents())
        .map(|r| (r.pseudonym.as_str(), groups::keys_of(r.attributes.get(key))))
        .collect();
    let seen: BTreeSet<String> = keys.iter().flat_map(|(_, k)| k.iter().cloned()).collect();
    let list = groups::groups(&attribute.kind, &seen);
    let members: Vec<HashSet<&str>> = list
        .iter()
        .map(|g| {
            keys.iter()
                .filter(|(_, k)| k.contains(&g.key))
                .map(|(p, _)| *p)
                .collect()
        })
        .collect();
    Ok(Grouping {
        breakdown: Breakdown {
            attribute: attribute.key.clone(),
            label: attribute.label.clone(),
            multi: groups::is_multi(&attribute.kind),
            sizes: members.iter().map(HashSet::len).collect(),
            groups: list,
        },
        members,
    })
}

impl Frequencies {
    /// The rows sorted by a column, ties kept in codebook order. `ascending` false gives the
    /// largest numbers (or the last paths) first.
    pub fn sorted(
        &self,
        key: SortKey,
        with_descendants: bool,
        ascending: bool,
    ) -> Vec<&CodeFrequency> {
        let metric = |r: &CodeFrequency| -> usize {
            let c = if with_descendants {
                &r.with_descendants
            } else {
                &r.own
            };
            match key {
                SortKey::Excerpts => c.excerpts,
                SortKey::Sessions => c.sessions,
                SortKey::Respondents => c.respondents,
                SortKey::Words => c.words,
                SortKey::Tree | SortKey::Path => 0,
            }
        };
        let mut rows: Vec<&CodeFrequency> = self.codes.iter().collect();
        match key {
            SortKey::Tree | SortKey::Path => {
                if key == SortKey::Path {
                    rows.sort_by(|a, b| a.path.cmp(&b.path));
                }
                if !ascending {
                    rows.reverse();
                }
            }
            _ if ascending => rows.sort_by_key(|r| metric(r)),
            _ => rows.sort_by_key(|r| std::cmp::Reverse(metric(r))),
        }
        rows
    }

    /// The `n` codes with most respondents (with descendants), none at zero: the bars of a
    /// "top codes" chart.
    pub fn top(&self, n: usize) -> Vec<&CodeFrequency> {
        let mut rows: Vec<&CodeFrequency> = self
            .codes
            .iter()
            .filter(|r| r.with_descendants.respondents > 0)
            .collect();
        rows.sort_by(|a, b| {
            (b.with_descendants.respondents, b.with_descendants.excerpts)
                .cmp(&(a.with_descendants.respondents, a.with_descendants.excerpts))
        });
        rows.truncate(n);
        rows
    }
}
