//! The state of the interface: a stack of screens (the home screen at the bottom), the help
//! overlay, the status line. [`App::update`] gives a message to the screen on top (after the
//! keys that work everywhere) and returns what it says should happen; the runtime carries that
//! out. Tests drive the interface through the same runtime.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::coding::CodingScreen;
use super::ctx::{Ctx, RecordLog};
use super::home::Home;
use super::interview::Interview;
use super::keymap::{
    self, Binding, DOWN, HelpSection, PAGE_DOWN, PAGE_UP, UP, bind, ch, ctrl, key,
};
use super::msg::{Answer, Intent, Msg, Place, Progress};
use super::screen::{Nav, Notice, Screen, Step};
use crate::i18n::{Lang, Texts};
use crate::study::{SessionId, Time};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Global {
    Help,
    Quit,
}

/// The keys of every screen.
pub static GLOBAL: &[Binding<Global>] = &[
    bind(&[key(KeyCode::F(1))], Global::Help, |k| k.help),
    bind(&[ctrl('c')], Global::Quit, |k| k.quit_anywhere),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpAct {
    Down,
    Up,
    PageDown,
    PageUp,
}

/// The keys of the help itself.
pub static HELP: &[Binding<HelpAct>] = &[
    bind(&[DOWN, ch('j')], HelpAct::Down, |k| k.scroll_help),
    bind(&[UP, ch('k')], HelpAct::Up, |k| k.scroll_help),
    bind(&[PAGE_DOWN], HelpAct::PageDown, |k| k.scroll_help),
    bind(&[PAGE_UP], HelpAct::PageUp, |k| k.scroll_help),
];

pub struct App {
    pub lang: Lang,
    /// The screens, the one shown last. Never empty: the home screen is at the bottom.
    stack: Vec<Box<dyn Screen>>,
    /// The key bindings of the screen on top are shown over it.
    pub help: bool,
    /// Rows of the help scrolled past (a long help on a small terminal).
    pub help_scroll: u16,
    pub notice: Option<Notice>,
    /// A change could not be written: shown until a later change is written.
    pub save_failed: bool,
    /// The work under way on the worker, as last reported.
    pub progress: Option<Progress>,
    /// The clock, set by the runtime before each message.
    pub now: Time,
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(lang: Lang, now: Time) -> App {
        App {
            lang,
            stack: vec![Box::new(Home::loading())],
            help: false,
            help_scroll: 0,
            notice: None,
            save_failed: false,
            progress: None,
            now,
            size: (80, 24),
            quit: false,
        }
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn top(&self) -> &dyn Screen {
        self.stack
            .last()
            .expect("the stack is never empty")
            .as_ref()
    }

    pub fn top_mut(&mut self) -> &mut dyn Screen {
        self.stack
            .last_mut()
            .expect("the stack is never empty")
            .as_mut()
    }

    /// The screen on top, if it is a `T`.
    pub fn screen<T: Screen>(&self) -> Option<&T> {
        self.top().downcast_ref()
    }

    pub fn screen_mut<T: Screen>(&mut self) -> Option<&mut T> {
        self.top_mut().downcast_mut()
    }

    /// Whether the screen on top is a `T`.
    pub fn is<T: Screen>(&self) -> bool {
        self.top().is::<T>()
    }

    /// How many screens are stacked (1: only the home screen).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The session that must be open: that of the highest screen that shows one.
    pub fn wanted_session(&self) -> Option<SessionId> {
        self.stack.iter().rev().find_map(|s| s.session())
    }

    /// When the runtime must wake up even if no key is pressed: when the screen on top asks,
    /// and at least once a second, so that codebook changes made elsewhere show up.
    pub fn next_deadline(&self) -> Option<Time> {
        let second = self.now
            + chrono::Duration::milliseconds(1000 - i64::from(self.now.timestamp_subsec_millis()));
        let screen = self.top().deadline(self.now);
        Some(screen.map_or(second, |d| d.min(second)))
    }

    pub fn push(&mut self, screen: Box<dyn Screen>) {
        self.stack.push(screen);
    }

    /// Removes the screen on top; the home screen stays.
    pub fn pop(&mut self) -> Option<Box<dyn Screen>> {
        (self.stack.len() > 1).then(|| self.stack.pop()).flatten()
    }

    /// The screen at height `i` (0: the home screen).
    pub fn screen_at_mut(&mut self, i: usize) -> &mut dyn Screen {
        self.stack[i].as_mut()
    }

    fn info(&mut self, text: impl Into<String>) {
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

    /// Gives a message to the screen on top, after the keys that work on every screen.
    pub fn update(&mut self, cx: &mut Ctx, msg: Msg) -> Step {
        match msg {
            Msg::Key(key) if key.kind != KeyEventKind::Press => Step::none(),
            Msg::Key(key) => self.on_key(cx, key),
            Msg::Mouse(mouse) => self.top_mut().mouse(cx, mouse),
            Msg::Paste(text) => self.top_mut().paste(cx, &text),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                Step::none()
            }
            Msg::Tick => self.top_mut().tick(cx),
            Msg::Hangup => Step::nav(Nav::Quit),
            Msg::Progress(progress) => {
                self.progress = Some(progress);
                Step::none()
            }
            Msg::Done(answer) => self.answer(cx, answer),
        }
    }

    fn on_key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        self.notice = None;
        if self.help {
            // The arrows scroll a long help; any other key closes it.
            match keymap::lookup(HELP, &key).map(|h| h.action) {
                Some(HelpAct::Down) => self.help_scroll = self.help_scroll.saturating_add(1),
                Some(HelpAct::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
                Some(HelpAct::PageDown) => self.help_scroll = self.help_scroll.saturating_add(10),
                Some(HelpAct::PageUp) => self.help_scroll = self.help_scroll.saturating_sub(10),
                None => {
                    self.help = false;
                    self.help_scroll = 0;
                }
            }
            return Step::none();
        }
        match keymap::lookup(GLOBAL, &key).map(|h| h.action) {
            Some(Global::Help) => Step::nav(Nav::Help),
            // Ctrl+C leaves cleanly from anywhere: what is typed is saved first.
            Some(Global::Quit) => Step::nav(Nav::Quit),
            None => self.top_mut().key(cx, key),
        }
    }

    /// What `F1` shows: the keys of the screen on top, then those of every screen.
    pub fn help(&self) -> Vec<HelpSection> {
        let t = self.texts();
        let mut sections = self.top().help(t);
        sections.push(keymap::section(t.keys.section_everywhere, GLOBAL, t));
        sections
    }

    /// What an effect gave. The app opens sessions in the screen their intent names and shows
    /// what is to be told; every other answer goes to the screen on top.
    pub fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        match answer {
            Answer::Opened {
                session,
                intent,
                place,
                read_only,
                recovery,
                holder,
                problem,
                block_ended,
            } => {
                let Some(doc) = cx.session(session) else {
                    return Step::none();
                };
                let t = cx.t;
                let screen: Box<dyn Screen> = match intent {
                    Intent::Interview => {
                        let mut interview = Interview::resume(cx, doc);
                        // A new sitting begins on the question it resumes at.
                        interview.visit(cx, interview.question, true);
                        Box::new(interview)
                    }
                    Intent::Coding(at) => Box::new(CodingScreen::open(cx, doc, at)),
                };
                let mut step = Step::nav(match place {
                    Place::Push => Nav::Push(screen),
                    Place::Replace => Nav::Replace(screen),
                });
                if !recovery.is_empty() {
                    let mut said = (t.keys.recovered)(recovery.replayed, recovery.torn_line);
                    if let Some(end) = block_ended {
                        said.push(' ');
                        said.push_str(&(t.keys.block_ended)(&end.format("%H:%M:%S").to_string()));
                    }
                    step = step.with_info(said);
                }
                if let Some(problem) = problem {
                    step = step.with_error(format!("{} — {problem}", t.read_only));
                } else if read_only {
                    // Who writes it, when the other process said so in its lock.
                    let who = holder.map_or(String::new(), |h| {
                        format!(" ({})", (t.keys.held_by)(h.pid, &h.user, &h.host, &h.since))
                    });
                    step = step.with_error(format!("{}{who}", t.session_locked));
                }
                step
            }
            Answer::Info(text) => Step::info(text),
            Answer::Failed(text) => Step::error(text),
            Answer::Superseded => Step::none(),
            other => self.top_mut().answer(cx, other),
        }
    }

    /// What a screen said to tell, and what recording did meanwhile: a change that could not
    /// be written wins; then what applying the changes noticed (a code merged meanwhile…),
    /// unless the screen said an error; then what the screen says.
    pub fn tell(&mut self, notice: Option<Notice>, log: &RecordLog) {
        let screen_error = notice.as_ref().is_some_and(|n| n.error);
        if let Some(notice) = notice {
            self.notice = Some(notice);
        }
        if log.written.is_some() && log.failed.is_none() {
            self.save_failed = false;
            if let Some(first) = log.notices.first()
                && !screen_error
            {
                self.info(first.clone());
            }
        }
        if let Some(failed) = &log.failed {
            self.save_failed = true;
            self.error(failed.clone());
        }
    }
}
