//! What `grille check --repair` can propose for a session: write a merge record's mapping into
//! the file, or drop a coding that can no longer count (its code deleted or unknown, its
//! segment gone, its span out of the text). Each fix is a change the session's journal takes,
//! so applying it is as safe as any edit; nothing is proposed for what needs a person to decide.

use super::Study;
use super::codebook::Codebook;
use super::ids::CodeId;
use super::retired::Resolution;
use super::session::{Coding, Session};
use super::session_change::SessionChange;
use super::validate::check_span;

/// One fix for one coding.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub coding: Coding,
    /// The coding's words, for the person deciding and for the log.
    pub excerpt: String,
    pub action: Action,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The code was merged: the coding is written under the code it counts under already.
    Map { from: CodeId, into: CodeId },
    /// The coding is removed (it is kept in the repair log).
    Drop(Why),
}

/// Why a coding is dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// Its code was deleted with its codings (path, by).
    CodeDeleted { path: String, by: String },
    /// Its code is neither in the codebook nor among the retired codes.
    UnknownCode,
    /// Its segment is not in the session.
    UnknownSegment,
    /// Its span does not fit its segment's text (the message says how).
    BadSpan(String),
}

impl Fix {
    /// The change that carries the fix out.
    pub fn change(&self) -> SessionChange {
        match &self.action {
            Action::Map { into, .. } => SessionChange::Recode {
                codings: vec![self.coding.id],
                to: *into,
            },
            Action::Drop(_) => SessionChange::RemoveCoding {
                coding: self.coding.id,
            },
        }
    }
}

/// The fixes for a session as written (its codings not yet mapped through the records).
pub fn fixes(session: &Session, study: &Study) -> Vec<Fix> {
    let book = &study.codebook;
    session
        .codings
        .iter()
        .filter_map(|coding| {
            let action = action(session, book, coding)?;
            Some(Fix {
                excerpt: excerpt(session, coding),
                coding: coding.clone(),
                action,
            })
        })
        .collect()
}

fn action(session: &Session, book: &Codebook, coding: &Coding) -> Option<Action> {
    let Some(segment) = session.segment(coding.segment) else {
        return Some(Action::Drop(Why::UnknownSegment));
    };
    if let Err(message) = check_span(&segment.text, coding.start, coding.end) {
        return Some(Action::Drop(Why::BadSpan(message)));
    }
    match book.resolve(coding.code) {
        Resolution::Live(_) => None,
        Resolution::Merged { into, .. } => Some(Action::Map {
            from: coding.code,
            into: into.id,
        }),
        Resolution::Removed(record) => Some(Action::Drop(Why::CodeDeleted {
            path: record.path.clone(),
            by: record.by.clone(),
        })),
        Resolution::Unknown => Some(Action::Drop(Why::UnknownCode)),
    }
}

/// The words of a coding, whole (a span that does not fit is clipped to the text).
fn excerpt(session: &Session, coding: &Coding) -> String {
    session.segment(coding.segment).map_or(String::new(), |s| {
        s.text
            .chars()
            .skip(coding.start)
            .take(coding.end.saturating_sub(coding.start))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::sample;
    use crate::study::ids::{CodingId, SegmentId};
    use crate::study::retired::Retired;
    use crate::study::{Document, Respondent, Segment, Speaker, grid::Grid};

    fn at() -> crate::study::Time {
        crate::study::Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
    }

    #[test]
    fn each_coding_that_cannot_count_gets_its_fix_and_sound_ones_none() {
        let mut book = sample();
        let hotel = book.by_path("lieux/hotel").unwrap().id;
        let conjugal = book.by_path("proxenetisme/conjugal").unwrap().clone();
        let hotelier = book.by_path("proxenetisme/hotelier").unwrap().clone();
        book.codes
            .retain(|c| c.id != conjugal.id && c.id != hotelier.id);
        for (code, into) in [(conjugal.clone(), Some(hotel)), (hotelier.clone(), None)] {
            book.retired.push(Retired {
                path: format!("proxenetisme/{}", code.slug),
                code,
                after: None,
                into,
                at: at(),
                by: "Sami".into(),
            });
        }
        let study = Study {
            meta: serde_json::from_str(
                r#"{"format": "grille/1", "id": "5d1f0000-0000-4000-8000-000000000001", "title": "t"}"#,
            )
            .unwrap(),
            grid: Grid::default(),
            codebook: book,
        };
        let mut session = Session::new(
            "A".into(),
            Respondent {
                pseudonym: "R1".into(),
                attributes: Default::default(),
            },
        );
        let segment = Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: "Elle vivait à l'hôtel".into(),
        };
        session.segments.push(segment.clone());
        let coding = |code, start, end, segment| Coding {
            id: CodingId::new(),
            segment,
            start,
            end,
            code,
            coder: "Léa".into(),
            at: at(),
            memo: None,
            quote: None,
        };
        let stranger = CodeId::new();
        session.codings = vec![
            coding(hotel, 0, 4, segment.id),
            coding(conjugal.id, 0, 4, segment.id),
            coding(hotelier.id, 14, 21, segment.id),
            coding(stranger, 0, 4, segment.id),
            coding(hotel, 0, 4, SegmentId::new()),
            coding(hotel, 10, 99, segment.id),
        ];
        let found = fixes(&session, &study);
        let actions: Vec<&Action> = found.iter().map(|f| &f.action).collect();
        assert_eq!(
            actions[..4],
            [
                &Action::Map {
                    from: conjugal.id,
                    into: hotel
                },
                &Action::Drop(Why::CodeDeleted {
                    path: "proxenetisme/hotelier".into(),
                    by: "Sami".into()
                }),
                &Action::Drop(Why::UnknownCode),
                &Action::Drop(Why::UnknownSegment),
            ]
        );
        assert!(matches!(actions[4], Action::Drop(Why::BadSpan(m)) if m.contains("out of range")));
        assert_eq!(found[1].excerpt, "l'hôtel");
        assert_eq!(found.len(), 5, "the sound coding is left alone");
        // Carried out, the session is sound and keeps its sound coding.
        for fix in &found {
            let change = fix.change();
            session.check(&change, &study).unwrap();
            session.apply(&change);
        }
        assert!(fixes(&session, &study).is_empty());
        assert_eq!(session.codings.len(), 2);
        assert!(session.codings.iter().all(|c| c.code == hotel));
    }
}
