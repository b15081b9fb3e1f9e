//! The codebook editor: the tree of codes with their definitions; add, rename, recolour,
//! describe, move, merge, delete, each undoable; and from a code, every excerpt coded with it.

mod popup;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use self::popup::{Popup, Purpose, form};
use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::keymap::{
    self, ALT_DIGITS, Binding, DELETE, DOWN, END, ENTER, ESC, HOME, HelpSection, PAGE_DOWN,
    PAGE_UP, UP, bind, ch, ctrl, main,
};
use super::msg::{Answer, Effect};
use super::retrieval::RetrievalScreen;
use super::screen::{Nav, Screen, Step};
use super::search::SearchScreen;
use super::widget::colour;
use super::widget::picker::CodePicker;
use crate::i18n::Texts;
use crate::study::{Code, Codebook, codebook::new_code};
use crate::workspace::CodebookEdit;

#[derive(Default)]
pub struct CodebookScreen {
    pub selected: usize,
    pub popup: Option<Popup>,
}

impl CodebookScreen {
    pub fn new() -> CodebookScreen {
        CodebookScreen::default()
    }

    pub fn selected_code<'b>(&self, book: &'b Codebook) -> Option<&'b Code> {
        book.tree().get(self.selected).map(|(_, c)| *c)
    }
}

impl Screen for CodebookScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, cx, key)
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Step {
        match &mut self.popup {
            Some(Popup::Form { fields, focus, .. }) => fields[*focus].paste(text),
            Some(Popup::Pick { picker, .. }) => picker.paste(text),
            _ => {}
        }
        Step::none()
    }

    fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        match answer {
            Answer::CodebookChanged { .. } => {
                self.selected = self
                    .selected
                    .min(cx.study.codebook.codes.len().saturating_sub(1));
                Step::none()
            }
            Answer::CodebookEditFailed(error) => Step::error(error),
            Answer::Excerpts {
                code,
                descendants,
                excerpts,
            } => Step::push(RetrievalScreen::new(code, descendants, excerpts)),
            _ => Step::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        // A popup takes every key while it is open.
        match &self.popup {
            Some(p) => popup::help(p, t),
            None => vec![keymap::section(t.codebook_title, KEYS, t)],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Page,
    First,
    Last,
    Add,
    AddChild,
    Edit,
    Move,
    ToRoot,
    Merge,
    Delete,
    Undo,
    QuickKey,
    Excerpts,
    Search,
    Help,
    Back,
}

pub static KEYS: &[Binding<Act>] = &[
    bind(&[UP, ch('k')], Act::Up, |k| k.previous_code),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.next_code),
    bind(&[PAGE_UP, PAGE_DOWN], Act::Page, |k| k.menu_page),
    bind(&[HOME, ch('g')], Act::First, |k| k.first_code),
    bind(&[END, ch('G')], Act::Last, |k| k.last_code),
    main(&[ch('a')], Act::Add, |k| k.add_code, |k| k.short_add),
    bind(&[ch('A')], Act::AddChild, |k| k.add_subcode),
    main(
        &[ch('e'), ch('r')],
        Act::Edit,
        |k| k.edit_code,
        |k| k.short_edit,
    ),
    bind(&[ch('m')], Act::Move, |k| k.move_code),
    bind(&[ch('M')], Act::ToRoot, |k| k.code_to_root),
    main(&[ch('f')], Act::Merge, |k| k.merge_code, |k| k.short_merge),
    main(
        &[ch('d'), DELETE],
        Act::Delete,
        |k| k.delete_code,
        |k| k.short_delete,
    ),
    main(
        &[ch('u'), ctrl('z')],
        Act::Undo,
        |k| k.undo_codebook,
        |k| k.short_undo,
    ),
    bind(&[ALT_DIGITS], Act::QuickKey, |k| k.set_quick_key),
    main(
        &[ENTER, ch('l')],
        Act::Excerpts,
        |k| k.code_excerpts,
        |k| k.short_excerpts,
    ),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('?')], Act::Help, |k| k.help),
    main(&[ESC, ch('q')], Act::Back, |k| k.back, |k| k.short_back),
];

fn on_key(screen: &mut CodebookScreen, cx: &Ctx, key: KeyEvent) -> Step {
    let t = cx.t;
    let book = &cx.study.codebook;
    if let Some(popup) = screen.popup.take() {
        return popup::on_key(screen, popup, key, book, t);
    }
    let count = book.codes.len();
    let last = count.saturating_sub(1);
    let selected = screen.selected_code(book).cloned();
    let Some(hit) = keymap::lookup(KEYS, &key) else {
        return Step::error(keymap::refused(&key, t));
    };
    match hit.action {
        Act::Up => screen.selected = screen.selected.saturating_sub(1),
        Act::Down => screen.selected = (screen.selected + 1).min(last),
        Act::Page if key.code == KeyCode::PageUp => {
            screen.selected = screen.selected.saturating_sub(10)
        }
        Act::Page => screen.selected = (screen.selected + 10).min(last),
        Act::First => screen.selected = 0,
        Act::Last => screen.selected = last,
        Act::Add => {
            let parent = selected.as_ref().and_then(|c| c.parent);
            screen.popup = Some(form(new_code(book, t.new_code_name, parent), true));
        }
        Act::AddChild => {
            let parent = selected.as_ref().map(|c| c.id);
            screen.popup = Some(form(new_code(book, t.new_code_name, parent), true));
        }
        Act::Edit => {
            if let Some(code) = selected {
                screen.popup = Some(form(code, false));
            }
        }
        Act::Move => {
            screen.popup = Some(Popup::Pick {
                picker: Box::new(targets(book, selected.as_ref())),
                purpose: Purpose::MoveUnder,
            })
        }
        Act::ToRoot => {
            if let Some(mut code) = selected {
                code.parent = None;
                return edit(CodebookEdit::Update { code }).into();
            }
        }
        Act::Merge => {
            screen.popup = Some(Popup::Pick {
                picker: Box::new(targets(book, selected.as_ref())),
                purpose: Purpose::MergeInto,
            })
        }
        Act::Delete if selected.is_some() => screen.popup = Some(Popup::ConfirmDelete),
        Act::Delete => {}
        // The codebook's own history: shared with `grille codebook undo`, kept over restarts.
        Act::Undo => return Step::effects(edit(CodebookEdit::Undo)),
        Act::QuickKey => {
            if let (Some(code), Some(d)) = (selected, hit.ch) {
                return Step::effect(Effect::SetQuickCode {
                    key: d as usize - '0' as usize,
                    code: Some(code.id),
                });
            }
        }
        Act::Excerpts => {
            if let Some(code) = selected {
                return Step::effect(Effect::LoadExcerpts {
                    code: code.id,
                    descendants: true,
                });
            }
        }
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Help => return Step::nav(Nav::Help),
        Act::Back => return Step::nav(Nav::Pop),
    }
    Step::none()
}

pub(crate) fn edit(edit: CodebookEdit) -> Vec<Effect> {
    vec![Effect::EditCodebook {
        edit: Box::new(edit),
        apply: None,
    }]
}

pub fn draw(frame: &mut Frame, view: &View, screen: &CodebookScreen) {
    let t = view.t;
    let book = &view.study.codebook;
    let [top, body, status] = screen_areas(frame.area());
    header(
        frame,
        top,
        t.codebook_title,
        Span::raw(format!(" {} ", (t.codes_count)(book.codes.len()))),
    );
    let [tree_area, detail] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Min(0)]).areas(body);
    let quick = view.study.quick_codes();
    let items: Vec<ListItem> = book
        .tree()
        .into_iter()
        .map(|(depth, c)| {
            let key = quick.iter().position(|q| *q == Some(c.id));
            ListItem::new(Line::from(vec![
                Span::raw("  ".repeat(depth)),
                Span::styled("■ ", Style::default().fg(colour(&c.colour))),
                Span::raw(c.name.clone()),
                Span::raw(key.map_or(String::new(), |k| format!("  Alt+{}", k + 1))).yellow(),
            ]))
        })
        .collect();
    let list = List::new(items)
        .block(Block::default().borders(Borders::RIGHT))
        .highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        list,
        tree_area,
        &mut ListState::default().with_selected(Some(screen.selected)),
    );
    if let Some(code) = screen.selected_code(book) {
        draw_detail(frame, detail, book, code, t);
    }
    let keys = match &screen.popup {
        Some(p) => popup::footer(p, t),
        None => keymap::footer(&[KEYS], t),
    };
    status_bar(frame, status, view, &keys);
    if let Some(popup) = &screen.popup {
        popup::draw(frame, popup, book, t);
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, book: &Codebook, code: &Code, t: &Texts) {
    let mut lines = vec![
        Line::from(vec![
            Span::styled("■ ", Style::default().fg(colour(&code.colour))),
            Span::raw(code.name.clone()).bold(),
        ]),
        Line::from(format!(
            "{}  ·  {}",
            book.path(code.id).unwrap_or_default(),
            code.colour
        ))
        .dark_gray(),
        Line::default(),
    ];
    for (label, value) in [
        (t.code_description, &code.description),
        (t.code_use_when, &code.use_when),
        (t.code_dont_use_when, &code.dont_use_when),
        (t.code_example, &code.example),
    ] {
        lines.push(Line::from(label).bold().fg(Color::Cyan));
        lines.push(Line::from(if value.is_empty() {
            "—".to_owned()
        } else {
            value.clone()
        }));
        lines.push(Line::default());
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        },
    );
}

/// The codes a code can be merged into, moved under or have its codings moved to: all but
/// itself and its sub-codes.
pub(super) fn targets(book: &Codebook, code: Option<&Code>) -> CodePicker {
    let left_out = code.map_or_else(Vec::new, |c| book.descendants(c.id));
    CodePicker::excluding(book, &left_out)
}
