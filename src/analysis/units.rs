//! What tables count: respondents, not sessions; persons, not reports.
//!
//! - A **respondent** is a pseudonym: the sessions it has (an interview in two parts, an
//!   interview and the questionnaire) count once. Its answer to a question, or its value of an
//!   attribute, is the first **known** value in date order, else the first given (an
//!   "unknown"), else none; two different known values are a conflict, counted in a note. A
//!   multiple choice gathers every known option instead (places seen in either interview).
//! - A **person** is a situation together with every situation marked "same person as" it,
//!   directly or through others, in any session. Its attributes are merged the same way, in
//!   the order of the reports (session date, then position); a detail whose condition no
//!   longer holds after the merge is dropped (and the conflict that caused it is counted).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::filter::Scope;
use crate::study::{Attribute, Session, Situation, SituationId, Value, ValueKind};

/// The value retained for one unit, and whether the unit's sources disagreed.
pub struct Merged<'v> {
    pub value: Option<Cow<'v, Value>>,
    pub conflict: bool,
}

/// Whether a value is known: given and not made only of "unknown" options.
pub fn is_known(kind: &ValueKind, value: &Value) -> bool {
    match value {
        Value::List(l) => !l.is_empty() && !l.iter().all(|k| kind.is_unknown(k)),
        Value::Text(t) => !kind.is_unknown(t),
        _ => true,
    }
}

fn is_given(value: &Value) -> bool {
    !matches!(value, Value::List(l) if l.is_empty())
}

/// The first known value, else the first given one; conflict when known values differ.
pub fn merge<'v>(kind: &ValueKind, values: impl IntoIterator<Item = &'v Value>) -> Merged<'v> {
    let mut known: Vec<&Value> = Vec::new();
    let mut given: Option<&Value> = None;
    for v in values.into_iter().filter(|v| is_given(v)) {
        given.get_or_insert(v);
        if is_known(kind, v) && !known.contains(&v) {
            known.push(v);
        }
    }
    match known.as_slice() {
        [] => Merged {
            value: given.map(Cow::Borrowed),
            conflict: false,
        },
        [one] => Merged {
            value: Some(Cow::Borrowed(*one)),
            conflict: false,
        },
        [first, ..] if matches!(kind, ValueKind::Choices { .. }) => Merged {
            value: Some(Cow::Owned(
                union(kind, &known).unwrap_or_else(|| (*first).clone()),
            )),
            conflict: false,
        },
        [first, ..] => Merged {
            value: Some(Cow::Borrowed(*first)),
            conflict: true,
        },
    }
}

/// The known options of several multiple-choice values, in declared order (then strays),
/// leaving out "unknown" options.
fn union(kind: &ValueKind, values: &[&Value]) -> Option<Value> {
    let keys: Vec<&str> = values.iter().flat_map(|v| v.keys()).collect();
    let mut out: Vec<String> = kind
        .options()
        .iter()
        .filter(|o| !o.unknown && keys.contains(&o.key.as_str()))
        .map(|o| o.key.clone())
        .collect();
    for k in keys {
        if !kind.is_unknown(k) && !out.iter().any(|o| o == k) {
            out.push(k.to_owned());
        }
    }
    (!out.is_empty()).then_some(Value::List(out))
}

/// One respondent: a pseudonym and its kept sessions, in date order.
pub struct Respondent<'a> {
    pub pseudonym: &'a str,
    pub sessions: Vec<&'a Session>,
}

impl<'a> Respondent<'a> {
    /// The respondent's value of a respondent attribute.
    pub fn attribute(&self, attribute: &Attribute) -> Merged<'a> {
        merge(
            &attribute.kind,
            self.sessions
                .iter()
                .filter_map(|s| s.respondent.attributes.get(&attribute.key)),
        )
    }
}

/// The respondents of the kept sessions, in the order of their first session.
pub fn respondents<'a>(scope: &Scope<'a>) -> Vec<Respondent<'a>> {
    let mut out: Vec<Respondent<'a>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut sessions = scope.sessions.clone();
    sessions.sort_by_key(|s| s.date());
    for s in sessions {
        let key = s.respondent.pseudonym.as_str();
        match index.get(key) {
            Some(&i) => out[i].sessions.push(s),
            None => {
                index.insert(key, out.len());
                out.push(Respondent {
                    pseudonym: key,
                    sessions: vec![s],
                });
            }
        }
    }
    out
}

/// One report of a person: a situation of a session.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub session: &'a Session,
    pub situation: &'a Situation,
}

/// A person described in one or several reports.
pub struct Person<'a> {
    /// The reports in kept sessions, in date order.
    pub reports: Vec<Report<'a>>,
    /// The merged attributes (see the module's rules).
    pub attributes: BTreeMap<String, Value>,
    /// Attributes on which the reports disagree.
    pub conflicts: Vec<String>,
}

/// Union-find over situation ids: which situations are one person.
struct Links(HashMap<SituationId, SituationId>);

impl Links {
    fn root(&self, mut id: SituationId) -> SituationId {
        // Links are few and short; a cycle (a → b → a) is a loop closed, not an endless walk.
        let mut steps = 0;
        while let Some(&next) = self.0.get(&id) {
            if next == id || steps > self.0.len() {
                break;
            }
            id = next;
            steps += 1;
        }
        id
    }

    fn join(&mut self, a: SituationId, b: SituationId) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0.insert(ra, rb);
        }
    }
}

/// The persons with a report in a kept session, in the order of their first report.
pub fn persons<'a>(scope: &Scope<'a>) -> Vec<Person<'a>> {
    let mut links = Links(HashMap::new());
    for s in scope.all {
        for sit in &s.situations {
            if let Some(other) = sit.same_person_as {
                links.join(sit.id, other);
            }
        }
    }
    let mut sessions = scope.sessions.clone();
    sessions.sort_by_key(|s| s.date());
    let mut groups: Vec<Vec<Report<'a>>> = Vec::new();
    let mut index: HashMap<SituationId, usize> = HashMap::new();
    for session in sessions {
        for situation in &session.situations {
            let root = links.root(situation.id);
            let report = Report { session, situation };
            match index.get(&root) {
                Some(&i) => groups[i].push(report),
                None => {
                    index.insert(root, groups.len());
                    groups.push(vec![report]);
                }
            }
        }
    }
    let defs = &scope.study.meta.situation_attributes;
    groups
        .into_iter()
        .map(|reports| merge_person(defs, reports))
        .collect()
}

fn merge_person<'a>(defs: &[Attribute], reports: Vec<Report<'a>>) -> Person<'a> {
    let mut attributes = BTreeMap::new();
    let mut conflicts = Vec::new();
    for def in defs {
        let merged = merge(
            &def.kind,
            reports
                .iter()
                .filter_map(|r| r.situation.attributes.get(&def.key)),
        );
        if merged.conflict {
            conflicts.push(def.key.clone());
        }
        if let Some(v) = merged.value {
            attributes.insert(def.key.clone(), v.into_owned());
        }
    }
    for def in defs {
        if let Some(when) = &def.when
            && !when.holds(&attributes)
            && attributes.remove(&def.key).is_some()
            && !conflicts.contains(&def.key)
        {
            conflicts.push(def.key.clone());
        }
    }
    Person {
        reports,
        attributes,
        conflicts,
    }
}
