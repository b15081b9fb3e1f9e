//! The values of one closed question or attribute counted over units (respondents for answers,
//! persons for situations): the rows a table shows and the three bases of their percentages.
//!
//! Missing means the same everywhere:
//! - **not given** (non renseigné): no value recorded, or a multiple choice with no option;
//! - **unknown** (inconnu): a value made only of options declared `unknown` ("Inconnu", "Ne
//!   sait pas");
//! - the bases: **all** units counted; **given**, those with a value (unknown included);
//!   **known**, those with a value that is not unknown.
//!
//! Rows: declared options in their order, a group of options ("Appartement ou hôtel") in place
//! of its first option and followed by its options as details, values outside the declaration,
//! unknown options, then "not given". A unit is in a group when it holds one of its options, so
//! a group counts each unit once however many of its options it holds.

use std::collections::BTreeSet;

use serde::Serialize;

use super::groups::{self, GroupLabel};
use super::interval::Proportion;
use crate::study::{OptionGroup, Value, ValueKind};

/// What a row stands for, which says which percentages it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An option (or yes/no, a point of a scale, a number as given).
    Value,
    /// A group of options; its options follow as [`Role::Member`] rows.
    Group,
    /// An option shown under its group.
    Member,
    /// An option that means "not known": no "% of known".
    Unknown,
    /// No value: only a "% of all".
    NotGiven,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Category {
    /// Option or group key, `yes`/`no`, a number as written, `""` for not given.
    pub key: String,
    pub label: GroupLabel,
    pub role: Role,
    /// The option keys a unit must hold one of (one, or a group's options).
    #[serde(skip)]
    members: Vec<String>,
}

/// The three bases of a table's percentages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Bases {
    pub all: usize,
    pub given: usize,
    pub known: usize,
}

/// Which base a percentage is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    All,
    Given,
    Known,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    pub category: Category,
    pub n: usize,
}

/// The rows of one question or attribute over a set of units, with their bases.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tally {
    pub bases: Bases,
    pub rows: Vec<Count>,
}

impl Role {
    /// Whether rows of this kind are part of a base: not given is only in "all", unknown is
    /// not in "known".
    pub fn counts_in(self, base: Base) -> bool {
        !matches!(
            (self, base),
            (Role::NotGiven, Base::Given | Base::Known) | (Role::Unknown, Base::Known)
        )
    }
}

impl Bases {
    pub fn get(&self, base: Base) -> usize {
        match base {
            Base::All => self.all,
            Base::Given => self.given,
            Base::Known => self.known,
        }
    }
}

impl Count {
    /// The row's share of a base, `None` when the row is not part of that base (unknown in
    /// "% of known", not given in "% of given" and "% of known").
    pub fn share(&self, bases: &Bases, base: Base) -> Option<Proportion> {
        self.category
            .role
            .counts_in(base)
            .then(|| Proportion::of(self.n, bases.get(base)))
    }
}

/// The keys a value holds for counting: empty for not given.
fn keys(value: Option<&Value>) -> Vec<String> {
    let mut k = groups::keys_of(value);
    k.retain(|k| !k.is_empty());
    k
}

/// The rows to show for a kind, its groups and the keys seen in the data.
pub fn categories(
    kind: &ValueKind,
    option_groups: &[OptionGroup],
    seen: &BTreeSet<String>,
    any_missing: bool,
) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    let mut unknown: Vec<Category> = Vec::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    for g in groups::groups(kind, seen) {
        if g.key.is_empty() {
            continue; // "not given" is added last, below
        }
        if kind.is_unknown(&g.key) {
            unknown.push(category(&g.key, g.label, Role::Unknown));
            continue;
        }
        if shown.contains(g.key.as_str()) {
            continue; // already shown under its group
        }
        match option_groups.iter().find(|og| og.options.contains(&g.key)) {
            Some(og) => {
                out.push(Category {
                    key: og.key.clone(),
                    label: GroupLabel::Text(og.label.clone()),
                    role: Role::Group,
                    members: og.options.clone(),
                });
                for member in &og.options {
                    shown.insert(member);
                    let label = kind.option_label(member).unwrap_or(member);
                    out.push(category(
                        member,
                        GroupLabel::Text(label.into()),
                        Role::Member,
                    ));
                }
            }
            None => out.push(category(&g.key, g.label, Role::Value)),
        }
    }
    out.extend(unknown);
    if any_missing {
        out.push(category("", GroupLabel::NotGiven, Role::NotGiven));
    }
    out
}

fn category(key: &str, label: GroupLabel, role: Role) -> Category {
    Category {
        key: key.into(),
        label,
        role,
        members: vec![key.into()],
    }
}

/// Counts the values of units (one `Option<&Value>` per unit; `None`: not given).
pub fn tally(kind: &ValueKind, option_groups: &[OptionGroup], values: &[Option<&Value>]) -> Tally {
    let units: Vec<Vec<String>> = values.iter().map(|v| keys(*v)).collect();
    let seen: BTreeSet<String> = units.iter().flatten().cloned().collect();
    let missing = units.iter().any(|k| k.is_empty());
    count(
        categories(kind, option_groups, &seen, missing),
        kind,
        &units,
    )
}

/// Counts units on the rows of another tally (a column of a cross-table counts on the rows
/// of its total, so that every column has the same rows).
pub fn tally_on(rows: &Tally, kind: &ValueKind, values: &[Option<&Value>]) -> Tally {
    let units: Vec<Vec<String>> = values.iter().map(|v| keys(*v)).collect();
    let categories = rows.rows.iter().map(|r| r.category.clone()).collect();
    count(categories, kind, &units)
}

fn count(categories: Vec<Category>, kind: &ValueKind, units: &[Vec<String>]) -> Tally {
    let missing = units.iter().filter(|k| k.is_empty()).count();
    // A unit is unknown when every key it holds means "unknown".
    let unknown = units
        .iter()
        .filter(|k| !k.is_empty() && k.iter().all(|k| kind.is_unknown(k)))
        .count();
    let bases = Bases {
        all: units.len(),
        given: units.len() - missing,
        known: units.len() - missing - unknown,
    };
    let rows = categories
        .into_iter()
        .map(|category| {
            let n = match category.role {
                Role::NotGiven => missing,
                _ => units
                    .iter()
                    .filter(|k| k.iter().any(|k| category.members.contains(k)))
                    .count(),
            };
            Count { category, n }
        })
        .collect();
    Tally { bases, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Choice;

    fn lieux() -> (ValueKind, Vec<OptionGroup>) {
        let option = |key: &str, unknown: bool| Choice {
            key: key.into(),
            label: key.to_uppercase(),
            unknown,
        };
        let kind = ValueKind::Choices {
            options: vec![
                option("appartement", false),
                option("rue", false),
                option("hotel", false),
                option("inconnu", true),
            ],
        };
        let group = OptionGroup {
            key: "appartement-hotel".into(),
            label: "Appartement ou hôtel".into(),
            options: vec!["appartement".into(), "hotel".into()],
        };
        (kind, vec![group])
    }

    /// Six persons: {appartement, hotel}, {hotel}, {rue}, {inconnu}, [] (empty list), none.
    /// By hand: all 6; given 4 (the empty list and the missing value are not given); known 3.
    /// Appartement ou hôtel: 2 persons (the first counts once): 2/6 = 33.3 % of all, 2/4 =
    /// 50 % of given, 2/3 = 66.7 % of known. Not given: 2/6, no % of given or known.
    #[test]
    fn groups_count_each_unit_once_and_every_base_is_stated() {
        let (kind, groups) = lieux();
        let list = |keys: &[&str]| Value::List(keys.iter().map(|k| k.to_string()).collect());
        let values = [
            list(&["appartement", "hotel"]),
            list(&["hotel"]),
            list(&["rue"]),
            list(&["inconnu"]),
            list(&[]),
        ];
        let mut units: Vec<Option<&Value>> = values.iter().map(Some).collect();
        units.push(None);
        let t = tally(&kind, &groups, &units);
        assert_eq!(
            t.bases,
            Bases {
                all: 6,
                given: 4,
                known: 3
            }
        );
        let rows: Vec<(&str, Role, usize)> = t
            .rows
            .iter()
            .map(|r| (r.category.key.as_str(), r.category.role, r.n))
            .collect();
        assert_eq!(
            rows,
            [
                ("appartement-hotel", Role::Group, 2),
                ("appartement", Role::Member, 1),
                ("hotel", Role::Member, 2),
                ("rue", Role::Value, 1),
                ("inconnu", Role::Unknown, 1),
                ("", Role::NotGiven, 2),
            ]
        );
        let group = &t.rows[0];
        let pct = |b| group.share(&t.bases, b).unwrap().pct.unwrap();
        assert!((pct(Base::All) - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(pct(Base::Given), 50.0);
        assert!((pct(Base::Known) - 200.0 / 3.0).abs() < 1e-9);
        let unknown = &t.rows[4];
        assert!(unknown.share(&t.bases, Base::Known).is_none());
        assert!(unknown.share(&t.bases, Base::Given).is_some());
        let missing = &t.rows[5];
        assert!(missing.share(&t.bases, Base::Given).is_none());
        assert!(missing.share(&t.bases, Base::All).is_some());
    }
}
