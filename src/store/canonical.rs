//! A study folder in the form grille itself writes, and nothing else: every file read through
//! the real types (journals replayed, rules checked) and written back by the serializer, with
//! `revision` 0 and no journal, lock or index. This is how the built-in template under
//! `templates/` stays a real study that cannot drift from the model: it is edited with grille
//! (or by hand), then brought back into this form by `grille dev template`, and a test fails
//! while it is not.

use std::path::{Path, PathBuf};

use super::error::{IoContext, Result};
use super::journaled::{self, DocPaths};
use super::lock::Lock;
use super::study_dir::StudyDir;
use super::{fs, json};
use crate::study::{Codebook, Document, Grid, Session, StudyMeta};

/// What bringing a folder into canonical form found (and, when writing, did).
#[derive(Debug, Default)]
pub struct Canonical {
    /// Files whose bytes are not (or were not) the canonical form of their content.
    pub rewritten: Vec<PathBuf>,
    /// Journals, locks and index folders that are not (or no longer) there.
    pub removed: Vec<PathBuf>,
    /// Files grille does not know: reported, never touched.
    pub strays: Vec<PathBuf>,
}

impl Canonical {
    /// Whether the folder was already in canonical form.
    pub fn was_canonical(&self) -> bool {
        self.rewritten.is_empty() && self.removed.is_empty() && self.strays.is_empty()
    }
}

/// Whether to change the folder or only say what would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Check,
    Write,
}

/// Brings the study at `dir` into canonical form, or (with [`Mode::Check`]) says what is not.
/// The definition and every session must load and pass the study's rules, else nothing is
/// written; each file is rewritten under its lock, so a grille still editing it is refused.
pub fn canonicalize(dir: &StudyDir, mode: Mode) -> Result<Canonical> {
    // The template is plain JSON: an encrypted study is never rewritten in clear here.
    if dir.is_encrypted() {
        return Err(super::error::StoreError::AlreadyThere {
            path: dir.root().to_path_buf(),
            encrypted: true,
        });
    }
    let study = dir.load_study()?;
    let mut sessions = Vec::new();
    for id in dir.session_ids()? {
        // Checked against the study before anything is written.
        dir.load_session(id, &study)?;
        sessions.push(dir.paths().session(id));
    }
    let mut found = Canonical::default();
    let paths = dir.paths();
    tidy::<StudyMeta>(&paths.meta(), &(), mode, &mut found)?;
    tidy::<Grid>(&paths.grid(), &(), mode, &mut found)?;
    tidy::<Codebook>(&paths.codebook(), &(), mode, &mut found)?;
    for session in &sessions {
        tidy::<Session>(session, &study, mode, &mut found)?;
    }
    let index = paths.index_dir();
    if index.exists() {
        if mode == Mode::Write {
            std::fs::remove_dir_all(&index).at(&index)?;
        }
        found.removed.push(index);
    }
    found.strays = strays(dir, &sessions)?;
    Ok(found)
}

/// One document: its journal folded in, `revision` 0, written as the serializer writes it.
fn tidy<D: Document>(
    paths: &DocPaths,
    context: &D::Context,
    mode: Mode,
    found: &mut Canonical,
) -> Result<()> {
    let had_lock = paths.lock.exists();
    let lock = match mode {
        Mode::Write => Some(Lock::acquire(&paths.lock, &paths.file)?),
        Mode::Check => None,
    };
    let mut doc: D = journaled::load(paths, context)?.doc;
    doc.set_revision(0);
    let canonical = json::to_pretty(&doc);
    let bytes = std::fs::read(&paths.file).at(&paths.file)?;
    if bytes != canonical.as_bytes() {
        if mode == Mode::Write {
            fs::write_atomic(&paths.file, canonical.as_bytes())?;
        }
        found.rewritten.push(paths.file.clone());
    }
    if paths.journal.exists() {
        if mode == Mode::Write {
            std::fs::remove_file(&paths.journal).at(&paths.journal)?;
        }
        found.removed.push(paths.journal.clone());
    }
    if had_lock {
        found.removed.push(paths.lock.clone());
    }
    if lock.is_some() {
        // Removed while held: no other grille can have taken it in between.
        std::fs::remove_file(&paths.lock).at(&paths.lock)?;
    }
    Ok(())
}

/// Every file of the folder that is not one of the study's documents (or their journals and
/// locks, or the index).
fn strays(dir: &StudyDir, sessions: &[DocPaths]) -> Result<Vec<PathBuf>> {
    let paths = dir.paths();
    let mut known: Vec<PathBuf> = vec![paths.sessions_dir(), paths.index_dir()];
    for doc in [paths.meta(), paths.grid(), paths.codebook()]
        .iter()
        .chain(sessions)
    {
        known.extend([doc.file.clone(), doc.journal.clone(), doc.lock.clone()]);
    }
    let mut strays = Vec::new();
    for folder in [paths.root(), &paths.sessions_dir()] {
        strays.extend(unknown_in(folder, &known)?);
    }
    strays.sort();
    Ok(strays)
}

fn unknown_in(folder: &Path, known: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).at(folder),
    };
    let mut unknown = Vec::new();
    for entry in entries {
        let path = entry.at(folder)?.path();
        if !known.contains(&path) {
            unknown.push(path);
        }
    }
    Ok(unknown)
}
