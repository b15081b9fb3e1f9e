//! A list to choose one entry from (a question of the grid, a situation, one of several
//! codings): the same keys and the same look wherever it appears. With a filter, typing
//! narrows the list (the grid outline): then letters are text and only arrows move.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::field::{Field, FieldKey};
use crate::tui::keymap::{
    self, Binding, DOWN, END, ENTER, ESC, HOME, PAGE_DOWN, PAGE_UP, UP, bind, ch, main,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Menu {
    pub selected: usize,
}

/// What a key did to a menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuKey {
    /// The selection moved.
    Moved,
    /// Enter on entry `i`.
    Chosen(usize),
    Cancel,
    /// Not a key of menus: the screen may give it a meaning (`n` for a new situation) or
    /// refuse it.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuAct {
    Up,
    Down,
    Page,
    Ends,
    Choose,
    Cancel,
}

pub static MENU: &[Binding<MenuAct>] = &[
    bind(&[UP, ch('k')], MenuAct::Up, |k| k.menu_up),
    bind(&[DOWN, ch('j')], MenuAct::Down, |k| k.menu_down),
    bind(&[PAGE_UP, PAGE_DOWN], MenuAct::Page, |k| k.menu_page),
    bind(&[HOME, END], MenuAct::Ends, |k| k.menu_ends),
    main(
        &[ENTER],
        MenuAct::Choose,
        |k| k.menu_choose,
        |k| k.short_choose,
    ),
    main(
        &[ESC, ch('q')],
        MenuAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

/// The keys of a list with a filter: letters go to the filter.
pub static FILTERED: &[Binding<MenuAct>] = &[
    bind(&[UP], MenuAct::Up, |k| k.menu_up),
    bind(&[DOWN], MenuAct::Down, |k| k.menu_down),
    bind(&[PAGE_UP, PAGE_DOWN], MenuAct::Page, |k| k.menu_page),
    main(
        &[ENTER],
        MenuAct::Choose,
        |k| k.menu_choose,
        |k| k.short_choose,
    ),
    main(
        &[ESC],
        MenuAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

impl Menu {
    pub fn at(selected: usize) -> Menu {
        Menu { selected }
    }

    /// Moves in a list of `count` entries, or chooses, or cancels.
    pub fn on_key(&mut self, key: KeyEvent, count: usize) -> MenuKey {
        self.act(MENU, key, count)
    }

    fn act(&mut self, table: &[Binding<MenuAct>], key: KeyEvent, count: usize) -> MenuKey {
        let last = count.saturating_sub(1);
        let Some(hit) = keymap::lookup(table, &key) else {
            return MenuKey::Other;
        };
        match hit.action {
            MenuAct::Up => self.selected = self.selected.saturating_sub(1),
            MenuAct::Down => self.selected = (self.selected + 1).min(last),
            MenuAct::Page if key.code == KeyCode::PageUp => {
                self.selected = self.selected.saturating_sub(10)
            }
            MenuAct::Page => self.selected = (self.selected + 10).min(last),
            MenuAct::Ends if key.code == KeyCode::Home => self.selected = 0,
            MenuAct::Ends => self.selected = last,
            MenuAct::Choose if count > 0 => return MenuKey::Chosen(self.selected.min(last)),
            MenuAct::Choose => {}
            MenuAct::Cancel => return MenuKey::Cancel,
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

/// A menu with a filter typed above it: the entries whose text matches (fuzzy, accents and
/// case ignored), best first.
#[derive(Clone, Debug)]
pub struct FilterMenu {
    pub filter: Field,
    pub menu: Menu,
    /// What each entry is matched against.
    haystacks: Vec<String>,
    /// Indices of the entries shown, in order.
    pub shown: Vec<usize>,
}

impl FilterMenu {
    /// A menu of entries matched on `haystacks`, at entry `selected`.
    pub fn new(haystacks: Vec<String>, selected: usize) -> FilterMenu {
        let shown = (0..haystacks.len()).collect();
        FilterMenu {
            filter: Field::default(),
            menu: Menu::at(selected),
            haystacks,
            shown,
        }
    }

    /// A key: an entry chosen gives its index among all entries.
    pub fn on_key(&mut self, key: KeyEvent) -> MenuKey {
        match self.menu.act(FILTERED, key, self.shown.len()) {
            MenuKey::Chosen(i) => MenuKey::Chosen(self.shown[i]),
            MenuKey::Other => match self.filter.on_key(key) {
                FieldKey::Edited => {
                    self.refilter();
                    MenuKey::Moved
                }
                FieldKey::Moved => MenuKey::Moved,
                FieldKey::Unbound => MenuKey::Other,
            },
            other => other,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.filter.paste(text);
        self.refilter();
    }

    fn refilter(&mut self) {
        let needle = self.filter.value();
        self.shown = fuzzy(&needle, &self.haystacks);
        self.menu.selected = 0;
    }

    /// The filter on the first row of `rect`, then the entries shown.
    pub fn draw(&self, frame: &mut Frame, rect: Rect, block: Block, items: Vec<ListItem>) {
        frame.render_widget(Clear, rect);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let [filter_row, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let [label, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(filter_row);
        frame.render_widget(Paragraph::new("› ").bold(), label);
        self.filter.draw(frame, field, true);
        let mut items: Vec<Option<ListItem>> = items.into_iter().map(Some).collect();
        let shown: Vec<ListItem> = self
            .shown
            .iter()
            .filter_map(|i| items.get_mut(*i).and_then(Option::take))
            .collect();
        let widget =
            List::new(shown).highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        frame.render_stateful_widget(
            widget,
            list,
            &mut ListState::default().with_selected(Some(self.menu.selected)),
        );
    }
}

/// The indices of `haystacks` that match `needle`, best first (ties in their order); every
/// index when the needle is blank.
pub fn fuzzy(needle: &str, haystacks: &[String]) -> Vec<usize> {
    if needle.trim().is_empty() {
        return (0..haystacks.len()).collect();
    }
    let pattern = Pattern::parse(needle, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            pattern
                .score(Utf32Str::new(h, &mut buf), &mut matcher)
                .map(|s| (s, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
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

    #[test]
    fn typing_filters_accents_and_case_ignored_and_enter_gives_the_entry_index() {
        let mut m = FilterMenu::new(
            vec![
                "Présentation › Consentement".into(),
                "Proxénétisme › Avez-vous repéré".into(),
                "Lieux › Dans quels lieux".into(),
            ],
            0,
        );
        for c in "proxenet".chars() {
            m.on_key(key(KeyCode::Char(c)));
        }
        assert_eq!(m.shown, [1]);
        assert_eq!(m.on_key(key(KeyCode::Enter)), MenuKey::Chosen(1));
        // Letters are text here: q filters, it does not leave.
        let mut m = FilterMenu::new(vec!["a".into()], 0);
        assert_eq!(m.on_key(key(KeyCode::Char('q'))), MenuKey::Moved);
        assert_eq!(m.on_key(key(KeyCode::F(5))), MenuKey::Other);
    }
}
