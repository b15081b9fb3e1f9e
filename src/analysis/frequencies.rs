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
use crate::study::{Code, CodeId, Codebook, Coding, Segment, SegmentId, Session, SessionId};

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

/// The codebook's codes in tree order, each with the chain of its ancestors (itself first), as
/// positions in that order: a coding is added to its code and to every ancestor.
pub struct CodeTree<'b> {
    tree: Vec<(usize, &'b Code)>,
    index: HashMap<CodeId, usize>,
    chains: Vec<Vec<usize>>,
}

impl<'b> CodeTree<'b> {
    pub fn of(book: &'b Codebook) -> Self {
        let tree = book.tree();
        let index: HashMap<CodeId, usize> = tree
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (c.id, i))
            .collect();
        let chains = tree
            .iter()
            .map(|(_, c)| {
                book.ancestry(c.id)
                    .iter()
                    .filter_map(|a| index.get(&a.id).copied())
                    .collect()
            })
            .collect();
        CodeTree {
            tree,
            index,
            chains,
        }
    }
}

/// What one session adds to one code's counts: its distinct excerpts, the words they cover,
/// and who said them (positions in [`Session::respondents`]).
#[derive(Clone, Debug, Default, PartialEq)]
struct Part {
    code: usize,
    excerpts: usize,
    words: usize,
    respondents: Vec<usize>,
}

/// What one session adds to the frequency table, per code with a counted coding (alone, and
/// with descendants). Computed as the session is read, an export of every session holds
/// these rather than the sessions' text (see [`Scope::with_code_counts`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionCodes {
    own: Vec<Part>,
    all: Vec<Part>,
}

/// Each session's [`SessionCodes`], by session.
pub type CodeCounts = HashMap<SessionId, SessionCodes>;

impl SessionCodes {
    /// The counts of `codings` (those of `session` a filter keeps).
    pub fn of<'s>(
        codes: &CodeTree,
        codings: impl Iterator<Item = &'s Coding>,
        session: &'s Session,
    ) -> SessionCodes {
        let mut own_spans: HashMap<usize, SpansBySegment> = HashMap::new();
        let mut all_spans: HashMap<usize, SpansBySegment> = HashMap::new();
        for coding in codings {
            let Some(&i) = codes.index.get(&coding.code) else {
                continue; // validation refuses unknown codes; never count them
            };
            let span = (coding.start, coding.end);
            push(&mut own_spans, i, coding.segment, span);
            for &a in &codes.chains[i] {
                push(&mut all_spans, a, coding.segment, span);
            }
        }
        if own_spans.is_empty() {
            return SessionCodes::default();
        }
        let mut words = WordCache::new(session);
        SessionCodes {
            own: parts(own_spans, &mut words),
            all: parts(all_spans, &mut words),
        }
    }
}

#[derive(Default)]
struct Tally<'a> {
    excerpts: usize,
    sessions: usize,
    respondents: HashSet<&'a str>,
    words: usize,
}

impl<'a> Tally<'a> {
    fn counts(&self, base: usize) -> Counts {
        Counts {
            excerpts: self.excerpts,
            sessions: self.sessions,
            respondents: self.respondents.len(),
            respondents_pct: percent(self.respondents.len(), base),
            words: self.words,
        }
    }

    fn add(tallies: &mut [Tally<'a>], parts: &[Part], who: &[&'a str]) {
        for part in parts {
            let t = &mut tallies[part.code];
            t.sessions += 1;
            t.excerpts += part.excerpts;
            t.words += part.words;
            t.respondents
                .extend(part.respondents.iter().filter_map(|&r| who.get(r).copied()));
        }
    }
}

/// Counts every code over the scope; `by` breaks respondents down by a respondent attribute.
pub fn frequencies(scope: &Scope, by: Option<&str>) -> Result<Frequencies, FrequencyError> {
    let book = &scope.study.codebook;
    let codes = CodeTree::of(book);
    let tree = &codes.tree;
    let mut own: Vec<Tally> = (0..tree.len()).map(|_| Tally::default()).collect();
    let mut all: Vec<Tally> = (0..tree.len()).map(|_| Tally::default()).collect();
    for session in &scope.sessions {
        let counted;
        let part = match scope.code_counts(session.id) {
            Some(part) => part,
            None => {
                counted = SessionCodes::of(&codes, scope.codings(session), session);
                &counted
            }
        };
        let who: Vec<&str> = session
            .respondents()
            .map(|r| r.pseudonym.as_str())
            .collect();
        Tally::add(&mut own, &part.own, &who);
        Tally::add(&mut all, &part.all, &who);
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

fn parts(spans: HashMap<usize, SpansBySegment>, words: &mut WordCache) -> Vec<Part> {
    let mut parts: Vec<Part> = spans
        .into_iter()
        .map(|(code, segments)| {
            let mut part = Part {
                code,
                ..Part::default()
            };
            for (segment, mut list) in segments {
                // The respondent who said it: a co-respondent for their words, else the
                // session's respondent (the interviewer's words count for the interview's
                // respondent).
                let who = words.respondent_of(segment);
                if !part.respondents.contains(&who) {
                    part.respondents.push(who);
                }
                list.sort_unstable();
                list.dedup();
                part.excerpts += list.len();
                part.words += spans::words_touched(words.of(segment), &spans::union(list));
            }
            part
        })
        .collect();
    parts.sort_unstable_by_key(|p| p.code);
    parts
}

/// A session's segments by id, and the word spans of those asked for, computed once each.
struct WordCache<'a> {
    session: &'a Session,
    segments: HashMap<SegmentId, &'a Segment>,
    words: HashMap<SegmentId, Vec<Span>>,
}

impl<'a> WordCache<'a> {
    fn new(session: &'a Session) -> Self {
        WordCache {
            session,
            segments: session.segments.iter().map(|s| (s.id, s)).collect(),
            words: HashMap::new(),
        }
    }

    fn of(&mut self, segment: SegmentId) -> &[Span] {
        let found = self.segments.get(&segment);
        self.words
            .entry(segment)
            .or_insert_with(|| found.map(|s| spans::words(&s.text)).unwrap_or_default())
    }

    /// The position in [`Session::respondents`] of who said a segment.
    fn respondent_of(&self, segment: SegmentId) -> usize {
        let session = self.session;
        self.segments
            .get(&segment)
            .and_then(|s| session.respondent_of(s))
            .and_then(|who| session.respondents().position(|r| std::ptr::eq(r, who)))
            .unwrap_or(0)
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
