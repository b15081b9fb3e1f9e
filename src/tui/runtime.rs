//! Carries out what `update` asks for, against the real study, and answers with messages. The
//! event loop and the tests both go through [`Runtime::handle`].

use super::app::{App, update};
use super::msg::{Effect, Msg};
use crate::study::{Session, SessionId};
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
}

impl Runtime {
    pub fn new(workspace: Workspace) -> Runtime {
        Runtime { workspace }
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
                Ok(outcome) => Msg::Saved(outcome.notices),
                Err(e) => Msg::Failed(format!("{} — {e:#}", t.not_saved)),
            }),
            Effect::EditCodebook {
                edit,
                apply,
                undoable,
            } => Some(match ws.edit_codebook(edit) {
                Ok(undo) => Msg::CodebookChanged {
                    codebook: Box::new(ws.study.codebook.clone()),
                    undo: undo.filter(|_| undoable).map(Box::new),
                    apply,
                },
                Err(e) => Msg::Report(format!("{e:#}")),
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

    /// The open session, for tests and the end-to-end checks.
    pub fn open_session(&self) -> Option<&Session> {
        self.workspace.current()
    }

    /// Called when the interface ends.
    pub fn finish(&mut self) {
        self.workspace.close_current();
    }
}
