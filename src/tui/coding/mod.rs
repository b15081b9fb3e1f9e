//! The coding screen: a session's transcript, where the analyst selects excerpts and codes them.
//!
//! The cursor and the selection are char offsets in one segment's text (codings never span two
//! segments). A selection takes in the char under the cursor, as vim's visual mode does. The
//! transcript is laid out only as far as it is shown (`layout.rs`), so a key costs the same on
//! a session of any size. Changes go through [`CodingScreen::record`] (`edit.rs`), which
//! journals them and keeps what undoes them.

pub mod edit;
pub mod keys;
pub mod layers;
pub mod layout;
pub mod motion;
pub mod popup;
pub mod proposals;
pub mod view;

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;

pub use self::edit::{Undo, UndoBy};
pub use self::layers::Layer;
use self::layout::{Laying, Layout, Spot};
pub use self::popup::{ChooseFor, Popup};
use crate::i18n::Texts;
use crate::study::{Coding, Excerpt, Session, SessionId, Study};
use crate::tui::ctx::{Ctx, View};
use crate::tui::keymap::HelpSection;
use crate::tui::msg::Answer;
use crate::tui::screen::{Screen, Step};

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
    /// The first row shown.
    pub top: Spot,
    /// Only this coder's codings are shown (and removable); `None`: everyone's.
    pub coder_filter: Option<String>,
    pub popup: Option<Popup>,
    /// What undoes the last actions, the latest last.
    pub undo: Vec<Undo>,
    /// A mouse drag is selecting.
    pub dragging: bool,
    /// The segment a search hit was opened on: marked until the cursor leaves it.
    pub found: Option<usize>,
    /// The transcript as laid out so far (drawing lays out too, hence the cell).
    pub layout: RefCell<Layout>,
    /// Which layers of a session with a transcript are shown.
    pub layer: Layer,
    /// Whether the session has a transcript layer (its keys are then in `F1`), as of the last
    /// key.
    pub layered: bool,
    /// The proposal `p` went to (its live coding), until it is decided.
    pub proposal: Option<crate::study::CodingId>,
}

impl CodingScreen {
    /// The coding screen of `session`, at an excerpt (from the excerpts of a code or a search
    /// hit), selected and scrolled to the middle of the screen. A whole segment (a hit in its
    /// text) is a place, marked, not a selection: the first Esc then goes back.
    pub fn open(cx: &Ctx, session: &Session, at: Option<Excerpt>) -> CodingScreen {
        let mut screen = CodingScreen {
            id: session.id,
            cursor: Pos { seg: 0, off: 0 },
            anchor: None,
            top: Spot::default(),
            coder_filter: None,
            popup: None,
            undo: Vec::new(),
            dragging: false,
            found: None,
            layout: RefCell::new(Layout::default()),
            layer: Layer::Both,
            layered: session.transcript.is_some(),
            proposal: None,
        };
        if let Some(e) = at
            && let Some(seg) = session.segment_index(e.segment)
        {
            // An excerpt of the live notes of a session with a transcript: the notes shown.
            if !screen.layer.shows(session, &session.segments[seg]) {
                screen.layer = Layer::Notes;
            }
            if e.start < e.end {
                screen.anchor = Some(Pos { seg, off: e.start });
                // The selection ends with the char under the cursor: the excerpt's last.
                let text = segment_text(session, seg);
                let last = motion::prev_char(text, e.end).max(e.start);
                screen.cursor = Pos { seg, off: last };
            } else {
                screen.cursor = Pos { seg, off: 0 };
                screen.found = Some(seg);
            }
            screen.centre(cx, session);
        }
        screen.clamp(session);
        screen
    }

    /// What laying out needs from the context.
    fn laying<'a>(&self, cx: &'a Ctx, session: &'a Session) -> Laying<'a> {
        Laying {
            session,
            study: cx.study,
            no_question: cx.t.no_question,
            layer: self.layer,
        }
    }

    /// The transcript area for the terminal's size, the layout set to its width.
    pub fn area(&self, size: (u16, u16), study: &Study, session: &Session) -> Rect {
        let beside = self.layer.beside(session);
        let area = view::Areas::of(Rect::new(0, 0, size.0, size.1), study, beside).transcript;
        self.layout.borrow_mut().set_width(area.width);
        area
    }

    /// Scrolls so that the cursor's row is in the middle of the transcript.
    pub fn centre(&mut self, cx: &Ctx, session: &Session) {
        let area = self.area(cx.size, cx.study, session);
        let lay = self.laying(cx, session);
        let mut layout = self.layout.borrow_mut();
        let here = layout.spot_of(&lay, self.cursor.seg, self.cursor.off);
        self.top = layout.walk(&lay, here, -(area.height as isize / 2));
    }

    /// Keeps the cursor's row on screen, scrolling as little as needed (the segment's heading
    /// shown above its first row when possible).
    pub fn scroll_to_cursor(&mut self, cx: &Ctx, session: &Session) {
        let area = self.area(cx.size, cx.study, session);
        let height = area.height.max(1) as isize;
        let lay = self.laying(cx, session);
        let mut layout = self.layout.borrow_mut();
        let here = layout.spot_of(&lay, self.cursor.seg, self.cursor.off);
        if here < self.top {
            let heading = if here.row > 0 && self.cursor.off == 0 {
                -(here.row as isize)
            } else {
                0
            };
            self.top = layout.walk(&lay, here, heading);
            return;
        }
        // On screen if reached from the top in fewer rows than the height.
        let mut spot = self.top;
        for _ in 1..height {
            if spot == here {
                return;
            }
            match layout.next(&lay, spot) {
                Some(next) => spot = next,
                None => return,
            }
        }
        if spot != here {
            self.top = layout.walk(&lay, here, -(height - 1));
        }
    }

    /// Keeps the cursor and the selection inside the session as it is now (another screen, a
    /// correction, an undo changed it).
    pub fn clamp(&mut self, session: &Session) {
        let mut layout = self.layout.borrow_mut();
        self.cursor = inside(&mut layout, session, self.cursor);
        self.anchor = self.anchor.map(|p| inside(&mut layout, session, p));
        let last = session.segments.len().saturating_sub(1);
        self.top.seg = self.top.seg.min(last);
        if self.found.is_some_and(|f| f > last) {
            self.found = None;
        }
        drop(layout);
        self.layered = session.transcript.is_some();
        if !self.layered {
            self.layer = Layer::Both;
        }
        // On a segment of the layer not shown: the nearest shown one.
        if let Some(seg) = session.segments.get(self.cursor.seg)
            && !self.layer.shows(session, seg)
        {
            let at = self.cursor.seg as isize;
            if let Some(seg) = layers::shown_from(session, self.layer, at, 1)
                .or_else(|| layers::shown_from(session, self.layer, at, -1))
            {
                self.cursor = Pos { seg, off: 0 };
                self.anchor = None;
            }
        }
        if let Some(top) = session.segments.get(self.top.seg)
            && !self.layer.shows(session, top)
        {
            self.top = Spot {
                seg: self.cursor.seg,
                row: 0,
            };
        }
    }

    /// The length in chars of the segment at index `seg`.
    pub fn char_len(&self, session: &Session, seg: usize) -> usize {
        self.layout.borrow_mut().char_len(session, seg)
    }

    /// The selected span `(segment index, start, end)`, within the cursor's segment: from the
    /// anchor to the cursor, both chars included.
    pub fn selection(&self, session: &Session) -> Option<(usize, usize, usize)> {
        let anchor = self.anchor?;
        let seg = self.cursor.seg;
        let len = self.char_len(session, seg);
        let a = if anchor.seg == seg {
            anchor.off
        } else if anchor.seg < seg {
            0
        } else {
            len
        };
        let (start, last) = (a.min(self.cursor.off), a.max(self.cursor.off));
        let end = self.after(session, seg, last).min(len);
        (start < end).then_some((seg, start, end))
    }

    /// The char just after the grapheme at `off` (an accent stays with its letter).
    fn after(&self, session: &Session, seg: usize, off: usize) -> usize {
        let text = segment_text(session, seg);
        let byte = self.layout.borrow_mut().byte_of(session, seg, off);
        motion::local(text, byte, off, motion::next_char)
    }

    /// The span a code goes on: the selection, else the whole segment under the cursor.
    pub fn target(&self, session: &Session) -> Option<Excerpt> {
        let (seg, start, end) = self
            .selection(session)
            .unwrap_or_else(|| (self.cursor.seg, 0, self.char_len(session, self.cursor.seg)));
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
}

/// The nearest place to `p` that exists in `session`: on a char of the segment (or at 0 in an
/// empty one).
fn inside(layout: &mut Layout, session: &Session, p: Pos) -> Pos {
    let seg = p.seg.min(session.segments.len().saturating_sub(1));
    let len = layout.char_len(session, seg);
    let off = if p.off < len {
        p.off
    } else {
        let text = segment_text(session, seg);
        motion::local(text, text.len(), len, motion::prev_char)
    };
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
        match answer {
            Answer::CodebookChanged { apply: Some(code) } => self.apply_code(cx, code),
            Answer::CodebookEditFailed(why) => Step::error(why),
            _ => Step::none(),
        }
    }

    /// Back from the codebook or a search: the session may have changed under the cursor.
    fn resumed(&mut self, cx: &mut Ctx) -> Step {
        self.text_changed(cx);
        Step::none()
    }

    fn session(&self) -> Option<SessionId> {
        Some(self.id)
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        view::draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        keys::help(self, t)
    }
}
