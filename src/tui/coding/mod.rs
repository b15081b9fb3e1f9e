//! The coding screen: a session's transcript, where the analyst selects excerpts and codes them.
//!
//! The cursor and the selection are char offsets in one segment's text (codings never span two
//! segments). Changes go through [`CodingScreen::record`] (`edit.rs`), which journals them and
//! keeps what undoes them.

pub mod edit;
pub mod keys;
pub mod layout;
pub mod motion;
pub mod popup;
pub mod view;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};

pub use self::edit::Undo;
pub use self::popup::{ChooseFor, Popup};
use crate::i18n::Texts;
use crate::study::{Coding, Excerpt, Session, SessionId, text};
use crate::tui::ctx::{Ctx, View};
use crate::tui::msg::Answer;
use crate::tui::screen::{Bindings, Screen, Step};

/// A place in the transcript: a segment (by index) and a char offset in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub seg: usize,
    pub off: usize,
}

pub struct CodingScreen {
    /// The session coded; the open session while this screen is on top.
    pub id: SessionId,
    pub cursor: Pos,
    /// Where the selection started, if one is being made.
    pub anchor: Option<Pos>,
    /// First row shown.
    pub top: usize,
    /// Only this coder's codings are shown (and removable); `None`: everyone's.
    pub coder_filter: Option<String>,
    pub popup: Option<Popup>,
    /// What undoes the last actions, the latest last.
    pub undo: Vec<Undo>,
    /// A mouse drag is selecting.
    pub dragging: bool,
}

impl CodingScreen {
    /// The coding screen of `session`, at an excerpt, selected, if given (from the retrieval
    /// list or a search hit).
    pub fn open(session: &Session, at: Option<Excerpt>) -> CodingScreen {
        let mut screen = CodingScreen {
            id: session.id,
            cursor: Pos { seg: 0, off: 0 },
            anchor: None,
            top: 0,
            coder_filter: None,
            popup: None,
            undo: Vec::new(),
            dragging: false,
        };
        if let Some(e) = at
            && let Some(seg) = session.segment_index(e.segment)
        {
            // A whole segment (a search hit in its text) is a place, not a selection: the
            // first Esc then goes back rather than clearing a selection nobody sees.
            screen.anchor = (e.start < e.end).then_some(Pos { seg, off: e.start });
            screen.cursor = Pos { seg, off: e.end };
        }
        screen
    }

    /// Keeps the cursor and the selection inside the session as it is now (another screen, a
    /// correction, an undo changed it).
    pub fn clamp(&mut self, session: &Session) {
        self.cursor = inside(session, self.cursor);
        self.anchor = self.anchor.map(|p| inside(session, p));
    }

    /// The selected span `(segment index, start, end)`, within the cursor's segment.
    pub fn selection(&self, session: &Session) -> Option<(usize, usize, usize)> {
        let anchor = self.anchor?;
        let seg = self.cursor.seg;
        let a = if anchor.seg == seg {
            anchor.off
        } else if anchor.seg < seg {
            0
        } else {
            text::char_len(segment_text(session, seg))
        };
        let (start, end) = (a.min(self.cursor.off), a.max(self.cursor.off));
        (start < end).then_some((seg, start, end))
    }

    /// The span a code goes on: the selection, else the whole segment under the cursor.
    pub fn target(&self, session: &Session) -> Option<Excerpt> {
        let (seg, start, end) = self.selection(session).unwrap_or_else(|| {
            (
                self.cursor.seg,
                0,
                text::char_len(segment_text(session, self.cursor.seg)),
            )
        });
        let segment = session.segments.get(seg)?;
        (start < end).then_some(Excerpt {
            segment: segment.id,
            start,
            end,
        })
    }

    /// Whether a coding is shown with the current coder filter.
    pub fn shows(&self, coding: &Coding) -> bool {
        self.coder_filter
            .as_ref()
            .is_none_or(|c| *c == coding.coder)
    }

    /// The codings (shown) that contain the cursor, or overlap the selection.
    pub fn codings_here<'s>(&self, session: &'s Session) -> Vec<&'s Coding> {
        let Some(segment) = session.segments.get(self.cursor.seg) else {
            return Vec::new();
        };
        let (start, end) = match self.selection(session) {
            Some((_, s, e)) => (s, e),
            None => (self.cursor.off, self.cursor.off + 1),
        };
        session
            .codings
            .iter()
            .filter(|c| c.segment == segment.id && self.shows(c) && c.start < end && start < c.end)
            .collect()
    }

    /// Keeps the cursor's row on screen, `height` rows tall.
    pub fn scroll_to_cursor(&mut self, rows: &[layout::Row], height: usize) {
        let Some(row) = layout::row_of(rows, self.cursor.seg, self.cursor.off) else {
            return;
        };
        // Show the segment heading above the first row of a segment when possible.
        let wanted = row.saturating_sub(usize::from(self.cursor.off == 0) * 2);
        if wanted < self.top {
            self.top = wanted;
        } else if row >= self.top + height {
            self.top = row + 1 - height;
        }
    }
}

/// The nearest place to `p` that exists in `session`.
fn inside(session: &Session, p: Pos) -> Pos {
    let seg = p.seg.min(session.segments.len().saturating_sub(1));
    let off = p.off.min(text::char_len(segment_text(session, seg)));
    Pos { seg, off }
}

/// The text of the segment at index `seg` ("" past the end).
pub fn segment_text(session: &Session, seg: usize) -> &str {
    session.segments.get(seg).map_or("", |s| s.text.as_str())
}

impl Screen for CodingScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        keys::on_key(self, cx, key)
    }

    fn mouse(&mut self, cx: &mut Ctx, mouse: MouseEvent) -> Step {
        keys::on_mouse(self, cx, mouse)
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Step {
        popup::paste(self, text);
        Step::none()
    }

    /// A code made on the spot from the picker is applied once the codebook has it.
    fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        if let Answer::CodebookChanged {
            apply: Some(code), ..
        } = answer
        {
            self.apply_code(cx, code);
        }
        Step::none()
    }

    /// Back from the codebook or a search: the session may have changed under the cursor.
    fn resumed(&mut self, cx: &mut Ctx) -> Step {
        if let Some(session) = cx.session(self.id) {
            self.clamp(session);
        }
        Step::none()
    }

    fn session(&self) -> Option<SessionId> {
        Some(self.id)
    }

    fn opens_search(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::Char('/') && self.popup.is_none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        view::draw(frame, view, self);
    }

    fn help(&self, t: &'static Texts) -> Bindings {
        t.help_coding
    }
}
