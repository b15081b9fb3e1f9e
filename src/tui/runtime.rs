//! Carries out what the screens ask for, against the real study: writes on this thread, in
//! order (opening and creating sessions, codebook edits, preferences); reads, indexing, search
//! and exports on the worker. It lends the screens their context, moves them on the stack, and
//! keeps open the session of the highest screen that shows one. The event loop and the tests
//! both go through [`Runtime::handle`].

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use ratatui::Frame;

use super::app::App;
use super::ctx::{Ctx, View};
use super::msg::{Answer, Effect, Intent, Msg, Place};
use super::screen::{Nav, Step};
use super::setup::Setup;
use super::words::said;
use super::worker::{Job, Worker};
use crate::study::{Session, SessionChange, SessionId};
use crate::workspace::Workspace;

/// Where the interface opens.
pub enum Start {
    Home,
    /// A session prepared on the command line: created and opened at once.
    NewSession(Box<Session>),
    /// The form of a new interview, filled in with what the command line gave.
    Setup(Box<Setup>),
    Resume(SessionId),
}

pub struct Runtime {
    pub workspace: Workspace,
    worker: Worker,
    /// Jobs given to the worker and not answered yet.
    in_flight: usize,
    /// Sessions written since the last query: the worker re-indexes them before running it, so
    /// that a note typed is a note found.
    written: BTreeSet<SessionId>,
}

impl Runtime {
    /// `answers` is the channel the event loop reads: the worker answers there.
    pub fn new(workspace: Workspace, answers: Sender<Msg>) -> Runtime {
        let worker = Worker::start(workspace.reader(), answers);
        Runtime {
            workspace,
            worker,
            in_flight: 0,
            written: BTreeSet::new(),
        }
    }

    pub fn start(&mut self, app: &mut App, start: Start) {
        let effect = match start {
            Start::Home => Effect::LoadSessions,
            Start::NewSession(session) => {
                // `grille interview --interviewer NAME` remembers the name, as the form does.
                let name = session.interviewer.clone();
                self.run(app, Step::effect(Effect::RememberInterviewer(name)));
                Effect::Create {
                    session,
                    place: Place::Push,
                }
            }
            Start::Setup(setup) => {
                self.run(app, Step::nav(Nav::Push(setup)));
                Effect::LoadSessions
            }
            Start::Resume(id) => Effect::Open {
                session: id,
                intent: Intent::Interview,
            },
        };
        self.run(app, Step::effect(effect));
    }

    /// One message through the app, then everything it asks for.
    pub fn handle(&mut self, app: &mut App, msg: Msg) {
        if matches!(msg, Msg::Done(_)) {
            self.in_flight = self.in_flight.saturating_sub(1);
            if self.in_flight == 0 {
                app.progress = None;
            }
        }
        self.call(app, |app, cx| app.update(cx, msg));
    }

    /// Whether the worker has jobs not answered yet.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Lends the context to `f` (a screen handling something), shows what it said, and carries
    /// out the step it returns.
    pub fn call(&mut self, app: &mut App, f: impl FnOnce(&mut App, &mut Ctx) -> Step) {
        let (study, prefs, open, codebook) = self.workspace.parts();
        let coder = prefs.coder_name();
        let interviewer = prefs.interviewer.as_deref().unwrap_or("");
        let mut cx = Ctx::new(
            study,
            app.texts(),
            app.now,
            app.size,
            (interviewer, &coder, prefs.coder_given()),
            open,
            codebook,
        );
        let mut step = f(app, &mut cx);
        app.tell(step.notice.take(), &cx.log);
        if let Some(id) = cx.log.written {
            self.written.insert(id);
        }
        // Codes added, renamed, merged or deleted by another process reach the screens (at
        // the latest on the next tick, once a second); a coding just checked may have read
        // the codebook on disk already.
        if let Err(e) = self.workspace.reload_codebook() {
            app.error(said(&e, app.texts()));
        }
        self.run(app, step);
    }

    fn run(&mut self, app: &mut App, step: Step) {
        for effect in step.effects {
            if let Some(answer) = self.execute(app, effect) {
                self.call(app, |app, cx| app.answer(cx, answer));
            }
        }
        if let Some(nav) = step.nav {
            self.navigate(app, nav);
        }
    }

    fn navigate(&mut self, app: &mut App, nav: Nav) {
        match nav {
            Nav::Push(screen) => {
                self.call(app, |app, cx| app.top_mut().covered(cx));
                app.push(screen);
                self.keep_session_open(app);
            }
            Nav::Replace(screen) => {
                app.pop();
                app.push(screen);
                self.keep_session_open(app);
            }
            Nav::Pop => {
                if app.pop().is_some() {
                    self.keep_session_open(app);
                    self.call(app, |app, cx| app.top_mut().resumed(cx));
                }
            }
            Nav::Help => app.help = true,
            Nav::Quit => self.quit(app),
        }
    }

    /// Every screen saves what it holds, top first; then the loop ends.
    fn quit(&mut self, app: &mut App) {
        for i in (0..app.depth()).rev() {
            self.call(app, |app, cx| app.screen_at_mut(i).leave(cx));
        }
        app.quit = true;
    }

    /// Opens the session the stack needs (closing the one open before), or closes it when no
    /// screen shows one. A session that cannot be opened again takes its screen off the stack.
    fn keep_session_open(&mut self, app: &mut App) {
        loop {
            let wanted = app.wanted_session();
            let open = self.workspace.opened().map(|a| a.doc().id);
            if wanted == open {
                return;
            }
            let Some(id) = wanted else {
                self.workspace.close_current();
                return;
            };
            match self.workspace.open_current(id) {
                Ok(_) => return,
                Err(e) => {
                    app.error(said(&e, app.texts()));
                    if app.pop().is_none() {
                        return;
                    }
                }
            }
        }
    }

    /// Does one effect: a write here, at once, answered at once; a read on the worker,
    /// answered later through the event loop.
    fn execute(&mut self, app: &App, effect: Effect) -> Option<Answer> {
        let ws = &mut self.workspace;
        let t = app.texts();
        let failed = |e: anyhow::Error| Some(Answer::Failed(said(&e, t)));
        match effect {
            Effect::Open { session, intent } => match ws.open_current(session) {
                Ok(opened) => Some(Answer::Opened {
                    session,
                    intent,
                    place: Place::Push,
                    read_only: opened.read_only,
                    recovery: opened.recovery,
                    holder: opened.holder,
                    problem: opened.problem.map(|e| said(&e, t)),
                    block_ended: opened.block_ended,
                }),
                Err(e) => failed(e),
            },
            Effect::Create { session, place } => match ws.create_current(*session) {
                Ok(session) => Some(Answer::Opened {
                    session: session.id,
                    intent: Intent::Interview,
                    place,
                    read_only: false,
                    recovery: Default::default(),
                    holder: None,
                    problem: None,
                    block_ended: None,
                }),
                Err(e) => failed(e),
            },
            Effect::EditCodebook { edit, apply } => Some(match ws.edit_codebook(*edit) {
                Ok(()) => Answer::CodebookChanged { apply },
                Err(e) => Answer::CodebookEditFailed(said(&e, t)),
            }),
            Effect::RememberInterviewer(name) => {
                ws.prefs.interviewer = Some(name);
                ws.prefs.save().err().and_then(|e| failed(e.into()))
            }
            Effect::RememberCoder(name) => {
                ws.prefs.coder = Some(name.clone());
                Some(match ws.prefs.save() {
                    Ok(()) => Answer::Info((t.keys.coder_saved)(&name)),
                    Err(e) => Answer::Failed(said(&e.into(), t)),
                })
            }
            Effect::SetQuickCode { key, code } => Some(match ws.set_quick_code(key, code) {
                Ok(()) => {
                    let name = code
                        .and_then(|c| ws.study.codebook.get(c))
                        .map_or(String::new(), |c| c.name.clone());
                    Answer::Info((t.keys.quick_code_set)(key, &name))
                }
                Err(e) => Answer::Failed(said(&e, t)),
            }),
            Effect::LoadSessions => self.job(app, Job::Sessions),
            Effect::LoadStats { by } => self.job(app, Job::Stats { by }),
            Effect::SamePerson {
                session,
                situation,
                by,
            } => {
                let change = SessionChange::PutSituation {
                    situation: *situation,
                };
                match ws.record_in(session, change) {
                    Ok(()) => {
                        self.written.insert(session);
                        self.job(app, Job::Stats { by })
                    }
                    Err(e) => failed(e),
                }
            }
            Effect::LoadExcerpts { code, descendants } => {
                self.job(app, Job::Excerpts { code, descendants })
            }
            Effect::Search(query) => {
                let changed = std::mem::take(&mut self.written).into_iter().collect();
                self.job(app, Job::Search { query, changed })
            }
            Effect::Export { kind, format } => self.job(app, Job::Export { kind, format }),
            Effect::Report => self.job(app, Job::Report),
            Effect::LoadProposals => self.job(app, Job::Proposals),
            Effect::SaveKeyTable(table, path) => {
                ws.save_key_table(&table, &path).err().and_then(failed)
            }
            Effect::Pseudonymize(mut table, path) => match ws.pseudonymize(&mut table, &path) {
                Ok(done) => Some(Answer::Pseudonymized {
                    table,
                    undo: false,
                    done: Some(done),
                }),
                Err(e) => failed(e),
            },
            Effect::UndoPseudonyms(mut table, path) => {
                match ws.undo_pseudonyms(&mut table, &path) {
                    Ok(done) => Some(Answer::Pseudonymized {
                        table,
                        undo: true,
                        done,
                    }),
                    Err(e) => failed(e),
                }
            }
        }
    }

    fn job(&mut self, app: &App, job: Job) -> Option<Answer> {
        let study = Arc::clone(&self.workspace.study);
        if self.worker.send(job, study, app.lang) {
            self.in_flight += 1;
            None
        } else {
            let t = app.texts();
            Some(Answer::Failed(t.screens.worker_stopped.to_owned()))
        }
    }

    /// Draws the screen on top with what it reads: the study, the open session, the status.
    pub fn draw(&self, app: &App, frame: &mut Frame) {
        let ws = &self.workspace;
        let coder = ws.prefs.coder_name();
        let view = View {
            study: &ws.study,
            t: app.texts(),
            now: app.now,
            coder: &coder,
            coder_named: ws.prefs.coder_given(),
            notice: app.notice.as_ref(),
            save_failed: app.save_failed,
            progress: app.progress.as_ref(),
            open: ws.opened(),
        };
        super::view::draw(app, &view, frame);
    }

    /// The open session, for tests and the end-to-end checks.
    pub fn open_session(&self) -> Option<&Session> {
        self.workspace.opened().map(|a| a.doc())
    }

    /// Called when the interface ends.
    pub fn finish(&mut self) {
        self.workspace.close_current();
    }
}
