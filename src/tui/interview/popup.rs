//! The popups of the interview screen: the codebook picker, the situation form and list, the
//! reason for skipping a question, the grid outline to jump in, the end-of-interview check;
//! what keys do in them and how they are drawn.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, ListItem, Paragraph};

use super::{Interview, Whole, uncovered};
use crate::i18n::Texts;
use crate::study::{Excerpt, Mark, Session, SessionChange, Study, stamp, text};
use crate::tui::ctx::Ctx;
use crate::tui::screen::{Nav, Step};
use crate::tui::widget::field::Field;
use crate::tui::widget::menu::{Menu, MenuKey};
use crate::tui::widget::picker::{CodePicker, Picked};
use crate::tui::widget::situation_form::{FormOutcome, SituationForm};
use crate::tui::widget::{centered, fit};

pub enum Popup {
    Picker(CodePicker),
    Situation(SituationForm),
    Situations(Menu),
    Skip(Field),
    Jump(Menu),
    Finish,
}

pub fn on_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    let Some(popup) = i.popup.take() else {
        return Step::none();
    };
    let mut keep = None;
    let mut step = Step::none();
    match popup {
        Popup::Picker(mut picker) => match picker.on_key(key) {
            Picked::Code(code) => i.code_segment(cx, code),
            Picked::Cancel => {}
            Picked::Create(_) | Picked::Nothing => keep = Some(Popup::Picker(picker)),
        },
        Popup::Skip(mut field) => match key.code {
            KeyCode::Esc => {}
            KeyCode::Enter => skip(i, cx, field.value().trim().to_owned()),
            _ => {
                field.on_key(key);
                keep = Some(Popup::Skip(field));
            }
        },
        Popup::Jump(mut menu) => match menu.on_key(key, cx.study.grid.question_count()) {
            MenuKey::Chosen(n) => {
                if let Some((_, q)) = cx.study.grid.questions().nth(n) {
                    i.go_to(cx, q.id);
                }
            }
            MenuKey::Cancel => {}
            MenuKey::Moved | MenuKey::Other => keep = Some(Popup::Jump(menu)),
        },
        Popup::Situations(mut menu) => {
            let situations = cx.session(i.id).map_or(&[][..], |s| &s.situations[..]);
            match menu.on_key(key, situations.len()) {
                MenuKey::Chosen(n) => {
                    let form = SituationForm::new(cx.study, situations.get(n));
                    keep = Some(Popup::Situation(form));
                }
                MenuKey::Other if key.code == KeyCode::Char('n') => {
                    keep = Some(Popup::Situation(SituationForm::new(cx.study, None)));
                }
                MenuKey::Cancel => {}
                MenuKey::Moved | MenuKey::Other => keep = Some(Popup::Situations(menu)),
            }
        }
        Popup::Situation(mut form) => match form.on_key(key, cx.t) {
            FormOutcome::Cancel => {}
            FormOutcome::Refused(why) => {
                step = Step::error(why);
                keep = Some(Popup::Situation(form));
            }
            FormOutcome::Continue => keep = Some(Popup::Situation(form)),
            FormOutcome::Save => save_situation(i, cx, &form),
        },
        Popup::Finish => match key.code {
            KeyCode::Char('o' | 'O' | 'y' | 'Y') | KeyCode::Enter => return finish(i, cx),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {}
            _ => keep = Some(Popup::Finish),
        },
    }
    i.popup = keep;
    step
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
fn save_situation(i: &mut Interview, cx: &mut Ctx, form: &SituationForm) {
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
    i.record(cx, SessionChange::PutSituation { situation });
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
            menu.draw(frame, rect, Block::bordered().title(t.jump_title), items);
        }
        Popup::Situations(menu) => draw_situations(frame, menu, session, study, t),
        Popup::Situation(form) => form.draw(frame, study, t),
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
        Paragraph::new(vec![Line::default(), Line::from(t.finish_confirm).bold()]),
        confirm,
    );
}

fn draw_situations(frame: &mut Frame, menu: &Menu, session: &Session, study: &Study, t: &Texts) {
    let area = frame.area();
    let rect = centered(area, 76, area.height.saturating_sub(4));
    let situations = &session.situations;
    let block = Block::bordered()
        .title((t.situations_title)(situations.len()))
        .title_bottom(t.situations_keys);
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
