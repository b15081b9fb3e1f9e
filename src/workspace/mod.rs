//! The open study, as the front ends see it: its definition, its sessions, the user's name, and
//! the operations that touch several files at once. The TUI and the CLI call this; it calls the
//! store (and the index), never the other way round.

mod closed_change;
mod codebook_edit;
pub mod pseudonyms;
mod repair;
mod retrieval;

pub use codebook_edit::{CodebookEdit, EditError, Usage};
pub use repair::{Proposed, Repaired};
pub use retrieval::CodedExcerpt;
pub mod draft;
mod quick_codes;
mod report_file;
pub mod reports;
mod search;

use std::sync::Arc;

use anyhow::Result;

use crate::store::lock::Holder;
use crate::store::summaries;
use crate::store::{DefinitionStamp, Preferences, Recovery, SessionWriter, StoreError, StudyDir};
use crate::study::retired::follow_records;
use crate::study::{
    Notice, Outcome, Resolution, Session, SessionChange, SessionId, SessionSummary, Study,
};

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
    /// The pseudonymisation key table, when not the default one in grille's data folder.
    pub pseudonym_keys: Option<std::path::PathBuf>,
    /// The codebook's files when `study.codebook` was read: another process changed the
    /// codebook when they differ.
    codebook_seen: DefinitionStamp,
}

/// A session as a front end holds it: writable by this process, or read-only because another
/// process writes it.
// One exists at a time (the open session): its size does not matter, an indirection would.
#[allow(clippy::large_enum_variant)]
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

/// A session with a problem: listed everywhere with it, opened read-only if it could be read.
#[derive(Clone, Debug)]
pub struct Unreadable {
    pub id: SessionId,
    /// What is wrong, naming the file, as the file format's words (exact, for JSON).
    pub error: String,
    /// The same, for people: [`Unreadable::said`] in their language.
    problem: Arc<StoreError>,
    /// The session as read, when its file could be read (it breaks the study's rules).
    pub session: Option<Box<Session>>,
}

impl Unreadable {
    fn new(id: SessionId, problem: StoreError, session: Option<Box<Session>>) -> Unreadable {
        Unreadable {
            id,
            error: problem.to_string(),
            problem: Arc::new(problem),
            session,
        }
    }

    /// What is wrong, in the user's language (one sentence naming the file).
    pub fn said(&self, t: &crate::i18n::Texts) -> String {
        self.problem.message(t)
    }

    /// What is wrong without the file's path in front (a screen names the session, and a long
    /// path would push the reason out of sight), on one line.
    pub fn reason(&self, t: &crate::i18n::Texts) -> String {
        let said = self.said(t);
        let file = self.file().display().to_string();
        let reason = said
            .strip_prefix(&file)
            .map_or(said.as_str(), |rest| rest.trim_start_matches([' ', ':']));
        // Several problems: the count, then each, on one line.
        let mut lines = reason.lines().map(str::trim);
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        match rest.is_empty() {
            true => first.to_owned(),
            false => format!("{first} {}", rest.join(" ; ")),
        }
    }

    /// The session's file, as the problem names it.
    pub fn file(&self) -> std::path::PathBuf {
        use StoreError::*;
        match &*self.problem {
            Parse { file, .. } | Invalid { file, .. } | Journal { file, .. } => file.clone(),
            Locked { file, .. } | Change { file, .. } => file.clone(),
            Io { path, .. } | Symlink { path } | NotRegular { path, .. } => path.clone(),
            Encrypted { path } | NotEncrypted { path } | Undecryptable { path } => path.clone(),
            _ => std::path::PathBuf::new(),
        }
    }

    pub fn pseudonym(&self) -> Option<&str> {
        self.session
            .as_ref()
            .map(|s| s.respondent.pseudonym.as_str())
    }
}

/// Why a coding was not written: the codebook on disk no longer has its code.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CodingRefused {
    #[error("\"{name}\" was deleted by {by} at {at}: nothing was coded")]
    CodeDeleted {
        name: String,
        by: String,
        at: String,
    },
    #[error("unknown code {0}: nothing was coded")]
    UnknownCode(crate::study::CodeId),
}

impl CodingRefused {
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        match self {
            CodingRefused::CodeDeleted { name, by, at } => {
                (t.store.code_deleted_elsewhere)(name, by, at)
            }
            CodingRefused::UnknownCode(id) => (t.store.unknown_code)(&id.to_string()),
        }
    }
}

/// A session opened by the front end.
pub struct Opened {
    pub session: Session,
    pub read_only: bool,
    /// What recovery did (journal replayed, torn line set aside), or who writes it.
    pub notes: Vec<String>,
    /// What was taken back from a journal a crash left (the front end says it).
    pub recovery: Recovery,
    /// The process that writes it, when it is read-only because another one does.
    pub holder: Option<Holder>,
    /// Why the session is read-only when it breaks the study's rules (said in the user's
    /// language by the front end).
    pub problem: Option<anyhow::Error>,
    /// The end given to the block of notes a crash cut short (see [`crate::study::cut_short`]).
    pub block_ended: Option<crate::study::Time>,
}

impl Workspace {
    /// Opens the study, and removes what a process killed while writing left behind.
    pub fn open(dir: StudyDir, prefs: Preferences) -> Result<Workspace> {
        dir.remove_leftovers(crate::store::fs::settled());
        Self::open_as_is(dir, prefs)
    }

    /// Opens the study without touching anything in it (`grille check --repair` asks first).
    pub fn open_as_is(dir: StudyDir, prefs: Preferences) -> Result<Workspace> {
        let codebook_seen = dir.codebook_stamp();
        let study = Arc::new(dir.load_study()?);
        Ok(Workspace {
            dir,
            study,
            prefs,
            open: None,
            exports_to: std::env::current_dir().unwrap_or_else(|_| ".".into()),
            pseudonym_keys: None,
            codebook_seen,
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
            pseudonym_keys: self.pseudonym_keys.clone(),
            codebook_seen: self.codebook_seen,
        }
    }

    /// The definition, the preferences and the open session at once, for a front end that
    /// reads the first two while it writes the third.
    pub fn parts(
        &mut self,
    ) -> (
        &Study,
        &Preferences,
        Option<&mut SessionAccess>,
        CodebookOnDisk<'_>,
    ) {
        let codebook = CodebookOnDisk {
            dir: &self.dir,
            seen: self.codebook_seen,
        };
        (&self.study, &self.prefs, self.open.as_mut(), codebook)
    }

    /// Every session of the study that can be read, and those with a problem. The current
    /// session is taken as this process holds it.
    pub fn sessions(&self) -> Result<(Vec<Session>, Vec<Unreadable>)> {
        let (mut sessions, unreadable) = self.read_all(|s| s)?;
        sessions.sort_by_key(|s| (s.date(), s.respondent.pseudonym.clone()));
        Ok((sessions, unreadable))
    }

    /// [`Workspace::sessions`] without the text of their segments (empty): for the tables that
    /// count answers and situations, so that a large study is not held whole in memory. The
    /// sessions with a problem come back whole.
    pub fn sessions_without_text(&self) -> Result<(Vec<Session>, Vec<Unreadable>)> {
        let (mut sessions, unreadable) = self.read_all(|mut s| {
            for segment in &mut s.segments {
                segment.text = String::new();
            }
            s
        })?;
        sessions.sort_by_key(|s| (s.date(), s.respondent.pseudonym.clone()));
        Ok((sessions, unreadable))
    }

    /// A summary of every sound session (in the order of [`Workspace::sessions`]), and the
    /// sessions with a problem: what a list shows, without holding every transcript.
    ///
    /// The summaries of sessions whose files have not changed since an earlier listing are
    /// taken from the store's cache ([`crate::store::summaries`]); the others are read, and
    /// those with a problem are read every time.
    pub fn summaries(&self) -> Result<(Vec<SessionSummary>, Vec<Unreadable>)> {
        let study = &self.study;
        let ids = self.dir.session_ids()?;
        let current = self.current().map(|s| s.id);
        let mut cache = self.dir.summary_cache(crate::index::fingerprint(study));
        // Before the files are looked at: a file touched after this is too recent to keep.
        let now = summaries::now_ns();
        let mut listed = Vec::with_capacity(ids.len());
        let mut to_read = Vec::new();
        for &id in &ids {
            let files = self.dir.session_files(id).filter(|_| Some(id) != current);
            match files.as_ref().and_then(|f| cache.get(id, f)) {
                Some(summary) => listed.push(Ok(summary.clone())),
                None => to_read.push((id, files)),
            }
        }
        let read_ids: Vec<SessionId> = to_read.iter().map(|(id, _)| *id).collect();
        let read = self.read_each(&read_ids, |s| SessionSummary::of(&s, study));
        for ((id, files), read) in to_read.into_iter().zip(read) {
            if let (Some(files), Ok(summary)) = (files, &read) {
                cache.keep(id, files, now, summary.clone());
            }
            listed.push(read);
        }
        let (mut summaries, unreadable) = sound_and_unreadable(listed);
        let sound: std::collections::HashSet<SessionId> = summaries.iter().map(|s| s.id).collect();
        cache.retain(|id| sound.contains(id) && Some(*id) != current);
        cache.save();
        summaries.sort_by(|a, b| (a.date, &a.pseudonym).cmp(&(b.date, &b.pseudonym)));
        Ok((summaries, unreadable))
    }

    /// Reads every session, on as many threads as there are cores, and keeps `keep(session)`
    /// of each sound one; the others come back whole with their problem.
    fn read_all<T: Send>(
        &self,
        keep: impl Fn(Session) -> T + Sync,
    ) -> Result<(Vec<T>, Vec<Unreadable>)> {
        let ids = self.dir.session_ids()?;
        Ok(sound_and_unreadable(self.read_each(&ids, keep)))
    }

    /// Reads the sessions `ids` (in this order), on as many threads as there are cores, and
    /// keeps `keep(session)` of each sound one; the others come back whole with their problem.
    /// The current session is taken as this process holds it.
    fn read_each<T: Send>(
        &self,
        ids: &[SessionId],
        keep: impl Fn(Session) -> T + Sync,
    ) -> Vec<Result<T, Unreadable>> {
        let current = self.current_view();
        self.dir.read_sessions(ids, &self.study, |id, read| {
            if let Some(current) = current.as_ref().filter(|s| s.id == id) {
                return Ok(keep(current.clone()));
            }
            match read {
                Ok(read) if read.problems.is_empty() => Ok(keep(read.loaded.doc)),
                Ok(read) => Err(Unreadable::new(
                    id,
                    StoreError::Invalid {
                        file: self.dir.paths().session(id).file,
                        problems: read.problems,
                    },
                    Some(Box::new(read.loaded.doc)),
                )),
                Err(e) => Err(Unreadable::new(id, e, None)),
            }
        })
    }

    /// The interviews in progress whose writer died before closing them (a crash, a power cut):
    /// the interface offers to resume them.
    pub fn interrupted(
        &self,
        sessions: impl IntoIterator<Item = (SessionId, crate::study::Status)>,
    ) -> Vec<SessionId> {
        let current = self.current().map(|c| c.id);
        sessions
            .into_iter()
            .filter(|(id, status)| {
                *status == crate::study::Status::InProgress && Some(*id) != current
            })
            .filter(|(id, _)| self.dir.interrupted(*id))
            .map(|(id, _)| id)
            .collect()
    }

    /// Opens a session for writing, or read-only if another process writes it (the notes then
    /// say which). Returns the notes of the recovery (journal replayed, torn line set aside).
    pub fn open_session(&self, id: SessionId) -> Result<(SessionAccess, Vec<String>)> {
        match self.dir.open_session(id, &self.study) {
            Ok((writer, notes)) => Ok((SessionAccess::Write(writer), notes)),
            Err(locked @ StoreError::Locked { .. }) => {
                let loaded = self.dir.load_session(id, &self.study)?;
                Ok((
                    SessionAccess::ReadOnly(loaded.doc),
                    vec![locked.to_string()],
                ))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn create_session(&self, session: Session) -> Result<SessionWriter> {
        Ok(self.dir.create_session(session, &self.study)?)
    }

    /// Makes `id` the current session (writable if no other process writes it). The session
    /// open before stays open if this one cannot be opened.
    /// A session that breaks the study's rules opens read-only, with its problem.
    pub fn open_current(&mut self, id: SessionId) -> Result<Opened> {
        if let Some(session) = self.current_view().filter(|s| s.id == id) {
            return Ok(Opened {
                session,
                read_only: false,
                notes: Vec::new(),
                recovery: Recovery::default(),
                holder: None,
                problem: None,
                block_ended: None,
            });
        }
        let (mut access, notes, problem) = match self.open_session(id) {
            Ok((access, notes)) => (access, notes, None),
            Err(e) => {
                let read = self.dir.read_session(id, &self.study)?;
                if read.problems.is_empty() {
                    return Err(e);
                }
                let access = SessionAccess::ReadOnly(read.loaded.doc);
                (access, Vec::new(), Some(e))
            }
        };
        self.close_current();
        let (recovery, block_ended) = match &mut access {
            SessionAccess::Write(writer) => {
                let recovery = writer.recovery();
                (recovery, self.end_block_cut_short(writer, recovery)?)
            }
            SessionAccess::ReadOnly(_) => (Recovery::default(), None),
        };
        let holder = match (&access, &problem) {
            (SessionAccess::ReadOnly(_), None) => self.dir.holder(id),
            _ => None,
        };
        let opened = Opened {
            session: access.doc().clone(),
            read_only: access.read_only(),
            notes,
            recovery,
            holder,
            problem,
            block_ended,
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

    /// The current session as readers see it: codings of merged codes under the code they
    /// were merged into, codings of deleted codes left out. (The writer's own document keeps
    /// codings as they were written, so that an undo of the merge finds them.)
    pub fn current_view(&self) -> Option<Session> {
        let mut session = self.current()?.clone();
        follow_records(&mut session, &self.study.codebook);
        Some(session)
    }

    /// Reads the codebook again if another process changed it since; returns whether it did.
    pub fn reload_codebook(&mut self) -> Result<bool> {
        let stamp = self.dir.codebook_stamp();
        if stamp == self.codebook_seen {
            return Ok(false);
        }
        let codebook = self.dir.load_codebook()?;
        self.codebook_seen = stamp;
        if codebook == self.study.codebook {
            return Ok(false);
        }
        Arc::make_mut(&mut self.study).codebook = codebook;
        Ok(true)
    }

    /// Journals a change to the current session (see [`Workspace::record_checked`]).
    pub fn record(&mut self, change: SessionChange) -> Result<Outcome> {
        self.record_checked(change).map_err(anyhow::Error::from)
    }

    /// Journals a change to the current session. A change naming a code is checked against the
    /// codebook as it is on disk, under the codebook's lock: a code merged elsewhere is replaced
    /// by the code it was merged into (the outcome says so), a code deleted elsewhere is
    /// refused — so a coding acknowledged is never rejected later.
    pub fn record_checked(&mut self, change: SessionChange) -> Result<Outcome, RecordError> {
        let codebook = CodebookOnDisk {
            dir: &self.dir,
            seen: self.codebook_seen,
        };
        let Some(SessionAccess::Write(writer)) = self.open.as_mut() else {
            return Err(RecordError::NotOpen);
        };
        let outcome = codebook.record(writer, &self.study, change)?;
        let _ = self.reload_codebook();
        Ok(outcome)
    }

    /// After a crash, the block of notes that was being typed ends when its last keystroke was
    /// saved (the journal's last change); the end given, if any.
    fn end_block_cut_short(
        &self,
        writer: &mut SessionWriter,
        recovery: Recovery,
    ) -> Result<Option<crate::study::Time>> {
        let Some(last) = recovery.last_change else {
            return Ok(None);
        };
        let Some(change) = crate::study::cut_short::end_of_block_cut_short(writer.doc(), last)
        else {
            return Ok(None);
        };
        let end = match &change {
            SessionChange::SetSegmentTimes { end, .. } => *end,
            _ => None,
        };
        writer.apply(change, &self.study)?;
        Ok(end)
    }

    /// Folds the current session's journal into its file and lets it go.
    pub fn close_current(&mut self) {
        if let Some(SessionAccess::Write(mut writer)) = self.open.take() {
            // The journal holds every change already; folding it is tidiness, not safety.
            let _ = writer.checkpoint();
        }
    }
}

/// The codebook as this process last read it, and where to look at it on disk: what a change
/// naming a code is checked against before it is written.
#[derive(Clone, Copy)]
pub struct CodebookOnDisk<'a> {
    dir: &'a StudyDir,
    seen: DefinitionStamp,
}

impl CodebookOnDisk<'_> {
    /// Writes a change to `writer`. A change naming a code is checked against the codebook as
    /// it is on disk, under the codebook's lock (held until the change is written): a code
    /// merged elsewhere is replaced by the code it was merged into (the outcome says so), a
    /// code deleted elsewhere is refused — so a coding acknowledged is never rejected later.
    pub fn record(
        &self,
        writer: &mut SessionWriter,
        study: &Study,
        change: SessionChange,
    ) -> Result<Outcome, RecordError> {
        let Some(code) = code_of(&change) else {
            return Ok(writer.apply(change, study)?);
        };
        let _hold = self.dir.hold_codebook()?;
        let fresh;
        let study = if self.dir.codebook_stamp() == self.seen {
            study
        } else {
            fresh = Study {
                codebook: self.dir.load_codebook()?,
                ..study.clone()
            };
            &fresh
        };
        let (change, notice) = match study.codebook.resolve(code) {
            Resolution::Live(_) => (change, None),
            Resolution::Merged { into, record } => (
                with_code(change, into.id),
                Some(Notice::CodedWithMerged {
                    old: record.code.name.clone(),
                    new: into.name.clone(),
                    by: record.by.clone(),
                }),
            ),
            Resolution::Removed(record) => {
                return Err(RecordError::Refused(CodingRefused::CodeDeleted {
                    name: record.code.name.clone(),
                    by: record.by.clone(),
                    at: record.at.format("%H:%M").to_string(),
                }));
            }
            Resolution::Unknown => {
                return Err(RecordError::Refused(CodingRefused::UnknownCode(code)));
            }
        };
        let mut outcome = writer.apply(change, study)?;
        outcome.notices.extend(notice);
        Ok(outcome)
    }
}

/// Why a change was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// No session is open for writing here.
    #[error("no session is open for writing")]
    NotOpen,
    #[error(transparent)]
    Refused(#[from] CodingRefused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The code a change gives to a coding, if it gives one.
fn code_of(change: &SessionChange) -> Option<crate::study::CodeId> {
    match change {
        SessionChange::AddCoding { coding } => Some(coding.code),
        SessionChange::Recode { to, .. } => Some(*to),
        _ => None,
    }
}

fn with_code(change: SessionChange, code: crate::study::CodeId) -> SessionChange {
    match change {
        SessionChange::AddCoding { mut coding } => {
            coding.code = code;
            SessionChange::AddCoding { coding }
        }
        SessionChange::Recode { codings, .. } => SessionChange::Recode { codings, to: code },
        other => other,
    }
}

/// The sound sessions' results apart from those with a problem, these in the order of their
/// pseudonyms.
fn sound_and_unreadable<T>(read: Vec<Result<T, Unreadable>>) -> (Vec<T>, Vec<Unreadable>) {
    let mut kept = Vec::with_capacity(read.len());
    let mut unreadable = Vec::new();
    for r in read {
        match r {
            Ok(t) => kept.push(t),
            Err(u) => unreadable.push(u),
        }
    }
    unreadable.sort_by_key(|u| (u.pseudonym().map(str::to_owned), u.id));
    (kept, unreadable)
}

impl Drop for Workspace {
    fn drop(&mut self) {
        self.close_current();
    }
}
