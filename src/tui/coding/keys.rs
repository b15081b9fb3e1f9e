//! What keys and the mouse do on the coding screen (popups aside: `popup.rs`). Moves are
//! vim's: the cursor is on a char, `w` goes to the last char of a word, a selection takes in
//! the char under the cursor.
//!
//! Over 500 lines: the coding screen's key and mouse table; vim-like moves read best side by side.

use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};

use super::layout::{Laying, Row, Spot};
use super::{ChooseFor, CodingScreen, Popup, Pos, layers, motion, popup, segment_text};
use crate::i18n::Texts;
use crate::study::{CodingId, Session};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{
    self, ALT_DIGITS, Binding, DELETE, DOWN, END, ENTER, ESC, HOME, HelpSection, LEFT, PAGE_DOWN,
    PAGE_UP, RIGHT, UP, bind, ch, ctrl, ctrl_key, main, shift_key,
};
use crate::tui::msg::Effect;
use crate::tui::screen::{Nav, Step};
use crate::tui::search::SearchScreen;
use crate::tui::widget::field::Field;
use crate::tui::widget::menu::Menu;
use crate::tui::widget::picker::CodePicker;
use crate::tui::widget::quick_codes::quick_code;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Left,
    Right,
    WordEnd,
    WordStart,
    SentenceEnd,
    SentenceStart,
    NextSegment,
    PreviousSegment,
    RowStart,
    RowEnd,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Select,
    /// Shift with an arrow: the selection follows the move.
    Extend,
    Code,
    QuickCode,
    Remove,
    Memo,
    Quote,
    Correct,
    DeleteSegment,
    Situation,
    Filter,
    /// The next coder of the session becomes its reference coder (whose coding tables count).
    Reference,
    Attach,
    Undo,
    Name,
    Codebook,
    Search,
    Help,
    Back,
    /// Transcript and notes / transcript / notes (a session with a transcript layer).
    Layer,
    NextProposal,
    Accept,
    Reject,
}

pub static KEYS: &[Binding<Act>] = &[
    bind(&[LEFT, ch('h')], Act::Left, |k| k.char_left),
    bind(&[RIGHT, ch('l')], Act::Right, |k| k.char_right),
    bind(&[ch('w'), ctrl_key(KeyCode::Right)], Act::WordEnd, |k| {
        k.word_end
    }),
    bind(&[ch('b'), ctrl_key(KeyCode::Left)], Act::WordStart, |k| {
        k.word_start
    }),
    bind(&[ch(')')], Act::SentenceEnd, |k| k.sentence_end),
    bind(&[ch('(')], Act::SentenceStart, |k| k.sentence_start),
    bind(&[ch('}')], Act::NextSegment, |k| k.next_segment),
    bind(&[ch('{')], Act::PreviousSegment, |k| k.previous_segment),
    bind(&[ch('0'), HOME], Act::RowStart, |k| k.row_start),
    bind(&[ch('$'), END], Act::RowEnd, |k| k.row_end),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.row_down),
    bind(&[UP, ch('k')], Act::Up, |k| k.row_up),
    bind(&[PAGE_DOWN], Act::PageDown, |k| k.page_down),
    bind(&[PAGE_UP], Act::PageUp, |k| k.page_up),
    bind(&[ch('g')], Act::Top, |k| k.transcript_start),
    bind(&[ch('G')], Act::Bottom, |k| k.transcript_end),
    main(&[ch('v')], Act::Select, |k| k.select, |k| k.short_select),
    bind(
        &[
            shift_key(KeyCode::Left),
            shift_key(KeyCode::Right),
            shift_key(KeyCode::Up),
            shift_key(KeyCode::Down),
            shift_key(KeyCode::Home),
            shift_key(KeyCode::End),
        ],
        Act::Extend,
        |k| k.extend_selection,
    ),
    main(
        &[ch('c'), ENTER],
        Act::Code,
        |k| k.code_selection,
        |k| k.short_code,
    ),
    bind(&[ALT_DIGITS], Act::QuickCode, |k| k.quick_code),
    main(
        &[ch('x'), DELETE],
        Act::Remove,
        |k| k.remove_coding,
        |k| k.short_remove,
    ),
    main(&[ch('m')], Act::Memo, |k| k.memo, |k| k.short_memo),
    main(
        &[ch('"')],
        Act::Quote,
        |k| k.report.quote_coding,
        |k| k.report.short_quote,
    ),
    bind(&[ch('e')], Act::Correct, |k| k.correct_text),
    bind(&[ch('D')], Act::DeleteSegment, |k| k.delete_segment),
    bind(&[ch('s')], Act::Situation, |k| k.link_situation),
    bind(&[ch('f')], Act::Filter, |k| k.filter_coder),
    bind(&[ch('R')], Act::Reference, |k| k.stats.reference_coder),
    bind(&[ch('a')], Act::Attach, |k| k.attach_question),
    main(
        &[ch('u'), ctrl('z')],
        Act::Undo,
        |k| k.undo,
        |k| k.short_undo,
    ),
    bind(&[ch('N')], Act::Name, |k| k.coder_name),
    bind(&[ch('B')], Act::Codebook, |k| k.codebook),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('?')], Act::Help, |k| k.help),
    main(
        &[ESC, ch('q')],
        Act::Back,
        |k| k.back_coding,
        |k| k.short_back,
    ),
];

/// The keys of a session with the recording's transcript (issue 20): in `F1` only there.
pub static LAYER_KEYS: &[Binding<Act>] = &[
    main(
        &[ch('t')],
        Act::Layer,
        |k| k.align.layer,
        |k| k.align.short_layer,
    ),
    main(
        &[ch('p')],
        Act::NextProposal,
        |k| k.align.next_proposal,
        |k| k.align.short_next_proposal,
    ),
    bind(&[ch('y')], Act::Accept, |k| k.align.accept),
    bind(&[ch('n')], Act::Reject, |k| k.align.reject),
];

impl Act {
    /// Whether the action writes to the session.
    fn writes(self) -> bool {
        matches!(
            self,
            Act::Code
                | Act::QuickCode
                | Act::Remove
                | Act::Memo
                | Act::Quote
                | Act::Correct
                | Act::DeleteSegment
                | Act::Situation
                | Act::Reference
                | Act::Attach
                | Act::Undo
                | Act::Accept
                | Act::Reject
        )
    }
}

pub fn on_key(s: &mut CodingScreen, cx: &mut Ctx, key: KeyEvent) -> Step {
    if s.popup.is_some() {
        return popup::on_key(s, cx, key);
    }
    let Some(hit) = keymap::lookup_in(&tables(s), &key) else {
        return Step::error(keymap::refused(&key, cx.t));
    };
    if hit.action.writes() && !cx.writable(s.id) {
        return Step::error(cx.t.keys.read_only_coding);
    }
    let step = act(s, cx, hit.action, hit.ch, key.code);
    if let Some(session) = cx.session(s.id) {
        s.clamp(session);
        if s.found.is_some_and(|f| f != s.cursor.seg) {
            s.found = None;
        }
        s.scroll_to_cursor(cx, session);
    }
    step
}

fn act(s: &mut CodingScreen, cx: &mut Ctx, action: Act, ch: Option<char>, code: KeyCode) -> Step {
    let Some(session) = cx.session(s.id) else {
        return Step::nav(Nav::Pop);
    };
    match action {
        Act::Select => {
            s.anchor = if s.anchor.is_some() {
                None
            } else {
                Some(s.cursor)
            };
        }
        Act::Extend => {
            if s.anchor.is_none() {
                s.anchor = Some(s.cursor);
            }
            let along = match code {
                KeyCode::Left => Act::Left,
                KeyCode::Right => Act::Right,
                KeyCode::Up => Act::Up,
                KeyCode::Down => Act::Down,
                KeyCode::Home => Act::RowStart,
                _ => Act::RowEnd,
            };
            s.cursor = moved(s, cx, session, along);
        }
        Act::Back if s.anchor.is_some() => s.anchor = None,
        Act::Back => return Step::nav(Nav::Pop),
        Act::Code => s.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook))),
        Act::QuickCode => {
            let digit = ch.unwrap_or('0');
            return match quick_code(cx.study, digit) {
                Some(code) => s.apply_code(cx, code),
                None => Step::error((cx.t.keys.no_quick_code)(digit)),
            };
        }
        Act::Remove => return choose(s, cx, ChooseFor::Remove),
        Act::Memo => return choose(s, cx, ChooseFor::Memo),
        Act::Quote => return choose(s, cx, ChooseFor::Quote),
        Act::Correct => s.popup = Some(Popup::edit(session, s.cursor.seg)),
        Act::DeleteSegment => {
            if !session.segments.is_empty() {
                s.popup = Some(Popup::ConfirmDelete(s.cursor.seg));
            }
        }
        Act::Situation => {
            if let Some(excerpt) = s.target(session) {
                s.popup = Some(Popup::Situations {
                    excerpt,
                    menu: Menu::default(),
                });
            }
        }
        Act::Filter => s.coder_filter = next_coder(s, session),
        Act::Reference => return s.next_reference_coder(cx),
        Act::Attach => {
            // The list starts on the segment's question (0 is "outside the grid").
            let current = session.segments.get(s.cursor.seg).and_then(|x| x.question);
            let selected = current
                .and_then(|q| cx.study.grid.position(q))
                .map_or(0, |p| p + 1);
            s.popup = Some(Popup::Question(Menu::at(selected)));
        }
        Act::Undo => return s.undo_last(cx),
        Act::Name => s.popup = Some(Popup::coder(cx)),
        Act::Codebook => return Step::push(crate::tui::codebook::CodebookScreen::new()),
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Help => return Step::nav(Nav::Help),
        Act::Layer => return s.toggle_layer(cx),
        Act::NextProposal => return s.go_to_next_proposal(cx),
        Act::Accept => return s.accept_proposal(cx),
        Act::Reject => return s.reject_proposal(cx),
        movement => s.cursor = moved(s, cx, session, movement),
    }
    Step::none()
}

/// The screen's key tables: the layer keys first when the session has a transcript.
fn tables(s: &CodingScreen) -> Vec<&'static [Binding<Act>]> {
    if s.layered {
        vec![LAYER_KEYS, KEYS]
    } else {
        vec![KEYS]
    }
}

/// Where a move takes the cursor.
fn moved(s: &CodingScreen, cx: &Ctx, session: &Session, action: Act) -> Pos {
    let Pos { seg, off } = s.cursor;
    let text = segment_text(session, seg);
    let byte = s.layout.borrow_mut().byte_of(session, seg, off);
    let local = |f: fn(&str, usize) -> usize| Pos {
        seg,
        off: motion::local(text, byte, off, f),
    };
    let page = s.area(cx.size, cx.study, session).height.max(2) as isize - 1;
    let shown = |from: usize, step: isize| {
        layers::shown_from(session, s.layer, from as isize, step).unwrap_or(seg)
    };
    let last = session.segments.len().saturating_sub(1);
    match action {
        Act::Left => local(motion::prev_char),
        Act::Right => local(motion::next_char),
        Act::WordEnd => local(motion::word_last),
        Act::WordStart => local(motion::word_start),
        Act::SentenceEnd => local(motion::sentence_last),
        Act::SentenceStart => local(motion::sentence_start),
        Act::NextSegment => Pos {
            seg: shown((seg + 1).min(last), 1),
            off: 0,
        },
        Act::PreviousSegment => Pos {
            seg: shown(seg.saturating_sub(1), -1),
            off: 0,
        },
        Act::RowStart | Act::RowEnd => {
            let mut layout = s.layout.borrow_mut();
            let n = layout.text_row_of(session, seg, off);
            let Some(row) = layout.text_row(session, seg, n) else {
                return s.cursor;
            };
            if action == Act::RowStart {
                Pos {
                    seg,
                    off: row.start,
                }
            } else {
                let end = motion::local(text, row.byte_end, row.end, motion::prev_char);
                Pos {
                    seg,
                    off: end.max(row.start),
                }
            }
        }
        Act::Down => move_rows(s, cx, session, 1),
        Act::Up => move_rows(s, cx, session, -1),
        Act::PageDown => move_rows(s, cx, session, page),
        Act::PageUp => move_rows(s, cx, session, -page),
        Act::Top => Pos {
            seg: shown(0, 1),
            off: 0,
        },
        Act::Bottom => Pos {
            seg: shown(last, -1),
            off: 0,
        },
        _ => s.cursor,
    }
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

/// Up or down by screen rows of text, keeping the column, skipping headings.
fn move_rows(s: &CodingScreen, cx: &Ctx, session: &Session, delta: isize) -> Pos {
    let lay = Laying {
        session,
        study: cx.study,
        no_question: cx.t.no_question,
        layer: s.layer,
    };
    let mut layout = s.layout.borrow_mut();
    let Pos { seg, off } = s.cursor;
    let text = segment_text(session, seg);
    let n = layout.text_row_of(session, seg, off);
    let Some(row) = layout.text_row(session, seg, n) else {
        return s.cursor;
    };
    let col = motion::column_of(&text[row.byte_start..row.byte_end], off - row.start);
    let mut spot = layout.spot_of(&lay, seg, off);
    let mut target = None;
    let mut remaining = delta.unsigned_abs();
    while remaining > 0 {
        let next = if delta > 0 {
            layout.next(&lay, spot)
        } else {
            layout.previous(&lay, spot)
        };
        let Some(next) = next else {
            break;
        };
        spot = next;
        if let Some(Row::Text { seg, row }) = layout.row_at(&lay, spot) {
            target = Some((seg, row));
            remaining -= 1;
        }
    }
    let Some((seg, row)) = target else {
        return s.cursor;
    };
    let text = segment_text(session, seg);
    let piece = &text[row.byte_start..row.byte_end];
    let mut off = row.start + motion::offset_at_column(piece, col);
    // The cursor stays on a char of the row.
    if off >= row.end && off > row.start {
        off = motion::local(text, row.byte_end, row.end, motion::prev_char);
    }
    Pos { seg, off }
}

/// Removing or annotating: the coding under the cursor, or a choice when there are several.
fn choose(s: &mut CodingScreen, cx: &mut Ctx, action: ChooseFor) -> Step {
    let Some(session) = cx.session(s.id) else {
        return Step::none();
    };
    let codings: Vec<CodingId> = s.codings_here(session).iter().map(|c| c.id).collect();
    match codings.as_slice() {
        [] => Step::error(cx.t.keys.no_coding_here),
        [one] => act_on(s, cx, *one, action),
        _ => {
            s.popup = Some(Popup::Choose {
                codings,
                menu: Menu::default(),
                action,
            });
            Step::none()
        }
    }
}

/// Removes a coding, or opens its memo or its quote mark.
pub fn act_on(s: &mut CodingScreen, cx: &mut Ctx, coding: CodingId, action: ChooseFor) -> Step {
    match action {
        ChooseFor::Remove => s.remove_coding(cx, coding),
        ChooseFor::Quote => {
            let quote = cx
                .session(s.id)
                .and_then(|x| x.coding(coding))
                .and_then(|c| c.quote.clone());
            let comment = quote.as_ref().and_then(|q| q.comment.clone());
            s.popup = Some(Popup::Quote {
                coding,
                field: Field::new(comment.as_deref().unwrap_or_default()),
            });
            Step::none()
        }
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
            Step::none()
        }
    }
}

/// The keys of `F1`: a popup's, then the screen's.
pub fn help(s: &CodingScreen, t: &Texts) -> Vec<HelpSection> {
    // A popup takes every key while it is open.
    match &s.popup {
        Some(p) => popup::help(p, t),
        None if s.layered => vec![
            keymap::section(t.keys.align.section, LAYER_KEYS, t),
            keymap::section(t.coding_title, KEYS, t),
        ],
        None => vec![keymap::section(t.coding_title, KEYS, t)],
    }
}

/// The keys of the status line.
pub fn footer(s: &CodingScreen, t: &Texts) -> String {
    match &s.popup {
        Some(p) => popup::footer(p, t),
        None => keymap::footer(&tables(s), t),
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
    let area = s.area(cx.size, cx.study, session);
    if area.height == 0 || area.width == 0 {
        return Step::none();
    }
    let lay = Laying {
        session,
        study: cx.study,
        no_question: cx.t.no_question,
        layer: s.layer,
    };
    let inside = mouse.column >= area.x
        && mouse.column < area.right()
        && mouse.row >= area.y
        && mouse.row < area.bottom();
    match mouse.kind {
        MouseEventKind::ScrollDown => {
            let top = s.top;
            s.top = s.layout.borrow_mut().walk(&lay, top, 3);
        }
        MouseEventKind::ScrollUp => {
            let top = s.top;
            s.top = s.layout.borrow_mut().walk(&lay, top, -3);
        }
        MouseEventKind::Down(MouseButton::Left) if inside => {
            if let Some(pos) = position_at(s, &lay, area, mouse.column, mouse.row) {
                s.cursor = pos;
                s.anchor = Some(pos);
                s.dragging = true;
            }
        }
        MouseEventKind::Drag(MouseButton::Left) if s.dragging => {
            let row = mouse.row.clamp(area.y, area.bottom().saturating_sub(1));
            if let Some(pos) = position_at(s, &lay, area, mouse.column, row) {
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

/// The transcript position under a screen cell: the char drawn there (a click past the end of
/// a row is on its last char).
fn position_at(
    s: &CodingScreen,
    lay: &Laying,
    area: ratatui::layout::Rect,
    x: u16,
    y: u16,
) -> Option<Pos> {
    let mut layout = s.layout.borrow_mut();
    let spot: Spot = layout.walk(lay, s.top, (y - area.y) as isize);
    match layout.row_at(lay, spot)? {
        Row::Text { seg, row } => {
            let text = segment_text(lay.session, seg);
            let col = x.saturating_sub(area.x + super::layout::MARGIN) as usize;
            let piece = &text[row.byte_start..row.byte_end];
            let mut off = row.start + motion::offset_at_column(piece, col);
            if off >= row.end && off > row.start {
                off = motion::local(text, row.byte_end, row.end, motion::prev_char);
            }
            Some(Pos { seg, off })
        }
        Row::Heading(seg) => Some(Pos { seg, off: 0 }),
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
