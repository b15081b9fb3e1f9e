//! The open study, as the front ends see it: its definition, its sessions, the user's name, and
//! the operations that touch several files at once. The TUI and the CLI call this; it calls the
//! store (and the index), never the other way round.

mod search;

use anyhow::Result;

use crate::store::{Preferences, SessionWriter, StoreError, StudyDir};
use crate::study::{Session, SessionId, Study};

pub struct Workspace {
    pub dir: StudyDir,
    pub study: Study,
    pub prefs: Preferences,
}

/// A session as a front end holds it: writable by this process, or read-only because another
/// process writes it.
pub enum SessionAccess {
    Write(SessionWriter),
    ReadOnly(Session),
}

impl SessionAccess {
    pub fn session(&self) -> &Session {
        match self {
            SessionAccess::Write(w) => w.doc(),
            SessionAccess::ReadOnly(s) => s,
        }
    }
}

/// A session that could not be read, with the reason.
pub struct Unreadable {
    pub id: SessionId,
    pub error: String,
}

impl Workspace {
    pub fn open(dir: StudyDir, prefs: Preferences) -> Result<Workspace> {
        let study = dir.load_study()?;
        Ok(Workspace { dir, study, prefs })
    }

    /// Every session of the study that can be read, and those that cannot.
    pub fn sessions(&self) -> Result<(Vec<Session>, Vec<Unreadable>)> {
        let mut sessions = Vec::new();
        let mut unreadable = Vec::new();
        for id in self.dir.session_ids()? {
            match self.dir.load_session(id, &self.study) {
                Ok(loaded) => sessions.push(loaded.doc),
                Err(e) => unreadable.push(Unreadable {
                    id,
                    error: e.to_string(),
                }),
            }
        }
        sessions.sort_by_key(|s| (s.date(), s.respondent.pseudonym.clone()));
        Ok((sessions, unreadable))
    }

    /// Opens a session for writing, or read-only if another process writes it. Returns the
    /// notes of the recovery (journal replayed, torn line set aside).
    pub fn open_session(&self, id: SessionId) -> Result<(SessionAccess, Vec<String>)> {
        match self.dir.open_session(id, &self.study) {
            Ok((writer, notes)) => Ok((SessionAccess::Write(writer), notes)),
            Err(StoreError::Locked { .. }) => {
                let loaded = self.dir.load_session(id, &self.study)?;
                Ok((SessionAccess::ReadOnly(loaded.doc), Vec::new()))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn create_session(&self, session: Session) -> Result<SessionWriter> {
        Ok(self.dir.create_session(session, &self.study)?)
    }
}
