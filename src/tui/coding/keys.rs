//! What keys and the mouse do on the coding screen (popups aside: `popup.rs`).

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::layout::{self, Row};
use super::view::Areas;
use super::{ChooseFor, CodingScreen, Popup, Pos, motion, popup, segment_text};
use crate::study::{CodingId, Session, text};
use crate::tui::ctx::Ctx;
use crate::tui::msg::Effect;
use crate::tui::screen::{Nav, Step};
use crate::tui::widget::field::Field;
use crate::tui::widget::menu::Menu;
use crate::tui::widget::picker::CodePicker;
use crate::tui::widget::quick_codes::quick_code;

/// The transcript as laid out on this terminal: what moving by rows and clicks read.
struct Laid {
    rows: Vec<Row>,
    area: Rect,
}

impl Laid {
    fn of(session: &Session, cx: &Ctx) -> Laid {
        let area = Areas::of(Rect::new(0, 0, cx.size.0, cx.size.1)).transcript;
        Laid {
            rows: layout::rows(session, cx.study, area.width, cx.t.no_question),
            area,
        }
    }

    fn height(&self) -> usize {
        self.area.height as usize
    }
}

pub fn on_key(s: &mut CodingScreen, cx: &mut Ctx, key: KeyEvent) -> Step {
    if s.popup.is_some() {
        return popup::on_key(s, cx, key);
    }
    let Some(session) = cx.session(s.id) else {
        return Step::nav(Nav::Pop);
    };
    let laid = Laid::of(session, cx);
    let writable = cx.writable(s.id);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let moving = matches!(
        key.code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    );
    // Shift with a movement extends the selection, as in any editor.
    if moving && shift && s.anchor.is_none() {
        s.anchor = Some(s.cursor);
    }
    let text = segment_text(session, s.cursor.seg);
    let off = s.cursor.off;
    let page = laid.height().max(2) as isize - 1;
    match key.code {
        KeyCode::Left | KeyCode::Char('h') if ctrl || alt => {
            s.cursor.off = motion::word_start(text, off)
        }
        KeyCode::Right | KeyCode::Char('l') if ctrl || alt => {
            s.cursor.off = motion::word_end(text, off)
        }
        KeyCode::Left | KeyCode::Char('h') => s.cursor.off = motion::prev_char(text, off),
        KeyCode::Right | KeyCode::Char('l') => s.cursor.off = motion::next_char(text, off),
        KeyCode::Char('w') => s.cursor.off = motion::word_end(text, off),
        KeyCode::Char('b') => s.cursor.off = motion::word_start(text, off),
        KeyCode::Char(')') => s.cursor.off = motion::sentence_end(text, off),
        KeyCode::Char('(') => s.cursor.off = motion::sentence_start(text, off),
        KeyCode::Char('}') => move_segment(s, session, 1),
        KeyCode::Char('{') => move_segment(s, session, -1),
        KeyCode::Char('0') | KeyCode::Home => s.cursor.off = row_bounds(&laid.rows, s).0,
        KeyCode::Char('$') | KeyCode::End => s.cursor.off = row_bounds(&laid.rows, s).1,
        KeyCode::Down | KeyCode::Char('j') => move_rows(&laid.rows, s, session, 1),
        KeyCode::Up | KeyCode::Char('k') => move_rows(&laid.rows, s, session, -1),
        KeyCode::PageDown => move_rows(&laid.rows, s, session, page),
        KeyCode::PageUp => move_rows(&laid.rows, s, session, -page),
        KeyCode::Char('g') => s.cursor = Pos { seg: 0, off: 0 },
        KeyCode::Char('G') => {
            let last = session.segments.len().saturating_sub(1);
            s.cursor = Pos { seg: last, off: 0 };
        }
        KeyCode::Char('v') => {
            s.anchor = if s.anchor.is_some() {
                None
            } else {
                Some(s.cursor)
            };
        }
        KeyCode::Esc if s.anchor.is_some() => s.anchor = None,
        KeyCode::Esc | KeyCode::Char('q') => return Step::nav(Nav::Pop),
        KeyCode::Char('c') | KeyCode::Enter if writable => {
            s.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook)));
        }
        KeyCode::Char(c @ '1'..='9') if alt && writable => {
            if let Some(code) = quick_code(cx.study, c) {
                s.apply_code(cx, code);
                return Step::none();
            }
        }
        KeyCode::Char('x') | KeyCode::Delete if writable => {
            return choose(s, cx, ChooseFor::Remove);
        }
        KeyCode::Char('m') if writable => return choose(s, cx, ChooseFor::Memo),
        KeyCode::Char('e') if writable => {
            let mut area = TextArea::from(text.split('\n').map(str::to_owned).collect::<Vec<_>>());
            area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            s.popup = Some(Popup::Edit {
                seg: s.cursor.seg,
                area: Box::new(area),
            });
        }
        KeyCode::Char('s') if writable => {
            if let Some(excerpt) = s.target(session) {
                s.popup = Some(Popup::Situations {
                    excerpt,
                    menu: Menu::default(),
                });
            }
        }
        KeyCode::Char('f') => s.coder_filter = next_coder(s, session),
        KeyCode::Char('a') if writable => {
            // The list starts on the segment's question (0 is "outside the grid").
            let current = session.segments.get(s.cursor.seg).and_then(|x| x.question);
            let selected = current
                .and_then(|q| cx.study.grid.position(q))
                .map_or(0, |p| p + 1);
            s.popup = Some(Popup::Question(Menu::at(selected)));
        }
        KeyCode::Char('u') if writable => {
            s.undo_last(cx);
            return Step::none();
        }
        KeyCode::Char('B') => {
            return Step::push(crate::tui::codebook::CodebookScreen::new());
        }
        KeyCode::Char('?') => return Step::nav(Nav::Help),
        _ => {}
    }
    s.clamp(session);
    s.scroll_to_cursor(&laid.rows, laid.height());
    Step::none()
}

/// The coders of the session in turn, then everyone.
fn next_coder(s: &CodingScreen, session: &Session) -> Option<String> {
    let mut coders: Vec<&str> = session.codings.iter().map(|c| c.coder.as_str()).collect();
    coders.sort();
    coders.dedup();
    match &s.coder_filter {
        None => coders.first().map(|c| (*c).to_owned()),
        Some(current) => {
            let at = coders.iter().position(|c| c == current);
            at.and_then(|i| coders.get(i + 1)).map(|c| (*c).to_owned())
        }
    }
}

fn move_segment(s: &mut CodingScreen, session: &Session, delta: isize) {
    let count = session.segments.len() as isize;
    let seg = (s.cursor.seg as isize + delta).clamp(0, (count - 1).max(0)) as usize;
    s.cursor = Pos { seg, off: 0 };
}

fn row_bounds(rows: &[Row], s: &CodingScreen) -> (usize, usize) {
    match layout::row_of(rows, s.cursor.seg, s.cursor.off).map(|i| &rows[i]) {
        Some(Row::Text { start, end, .. }) => (*start, *end),
        _ => (0, 0),
    }
}

/// Up or down by screen rows, keeping the column, skipping headings.
fn move_rows(rows: &[Row], s: &mut CodingScreen, session: &Session, delta: isize) {
    let Some(here) = layout::row_of(rows, s.cursor.seg, s.cursor.off) else {
        return;
    };
    let Row::Text { start, .. } = rows[here] else {
        return;
    };
    let col = motion::column_of(segment_text(session, s.cursor.seg), start, s.cursor.off);
    let step = delta.signum();
    let mut remaining = delta.abs();
    let mut i = here as isize;
    let mut target = here;
    while remaining > 0 {
        i += step;
        if i < 0 || i >= rows.len() as isize {
            break;
        }
        if matches!(rows[i as usize], Row::Text { .. }) {
            target = i as usize;
            remaining -= 1;
        }
    }
    if let Row::Text { seg, start, end } = rows[target] {
        let text = segment_text(session, seg);
        let mut off = motion::offset_at_column(text, start, end, col);
        // On a row that wraps, its last position belongs to the next row.
        if off == end && end < text::char_len(text) && off > start {
            off = motion::prev_char(text, off);
        }
        s.cursor = Pos { seg, off };
    }
}

/// Removing or annotating: the coding under the cursor, or a choice when there are several.
fn choose(s: &mut CodingScreen, cx: &mut Ctx, action: ChooseFor) -> Step {
    let Some(session) = cx.session(s.id) else {
        return Step::none();
    };
    let codings: Vec<CodingId> = s.codings_here(session).iter().map(|c| c.id).collect();
    match codings.as_slice() {
        [] => {}
        [one] => act_on(s, cx, *one, action),
        _ => {
            s.popup = Some(Popup::Choose {
                codings,
                menu: Menu::default(),
                action,
            })
        }
    }
    Step::none()
}

/// Removes a coding, or opens its memo.
pub fn act_on(s: &mut CodingScreen, cx: &mut Ctx, coding: CodingId, action: ChooseFor) {
    match action {
        ChooseFor::Remove => s.remove_coding(cx, coding),
        ChooseFor::Memo => {
            let memo = cx
                .session(s.id)
                .and_then(|x| x.coding(coding))
                .and_then(|c| c.memo.clone())
                .unwrap_or_default();
            s.popup = Some(Popup::Memo {
                coding,
                field: Field::new(&memo),
            });
        }
    }
}

/// Click to place the cursor, drag to select, wheel to scroll.
pub fn on_mouse(s: &mut CodingScreen, cx: &mut Ctx, mouse: MouseEvent) -> Step {
    let Some(session) = cx.session(s.id) else {
        return Step::none();
    };
    if s.popup.is_some() {
        return Step::none();
    }
    let laid = Laid::of(session, cx);
    let area = laid.area;
    if area.height == 0 || area.width == 0 {
        return Step::none();
    }
    let inside = mouse.column >= area.x
        && mouse.column < area.right()
        && mouse.row >= area.y
        && mouse.row < area.bottom();
    match mouse.kind {
        MouseEventKind::ScrollDown => s.top = (s.top + 3).min(laid.rows.len().saturating_sub(1)),
        MouseEventKind::ScrollUp => s.top = s.top.saturating_sub(3),
        MouseEventKind::Down(MouseButton::Left) if inside => {
            if let Some(pos) = position_at(&laid, s, session, mouse.column, mouse.row) {
                s.cursor = pos;
                s.anchor = Some(pos);
                s.dragging = true;
            }
        }
        MouseEventKind::Drag(MouseButton::Left) if s.dragging => {
            let row = mouse.row.clamp(area.y, area.bottom().saturating_sub(1));
            if let Some(pos) = position_at(&laid, s, session, mouse.column, row) {
                s.cursor = pos;
            }
        }
        MouseEventKind::Up(MouseButton::Left) if s.dragging => {
            s.dragging = false;
            if s.anchor == Some(s.cursor) {
                s.anchor = None;
            }
        }
        _ => {}
    }
    Step::none()
}

/// The transcript position under a screen cell.
fn position_at(laid: &Laid, s: &CodingScreen, session: &Session, x: u16, y: u16) -> Option<Pos> {
    let index = s.top + (y - laid.area.y) as usize;
    match laid.rows.get(index)? {
        Row::Text { seg, start, end } => {
            let col = x.saturating_sub(laid.area.x + layout::MARGIN) as usize;
            Some(Pos {
                seg: *seg,
                off: motion::offset_at_column(segment_text(session, *seg), *start, *end, col),
            })
        }
        Row::Heading(seg) => Some(Pos { seg: *seg, off: 0 }),
        _ => None,
    }
}

/// A code made on the spot from the picker: added to the codebook, then applied (see
/// [`crate::tui::screen::Screen::answer`]).
pub fn create_code(cx: &Ctx, name: &str) -> Effect {
    let code = crate::study::codebook::new_code(&cx.study.codebook, name, None);
    let apply = Some(code.id);
    Effect::EditCodebook {
        edit: Box::new(crate::workspace::CodebookEdit::Add { code, after: None }),
        apply,
    }
}
