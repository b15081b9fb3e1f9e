//! Edits of the codebook, some of which reach into every session: a merge moves codings, a
//! delete of a code in use moves or removes them. Each edit returns the edit that undoes it.
//!
//! Sessions are changed first and the codebook last, so that a crash half-way leaves a sound
//! study (some codings already moved, the old code still there), never codings pointing at a
//! code that no longer exists. Every session to change is locked before anything is written: if
//! another process writes one of them, nothing is done.

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::{Result, anyhow, bail};

use super::Workspace;
use crate::store::SessionWriter;
use crate::study::{
    Code, CodeId, Codebook, CodebookChange, Coding, CodingId, Document, SessionChange, SessionId,
};

#[derive(Clone, Debug, PartialEq)]
pub enum CodebookEdit {
    /// A new code, after the sibling `after` (or last).
    Add { code: Code, after: Option<CodeId> },
    /// New fields for a code: rename, recolour, describe, move under another parent.
    Update { code: Code },
    /// Removes a code no coding uses.
    Remove { id: CodeId },
    /// Moves every coding of `from` to `into`, then removes `from`.
    Merge { from: CodeId, into: CodeId },
    /// Removes a code in use: its codings move to `move_to`, or are removed with it.
    Delete { id: CodeId, move_to: Option<CodeId> },
    /// Brings back a merged or deleted code with its codings (the undo of those two).
    Restore {
        code: Code,
        after: Option<CodeId>,
        recoded: BTreeMap<SessionId, Vec<CodingId>>,
        removed: BTreeMap<SessionId, Vec<Coding>>,
    },
}

impl Workspace {
    /// Applies an edit to the codebook (and to the sessions it reaches); returns the edit that
    /// undoes it, if there is one.
    pub fn edit_codebook(&mut self, edit: CodebookEdit) -> Result<Option<CodebookEdit>> {
        let book = self.study.codebook.clone();
        let undo = match edit {
            CodebookEdit::Add { code, after } => {
                let id = code.id;
                self.change_codebook(CodebookChange::AddCode { code, after })?;
                Some(CodebookEdit::Remove { id })
            }
            CodebookEdit::Update { code } => {
                let old = book
                    .get(code.id)
                    .cloned()
                    .ok_or_else(|| anyhow!("no code {}", code.id))?;
                self.change_codebook(CodebookChange::UpdateCode { code })?;
                Some(CodebookEdit::Update { code: old })
            }
            CodebookEdit::Remove { id } => {
                let old = existing(&book, id)?;
                let used = self.codings_of(id)?;
                let count: usize = used.values().map(Vec::len).sum();
                if count > 0 {
                    bail!(
                        "\"{}\" is used by {count} coding(s): merge it, or delete it moving or removing them",
                        old.name
                    );
                }
                let after = previous_sibling(&book, id);
                self.change_codebook(CodebookChange::RemoveCode { id })?;
                Some(CodebookEdit::Add { code: old, after })
            }
            CodebookEdit::Merge { from, into } => Some(self.merge(&book, from, into)?),
            CodebookEdit::Delete {
                id,
                move_to: Some(into),
            } => Some(self.merge(&book, id, into)?),
            CodebookEdit::Delete { id, move_to: None } => {
                Some(self.delete_with_codings(&book, id)?)
            }
            CodebookEdit::Restore {
                code,
                after,
                recoded,
                removed,
            } => {
                self.restore(code, after, recoded, removed)?;
                None
            }
        };
        Ok(undo)
    }

    fn merge(&mut self, book: &Codebook, from: CodeId, into: CodeId) -> Result<CodebookEdit> {
        let old = existing(book, from)?;
        let target = existing(book, into)?;
        if from == into || book.is_within(into, from) {
            bail!(
                "cannot merge \"{}\" into itself or one of its sub-codes",
                old.name
            );
        }
        // Checked now, so that no session is touched for a merge that cannot end.
        book.check(&CodebookChange::RemoveCode { id: from }, &())
            .map_err(|e| anyhow!("{e}"))?;
        let used = self.codings_of(from)?;
        let recoded: BTreeMap<SessionId, Vec<CodingId>> = used
            .into_iter()
            .map(|(s, codings)| (s, codings.iter().map(|c| c.id).collect()))
            .collect();
        let changes = recoded
            .iter()
            .map(|(s, ids)| {
                (
                    *s,
                    vec![SessionChange::Recode {
                        codings: ids.clone(),
                        to: target.id,
                    }],
                )
            })
            .collect();
        self.change_sessions(changes)?;
        let after = previous_sibling(book, from);
        self.change_codebook(CodebookChange::RemoveCode { id: from })?;
        Ok(CodebookEdit::Restore {
            code: old,
            after,
            recoded,
            removed: BTreeMap::new(),
        })
    }

    fn delete_with_codings(&mut self, book: &Codebook, id: CodeId) -> Result<CodebookEdit> {
        let old = existing(book, id)?;
        book.check(&CodebookChange::RemoveCode { id }, &())
            .map_err(|e| anyhow!("{e}"))?;
        let removed = self.codings_of(id)?;
        let changes = removed
            .keys()
            .map(|s| (*s, vec![SessionChange::RemoveCodingsOf { code: id }]))
            .collect();
        self.change_sessions(changes)?;
        let after = previous_sibling(book, id);
        self.change_codebook(CodebookChange::RemoveCode { id })?;
        Ok(CodebookEdit::Restore {
            code: old,
            after,
            recoded: BTreeMap::new(),
            removed,
        })
    }

    fn restore(
        &mut self,
        code: Code,
        after: Option<CodeId>,
        recoded: BTreeMap<SessionId, Vec<CodingId>>,
        removed: BTreeMap<SessionId, Vec<Coding>>,
    ) -> Result<()> {
        let id = code.id;
        // The code first: the codings coming back point at it.
        let after = after.filter(|a| {
            self.study
                .codebook
                .get(*a)
                .is_some_and(|s| s.parent == code.parent)
        });
        // What changed since the edit is left as it is: a coding removed meanwhile is not
        // recoded, one whose segment is gone or taken is not brought back.
        let (sessions, _) = self.sessions()?;
        let now: BTreeMap<SessionId, &crate::study::Session> =
            sessions.iter().map(|s| (s.id, s)).collect();
        let mut changes: BTreeMap<SessionId, Vec<SessionChange>> = BTreeMap::new();
        for (session, codings) in recoded {
            let Some(current) = now.get(&session) else {
                continue;
            };
            let codings: Vec<CodingId> = codings
                .into_iter()
                .filter(|c| current.coding(*c).is_some())
                .collect();
            if !codings.is_empty() {
                changes
                    .entry(session)
                    .or_default()
                    .push(SessionChange::Recode { codings, to: id });
            }
        }
        for (session, codings) in removed {
            let Some(current) = now.get(&session) else {
                continue;
            };
            let back = codings.into_iter().filter(|c| {
                current.coding(c.id).is_none()
                    && current.segment(c.segment).is_some_and(|seg| {
                        crate::study::validate::check_span(&seg.text, c.start, c.end).is_ok()
                    })
            });
            changes
                .entry(session)
                .or_default()
                .extend(back.map(|coding| SessionChange::AddCoding { coding }));
        }
        self.change_codebook(CodebookChange::AddCode { code, after })?;
        self.change_sessions(changes)
    }

    /// Every coding of a code, per session (the current session as this process holds it).
    fn codings_of(&self, code: CodeId) -> Result<BTreeMap<SessionId, Vec<Coding>>> {
        let (sessions, unreadable) = self.sessions()?;
        if let Some(u) = unreadable.first() {
            bail!("cannot change the codings of every session: {}", u.error);
        }
        Ok(sessions
            .into_iter()
            .map(|s| {
                (
                    s.id,
                    s.codings
                        .into_iter()
                        .filter(|c| c.code == code)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, codings)| !codings.is_empty())
            .collect())
    }

    /// Applies changes to several sessions: all of them are locked first, so that either every
    /// session can be written or none is touched.
    fn change_sessions(&mut self, changes: BTreeMap<SessionId, Vec<SessionChange>>) -> Result<()> {
        let current = self.current().map(|s| s.id);
        let mut writers: Vec<(SessionWriter, Vec<SessionChange>)> = Vec::new();
        let mut for_current = Vec::new();
        for (id, list) in changes {
            if Some(id) == current {
                for_current = list;
            } else {
                let (writer, _) = self.dir.open_session(id, &self.study)?;
                writers.push((writer, list));
            }
        }
        for change in for_current {
            self.record(change)?;
        }
        for (mut writer, list) in writers {
            for change in list {
                writer.apply(change, &self.study)?;
            }
        }
        Ok(())
    }

    fn change_codebook(&mut self, change: CodebookChange) -> Result<()> {
        let (mut writer, _) = self.dir.open_codebook()?;
        writer.apply(change, &())?;
        Arc::make_mut(&mut self.study).codebook = writer.doc().clone();
        Ok(())
    }
}

fn existing(book: &Codebook, id: CodeId) -> Result<Code> {
    book.get(id)
        .cloned()
        .ok_or_else(|| anyhow!("no code {id} in the codebook"))
}

fn previous_sibling(book: &Codebook, id: CodeId) -> Option<CodeId> {
    let parent = book.get(id)?.parent;
    let siblings: Vec<CodeId> = book.children(parent).map(|c| c.id).collect();
    let at = siblings.iter().position(|c| *c == id)?;
    at.checked_sub(1).map(|i| siblings[i])
}
