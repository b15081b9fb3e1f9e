//! Splitting units (respondents, persons) by the value of a respondent attribute: the columns
//! of a cross-table (`--by secteur`), each with its own base. A unit whose attribute holds
//! several values (a `choices` attribute, or a person reported by respondents of two sectors)
//! is in each of their columns; one with no value is in "not given".

use std::collections::BTreeSet;

use serde::Serialize;

use super::groups::{self, Group};
use crate::study::{Attribute, StudyMeta};

/// The columns of a cross-table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Split {
    pub attribute: String,
    pub label: String,
    /// Whether a unit may be in several columns (then columns do not add up to the total).
    pub multi: bool,
    pub columns: Vec<SplitColumn>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SplitColumn {
    pub group: Group,
    /// Indices of the units in this column.
    pub members: Vec<usize>,
}

/// A `--by` naming no respondent attribute.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("no respondent attribute \"{key}\" (known: {known})")]
pub struct UnknownAttribute {
    pub key: String,
    pub known: String,
}

/// The respondent attribute `key`, or an error listing the known ones.
pub fn attribute<'a>(meta: &'a StudyMeta, key: &str) -> Result<&'a Attribute, UnknownAttribute> {
    meta.respondent_attribute(key)
        .ok_or_else(|| UnknownAttribute {
            key: key.into(),
            known: meta.respondent_attribute_keys(),
        })
}

/// Splits units given the group keys of each (as [`groups::keys_of`] gives them).
pub fn split(attribute: &Attribute, keys: &[Vec<String>]) -> Split {
    let seen: BTreeSet<String> = keys.iter().flatten().cloned().collect();
    let columns = groups::groups(&attribute.kind, &seen)
        .into_iter()
        .map(|group| SplitColumn {
            members: keys
                .iter()
                .enumerate()
                .filter(|(_, k)| k.contains(&group.key))
                .map(|(i, _)| i)
                .collect(),
            group,
        })
        .collect();
    let multi = groups::is_multi(&attribute.kind) || keys.iter().any(|k| k.len() > 1);
    Split {
        attribute: attribute.key.clone(),
        label: attribute.label.clone(),
        multi,
        columns,
    }
}
