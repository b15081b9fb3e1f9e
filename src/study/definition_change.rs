//! Changes to the study's definition files: the codebook (edited code by code during analysis),
//! the grid and `study.json` (replaced whole: they are edited rarely, between sessions).

use serde::{Deserialize, Serialize};

use super::codebook::{Code, Codebook};
use super::document::{ChangeError, Document, Outcome};
use super::grid::Grid;
use super::ids::CodeId;
use super::meta::StudyMeta;
use super::validate;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum CodebookChange {
    /// Adds a code after the sibling `after`, or last among its siblings.
    AddCode {
        code: Code,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<CodeId>,
    },
    /// Replaces a code's fields, parent included (a rename, a recolour, a move). The id stays.
    UpdateCode { code: Code },
    /// Removes a code without children. Codings using it must be moved or removed first.
    RemoveCode { id: CodeId },
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
            CodebookChange::AddCode { code, after } => {
                if self.contains(code.id) {
                    return Err(ChangeError(format!("code {} already exists", code.id)));
                }
                if let Some(after) = after
                    && self.get(*after).is_none_or(|a| a.parent != code.parent)
                {
                    return Err(ChangeError(format!("code {after} is not a sibling")));
                }
                self.check_fields(code)
            }
            CodebookChange::UpdateCode { code } => {
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
            CodebookChange::RemoveCode { id } => {
                let Some(code) = self.get(*id) else {
                    return Err(ChangeError(format!("no code {id}")));
                };
                if self.children(Some(*id)).next().is_some() {
                    return Err(ChangeError(format!(
                        "\"{}\" has sub-codes: move or delete them first",
                        code.name
                    )));
                }
                Ok(())
            }
        }
    }

    fn apply(&mut self, change: &CodebookChange) -> Outcome {
        match change.clone() {
            CodebookChange::AddCode { code, after } => {
                let at = match after.and_then(|a| self.codes.iter().position(|c| c.id == a)) {
                    Some(i) => i + 1,
                    None => self.codes.len(),
                };
                self.codes.insert(at, code);
            }
            CodebookChange::UpdateCode { code } => {
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
            CodebookChange::RemoveCode { id } => self.codes.retain(|c| c.id != id),
        }
        Outcome::default()
    }
}

impl Codebook {
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
