//! Carries out what `update` asks for, against the real study, and answers with messages. The
//! event loop and the tests both go through [`Runtime::handle`].

use super::app::{App, update};
use super::msg::{Effect, Msg};
use crate::study::{Session, SessionId};
use std::collections::BTreeSet;

use crate::i18n::Texts;
use crate::index::{Index, SearchError, SearchResults, Silent};
use crate::workspace::Workspace;

/// Where the interface opens.
pub enum Start {
    Home,
    /// A session prepared on the command line: created and opened at once.
    NewSession(Box<Session>),
    /// The form of a new interview, filled in with what the command line gave.
    Setup(Box<super::setup::Setup>),
    Resume(SessionId),
}

pub struct Runtime {
    pub workspace: Workspace,
    /// The search index, opened at the first search.
    index: Option<Index>,
    /// Sessions changed since the index last took them in: re-indexed before the next search,
    /// so that a note typed is a note found.
    unindexed: BTreeSet<SessionId>,
    /// The codebook changed since the index took it in.
    study_changed: bool,
}

impl Runtime {
    pub fn new(workspace: Workspace) -> Runtime {
        Runtime {
            workspace,
            index: None,
            unindexed: BTreeSet::new(),
            study_changed: false,
        }
    }

    pub fn start(&mut self, app: &mut App, start: Start) {
        let effect = match start {
            Start::Home => Effect::LoadSessions,
            Start::NewSession(session) => Effect::CreateSession(session),
            Start::Setup(setup) => {
                app.screen = super::app::Screen::Setup(setup);
                return;
            }
            Start::Resume(id) => Effect::OpenSession(id),
        };
        self.run(app, vec![effect]);
    }

    /// One message through `update`, then every effect it asks for, and their answers.
    pub fn handle(&mut self, app: &mut App, msg: Msg) {
        let effects = update(app, msg);
        self.run(app, effects);
    }

    fn run(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue = std::collections::VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            if let Some(msg) = self.execute(app, effect) {
                queue.extend(update(app, msg));
            }
        }
    }

    fn execute(&mut self, app: &mut App, effect: Effect) -> Option<Msg> {
        let t = app.texts();
        let ws = &mut self.workspace;
        match effect {
            Effect::LoadSessions => Some(match ws.sessions() {
                Ok((sessions, unreadable)) => Msg::SessionsLoaded(sessions, unreadable),
                Err(e) => Msg::Failed(format!("{e:#}")),
            }),
            Effect::OpenSession(id) => Some(match ws.open_current(id) {
                Ok(opened) => Msg::SessionOpened {
                    session: Box::new(opened.session),
                    read_only: opened.read_only,
                    notes: opened.notes,
                },
                Err(e) => Msg::Failed(format!("{e:#}")),
            }),
            Effect::CreateSession(session) => Some(match ws.create_current(*session) {
                Ok(session) => Msg::SessionOpened {
                    session: Box::new(session),
                    read_only: false,
                    notes: Vec::new(),
                },
                Err(e) => Msg::Failed(format!("{e:#}")),
            }),
            Effect::Record(change) => Some(match ws.record(change) {
                Ok(outcome) => {
                    if let Some(id) = ws.current().map(|s| s.id) {
                        self.unindexed.insert(id);
                    }
                    Msg::Saved(outcome.notices)
                }
                Err(e) => Msg::Failed(format!("{} — {e:#}", t.not_saved)),
            }),
            Effect::Search(query) => Some(Msg::SearchDone(self.search(&query, t))),
            Effect::EditCodebook {
                edit,
                apply,
                undoable,
            } => Some(match ws.edit_codebook(edit.clone()) {
                Ok(undo) => {
                    self.study_changed = true;
                    Msg::CodebookChanged {
                        codebook: Box::new(ws.study.codebook.clone()),
                        undo: undo.filter(|_| undoable).map(Box::new),
                        apply,
                    }
                }
                Err(e) => Msg::CodebookEditFailed {
                    error: format!("{e:#}"),
                    // An undo that failed stays the next thing to undo.
                    undo: (!undoable).then(|| Box::new(edit)),
                },
            }),
            Effect::LoadExcerpts { code, descendants } => {
                Some(match ws.coded_excerpts(code, descendants) {
                    Ok((excerpts, _)) => Msg::ExcerptsLoaded {
                        code,
                        descendants,
                        excerpts,
                    },
                    Err(e) => Msg::Report(format!("{e:#}")),
                })
            }
            Effect::RefreshSession => ws
                .current()
                .map(|s| Msg::SessionRefreshed(Box::new(s.clone()))),
            Effect::OpenCodebook => Some(Msg::OpenCodebook),
            Effect::LoadStats => Some(match ws.sessions() {
                Ok((sessions, _)) => Msg::StatsLoaded(sessions),
                Err(e) => Msg::Report(format!("{e:#}")),
            }),
            Effect::Export { kind, format } => {
                Some(match ws.export_to_current_folder(&kind, format, t) {
                    Ok(path) => Msg::Info((t.exported)(&path.display().to_string())),
                    Err(e) => Msg::Report(format!("{e:#}")),
                })
            }
            Effect::ShowHelp => Some(Msg::ShowHelp),
            Effect::CloseSession => {
                ws.close_current();
                None
            }
            Effect::RememberInterviewer(name) => {
                ws.prefs.interviewer = Some(name);
                match ws.prefs.save() {
                    Ok(()) => None,
                    Err(e) => Some(Msg::Report(e.to_string())),
                }
            }
            Effect::Report(text) => Some(Msg::Report(text)),
            Effect::Quit => {
                app.quit = true;
                None
            }
        }
    }

    /// Runs a query on the index, opening it and taking in what changed since first.
    fn search(&mut self, query: &str, t: &Texts) -> Result<Box<SearchResults>, (String, String)> {
        let failed = |e: &dyn std::fmt::Display| (format!("{e}"), String::new());
        self.bring_index_up_to_date()
            .map_err(|e| failed(&format!("{e:#}")))?;
        let index = self.index.as_ref().expect("opened just above");
        match self.workspace.search(index, query, 100) {
            Ok(results) => Ok(Box::new(results)),
            Err(SearchError::Query(e)) => Err((e.message(t), e.caret(query))),
            Err(e) => Err(failed(&e)),
        }
    }

    fn bring_index_up_to_date(&mut self) -> anyhow::Result<()> {
        let ws = &self.workspace;
        match &mut self.index {
            None => {
                // Opening catches up every session changed since the index was last written.
                self.index = Some(ws.open_index(&mut Silent)?);
                self.unindexed.clear();
                self.study_changed = false;
            }
            Some(index) => {
                if self.study_changed {
                    index.set_study(&ws.study, &mut Silent)?;
                    self.study_changed = false;
                }
                for id in std::mem::take(&mut self.unindexed) {
                    let session = match ws.current().filter(|s| s.id == id) {
                        Some(current) => current.clone(),
                        None => ws.dir.load_session(id, &ws.study)?.doc,
                    };
                    ws.reindex_session(index, &session, None)?;
                }
                // What other processes saved or committed meanwhile.
                index.refresh(&mut Silent)?;
            }
        }
        Ok(())
    }

    /// The open session, for tests and the end-to-end checks.
    pub fn open_session(&self) -> Option<&Session> {
        self.workspace.current()
    }

    /// Called when the interface ends.
    pub fn finish(&mut self) {
        self.workspace.close_current();
    }
}
