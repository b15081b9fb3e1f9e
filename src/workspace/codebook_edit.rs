//! Edits of the codebook. A merge or a delete never rewrites a session: the codebook keeps a
//! record of the code that left (see [`crate::study::retired`]) and every reader follows it,
//! so each operation is one journal record of the codebook — after a crash the study is wholly
//! before or wholly after it — and its undo, kept in the codebook's history, survives a
//! restart and is shared by every process working on the study.
//!
//! Every edit works on the codebook as it is on disk, under its lock: processes that code take
//! the same lock (shared) and look at the codebook again before they write a coding, so no
//! coding of a code just deleted can slip in.

use std::collections::BTreeMap;

use super::Workspace;
use crate::store::Journaled;
use crate::study::{
    Code, CodeId, Codebook, CodebookChange, Resolution, SessionId, Signed, Study, UndoStep,
};

#[derive(Clone, Debug, PartialEq)]
pub enum CodebookEdit {
    /// A new code, after the sibling `after` (or last).
    Add { code: Code, after: Option<CodeId> },
    /// New fields for a code: rename, recolour, describe, move under another parent.
    Update { code: Code },
    /// Removes a code no coding uses.
    Remove { id: CodeId },
    /// Every coding of `from` counts under `into` from now on; `from` leaves the tree.
    Merge { from: CodeId, into: CodeId },
    /// Removes a code in use: its codings move to `move_to`, or are removed with it.
    Delete { id: CodeId, move_to: Option<CodeId> },
    /// Undoes the last edit of the codebook (by anyone, in any process).
    Undo,
}

/// Why a codebook edit was refused. Nothing was written.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("no code {0} in the codebook")]
    NoCode(CodeId),
    #[error(
        "\"{name}\" is used by {codings} coding(s) in {sessions} session(s): merge it, or delete it moving or removing them"
    )]
    InUse {
        name: String,
        codings: usize,
        sessions: usize,
    },
    #[error("cannot merge \"{0}\" into itself or one of its sub-codes")]
    IntoItself(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("{0}")]
    Refused(String),
}

impl EditError {
    /// The refusal in the user's language.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        let s = t.store;
        match self {
            EditError::NoCode(id) => (s.edit_no_code)(&id.to_string()),
            EditError::InUse {
                name,
                codings,
                sessions,
            } => (s.edit_in_use)(name, *codings, *sessions),
            EditError::IntoItself(name) => (s.edit_into_itself)(name),
            EditError::NothingToUndo => s.edit_nothing_to_undo.into(),
            EditError::Refused(text) => text.clone(),
        }
    }
}

/// Codings per session that count under a code.
pub type Usage = BTreeMap<SessionId, usize>;

impl Workspace {
    /// Applies an edit to the codebook on disk and takes the result in.
    pub fn edit_codebook(&mut self, edit: CodebookEdit) -> anyhow::Result<()> {
        let (mut writer, _) = self.dir.open_codebook()?;
        let book = writer.doc().clone();
        let signature = self.signature();
        let signed = Some(signature.clone());
        let change = match edit {
            CodebookEdit::Add { code, after } => CodebookChange::AddCode {
                code,
                after,
                signed,
            },
            CodebookEdit::Update { code } => {
                existing(&book, code.id)?;
                CodebookChange::UpdateCode { code, signed }
            }
            CodebookEdit::Remove { id } => {
                self.refuse_if_used(&book, id)?;
                retire(id, None, signature)
            }
            CodebookEdit::Merge { from, into }
            | CodebookEdit::Delete {
                id: from,
                move_to: Some(into),
            } => {
                let old = existing(&book, from)?;
                existing(&book, into)?;
                if from == into || book.is_within(into, from) {
                    return Err(EditError::IntoItself(old.name).into());
                }
                retire(from, Some(into), signature)
            }
            CodebookEdit::Delete { id, move_to: None } => {
                existing(&book, id)?;
                retire(id, None, signature)
            }
            CodebookEdit::Undo => {
                let Some(step) = book.history.last() else {
                    return Err(EditError::NothingToUndo.into());
                };
                // Taking out a code added since would leave its codings without a code.
                if let UndoStep::Retire { id } = step.undo {
                    self.refuse_if_used(&book, id)?;
                }
                CodebookChange::Undo
            }
        };
        self.apply_codebook(&mut writer, change)
    }

    fn apply_codebook(
        &mut self,
        writer: &mut Journaled<Codebook>,
        change: CodebookChange,
    ) -> anyhow::Result<()> {
        writer.apply(change, &()).map_err(change_error)?;
        std::sync::Arc::make_mut(&mut self.study).codebook = writer.doc().clone();
        self.codebook_seen = self.dir.codebook_stamp();
        Ok(())
    }

    /// Who signs the codebook's history: the interviewer's name, else the system user.
    pub fn signature(&self) -> Signed {
        let by = self
            .prefs
            .interviewer
            .clone()
            .filter(|n| !n.trim().is_empty())
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_default();
        Signed {
            at: chrono::Local::now().fixed_offset(),
            by,
        }
    }

    /// How many codings count under a code (its merged codes' included), per session, as
    /// `book` reads them.
    pub fn usage(&self, book: &Codebook, code: CodeId) -> anyhow::Result<Usage> {
        let study = Study {
            codebook: book.clone(),
            ..(*self.study).clone()
        };
        let mut usage = Usage::new();
        for id in self.dir.session_ids()? {
            let raw = match self.current().filter(|s| s.id == id) {
                Some(current) => current.clone(),
                None => match self.dir.read_session(id, &study) {
                    Ok(read) => read.loaded.doc,
                    // An unreadable session is reported elsewhere; it holds nothing we can see.
                    Err(_) => continue,
                },
            };
            let n = raw
                .codings
                .iter()
                .filter(|c| match book.resolve(c.code) {
                    Resolution::Live(live) | Resolution::Merged { into: live, .. } => {
                        live.id == code
                    }
                    _ => false,
                })
                .count();
            if n > 0 {
                usage.insert(id, n);
            }
        }
        Ok(usage)
    }

    fn refuse_if_used(&self, book: &Codebook, id: CodeId) -> anyhow::Result<()> {
        let old = existing(book, id)?;
        let usage = self.usage(book, id)?;
        let codings: usize = usage.values().sum();
        if codings > 0 {
            return Err(EditError::InUse {
                name: old.name,
                codings,
                sessions: usage.len(),
            }
            .into());
        }
        Ok(())
    }
}

fn retire(id: CodeId, into: Option<CodeId>, signed: Signed) -> CodebookChange {
    CodebookChange::RetireCode { id, into, signed }
}

fn existing(book: &Codebook, id: CodeId) -> Result<Code, EditError> {
    book.get(id).cloned().ok_or(EditError::NoCode(id))
}

/// A refused change of the codebook, without the file name: the user knows which file.
/// A change refused says why in the codebook's words; the disk failing stays the study
/// folder's error (the front ends say it in the user's language).
fn change_error(e: crate::store::StoreError) -> anyhow::Error {
    match e {
        crate::store::StoreError::Change { source, .. } => anyhow::anyhow!(source.to_string()),
        other => other.into(),
    }
}
