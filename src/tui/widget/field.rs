//! A one-line text field (a pseudonym, a reason, a filter), on ratatui-textarea so that cursor
//! movement, accents and wide characters behave as in the notes. It takes the keys of
//! [`text_keys::TYPE`](super::text_keys::TYPE) and
//! [`text_keys::EDIT_LINE`](super::text_keys::EDIT_LINE) and no others.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use super::text_keys::{self, EDIT_LINE, TYPE};
use crate::study::text;

#[derive(Clone, Debug)]
pub struct Field {
    area: TextArea<'static>,
}

/// What a key did to a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// The text changed.
    Edited,
    /// The cursor moved, or the key was a text key that changed nothing (Backspace at the
    /// start).
    Moved,
    /// Not a key of text fields: the form around decides (Enter, Esc, Tab…), or refuses it.
    Unbound,
}

impl Default for Field {
    fn default() -> Self {
        Self::new("")
    }
}

impl Field {
    pub fn new(value: &str) -> Self {
        let mut area = TextArea::new(vec![value.to_owned()]);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field { area }
    }

    /// The value, normalised as the model stores text.
    pub fn value(&self) -> String {
        text::normalize(self.area.lines().first().map_or("", |l| l.as_str()))
    }

    /// Handles a key of text fields.
    pub fn on_key(&mut self, key: KeyEvent) -> FieldKey {
        match text_keys::edit_of(&[TYPE, EDIT_LINE], &key) {
            Some(hit) if text_keys::apply(&mut self.area, hit) => FieldKey::Edited,
            Some(_) => FieldKey::Moved,
            None => FieldKey::Unbound,
        }
    }

    /// Pasted text, on one line.
    pub fn paste(&mut self, pasted: &str) {
        let line = text::normalize(pasted).replace('\n', " ");
        self.area.insert_str(line);
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, focused: bool) {
        let mut view = self.area.clone();
        let cursor = if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        view.set_cursor_style(cursor);
        frame.render_widget(&view, area);
    }
}
