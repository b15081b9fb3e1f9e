//! Sets of sources (MAXQDA's document sets, NVivo's sets, ATLAS.ti's document groups): the
//! groups researchers sort their interviews into, a wave, a site, a team. grille has no groups
//! of sessions; each set that holds sources becoming sessions is an option of one respondent
//! attribute, `ensembles` (several options: a source may be in several sets), so that tables,
//! filters and search split the interviews by it. Sets of codes only are reported: their codes
//! are imported.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::variables::free_key;
use crate::interop::refi::model::Project;
use crate::study::{Attribute, Choice, StudyMeta, Value, ValueKind, text};

/// The key the attribute is given when the study has none of that key.
pub const KEY: &str = "ensembles";
/// Its label: the study's data is in French, as the study it goes into.
const LABEL: &str = "Ensembles";

#[derive(Debug, Default, PartialEq)]
pub struct Planned {
    /// The attribute's key, when any set went into it.
    pub key: Option<String>,
    /// Whether the attribute was added to the study.
    pub added: bool,
    /// The option keys of each source, by its GUID.
    pub of_source: HashMap<Uuid, Vec<String>>,
    /// The sets that went into the attribute, by name and by GUID.
    pub names: Vec<String>,
    pub guids: HashSet<Uuid>,
}

impl Planned {
    /// The value of the attribute for the session made from `source`, if it is in a set.
    pub fn value(&self, source: Uuid) -> Option<(String, Value)> {
        let key = self.key.clone()?;
        let options = self.of_source.get(&source)?;
        Some((key, Value::List(options.clone())))
    }
}

/// Puts the sets holding any of `sources` (the sources that become sessions) into the
/// attribute: the study's multiple-choice `ensembles` (its options recognised by label), else a
/// new one added to `meta`.
pub fn plan(project: &Project, sources: &HashSet<Uuid>, meta: &mut StudyMeta) -> Planned {
    let sets: Vec<_> = project
        .sets
        .iter()
        .filter(|s| s.sources.iter().any(|g| sources.contains(g)))
        .collect();
    let mut planned = Planned::default();
    if sets.is_empty() {
        return planned;
    }
    let list = &mut meta.respondent_attributes;
    let at = match list
        .iter()
        .position(|a| a.key == KEY && matches!(a.kind, ValueKind::Choices { .. }))
    {
        Some(at) => at,
        None => {
            let key = free_key(KEY, |k| list.iter().any(|a| a.key == k));
            list.push(Attribute {
                key,
                label: LABEL.to_owned(),
                kind: ValueKind::Choices {
                    options: Vec::new(),
                },
                groups: Vec::new(),
                when: None,
                // A set names a group of interviews (a wave, a site), not a person.
                identifying: Some(false),
            });
            planned.added = true;
            list.len() - 1
        }
    };
    planned.key = Some(list[at].key.clone());
    let ValueKind::Choices { options } = &mut list[at].kind else {
        return Planned::default();
    };
    for set in sets {
        let name = match text::normalize(set.name.trim()) {
            n if n.is_empty() => set.guid.to_string(),
            n => n,
        };
        let folded = text::fold(&name);
        let key = match options.iter().find(|o| text::fold(&o.label) == folded) {
            Some(option) => option.key.clone(),
            None => {
                let key = free_key(&name, |k| options.iter().any(|o| o.key == k));
                options.push(Choice {
                    key: key.clone(),
                    label: name.clone(),
                    unknown: false,
                });
                key
            }
        };
        for source in set.sources.iter().filter(|g| sources.contains(g)) {
            let keys = planned.of_source.entry(*source).or_default();
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
        }
        planned.names.push(name);
        planned.guids.insert(set.guid);
    }
    planned
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    use crate::interop::refi::import::{Kind, Matching, Options, Skip, input, plan};
    use crate::study::{Choice, Session, Value, ValueKind};

    /// Three inline sources in two MAXQDA-like document sets (the second source in both), a
    /// set of codes, and a set naming no source of the file.
    const PROJECT: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 24 (Release 24.7.0)">
  <CodeBook><Codes><Code guid="11111111-aaaa-4000-8000-000000000001" name="Lieux" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-aaaa-4000-8000-000000000001" name="E1"><PlainTextContent>Un.</PlainTextContent></TextSource>
    <TextSource guid="33333333-aaaa-4000-8000-000000000002" name="E2"><PlainTextContent>Deux.</PlainTextContent></TextSource>
    <TextSource guid="33333333-aaaa-4000-8000-000000000003" name="E3"><PlainTextContent>Trois.</PlainTextContent></TextSource>
  </Sources>
  <Sets>
    <Set guid="66666666-aaaa-4000-8000-000000000001" name="Vague 1">
      <MemberSource targetGUID="33333333-aaaa-4000-8000-000000000001"/>
      <MemberSource targetGUID="33333333-aaaa-4000-8000-000000000002"/>
    </Set>
    <Set guid="66666666-aaaa-4000-8000-000000000002" name="Clermont-Ferrand">
      <MemberSource targetGUID="33333333-aaaa-4000-8000-000000000002"/>
    </Set>
    <Set guid="66666666-aaaa-4000-8000-000000000003" name="Codes du lieu">
      <MemberCode targetGUID="11111111-aaaa-4000-8000-000000000001"/>
    </Set>
    <Set guid="66666666-aaaa-4000-8000-000000000004" name="Ailleurs">
      <MemberSource targetGUID="33333333-aaaa-4000-8000-0000000000ff"/>
    </Set>
  </Sets>
</Project>"#;

    fn options() -> Options {
        Options {
            matching: Matching::Guid,
            someone: "Camille".into(),
            now: crate::study::Time::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap(),
        }
    }

    fn value_of<'a>(sessions: &'a [Session], name: &str, key: &str) -> Option<&'a Value> {
        let session = sessions
            .iter()
            .find(|s| s.respondent.pseudonym == name)
            .unwrap();
        session.respondent.attributes.get(key)
    }

    fn list(keys: &[&str]) -> Value {
        Value::List(keys.iter().map(|k| (*k).to_owned()).collect())
    }

    #[test]
    fn sets_of_sources_become_options_of_the_respondents_ensembles() {
        let input = input::from_bytes(Path::new("p.qde"), PROJECT.as_bytes(), Kind::Xml).unwrap();
        let plan = plan(&input, None, &options()).unwrap();
        let attribute = plan.study.meta.respondent_attribute("ensembles").unwrap();
        assert_eq!(attribute.label, "Ensembles");
        let ValueKind::Choices { options } = &attribute.kind else {
            panic!("{attribute:?}");
        };
        let options: Vec<(&str, &str)> = options
            .iter()
            .map(|o| (o.key.as_str(), o.label.as_str()))
            .collect();
        assert_eq!(
            options,
            [
                ("vague_1", "Vague 1"),
                ("clermont_ferrand", "Clermont-Ferrand")
            ]
        );
        assert_eq!(
            value_of(&plan.sessions, "E1", "ensembles"),
            Some(&list(&["vague_1"]))
        );
        assert_eq!(
            value_of(&plan.sessions, "E2", "ensembles"),
            Some(&list(&["vague_1", "clermont_ferrand"]))
        );
        assert_eq!(value_of(&plan.sessions, "E3", "ensembles"), None);
        let report = &plan.report;
        assert!(report.attributes_added.contains(&"ensembles".to_owned()));
        assert_eq!(
            report.sets,
            Some((
                "ensembles".to_owned(),
                vec!["Vague 1".to_owned(), "Clermont-Ferrand".to_owned()]
            ))
        );
        let skipped: Vec<&str> = report
            .skipped
            .iter()
            .filter_map(|s| match s {
                Skip::Set { name } => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(skipped, ["Codes du lieu", "Ailleurs"]);
    }

    #[test]
    fn a_study_with_ensembles_keeps_its_options_and_gets_the_new_ones() {
        let input = input::from_bytes(Path::new("p.qde"), PROJECT.as_bytes(), Kind::Xml).unwrap();
        let fresh = plan(&input, None, &options()).unwrap();
        let mut study = fresh.study.clone();
        let attribute = study
            .meta
            .respondent_attributes
            .iter_mut()
            .find(|a| a.key == "ensembles")
            .unwrap();
        attribute.kind = ValueKind::Choices {
            options: vec![Choice {
                key: "premiere_vague".into(),
                label: "vague 1".into(),
                unknown: false,
            }],
        };
        let plan = plan(&input, Some((&study, &HashSet::new())), &options()).unwrap();
        let ValueKind::Choices { options } = &plan
            .study
            .meta
            .respondent_attribute("ensembles")
            .unwrap()
            .kind
        else {
            panic!();
        };
        let keys: Vec<&str> = options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["premiere_vague", "clermont_ferrand"]);
        assert_eq!(
            value_of(&plan.sessions, "E2", "ensembles"),
            Some(&list(&["premiere_vague", "clermont_ferrand"]))
        );
        assert!(plan.report.attributes_added.is_empty());
    }
}
