//! What the codebook remembers of codes that are gone, and of its last operations.
//!
//! A merge or a delete never rewrites sessions: the code leaves the tree and a record stays in
//! the codebook (`retired`), naming the code it was merged into, or none when its codings were
//! removed with it. Reading a session follows these records, so a coding written with the old
//! code — before the merge, by another process at the same moment, or in a copy of the study
//! merged back from git — counts under its new code wherever it was written, and no session
//! is ever left with a coding of a code nobody knows. The operation is one journal record, so
//! a crash leaves the study wholly before or wholly after it.
//!
//! `history` keeps, for the last operations, what undoes each: undo survives a restart and is
//! shared by every process and front end working on the study.

use serde::{Deserialize, Serialize};

use super::codebook::{Code, Codebook};
use super::ids::CodeId;
use super::session::{Session, Time};

/// A code merged into another, or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The code as it was, its parent included: an undo puts it back as it was.
    pub code: Code,
    /// Its path when it was retired, for people reading the file and for messages.
    pub path: String,
    /// The sibling it followed, to put it back in its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<CodeId>,
    /// The code its codings now count under; `None`: they were removed with it.
    pub into: Option<CodeId>,
    pub at: Time,
    pub by: String,
}

/// Who changed the codebook, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    pub at: Time,
    pub by: String,
}

/// One of the last operations on the codebook, with what undoes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub at: Time,
    pub by: String,
    pub undo: UndoStep,
}

/// What undoes an operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum UndoStep {
    /// Undoes an addition: the code leaves the tree (it must have no sub-codes).
    Retire { id: CodeId },
    /// Undoes a rename, a move, a new definition: the code as it was.
    Update { code: Code },
    /// Undoes a merge or a delete: the code comes back, and with it every coding that was
    /// written with it.
    Restore { id: CodeId },
}

/// How many operations can be undone.
pub const HISTORY: usize = 100;

/// What a code id stands for now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolution<'a> {
    Live(&'a Code),
    /// Merged (maybe several times over) into a code of the tree.
    Merged {
        into: &'a Code,
        record: &'a Retired,
    },
    /// Deleted with its codings (or merged into a code deleted since).
    Removed(&'a Retired),
    /// Neither in the tree nor in the records: a file edited by hand, or damage.
    Unknown,
}

impl Codebook {
    /// The record of a retired code (the latest, if it was retired more than once).
    pub fn retired(&self, id: CodeId) -> Option<&Retired> {
        self.retired.iter().rev().find(|r| r.code.id == id)
    }

    /// Whether the id is a code of the tree or a retired one: a coding may name it.
    pub fn knows(&self, id: CodeId) -> bool {
        self.contains(id) || self.retired(id).is_some()
    }

    /// What a code id stands for, following merge records to the code of the tree.
    pub fn resolve(&self, id: CodeId) -> Resolution<'_> {
        if let Some(code) = self.get(id) {
            return Resolution::Live(code);
        }
        let Some(first) = self.retired(id) else {
            return Resolution::Unknown;
        };
        let mut record = first;
        // A chain longer than the records is a cycle (a file edited by hand).
        for _ in 0..=self.retired.len() {
            let Some(into) = record.into else {
                return Resolution::Removed(record);
            };
            if let Some(code) = self.get(into) {
                return Resolution::Merged {
                    into: code,
                    record: first,
                };
            }
            match self.retired(into) {
                Some(next) => record = next,
                None => return Resolution::Unknown,
            }
        }
        Resolution::Unknown
    }

    /// The code a coding shows under: its own, or the one it was merged into; `None` for a
    /// code deleted with its codings (or unknown).
    pub fn shown(&self, id: CodeId) -> Option<&Code> {
        match self.resolve(id) {
            Resolution::Live(code) | Resolution::Merged { into: code, .. } => Some(code),
            Resolution::Removed(_) | Resolution::Unknown => None,
        }
    }

    /// The name of a code, live or retired, for messages.
    pub fn name_of(&self, id: CodeId) -> Option<&str> {
        self.get(id)
            .or_else(|| self.retired(id).map(|r| &r.code))
            .map(|c| c.name.as_str())
    }
}

/// What reading a session did with the codebook's records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Followed {
    /// Codings of merged codes, now under the code they were merged into.
    pub mapped: usize,
    /// Codings of deleted codes, left out.
    pub dropped: usize,
}

/// Applies the codebook's records to a session as read: a coding of a merged code counts
/// under the code it was merged into, a coding of a deleted code is left out. Codings of
/// unknown codes are left for validation to report.
pub fn follow_records(session: &mut Session, book: &Codebook) -> Followed {
    let mut followed = Followed::default();
    if book.retired.is_empty() {
        return followed;
    }
    session
        .codings
        .retain_mut(|coding| match book.resolve(coding.code) {
            Resolution::Live(_) | Resolution::Unknown => true,
            Resolution::Merged { into, .. } => {
                coding.code = into.id;
                followed.mapped += 1;
                true
            }
            Resolution::Removed(_) => {
                followed.dropped += 1;
                false
            }
        });
    followed
}

/// Whether any coding of the session names a retired code (reading it maps or drops them).
pub fn needs_records(session: &Session, book: &Codebook) -> bool {
    !book.retired.is_empty()
        && session
            .codings
            .iter()
            .any(|c| !book.contains(c.code) && book.retired(c.code).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::{code, sample};
    use crate::study::ids::{CodingId, SegmentId};
    use crate::study::{Coding, Respondent};

    fn at() -> Time {
        Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
    }

    fn retire(book: &mut Codebook, path: &str, into: Option<&str>) -> CodeId {
        let c = book.by_path(path).unwrap().clone();
        let into = into.map(|p| book.by_path(p).unwrap().id);
        book.codes.retain(|x| x.id != c.id);
        book.retired.push(Retired {
            code: c.clone(),
            path: path.into(),
            after: None,
            into,
            at: at(),
            by: "Camille".into(),
        });
        c.id
    }

    fn coding(code: CodeId) -> Coding {
        Coding {
            id: CodingId::new(),
            segment: SegmentId::new(),
            start: 0,
            end: 1,
            code,
            coder: "A".into(),
            at: at(),
            memo: None,
            quote: None,
        }
    }

    #[test]
    fn merges_are_followed_to_the_code_of_the_tree() {
        let mut book = sample();
        let hotel = book.by_path("lieux/hotel").unwrap().id;
        let hotelier = retire(
            &mut book,
            "proxenetisme/hotelier",
            Some("proxenetisme/conjugal"),
        );
        let conjugal = retire(&mut book, "proxenetisme/conjugal", Some("lieux/hotel"));
        // hotelier → conjugal → hotel: both count under hotel.
        assert!(
            matches!(book.resolve(hotelier), Resolution::Merged { into, .. } if into.id == hotel)
        );
        assert!(
            matches!(book.resolve(conjugal), Resolution::Merged { into, .. } if into.id == hotel)
        );
        assert!(matches!(book.resolve(hotel), Resolution::Live(_)));
        assert_eq!(book.resolve(CodeId::new()), Resolution::Unknown);
        assert!(book.knows(hotelier) && !book.knows(CodeId::new()));
        assert_eq!(book.name_of(hotelier), Some("HOTELIER"));
    }

    #[test]
    fn a_merge_into_a_code_deleted_since_is_a_removal() {
        let mut book = sample();
        let conjugal = retire(&mut book, "proxenetisme/conjugal", Some("lieux/hotel"));
        retire(&mut book, "lieux/hotel", None);
        assert!(
            matches!(book.resolve(conjugal), Resolution::Removed(r) if r.path == "lieux/hotel")
        );
    }

    #[test]
    fn a_cycle_of_records_is_unknown_not_a_hang() {
        let mut book = sample();
        let a = book.by_path("lieux/hotel").unwrap().clone();
        let b = code("b", None);
        book.codes.retain(|c| c.id != a.id);
        for (code, into) in [(a.clone(), b.id), (b.clone(), a.id)] {
            book.retired.push(Retired {
                code,
                path: String::new(),
                after: None,
                into: Some(into),
                at: at(),
                by: String::new(),
            });
        }
        assert_eq!(book.resolve(a.id), Resolution::Unknown);
    }

    #[test]
    fn reading_a_session_maps_merged_and_leaves_out_deleted_codings() {
        let mut book = sample();
        let hotel = book.by_path("lieux/hotel").unwrap().id;
        let conjugal = retire(&mut book, "proxenetisme/conjugal", Some("lieux/hotel"));
        let hotelier = retire(&mut book, "proxenetisme/hotelier", None);
        let stranger = CodeId::new();
        let mut session = Session::new(
            "A".into(),
            Respondent {
                pseudonym: "R1".into(),
                attributes: Default::default(),
            },
        );
        session.codings = vec![
            coding(conjugal),
            coding(hotelier),
            coding(hotel),
            coding(stranger),
        ];
        assert!(needs_records(&session, &book));
        let followed = follow_records(&mut session, &book);
        assert_eq!(
            followed,
            Followed {
                mapped: 1,
                dropped: 1
            }
        );
        let codes: Vec<CodeId> = session.codings.iter().map(|c| c.code).collect();
        assert_eq!(codes, [hotel, hotel, stranger]);
        assert!(!needs_records(&session, &book));
    }
}
