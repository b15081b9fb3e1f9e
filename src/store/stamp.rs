//! What a session's files look like from outside (size, modification time), so that derived
//! data (the search index) can tell cheaply whether a session changed since it was read.

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

impl StudyDir {
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
