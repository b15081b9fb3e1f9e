//! The codebook editor's popups: the form of a code, the picker of a parent, a merge target or
//! a code to move codings to, the confirmation of a delete.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{CodebookScreen, edit};
use crate::i18n::Texts;
use crate::study::{Code, CodeId, Codebook};
use crate::tui::keymap::{
    self, BACKTAB, Binding, ENTER, ESC, HelpSection, TAB, bind, ch, ctrl, main,
};
use crate::tui::msg::Effect;
use crate::tui::screen::Step;
use crate::tui::widget::centered;
use crate::tui::widget::field::{Field, FieldKey};
use crate::tui::widget::picker::{CodePicker, PICKER, Picked};
use crate::tui::widget::text_keys::{EDIT_LINE, TYPE};
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
    /// A merge picked: confirmed before it is done.
    ConfirmMerge {
        from: CodeId,
        into: CodeId,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupAct {
    Next,
    Previous,
    Save,
    Cancel,
    Remove,
    MoveCodings,
    RemoveWithCodings,
    Confirm,
}

/// The form of a code: Tab moves, Enter or Ctrl+S saves.
pub static FORM: &[Binding<PopupAct>] = &[
    main(
        &[TAB],
        PopupAct::Next,
        |k| k.next_field,
        |k| k.short_next_field,
    ),
    bind(&[BACKTAB], PopupAct::Previous, |k| k.previous_field),
    main(
        &[ENTER, ctrl('s')],
        PopupAct::Save,
        |k| k.save_code,
        |k| k.short_save,
    ),
    main(
        &[ESC],
        PopupAct::Cancel,
        |k| k.cancel_form,
        |k| k.short_cancel,
    ),
];

pub static DELETE: &[Binding<PopupAct>] = &[
    bind(&[ch('o'), ch('y')], PopupAct::Remove, |k| k.delete_unused),
    bind(&[ch('m')], PopupAct::MoveCodings, |k| k.delete_moving),
    bind(&[ch('r')], PopupAct::RemoveWithCodings, |k| {
        k.delete_with_codings
    }),
    bind(&[ESC, ch('n')], PopupAct::Cancel, |k| k.menu_cancel),
];

pub static MERGE: &[Binding<PopupAct>] = &[
    main(
        &[ENTER, ch('o'), ch('y')],
        PopupAct::Confirm,
        |k| k.merge_confirm,
        |k| k.short_merge,
    ),
    main(
        &[ESC, ch('n')],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

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
    t: &Texts,
) -> Step {
    let selected = screen.selected_code(book).cloned();
    let refused = || Step::error(keymap::refused(&key, t));
    match popup {
        Popup::Form {
            code,
            mut fields,
            mut focus,
            new,
        } => {
            let mut step = Step::none();
            match keymap::lookup(FORM, &key).map(|h| h.action) {
                Some(PopupAct::Cancel) => return Step::none(),
                Some(PopupAct::Save) => return save_form(code, &fields, new).into(),
                Some(PopupAct::Next) => focus = (focus + 1).min(FORM_FIELDS - 1),
                Some(_) => focus = focus.saturating_sub(1),
                None => {
                    if fields[focus].on_key(key) == FieldKey::Unbound {
                        step = refused();
                    }
                }
            }
            screen.popup = Some(Popup::Form {
                code,
                fields,
                focus,
                new,
            });
            step
        }
        Popup::Pick {
            mut picker,
            purpose,
        } => match picker.on_key(key) {
            Picked::Code(target) => {
                let Some(code) = selected else {
                    return Step::none();
                };
                match purpose {
                    Purpose::MoveUnder => edit(CodebookEdit::Update {
                        code: Code {
                            parent: Some(target),
                            ..code
                        },
                    })
                    .into(),
                    Purpose::MergeInto => {
                        screen.popup = Some(Popup::ConfirmMerge {
                            from: code.id,
                            into: target,
                        });
                        Step::none()
                    }
                    Purpose::DeleteMovingTo => edit(CodebookEdit::Delete {
                        id: code.id,
                        move_to: Some(target),
                    })
                    .into(),
                }
            }
            Picked::Cancel => Step::none(),
            Picked::Create(_) | Picked::Nothing => {
                screen.popup = Some(Popup::Pick { picker, purpose });
                Step::none()
            }
            Picked::Unbound => {
                screen.popup = Some(Popup::Pick { picker, purpose });
                refused()
            }
        },
        Popup::ConfirmDelete => {
            let Some(code) = selected else {
                return Step::none();
            };
            match keymap::lookup(DELETE, &key).map(|h| h.action) {
                Some(PopupAct::Remove) => edit(CodebookEdit::Remove { id: code.id }).into(),
                Some(PopupAct::RemoveWithCodings) => edit(CodebookEdit::Delete {
                    id: code.id,
                    move_to: None,
                })
                .into(),
                Some(PopupAct::MoveCodings) => {
                    screen.popup = Some(Popup::Pick {
                        picker: Box::new(super::targets(book, Some(&code))),
                        purpose: Purpose::DeleteMovingTo,
                    });
                    Step::none()
                }
                Some(_) => Step::none(),
                None => {
                    screen.popup = Some(Popup::ConfirmDelete);
                    refused()
                }
            }
        }
        Popup::ConfirmMerge { from, into } => match keymap::lookup(MERGE, &key).map(|h| h.action) {
            Some(PopupAct::Confirm) => edit(CodebookEdit::Merge { from, into }).into(),
            Some(_) => Step::none(),
            None => {
                screen.popup = Some(Popup::ConfirmMerge { from, into });
                refused()
            }
        },
    }
}

/// The keys of `F1` while a popup is open.
pub fn help(popup: &Popup, t: &Texts) -> Vec<HelpSection> {
    match popup {
        Popup::Form { .. } => {
            let mut s = keymap::section(t.code_edit_title.trim(), FORM, t);
            s.rows.extend(keymap::help_rows(TYPE, t));
            s.rows.extend(keymap::help_rows(EDIT_LINE, t));
            vec![s]
        }
        Popup::Pick { .. } => vec![HelpSection {
            title: t.picker_title.trim().to_owned(),
            rows: CodePicker::help(t),
        }],
        Popup::ConfirmDelete => vec![keymap::section(t.delete_title.trim(), DELETE, t)],
        Popup::ConfirmMerge { .. } => vec![keymap::section(t.pick_merge.trim(), MERGE, t)],
    }
}

/// The keys of the status line while a popup is open.
pub fn footer(popup: &Popup, t: &Texts) -> String {
    match popup {
        Popup::Form { .. } => keymap::footer(&[FORM], t),
        Popup::Pick { .. } => keymap::footer(&[PICKER], t),
        Popup::ConfirmDelete => keymap::footer(&[DELETE], t),
        Popup::ConfirmMerge { .. } => keymap::footer(&[MERGE], t),
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

pub fn draw(frame: &mut Frame, popup: &Popup, book: &Codebook, t: &Texts) {
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
                .title_bottom(format!(" {} ", keymap::footer(&[FORM], t)));
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
            let rect = centered(area, 70, DELETE.len() as u16 + 4);
            frame.render_widget(Clear, rect);
            let mut lines = vec![Line::from(t.keys.delete_question), Line::default()];
            lines.extend(
                keymap::help_rows(DELETE, t)
                    .into_iter()
                    .map(|(keys, what)| {
                        Line::from(vec![
                            Span::raw(keys).bold().yellow(),
                            Span::raw(format!(" : {what}")),
                        ])
                    }),
            );
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(t.delete_title)),
                rect,
            );
        }
        Popup::ConfirmMerge { from, into } => {
            let rect = centered(area, 70, 6);
            frame.render_widget(Clear, rect);
            let name = |id: &CodeId| book.name_of(*id).unwrap_or("?").to_owned();
            let lines = vec![
                Line::from((t.keys.merge_question)(&name(from), &name(into))),
                Line::default(),
                Line::from(keymap::footer(&[MERGE], t)).bold(),
            ];
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(t.pick_merge)),
                rect,
            );
        }
    }
}
