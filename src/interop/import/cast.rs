//! Who is who in a transcript: from the labels its turns carry, which one is the interviewer,
//! which the respondent the session is listed under, which other respondents speak.
//!
//! The interviewer is, in this order: the labels carrying an interviewer mark (`ENQ`,
//! `Florence Lefeuvre (ENQ)`, ELAN's participant `interviewer`); the label given with
//! `--interviewer-label`; the labels the file declares (`Interviewer = S00`); the label that is
//! the interviewer's name; else, when several people speak, the one who asks the most
//! questions for the words they say. The respondent is the other label with the most words; the others are
//! co-respondents. Turns without a label are the respondent's.

use std::collections::HashMap;

use super::Transcript;
#[cfg(test)]
use super::Turn;
use super::conventions::parse_label;
use crate::study::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Interviewer,
    /// The respondent the session is listed under.
    Respondent,
    /// Another respondent who speaks in the session.
    CoRespondent,
}

/// Why a label was taken for the interviewer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    Mark,
    Given,
    Declared,
    Name,
    Questions,
}

/// A speaker found in a transcript.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The label as the file writes it.
    pub label: String,
    /// The name segments keep: the label without its role mark; `None` for a bare mark
    /// (`ENQ`), which says no more than the role.
    pub name: Option<String>,
    pub role: Role,
    pub why: Option<Why>,
    pub turns: usize,
    pub words: usize,
    /// Turns holding a question mark.
    pub questions: usize,
}

/// Every speaker of a transcript, in the order they first speak.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cast {
    pub speakers: Vec<Found>,
}

/// What the user said about the speakers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints<'a> {
    /// `--interviewer-label`: the label of the interviewer in the file.
    pub interviewer_label: Option<&'a str>,
    /// The interviewer's name, when given (`--interviewer`).
    pub interviewer_name: Option<&'a str>,
}

/// A `--interviewer-label` that no turn carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel {
    pub label: String,
    pub found: Vec<String>,
}

impl Cast {
    /// Decides the role of every label of `transcript`.
    pub fn of(transcript: &Transcript, hints: Hints) -> Result<Cast, UnknownLabel> {
        let mut speakers: Vec<Found> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for turn in &transcript.turns {
            let Some(label) = &turn.label else { continue };
            let i = *index.entry(fold(label)).or_insert_with(|| {
                let (name, _) = parse_label(label);
                speakers.push(Found {
                    label: label.clone(),
                    name,
                    role: Role::CoRespondent,
                    why: None,
                    turns: 0,
                    words: 0,
                    questions: 0,
                });
                speakers.len() - 1
            });
            let found = &mut speakers[i];
            found.turns += 1;
            found.words += turn.text.split_whitespace().count();
            found.questions += usize::from(turn.text.contains('?'));
        }
        if let Some(given) = hints.interviewer_label
            && !index.contains_key(&fold(given))
        {
            return Err(UnknownLabel {
                label: given.to_owned(),
                found: speakers.iter().map(|s| s.label.clone()).collect(),
            });
        }
        let declared: Vec<String> = transcript.declared.iter().map(|l| fold(l)).collect();
        for found in &mut speakers {
            let folded = fold(&found.label);
            found.why = if parse_label(&found.label).1 {
                Some(Why::Mark)
            } else if hints.interviewer_label.is_some_and(|l| fold(l) == folded) {
                Some(Why::Given)
            } else if declared.contains(&folded) {
                Some(Why::Declared)
            } else if hints
                .interviewer_name
                .is_some_and(|n| !n.trim().is_empty() && fold(n) == folded)
            {
                Some(Why::Name)
            } else {
                None
            };
        }
        if speakers.len() >= 2 && speakers.iter().all(|s| s.why.is_none()) {
            // Among those who ask at least half as many questions as the most inquisitive,
            // the most questions for the words said: a respondent who talks at length asks
            // questions too (rhetorical ones, reported speech), but fewer for what they say.
            let top = speakers.iter().map(|s| s.questions).max().unwrap_or(0);
            let density = |s: &Found| {
                if s.questions * 2 >= top {
                    s.questions * 1_000_000 / s.words.max(1)
                } else {
                    0
                }
            };
            let most = speakers.iter().map(density).max().unwrap_or(0);
            let askers: Vec<usize> = (0..speakers.len())
                .filter(|&i| density(&speakers[i]) == most)
                .collect();
            if most > 0 && askers.len() == 1 {
                speakers[askers[0]].why = Some(Why::Questions);
            }
        }
        for found in &mut speakers {
            if found.why.is_some() {
                found.role = Role::Interviewer;
            }
        }
        // The respondent: the one who says the most among the others.
        if let Some(main) = speakers
            .iter_mut()
            .filter(|s| s.role != Role::Interviewer)
            .rev()
            .max_by_key(|s| s.words)
        {
            main.role = Role::Respondent;
        }
        Ok(Cast { speakers })
    }

    /// Makes the speaker `label` the respondent the session is listed under (the user named
    /// them so), the one who was becoming a co-respondent. An interviewer stays one.
    pub fn prefer_respondent(&mut self, label: &str) {
        let folded = fold(label);
        if !self
            .speakers
            .iter()
            .any(|s| fold(&s.label) == folded && s.role != Role::Interviewer)
        {
            return;
        }
        for s in &mut self.speakers {
            if s.role != Role::Interviewer {
                s.role = if fold(&s.label) == folded {
                    Role::Respondent
                } else {
                    Role::CoRespondent
                };
            }
        }
    }

    /// The speaker of a turn's label.
    pub fn get(&self, label: &str) -> Option<&Found> {
        let folded = fold(label);
        self.speakers.iter().find(|s| fold(&s.label) == folded)
    }

    /// The interviewer's name as the file gives it: the named interviewer who speaks most.
    pub fn interviewer_name(&self) -> Option<&str> {
        self.speakers
            .iter()
            .filter(|s| s.role == Role::Interviewer)
            .filter(|s| !s.label.chars().any(|c| c.is_ascii_digit()))
            .max_by_key(|s| s.turns)
            .and_then(|s| s.name.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcript(turns: &[(&str, &str)], declared: &[&str]) -> Transcript {
        Transcript {
            turns: turns
                .iter()
                .map(|(label, text)| Turn {
                    label: (!label.is_empty()).then(|| label.to_string()),
                    start: None,
                    end: None,
                    text: text.to_string(),
                })
                .collect(),
            declared: declared.iter().map(|d| d.to_string()).collect(),
            ..Transcript::default()
        }
    }

    fn roles(cast: &Cast) -> Vec<(&str, Role, Option<Why>)> {
        cast.speakers
            .iter()
            .map(|s| (s.label.as_str(), s.role, s.why))
            .collect()
    }

    #[test]
    fn a_role_mark_makes_the_interviewer_and_the_name_is_kept_without_it() {
        let t = transcript(
            &[
                ("Florence Lefeuvre (ENQ)", "Première question ?"),
                ("Lucie da Silva", "Je travaille au foyer depuis dix ans."),
            ],
            &[],
        );
        let cast = Cast::of(&t, Hints::default()).unwrap();
        assert_eq!(
            roles(&cast),
            vec![
                (
                    "Florence Lefeuvre (ENQ)",
                    Role::Interviewer,
                    Some(Why::Mark)
                ),
                ("Lucie da Silva", Role::Respondent, None),
            ]
        );
        assert_eq!(cast.interviewer_name(), Some("Florence Lefeuvre"));
    }

    #[test]
    fn without_marks_the_one_who_asks_most_is_the_interviewer() {
        // S01 asks two questions, S00 one, S02 none; S00 says the most of the others.
        let t = transcript(
            &[
                ("S01", "Vous pouvez vous présenter ?"),
                (
                    "S00",
                    "Oui, je suis éducatrice depuis longtemps, vous savez ?",
                ),
                ("S01", "Et le foyer ?"),
                ("S02", "Bonjour."),
            ],
            &[],
        );
        let cast = Cast::of(&t, Hints::default()).unwrap();
        assert_eq!(
            roles(&cast),
            vec![
                ("S01", Role::Interviewer, Some(Why::Questions)),
                ("S00", Role::Respondent, None),
                ("S02", Role::CoRespondent, None),
            ]
        );
        // Told otherwise, the given label wins.
        let hints = Hints {
            interviewer_label: Some("s02"),
            interviewer_name: None,
        };
        let cast = Cast::of(&t, hints).unwrap();
        assert_eq!(cast.speakers[2].why, Some(Why::Given));
        assert_eq!(cast.speakers[0].role, Role::Respondent);
        let err = Cast::of(
            &t,
            Hints {
                interviewer_label: Some("S09"),
                interviewer_name: None,
            },
        )
        .unwrap_err();
        assert_eq!(err.found, vec!["S01", "S00", "S02"]);
    }

    #[test]
    fn a_declaration_names_the_interviewer() {
        let t = transcript(&[("S00", "Question ?"), ("S01", "Réponse ?")], &["S00"]);
        let cast = Cast::of(&t, Hints::default()).unwrap();
        assert_eq!(cast.speakers[0].why, Some(Why::Declared));
        assert_eq!(cast.speakers[1].role, Role::Respondent);
    }
}
