//! The keys of text: the same in the notes, a correction of a segment and every one-line field.
//! Only these keys reach a text area; ratatui-textarea's own Emacs shortcuts (Ctrl+U, Ctrl+R,
//! Ctrl+K…) are never given a key, so a key does only what the help says.

use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{CursorMove, TextArea};

use crate::tui::keymap::{
    BACKSPACE, Binding, Chord, DELETE, DOWN, END, ENTER, HOME, Hit, LEFT, RIGHT, UP, alt_key, bind,
    ctrl, ctrl_key,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert,
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    WordLeft,
    WordRight,
    DeleteWord,
    Undo,
    Redo,
}

/// Typing.
pub static TYPE: &[Binding<Edit>] = &[bind(&[Chord::Char], Edit::Insert, |k| k.type_text)];

/// Moving and erasing in a one-line field (typing aside: a number field takes only some
/// characters).
pub static EDIT_LINE: &[Binding<Edit>] = &[
    bind(&[BACKSPACE, DELETE], Edit::Backspace, |k| k.erase),
    bind(&[LEFT, RIGHT], Edit::Left, |k| k.move_char),
    bind(&[HOME, END], Edit::Home, |k| k.line_ends),
    bind(
        &[
            ctrl_key(KeyCode::Left),
            ctrl_key(KeyCode::Right),
            alt_key(KeyCode::Left),
            alt_key(KeyCode::Right),
        ],
        Edit::WordLeft,
        |k| k.move_word,
    ),
    bind(&[ctrl('w')], Edit::DeleteWord, |k| k.erase_word),
    bind(&[ctrl('z')], Edit::Undo, |k| k.undo_text),
    bind(&[ctrl('y')], Edit::Redo, |k| k.redo_text),
];

/// A new line, in a text of several lines (the notes give Enter a meaning of their own).
pub static NEWLINE: &[Binding<Edit>] = &[bind(&[ENTER], Edit::Newline, |k| k.new_line)];

/// Moving between the lines of a text of several lines.
pub static VERTICAL: &[Binding<Edit>] = &[bind(&[UP, DOWN], Edit::Up, |k| k.move_line)];

/// Every table of a text of several lines, in the order keys are looked up.
pub static AREA: &[&[Binding<Edit>]] = &[NEWLINE, VERTICAL, TYPE, EDIT_LINE];

/// The edit a key asks for, from the tables (several chords share one row of help: the key
/// itself says which way).
pub fn edit_of(
    tables: &[&[Binding<Edit>]],
    key: &ratatui::crossterm::event::KeyEvent,
) -> Option<Hit<Edit>> {
    let mut hit = crate::tui::keymap::lookup_in(tables, key)?;
    hit.action = match (hit.action, key.code) {
        (Edit::Backspace, KeyCode::Delete) => Edit::Delete,
        (Edit::Left, KeyCode::Right) => Edit::Right,
        (Edit::Home, KeyCode::End) => Edit::End,
        (Edit::WordLeft, KeyCode::Right) => Edit::WordRight,
        (Edit::Up, KeyCode::Down) => Edit::Down,
        (action, _) => action,
    };
    Some(hit)
}

/// Applies an edit; whether the text changed.
pub fn apply(area: &mut TextArea<'static>, hit: Hit<Edit>) -> bool {
    match hit.action {
        Edit::Insert => {
            if let Some(c) = hit.ch {
                area.insert_char(c);
                return true;
            }
            false
        }
        Edit::Newline => {
            area.insert_newline();
            true
        }
        Edit::Backspace => area.delete_char(),
        Edit::Delete => area.delete_next_char(),
        Edit::DeleteWord => area.delete_word(),
        Edit::Undo => area.undo(),
        Edit::Redo => area.redo(),
        Edit::Left => moved(area, CursorMove::Back),
        Edit::Right => moved(area, CursorMove::Forward),
        Edit::Up => moved(area, CursorMove::Up),
        Edit::Down => moved(area, CursorMove::Down),
        Edit::Home => moved(area, CursorMove::Head),
        Edit::End => moved(area, CursorMove::End),
        Edit::WordLeft => moved(area, CursorMove::WordBack),
        Edit::WordRight => moved(area, CursorMove::WordForward),
    }
}

fn moved(area: &mut TextArea<'static>, m: CursorMove) -> bool {
    area.move_cursor(m);
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    fn press(area: &mut TextArea<'static>, code: KeyCode, mods: KeyModifiers) -> Option<bool> {
        let key = KeyEvent::new(code, mods);
        edit_of(AREA, &key).map(|hit| apply(area, hit))
    }

    #[test]
    fn ctrl_z_undoes_and_ctrl_y_redoes_and_emacs_keys_are_not_text_keys() {
        let mut area = TextArea::default();
        for c in "hôtel".chars() {
            press(&mut area, KeyCode::Char(c), KeyModifiers::NONE);
        }
        press(&mut area, KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(area.lines(), ["hôte"]);
        press(&mut area, KeyCode::Char('y'), KeyModifiers::CONTROL);
        assert_eq!(area.lines(), ["hôtel"]);
        // Ctrl+U was undo in the text area's own keys: here it is no text key at all.
        assert_eq!(
            press(&mut area, KeyCode::Char('u'), KeyModifiers::CONTROL),
            None
        );
        assert_eq!(area.lines(), ["hôtel"]);
        press(&mut area, KeyCode::Delete, KeyModifiers::NONE);
        press(&mut area, KeyCode::Home, KeyModifiers::NONE);
        press(&mut area, KeyCode::Delete, KeyModifiers::NONE);
        assert_eq!(area.lines(), ["ôtel"]);
    }
}
