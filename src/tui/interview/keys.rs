//! What keys, the mouse and paste do on the interview screen (popups aside: `popup.rs`).

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::popup::{self, Popup};
use super::view::Areas;
use super::{Focus, Interview};
use crate::study::{Mark, SessionChange, Speaker, text};
use crate::tui::ctx::Ctx;
use crate::tui::screen::{Nav, Step};
use crate::tui::widget::picker::CodePicker;
use crate::tui::widget::quick_codes::quick_code;
use crate::tui::widget::situation_form::SituationForm;
use crate::tui::widget::value_input::Outcome;

pub fn on_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if i.popup.is_some() {
        return popup::on_key(i, cx, key);
    }
    if let Some(step) = global_key(i, cx, key) {
        return step;
    }
    match i.focus {
        Focus::Notes => notes_key(i, cx, key),
        Focus::Answer => answer_key(i, cx, key),
        Focus::Command => command_key(i, cx, key),
    }
}

/// Keys that work whatever has the focus: they use Ctrl, Alt or keys that type nothing.
fn global_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Option<Step> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('n') if ctrl => step(i, cx, 1),
        KeyCode::Char('p') if ctrl => step(i, cx, -1),
        KeyCode::PageDown if alt => step_theme(i, cx, 1),
        KeyCode::PageUp if alt => step_theme(i, cx, -1),
        KeyCode::PageDown => step(i, cx, 1),
        KeyCode::PageUp => step(i, cx, -1),
        KeyCode::Char('g') if ctrl => open_jump(i, cx),
        KeyCode::Char('t') if ctrl => toggle_speaker(i, cx),
        KeyCode::Char('o') if ctrl => {
            i.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook)))
        }
        KeyCode::Char(c @ '1'..='9') if alt => {
            if let Some(code) = quick_code(cx.study, c) {
                i.code_segment(cx, code);
            }
        }
        KeyCode::Char('s') if alt => open_situation(i, cx),
        KeyCode::Char('l') if alt => i.popup = Some(Popup::Situations(Default::default())),
        KeyCode::Char('q') if ctrl => return Some(pause(i, cx)),
        KeyCode::Tab if i.focus != Focus::Command => {
            // Tab switches between notes and answer; it never indents the notes.
            if i.answer.is_some() {
                i.focus = if i.focus == Focus::Answer {
                    Focus::Notes
                } else {
                    Focus::Answer
                };
                i.style_notes();
            }
        }
        _ => return None,
    }
    Some(Step::none())
}

fn notes_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if key.code == KeyCode::Esc {
        i.save_draft(cx, cx.now);
        i.focus = Focus::Command;
        i.style_notes();
        return Step::none();
    }
    if let Some(why) = i.why_no_notes(cx) {
        return Step::error(why);
    }
    if key.code == KeyCode::Enter && ends_with_empty_line(i) {
        // Enter on an empty line closes the block: the next one is a new segment.
        i.close_block(cx);
    } else if i.notes.input(key) {
        i.notes_changed(cx.now);
    }
    Step::none()
}

/// The cursor is at the end of the draft and the last line is empty after some text.
fn ends_with_empty_line(i: &Interview) -> bool {
    let lines = i.notes.lines();
    let ratatui_textarea::DataCursor(row, col) = i.notes.cursor();
    lines.len() >= 2
        && row == lines.len() - 1
        && col == 0
        && lines[row].is_empty()
        && !i.draft_text().trim().is_empty()
}

fn answer_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if key.code == KeyCode::Esc {
        i.focus = Focus::Command;
        i.style_notes();
        return Step::none();
    }
    if i.answer.is_some()
        && let Some(why) = i.why_no_notes(cx)
    {
        return Step::error(why);
    }
    let (Some(answer), Some(question)) = (i.answer.as_mut(), i.question) else {
        return Step::none();
    };
    match answer.on_key(key, cx.t) {
        Outcome::Commit(value) => {
            let committed = value.is_some();
            i.record(cx, SessionChange::SetAnswer { question, value });
            if committed {
                // Answered: on to the notes, for what the respondent adds.
                i.focus = Focus::Notes;
                i.style_notes();
            }
            Step::none()
        }
        Outcome::Refused(why) => Step::error(why),
        Outcome::Changed | Outcome::Ignored => Step::none(),
    }
}

fn command_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    match key.code {
        KeyCode::Char('i') | KeyCode::Enter => {
            i.focus = Focus::Notes;
            i.style_notes();
        }
        KeyCode::Char('a') if i.answer.is_some() => {
            i.focus = Focus::Answer;
            i.style_notes();
        }
        KeyCode::Char('j') | KeyCode::Down => step(i, cx, 1),
        KeyCode::Char('k') | KeyCode::Up => step(i, cx, -1),
        KeyCode::Char('J') => step_theme(i, cx, 1),
        KeyCode::Char('K') => step_theme(i, cx, -1),
        KeyCode::Char('g') => open_jump(i, cx),
        KeyCode::Char('t') => toggle_speaker(i, cx),
        KeyCode::Char('o') => {
            i.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook)));
        }
        KeyCode::Char('s') => open_situation(i, cx),
        KeyCode::Char('l') => i.popup = Some(Popup::Situations(Default::default())),
        KeyCode::Char('c') => toggle_covered(i, cx),
        KeyCode::Char('x') => i.popup = Some(Popup::Skip(Default::default())),
        KeyCode::Char('f') => i.popup = Some(Popup::Finish),
        KeyCode::Char('q') => return pause(i, cx),
        KeyCode::Char('?') => return Step::nav(Nav::Help),
        _ => {}
    }
    Step::none()
}

pub fn step(i: &mut Interview, cx: &mut Ctx, delta: isize) {
    if let Some(q) = i.neighbour(cx.study, delta) {
        i.go_to(cx, q);
    }
}

fn step_theme(i: &mut Interview, cx: &mut Ctx, delta: isize) {
    if let Some(q) = i.neighbour_theme(cx.study, delta) {
        i.go_to(cx, q);
    }
}

fn open_jump(i: &mut Interview, cx: &Ctx) {
    let selected = i
        .question
        .and_then(|q| cx.study.grid.position(q))
        .unwrap_or(0);
    i.popup = Some(Popup::Jump(crate::tui::widget::menu::Menu::at(selected)));
}

fn open_situation(i: &mut Interview, cx: &Ctx) {
    if cx.writable(i.id) {
        i.popup = Some(Popup::Situation(SituationForm::new(cx.study, None)));
    }
}

/// The next block is said by the other speaker; the block being typed is closed.
fn toggle_speaker(i: &mut Interview, cx: &mut Ctx) {
    i.close_block(cx);
    i.speaker = match i.speaker {
        Speaker::Respondent => Speaker::Interviewer,
        Speaker::Interviewer => Speaker::Respondent,
    };
}

fn toggle_covered(i: &mut Interview, cx: &mut Ctx) {
    let (Some(question), Some(session)) = (i.question, cx.session(i.id)) else {
        return;
    };
    let mark = match session.marks.get(&question) {
        Some(Mark::Covered) => None,
        _ => Some(Mark::Covered),
    };
    i.record(cx, SessionChange::SetMark { question, mark });
}

/// Leaves the session in progress: it resumes at this question.
fn pause(i: &mut Interview, cx: &mut Ctx) -> Step {
    i.close_block(cx);
    i.visit(cx, None, false);
    Step::nav(Nav::Pop)
}

pub fn on_paste(i: &mut Interview, cx: &mut Ctx, pasted: &str) -> Step {
    let writable = i.why_no_notes(cx).is_none();
    match (&mut i.popup, i.focus) {
        (Some(Popup::Picker(p)), _) => p.paste(pasted),
        (Some(Popup::Skip(f)), _) => f.paste(pasted),
        (Some(Popup::Situation(form)), _) if form.focus == 0 => form.label.paste(pasted),
        (Some(_), _) => {}
        (None, Focus::Answer) => {
            if let Some(answer) = &mut i.answer {
                answer.paste(pasted);
            }
        }
        (None, _) if writable => {
            i.focus = Focus::Notes;
            i.style_notes();
            i.notes.insert_str(text::normalize(pasted));
            i.notes_changed(cx.now);
        }
        (None, _) => {}
    }
    Step::none()
}

pub fn on_mouse(i: &mut Interview, cx: &mut Ctx, mouse: MouseEvent) -> Step {
    if i.popup.is_some() {
        return Step::none();
    }
    let areas = Areas::of(Rect::new(0, 0, cx.size.0, cx.size.1), i, cx.study);
    let (x, y) = (mouse.column, mouse.row);
    let inside = |r: Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if inside(areas.grid) => {
            if let Some(q) = areas.grid_row_question(cx.study, i, y) {
                i.go_to(cx, q);
            }
        }
        MouseEventKind::Down(MouseButton::Left) if inside(areas.notes) && cx.writable(i.id) => {
            i.focus = Focus::Notes;
            i.style_notes();
        }
        MouseEventKind::ScrollUp if inside(areas.transcript) => {
            i.scroll = i.scroll.saturating_add(3);
        }
        MouseEventKind::ScrollDown if inside(areas.transcript) => {
            i.scroll = i.scroll.saturating_sub(3);
        }
        _ => {}
    }
    Step::none()
}
