//! What an export may say about who is who. Respondents were promised anonymity and the team's
//! names are nobody else's business: by default an export leaves out the attributes the study
//! marks identifying ([`Attribute::is_identifying`]) and gives interviewers and coders as
//! initials. [`redact`] makes that copy of the study and its sessions once, before any table,
//! chart or REFI-QDA project is built from it, so no export can forget a field.

use std::collections::{BTreeMap, BTreeSet};

use super::{Attribute, Session, Study};

/// Whether an export carries identities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Disclosure {
    /// Identifying attributes left out, people as initials (the default).
    #[default]
    Pseudonymous,
    /// Everything, as recorded (`--with-identities`); the file says so.
    WithIdentities,
}

/// The interviewers, coders and authors of a study, each with the initials an export gives
/// them: `Camille Durand` → `C.D.`, `Jean-Marie de la Tour` → `J.-M.D.L.T.`; two people with the
/// same initials are told apart by a number (`C.`, `C.2`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct People {
    aliases: BTreeMap<String, String>,
}

impl People {
    /// Everyone named in the sessions (interviewer, coders, memo authors, reference coders) and
    /// in the codebook's history.
    pub fn of(study: &Study, sessions: &[Session]) -> People {
        let mut names = BTreeSet::new();
        for s in sessions {
            names.insert(s.interviewer.trim());
            names.extend(s.codings.iter().map(|c| c.coder.trim()));
            names.extend(s.memos.iter().map(|m| m.author.trim()));
            names.extend(s.reference_coder.iter().map(|c| c.trim()));
        }
        let book = &study.codebook;
        names.extend(book.retired.iter().map(|r| r.by.trim()));
        names.extend(book.history.iter().map(|h| h.by.trim()));
        names.remove("");
        let mut taken: BTreeMap<String, usize> = BTreeMap::new();
        let aliases = names
            .into_iter()
            .map(|name| {
                let base = initials(name);
                let n = taken.entry(base.clone()).or_insert(0);
                *n += 1;
                let alias = match *n {
                    1 => base,
                    n => format!("{base}{n}"),
                };
                (name.to_owned(), alias)
            })
            .collect();
        People { aliases }
    }

    /// The name an export gives this person: their alias, or their initials for a name not
    /// seen in the study (never the name itself); `""` stays `""`.
    pub fn alias(&self, name: &str) -> String {
        let name = name.trim();
        self.aliases
            .get(name)
            .cloned()
            .unwrap_or_else(|| initials(name))
    }

    /// A name as given on a command line (`--coder "Camille Durand"`, or already `C.D.`) as
    /// the redacted study knows it.
    pub fn find(&self, given: &str) -> String {
        let given = given.trim();
        if self.aliases.values().any(|a| a == given) {
            return given.to_owned();
        }
        match self
            .aliases
            .iter()
            .find(|(name, _)| name.to_lowercase() == given.to_lowercase())
        {
            Some((_, alias)) => alias.clone(),
            None => given.to_owned(),
        }
    }

    /// The alias of the person a speaker label names: their name, or their name with some
    /// words cut to an initial (`Sami B.` for Sami Benali).
    fn named_by(&self, label: &str) -> Option<&String> {
        self.aliases
            .iter()
            .find(|(name, _)| abbreviates(label, name))
            .map(|(_, alias)| alias)
    }

    /// Every (name, alias) pair, by name.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases.iter().map(|(n, a)| (n.as_str(), a.as_str()))
    }
}

/// A person's initials: the first letter of each word and of each part of a hyphenated word
/// (`Jean-Marie` → `J.-M.`). A name that already is a code (with a digit, or a short run of
/// capitals: `ENQ-2`, `S01`, `CM`) is kept: it names nobody.
pub fn initials(name: &str) -> String {
    let name = name.trim();
    let is_code = name.chars().any(|c| c.is_ascii_digit())
        || (name.chars().count() <= 3 && !name.chars().any(char::is_lowercase));
    if name.is_empty() || is_code {
        return name.to_owned();
    }
    name.split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().find(|c| c.is_alphanumeric()))
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// Whether `label` is `name`, some of its words possibly cut to their initial (`Sami B.`,
/// `S. Benali`), ignoring case.
fn abbreviates(label: &str, name: &str) -> bool {
    let label: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    let name: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    label.len() == name.len()
        && label.iter().zip(&name).all(|(l, n)| {
            let short = l.trim_end_matches('.');
            l == n || (short.chars().count() == 1 && n.starts_with(short))
        })
}

/// The study and its sessions as an export may show them, with who is who.
#[derive(Clone, Debug)]
pub struct Redacted {
    pub study: Study,
    pub sessions: Vec<Session>,
    pub people: People,
    /// The attribute keys left out (respondent and situation), for notes and messages.
    pub left_out: Vec<String>,
}

/// A copy of the study and sessions without identifying attributes (nor the attributes that
/// only apply under them), with interviewers, coders and authors as initials, and without the
/// interview's location and the transcript's file name (both often name the person or the
/// place). Respondents keep their pseudonym: it was chosen to name nobody.
pub fn redact(study: &Study, sessions: &[Session]) -> Redacted {
    redact_owned(study, sessions.to_vec())
}

/// [`redact`] of sessions given away: each is changed where it is, so that a study is not
/// held twice in memory (an export of every session).
pub fn redact_owned(study: &Study, sessions: Vec<Session>) -> Redacted {
    let people = People::of(study, &sessions);
    let mut study = study.clone();
    let mut left_out = Vec::new();
    left_out.extend(keep_safe(&mut study.meta.respondent_attributes));
    left_out.extend(keep_safe(&mut study.meta.situation_attributes));
    for r in &mut study.codebook.retired {
        r.by = people.alias(&r.by);
    }
    for h in &mut study.codebook.history {
        h.by = people.alias(&h.by);
    }
    let removed: BTreeSet<&str> = left_out.iter().map(String::as_str).collect();
    let sessions = sessions
        .into_iter()
        .map(|s| redact_session(s, &people, &removed))
        .collect();
    Redacted {
        study,
        sessions,
        people,
        left_out,
    }
}

/// Removes the identifying attributes and those whose condition names a removed one; returns
/// the keys removed.
fn keep_safe(attributes: &mut Vec<Attribute>) -> Vec<String> {
    let mut removed: Vec<String> = Vec::new();
    attributes.retain(|a| {
        let depends = a
            .when
            .as_ref()
            .is_some_and(|w| removed.contains(&w.attribute));
        let keep = !a.is_identifying() && !depends;
        if !keep {
            removed.push(a.key.clone());
        }
        keep
    });
    removed
}

fn redact_session(mut s: Session, people: &People, removed: &BTreeSet<&str>) -> Session {
    s.interviewer = people.alias(&s.interviewer);
    s.location = String::new();
    s.source = None;
    for r in std::iter::once(&mut s.respondent).chain(&mut s.co_respondents) {
        r.attributes.retain(|k, _| !removed.contains(k.as_str()));
    }
    for situation in &mut s.situations {
        situation
            .attributes
            .retain(|k, _| !removed.contains(k.as_str()));
    }
    for c in &mut s.codings {
        c.coder = people.alias(&c.coder);
    }
    for m in &mut s.memos {
        m.author = people.alias(&m.author);
    }
    if let Some(r) = &mut s.reference_coder {
        *r = people.alias(r);
    }
    for segment in &mut s.segments {
        if let Some(label) = &mut segment.speaker_label
            && let Some(alias) = people.named_by(label)
        {
            *label = alias.clone();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_french_names() {
        assert_eq!(initials("Camille Durand"), "C.D.");
        assert_eq!(initials("Camille"), "C.");
        assert_eq!(initials("Jean-Marie de la Tour"), "J.-M.D.L.T.");
        assert_eq!(initials("  élodie  Ménard "), "É.M.");
        assert_eq!(initials("ENQ-2"), "ENQ-2");
        assert_eq!(initials("S01"), "S01");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn older_studies_mark_names_and_contacts_by_their_key() {
        use crate::study::{Condition, ValueKind};
        let open = |key: &str| Attribute::new(key, key, ValueKind::Open);
        assert!(open("telephone").is_identifying());
        assert!(open("Date-Naissance").is_identifying());
        assert!(!open("secteur").is_identifying());
        assert!(!open("contact_police").is_identifying());
        let said_not = Attribute {
            identifying: Some(false),
            ..open("nom")
        };
        assert!(!said_not.is_identifying());
        // A detail that applies under a removed attribute goes with it; the others stay.
        let detail = Attribute {
            when: Some(Condition {
                attribute: "email".into(),
                is: "yes".into(),
            }),
            ..open("email_pro")
        };
        let mut list = vec![open("secteur"), open("email"), detail, open("age")];
        assert_eq!(keep_safe(&mut list), ["email", "email_pro"]);
        let kept: Vec<&str> = list.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(kept, ["secteur", "age"]);
    }

    #[test]
    fn a_label_names_a_person_by_name_or_initials() {
        assert!(abbreviates("Sami B.", "Sami Benali"));
        assert!(abbreviates("s. benali", "Sami Benali"));
        assert!(abbreviates("SAMI BENALI", "Sami Benali"));
        assert!(!abbreviates("Sami", "Sami Benali"));
        assert!(!abbreviates("Sami C.", "Sami Benali"));
        assert!(!abbreviates("Bénévole", "Sami Benali"));
    }
}
