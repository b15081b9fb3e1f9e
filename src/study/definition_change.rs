//! Changes to the study's definition files: the codebook (edited code by code during analysis),
//! the grid and `study.json` (replaced whole: they are edited rarely, between sessions).
//!
//! Over 500 lines: the codebook, grid and study.json changes with their inverses, then their unit
//! tests (from `mod tests` on).

use serde::{Deserialize, Serialize};

use super::codebook::{Code, Codebook};
use super::document::{ChangeError, Document, Outcome};
use super::grid::Grid;
use super::ids::CodeId;
use super::meta::StudyMeta;
use super::retired::{HISTORY, Retired, Signed, Step, UndoStep};
use super::validate;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum CodebookChange {
    /// Adds a code after the sibling `after`, or last among its siblings.
    AddCode {
        code: Code,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<CodeId>,
        /// Who did it: the operation goes into the history, to be undone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signed: Option<Signed>,
    },
    /// Replaces a code's fields, parent included (a rename, a recolour, a move). The id stays.
    UpdateCode {
        code: Code,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signed: Option<Signed>,
    },
    /// Removes a code without a record (journals written before records existed).
    RemoveCode { id: CodeId },
    /// Takes a code without sub-codes out of the tree and keeps a record of it: its codings
    /// count under `into` from now on, or are left out when `into` is `None`.
    RetireCode {
        id: CodeId,
        into: Option<CodeId>,
        signed: Signed,
    },
    /// Undoes the last operation of the history.
    Undo,
}

impl Document for Codebook {
    type Change = CodebookChange;
    type Context = ();

    fn revision(&self) -> u64 {
        self.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.revision = revision;
    }

    fn check(&self, change: &CodebookChange, _: &()) -> Result<(), ChangeError> {
        match change {
            CodebookChange::AddCode { code, after, .. } => {
                if self.knows(code.id) {
                    return Err(ChangeError(format!("code {} already exists", code.id)));
                }
                if let Some(after) = after
                    && self.get(*after).is_none_or(|a| a.parent != code.parent)
                {
                    return Err(ChangeError(format!("code {after} is not a sibling")));
                }
                self.check_fields(code)
            }
            CodebookChange::UpdateCode { code, .. } => self.check_update(code),
            CodebookChange::RemoveCode { id } => self.check_leaf(*id),
            CodebookChange::RetireCode { id, into, .. } => {
                self.check_leaf(*id)?;
                let Some(into) = into else {
                    return Ok(());
                };
                match self.get(*into) {
                    None => Err(ChangeError(format!("no code {into}"))),
                    Some(_) if into == id => Err(ChangeError(format!(
                        "cannot merge \"{}\" into itself",
                        self.name_of(*id).unwrap_or_default()
                    ))),
                    Some(_) => Ok(()),
                }
            }
            CodebookChange::Undo => match self.history.last() {
                None => Err(ChangeError::new("nothing to undo")),
                Some(step) => self.check_undo(&step.undo),
            },
        }
    }

    fn apply(&mut self, change: &CodebookChange) -> Outcome {
        match change.clone() {
            CodebookChange::AddCode {
                code,
                after,
                signed,
            } => {
                let id = code.id;
                self.insert(code, after);
                self.remember(signed, UndoStep::Retire { id });
            }
            CodebookChange::UpdateCode { code, signed } => {
                if let Some(old) = self.get(code.id).cloned() {
                    self.update(code);
                    self.remember(signed, UndoStep::Update { code: old });
                }
            }
            CodebookChange::RemoveCode { id } => self.codes.retain(|c| c.id != id),
            CodebookChange::RetireCode { id, into, signed } => {
                let Some(code) = self.get(id).cloned() else {
                    return Outcome::default();
                };
                let record = Retired {
                    path: self.path(id).unwrap_or_default(),
                    after: self.previous_sibling(id),
                    code,
                    into,
                    at: signed.at,
                    by: signed.by.clone(),
                };
                self.codes.retain(|c| c.id != id);
                self.retired.push(record);
                self.remember(Some(signed), UndoStep::Restore { id });
            }
            CodebookChange::Undo => {
                if let Some(step) = self.history.pop() {
                    self.apply_undo(step.undo);
                }
            }
        }
        Outcome::default()
    }
}

impl Codebook {
    /// Adds a code after the sibling `after` (if it is one), else last.
    fn insert(&mut self, code: Code, after: Option<CodeId>) {
        let at = match after.and_then(|a| self.codes.iter().position(|c| c.id == a)) {
            Some(i) => i + 1,
            None => self.codes.len(),
        };
        self.codes.insert(at, code);
    }

    fn update(&mut self, code: Code) {
        let moved = self
            .get(code.id)
            .is_some_and(|old| old.parent != code.parent);
        if moved {
            // A moved code goes last among its new siblings.
            self.codes.retain(|c| c.id != code.id);
            self.codes.push(code);
        } else if let Some(existing) = self.get_mut(code.id) {
            *existing = code;
        }
    }

    fn remember(&mut self, signed: Option<Signed>, undo: UndoStep) {
        let Some(Signed { at, by }) = signed else {
            return;
        };
        self.history.push(Step { at, by, undo });
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }

    fn apply_undo(&mut self, undo: UndoStep) {
        match undo {
            UndoStep::Retire { id } => self.codes.retain(|c| c.id != id),
            UndoStep::Update { code } => self.update(code),
            UndoStep::Restore { id } => {
                let Some(at) = self.retired.iter().rposition(|r| r.code.id == id) else {
                    return;
                };
                let record = self.retired.remove(at);
                let parent = record.code.parent;
                match record.after {
                    // It was the first of its siblings: before the first one now.
                    None => {
                        let first = self.codes.iter().position(|c| c.parent == parent);
                        self.codes
                            .insert(first.unwrap_or(self.codes.len()), record.code);
                    }
                    Some(a) => {
                        let after =
                            Some(a).filter(|a| self.get(*a).is_some_and(|s| s.parent == parent));
                        self.insert(record.code, after);
                    }
                }
            }
        }
    }

    fn check_undo(&self, undo: &UndoStep) -> Result<(), ChangeError> {
        match undo {
            UndoStep::Retire { id } => self.check_leaf(*id),
            UndoStep::Update { code } => self.check_update(code),
            UndoStep::Restore { id } => {
                let Some(record) = self.retired(*id) else {
                    return Err(ChangeError(format!("no record of code {id}")));
                };
                if self.contains(*id) {
                    return Err(ChangeError(format!("code {id} already exists")));
                }
                self.check_fields(&record.code)
            }
        }
    }

    fn check_update(&self, code: &Code) -> Result<(), ChangeError> {
        if !self.contains(code.id) {
            return Err(ChangeError(format!("no code {}", code.id)));
        }
        if let Some(parent) = code.parent
            && self.is_within(parent, code.id)
        {
            return Err(ChangeError(format!(
                "cannot move \"{}\" under itself or one of its descendants",
                code.name
            )));
        }
        self.check_fields(code)
    }

    /// A code of the tree without sub-codes: one that can leave it.
    fn check_leaf(&self, id: CodeId) -> Result<(), ChangeError> {
        let Some(code) = self.get(id) else {
            return Err(ChangeError(format!("no code {id}")));
        };
        if self.children(Some(id)).next().is_some() {
            return Err(ChangeError(format!(
                "\"{}\" has sub-codes: move or delete them first",
                code.name
            )));
        }
        Ok(())
    }

    /// The sibling before a code, if any.
    pub fn previous_sibling(&self, id: CodeId) -> Option<CodeId> {
        let parent = self.get(id)?.parent;
        let siblings: Vec<CodeId> = self.children(parent).map(|c| c.id).collect();
        let at = siblings.iter().position(|c| *c == id)?;
        at.checked_sub(1).map(|i| siblings[i])
    }

    /// Checks a code's own fields and its place: a known parent, a slug free among siblings.
    fn check_fields(&self, code: &Code) -> Result<(), ChangeError> {
        validate::check_key(&code.slug).map_err(ChangeError)?;
        if code.name.trim().is_empty() {
            return Err(ChangeError::new("a code needs a name"));
        }
        if let Some(parent) = code.parent
            && !self.contains(parent)
        {
            return Err(ChangeError(format!("parent code {parent} does not exist")));
        }
        let clash = self
            .children(code.parent)
            .find(|c| c.id != code.id && c.slug == code.slug);
        if let Some(other) = clash {
            return Err(ChangeError(format!(
                "the path \"{}\" is already used by \"{}\"",
                self.path(other.id).unwrap_or_default(),
                other.name
            )));
        }
        if !validate::is_colour(&code.colour) {
            return Err(ChangeError(format!(
                "colour \"{}\" is not of the form #rrggbb",
                code.colour
            )));
        }
        Ok(())
    }
}

/// Replaces a definition file whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Replace<T> {
    Replace { with: T },
}

macro_rules! replaced_whole {
    ($doc:ty, $validate:path) => {
        impl Document for $doc {
            type Change = Replace<$doc>;
            type Context = ();

            fn revision(&self) -> u64 {
                self.revision
            }

            fn set_revision(&mut self, revision: u64) {
                self.revision = revision;
            }

            fn check(&self, change: &Replace<$doc>, _: &()) -> Result<(), ChangeError> {
                let Replace::Replace { with } = change;
                match $validate(with).first() {
                    Some(problem) => Err(ChangeError(problem.to_string())),
                    None => Ok(()),
                }
            }

            fn apply(&mut self, change: &Replace<$doc>) -> Outcome {
                let Replace::Replace { with } = change;
                let revision = self.revision;
                *self = with.clone();
                self.revision = revision;
                Outcome::default()
            }
        }
    };
}

replaced_whole!(Grid, validate::validate_grid);
replaced_whole!(StudyMeta, validate::validate_meta);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::{code, sample};

    fn signed() -> Option<Signed> {
        Some(Signed {
            at: crate::study::Time::parse_from_rfc3339("2021-09-14T10:32:00+02:00").unwrap(),
            by: "Camille".into(),
        })
    }

    fn apply(book: &mut Codebook, change: CodebookChange) {
        book.check(&change, &()).unwrap();
        book.apply(&change);
    }

    fn slugs(book: &Codebook) -> Vec<String> {
        book.tree()
            .iter()
            .map(|(_, c)| book.path(c.id).unwrap())
            .collect()
    }

    fn id(book: &Codebook, path: &str) -> CodeId {
        book.by_path(path).unwrap().id
    }

    #[test]
    fn a_code_goes_after_its_sibling_and_a_taken_path_is_refused() {
        let mut book = sample();
        let p = id(&book, "proxenetisme");
        let new = code("reseaux", Some(p));
        let after = Some(id(&book, "proxenetisme/conjugal"));
        apply(
            &mut book,
            CodebookChange::AddCode {
                code: new,
                after,
                signed: signed(),
            },
        );
        assert_eq!(
            slugs(&book)[..4],
            [
                "proxenetisme",
                "proxenetisme/conjugal",
                "proxenetisme/reseaux",
                "proxenetisme/hotelier"
            ]
        );
        let clash = code("conjugal", Some(p));
        let err = book.check(
            &CodebookChange::AddCode {
                code: clash,
                after: None,
                signed: None,
            },
            &(),
        );
        assert!(err.unwrap_err().to_string().contains("already used by"));
        let mut bad = code("x", None);
        bad.colour = "#zzz".into();
        assert!(
            book.check(
                &CodebookChange::AddCode {
                    code: bad,
                    after: None,
                    signed: None
                },
                &()
            )
            .is_err()
        );
        let not_sibling = CodebookChange::AddCode {
            code: code("y", None),
            after: Some(id(&book, "lieux/hotel")),
            signed: None,
        };
        assert!(
            book.check(&not_sibling, &())
                .unwrap_err()
                .to_string()
                .contains("not a sibling")
        );
    }

    #[test]
    fn a_moved_code_goes_last_under_its_new_parent_never_under_itself() {
        let mut book = sample();
        let mut conjugal = book.by_path("proxenetisme/conjugal").unwrap().clone();
        conjugal.parent = Some(id(&book, "lieux"));
        apply(
            &mut book,
            CodebookChange::UpdateCode {
                code: conjugal,
                signed: signed(),
            },
        );
        assert_eq!(slugs(&book).last().unwrap(), "lieux/conjugal");
        let mut parent = book.by_path("lieux").unwrap().clone();
        parent.parent = Some(id(&book, "lieux/hotel"));
        let err = book.check(
            &CodebookChange::UpdateCode {
                code: parent,
                signed: None,
            },
            &(),
        );
        assert!(err.unwrap_err().to_string().contains("under itself"));
    }

    #[test]
    fn a_merge_leaves_a_record_and_its_undo_puts_the_code_back_in_its_place() {
        let mut book = sample();
        let before = slugs(&book);
        let (conjugal, hotel) = (id(&book, "proxenetisme/conjugal"), id(&book, "lieux/hotel"));
        let merge = CodebookChange::RetireCode {
            id: conjugal,
            into: Some(hotel),
            signed: signed().unwrap(),
        };
        apply(&mut book, merge);
        assert!(book.get(conjugal).is_none());
        let record = book.retired(conjugal).unwrap();
        assert_eq!(
            (record.path.as_str(), record.into, record.by.as_str()),
            ("proxenetisme/conjugal", Some(hotel), "Camille")
        );
        assert_eq!(book.history.len(), 1);
        apply(&mut book, CodebookChange::Undo);
        assert_eq!(
            slugs(&book),
            before,
            "back in its place, first under its parent"
        );
        assert!(book.retired.is_empty() && book.history.is_empty());
        assert!(
            book.check(&CodebookChange::Undo, &())
                .unwrap_err()
                .to_string()
                .contains("nothing to undo")
        );
    }

    #[test]
    fn only_a_code_without_sub_codes_leaves_and_never_into_itself() {
        let mut book = sample();
        let p = id(&book, "proxenetisme");
        let has_children = CodebookChange::RetireCode {
            id: p,
            into: None,
            signed: signed().unwrap(),
        };
        assert!(
            book.check(&has_children, &())
                .unwrap_err()
                .to_string()
                .contains("has sub-codes")
        );
        let h = id(&book, "lieux/hotel");
        let itself = CodebookChange::RetireCode {
            id: h,
            into: Some(h),
            signed: signed().unwrap(),
        };
        assert!(
            book.check(&itself, &())
                .unwrap_err()
                .to_string()
                .contains("into itself")
        );
        let gone = CodebookChange::RetireCode {
            id: h,
            into: Some(CodeId::new()),
            signed: signed().unwrap(),
        };
        assert!(book.check(&gone, &()).is_err());
        // A restore is refused when its path was taken meanwhile.
        apply(
            &mut book,
            CodebookChange::RetireCode {
                id: h,
                into: None,
                signed: signed().unwrap(),
            },
        );
        let l = id(&book, "lieux");
        apply(
            &mut book,
            CodebookChange::AddCode {
                code: code("hotel", Some(l)),
                after: None,
                signed: None,
            },
        );
        assert!(
            book.check(&CodebookChange::Undo, &())
                .unwrap_err()
                .to_string()
                .contains("already used")
        );
    }

    #[test]
    fn undo_takes_back_an_addition_and_a_rename_in_order() {
        let mut book = sample();
        let before = book.clone();
        let new = code("emprise", None);
        let new_id = new.id;
        apply(
            &mut book,
            CodebookChange::AddCode {
                code: new,
                after: None,
                signed: signed(),
            },
        );
        let mut renamed = book.by_path("lieux").unwrap().clone();
        renamed.name = "Lieux et formes".into();
        apply(
            &mut book,
            CodebookChange::UpdateCode {
                code: renamed,
                signed: signed(),
            },
        );
        apply(&mut book, CodebookChange::Undo);
        assert_eq!(book.by_path("lieux").unwrap().name, "LIEUX");
        apply(&mut book, CodebookChange::Undo);
        assert!(book.get(new_id).is_none());
        assert_eq!(book.codes, before.codes);
        // Changes written by earlier versions, or by an undo itself, are not remembered.
        apply(
            &mut book,
            CodebookChange::AddCode {
                code: code("z", None),
                after: None,
                signed: None,
            },
        );
        assert!(book.history.is_empty());
    }

    #[test]
    fn the_history_keeps_the_last_hundred_operations() {
        let mut book = sample();
        let mut code_ = book.by_path("lieux").unwrap().clone();
        for i in 0..(HISTORY + 5) {
            code_.name = format!("Lieux {i}");
            apply(
                &mut book,
                CodebookChange::UpdateCode {
                    code: code_.clone(),
                    signed: signed(),
                },
            );
        }
        assert_eq!(book.history.len(), HISTORY);
        let UndoStep::Update { code: oldest } = &book.history[0].undo else {
            panic!()
        };
        assert_eq!(oldest.name, "Lieux 4");
    }
}
