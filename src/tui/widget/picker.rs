//! The codebook picker: the tree of codes, filtered as you type (fuzzy, accents ignored) on the
//! name, the path and the description.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::colour;
use super::field::{Field, FieldKey};
use super::menu::fuzzy;
use super::text_keys::{EDIT_LINE, TYPE};
use crate::i18n::Texts;
use crate::study::{CodeId, Codebook};
use crate::tui::keymap::{
    self, Binding, DOWN, ENTER, ESC, HelpRow, PAGE_DOWN, PAGE_UP, UP, bind, ctrl, main,
};

#[derive(Clone, Debug)]
struct Entry {
    id: CodeId,
    depth: usize,
    name: String,
    path: String,
    colour: String,
    /// What the filter matches against.
    haystack: String,
}

#[derive(Clone, Debug)]
pub struct CodePicker {
    entries: Vec<Entry>,
    filter: Field,
    /// Indices into `entries`, in display order.
    shown: Vec<usize>,
    selected: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    Nothing,
    /// Not a key of the picker: refused by the screen.
    Unbound,
    Code(CodeId),
    /// Ctrl+N: make a new code with the filter text as its name.
    Create(String),
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickAct {
    Up,
    Down,
    Page,
    Choose,
    Create,
    Cancel,
}

pub static PICKER: &[Binding<PickAct>] = &[
    bind(&[UP], PickAct::Up, |k| k.menu_up),
    bind(&[DOWN], PickAct::Down, |k| k.menu_down),
    bind(&[PAGE_UP, PAGE_DOWN], PickAct::Page, |k| k.menu_page),
    main(
        &[ENTER],
        PickAct::Choose,
        |k| k.pick_code,
        |k| k.short_choose,
    ),
    main(
        &[ctrl('n')],
        PickAct::Create,
        |k| k.create_code,
        |k| k.short_create,
    ),
    main(
        &[ESC],
        PickAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

impl CodePicker {
    pub fn new(codebook: &Codebook) -> Self {
        Self::excluding(codebook, &[])
    }

    /// A picker without the codes `left_out` (a code cannot be merged, moved or have its
    /// codings moved into itself or one of its sub-codes: the list does not offer them).
    pub fn excluding(codebook: &Codebook, left_out: &[CodeId]) -> Self {
        let entries: Vec<Entry> = codebook
            .tree()
            .into_iter()
            .filter(|(_, c)| !left_out.contains(&c.id))
            .map(|(depth, c)| {
                let path = codebook.path(c.id).unwrap_or_default();
                Entry {
                    id: c.id,
                    depth,
                    name: c.name.clone(),
                    haystack: format!("{} {} {}", c.name, path, c.description),
                    path,
                    colour: c.colour.clone(),
                }
            })
            .collect();
        let shown = (0..entries.len()).collect();
        CodePicker {
            entries,
            filter: Field::default(),
            shown,
            selected: 0,
        }
    }

    pub fn selected(&self) -> Option<CodeId> {
        self.shown.get(self.selected).map(|i| self.entries[*i].id)
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Picked {
        let last = self.shown.len().saturating_sub(1);
        match keymap::lookup(PICKER, &key).map(|h| h.action) {
            Some(PickAct::Cancel) => Picked::Cancel,
            Some(PickAct::Choose) => self.selected().map_or(Picked::Nothing, Picked::Code),
            Some(PickAct::Create) => {
                let name = self.filter.value();
                if name.trim().is_empty() {
                    Picked::Nothing
                } else {
                    Picked::Create(name.trim().to_owned())
                }
            }
            Some(PickAct::Up) => {
                self.selected = self.selected.saturating_sub(1);
                Picked::Nothing
            }
            Some(PickAct::Down) => {
                self.selected = (self.selected + 1).min(last);
                Picked::Nothing
            }
            Some(PickAct::Page) if key.code == KeyCode::PageUp => {
                self.selected = self.selected.saturating_sub(10);
                Picked::Nothing
            }
            Some(PickAct::Page) => {
                self.selected = (self.selected + 10).min(last);
                Picked::Nothing
            }
            None => match self.filter.on_key(key) {
                FieldKey::Edited => {
                    self.refilter();
                    Picked::Nothing
                }
                FieldKey::Moved => Picked::Nothing,
                FieldKey::Unbound => Picked::Unbound,
            },
        }
    }

    /// The rows of `F1` while the picker is open.
    pub fn help(t: &Texts) -> Vec<HelpRow> {
        let mut rows = keymap::help_rows(PICKER, t);
        rows.extend(keymap::help_rows(TYPE, t));
        rows.extend(keymap::help_rows(EDIT_LINE, t));
        rows
    }

    pub fn paste(&mut self, text: &str) {
        self.filter.paste(text);
        self.refilter();
    }

    fn refilter(&mut self) {
        let haystacks: Vec<String> = self.entries.iter().map(|e| e.haystack.clone()).collect();
        self.shown = fuzzy(&self.filter.value(), &haystacks);
        self.selected = 0;
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Texts) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(t.picker_title)
            .title_bottom(format!(" {} ", keymap::footer(&[PICKER], t)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [filter_row, list_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let [label, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(filter_row);
        frame.render_widget(Paragraph::new("› ").bold(), label);
        self.filter.draw(frame, field, true);
        let filtering = !self.filter.value().trim().is_empty();
        let items: Vec<ListItem> = self
            .shown
            .iter()
            .map(|i| {
                let e = &self.entries[*i];
                let indent = if filtering { 0 } else { e.depth * 2 };
                let mut spans = vec![
                    Span::raw(" ".repeat(indent)),
                    Span::styled("■ ", Style::default().fg(colour(&e.colour))),
                    Span::raw(e.name.clone()),
                ];
                if filtering || e.depth > 0 {
                    spans.push(Span::raw(format!("  {}", e.path)).dark_gray());
                }
                ListItem::new(Line::from(spans))
            })
            .collect();
        let empty = items.is_empty();
        let list =
            List::new(items).highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        let mut state = ListState::default().with_selected((!empty).then_some(self.selected));
        frame.render_stateful_widget(list, list_area, &mut state);
        if empty {
            frame.render_widget(Paragraph::new(t.picker_no_match).dark_gray(), list_area);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::sample;
    use ratatui::crossterm::event::KeyEvent;

    fn type_text(p: &mut CodePicker, text: &str) {
        for c in text.chars() {
            p.on_key(KeyEvent::from(KeyCode::Char(c)));
        }
    }

    #[test]
    fn filtering_ignores_case_and_accents_and_ranks_matches() {
        let book = sample();
        let mut p = CodePicker::new(&book);
        assert_eq!(p.shown.len(), 5);
        type_text(&mut p, "conj");
        let first = p.selected().unwrap();
        assert_eq!(book.path(first).unwrap(), "proxenetisme/conjugal");
        let mut p = CodePicker::new(&book);
        type_text(&mut p, "HOTEL");
        let names: Vec<String> = p.shown.iter().map(|i| p.entries[*i].path.clone()).collect();
        assert!(names.contains(&"lieux/hotel".to_string()), "{names:?}");
        assert_eq!(p.on_key(KeyEvent::from(KeyCode::Esc)), Picked::Cancel);
    }
}
