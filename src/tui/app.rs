//! The state of the interface and the one function that changes it. `update` does no I/O: it
//! returns effects, which the runtime carries out and answers with messages. Tests drive the
//! interface through this same function.

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::codebook::CodebookScreen;
use super::coding::CodingScreen;
use super::home::Home;
use super::interview::Interview;
use super::msg::{Effect, Msg};
use super::retrieval::RetrievalScreen;
use super::search::SearchScreen;
use super::setup::Setup;
use super::stats::StatsScreen;
use crate::i18n::{Lang, Texts};
use crate::study::{Excerpt, Study, Time};

pub enum Screen {
    Home(Home),
    Setup(Box<Setup>),
    Interview(Box<Interview>),
    Coding(Box<CodingScreen>),
    Codebook(Box<CodebookScreen>),
    Retrieval(Box<RetrievalScreen>),
    Stats(Box<StatsScreen>),
    Search(Box<SearchScreen>),
}

/// What screen a session opens in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OpenAs {
    Interview,
    /// The coding screen, at an excerpt if given.
    Coding(Option<Excerpt>),
}

/// A one-line message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub lang: Lang,
    pub study: Study,
    pub screen: Screen,
    /// The key bindings of the current screen are shown over it.
    pub help: bool,
    pub notice: Option<Notice>,
    /// A change could not be written: shown until a later change is written.
    pub save_error: Option<String>,
    /// The clock, set by the runtime before each message.
    pub now: Time,
    pub size: (u16, u16),
    /// The interviewer's name from the preferences, offered in the setup form.
    pub interviewer: String,
    /// The name codings are signed with.
    pub coder: String,
    /// The screen the next opened session goes to.
    pub open_as: OpenAs,
    pub quit: bool,
}

impl App {
    pub fn new(lang: Lang, study: Study, now: Time, interviewer: String, coder: String) -> App {
        App {
            lang,
            study,
            screen: Screen::Home(Home::default()),
            help: false,
            notice: None,
            save_error: None,
            now,
            size: (80, 24),
            interviewer,
            coder,
            open_as: OpenAs::Interview,
            quit: false,
        }
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }

    /// When the runtime must wake up even if no key is pressed: to save a draft, to move the
    /// clock on. `None`: sleep until the next input.
    pub fn next_deadline(&self) -> Option<Time> {
        match &self.screen {
            Screen::Interview(i) => {
                let clock = self.now
                    + Duration::milliseconds(1000 - i64::from(self.now.timestamp_subsec_millis()));
                Some(i.draft_deadline().map_or(clock, |d| d.min(clock)))
            }
            Screen::Search(s) => s.deadline(),
            _ => None,
        }
    }
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Press => Vec::new(),
        Msg::Key(key) => on_key(app, key),
        Msg::Mouse(mouse) => match &mut app.screen {
            Screen::Interview(_) => super::interview::keys::on_mouse(app, mouse),
            Screen::Coding(_) => super::coding::keys::on_mouse(app, mouse),
            Screen::Home(_) => super::home::on_mouse(app, mouse),
            _ => Vec::new(),
        },
        Msg::Paste(text) => match &mut app.screen {
            Screen::Interview(_) => super::interview::keys::on_paste(app, &text),
            Screen::Coding(_) => super::coding::keys::on_paste(app, &text),
            Screen::Codebook(_) => {
                super::codebook::on_paste(app, &text);
                Vec::new()
            }
            Screen::Setup(setup) => {
                setup.paste(&text);
                Vec::new()
            }
            Screen::Search(_) => {
                super::search::on_paste(app, &text);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Tick => match &app.screen {
            Screen::Interview(_) => super::interview::keys::on_tick(app),
            Screen::Search(_) => super::search::on_tick(app),
            _ => Vec::new(),
        },
        Msg::Hangup => {
            let mut effects = leave_session(app);
            effects.push(Effect::Quit);
            app.quit = true;
            effects
        }
        Msg::SessionsLoaded(sessions, unreadable) => {
            let home = Home::new(&app.study, sessions, unreadable);
            app.screen = Screen::Home(home);
            Vec::new()
        }
        Msg::SessionOpened {
            session,
            read_only,
            notes,
        } => {
            if let Some(note) = notes.first() {
                app.info(note.clone());
            }
            if read_only {
                app.error(app.texts().session_locked);
            }
            app.screen = match app.open_as {
                OpenAs::Interview => Screen::Interview(Box::new(Interview::resume(
                    &app.study, *session, read_only, app.now,
                ))),
                OpenAs::Coding(excerpt) => {
                    Screen::Coding(Box::new(CodingScreen::new(*session, read_only).at(excerpt)))
                }
            };
            Vec::new()
        }
        Msg::OpenCodebook => {
            let back = std::mem::replace(&mut app.screen, Screen::Home(Home::default()));
            app.screen = Screen::Codebook(Box::new(CodebookScreen::new(Some(Box::new(back)))));
            Vec::new()
        }
        Msg::SearchDone(result) => {
            if let Screen::Search(s) = &mut app.screen {
                match result {
                    Ok(results) => {
                        s.results = *results;
                        s.error = None;
                        s.selected = 0;
                    }
                    Err(error) => s.error = Some(error),
                }
            }
            Vec::new()
        }
        Msg::ShowHelp => {
            app.help = true;
            Vec::new()
        }
        Msg::SessionRefreshed(session) => {
            match &mut app.screen {
                Screen::Coding(c) => c.refresh(*session),
                Screen::Interview(i) => i.resync(*session, app.now),
                _ => {}
            }
            Vec::new()
        }
        Msg::CodebookChanged {
            codebook,
            undo,
            apply,
        } => {
            app.study.codebook = *codebook;
            let (now, coder) = (app.now, app.coder.clone());
            match &mut app.screen {
                Screen::Codebook(screen) => {
                    screen.undo.extend(undo.map(|u| *u));
                    screen.selected = screen
                        .selected
                        .min(app.study.codebook.codes.len().saturating_sub(1));
                }
                Screen::Coding(screen) => {
                    if let Some(code) = apply {
                        return screen.apply_code(&app.study, code, &coder, now);
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Msg::CodebookEditFailed { error, undo } => {
            app.error(error);
            if let (Screen::Codebook(screen), Some(undo)) = (&mut app.screen, undo) {
                screen.undo.push(*undo);
            }
            Vec::new()
        }
        Msg::ExcerptsLoaded {
            code,
            descendants,
            excerpts,
        } => {
            let screen = std::mem::replace(&mut app.screen, Screen::Home(Home::default()));
            app.screen = match screen {
                Screen::Codebook(back) => Screen::Retrieval(Box::new(RetrievalScreen {
                    code,
                    descendants,
                    excerpts,
                    selected: 0,
                    back,
                })),
                Screen::Retrieval(mut r) => {
                    r.descendants = descendants;
                    r.excerpts = excerpts;
                    r.selected = 0;
                    Screen::Retrieval(r)
                }
                other => other,
            };
            Vec::new()
        }
        Msg::Failed(error) => {
            app.save_error = Some(error.clone());
            app.error(error);
            // What is on screen went further than what is saved: take the saved session back,
            // so that what failed is sent again.
            match app.screen {
                Screen::Interview(_) | Screen::Coding(_) => vec![Effect::RefreshSession],
                _ => Vec::new(),
            }
        }
        Msg::Report(text) => {
            app.error(text);
            Vec::new()
        }
        Msg::Info(text) => {
            app.info(text);
            Vec::new()
        }
        Msg::StatsLoaded(sessions) => {
            app.screen = Screen::Stats(Box::new(StatsScreen::new(&app.study, &sessions)));
            Vec::new()
        }
        Msg::Saved(notices) => {
            app.save_error = None;
            if let Some(notice) = notices.into_iter().next() {
                app.info(notice);
            }
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.notice = None;
    if app.help {
        // Any key closes the help.
        app.help = false;
        return Vec::new();
    }
    if key.code == KeyCode::F(1) {
        app.help = true;
        return Vec::new();
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl+C leaves cleanly from anywhere: the draft is saved first.
        let mut effects = leave_session(app);
        effects.push(Effect::Quit);
        app.quit = true;
        return effects;
    }
    if opens_search(app, key) {
        return open_search(app);
    }
    match &app.screen {
        Screen::Home(_) => super::home::on_key(app, key),
        Screen::Setup(_) => super::setup::on_key(app, key),
        Screen::Interview(_) => super::interview::keys::on_key(app, key),
        Screen::Coding(_) => super::coding::keys::on_key(app, key),
        Screen::Codebook(_) => super::codebook::on_key(app, key),
        Screen::Retrieval(_) => super::retrieval::on_key(app, key),
        Screen::Stats(_) => super::stats::on_key(app, key),
        Screen::Search(_) => super::search::on_key(app, key),
    }
}

/// `/` where it types nothing (not in a text field or a popup), `Ctrl+F` in the interview.
fn opens_search(app: &App, key: KeyEvent) -> bool {
    let slash = key.code == KeyCode::Char('/');
    let ctrl_f = key.code == KeyCode::Char('f') && key.modifiers.contains(KeyModifiers::CONTROL);
    match &app.screen {
        Screen::Home(_) | Screen::Stats(_) | Screen::Retrieval(_) => slash,
        Screen::Coding(c) => slash && c.popup.is_none(),
        Screen::Codebook(c) => slash && c.popup.is_none(),
        Screen::Interview(i) => {
            ctrl_f || (slash && i.popup.is_none() && i.focus == super::interview::Focus::Command)
        }
        Screen::Setup(_) | Screen::Search(_) => false,
    }
}

/// Opens the search screen over the current one, which it returns to on Esc. A draft being
/// typed is saved first.
fn open_search(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let effects = match &mut app.screen {
        Screen::Interview(interview) => interview.save_draft(&app.study, now),
        _ => Vec::new(),
    };
    let back = std::mem::replace(&mut app.screen, Screen::Home(Home::default()));
    app.screen = Screen::Search(Box::new(SearchScreen::new(Some(Box::new(back)))));
    effects
}

/// Saves what is being typed and closes the open session, if any.
pub fn leave_session(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    match &mut app.screen {
        Screen::Interview(interview) => {
            let mut effects = interview.close_block(&app.study, now);
            effects.push(Effect::CloseSession);
            effects
        }
        _ => Vec::new(),
    }
}
