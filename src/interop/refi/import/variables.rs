//! The file's variables into the study: answers to the grid's closed questions (a variable
//! with the question's GUID), respondent attributes (variables of the cases that hold sources),
//! situation attributes (variables of the cases that hold only selections). A variable the
//! study does not declare is added, its kind from its type.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::interop::refi::export::{respondent_variable, situation_variable};
use crate::interop::refi::model::{Project, Variable, VariableType};
use crate::study::{Attribute, Grid, QuestionId, Study, StudyMeta, Value, ValueKind, text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Respondent(String),
    Situation(String),
    Answer(QuestionId),
}

pub struct Planned {
    pub meta: StudyMeta,
    pub added: Vec<String>,
    pub targets: HashMap<Uuid, Target>,
}

pub fn plan(project: &Project, meta: &StudyMeta, grid: &Grid) -> Planned {
    // Variables used on cases that hold sources describe respondents; those used only on
    // cases of selections describe situations.
    let mut on_respondents = HashSet::new();
    let mut on_situations = HashSet::new();
    for case in &project.cases {
        let set = if case.sources.is_empty() && !case.selections.is_empty() {
            &mut on_situations
        } else {
            &mut on_respondents
        };
        set.extend(case.values.iter().map(|v| v.variable));
    }
    for source in &project.sources {
        on_respondents.extend(source.values.iter().map(|v| v.variable));
    }
    let mut meta = meta.clone();
    let mut added = Vec::new();
    let mut targets = HashMap::new();
    for var in &project.variables {
        if let Some((_, q)) = grid.question(QuestionId(var.guid)) {
            targets.insert(var.guid, Target::Answer(q.id));
            continue;
        }
        let study = Study {
            meta: meta.clone(),
            grid: Grid::default(),
            codebook: Default::default(),
        };
        // A variable grille wrote for this study is known by its GUID, used or not; another is
        // a situation's when only cases of selections use it.
        let situation = if meta
            .respondent_attributes
            .iter()
            .any(|a| respondent_variable(&study, &a.key) == var.guid)
        {
            false
        } else if meta
            .situation_attributes
            .iter()
            .any(|a| situation_variable(&study, &a.key) == var.guid)
        {
            true
        } else {
            on_situations.contains(&var.guid) && !on_respondents.contains(&var.guid)
        };
        let guid_of = |key: &str| match situation {
            true => situation_variable(&study, key),
            false => respondent_variable(&study, key),
        };
        let list = match situation {
            true => &mut meta.situation_attributes,
            false => &mut meta.respondent_attributes,
        };
        let key = match find(list, var, guid_of) {
            Some(key) => key,
            None => {
                let key = free_key(&var.name, |k| list.iter().any(|a| a.key == k));
                list.push(Attribute {
                    key: key.clone(),
                    label: match text::normalize(var.name.trim()) {
                        l if l.is_empty() => key.clone(),
                        l => l,
                    },
                    kind: kind_of(var.kind),
                    groups: Vec::new(),
                    when: None,
                    identifying: None,
                });
                added.push(key.clone());
                key
            }
        };
        targets.insert(
            var.guid,
            if situation {
                Target::Situation(key)
            } else {
                Target::Respondent(key)
            },
        );
    }
    Planned {
        meta,
        added,
        targets,
    }
}

/// The study's attribute for a variable: same GUID (a file grille wrote from this study), else
/// same label or key.
fn find(list: &[Attribute], var: &Variable, guid_of: impl Fn(&str) -> Uuid) -> Option<String> {
    let folded = text::fold(&var.name);
    list.iter()
        .find(|a| guid_of(&a.key) == var.guid)
        .or_else(|| {
            list.iter()
                .find(|a| text::fold(&a.label) == folded || a.key == folded)
        })
        .map(|a| a.key.clone())
}

/// A key made from `name` (`Tranche d'âge` → `tranche_d_age`) that `taken` does not refuse.
pub(super) fn free_key(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let folded = text::fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let base = if words.is_empty() {
        "attribut".to_owned()
    } else {
        words.join("_")
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}_{n}");
        n += 1;
    }
    key
}

fn kind_of(t: VariableType) -> ValueKind {
    match t {
        VariableType::Boolean => ValueKind::YesNo,
        VariableType::Integer | VariableType::Float => ValueKind::Number {
            unit: None,
            min: None,
            max: None,
        },
        VariableType::Text | VariableType::Date | VariableType::DateTime => ValueKind::Open,
    }
}

/// A value as written, in the kind of the attribute or question it goes to. Options are
/// recognised by label or key, accents and case aside; several are separated by `;`.
pub fn convert(kind: &ValueKind, raw: &str) -> Result<Value, String> {
    let raw = text::normalize(raw.trim());
    let option = |s: &str| -> Result<String, String> {
        let folded = text::fold(s);
        kind.options()
            .iter()
            .find(|o| text::fold(&o.label) == folded || o.key == s.trim())
            .map(|o| o.key.clone())
            .ok_or_else(|| format!("\"{}\" is not one of its options", s.trim()))
    };
    let value = match kind {
        ValueKind::Open => Value::Text(raw),
        ValueKind::YesNo => match text::fold(&raw).as_str() {
            "true" | "1" | "yes" | "oui" | "vrai" | "y" | "o" => Value::Bool(true),
            "false" | "0" | "no" | "non" | "faux" | "n" => Value::Bool(false),
            _ => return Err(format!("\"{raw}\" is not yes or no")),
        },
        ValueKind::Number { .. } | ValueKind::Scale { .. } => {
            let n: f64 = raw
                .replace(',', ".")
                .parse()
                .map_err(|_| format!("\"{raw}\" is not a number"))?;
            Value::Number(n)
        }
        ValueKind::Choice { .. } => Value::Text(option(&raw)?),
        ValueKind::Choices { .. } => {
            let mut keys: Vec<String> = Vec::new();
            for part in raw.split(';').filter(|p| !p.trim().is_empty()) {
                let key = option(part)?;
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            Value::List(keys)
        }
    };
    kind.check(&value)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Choice;

    #[test]
    fn values_take_the_kind_of_their_attribute() {
        let choices = ValueKind::Choices {
            options: vec![
                Choice {
                    key: "hotel".into(),
                    label: "Hôtel".into(),
                    unknown: false,
                },
                Choice {
                    key: "rue".into(),
                    label: "Rue".into(),
                    unknown: false,
                },
            ],
        };
        assert_eq!(
            convert(&choices, "Hôtel; rue"),
            Ok(Value::List(vec!["hotel".into(), "rue".into()]))
        );
        assert!(convert(&choices, "Bar").is_err());
        assert_eq!(convert(&ValueKind::YesNo, "True"), Ok(Value::Bool(true)));
        let number = ValueKind::Number {
            unit: None,
            min: Some(0.0),
            max: None,
        };
        assert_eq!(convert(&number, "2,5"), Ok(Value::Number(2.5)));
        assert!(convert(&number, "-1").is_err(), "below its minimum");
        assert_eq!(
            convert(&ValueKind::Open, " a "),
            Ok(Value::Text("a".into()))
        );
    }
}
