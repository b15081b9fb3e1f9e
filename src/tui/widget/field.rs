//! A one-line text field (a pseudonym, a reason, a filter), on ratatui-textarea so that cursor
//! movement, accents and wide characters behave as in the notes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use crate::study::text;

#[derive(Clone, Debug)]
pub struct Field {
    area: TextArea<'static>,
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

    /// Handles a key; returns whether it was for the field. Enter and Esc never are: the form
    /// around decides what they do.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Enter
            | KeyCode::Esc
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Up
            | KeyCode::Down => false,
            _ => {
                self.area.input(key);
                true
            }
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
