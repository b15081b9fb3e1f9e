//! What the TUI reacts to (messages) and what it asks the outside world to do (effects).

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::index::SearchResults;
use crate::interop::export::Format;
use crate::study::{CodeId, Codebook, Session, SessionChange, SessionId};
use crate::workspace::Unreadable;
use crate::workspace::reports::ReportKind;
use crate::workspace::{CodebookEdit, CodedExcerpt};

/// An input to [`super::app::update`].
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// A deadline asked for by [`super::app::App::next_deadline`] has passed (draft to save,
    /// clock to redraw).
    Tick,
    /// The terminal went away (SIGHUP) or the process is asked to stop (SIGTERM): save, leave.
    Hangup,
    /// The study's sessions, read from disk.
    SessionsLoaded(Vec<Session>, Vec<Unreadable>),
    /// A session opened: writable, or read-only when another process writes it.
    SessionOpened {
        session: Box<Session>,
        read_only: bool,
        notes: Vec<String>,
    },
    /// Something the runtime could not do (the message says what); nothing is assumed saved.
    Failed(String),
    /// A change was written to the journal; `notices` are what applying it noticed.
    Saved(Vec<String>),
    /// Something to tell the user that is not about saving.
    Report(String),
    /// Something done, to tell the user (a file written).
    Info(String),
    /// The codebook after an edit, the edit that undoes it, and a code to apply now.
    CodebookChanged {
        codebook: Box<Codebook>,
        undo: Option<Box<CodebookEdit>>,
        apply: Option<CodeId>,
    },
    /// A codebook edit could not be made; the undo it was, to put back on the stack.
    CodebookEditFailed {
        error: String,
        undo: Option<Box<CodebookEdit>>,
    },
    /// The excerpts of a code, for the retrieval list.
    ExcerptsLoaded {
        code: CodeId,
        descendants: bool,
        excerpts: Vec<CodedExcerpt>,
    },
    /// The current session as the workspace holds it.
    SessionRefreshed(Box<Session>),
    OpenCodebook,
    ShowHelp,
    /// Every session, for the statistics screen.
    StatsLoaded(Vec<Session>),
    /// The results of a query, or why it is malformed (message, caret line under the query).
    SearchDone(Result<Box<SearchResults>, (String, String)>),
}

/// What `update` asks for; the runtime does it and reports back with messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read every session of the study.
    LoadSessions,
    /// Open a session for writing (or read-only).
    OpenSession(SessionId),
    /// Write a new session to disk and open it.
    CreateSession(Box<Session>),
    /// Journal a change to the open session.
    Record(SessionChange),
    /// Edit the codebook (and the sessions a merge or delete reaches); then, if given, apply
    /// the code to the coding screen's selection.
    EditCodebook {
        edit: CodebookEdit,
        apply: Option<CodeId>,
        /// Whether the edit that undoes this one goes on the undo stack (not for an undo).
        undoable: bool,
    },
    /// Take the current session again from the workspace (after a merge changed it).
    RefreshSession,
    /// Show the key bindings (from a screen that cannot reach the app's flag).
    ShowHelp,
    /// Open the codebook editor.
    OpenCodebook,
    /// Read every session for the statistics screen.
    LoadStats,
    /// Run a query on the study's index (opened, and brought up to date, first).
    Search(String),
    /// Write a table of the whole study to a file in the current folder.
    Export {
        kind: ReportKind,
        format: Format,
    },
    /// List the excerpts coded with a code across the study.
    LoadExcerpts {
        code: CodeId,
        descendants: bool,
    },
    /// Fold the open session's journal into its file and close it.
    CloseSession,
    /// Remember the interviewer's name for next time.
    RememberInterviewer(String),
    /// Tell the user something went wrong that the screen could not prevent.
    Report(String),
    Quit,
}
