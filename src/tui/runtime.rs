//! Carries out what `update` asks for, against the real study, and answers with messages. The
//! event loop and the tests both go through [`Runtime::handle`].

use super::app::{App, update};
use super::msg::{Effect, Msg};
use crate::store::SessionWriter;
use crate::study::{Session, SessionId};
use crate::workspace::{SessionAccess, Workspace};

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
    /// The session open for writing, if any.
    writer: Option<SessionWriter>,
}

impl Runtime {
    pub fn new(workspace: Workspace) -> Runtime {
        Runtime {
            workspace,
            writer: None,
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
        match effect {
            Effect::LoadSessions => Some(match self.workspace.sessions() {
                Ok((sessions, unreadable)) => Msg::SessionsLoaded(sessions, unreadable),
                Err(e) => Msg::Failed(format!("{e:#}")),
            }),
            Effect::OpenSession(id) => {
                self.close();
                Some(match self.workspace.open_session(id) {
                    Ok((SessionAccess::Write(writer), notes)) => {
                        let session = Box::new(writer.doc().clone());
                        self.writer = Some(writer);
                        Msg::SessionOpened {
                            session,
                            read_only: false,
                            notes,
                        }
                    }
                    Ok((SessionAccess::ReadOnly(session), notes)) => Msg::SessionOpened {
                        session: Box::new(session),
                        read_only: true,
                        notes,
                    },
                    Err(e) => Msg::Failed(format!("{e:#}")),
                })
            }
            Effect::CreateSession(session) => {
                self.close();
                Some(match self.workspace.create_session(*session) {
                    Ok(writer) => {
                        let session = Box::new(writer.doc().clone());
                        self.writer = Some(writer);
                        Msg::SessionOpened {
                            session,
                            read_only: false,
                            notes: Vec::new(),
                        }
                    }
                    Err(e) => Msg::Failed(format!("{e:#}")),
                })
            }
            Effect::Record(change) => {
                let Some(writer) = self.writer.as_mut() else {
                    return Some(Msg::Failed(t.no_session_open.into()));
                };
                Some(match writer.apply(change, &self.workspace.study) {
                    Ok(outcome) => Msg::Saved(outcome.notices),
                    Err(e) => Msg::Failed(format!("{} — {e}", t.not_saved)),
                })
            }
            Effect::RecordCodebook(_) => None,
            Effect::CloseSession => {
                self.close();
                None
            }
            Effect::RememberInterviewer(name) => {
                self.workspace.prefs.interviewer = Some(name);
                match self.workspace.prefs.save() {
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
        self.writer.as_ref().map(|w| w.doc())
    }

    fn close(&mut self) {
        if let Some(mut writer) = self.writer.take() {
            // The journal holds every change already; folding it is tidiness, not safety.
            let _ = writer.checkpoint();
        }
    }

    /// Called when the interface ends.
    pub fn finish(&mut self) {
        self.close();
    }
}
