//! The open study, as the front ends see it: its definition, its sessions, the user's name, and
//! the operations that touch several files at once. The TUI and the CLI call this; it calls the
//! store (and the index), never the other way round.

mod codebook_edit;
mod retrieval;

pub use codebook_edit::CodebookEdit;
pub use retrieval::CodedExcerpt;
pub mod reports;
mod search;

use anyhow::Result;

use crate::store::{Preferences, SessionWriter, StoreError, StudyDir};
use crate::study::{Outcome, Session, SessionChange, SessionId, Study};

pub struct Workspace {
    pub dir: StudyDir,
    pub study: Study,
    pub prefs: Preferences,
    /// The session the front end works on, when this process writes it.
    current: Option<SessionWriter>,
    /// Where the interface writes exports: the folder grille was started in.
    pub exports_to: std::path::PathBuf,
}

/// A session as a front end holds it: writable by this process, or read-only because another
/// process writes it.
pub enum SessionAccess {
    Write(SessionWriter),
    ReadOnly(Session),
}

/// A session that could not be read, with the reason.
#[derive(Debug)]
pub struct Unreadable {
    pub id: SessionId,
    pub error: String,
}

/// A session opened by the front end.
pub struct Opened {
    pub session: Session,
    pub read_only: bool,
    /// What recovery did (journal replayed, torn line set aside).
    pub notes: Vec<String>,
}

impl Workspace {
    pub fn open(dir: StudyDir, prefs: Preferences) -> Result<Workspace> {
        let study = dir.load_study()?;
        Ok(Workspace {
            dir,
            study,
            prefs,
            current: None,
            exports_to: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        })
    }

    /// Every session of the study that can be read, and those that cannot. The current
    /// session is taken as this process holds it.
    pub fn sessions(&self) -> Result<(Vec<Session>, Vec<Unreadable>)> {
        let mut sessions = Vec::new();
        let mut unreadable = Vec::new();
        for id in self.dir.session_ids()? {
            if let Some(current) = self.current().filter(|s| s.id == id) {
                sessions.push(current.clone());
                continue;
            }
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

    /// Makes `id` the current session (writable if no other process writes it). The session
    /// open before stays open if this one cannot be opened.
    pub fn open_current(&mut self, id: SessionId) -> Result<Opened> {
        if let Some(current) = self.current().filter(|s| s.id == id) {
            return Ok(Opened {
                session: current.clone(),
                read_only: false,
                notes: Vec::new(),
            });
        }
        let (access, notes) = self.open_session(id)?;
        self.close_current();
        Ok(match access {
            SessionAccess::Write(writer) => {
                let session = writer.doc().clone();
                self.current = Some(writer);
                Opened {
                    session,
                    read_only: false,
                    notes,
                }
            }
            SessionAccess::ReadOnly(session) => Opened {
                session,
                read_only: true,
                notes,
            },
        })
    }

    /// Writes a new session and makes it the current one.
    pub fn create_current(&mut self, session: Session) -> Result<Session> {
        self.close_current();
        let writer = self.create_session(session)?;
        let session = writer.doc().clone();
        self.current = Some(writer);
        Ok(session)
    }

    pub fn current(&self) -> Option<&Session> {
        self.current.as_ref().map(|w| w.doc())
    }

    /// Journals a change to the current session.
    pub fn record(&mut self, change: SessionChange) -> Result<Outcome> {
        let writer = self
            .current
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("no session is open for writing"))?;
        Ok(writer.apply(change, &self.study)?)
    }

    /// Folds the current session's journal into its file and lets it go.
    pub fn close_current(&mut self) {
        if let Some(mut writer) = self.current.take() {
            // The journal holds every change already; folding it is tidiness, not safety.
            let _ = writer.checkpoint();
        }
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        self.close_current();
    }
}
