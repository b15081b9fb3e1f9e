//! What keys, the mouse, paste and the clock do on the interview screen.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::popup::{FormOutcome, Popup, SituationForm};
use super::view::Areas;
use super::{Focus, Interview, Whole};
use crate::study::{Excerpt, Mark, SessionChange, text};
use crate::tui::app::{App, Screen};
use crate::tui::msg::Effect;
use crate::tui::widget::picker::Picked;
use crate::tui::widget::value_input::Outcome;

/// Splits the borrow: the interview and the rest of the app.
fn parts(
    app: &mut App,
) -> Option<(
    &mut Interview,
    &crate::study::Study,
    &'static crate::i18n::Texts,
)> {
    let texts = app.lang.texts();
    match &mut app.screen {
        Screen::Interview(i) => Some((i, &app.study, texts)),
        _ => None,
    }
}

pub fn on_tick(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    if interview.draft_deadline().is_some_and(|d| d <= now) {
        interview.save_draft(study, now)
    } else {
        Vec::new()
    }
}

pub fn on_paste(app: &mut App, pasted: &str) -> Vec<Effect> {
    let now = app.now;
    let app_texts = app.texts();
    let Some((interview, _, _)) = parts(app) else {
        return Vec::new();
    };
    let writable = interview.why_no_notes(app_texts).is_none();
    match (&mut interview.popup, interview.focus) {
        (Some(Popup::Picker(p)), _) => p.paste(pasted),
        (Some(Popup::Skip(f)), _) => f.paste(pasted),
        (Some(Popup::Situation(form)), _) if form.focus == 0 => form.label.paste(pasted),
        (Some(_), _) => {}
        (None, Focus::Answer) => {
            if let Some(answer) = &mut interview.answer {
                answer.paste(pasted);
            }
        }
        (None, _) if writable => {
            interview.focus = Focus::Notes;
            interview.style_notes();
            interview.notes.insert_str(text::normalize(pasted));
            interview.notes_changed(now);
        }
        (None, _) => {}
    }
    Vec::new()
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((interview, _, _)) = parts(app) else {
        return Vec::new();
    };
    if interview.popup.is_some() {
        return popup_key(app, key);
    }
    if let Some(effects) = global_key(app, key) {
        return effects;
    }
    let Some((interview, _, _)) = parts(app) else {
        return Vec::new();
    };
    match interview.focus {
        Focus::Notes => notes_key(app, key),
        Focus::Answer => answer_key(app, key),
        Focus::Command => command_key(app, key),
    }
}

/// Keys that work whatever has the focus: they use Ctrl, Alt or keys that type nothing.
fn global_key(app: &mut App, key: KeyEvent) -> Option<Vec<Effect>> {
    let now = app.now;
    let coder = app.coder.clone();
    let (interview, study, _) = parts(app)?;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let effects = match key.code {
        KeyCode::Char('n') if ctrl => step(interview, study, 1, now),
        KeyCode::Char('p') if ctrl => step(interview, study, -1, now),
        KeyCode::PageDown if alt => step_theme(interview, study, 1, now),
        KeyCode::PageUp if alt => step_theme(interview, study, -1, now),
        KeyCode::PageDown => step(interview, study, 1, now),
        KeyCode::PageUp => step(interview, study, -1, now),
        KeyCode::Char('g') if ctrl => open_jump(interview, study),
        KeyCode::Char('t') if ctrl => toggle_speaker(interview, study, now),
        KeyCode::Char('o') if ctrl => {
            interview.popup = Some(Popup::Picker(crate::tui::widget::picker::CodePicker::new(
                &study.codebook,
            )));
            Vec::new()
        }
        KeyCode::Char(c @ '1'..='9') if alt => {
            let i = c as usize - '1' as usize;
            match interview.quick_codes.get(i).copied() {
                Some(code) => interview.code_segment(study, code, &coder, now),
                None => Vec::new(),
            }
        }
        KeyCode::Char('s') if alt => open_situation(interview, study),
        KeyCode::Char('l') if alt => {
            interview.popup = Some(Popup::Situations { selected: 0 });
            Vec::new()
        }
        KeyCode::Char('q') if ctrl => return Some(pause(app)),
        KeyCode::Tab if interview.focus != Focus::Command => {
            // Tab switches between notes and answer; it never indents the notes.
            if interview.answer.is_some() {
                interview.focus = if interview.focus == Focus::Answer {
                    Focus::Notes
                } else {
                    Focus::Answer
                };
                interview.style_notes();
            }
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

fn notes_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    let t = app.texts();
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    if key.code == KeyCode::Esc {
        let effects = interview.save_draft(study, now);
        interview.focus = Focus::Command;
        interview.style_notes();
        return effects;
    }
    if let Some(why) = interview.why_no_notes(t) {
        app.error(why);
        return Vec::new();
    }
    if key.code == KeyCode::Enter && ends_with_empty_line(interview) {
        // Enter on an empty line closes the block: the next one is a new segment.
        let effects = interview.close_block(study, now);
        return effects;
    }
    if interview.notes.input(key) {
        interview.notes_changed(now);
    }
    Vec::new()
}

/// The cursor is at the end of the draft and the last line is empty after some text.
fn ends_with_empty_line(interview: &Interview) -> bool {
    let lines = interview.notes.lines();
    let ratatui_textarea::DataCursor(row, col) = interview.notes.cursor();
    lines.len() >= 2
        && row == lines.len() - 1
        && col == 0
        && lines[row].is_empty()
        && !interview.draft_text().trim().is_empty()
}

fn answer_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.texts();
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    if key.code == KeyCode::Esc {
        interview.focus = Focus::Command;
        interview.style_notes();
        return Vec::new();
    }
    if interview.answer.is_some()
        && let Some(why) = interview.why_no_notes(t)
    {
        app.error(why);
        return Vec::new();
    }
    let (Some(answer), Some(question)) = (interview.answer.as_mut(), interview.question) else {
        return Vec::new();
    };
    match answer.on_key(key, t) {
        Outcome::Commit(value) => {
            let committed = value.is_some();
            let effects = interview.record(study, SessionChange::SetAnswer { question, value });
            if committed {
                // Answered: on to the notes, for what the respondent adds.
                interview.focus = Focus::Notes;
                interview.style_notes();
            }
            effects
        }
        Outcome::Refused(why) => {
            app.error(why);
            Vec::new()
        }
        Outcome::Changed | Outcome::Ignored => Vec::new(),
    }
}

fn command_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Char('i') | KeyCode::Enter => {
            interview.focus = Focus::Notes;
            interview.style_notes();
            Vec::new()
        }
        KeyCode::Char('a') if interview.answer.is_some() => {
            interview.focus = Focus::Answer;
            interview.style_notes();
            Vec::new()
        }
        KeyCode::Char('j') | KeyCode::Down => step(interview, study, 1, now),
        KeyCode::Char('k') | KeyCode::Up => step(interview, study, -1, now),
        KeyCode::Char('J') => step_theme(interview, study, 1, now),
        KeyCode::Char('K') => step_theme(interview, study, -1, now),
        KeyCode::Char('g') => open_jump(interview, study),
        KeyCode::Char('t') => toggle_speaker(interview, study, now),
        KeyCode::Char('o') => {
            interview.popup = Some(Popup::Picker(crate::tui::widget::picker::CodePicker::new(
                &study.codebook,
            )));
            Vec::new()
        }
        KeyCode::Char('s') => open_situation(interview, study),
        KeyCode::Char('l') => {
            interview.popup = Some(Popup::Situations { selected: 0 });
            Vec::new()
        }
        KeyCode::Char('c') => toggle_covered(interview, study),
        KeyCode::Char('x') => {
            interview.popup = Some(Popup::Skip(Default::default()));
            Vec::new()
        }
        KeyCode::Char('f') => {
            interview.popup = Some(Popup::Finish);
            Vec::new()
        }
        KeyCode::Char('q') => pause(app),
        KeyCode::Char('?') => {
            app.help = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn step(
    interview: &mut Interview,
    study: &crate::study::Study,
    delta: isize,
    now: crate::study::Time,
) -> Vec<Effect> {
    match interview.neighbour(study, delta) {
        Some(q) => interview.go_to(study, q, now),
        None => Vec::new(),
    }
}

fn step_theme(
    interview: &mut Interview,
    study: &crate::study::Study,
    delta: isize,
    now: crate::study::Time,
) -> Vec<Effect> {
    match interview.neighbour_theme(study, delta) {
        Some(q) => interview.go_to(study, q, now),
        None => Vec::new(),
    }
}

fn open_jump(interview: &mut Interview, study: &crate::study::Study) -> Vec<Effect> {
    let selected = interview
        .question
        .and_then(|q| study.grid.position(q))
        .unwrap_or(0);
    interview.popup = Some(Popup::Jump { selected });
    Vec::new()
}

fn open_situation(interview: &mut Interview, study: &crate::study::Study) -> Vec<Effect> {
    if !interview.read_only {
        interview.popup = Some(Popup::Situation(SituationForm::new(study, None)));
    }
    Vec::new()
}

/// The next block is said by the other speaker; the block being typed is closed.
fn toggle_speaker(
    interview: &mut Interview,
    study: &crate::study::Study,
    now: crate::study::Time,
) -> Vec<Effect> {
    let effects = interview.close_block(study, now);
    interview.speaker = match interview.speaker {
        crate::study::Speaker::Respondent => crate::study::Speaker::Interviewer,
        crate::study::Speaker::Interviewer => crate::study::Speaker::Respondent,
    };
    effects
}

fn toggle_covered(interview: &mut Interview, study: &crate::study::Study) -> Vec<Effect> {
    let Some(question) = interview.question else {
        return Vec::new();
    };
    let mark = match interview.session.marks.get(&question) {
        Some(Mark::Covered) => None,
        _ => Some(Mark::Covered),
    };
    interview.record(study, SessionChange::SetMark { question, mark })
}

/// Leaves the session in progress: it resumes at this question.
fn pause(app: &mut App) -> Vec<Effect> {
    let mut effects = crate::tui::app::leave_session(app);
    effects.push(Effect::LoadSessions);
    effects
}

fn popup_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    let coder = app.coder.clone();
    let t = app.texts();
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    let Some(popup) = interview.popup.as_mut() else {
        return Vec::new();
    };
    let mut close = false;
    let mut effects = Vec::new();
    let mut refused = None;
    match popup {
        Popup::Picker(picker) => match picker.on_key(key) {
            Picked::Code(code) => {
                effects = interview.code_segment(study, code, &coder, now);
                close = true;
            }
            Picked::Cancel => close = true,
            Picked::Create(_) | Picked::Nothing => {}
        },
        Popup::Skip(field) => match key.code {
            KeyCode::Esc => close = true,
            KeyCode::Enter => {
                let reason = field.value().trim().to_owned();
                if let Some(question) = interview.question {
                    effects = interview.record(
                        study,
                        SessionChange::SetMark {
                            question,
                            mark: Some(Mark::Skipped { reason }),
                        },
                    );
                    if let Some(next) = interview.neighbour(study, 1) {
                        effects.extend(interview.go_to(study, next, now));
                    }
                }
                close = true;
            }
            _ => {
                field.on_key(key);
            }
        },
        Popup::Jump { selected } => {
            let count = study.grid.question_count();
            match key.code {
                KeyCode::Esc => close = true,
                KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(count.saturating_sub(1))
                }
                KeyCode::PageUp => *selected = selected.saturating_sub(10),
                KeyCode::PageDown => *selected = (*selected + 10).min(count.saturating_sub(1)),
                KeyCode::Home => *selected = 0,
                KeyCode::End => *selected = count.saturating_sub(1),
                KeyCode::Enter => {
                    let target = study.grid.questions().nth(*selected).map(|(_, q)| q.id);
                    close = true;
                    if let Some(q) = target {
                        effects = interview.go_to(study, q, now);
                    }
                }
                _ => {}
            }
        }
        Popup::Situations { selected } => {
            let count = interview.session.situations.len();
            match key.code {
                KeyCode::Esc | KeyCode::Char('q') => close = true,
                KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(count.saturating_sub(1))
                }
                KeyCode::Char('n') => {
                    interview.popup = Some(Popup::Situation(SituationForm::new(study, None)));
                }
                KeyCode::Enter if count > 0 => {
                    let existing = interview.session.situations[*selected].clone();
                    interview.popup =
                        Some(Popup::Situation(SituationForm::new(study, Some(&existing))));
                }
                _ => {}
            }
        }
        Popup::Situation(form) => match form.on_key(key, t) {
            FormOutcome::Cancel => close = true,
            FormOutcome::Refused(why) => refused = Some(why),
            FormOutcome::Continue => {}
            FormOutcome::Save => {
                let existing = form
                    .editing
                    .and_then(|id| interview.session.situation(id))
                    .cloned();
                let mut situation = form.situation(existing.as_ref());
                let (target, saved) = if existing.is_none() {
                    interview.target_segment(study, now)
                } else {
                    (None, Vec::new())
                };
                effects = saved;
                if let Some(seg) = target.and_then(|id| interview.session.segment(id)) {
                    let len = text::char_len(&seg.text);
                    if len > 0 {
                        situation.excerpts.push(Excerpt {
                            segment: seg.id,
                            start: 0,
                            end: len,
                        });
                        if interview.draft.segment == Some(seg.id) {
                            interview.draft.whole.push(Whole::Situation(situation.id));
                        }
                    }
                }
                effects.extend(interview.record(study, SessionChange::PutSituation { situation }));
                close = true;
            }
        },
        Popup::Finish => match key.code {
            KeyCode::Char('o' | 'O' | 'y' | 'Y') | KeyCode::Enter => {
                interview.popup = None;
                let mut effects = interview.close_block(study, now);
                effects.extend(interview.record(
                    study,
                    SessionChange::Finish {
                        at: super::stamp(now),
                    },
                ));
                effects.push(Effect::CloseSession);
                effects.push(Effect::LoadSessions);
                return effects;
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => close = true,
            _ => {}
        },
    }
    if close {
        interview.popup = None;
    }
    if let Some(why) = refused {
        app.error(why);
    }
    effects
}

pub fn on_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let now = app.now;
    let size = app.size;
    let Some((interview, study, _)) = parts(app) else {
        return Vec::new();
    };
    if interview.popup.is_some() {
        return Vec::new();
    }
    let areas = Areas::of(
        ratatui::layout::Rect::new(0, 0, size.0, size.1),
        interview,
        study,
    );
    let (x, y) = (mouse.column, mouse.row);
    let inside = |r: ratatui::layout::Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if inside(areas.grid) => {
            match areas.grid_row_question(study, interview, y) {
                Some(q) => interview.go_to(study, q, now),
                None => Vec::new(),
            }
        }
        MouseEventKind::Down(MouseButton::Left) if inside(areas.notes) && !interview.read_only => {
            interview.focus = Focus::Notes;
            interview.style_notes();
            Vec::new()
        }
        MouseEventKind::ScrollUp if inside(areas.transcript) => {
            interview.scroll = interview.scroll.saturating_add(3);
            Vec::new()
        }
        MouseEventKind::ScrollDown if inside(areas.transcript) => {
            interview.scroll = interview.scroll.saturating_sub(3);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
