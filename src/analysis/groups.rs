//! Groups of an attribute's values: the rows of "per value" tables and the columns of a
//! breakdown. Declared options come in their declared order, even when nobody chose them (a
//! report wants its zeros); free values come sorted; "not given" comes last.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::study::{Value, ValueKind};

/// One value of an attribute or answer, as a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// `yes`, `no`, an option key, a free text or number as written, or `""` for not given.
    pub key: String,
    pub label: GroupLabel,
}

/// How a group is named: front ends translate the fixed ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupLabel {
    /// The option's label, a scale end's label, or the free value itself.
    Text(String),
    Yes,
    No,
    NotGiven,
}

pub const NOT_GIVEN: &str = "";

/// The group keys a value belongs to: one, several for a multi-valued attribute, or
/// [`NOT_GIVEN`] for a missing value or an empty list.
pub fn keys_of(value: Option<&Value>) -> Vec<String> {
    match value {
        None => vec![NOT_GIVEN.into()],
        Some(Value::Bool(true)) => vec!["yes".into()],
        Some(Value::Bool(false)) => vec!["no".into()],
        Some(Value::Number(n)) => vec![number_key(*n)],
        Some(Value::Text(t)) => vec![t.clone()],
        Some(Value::List(l)) if l.is_empty() => vec![NOT_GIVEN.into()],
        Some(Value::List(l)) => l.clone(),
    }
}

/// A number as a key: `3`, `2.5`.
pub fn number_key(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Whether a kind lets one value hold several groups (percentages do not sum to 100).
pub fn is_multi(kind: &ValueKind) -> bool {
    matches!(kind, ValueKind::Choices { .. })
}

/// The groups to show for a kind, given the keys seen in the data.
pub fn groups(kind: &ValueKind, seen: &BTreeSet<String>) -> Vec<Group> {
    let text = |key: &str, label: &str| Group {
        key: key.into(),
        label: GroupLabel::Text(label.into()),
    };
    let mut out: Vec<Group> = match kind {
        ValueKind::YesNo => vec![
            Group {
                key: "yes".into(),
                label: GroupLabel::Yes,
            },
            Group {
                key: "no".into(),
                label: GroupLabel::No,
            },
        ],
        ValueKind::Choice { options } | ValueKind::Choices { options } => {
            options.iter().map(|o| text(&o.key, &o.label)).collect()
        }
        ValueKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => (*min..=*max)
            .map(|v| {
                let key = v.to_string();
                let end_label = [(v == *min, min_label), (v == *max, max_label)]
                    .into_iter()
                    .find_map(|(at, label)| label.as_ref().filter(|_| at));
                let label = match end_label {
                    Some(end) => format!("{v} ({end})"),
                    None => key.clone(),
                };
                text(&key, &label)
            })
            .collect(),
        ValueKind::Number { .. } => {
            let mut keys: Vec<&String> = seen.iter().filter(|k| !k.is_empty()).collect();
            keys.sort_by(|a, b| {
                let (x, y) = (a.parse::<f64>(), b.parse::<f64>());
                match (x, y) {
                    (Ok(x), Ok(y)) => x.total_cmp(&y),
                    _ => a.cmp(b),
                }
            });
            keys.into_iter().map(|k| text(k, k)).collect()
        }
        ValueKind::Open => seen
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| text(k, k))
            .collect(),
    };
    // Values outside the declaration (a study edited by hand) are shown, not dropped.
    for key in seen {
        if !key.is_empty() && !out.iter().any(|g| &g.key == key) {
            out.push(text(key, key));
        }
    }
    if seen.contains(NOT_GIVEN) {
        out.push(Group {
            key: NOT_GIVEN.into(),
            label: GroupLabel::NotGiven,
        });
    }
    out
}

/// `part` as a percentage of `base`; `None` when the base is empty.
pub fn percent(part: usize, base: usize) -> Option<f64> {
    (base > 0).then(|| part as f64 * 100.0 / base as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Choice;

    #[test]
    fn declared_options_first_then_strays_then_not_given() {
        let kind = ValueKind::Choice {
            options: vec![
                Choice {
                    key: "a".into(),
                    label: "Aa".into(),
                    unknown: false,
                },
                Choice {
                    key: "b".into(),
                    label: "Bb".into(),
                    unknown: false,
                },
            ],
        };
        let seen: BTreeSet<String> = ["b", "", "zz"].iter().map(|s| s.to_string()).collect();
        let keys: Vec<String> = groups(&kind, &seen).into_iter().map(|g| g.key).collect();
        assert_eq!(keys, ["a", "b", "zz", ""]);
        assert_eq!(keys_of(Some(&Value::Bool(false))), ["no"]);
        assert_eq!(keys_of(Some(&Value::Number(2.0))), ["2"]);
        assert_eq!(keys_of(Some(&Value::List(vec![]))), [""]);
        assert_eq!(percent(1, 3).map(|p| (p * 10.0).round()), Some(333.0));
        assert_eq!(percent(1, 0), None);
    }
}
