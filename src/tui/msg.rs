//! What the interface reacts to (messages), what it asks the outside world to do (effects), and
//! what the outside world answers (answers: from this thread for a write, from the worker for a
//! read).

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::analysis::saturation::{Params, Saturation};
use crate::analysis::split::UnknownAttribute;
use crate::analysis::{self, Answers, Filter, Frequencies, FrequencyError, Situations};
use crate::index::SearchResults;
use crate::interop::export::Format;
use crate::store::Recovery;
use crate::store::lock::Holder;
use crate::study::pseudonym::KeyTable;
use crate::study::{CodeId, Excerpt, Session, SessionId, SessionSummary, Situation, Study};
use crate::tui::pseudonyms::Reviewing;
use crate::tui::stats_coverage::CoverageTab;
use crate::workspace::pseudonyms::Replaced;
use crate::workspace::reports::ReportKind;
use crate::workspace::{CodebookEdit, CodedExcerpt, Unreadable};

/// An input to the interface: from the terminal, the clock, the worker.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// A deadline asked for by the screen on top has passed (draft to save,
    /// clock to redraw, query to run).
    Tick,
    /// The terminal went away (SIGHUP) or the process is asked to stop (SIGTERM): save, leave.
    Hangup,
    /// How far the worker is in a long job.
    Progress(Progress),
    /// The worker's answer to a job: the job is over.
    Done(Answer),
}

/// What the top screen asks for; the runtime does it and answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open a session (writable, or read-only when another process writes it) in a screen.
    Open { session: SessionId, intent: Intent },
    /// Write a new session to disk and open it in the interview screen, `place`d on the stack.
    Create { session: Box<Session>, place: Place },
    /// Edit the codebook (and the sessions a merge or delete reaches); then, if given, apply
    /// the code to the coding screen's selection.
    EditCodebook {
        edit: Box<CodebookEdit>,
        apply: Option<CodeId>,
    },
    /// Remember the interviewer's name for next time.
    RememberInterviewer(String),
    /// Remember the name codings are signed with.
    RememberCoder(String),
    /// Put a code on quick key `key` (1 to 9) for the whole study; `None` empties the key.
    SetQuickCode { key: usize, code: Option<CodeId> },
    /// Read every session for the home screen (on the worker).
    LoadSessions,
    /// Read every session and count for the statistics screen (on the worker); `by`: broken
    /// down by this respondent attribute (columns per value, as `export … --by`).
    LoadStats { by: Option<String> },
    /// Run a query on the study's index, opened and brought up to date first (on the worker).
    Search(String),
    /// Mark a situation as the same person as another (`None`: as nobody), written to its
    /// session at once; then the statistics are counted again, broken down `by`.
    SamePerson {
        session: SessionId,
        situation: Box<Situation>,
        by: Option<String>,
    },
    /// Write a table of the whole study to a file in the current folder (on the worker).
    Export { kind: ReportKind, format: Format },
    /// Write the study's report (HTML, without identities) to a new file in the current
    /// folder (on the worker).
    Report,
    /// List the excerpts coded with a code across the study (on the worker).
    LoadExcerpts { code: CodeId, descendants: bool },
    /// Read the key table and find what may identify someone in every session (on the worker).
    LoadProposals,
    /// Save the analyst's decisions in the key table, replacing nothing yet.
    SaveKeyTable(Box<KeyTable>, PathBuf),
    /// Replace every accepted original in every session, then save the key table.
    Pseudonymize(Box<KeyTable>, PathBuf),
    /// Put back the originals of the last replacements.
    UndoPseudonyms(Box<KeyTable>, PathBuf),
}

/// The screen an opened session goes to: the intent travels with the effect and comes back
/// with the answer, so no screen has to remember it meanwhile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Intent {
    Interview,
    /// The coding screen, at an excerpt if given.
    Coding(Option<Excerpt>),
}

/// Where a new screen goes on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Over the current one, which it returns to.
    Push,
    /// Instead of the current one (a form that has done its job).
    Replace,
}

/// What the runtime or the worker answers to an effect.
#[derive(Debug)]
pub enum Answer {
    /// A session is open: `read_only` when another process writes it (`holder`, if it said
    /// who it is); what was taken back from a journal a crash left.
    Opened {
        session: SessionId,
        intent: Intent,
        place: Place,
        read_only: bool,
        recovery: Recovery,
        holder: Option<Holder>,
        /// Why it is read-only when it breaks the study's rules.
        problem: Option<String>,
        /// The end given to the block of notes a crash cut short.
        block_ended: Option<crate::study::Time>,
    },
    /// The study's sessions, those that cannot be read, and those in progress whose writer
    /// died (offered to be resumed).
    Sessions(Vec<SessionSummary>, Vec<Unreadable>, Vec<SessionId>),
    /// The tables of the statistics screen.
    Stats(Box<Stats>),
    /// The codebook changed: a code to apply now, if given.
    CodebookChanged { apply: Option<CodeId> },
    /// A codebook edit could not be made: why.
    CodebookEditFailed(String),
    /// The excerpts of a code, for the retrieval list.
    Excerpts {
        code: CodeId,
        descendants: bool,
        excerpts: Vec<CodedExcerpt>,
    },
    /// The results of `query`, or why it is malformed (message, caret line under the query).
    Searched {
        query: String,
        result: Result<Box<SearchResults>, (String, String)>,
    },
    /// The proposals to review, with the key table they were read against.
    Proposals(Box<Reviewing>),
    /// Replacements made (`undo`: false) or undone (`None`: nothing to undo), the key table as
    /// saved.
    Pseudonymized {
        table: Box<KeyTable>,
        undo: bool,
        done: Option<Replaced>,
    },
    /// Something done, to tell the user (a file written).
    Info(String),
    /// Something that could not be done; the message says what.
    Failed(String),
    /// A query the worker did not run because a later one replaced it.
    Superseded,
}

/// The statistics screen's tables, counted on the worker.
#[derive(Debug)]
pub struct Stats {
    /// The respondent attribute the tables are broken down by, if any.
    pub by: Option<String>,
    pub freq: Frequencies,
    pub answers: Answers,
    pub situations: Situations,
    pub saturation: Saturation,
    /// Every situation of the study (every report of a person), in session date order: the
    /// list where reports of one person are linked.
    pub reports: Vec<ReportRow>,
    /// Which questions the recordings' transcripts cover.
    pub coverage: CoverageTab,
}

/// A situation as the list of reports shows it.
#[derive(Clone, Debug)]
pub struct ReportRow {
    pub session: SessionId,
    pub pseudonym: String,
    /// `YYYY-MM-DD`, or empty when the session has no date.
    pub date: String,
    pub situation: Situation,
}

/// Every situation of every session, sessions in date order.
fn reports(sessions: &[Session]) -> Vec<ReportRow> {
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_key(|s| (s.date(), s.id));
    sorted
        .into_iter()
        .flat_map(|s| {
            s.situations.iter().map(move |situation| ReportRow {
                session: s.id,
                pseudonym: s.respondent.pseudonym.clone(),
                date: s
                    .date()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                situation: situation.clone(),
            })
        })
        .collect()
}

impl Stats {
    /// Code frequencies, closed answers, persons and saturation over every session, counted as
    /// `grille export` counts them by default (each session's reference coder), broken down by
    /// the respondent attribute `by` if given.
    pub fn count(
        study: &Study,
        sessions: &[Session],
        by: Option<&str>,
    ) -> Result<Stats, UnknownAttribute> {
        let filter = Filter::default();
        let scope = filter.scope(study, sessions);
        let freq = analysis::frequencies(&scope, by).map_err(|e| {
            let FrequencyError::UnknownAttribute { key, known } = e;
            UnknownAttribute { key, known }
        })?;
        Ok(Stats {
            by: by.map(str::to_owned),
            freq,
            answers: analysis::answers_by(&scope, by)?,
            situations: analysis::situations_by(&scope, by)?,
            saturation: analysis::saturation::saturation(&scope, Params::default()),
            reports: reports(sessions),
            coverage: CoverageTab::of(&analysis::coverage::coverage(&scope)),
        })
    }
}

/// A long job under way: what, and how far (`total` 0: unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub what: Work,
    pub done: usize,
    pub total: usize,
}

/// The long jobs the progress line names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    Loading,
    Indexing,
    Searching,
    Counting,
    Exporting,
}
