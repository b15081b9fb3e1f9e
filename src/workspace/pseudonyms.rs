//! Pseudonymisation across the study: replacing every accepted original in every session, and
//! undoing the last replacements. The key table is saved with what will be replaced *before*
//! any session changes, so that a crash midway can still be undone (what was not replaced is
//! simply not found again).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{SessionAccess, Workspace};
use crate::store::SessionWriter;
use crate::store::StoreError;
use crate::store::pseudonym_keys as keys;
use crate::study::pseudonym::{self, Batch, Done, KEYS_FORMAT, KeyTable, fields};
use crate::study::{SessionId, stamp};

fn now() -> crate::study::Time {
    stamp(chrono::Local::now().fixed_offset())
}

/// What a replacement or an undo did.
#[derive(Debug, Default, PartialEq)]
pub struct Replaced {
    /// Replacements made (or undone).
    pub count: usize,
    pub sessions: usize,
    /// Sessions another process was writing: left as they were (run again later).
    pub busy: Vec<String>,
    /// Undo: pseudonyms no longer found where they were (the text was edited since).
    pub lost: Vec<Done>,
    /// The search index on disk was rebuilt so that the replaced words leave it (a plain
    /// study); an encrypted study's index is never on disk.
    pub index_rebuilt: bool,
}

/// Why the key table cannot be used: nothing was done.
#[derive(Debug, thiserror::Error)]
pub enum KeysError {
    #[error("the key table must not be inside the study folder: {0}")]
    InStudy(PathBuf),
    #[error("key table unreadable, {0}: {1}")]
    Unreadable(PathBuf, String),
    #[error("{0} is the key table of another study")]
    OtherStudy(PathBuf),
}

impl KeysError {
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        let p = t.privacy;
        let show = |path: &Path| path.display().to_string();
        match self {
            KeysError::InStudy(path) => (p.keys_in_study)(&show(path)),
            KeysError::Unreadable(path, why) => (p.keys_unreadable)(&show(path), why),
            KeysError::OtherStudy(path) => (p.keys_other_study)(&show(path)),
        }
    }
}

impl Workspace {
    /// The key table's file: `given`, else the one set for this workspace, else the default
    /// one in grille's data folder; never inside the study folder.
    pub fn key_table_path(&self, given: Option<PathBuf>) -> Result<PathBuf, KeysError> {
        let path = given
            .or_else(|| self.pseudonym_keys.clone())
            .or_else(|| keys::default_path(self.study.meta.id))
            .ok_or_else(|| KeysError::InStudy("?".into()))?;
        // Where it would be written, as the disk resolves it (links, `..`), from the nearest
        // folder that exists.
        let folder = std::path::absolute(&path)
            .ok()
            .and_then(|a| a.ancestors().skip(1).find_map(|d| d.canonicalize().ok()));
        let root = self.dir.root().canonicalize().ok();
        if let (Some(folder), Some(root)) = (folder, root)
            && folder.starts_with(&root)
        {
            return Err(KeysError::InStudy(path));
        }
        Ok(path)
    }

    /// The key table at `path`, read with the study's key; a new one when there is none yet.
    /// One of another format or another study is refused.
    pub fn key_table(&self, path: &Path, t: &crate::i18n::Texts) -> Result<KeyTable, KeysError> {
        let table = keys::load(path, self.study.meta.id, self.dir.paths().codec())
            .map_err(|e: StoreError| KeysError::Unreadable(path.into(), e.message(t)))?;
        if table.format != KEYS_FORMAT {
            return Err(KeysError::Unreadable(path.into(), table.format));
        }
        if table.study != self.study.meta.id {
            return Err(KeysError::OtherStudy(path.into()));
        }
        Ok(table)
    }

    /// Saves the analyst's decisions (accepted, rejected, the lists) without replacing yet.
    pub fn save_key_table(&self, table: &KeyTable, path: &Path) -> Result<()> {
        keys::save(path, table, self.dir.paths().codec())?;
        Ok(())
    }

    /// Replaces every accepted original wherever it appears, saves the key table at `keys`,
    /// then rebuilds the search index so that the replaced words leave it too. One session is
    /// open at a time; the table is saved with what is planned before the first change and
    /// with what was done after the last.
    pub fn pseudonymize(&self, table: &mut KeyTable, keys_file: &Path) -> Result<Replaced> {
        let (sessions, _) = self.sessions()?;
        let planned: Vec<SessionId> = sessions
            .iter()
            .filter(|s| !pseudonym::replacements(s, table).is_empty())
            .map(|s| s.id)
            .collect();
        let mut result = Replaced::default();
        if planned.is_empty() {
            keys::save(keys_file, table, self.dir.paths().codec())?;
            return Ok(result);
        }
        let mut batch = Batch {
            at: now(),
            replacements: sessions
                .iter()
                .filter(|s| planned.contains(&s.id))
                .flat_map(|s| pseudonym::replacements(s, table))
                .flat_map(|(_, _, done)| done)
                .collect(),
        };
        table.applied.push(batch.clone());
        keys::save(keys_file, table, self.dir.paths().codec())?;
        batch.replacements.clear();
        for id in planned {
            let Some(mut writer) = self.writer(id, &mut result.busy)? else {
                continue;
            };
            // Read again under the lock: what is replaced is what the file holds now.
            let found = pseudonym::replacements(writer.doc(), table);
            if found.is_empty() {
                continue;
            }
            for (field, spans, done) in found {
                let Some(change) = fields::change(writer.doc(), field, spans) else {
                    continue;
                };
                writer.apply(change, &self.study)?;
                batch.replacements.extend(done);
            }
            writer.checkpoint()?;
            result.sessions += 1;
        }
        result.count = batch.replacements.len();
        table.applied.pop();
        if !batch.replacements.is_empty() {
            table.applied.push(batch);
        }
        keys::save(keys_file, table, self.dir.paths().codec())?;
        result.index_rebuilt = self.forget_old_words()?;
        Ok(result)
    }

    /// Puts back the originals of the last replacements, marks them unreviewed again and saves
    /// the key table. `None` when nothing was replaced.
    pub fn undo_pseudonyms(
        &self,
        table: &mut KeyTable,
        keys_file: &Path,
    ) -> Result<Option<Replaced>> {
        let Some(batch) = table.applied.last().cloned() else {
            return Ok(None);
        };
        let mut result = Replaced::default();
        let mut by_session: BTreeMap<SessionId, Vec<&Done>> = BTreeMap::new();
        for d in &batch.replacements {
            by_session.entry(d.session).or_default().push(d);
        }
        let mut work = Vec::new();
        for (id, done) in by_session {
            let Some(writer) = self.writer(id, &mut result.busy)? else {
                continue;
            };
            let mut changes = Vec::new();
            let mut by_field: BTreeMap<_, Vec<&Done>> = BTreeMap::new();
            for d in done {
                by_field.entry(d.field).or_default().push(d);
            }
            for (field, done) in by_field {
                let Some(current) = fields::text(writer.doc(), field) else {
                    result.lost.extend(done.into_iter().cloned());
                    continue;
                };
                let (spans, lost) = pseudonym::undo_spans(current, &done);
                result.lost.extend(lost.into_iter().cloned());
                if spans.is_empty() {
                    continue;
                }
                result.count += spans.len();
                changes.extend(fields::change(writer.doc(), field, spans));
            }
            work.push((writer, changes));
        }
        if !result.busy.is_empty() {
            // All or nothing: the batch stays for an undo once those sessions are free.
            return Ok(Some(result));
        }
        for (mut writer, changes) in work {
            if changes.is_empty() {
                continue;
            }
            result.sessions += 1;
            for change in changes {
                writer.apply(change, &self.study)?;
            }
            writer.checkpoint()?;
        }
        table.applied.pop();
        for d in &batch.replacements {
            for e in table
                .entries
                .iter_mut()
                .filter(|e| e.pseudonym == d.pseudonym)
            {
                e.accepted = false;
            }
        }
        keys::save(keys_file, table, self.dir.paths().codec())?;
        result.index_rebuilt = self.forget_old_words()?;
        Ok(Some(result))
    }

    /// The session for writing, or `None` (its pseudonym noted) when another process writes it.
    fn writer(&self, id: SessionId, busy: &mut Vec<String>) -> Result<Option<SessionWriter>> {
        Ok(match self.open_session(id)?.0 {
            SessionAccess::Write(writer) => Some(writer),
            SessionAccess::ReadOnly(s) => {
                busy.push(s.respondent.pseudonym);
                None
            }
        })
    }

    /// Rebuilds the search index on disk from the sessions as they are now: an index only
    /// caught up would keep the replaced words in segments it has not merged yet. Returns
    /// whether it did. An encrypted study's index is never on disk: it is built in memory from
    /// the sessions at each opening, and an open one (the interface's) catches up with the
    /// sessions changed here before its next search, as after any change; a rebuild here would
    /// only be thrown away.
    fn forget_old_words(&self) -> Result<bool> {
        if self.dir.is_encrypted() {
            return Ok(false);
        }
        let mut index = self.open_index(&mut crate::index::Silent)?;
        if index.opened().rebuilt.is_none() {
            index.rebuild(&mut crate::index::Silent)?;
        }
        Ok(true)
    }
}
