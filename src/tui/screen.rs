//! What a screen is to the app: a component that reacts to input through a narrow context and
//! says what should happen next ([`Step`]), and draws itself from a read-only view. A screen
//! never sees the app, the runtime or the other screens; the app keeps the screens as a stack.

use std::any::Any;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::ctx::{Ctx, View};
use super::keymap::HelpSection;
use super::msg::{Answer, Effect};
use crate::i18n::Texts;
use crate::study::{SessionId, Time};

pub trait Screen: Any {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step;

    fn mouse(&mut self, _cx: &mut Ctx, _mouse: MouseEvent) -> Step {
        Step::none()
    }

    fn paste(&mut self, _cx: &mut Ctx, _text: &str) -> Step {
        Step::none()
    }

    /// The deadline asked for by [`Screen::deadline`] has passed.
    fn tick(&mut self, _cx: &mut Ctx) -> Step {
        Step::none()
    }

    /// When the screen must be woken even if no key is pressed (a draft to save, a clock, a
    /// query to run). `None`: sleep until the next input.
    fn deadline(&self, _now: Time) -> Option<Time> {
        None
    }

    /// What an effect gave; the screen on top receives every answer the app does not take.
    fn answer(&mut self, _cx: &mut Ctx, _answer: Answer) -> Step {
        Step::none()
    }

    /// Another screen is about to go over this one: save what is being typed.
    fn covered(&mut self, _cx: &mut Ctx) -> Step {
        Step::none()
    }

    /// The screen above was closed: this one is on top again.
    fn resumed(&mut self, _cx: &mut Ctx) -> Step {
        Step::none()
    }

    /// The interface is closing (Ctrl+C, hang-up): save and close what is open.
    fn leave(&mut self, _cx: &mut Ctx) -> Step {
        Step::none()
    }

    /// The session this screen shows. The runtime keeps open the session of the highest
    /// screen on the stack that has one, and closes it when no screen has.
    fn session(&self) -> Option<SessionId> {
        None
    }

    fn draw(&self, frame: &mut Frame, view: &View);

    /// The keys `F1` shows: the tables the screen dispatches keys with, for the mode it is in
    /// (a popup's first).
    fn help(&self, t: &Texts) -> Vec<HelpSection>;
}

impl dyn Screen {
    pub fn downcast_ref<T: Screen>(&self) -> Option<&T> {
        (self as &dyn Any).downcast_ref()
    }

    pub fn downcast_mut<T: Screen>(&mut self) -> Option<&mut T> {
        (self as &mut dyn Any).downcast_mut()
    }

    pub fn is<T: Screen>(&self) -> bool {
        (self as &dyn Any).is::<T>()
    }
}

/// What should happen after a screen handled something: effects for the runtime, in order; a
/// move on the stack; a message for the status line.
#[derive(Default)]
pub struct Step {
    pub effects: Vec<Effect>,
    pub nav: Option<Nav>,
    pub notice: Option<Notice>,
}

/// A move on the stack of screens, or on the app itself.
pub enum Nav {
    /// A new screen over this one; `Pop` comes back here.
    Push(Box<dyn Screen>),
    /// A new screen instead of this one.
    Replace(Box<dyn Screen>),
    /// Back to the screen under this one (the home screen is never popped).
    Pop,
    /// The key bindings over the screen.
    Help,
    /// Leave grille.
    Quit,
}

/// A one-line message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

impl Step {
    pub fn none() -> Step {
        Step::default()
    }

    pub fn effect(effect: Effect) -> Step {
        Step::effects(vec![effect])
    }

    pub fn effects(effects: Vec<Effect>) -> Step {
        Step {
            effects,
            ..Step::default()
        }
    }

    pub fn nav(nav: Nav) -> Step {
        Step {
            nav: Some(nav),
            ..Step::default()
        }
    }

    pub fn push(screen: impl Screen) -> Step {
        Step::nav(Nav::Push(Box::new(screen)))
    }

    pub fn error(text: impl Into<String>) -> Step {
        Step::none().with_error(text)
    }

    pub fn info(text: impl Into<String>) -> Step {
        Step::none().with_info(text)
    }

    pub fn with_nav(mut self, nav: Nav) -> Step {
        self.nav = Some(nav);
        self
    }

    pub fn with_effect(mut self, effect: Effect) -> Step {
        self.effects.push(effect);
        self
    }

    pub fn with_error(mut self, text: impl Into<String>) -> Step {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
        self
    }

    pub fn with_info(mut self, text: impl Into<String>) -> Step {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
        self
    }

    /// This step, then `next`: effects in order; `next`'s move and message win.
    pub fn then(mut self, next: Step) -> Step {
        self.effects.extend(next.effects);
        self.nav = next.nav.or(self.nav);
        self.notice = next.notice.or(self.notice);
        self
    }
}

impl From<Vec<Effect>> for Step {
    fn from(effects: Vec<Effect>) -> Step {
        Step::effects(effects)
    }
}
