//! Situations (the cases respondents describe), counted as **persons**: reports marked "same
//! person as" one another count once (see [`units`](super::units)). Per situation attribute:
//! the persons per value, with the three bases of [`categories`](super::categories) (the
//! published "at least 56 %" is of all persons; "% of known" leaves out the unknown places); a
//! detail attribute ("kinds of pimping") is counted over the persons its condition holds for.
//! Per code: the persons one of whose reports' excerpts overlaps a counted coding of the code.
//! Per group of respondents: who reported how many persons. Optionally split by a respondent
//! attribute (a person reported by respondents of two groups is in both columns).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::categories::{self, Tally};
use super::filter::Scope;
use super::groups::{self, Group};
use super::interval::Proportion;
use super::spans;
use super::split::{self, Split, UnknownAttribute};
use super::units::{self, Person};
use crate::study::{Attribute, CodeId};

/// The persons per value of one situation attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeCounts {
    pub key: String,
    pub label: String,
    /// Several values per person: percentages do not sum to 100.
    pub multi: bool,
    /// For a detail: the attribute and value its persons have (`proxenetisme`, `oui`).
    pub condition: Option<(String, String)>,
    pub tally: Tally,
}

/// The persons linked to one code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeSituations {
    pub code: CodeId,
    pub path: String,
    pub name: String,
    pub depth: usize,
    pub own: usize,
    pub with_descendants: usize,
}

/// The persons reported by one group of respondents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSituations {
    pub group: Group,
    pub respondents: usize,
    pub persons: usize,
    pub reports: usize,
}

/// The persons per value of one respondent attribute.
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
    /// Respondents counted, and those who reported at least one person.
    pub respondents: usize,
    pub reporting: usize,
    /// Situations recorded (reports) and the persons they describe: the base of percentages.
    pub reports: usize,
    pub persons: usize,
    /// Persons whose reports disagree on an attribute (the first known value is counted).
    pub conflicts: usize,
    pub attributes: Vec<AttributeCounts>,
    pub codes: Vec<CodeSituations>,
    pub by_respondent: Vec<RespondentCounts>,
    pub split: Option<Split>,
    /// `columns[c][a]`: attribute `a` among the persons of column `c` of the split.
    pub columns: Vec<Vec<AttributeCounts>>,
}

impl CodeSituations {
    pub fn own_share(&self, persons: usize) -> Proportion {
        Proportion::of(self.own, persons)
    }

    pub fn with_descendants_share(&self, persons: usize) -> Proportion {
        Proportion::of(self.with_descendants, persons)
    }
}

/// Counts the persons of the scope.
pub fn situations(scope: &Scope) -> Situations {
    situations_over(scope, None)
}

/// The persons of the scope, split by the respondent attribute `by` if given.
pub fn situations_by(scope: &Scope, by: Option<&str>) -> Result<Situations, UnknownAttribute> {
    let attribute = by
        .map(|key| split::attribute(&scope.study.meta, key))
        .transpose()?;
    Ok(situations_over(scope, attribute))
}

fn situations_over(scope: &Scope, by: Option<&Attribute>) -> Situations {
    let persons = units::persons(scope);
    let everyone: Vec<&Person> = persons.iter().collect();
    let meta = &scope.study.meta;
    let attributes: Vec<AttributeCounts> = meta
        .situation_attributes
        .iter()
        .map(|a| attribute_counts(a, &everyone, None))
        .collect();
    let respondents = units::respondents(scope);
    let reporting: HashSet<&str> = persons
        .iter()
        .flat_map(|p| {
            p.reports
                .iter()
                .map(|r| r.session.respondent.pseudonym.as_str())
        })
        .collect();
    let (split, columns) = match by {
        None => (None, Vec::new()),
        Some(attribute) => {
            let keys: Vec<Vec<String>> = persons
                .iter()
                .map(|p| reporter_keys(p, attribute))
                .collect();
            let split = split::split(attribute, &keys);
            let columns = split
                .columns
                .iter()
                .map(|column| {
                    let members: Vec<&Person> =
                        column.members.iter().map(|&i| &persons[i]).collect();
                    meta.situation_attributes
                        .iter()
                        .zip(&attributes)
                        .map(|(a, total)| attribute_counts(a, &members, Some(&total.tally)))
                        .collect()
                })
                .collect();
            (Some(split), columns)
        }
    };
    Situations {
        sessions: scope.sessions.len(),
        respondents: respondents.len(),
        reporting: reporting.len(),
        reports: persons.iter().map(|p| p.reports.len()).sum(),
        persons: persons.len(),
        conflicts: persons.iter().filter(|p| !p.conflicts.is_empty()).count(),
        codes: code_counts(scope, &persons),
        by_respondent: meta
            .respondent_attributes
            .iter()
            .map(|a| respondent_counts(a, scope, &persons))
            .collect(),
        attributes,
        split,
        columns,
    }
}

/// The group keys of the respondents who reported a person.
fn reporter_keys(person: &Person, attribute: &Attribute) -> Vec<String> {
    let keys: BTreeSet<String> = person
        .reports
        .iter()
        .flat_map(|r| groups::keys_of(r.session.respondent.attributes.get(&attribute.key)))
        .collect();
    keys.into_iter().collect()
}

fn attribute_counts(
    attribute: &Attribute,
    persons: &[&Person],
    rows: Option<&Tally>,
) -> AttributeCounts {
    let concerned = persons.iter().filter(|p| {
        attribute
            .when
            .as_ref()
            .is_none_or(|w| w.holds(&p.attributes))
    });
    let values: Vec<_> = concerned
        .map(|p| p.attributes.get(&attribute.key))
        .collect();
    AttributeCounts {
        key: attribute.key.clone(),
        label: attribute.label.clone(),
        multi: groups::is_multi(&attribute.kind),
        condition: attribute
            .when
            .as_ref()
            .map(|w| (w.attribute.clone(), w.is.clone())),
        tally: match rows {
            Some(rows) => categories::tally_on(rows, &attribute.kind, &values),
            None => categories::tally(&attribute.kind, &attribute.groups, &values),
        },
    }
}

fn respondent_counts(attribute: &Attribute, scope: &Scope, persons: &[Person]) -> RespondentCounts {
    let respondents = units::respondents(scope);
    let key_of = |r: &units::Respondent| groups::keys_of(r.attribute(attribute).value.as_deref());
    let seen: BTreeSet<String> = respondents.iter().flat_map(key_of).collect();
    // Each respondent's groups, by pseudonym, to place the reports.
    let group_of: HashMap<&str, Vec<String>> = respondents
        .iter()
        .map(|r| (r.pseudonym, key_of(r)))
        .collect();
    let values = groups::groups(&attribute.kind, &seen)
        .into_iter()
        .map(|group| {
            let in_group = |pseudonym: &str| {
                group_of
                    .get(pseudonym)
                    .is_some_and(|k| k.contains(&group.key))
            };
            let reports = |p: &&Person| {
                p.reports
                    .iter()
                    .filter(|r| in_group(&r.session.respondent.pseudonym))
                    .count()
            };
            GroupSituations {
                respondents: respondents.iter().filter(|r| in_group(r.pseudonym)).count(),
                persons: persons.iter().filter(|p| reports(p) > 0).count(),
                reports: persons.iter().map(|p| reports(&p)).sum(),
                group,
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

fn code_counts(scope: &Scope, persons: &[Person]) -> Vec<CodeSituations> {
    let book = &scope.study.codebook;
    let mut own: HashMap<CodeId, usize> = HashMap::new();
    let mut all: HashMap<CodeId, usize> = HashMap::new();
    for person in persons {
        // The codes whose counted codings overlap one of the person's excerpts.
        let mut codes: BTreeSet<CodeId> = BTreeSet::new();
        for report in &person.reports {
            for coding in scope.codings(report.session) {
                let hit = report.situation.excerpts.iter().any(|e| {
                    e.segment == coding.segment
                        && spans::overlap((e.start, e.end), (coding.start, coding.end))
                });
                if hit {
                    codes.insert(coding.code);
                }
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
        .map(|(depth, code)| CodeSituations {
            code: code.id,
            path: book.path(code.id).unwrap_or_default(),
            name: code.name.clone(),
            depth,
            own: own.get(&code.id).copied().unwrap_or(0),
            with_descendants: all.get(&code.id).copied().unwrap_or(0),
        })
        .collect()
}
