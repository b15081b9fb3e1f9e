//! The codebook editor's popups: the form of a code, the picker of a parent, a merge target or
//! a code to move codings to, the confirmation of a delete.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{CodebookScreen, edit};
use crate::i18n::Texts;
use crate::study::{Code, Codebook};
use crate::tui::msg::Effect;
use crate::tui::widget::centered;
use crate::tui::widget::field::Field;
use crate::tui::widget::picker::{CodePicker, Picked};
use crate::workspace::CodebookEdit;

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

pub fn form(code: Code, new: bool) -> Popup {
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

pub fn on_key(
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
        } => {
            match key.code {
                KeyCode::Esc => return Vec::new(),
                KeyCode::Char('s') if ctrl => return save_form(code, &fields, new),
                KeyCode::Enter if focus + 1 == FORM_FIELDS => return save_form(code, &fields, new),
                KeyCode::Enter | KeyCode::Tab | KeyCode::Down => {
                    focus = (focus + 1).min(FORM_FIELDS - 1)
                }
                KeyCode::BackTab | KeyCode::Up => focus = focus.saturating_sub(1),
                _ => {
                    fields[focus].on_key(key);
                }
            }
            screen.popup = Some(Popup::Form {
                code,
                fields,
                focus,
                new,
            });
            Vec::new()
        }
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

pub fn draw(frame: &mut Frame, popup: &Popup, t: &Texts) {
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
