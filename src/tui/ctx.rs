//! The narrow world a screen sees: the study it reads, the texts, the clock, the names, and the
//! open session, which it reads and records changes to. There is one copy of each: the study
//! and the session are the workspace's own, lent for the length of one message.
//!
//! Recording is the one thing a screen does directly rather than through an effect: a change is
//! checked, journalled and applied before [`Ctx::record`] returns, so the screen reads at once
//! what is saved, and a failure is known to the screen that made the change.

use crate::i18n::Texts;
use crate::study::{Session, SessionChange, SessionId, Study, Time};
use crate::workspace::{CodebookOnDisk, RecordError, SessionAccess};

use super::msg::Progress;
use super::screen::Notice;

pub struct Ctx<'a> {
    pub study: &'a Study,
    pub t: &'static Texts,
    pub now: Time,
    /// The terminal's size: screens lay themselves out the same way for the mouse.
    pub size: (u16, u16),
    /// The interviewer's name from the preferences, offered in the setup form.
    pub interviewer: &'a str,
    /// The name codings are signed with.
    pub coder: &'a str,
    /// Whether that name was given (as coder, or as interviewer), not guessed from the login.
    pub coder_named: bool,
    open: Option<&'a mut SessionAccess>,
    /// Where a coding's code is checked before it is written.
    codebook: CodebookOnDisk<'a>,
    /// What recording did during this message.
    pub log: RecordLog,
}

/// What the changes recorded during one message did: the app shows it, the runtime re-indexes.
#[derive(Debug, Default)]
pub struct RecordLog {
    /// The session a change was written to.
    pub written: Option<SessionId>,
    /// What applying the changes noticed ("2 codings removed…").
    pub notices: Vec<String>,
    /// A change could not be written: the message says why.
    pub failed: Option<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        study: &'a Study,
        t: &'static Texts,
        now: Time,
        size: (u16, u16),
        names: (&'a str, &'a str, bool),
        open: Option<&'a mut SessionAccess>,
        codebook: CodebookOnDisk<'a>,
    ) -> Ctx<'a> {
        Ctx {
            study,
            t,
            now,
            size,
            interviewer: names.0,
            coder: names.1,
            coder_named: names.2,
            open,
            codebook,
            log: RecordLog::default(),
        }
    }

    /// Session `id`, if it is the open one.
    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.open
            .as_deref()
            .map(SessionAccess::doc)
            .filter(|s| s.id == id)
    }

    /// Whether session `id` can be written here (open, and no other process writes it).
    pub fn writable(&self, id: SessionId) -> bool {
        self.open
            .as_deref()
            .is_some_and(|a| !a.read_only() && a.doc().id == id)
    }

    /// Checks a change to session `id`, journals it and applies it. The log keeps what it did.
    pub fn record(&mut self, id: SessionId, change: SessionChange) -> Result<(), RecordError> {
        let result = match self.open.as_deref_mut() {
            Some(SessionAccess::Write(writer)) if writer.doc().id == id => {
                self.codebook.record(writer, self.study, change)
            }
            _ => Err(RecordError::NotOpen),
        };
        match result {
            Ok(outcome) => {
                self.log.written = Some(id);
                self.log.failed = None;
                let t = self.t;
                self.log
                    .notices
                    .extend(outcome.notices.iter().map(|n| n.message(t)));
                Ok(())
            }
            Err(e) => {
                self.log.failed = Some(describe(&e, self.t));
                Err(e)
            }
        }
    }
}

/// A failed change in the user's words.
fn describe(e: &RecordError, t: &Texts) -> String {
    match e {
        RecordError::NotOpen => t.read_only_notes.to_owned(),
        RecordError::Refused(refused) => format!("{} — {}", t.not_saved, refused.message(t)),
        RecordError::Store(e) => format!("{} — {}", t.not_saved, e.message(t)),
    }
}

/// What drawing reads: the same study and session, the status line's contents.
pub struct View<'a> {
    pub study: &'a Study,
    pub t: &'static Texts,
    pub now: Time,
    pub coder: &'a str,
    /// Whether that name was given, not guessed from the login (see [`Ctx::coder_named`]).
    pub coder_named: bool,
    pub notice: Option<&'a Notice>,
    /// A change could not be written and none was written since.
    pub save_failed: bool,
    pub progress: Option<&'a Progress>,
    pub(super) open: Option<&'a SessionAccess>,
}

impl View<'_> {
    /// Session `id`, if it is the open one.
    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.open.map(SessionAccess::doc).filter(|s| s.id == id)
    }

    /// Whether session `id` is written here (another process may write it instead).
    pub fn writable(&self, id: SessionId) -> bool {
        self.open
            .is_some_and(|a| !a.read_only() && a.doc().id == id)
    }
}
