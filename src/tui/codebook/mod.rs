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
use super::msg::{Answer, Effect};
use super::retrieval::RetrievalScreen;
use super::screen::{Bindings, Nav, Screen, Step};
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

    fn opens_search(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::Char('/') && self.popup.is_none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &'static Texts) -> Bindings {
        t.help_codebook
    }
}

fn on_key(screen: &mut CodebookScreen, cx: &Ctx, key: KeyEvent) -> Step {
    let t = cx.t;
    let book = &cx.study.codebook;
    if let Some(popup) = screen.popup.take() {
        return popup::on_key(screen, popup, key, book).into();
    }
    let count = book.codes.len();
    let selected = screen.selected_code(book).cloned();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => screen.selected = screen.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            screen.selected = (screen.selected + 1).min(count.saturating_sub(1))
        }
        KeyCode::PageUp => screen.selected = screen.selected.saturating_sub(10),
        KeyCode::PageDown => screen.selected = (screen.selected + 10).min(count.saturating_sub(1)),
        KeyCode::Char('a') => {
            let parent = selected.as_ref().and_then(|c| c.parent);
            screen.popup = Some(form(new_code(book, t.new_code_name, parent), true));
        }
        KeyCode::Char('A') => {
            let parent = selected.as_ref().map(|c| c.id);
            screen.popup = Some(form(new_code(book, t.new_code_name, parent), true));
        }
        KeyCode::Char('e') | KeyCode::Char('r') => {
            if let Some(code) = selected {
                screen.popup = Some(form(code, false));
            }
        }
        KeyCode::Char('m') => {
            screen.popup = Some(Popup::Pick {
                picker: Box::new(CodePicker::new(book)),
                purpose: Purpose::MoveUnder,
            })
        }
        KeyCode::Char('M') => {
            if let Some(mut code) = selected {
                code.parent = None;
                return edit(CodebookEdit::Update { code }).into();
            }
        }
        KeyCode::Char('f') => {
            screen.popup = Some(Popup::Pick {
                picker: Box::new(CodePicker::new(book)),
                purpose: Purpose::MergeInto,
            })
        }
        KeyCode::Char('d') | KeyCode::Delete if selected.is_some() => {
            screen.popup = Some(Popup::ConfirmDelete)
        }
        // The codebook's own history: shared with `grille codebook undo`, kept over restarts.
        KeyCode::Char('u') => return Step::effects(edit(CodebookEdit::Undo)),
        KeyCode::Enter | KeyCode::Char('l') => {
            if let Some(code) = selected {
                return Step::effect(Effect::LoadExcerpts {
                    code: code.id,
                    descendants: true,
                });
            }
        }
        KeyCode::Esc | KeyCode::Char('q') => return Step::nav(Nav::Pop),
        KeyCode::Char('?') => return Step::nav(Nav::Help),
        _ => {}
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
    let items: Vec<ListItem> = book
        .tree()
        .into_iter()
        .map(|(depth, c)| {
            ListItem::new(Line::from(vec![
                Span::raw("  ".repeat(depth)),
                Span::styled("■ ", Style::default().fg(colour(&c.colour))),
                Span::raw(c.name.clone()),
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
    status_bar(frame, status, view, t.keys_codebook);
    if let Some(popup) = &screen.popup {
        popup::draw(frame, popup, t);
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
