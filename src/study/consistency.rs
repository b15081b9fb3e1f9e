//! What holds between values rather than in one of them: details given only when their
//! condition holds, and across sessions, person links that lead somewhere and one session per
//! respondent. Pure functions over the model, used by validation, changes and `grille check`.

use std::collections::{BTreeMap, HashSet};

use super::meta::Attribute;
use super::problem::ProblemKind;
use super::session::{Session, SessionKind};
use super::value::Value;
use super::{SessionId, SituationId};

/// Every value of a respondent's or a situation's attributes, and the details given only
/// when their condition holds: the key at fault and what is wrong.
pub fn check_attribute_values(
    defs: &[Attribute],
    values: &BTreeMap<String, Value>,
) -> Result<(), (String, String)> {
    for (key, value) in values {
        super::validate::check_attribute(defs, key, value)
            .map_err(|e| (key.clone(), e.to_string()))?;
    }
    match defs.iter().find_map(|d| misplaced_detail(d, values)) {
        Some((key, fault)) => Err((key, fault.to_string())),
        None => Ok(()),
    }
}

/// A detail attribute given while its condition does not hold: its key and the problem.
pub(super) fn misplaced_detail(
    def: &Attribute,
    values: &BTreeMap<String, Value>,
) -> Option<(String, ProblemKind)> {
    let when = def.when.as_ref()?;
    (values.contains_key(&def.key) && !when.holds(values)).then(|| {
        (
            def.key.clone(),
            ProblemKind::MisplacedDetail {
                key: def.key.clone(),
                attribute: when.attribute.clone(),
                is: when.is.clone(),
            },
        )
    })
}

/// Situations marked "same person as" a situation no session holds: the session, the JSON
/// path of the link and the id it names.
pub fn dangling_person_links(sessions: &[Session]) -> Vec<(SessionId, String, SituationId)> {
    let known: HashSet<SituationId> = sessions
        .iter()
        .flat_map(|s| s.situations.iter().map(|sit| sit.id))
        .collect();
    let mut out = Vec::new();
    for session in sessions {
        for (i, situation) in session.situations.iter().enumerate() {
            if let Some(target) = situation.same_person_as
                && !known.contains(&target)
            {
                out.push((
                    session.id,
                    format!("$.situations[{i}].same_person_as"),
                    target,
                ));
            }
        }
    }
    out
}

/// Pseudonyms used by more than one session of the same kind, with the kind and those sessions
/// in date order. An interview and a questionnaire under one pseudonym are one respondent
/// answering both (the tables merge them), not a slip; two interviews under one pseudonym may
/// be two people given the same name by mistake, so they are worth a warning.
pub fn shared_pseudonyms(sessions: &[Session]) -> Vec<(String, SessionKind, Vec<SessionId>)> {
    let mut by: BTreeMap<(&str, bool), Vec<&Session>> = BTreeMap::new();
    for s in sessions {
        by.entry((s.respondent.pseudonym.as_str(), s.kind.is_interview()))
            .or_default()
            .push(s);
    }
    by.into_iter()
        .filter(|(_, list)| list.len() > 1)
        .map(|((pseudonym, _), mut list)| {
            list.sort_by_key(|s| (s.date(), s.id));
            let kind = list[0].kind;
            (
                pseudonym.to_owned(),
                kind,
                list.iter().map(|s| s.id).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::meta::Condition;
    use crate::study::session::{Respondent, Situation};
    use crate::study::value::{Choice, ValueKind};

    fn choice(keys: &[&str]) -> ValueKind {
        ValueKind::Choice {
            options: keys
                .iter()
                .map(|k| Choice {
                    key: (*k).into(),
                    label: k.to_uppercase(),
                    unknown: *k == "inconnu",
                })
                .collect(),
        }
    }

    fn defs() -> Vec<Attribute> {
        let mut formes = Attribute::new(
            "formes",
            "Formes",
            ValueKind::Choices {
                options: vec![Choice {
                    key: "conjugal".into(),
                    label: "Conjugal".into(),
                    unknown: false,
                }],
            },
        );
        formes.when = Some(Condition {
            attribute: "proxenetisme".into(),
            is: "oui".into(),
        });
        vec![
            Attribute::new(
                "proxenetisme",
                "Proxénétisme",
                choice(&["oui", "non", "inconnu"]),
            ),
            formes,
        ]
    }

    fn values(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), v.clone()))
            .collect()
    }

    #[test]
    fn a_detail_is_given_only_when_its_condition_holds() {
        let conjugal = Value::List(vec!["conjugal".into()]);
        let yes = values(&[
            ("proxenetisme", Value::Text("oui".into())),
            ("formes", conjugal.clone()),
        ]);
        assert_eq!(check_attribute_values(&defs(), &yes), Ok(()));
        let unknown = values(&[
            ("proxenetisme", Value::Text("inconnu".into())),
            ("formes", conjugal.clone()),
        ]);
        let (key, message) = check_attribute_values(&defs(), &unknown).unwrap_err();
        assert_eq!(key, "formes");
        assert_eq!(
            message,
            "\"formes\" is a detail given only when \"proxenetisme\" is \"oui\""
        );
        let alone = values(&[("formes", conjugal)]);
        assert!(check_attribute_values(&defs(), &alone).is_err());
        assert_eq!(check_attribute_values(&defs(), &values(&[])), Ok(()));
        let yes_no = Condition {
            attribute: "p".into(),
            is: "yes".into(),
        };
        assert!(yes_no.holds(&values(&[("p", Value::Bool(true))])));
        assert!(!yes_no.holds(&values(&[("p", Value::Bool(false))])));
    }

    fn session(pseudonym: &str, day: u32, links: &[Option<SituationId>]) -> Session {
        let mut s = Session::new(
            "Enq".into(),
            Respondent {
                pseudonym: pseudonym.into(),
                ..Default::default()
            },
        );
        s.started = Some(
            chrono::DateTime::parse_from_rfc3339(&format!("2021-04-{day:02}T10:00:00+02:00"))
                .unwrap(),
        );
        for link in links {
            s.situations.push(Situation {
                id: SituationId::new(),
                label: "s".into(),
                attributes: BTreeMap::new(),
                excerpts: Vec::new(),
                same_person_as: *link,
            });
        }
        s
    }

    #[test]
    fn person_links_must_lead_to_a_situation_of_the_study() {
        let a = session("R1", 1, &[None]);
        let target = a.situations[0].id;
        let nowhere = SituationId::new();
        let b = session("R2", 2, &[Some(target), Some(nowhere)]);
        let found = dangling_person_links(&[a, b.clone()]);
        assert_eq!(
            found,
            [(b.id, "$.situations[1].same_person_as".to_owned(), nowhere)]
        );
    }

    #[test]
    fn a_pseudonym_used_twice_is_reported_with_its_sessions_in_date_order() {
        let later = session("R1", 9, &[]);
        let first = session("R1", 2, &[]);
        let other = session("R2", 3, &[]);
        let shared = shared_pseudonyms(&[later.clone(), other, first.clone()]);
        assert_eq!(
            shared,
            [(
                "R1".to_owned(),
                SessionKind::Interview,
                vec![first.id, later.id]
            )]
        );
    }

    #[test]
    fn an_interview_and_a_questionnaire_of_one_pseudonym_are_not_a_duplicate() {
        let interview = session("R1", 2, &[]);
        let mut questionnaire = session("R1", 5, &[]);
        questionnaire.kind = SessionKind::Questionnaire;
        assert_eq!(
            shared_pseudonyms(&[interview.clone(), questionnaire.clone()]),
            []
        );
        // A second questionnaire of R1 is: the two questionnaires are named, not the interview.
        let mut again = session("R1", 7, &[]);
        again.kind = SessionKind::Questionnaire;
        assert_eq!(
            shared_pseudonyms(&[again.clone(), interview, questionnaire.clone()]),
            [(
                "R1".to_owned(),
                SessionKind::Questionnaire,
                vec![questionnaire.id, again.id]
            )]
        );
    }
}
