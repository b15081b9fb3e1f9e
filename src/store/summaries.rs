//! What `grille sessions` showed of each session, kept beside the search index with the state of
//! the session's files when it was read: a study of thousands of sessions is listed again by
//! looking at its files, not by reading them.
//!
//! A summary is given back only for a session whose file and journal are exactly as they were
//! (size, modification and change times to the nanosecond, inode), whose study definition is the
//! same, read by the same version of grille. A file written since is read again, however it was
//! written: by grille (a journal record, a fold that replaces the file), by another program (an
//! edit in place changes the change time, which no program can set back), by a copy or a sync.
//! Files changed in the last seconds before they were looked at are not kept (a change within
//! the same tick of the file system clock could not be told apart). Sessions with a problem are
//! never kept: they are read, and their problem said, every time.
//!
//! Not kept for an encrypted study: the summaries hold pseudonyms and attributes, and the
//! index folder of an encrypted study is not on disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::study_dir::StudyDir;
use crate::study::{SessionId, SessionSummary};

/// Changes of what a summary holds or of how it is made must change this.
const VERSION: &str = concat!("summaries/2 grille ", env!("CARGO_PKG_VERSION"));

/// How long a file must have been still to be kept (see the module doc).
const SETTLED: Duration = Duration::from_secs(2);

/// The state of one file as the file system tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
    device: u64,
}

impl FileState {
    fn of(path: &Path) -> std::io::Result<Option<FileState>> {
        use std::os::unix::fs::MetadataExt;
        match std::fs::symlink_metadata(path) {
            Ok(meta) => Ok(Some(FileState {
                len: meta.len(),
                modified_ns: i128::from(meta.mtime()) * 1_000_000_000
                    + i128::from(meta.mtime_nsec()),
                changed_ns: i128::from(meta.ctime()) * 1_000_000_000
                    + i128::from(meta.ctime_nsec()),
                inode: meta.ino(),
                device: meta.dev(),
            })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the file was last touched at least [`SETTLED`] before `now` (nanoseconds).
    fn settled(&self, now: i128) -> bool {
        now - self.modified_ns.max(self.changed_ns) >= SETTLED.as_nanos() as i128
    }
}

/// A session's file and journal as the file system tells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFiles {
    file: FileState,
    journal: Option<FileState>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    files: SessionFiles,
    summary: SessionSummary,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    version: String,
    /// Fingerprint of the study's definition the summaries were made with.
    definition: u64,
    sessions: HashMap<SessionId, Entry>,
}

/// The summaries kept for a study, as read from disk.
pub struct SummaryCache {
    path: Option<PathBuf>,
    definition: u64,
    kept: HashMap<SessionId, Entry>,
    /// Whether what is kept differs from the file.
    changed: bool,
}

impl SummaryCache {
    /// The summary of `id` if its files are in `files` exactly as when it was made.
    pub fn get(&self, id: SessionId, files: &SessionFiles) -> Option<&SessionSummary> {
        self.kept
            .get(&id)
            .filter(|e| &e.files == files)
            .map(|e| &e.summary)
    }

    /// Keeps `summary`, made from files in the state `files` taken before they were read, if
    /// they had been still long enough at that time (`now`, nanoseconds since the epoch).
    pub fn keep(&mut self, id: SessionId, files: SessionFiles, now: i128, summary: SessionSummary) {
        let settled = files.file.settled(now) && files.journal.is_none_or(|j| j.settled(now));
        if settled {
            self.kept.insert(id, Entry { files, summary });
            self.changed = true;
        } else if self.kept.remove(&id).is_some() {
            self.changed = true;
        }
    }

    /// Forgets the sessions not in `ids` (deleted, or with a problem now).
    pub fn retain(&mut self, keep: impl Fn(&SessionId) -> bool) {
        let before = self.kept.len();
        self.kept.retain(|id, _| keep(id));
        self.changed |= self.kept.len() != before;
    }

    /// Writes what is kept, if it changed. Best effort: a study on a read-only disk is listed
    /// all the same, read each time.
    pub fn save(self) {
        let Some(path) = self.path.filter(|_| self.changed) else {
            return;
        };
        let file = CacheFile {
            version: VERSION.into(),
            definition: self.definition,
            sessions: self.kept,
        };
        let Ok(bytes) = serde_json::to_vec(&file) else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = super::fs::create_private_dir(dir);
        }
        let _ = super::fs::write_atomic(&path, &bytes);
    }
}

/// Now, in nanoseconds since the epoch, as file times are given.
pub fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

impl StudyDir {
    fn summaries_file(&self) -> PathBuf {
        self.paths().index_dir().join("summaries.json")
    }

    /// The summaries kept for this study, made with the definition of fingerprint
    /// `definition`; none if there are none, they are of another definition or version, or
    /// the study is encrypted (then nothing is ever written).
    pub fn summary_cache(&self, definition: u64) -> SummaryCache {
        let path = (!self.is_encrypted()).then(|| self.summaries_file());
        let kept = path
            .as_deref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|f| f.version == VERSION && f.definition == definition)
            .map(|f| f.sessions)
            .unwrap_or_default();
        SummaryCache {
            path,
            definition,
            kept,
            changed: false,
        }
    }

    /// The state of a session's file and journal; `None` if the file cannot be looked at
    /// (the reading will say why).
    pub fn session_files(&self, id: SessionId) -> Option<SessionFiles> {
        let paths = self.paths().session(id);
        Some(SessionFiles {
            file: FileState::of(&paths.file).ok()??,
            journal: FileState::of(&paths.journal).ok()?,
        })
    }
}
