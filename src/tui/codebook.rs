//! The codebook editor: the tree of codes with their definitions; add, rename, recolour,
//! describe, move, merge, delete, each undoable; and from a code, every excerpt coded with it.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::msg::{Answer, Effect};
use super::retrieval::RetrievalScreen;
use super::screen::{Bindings, Nav, Screen, Step};
use super::widget::field::Field;
use super::widget::picker::{CodePicker, Picked};
use super::widget::{centered, colour};
use crate::i18n::Texts;
use crate::study::{Code, Codebook, codebook::new_code};
use crate::workspace::CodebookEdit;

#[derive(Default)]
pub struct CodebookScreen {
    pub selected: usize,
    pub popup: Option<Popup>,
    /// Edits that undo the last ones, the latest last.
    pub undo: Vec<CodebookEdit>,
}

pub enum Popup {
    /// Adding (`new`) or editing a code: one field per part of its definition.
    Form {
        code: Box<Code>,
        fields: Vec<Field>,
        focus: usize,
        new: bool,
    },
    Pick {
        picker: Box<CodePicker>,
        purpose: Purpose,
    },
    ConfirmDelete,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    MoveUnder,
    MergeInto,
    /// Delete the selected code, moving its codings to the one picked.
    DeleteMovingTo,
}

/// The parts of a code the form edits, in order.
const FORM_FIELDS: usize = 7;

impl CodebookScreen {
    pub fn new() -> CodebookScreen {
        CodebookScreen::default()
    }

    pub fn selected_code<'b>(&self, book: &'b Codebook) -> Option<&'b Code> {
        book.tree().get(self.selected).map(|(_, c)| *c)
    }
}

fn form(code: Code, new: bool) -> Popup {
    let fields = [
        &code.name,
        &code.slug,
        &code.colour,
        &code.description,
        &code.use_when,
        &code.dont_use_when,
        &code.example,
    ]
    .iter()
    .map(|v| Field::new(v))
    .collect();
    Popup::Form {
        code: Box::new(code),
        fields,
        focus: 0,
        new,
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
            Answer::CodebookChanged { undo, .. } => {
                self.undo.extend(undo.map(|u| *u));
                self.selected = self
                    .selected
                    .min(cx.study.codebook.codes.len().saturating_sub(1));
                Step::none()
            }
            Answer::CodebookEditFailed { error, undo } => {
                self.undo.extend(undo.map(|u| *u));
                Step::error(error)
            }
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
        return popup_key(screen, popup, key, book).into();
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
        KeyCode::Char('u') => {
            if let Some(undo) = screen.undo.pop() {
                return Step::effect(Effect::EditCodebook {
                    edit: Box::new(undo),
                    apply: None,
                    undoable: false,
                });
            }
        }
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

fn edit(edit: CodebookEdit) -> Vec<Effect> {
    vec![Effect::EditCodebook {
        edit: Box::new(edit),
        apply: None,
        undoable: true,
    }]
}

fn popup_key(
    screen: &mut CodebookScreen,
    popup: Popup,
    key: KeyEvent,
    book: &Codebook,
) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let selected = screen.selected_code(book).cloned();
    match popup {
        Popup::Form {
            code,
            mut fields,
            mut focus,
            new,
        } => match key.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Char('s') if ctrl => save_form(code, &fields, new),
            KeyCode::Enter if focus + 1 == FORM_FIELDS => save_form(code, &fields, new),
            KeyCode::Enter | KeyCode::Tab | KeyCode::Down => {
                focus = (focus + 1).min(FORM_FIELDS - 1);
                screen.popup = Some(Popup::Form {
                    code,
                    fields,
                    focus,
                    new,
                });
                Vec::new()
            }
            KeyCode::BackTab | KeyCode::Up => {
                focus = focus.saturating_sub(1);
                screen.popup = Some(Popup::Form {
                    code,
                    fields,
                    focus,
                    new,
                });
                Vec::new()
            }
            _ => {
                fields[focus].on_key(key);
                screen.popup = Some(Popup::Form {
                    code,
                    fields,
                    focus,
                    new,
                });
                Vec::new()
            }
        },
        Popup::Pick {
            mut picker,
            purpose,
        } => match picker.on_key(key) {
            Picked::Code(target) => {
                let Some(code) = selected else {
                    return Vec::new();
                };
                match purpose {
                    Purpose::MoveUnder => edit(CodebookEdit::Update {
                        code: Code {
                            parent: Some(target),
                            ..code
                        },
                    }),
                    Purpose::MergeInto => edit(CodebookEdit::Merge {
                        from: code.id,
                        into: target,
                    }),
                    Purpose::DeleteMovingTo => edit(CodebookEdit::Delete {
                        id: code.id,
                        move_to: Some(target),
                    }),
                }
            }
            Picked::Cancel => Vec::new(),
            Picked::Create(_) | Picked::Nothing => {
                screen.popup = Some(Popup::Pick { picker, purpose });
                Vec::new()
            }
        },
        Popup::ConfirmDelete => {
            let Some(code) = selected else {
                return Vec::new();
            };
            match key.code {
                KeyCode::Char('o' | 'y') => edit(CodebookEdit::Remove { id: code.id }),
                KeyCode::Char('r') => edit(CodebookEdit::Delete {
                    id: code.id,
                    move_to: None,
                }),
                KeyCode::Char('m') => {
                    screen.popup = Some(Popup::Pick {
                        picker: Box::new(CodePicker::new(book)),
                        purpose: Purpose::DeleteMovingTo,
                    });
                    Vec::new()
                }
                _ => Vec::new(),
            }
        }
    }
}

fn save_form(code: Box<Code>, fields: &[Field], new: bool) -> Vec<Effect> {
    let v: Vec<String> = fields.iter().map(|f| f.value().trim().to_owned()).collect();
    let code = Code {
        name: v[0].clone(),
        slug: v[1].clone(),
        colour: v[2].to_lowercase(),
        description: v[3].clone(),
        use_when: v[4].clone(),
        dont_use_when: v[5].clone(),
        example: v[6].clone(),
        ..*code
    };
    if new {
        edit(CodebookEdit::Add { code, after: None })
    } else {
        edit(CodebookEdit::Update { code })
    }
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
        draw_popup(frame, popup, t);
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

fn draw_popup(frame: &mut Frame, popup: &Popup, t: &Texts) {
    let area = frame.area();
    match popup {
        Popup::Form {
            fields, focus, new, ..
        } => {
            let rect = centered(area, 76, FORM_FIELDS as u16 * 2 + 2);
            frame.render_widget(Clear, rect);
            let title = if *new {
                t.code_new_title
            } else {
                t.code_edit_title
            };
            let block = Block::bordered()
                .title(title)
                .title_bottom(t.code_form_keys);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let labels = [
                t.code_name,
                t.code_slug,
                t.code_colour,
                t.code_description,
                t.code_use_when,
                t.code_dont_use_when,
                t.code_example,
            ];
            for (i, (label, field)) in labels.iter().zip(fields).enumerate() {
                let y = inner.y + i as u16 * 2;
                if y + 1 >= inner.bottom() {
                    break;
                }
                let style = if i == *focus {
                    Style::default().fg(Color::Yellow).bold()
                } else {
                    Style::default().bold()
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(*label, style)),
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                );
                field.draw(
                    frame,
                    Rect {
                        x: inner.x + 2,
                        y: y + 1,
                        width: inner.width.saturating_sub(2),
                        height: 1,
                    },
                    i == *focus,
                );
            }
        }
        Popup::Pick { picker, purpose } => {
            let title = match purpose {
                Purpose::MoveUnder => t.pick_parent,
                Purpose::MergeInto => t.pick_merge,
                Purpose::DeleteMovingTo => t.pick_move_codings,
            };
            let rect = centered(area, 72, area.height.saturating_sub(4));
            picker.draw(frame, rect, t);
            frame.render_widget(
                Paragraph::new(Span::raw(title).bold().yellow()),
                Rect {
                    x: rect.x + 2,
                    y: rect.y,
                    width: rect.width.saturating_sub(4),
                    height: 1,
                },
            );
        }
        Popup::ConfirmDelete => {
            let rect = centered(area, 70, 6);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(t.confirm_delete)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(t.delete_title)),
                rect,
            );
        }
    }
}
