//! Situations (the cases respondents describe): how many have each attribute value, how many
//! are linked to each code, and how many each group of respondents reported.
//!
//! Percentages are over all situations counted (the published "69 % of the 115 people"), so a
//! "not given" row is shown when some situations lack the value. A multi-valued attribute (a
//! situation in several places) says so: its percentages do not sum to 100.
//!
//! A situation counts for a code when one of its excerpts overlaps (shares a char with) a
//! counted coding of that code on the same segment. With a segment filter (a search query), only
//! situations with an excerpt on a matched segment are counted.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::filter::Scope;
use super::groups::{self, Group, percent};
use super::spans;
use crate::study::{Attribute, CodeId, Session, Situation};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueCount {
    pub group: Group,
    pub count: usize,
    /// Percentage of all situations counted.
    pub pct: Option<f64>,
}

/// The situations per value of one situation attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeCounts {
    pub key: String,
    pub label: String,
    /// Several values per situation: percentages do not sum to 100.
    pub multi: bool,
    pub values: Vec<ValueCount>,
}

/// The situations linked to one code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeSituations {
    pub code: CodeId,
    pub path: String,
    pub name: String,
    pub depth: usize,
    pub own: usize,
    pub own_pct: Option<f64>,
    pub with_descendants: usize,
    pub with_descendants_pct: Option<f64>,
}

/// The situations reported by one group of respondents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSituations {
    pub group: Group,
    pub respondents: usize,
    pub situations: usize,
    /// Percentage of all situations counted.
    pub pct: Option<f64>,
}

/// The situations per value of one respondent attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RespondentCounts {
    pub key: String,
    pub label: String,
    pub multi: bool,
    pub values: Vec<GroupSituations>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Situations {
    pub sessions: usize,
    /// Situations counted: the base of every percentage here.
    pub total: usize,
    pub attributes: Vec<AttributeCounts>,
    pub codes: Vec<CodeSituations>,
    pub by_respondent: Vec<RespondentCounts>,
}

/// Counts the situations of the scope.
pub fn situations(scope: &Scope) -> Situations {
    let counted: Vec<(&Session, &Situation)> = scope
        .sessions
        .iter()
        .flat_map(|s| s.situations.iter().map(move |sit| (*s, sit)))
        .filter(|(s, sit)| matched(scope, s, sit))
        .collect();
    let total = counted.len();
    let meta = &scope.study.meta;
    let attributes = meta
        .situation_attributes
        .iter()
        .map(|a| attribute_counts(a, &counted, total))
        .collect();
    let by_respondent = meta
        .respondent_attributes
        .iter()
        .map(|a| respondent_counts(a, scope, &counted, total))
        .collect();
    Situations {
        sessions: scope.sessions.len(),
        total,
        attributes,
        codes: code_counts(scope, &counted, total),
        by_respondent,
    }
}

fn matched(scope: &Scope, session: &Session, situation: &Situation) -> bool {
    scope.filter.segments.as_ref().is_none_or(|set| {
        situation
            .excerpts
            .iter()
            .any(|e| set.contains(&(session.id, e.segment)))
    })
}

fn attribute_counts(
    attribute: &Attribute,
    counted: &[(&Session, &Situation)],
    total: usize,
) -> AttributeCounts {
    let keys: Vec<Vec<String>> = counted
        .iter()
        .map(|(_, sit)| groups::keys_of(sit.attributes.get(&attribute.key)))
        .collect();
    let seen: BTreeSet<String> = keys.iter().flatten().cloned().collect();
    let values = groups::groups(&attribute.kind, &seen)
        .into_iter()
        .map(|group| {
            let count = keys.iter().filter(|k| k.contains(&group.key)).count();
            ValueCount {
                group,
                count,
                pct: percent(count, total),
            }
        })
        .collect();
    AttributeCounts {
        key: attribute.key.clone(),
        label: attribute.label.clone(),
        multi: groups::is_multi(&attribute.kind),
        values,
    }
}

fn respondent_counts(
    attribute: &Attribute,
    scope: &Scope,
    counted: &[(&Session, &Situation)],
    total: usize,
) -> RespondentCounts {
    let key_of = |s: &Session| groups::keys_of(s.respondent.attributes.get(&attribute.key));
    let seen: BTreeSet<String> = scope.sessions.iter().flat_map(|s| key_of(s)).collect();
    let values = groups::groups(&attribute.kind, &seen)
        .into_iter()
        .map(|group| {
            let respondents: BTreeSet<&str> = scope
                .sessions
                .iter()
                .filter(|s| key_of(s).contains(&group.key))
                .map(|s| s.respondent.pseudonym.as_str())
                .collect();
            let situations = counted
                .iter()
                .filter(|(s, _)| key_of(s).contains(&group.key))
                .count();
            GroupSituations {
                group,
                respondents: respondents.len(),
                situations,
                pct: percent(situations, total),
            }
        })
        .collect();
    RespondentCounts {
        key: attribute.key.clone(),
        label: attribute.label.clone(),
        multi: groups::is_multi(&attribute.kind),
        values,
    }
}

fn code_counts(
    scope: &Scope,
    counted: &[(&Session, &Situation)],
    total: usize,
) -> Vec<CodeSituations> {
    let book = &scope.study.codebook;
    // For each situation, the codes whose codings overlap one of its excerpts.
    let mut own: HashMap<CodeId, usize> = HashMap::new();
    let mut all: HashMap<CodeId, usize> = HashMap::new();
    for (session, situation) in counted {
        let mut codes: BTreeSet<CodeId> = BTreeSet::new();
        for coding in scope.codings(session) {
            let hit = situation.excerpts.iter().any(|e| {
                e.segment == coding.segment
                    && spans::overlap((e.start, e.end), (coding.start, coding.end))
            });
            if hit {
                codes.insert(coding.code);
            }
        }
        let ancestors: BTreeSet<CodeId> = codes
            .iter()
            .flat_map(|c| book.ancestry(*c).into_iter().map(|a| a.id))
            .collect();
        for c in codes {
            *own.entry(c).or_default() += 1;
        }
        for c in ancestors {
            *all.entry(c).or_default() += 1;
        }
    }
    book.tree()
        .into_iter()
        .map(|(depth, code)| {
            let o = own.get(&code.id).copied().unwrap_or(0);
            let a = all.get(&code.id).copied().unwrap_or(0);
            CodeSituations {
                code: code.id,
                path: book.path(code.id).unwrap_or_default(),
                name: code.name.clone(),
                depth,
                own: o,
                own_pct: percent(o, total),
                with_descendants: a,
                with_descendants_pct: percent(a, total),
            }
        })
        .collect()
}
