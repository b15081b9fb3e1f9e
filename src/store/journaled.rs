//! A study file with its journal: the one way every edited file of a study is read and written.
//!
//! A change is checked, appended to the journal and fsynced, and only then applied in memory;
//! from time to time the document is folded into its file by an atomic replace and the journal
//! removed. Reading replays the journal, so a crash at any point gives back every change that was
//! acknowledged.

use std::path::{Path, PathBuf};

use super::cipher::Codec;
use super::error::{Result, StoreError};
use super::journal::{self, Torn};
use super::json;
use super::lock::Lock;
use crate::study::{Document, Outcome};

/// Changes folded into the file at the latest after this many journal records.
const CHECKPOINT_EVERY: usize = 200;

/// Where a document, its journal and its lock live.
#[derive(Clone, Debug, PartialEq)]
pub struct DocPaths {
    pub file: PathBuf,
    pub journal: PathBuf,
    pub lock: PathBuf,
    /// The study's changes mark, rewritten after every write (see [`super::stamp::StudyStamp`]):
    /// set for sessions, whose changes derived data must see.
    pub changes: Option<PathBuf>,
    /// How the document's bytes and its journal's records are written: in clear, or encrypted
    /// with the study key.
    pub codec: Codec,
}

impl DocPaths {
    /// `x.json` → `x.journal`, `x.lock` beside it.
    pub fn beside(file: PathBuf) -> Self {
        DocPaths {
            journal: file.with_extension("journal"),
            lock: file.with_extension("lock"),
            file,
            changes: None,
            codec: Codec::Plain,
        }
    }

    /// After a write to the document: marks the study changed.
    fn changed(&self) {
        if let Some(mark) = &self.changes {
            super::stamp::mark_changed(mark);
        }
    }
}

/// A document as read, with what reading it noticed.
#[derive(Debug)]
pub struct Loaded<D> {
    pub doc: D,
    /// Changes replayed from the journal (left there by a crash or by a writer still running).
    pub replayed: usize,
    /// When the last change replayed was written (the journal stamps each record).
    pub last_replayed: Option<crate::study::Time>,
    pub torn: Option<Torn>,
}

impl<D> Loaded<D> {
    /// Human-readable notes about the journal, for `grille check` and the status line.
    pub fn notes(&self, paths: &DocPaths) -> Vec<String> {
        let mut notes = Vec::new();
        if self.replayed > 0 {
            notes.push(format!(
                "{}: {} change(s) recovered from the journal",
                paths.journal.display(),
                self.replayed
            ));
        }
        if let Some(torn) = &self.torn {
            notes.push(format!(
                "{}: line {} was cut short by a crash ({} bytes) and was ignored",
                paths.journal.display(),
                torn.line,
                torn.bytes
            ));
        }
        notes
    }
}

/// Reads a document and replays its journal without writing anything.
pub fn load<D: Document>(paths: &DocPaths, context: &D::Context) -> Result<Loaded<D>> {
    // The journal is read before the file: a writer folding the journal in between is then seen
    // as a file whose revision covers the records read, never as records missing.
    let read = journal::read_with::<D::Change>(&paths.journal, &paths.codec)?;
    let bytes = paths.codec.read(&paths.file)?;
    let mut doc: D = json::parse(&paths.file, &bytes)?;
    let folded = doc.revision();
    // The next change would wrap round to 0 and be skipped on replay: damage, not data.
    if folded == u64::MAX {
        return Err(StoreError::Parse {
            file: paths.file.clone(),
            json_path: "$.revision".into(),
            line: 1,
            column: 1,
            message: format!("revision {folded} is out of range (damaged file)"),
        });
    }
    let mut replayed = 0;
    let mut previous = None;
    let mut last_replayed = None;
    for (i, record) in read.records.into_iter().enumerate() {
        if previous.is_some_and(|p| record.rev <= p) {
            return Err(StoreError::Journal {
                file: paths.journal.clone(),
                line: i + 1,
                message: format!("record {} repeats an earlier revision", record.rev),
            });
        }
        previous = Some(record.rev);
        if record.rev == u64::MAX {
            return Err(StoreError::Journal {
                file: paths.journal.clone(),
                line: i + 1,
                message: format!("revision {} is out of range (damaged record)", record.rev),
            });
        }
        if record.rev <= folded {
            continue; // already folded into the file
        }
        let damaged = |message: String| StoreError::Journal {
            file: paths.journal.clone(),
            line: i + 1,
            message,
        };
        if record.rev != doc.revision() + 1 {
            return Err(damaged(format!(
                "record {} follows revision {}: records are missing",
                record.rev,
                doc.revision()
            )));
        }
        doc.check(&record.change, context)
            .map_err(|e| damaged(format!("change cannot be applied: {e}")))?;
        doc.apply(&record.change);
        doc.set_revision(record.rev);
        replayed += 1;
        last_replayed = Some(record.at);
    }
    Ok(Loaded {
        doc,
        replayed,
        last_replayed,
        torn: read.torn,
    })
}

/// What opening a document took back from a journal left by a crash (a process killed while
/// it wrote): changes replayed, and the line cut short by the crash, set aside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recovery {
    pub replayed: usize,
    pub torn_line: Option<usize>,
    /// When the last change replayed was written: the last moment the crashed process is
    /// known to have worked.
    pub last_change: Option<crate::study::Time>,
}

impl Recovery {
    pub fn is_empty(&self) -> bool {
        self.replayed == 0 && self.torn_line.is_none()
    }
}

/// A document open for writing by this process (it holds the lock).
pub struct Journaled<D: Document> {
    doc: D,
    paths: DocPaths,
    journal: journal::Writer,
    /// Changes in the journal not yet folded into the file.
    pending: usize,
    lock: Lock,
    /// What opening it recovered.
    recovery: Recovery,
}

impl<D: Document> Journaled<D> {
    /// Opens an existing document for writing: takes the lock, replays the journal and folds it
    /// into the file. Fails with [`StoreError::Locked`] if another process writes it.
    pub fn open(paths: DocPaths, context: &D::Context) -> Result<(Self, Vec<String>)> {
        Self::open_waiting(paths, context, std::time::Duration::ZERO)
    }

    /// Opens the document for writing, waiting up to `wait` for another process to let go of it.
    pub fn open_waiting(
        paths: DocPaths,
        context: &D::Context,
        wait: std::time::Duration,
    ) -> Result<(Self, Vec<String>)> {
        let lock = Lock::acquire_waiting(&paths.lock, &paths.file, wait)?;
        let loaded: Loaded<D> = load(&paths, context)?;
        let notes = loaded.notes(&paths);
        let recovery = Recovery {
            replayed: loaded.replayed,
            torn_line: loaded.torn.as_ref().map(|t| t.line),
            last_change: loaded.last_replayed,
        };
        let mut this = Journaled {
            journal: journal::Writer::with_codec(paths.journal.clone(), paths.codec.clone()),
            doc: loaded.doc,
            paths,
            pending: loaded.replayed,
            lock,
            recovery,
        };
        if loaded.torn.is_some() {
            this.write_file()?;
            this.journal.set_aside()?;
            this.paths.changed();
            this.pending = 0;
        } else {
            this.checkpoint()?;
        }
        Ok((this, notes))
    }

    /// Creates the document's file, which must not exist, and opens it for writing.
    pub fn create(paths: DocPaths, doc: D) -> Result<Self> {
        let lock = Lock::acquire(&paths.lock, &paths.file)?;
        paths
            .codec
            .write_new(&paths.file, json::to_pretty(&doc).as_bytes())?;
        paths.changed();
        Ok(Journaled {
            journal: journal::Writer::with_codec(paths.journal.clone(), paths.codec.clone()),
            doc,
            paths,
            pending: 0,
            lock,
            recovery: Recovery::default(),
        })
    }

    pub fn doc(&self) -> &D {
        &self.doc
    }

    /// What opening the document recovered from a crash.
    pub fn recovery(&self) -> Recovery {
        self.recovery
    }

    pub fn paths(&self) -> &DocPaths {
        &self.paths
    }

    pub fn lock_path(&self) -> &Path {
        self.lock.path()
    }

    /// Checks a change, writes it durably to the journal, then applies it.
    pub fn apply(&mut self, change: D::Change, context: &D::Context) -> Result<Outcome> {
        self.doc
            .check(&change, context)
            .map_err(|source| StoreError::Change {
                file: self.paths.file.clone(),
                source,
            })?;
        let rev = match self.doc.revision().checked_add(1) {
            Some(rev) if rev < u64::MAX => rev,
            _ => {
                return Err(StoreError::Journal {
                    file: self.paths.journal.clone(),
                    line: 0,
                    message: "the revision counter is exhausted (damaged file)".into(),
                });
            }
        };
        self.journal.append(rev, &change)?;
        self.paths.changed();
        let outcome = self.doc.apply(&change);
        self.doc.set_revision(rev);
        self.pending += 1;
        let mut outcome = outcome;
        if self.pending >= CHECKPOINT_EVERY
            && let Err(e) = self.checkpoint()
        {
            // The change is safe in the journal; only the folding waits for the next time.
            outcome
                .notices
                .push(crate::study::Notice::NotFolded(e.to_string()));
        }
        Ok(outcome)
    }

    /// Folds the journal into the file (atomic replace), then removes the journal.
    pub fn checkpoint(&mut self) -> Result<()> {
        if self.pending == 0 {
            return Ok(());
        }
        self.write_file()?;
        self.journal.remove()?;
        self.paths.changed();
        self.pending = 0;
        Ok(())
    }

    fn write_file(&self) -> Result<()> {
        self.paths
            .codec
            .write_atomic(&self.paths.file, json::to_pretty(&self.doc).as_bytes())
    }
}

impl<D: Document> Drop for Journaled<D> {
    fn drop(&mut self) {
        // Best effort: if folding fails, the journal still holds every change.
        let _ = self.checkpoint();
    }
}
