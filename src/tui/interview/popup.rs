//! The popups of the interview screen: the codebook picker, the situation form and list, the
//! reason for skipping a question, the grid outline to jump in, the end-of-interview check;
//! what keys do in them and how they are drawn.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, ListItem, Paragraph};

use super::{Interview, Whole, uncovered};
use crate::i18n::Texts;
use crate::study::{Excerpt, Mark, Session, SessionChange, Study, stamp, text};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{self, Binding, ENTER, ESC, HelpSection, ch, main};
use crate::tui::msg::Effect;
use crate::tui::screen::{Nav, Step};
use crate::tui::widget::field::{Field, FieldKey};
use crate::tui::widget::form::FormStep;
use crate::tui::widget::menu::{FILTERED, FilterMenu, MENU, Menu, MenuKey};
use crate::tui::widget::picker::{CodePicker, PICKER, Picked};
use crate::tui::widget::situation_form::SituationForm;
use crate::tui::widget::text_keys::{EDIT_LINE, TYPE};
use crate::tui::widget::{centered, fit};

pub enum Popup {
    Picker(CodePicker),
    Situation(Box<SituationForm>),
    Situations(Menu),
    Skip(Field),
    Jump(FilterMenu),
    Finish,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupAct {
    Confirm,
    Cancel,
    New,
}

/// The reason for skipping a question.
pub static SKIP: &[Binding<PopupAct>] = &[
    main(
        &[ENTER],
        PopupAct::Confirm,
        |k| k.skip_confirm,
        |k| k.short_save,
    ),
    main(
        &[ESC],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

/// The list of situations: a menu, and a new one.
pub static SITUATIONS: &[Binding<PopupAct>] = &[main(
    &[ch('n')],
    PopupAct::New,
    |k| k.new_situation,
    |k| k.short_new,
)];

/// The end of the interview.
pub static FINISH: &[Binding<PopupAct>] = &[
    main(
        &[ENTER, ch('o'), ch('y')],
        PopupAct::Confirm,
        |k| k.finish_confirm,
        |k| k.short_finish,
    ),
    main(
        &[ESC, ch('n')],
        PopupAct::Cancel,
        |k| k.finish_cancel,
        |k| k.short_back,
    ),
];

pub fn on_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    let Some(popup) = i.popup.take() else {
        return Step::none();
    };
    let refused = || Step::error(keymap::refused(&key, cx.t));
    let mut keep = None;
    let mut step = Step::none();
    match popup {
        Popup::Picker(mut picker) => match picker.on_key(key) {
            Picked::Code(code) => step = i.code_segment(cx, code),
            Picked::Create(name) => step = Step::effect(create_code(cx, &name)),
            Picked::Cancel => {}
            Picked::Nothing => keep = Some(Popup::Picker(picker)),
            Picked::Unbound => {
                step = refused();
                keep = Some(Popup::Picker(picker));
            }
        },
        Popup::Skip(mut field) => match keymap::lookup(SKIP, &key).map(|h| h.action) {
            Some(PopupAct::Confirm) => skip(i, cx, field.value().trim().to_owned()),
            Some(_) => {}
            None => {
                if field.on_key(key) == FieldKey::Unbound {
                    step = refused();
                }
                keep = Some(Popup::Skip(field));
            }
        },
        Popup::Jump(mut menu) => match menu.on_key(key) {
            MenuKey::Chosen(n) => {
                if let Some((_, q)) = cx.study.grid.questions().nth(n) {
                    i.go_to(cx, q.id);
                }
            }
            MenuKey::Cancel => {}
            MenuKey::Moved => keep = Some(Popup::Jump(menu)),
            MenuKey::Other => {
                step = refused();
                keep = Some(Popup::Jump(menu));
            }
        },
        Popup::Situations(mut menu) => {
            let situations = cx.session(i.id).map_or(&[][..], |s| &s.situations[..]);
            match menu.on_key(key, situations.len()) {
                MenuKey::Chosen(n) => {
                    let form = SituationForm::new(cx.study, situations.get(n), cx.t);
                    keep = Some(Popup::Situation(Box::new(form)));
                }
                MenuKey::Cancel => {}
                MenuKey::Moved => keep = Some(Popup::Situations(menu)),
                MenuKey::Other => match keymap::lookup(SITUATIONS, &key) {
                    Some(_) => {
                        let form = SituationForm::new(cx.study, None, cx.t);
                        keep = Some(Popup::Situation(Box::new(form)));
                    }
                    None => {
                        step = refused();
                        keep = Some(Popup::Situations(menu));
                    }
                },
            }
        }
        Popup::Situation(mut form) => match form.on_key(key, cx.t) {
            FormStep::Cancel => {}
            FormStep::Refused(why) => {
                step = Step::error(why);
                keep = Some(Popup::Situation(form));
            }
            FormStep::Continue => keep = Some(Popup::Situation(form)),
            FormStep::Save => step = save_situation(i, cx, &form),
        },
        Popup::Finish => match keymap::lookup(FINISH, &key).map(|h| h.action) {
            Some(PopupAct::Confirm) => return finish(i, cx),
            Some(_) => {}
            None => {
                step = refused();
                keep = Some(Popup::Finish);
            }
        },
    }
    i.popup = keep;
    step
}

/// The keys of `F1` while a popup is open.
pub fn help(popup: &Popup, t: &Texts) -> Vec<HelpSection> {
    let k = t.keys;
    match popup {
        Popup::Picker(_) => vec![HelpSection {
            title: t.picker_title.trim().to_owned(),
            rows: CodePicker::help(t),
        }],
        Popup::Skip(_) => {
            let mut rows = keymap::help_rows(SKIP, t);
            rows.extend(keymap::help_rows(TYPE, t));
            rows.extend(keymap::help_rows(EDIT_LINE, t));
            vec![HelpSection {
                title: t.skip_reason.trim().to_owned(),
                rows,
            }]
        }
        Popup::Jump(_) => {
            let mut rows = keymap::help_rows(FILTERED, t);
            rows.extend(keymap::help_rows(TYPE, t));
            rows.extend(keymap::help_rows(EDIT_LINE, t));
            vec![HelpSection {
                title: t.jump_title.trim().to_owned(),
                rows,
            }]
        }
        Popup::Situations(_) => {
            let mut rows = keymap::help_rows(MENU, t);
            rows.extend(keymap::help_rows(SITUATIONS, t));
            vec![HelpSection {
                title: k.section_situations.to_owned(),
                rows,
            }]
        }
        Popup::Situation(form) => form.help(t),
        Popup::Finish => vec![keymap::section(t.finish_title.trim(), FINISH, t)],
    }
}

/// The keys of the status line while a popup is open.
pub fn footer(popup: &Popup, t: &Texts) -> String {
    match popup {
        Popup::Picker(_) => keymap::footer(&[PICKER], t),
        Popup::Skip(_) => keymap::footer(&[SKIP], t),
        Popup::Jump(_) => keymap::footer(&[FILTERED], t),
        Popup::Situations(_) => {
            keymap::joined(&[keymap::footer(&[MENU], t), keymap::footer(&[SITUATIONS], t)])
        }
        Popup::Situation(form) => form.form.hint(t),
        Popup::Finish => keymap::footer(&[FINISH], t),
    }
}

pub fn paste(popup: &mut Popup, pasted: &str) {
    match popup {
        Popup::Picker(p) => p.paste(pasted),
        Popup::Skip(f) => f.paste(pasted),
        Popup::Jump(m) => m.paste(pasted),
        Popup::Situation(form) => form.paste(pasted),
        Popup::Situations(_) | Popup::Finish => {}
    }
}

/// A code made on the spot from the picker: added to the codebook, then applied to the block
/// (see [`crate::tui::screen::Screen::answer`]).
fn create_code(cx: &Ctx, name: &str) -> Effect {
    let code = crate::study::codebook::new_code(&cx.study.codebook, name, None);
    let apply = Some(code.id);
    Effect::EditCodebook {
        edit: Box::new(crate::workspace::CodebookEdit::Add { code, after: None }),
        apply,
    }
}

/// Marks the current question skipped, with the reason, and moves on.
fn skip(i: &mut Interview, cx: &mut Ctx, reason: String) {
    let Some(question) = i.question else {
        return;
    };
    let mark = Some(Mark::Skipped { reason });
    i.record(cx, SessionChange::SetMark { question, mark });
    if let Some(next) = i.neighbour(cx.study, 1) {
        i.go_to(cx, next);
    }
}

/// A new situation is linked to the block being typed (or the last segment of the question);
/// an edited one keeps its excerpts.
fn save_situation(i: &mut Interview, cx: &mut Ctx, form: &SituationForm) -> Step {
    let existing = form
        .editing
        .and_then(|id| cx.session(i.id)?.situation(id).cloned());
    let mut situation = form.situation(existing.as_ref());
    if existing.is_none()
        && let Some(target) = i.target_segment(cx)
        && let Some(seg) = cx.session(i.id).and_then(|s| s.segment(target))
    {
        let len = text::char_len(&seg.text);
        if len > 0 {
            situation.excerpts.push(Excerpt {
                segment: seg.id,
                start: 0,
                end: len,
            });
            if i.draft.segment == Some(seg.id) {
                i.draft.whole.push(Whole::Situation(situation.id));
            }
        }
    }
    let label = situation.label.clone();
    if i.record(cx, SessionChange::PutSituation { situation }) {
        Step::info((cx.t.keys.situation_saved)(&label))
    } else {
        Step::none()
    }
}

/// Ends the interview: the block closed, the session marked done, back to where it was
/// opened from.
fn finish(i: &mut Interview, cx: &mut Ctx) -> Step {
    i.close_block(cx);
    i.visit(cx, None, false);
    i.record(cx, SessionChange::Finish { at: stamp(cx.now) });
    Step::nav(Nav::Pop)
}

pub fn draw(frame: &mut Frame, popup: &Popup, session: &Session, study: &Study, t: &Texts) {
    let area = frame.area();
    match popup {
        Popup::Picker(picker) => picker.draw(frame, centered(area, 70, 20), t),
        Popup::Skip(field) => {
            let rect = centered(area, 60, 3);
            frame.render_widget(Clear, rect);
            let block = Block::bordered().title(t.skip_reason);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            field.draw(frame, inner, true);
        }
        Popup::Jump(menu) => {
            let items: Vec<ListItem> = study
                .grid
                .questions()
                .map(|(theme, q)| {
                    let mark = if session.is_covered(q.id) {
                        "✓"
                    } else if session.is_skipped(q.id) {
                        "–"
                    } else {
                        "·"
                    };
                    ListItem::new(format!("{mark} {} › {}", theme.title, q.text))
                })
                .collect();
            let rect = centered(area, 76, area.height.saturating_sub(4));
            let block = Block::bordered()
                .title(t.jump_title)
                .title_bottom(format!(" {} ", keymap::footer(&[FILTERED], t)));
            menu.draw(frame, rect, block, items);
        }
        Popup::Situations(menu) => draw_situations(frame, menu, session, study, t),
        Popup::Situation(form) => form.draw(frame, t),
        Popup::Finish => draw_finish(frame, session, study, t),
    }
}

/// What is left to cover, then the question; the question always shows, the list is cut.
fn draw_finish(frame: &mut Frame, session: &Session, study: &Study, t: &Texts) {
    let area = frame.area();
    let uncovered = uncovered(study, session);
    let height = (uncovered.len() as u16 + 6).min(area.height.saturating_sub(2));
    let rect = centered(area, 72, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(t.finish_title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [list_area, confirm] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let width = list_area.width as usize;
    let mut lines = Vec::new();
    if uncovered.is_empty() {
        lines.push(Line::from(t.all_covered).green());
    } else {
        lines.push(
            Line::from((t.uncovered_count)(uncovered.len()))
                .yellow()
                .bold(),
        );
        let room = (list_area.height as usize).saturating_sub(1);
        let shown = if uncovered.len() > room {
            room.saturating_sub(1)
        } else {
            uncovered.len()
        };
        for q in &uncovered[..shown] {
            lines.push(Line::from(fit(&format!("  · {}", q.text), width)));
        }
        if shown < uncovered.len() {
            lines.push(Line::from((t.and_more)(uncovered.len() - shown)).dark_gray());
        }
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::default(),
            Line::from(keymap::footer(&[FINISH], t)).bold(),
        ]),
        confirm,
    );
}

fn draw_situations(frame: &mut Frame, menu: &Menu, session: &Session, study: &Study, t: &Texts) {
    let area = frame.area();
    let rect = centered(area, 76, area.height.saturating_sub(4));
    let situations = &session.situations;
    let block = Block::bordered()
        .title((t.situations_title)(situations.len()))
        .title_bottom(format!(
            " {} ",
            keymap::joined(&[keymap::footer(&[MENU], t), keymap::footer(&[SITUATIONS], t)])
        ));
    if situations.is_empty() {
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(t.no_situations).dark_gray().block(block),
            rect,
        );
        return;
    }
    let items: Vec<ListItem> = situations
        .iter()
        .map(|s| {
            let attrs: Vec<String> = study
                .meta
                .situation_attributes
                .iter()
                .filter_map(|a| {
                    let v = s.attributes.get(&a.key)?;
                    let labels: Vec<&str> = v
                        .keys()
                        .iter()
                        .map(|k| a.kind.option_label(k).unwrap_or(k))
                        .collect();
                    Some(labels.join(", "))
                })
                .collect();
            ListItem::new(vec![
                Line::from(s.label.clone()).bold(),
                Line::from(format!("   {}", attrs.join(" · "))).dark_gray(),
            ])
        })
        .collect();
    menu.draw(frame, rect, block, items);
}
