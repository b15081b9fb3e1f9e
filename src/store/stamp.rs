//! What a session's files look like from outside (size, modification time), so that derived
//! data (the search index) can tell cheaply whether a session changed since it was read; and
//! one stamp for all the sessions of a study, so that it can tell without looking at each.

use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::error::{IoContext, Result};
use super::study_dir::StudyDir;
use crate::study::SessionId;

/// Size and modification time of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    pub modified_ns: u128,
}

/// A session file and its journal: any write to either changes the stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStamp {
    pub file: FileStamp,
    pub journal: Option<FileStamp>,
}

fn stamp(path: &Path) -> Result<Option<FileStamp>> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            let modified = meta.modified().at(path)?;
            let modified_ns = modified
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            Ok(Some(FileStamp {
                len: meta.len(),
                modified_ns,
            }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).at(path),
    }
}

/// Whether any session of a study may have changed, read in three small reads whatever the
/// study's size: a study of 10,000 sessions is not stat-ed file by file to learn that nothing
/// changed.
///
/// - `mark`: a random token that grille rewrites after every write to a session (journal
///   record, fold, new session, import), by any process;
/// - `folder`: the modification time of `sessions/`, which changes when any program adds,
///   removes or replaces a file there (a copy, a `git pull`, a sync, an editor saving by
///   rename);
/// - `boot`: the machine's boot id. The mark is not fsynced (it would double the cost of each
///   save); a power cut can lose it while the journal record it follows survives, but a power
///   cut means a new boot, and a new boot means looking at every file once.
///
/// What it cannot see: another program rewriting a session file in place, without replacing
/// it. `grille index rebuild` (or any change through grille) brings that in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyStamp {
    pub mark: String,
    pub folder: u128,
    pub boot: String,
}

/// How long the sessions folder must have been still for its time to be trusted.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

/// Replaces the changes mark with a new random token. Best effort: a mark that cannot be
/// written is removed, and a study without a mark is always looked at file by file.
pub(crate) fn mark_changed(mark: &Path) {
    let token = format!("{:016x}\n", fastrand::u64(..));
    let written = super::fs::private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(mark)
        .and_then(|mut f| std::io::Write::write_all(&mut f, token.as_bytes()));
    if written.is_err() {
        let _ = std::fs::remove_file(mark);
    }
}

/// This boot of the machine, where the system says (Linux).
fn boot_id() -> Option<String> {
    let id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    Some(id.trim().to_owned()).filter(|id| !id.is_empty())
}

impl StudyDir {
    /// The stamp of all the sessions together; `None` when a part of it cannot be known (no
    /// mark yet, no boot id on this system): then every session must be looked at.
    pub fn study_stamp(&self) -> Option<StudyStamp> {
        let mark = std::fs::read_to_string(self.paths().changes_mark()).ok()?;
        let mark = mark.trim();
        if mark.len() != 16 {
            return None; // being rewritten, or not ours
        }
        let folder = stamp(&self.paths().sessions_dir()).ok()??.modified_ns;
        // File times move in ticks of a few milliseconds: a folder changed just now may change
        // again within the same tick, unseen. Trusted only once it has been still a while.
        let now = std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        if now.saturating_sub(folder) < SETTLED.as_nanos() {
            return None;
        }
        Some(StudyStamp {
            mark: mark.to_owned(),
            folder,
            boot: boot_id()?,
        })
    }

    /// Marks the sessions changed (for writes made outside a session's journal).
    pub fn mark_changed(&self) {
        mark_changed(&self.paths().changes_mark());
    }

    /// The stamp of a session's files; `None` if the session file does not exist.
    pub fn session_stamp(&self, id: SessionId) -> Result<Option<SessionStamp>> {
        let paths = self.paths().session(id);
        let Some(file) = stamp(&paths.file)? else {
            return Ok(None);
        };
        Ok(Some(SessionStamp {
            file,
            journal: stamp(&paths.journal)?,
        }))
    }
}

/// The codebook's file and journal as seen from outside: when it differs from the one taken
/// when the codebook was read, another process changed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefinitionStamp {
    file: Option<(FileStamp, u64)>,
    journal: Option<(FileStamp, u64)>,
}

/// Size, modification time and inode (a replaced file is a new inode even when its size and
/// time look the same).
fn stamp_with_inode(path: &Path) -> Option<(FileStamp, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    Some((
        FileStamp {
            len: meta.len(),
            modified_ns,
        },
        meta.ino(),
    ))
}

impl StudyDir {
    /// The stamp of `codebook.json` and its journal.
    pub fn codebook_stamp(&self) -> DefinitionStamp {
        let paths = self.paths().codebook();
        DefinitionStamp {
            file: stamp_with_inode(&paths.file),
            journal: stamp_with_inode(&paths.journal),
        }
    }
}
