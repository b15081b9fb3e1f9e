//! The open study, as the front ends see it: its definition, its sessions, the user's name, and
//! the operations that touch several files at once. The TUI and the CLI call this; it calls the
//! store (and the index), never the other way round.

mod codebook_edit;
mod retrieval;

pub use codebook_edit::CodebookEdit;
pub use retrieval::CodedExcerpt;
pub mod reports;
mod search;

use std::sync::Arc;

use anyhow::Result;

use crate::store::{Preferences, SessionWriter, StoreError, StudyDir};
use crate::study::{Outcome, Session, SessionChange, SessionId, Study};

pub struct Workspace {
    pub dir: StudyDir,
    /// The study's definition. Shared, never copied: a reader on another thread holds the same
    /// value; an edit makes a new one (`Arc::make_mut`) that later readers are given.
    pub study: Arc<Study>,
    pub prefs: Preferences,
    /// The session the front end works on: written by this process, or read-only when another
    /// process writes it.
    open: Option<SessionAccess>,
    /// Where the interface writes exports: the folder grille was started in.
    pub exports_to: std::path::PathBuf,
}

/// A session as a front end holds it: writable by this process, or read-only because another
/// process writes it.
pub enum SessionAccess {
    Write(SessionWriter),
    ReadOnly(Session),
}

impl SessionAccess {
    pub fn doc(&self) -> &Session {
        match self {
            SessionAccess::Write(writer) => writer.doc(),
            SessionAccess::ReadOnly(session) => session,
        }
    }

    pub fn read_only(&self) -> bool {
        matches!(self, SessionAccess::ReadOnly(_))
    }
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
        let study = Arc::new(dir.load_study()?);
        Ok(Workspace {
            dir,
            study,
            prefs,
            open: None,
            exports_to: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        })
    }

    /// A second view of the same study for reading on another thread: the same folder and
    /// definition, no open session. What this process writes is on disk before it returns, so
    /// the reader sees it.
    pub fn reader(&self) -> Workspace {
        Workspace {
            dir: self.dir.clone(),
            study: Arc::clone(&self.study),
            prefs: self.prefs.clone(),
            open: None,
            exports_to: self.exports_to.clone(),
        }
    }

    /// The definition, the preferences and the open session at once, for a front end that
    /// reads the first two while it writes the third.
    pub fn parts(&mut self) -> (&Study, &Preferences, Option<&mut SessionAccess>) {
        (&self.study, &self.prefs, self.open.as_mut())
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
        let opened = Opened {
            session: access.doc().clone(),
            read_only: access.read_only(),
            notes,
        };
        self.open = Some(access);
        Ok(opened)
    }

    /// Writes a new session and makes it the current one.
    pub fn create_current(&mut self, session: Session) -> Result<Session> {
        self.close_current();
        let writer = self.create_session(session)?;
        let session = writer.doc().clone();
        self.open = Some(SessionAccess::Write(writer));
        Ok(session)
    }

    /// The open session: written by this process, or read-only.
    pub fn opened(&self) -> Option<&SessionAccess> {
        self.open.as_ref()
    }

    /// The current session, when this process writes it.
    pub fn current(&self) -> Option<&Session> {
        match &self.open {
            Some(SessionAccess::Write(writer)) => Some(writer.doc()),
            _ => None,
        }
    }

    /// Journals a change to the current session.
    pub fn record(&mut self, change: SessionChange) -> Result<Outcome> {
        let Some(SessionAccess::Write(writer)) = self.open.as_mut() else {
            anyhow::bail!("no session is open for writing");
        };
        Ok(writer.apply(change, &self.study)?)
    }

    /// Folds the current session's journal into its file and lets it go.
    pub fn close_current(&mut self) {
        if let Some(SessionAccess::Write(mut writer)) = self.open.take() {
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
