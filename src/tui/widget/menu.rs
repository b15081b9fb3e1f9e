//! A list to choose one entry from (a question of the grid, a situation, one of several
//! codings): the same keys and the same look wherever it appears.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Menu {
    pub selected: usize,
}

/// What a key did to a menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuKey {
    /// The selection moved (or the key was for nobody).
    Moved,
    /// Enter on entry `i`.
    Chosen(usize),
    Cancel,
    /// Not a key of menus: the screen may give it a meaning (`n` for a new situation).
    Other,
}

impl Menu {
    pub fn at(selected: usize) -> Menu {
        Menu { selected }
    }

    /// Moves in a list of `count` entries, or chooses, or cancels.
    pub fn on_key(&mut self, key: KeyEvent, count: usize) -> MenuKey {
        let last = count.saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return MenuKey::Cancel,
            KeyCode::Enter if count > 0 => return MenuKey::Chosen(self.selected.min(last)),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = last,
            KeyCode::Enter => {}
            _ => return MenuKey::Other,
        }
        MenuKey::Moved
    }

    /// The entries in `block` over `rect`, the selected one reversed.
    pub fn draw(&self, frame: &mut Frame, rect: Rect, block: Block, items: Vec<ListItem>) {
        frame.render_widget(Clear, rect);
        let list = List::new(items)
            .block(block)
            .highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        frame.render_stateful_widget(
            list,
            rect,
            &mut ListState::default().with_selected(Some(self.selected)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::from(code)
    }

    #[test]
    fn moves_stay_in_the_list_and_enter_chooses() {
        let mut m = Menu::default();
        assert_eq!(m.on_key(key(KeyCode::Up), 3), MenuKey::Moved);
        assert_eq!(m.selected, 0);
        m.on_key(key(KeyCode::PageDown), 3);
        assert_eq!(m.selected, 2);
        assert_eq!(m.on_key(key(KeyCode::Enter), 3), MenuKey::Chosen(2));
        assert_eq!(m.on_key(key(KeyCode::Enter), 0), MenuKey::Moved);
        assert_eq!(m.on_key(key(KeyCode::Char('n')), 3), MenuKey::Other);
        assert_eq!(m.on_key(key(KeyCode::Esc), 3), MenuKey::Cancel);
    }
}
