//! What keys, the mouse and paste do on the interview screen (popups aside: `popup.rs`).
//!
//! Three modes, always named on the status line: **notes** (typing is note-taking, on every
//! question, from the moment it is reached), **answer** (Tab: the closed question's widget
//! takes the keys, loudly highlighted; a key it cannot take is refused, never typed into the
//! notes) and **commands** (Esc: single keys, until `i`, Esc or Enter). Each mode has one table;
//! the keys with Ctrl or Alt work in every mode.

use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::popup::{self, Popup};
use super::view::Areas;
use super::{Focus, Interview};
use crate::study::{Mark, SessionChange, Speaker, ValueKind, text};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{
    self, ALT_DIGITS, Binding, DOWN, ENTER, ESC, HelpSection, PAGE_DOWN, PAGE_UP, TAB, UP, alt,
    alt_key, bind, ch, ctrl, main,
};
use crate::tui::screen::{Nav, Step};
use crate::tui::search::SearchScreen;
use crate::tui::widget::menu::FilterMenu;
use crate::tui::widget::picker::CodePicker;
use crate::tui::widget::quick_codes::quick_code;
use crate::tui::widget::situation_form::SituationForm;
use crate::tui::widget::text_keys::{self, EDIT_LINE, TYPE, VERTICAL};
use crate::tui::widget::value_input::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    NextQuestion,
    PreviousQuestion,
    NextTheme,
    PreviousTheme,
    Jump,
    Speaker,
    Picker,
    QuickCode,
    Situation,
    Situations,
    Pause,
    Search,
    /// To the notes (from the answer or the commands).
    Notes,
    Answer,
    Commands,
    /// Enter in the notes: a new line, or the end of the block on an empty line.
    Enter,
    Covered,
    Skip,
    Finish,
    Help,
}

/// Keys with Ctrl or Alt, or keys that type nothing: the same in every mode.
pub static ANYWHERE: &[Binding<Act>] = &[
    main(
        &[ctrl('n'), PAGE_DOWN],
        Act::NextQuestion,
        |k| k.next_question,
        |k| k.short_question,
    ),
    bind(&[ctrl('p'), PAGE_UP], Act::PreviousQuestion, |k| {
        k.previous_question
    }),
    bind(&[alt_key(KeyCode::PageDown)], Act::NextTheme, |k| {
        k.next_theme
    }),
    bind(&[alt_key(KeyCode::PageUp)], Act::PreviousTheme, |k| {
        k.previous_theme
    }),
    main(&[ctrl('g')], Act::Jump, |k| k.jump, |k| k.short_grid),
    bind(&[ctrl('t')], Act::Speaker, |k| k.toggle_speaker),
    main(
        &[ctrl('o')],
        Act::Picker,
        |k| k.code_block,
        |k| k.short_code,
    ),
    bind(&[ALT_DIGITS], Act::QuickCode, |k| k.quick_code),
    bind(&[alt('s')], Act::Situation, |k| k.new_situation),
    bind(&[alt('l')], Act::Situations, |k| k.list_situations),
    bind(&[ctrl('q')], Act::Pause, |k| k.pause),
    bind(&[ctrl('f')], Act::Search, |k| k.search),
];

/// The notes of a closed question: Tab reaches its answer (listed first on the status line).
/// An open question has no answer to reach: neither the footer nor `F1` offers Tab there.
pub static NOTES_ANSWER: &[Binding<Act>] = &[main(
    &[TAB],
    Act::Answer,
    |k| k.go_to_answer,
    |k| k.short_answer,
)];

/// The notes: typing, and these.
pub static NOTES: &[Binding<Act>] = &[
    main(
        &[ESC],
        Act::Commands,
        |k| k.command_mode,
        |k| k.short_commands,
    ),
    bind(&[ENTER], Act::Enter, |k| k.enter_in_notes),
];

/// The answer of a closed question: the widget's keys, and these.
pub static ANSWER: &[Binding<Act>] = &[main(
    &[TAB, ESC],
    Act::Notes,
    |k| k.back_to_notes,
    |k| k.short_notes,
)];

/// Single keys after Esc.
pub static COMMANDS: &[Binding<Act>] = &[
    main(
        &[ch('i'), ENTER, ESC],
        Act::Notes,
        |k| k.back_to_notes,
        |k| k.short_write,
    ),
    main(
        &[ch('j'), DOWN],
        Act::NextQuestion,
        |k| k.next_question,
        |k| k.short_question,
    ),
    bind(&[ch('k'), UP], Act::PreviousQuestion, |k| {
        k.previous_question
    }),
    bind(&[ch('J')], Act::NextTheme, |k| k.next_theme),
    bind(&[ch('K')], Act::PreviousTheme, |k| k.previous_theme),
    main(&[ch('g')], Act::Jump, |k| k.jump, |k| k.short_grid),
    bind(&[ch('t')], Act::Speaker, |k| k.toggle_speaker),
    bind(&[ch('o')], Act::Picker, |k| k.code_block),
    bind(&[ch('s')], Act::Situation, |k| k.new_situation),
    bind(&[ch('l')], Act::Situations, |k| k.list_situations),
    main(
        &[ch('c')],
        Act::Covered,
        |k| k.mark_covered,
        |k| k.short_covered,
    ),
    main(&[ch('x')], Act::Skip, |k| k.skip_question, |k| k.short_skip),
    main(&[ch('f')], Act::Finish, |k| k.finish, |k| k.short_finish),
    main(&[ch('q')], Act::Pause, |k| k.pause, |k| k.short_pause),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('?')], Act::Help, |k| k.help),
];

/// Commands reaching the answer of a closed question (an open question has none).
pub static COMMANDS_ANSWER: &[Binding<Act>] =
    &[bind(&[ch('a'), TAB], Act::Answer, |k| k.go_to_answer)];

/// The tables of the notes for the question on screen.
fn notes_tables(i: &Interview) -> Vec<&'static [Binding<Act>]> {
    match i.answer {
        Some(_) => vec![NOTES_ANSWER, NOTES, ANYWHERE],
        None => vec![NOTES, ANYWHERE],
    }
}

/// The tables of the command mode for the question on screen.
fn command_tables(i: &Interview) -> Vec<&'static [Binding<Act>]> {
    match i.answer {
        Some(_) => vec![COMMANDS, COMMANDS_ANSWER, ANYWHERE],
        None => vec![COMMANDS, ANYWHERE],
    }
}

/// The command `Alt+c` stands for in the notes: a terminal sends Esc and a key typed at once
/// (or over a slow link) as one Alt+key, which would otherwise leave command mode unreached and
/// the key typed into the notes. Only keys no table of the notes takes.
fn escape_command(i: &Interview, key: &KeyEvent) -> Option<keymap::Hit<Act>> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if key.modifiers != ratatui::crossterm::event::KeyModifiers::ALT {
        return None;
    }
    let plain = KeyEvent::from(KeyCode::Char(c));
    keymap::lookup_in(&command_tables(i), &plain)
}

/// Alt+c in the notes: Esc (command mode, which stays), then the command `c`.
fn escape_then(i: &mut Interview, cx: &mut Ctx, key: &KeyEvent) -> Option<Step> {
    let hit = escape_command(i, key)?;
    act(i, cx, Act::Commands, None);
    Some(act(i, cx, hit.action, hit.ch))
}

/// The keys Alt+c of the notes that are Esc then a command, as `F1` names them.
fn escape_chords(i: &Interview, t: &crate::i18n::Texts) -> String {
    command_tables(i)
        .iter()
        .flat_map(|table| table.iter())
        .flat_map(|b| b.chords.iter())
        .filter_map(|chord| match *chord {
            keymap::Chord::Key(KeyCode::Char(c), m) if m.is_empty() => Some(c),
            _ => None,
        })
        .map(|c| {
            KeyEvent::new(
                KeyCode::Char(c),
                ratatui::crossterm::event::KeyModifiers::ALT,
            )
        })
        .filter(|alt| keymap::lookup_in(&notes_tables(i), alt).is_none())
        .map(|alt| keymap::key_name(&alt, t))
        .collect::<Vec<_>>()
        .join("  ")
}

/// A key that would reach the answer, on an open question: refused with why.
fn open_question_key(i: &Interview, key: &KeyEvent, cx: &Ctx) -> Option<Step> {
    let to_answer = keymap::lookup(COMMANDS_ANSWER, key).is_some();
    (i.answer.is_none() && to_answer).then(|| {
        Step::error((cx.t.keys.refused_in)(
            &keymap::key_name(key, cx.t),
            cx.t.keys.open_question,
        ))
    })
}

pub fn on_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if i.popup.is_some() {
        return popup::on_key(i, cx, key);
    }
    match i.focus {
        Focus::Notes => notes_key(i, cx, key),
        Focus::Answer => answer_key(i, cx, key),
        Focus::Command => match keymap::lookup_in(&command_tables(i), &key) {
            Some(hit) => act(i, cx, hit.action, hit.ch),
            None => open_question_key(i, &key, cx).unwrap_or_else(|| {
                Step::error((cx.t.keys.refused_command)(&keymap::key_name(&key, cx.t)))
            }),
        },
    }
}

fn notes_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if let Some(hit) = keymap::lookup_in(&notes_tables(i), &key) {
        return act(i, cx, hit.action, hit.ch);
    }
    if key.code == KeyCode::Tab
        && let Some(refusal) = open_question_key(i, &key, cx)
    {
        return refusal;
    }
    if let Some(step) = escape_then(i, cx, &key) {
        return step;
    }
    let Some(edit) = text_keys::edit_of(&[VERTICAL, TYPE, EDIT_LINE], &key) else {
        return Step::error(keymap::refused(&key, cx.t));
    };
    if let Some(why) = i.why_no_notes(cx) {
        return Step::error(why);
    }
    if i.undo.apply(&mut i.notes, edit, cx.now) {
        i.notes_changed(cx.now);
    }
    Step::none()
}

fn answer_key(i: &mut Interview, cx: &mut Ctx, key: KeyEvent) -> Step {
    if let Some(hit) = keymap::lookup_in(&[ANSWER, ANYWHERE], &key) {
        return act(i, cx, hit.action, hit.ch);
    }
    let (Some(answer), Some(question)) = (i.answer.as_mut(), i.question) else {
        i.set_focus(Focus::Notes);
        return Step::none();
    };
    match answer.on_key(key, cx.t) {
        Outcome::Commit(value) => commit(i, cx, question, value),
        Outcome::Refused(why) => Step::error(why),
        Outcome::Changed => Step::none(),
        Outcome::Unbound => {
            let hint = answer.hint(cx.t);
            Step::error((cx.t.keys.refused_answer)(
                &keymap::key_name(&key, cx.t),
                &hint,
            ))
        }
    }
}

/// An answer chosen (or cleared): saved, said, and the keyboard back in the notes.
fn commit(
    i: &mut Interview,
    cx: &mut Ctx,
    question: crate::study::QuestionId,
    value: Option<crate::study::Value>,
) -> Step {
    let said = match (&value, &i.answer) {
        (Some(v), Some(input)) => {
            crate::tui::widget::value_input::describe(&input.kind, v, cx.t).unwrap_or_default()
        }
        _ => String::new(),
    };
    i.set_focus(Focus::Notes);
    if !i.record(
        cx,
        SessionChange::SetAnswer {
            question,
            value: value.clone(),
        },
    ) {
        return Step::none();
    }
    match value {
        Some(_) => Step::info((cx.t.keys.answer_saved)(&said)),
        None => Step::info(cx.t.keys.answer_cleared),
    }
}

/// What an action does, whatever the mode it came from.
fn act(i: &mut Interview, cx: &mut Ctx, action: Act, ch: Option<char>) -> Step {
    match action {
        Act::NextQuestion => step(i, cx, 1),
        Act::PreviousQuestion => step(i, cx, -1),
        Act::NextTheme => step_theme(i, cx, 1),
        Act::PreviousTheme => step_theme(i, cx, -1),
        Act::Jump => open_jump(i, cx),
        Act::Speaker => toggle_speaker(i, cx),
        Act::Picker => i.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook))),
        Act::QuickCode => {
            let digit = ch.unwrap_or('0');
            return match quick_code(cx.study, digit) {
                Some(code) => i.code_segment(cx, code),
                None => Step::error((cx.t.keys.no_quick_code)(digit)),
            };
        }
        Act::Situation => return open_situation(i, cx),
        Act::Situations => i.popup = Some(Popup::Situations(Default::default())),
        Act::Pause => return pause(i, cx),
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Notes => {
            leave_answer(i, cx);
            i.set_focus(Focus::Notes);
        }
        Act::Answer => return to_answer(i, cx),
        Act::Commands => {
            i.save_draft(cx, cx.now);
            i.set_focus(Focus::Command);
        }
        Act::Enter => return enter(i, cx),
        Act::Covered => toggle_covered(i, cx),
        Act::Skip => i.popup = Some(Popup::Skip(Default::default())),
        Act::Finish => i.popup = Some(Popup::Finish),
        Act::Help => return Step::nav(Nav::Help),
    }
    Step::none()
}

/// Tab: the answer of the current (closed) question takes the keys, on every question alike.
fn to_answer(i: &mut Interview, cx: &mut Ctx) -> Step {
    if i.answer.is_none() {
        return Step::none();
    }
    if let Some(why) = i.why_no_notes(cx) {
        return Step::error(why);
    }
    i.save_draft(cx, cx.now);
    i.set_focus(Focus::Answer);
    Step::none()
}

/// Leaving the answer: options ticked and not yet saved are saved (nothing chosen is lost).
fn leave_answer(i: &mut Interview, cx: &mut Ctx) {
    if i.focus != Focus::Answer {
        return;
    }
    let (Some(answer), Some(question)) = (&i.answer, i.question) else {
        return;
    };
    if matches!(answer.kind, ValueKind::Choices { .. }) && answer.pending() != answer.value {
        let value = answer.pending();
        if let Some(a) = i.answer.as_mut() {
            a.value = value.clone();
        }
        i.record(cx, SessionChange::SetAnswer { question, value });
    }
}

/// Enter on an empty line after some text closes the block; otherwise a new line.
fn enter(i: &mut Interview, cx: &mut Ctx) -> Step {
    if let Some(why) = i.why_no_notes(cx) {
        return Step::error(why);
    }
    if ends_with_empty_line(i) {
        i.close_block(cx);
    } else {
        i.notes.insert_newline();
        i.undo.edited(&i.notes, cx.now);
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
    let haystacks = cx
        .study
        .grid
        .questions()
        .map(|(theme, q)| format!("{} {} {}", theme.title, q.text, q.key))
        .collect();
    i.popup = Some(Popup::Jump(FilterMenu::new(haystacks, selected)));
}

fn open_situation(i: &mut Interview, cx: &Ctx) -> Step {
    if let Some(why) = i.why_no_notes(cx) {
        return Step::error(why);
    }
    i.popup = Some(Popup::Situation(Box::new(SituationForm::new(
        cx.study, None, cx.t,
    ))));
    Step::none()
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

/// The keys of `F1` for the mode the screen is in (the popup's first when one is open).
pub fn help(i: &Interview, t: &crate::i18n::Texts) -> Vec<HelpSection> {
    let k = t.keys;
    // A popup takes every key while it is open.
    if let Some(p) = &i.popup {
        return popup::help(p, t);
    }
    let mut sections = Vec::new();
    let mut notes = keymap::section(k.section_notes, NOTES, t);
    if i.answer.is_some() {
        notes.rows.splice(0..0, keymap::help_rows(NOTES_ANSWER, t));
    }
    for table in [TYPE, EDIT_LINE, VERTICAL] {
        notes.rows.extend(keymap::help_rows(table, t));
    }
    notes
        .rows
        .push((escape_chords(i, t), k.escape_then.to_owned()));
    let anywhere = keymap::section(k.section_anywhere, ANYWHERE, t);
    let mut commands = keymap::section(k.section_commands, COMMANDS, t);
    if i.answer.is_some() {
        commands.rows.extend(keymap::help_rows(COMMANDS_ANSWER, t));
    }
    let mut answer = keymap::section(k.section_answer, ANSWER, t);
    if let Some(input) = &i.answer {
        answer.rows.extend(input.help(&keymap::chords(ANSWER), t));
    }
    // The keys of the mode the screen is in: what F1 lists is what the keys do now.
    match i.focus {
        Focus::Notes => sections.extend([notes, anywhere]),
        Focus::Answer => sections.extend([answer, anywhere]),
        Focus::Command => sections.extend([commands, anywhere]),
    }
    sections
}

/// The keys on the status line for the mode the screen is in.
pub fn footer(i: &Interview, t: &crate::i18n::Texts) -> String {
    match (&i.popup, i.focus) {
        (Some(p), _) => popup::footer(p, t),
        (None, Focus::Notes) => keymap::footer(&notes_tables(i), t),
        (None, Focus::Command) => keymap::footer(&[COMMANDS], t),
        (None, Focus::Answer) => {
            let widget = i.answer.as_ref().map(|a| a.hint(t)).unwrap_or_default();
            format!("{widget} · {}", keymap::footer(&[ANSWER], t))
        }
    }
}

pub fn on_paste(i: &mut Interview, cx: &mut Ctx, pasted: &str) -> Step {
    if let Some(p) = &mut i.popup {
        popup::paste(p, pasted);
        return Step::none();
    }
    match i.focus {
        Focus::Answer => {
            if let Some(answer) = &mut i.answer {
                answer.paste(pasted);
            }
            Step::none()
        }
        _ => {
            if let Some(why) = i.why_no_notes(cx) {
                return Step::error(why);
            }
            i.set_focus(Focus::Notes);
            if i.notes.insert_str(text::normalize(pasted)) {
                i.undo.edited(&i.notes, cx.now);
                i.notes_changed(cx.now);
            }
            Step::none()
        }
    }
}

pub fn on_mouse(i: &mut Interview, cx: &mut Ctx, mouse: MouseEvent) -> Step {
    if i.popup.is_some() {
        return Step::none();
    }
    let areas = Areas::of(Rect::new(0, 0, cx.size.0, cx.size.1), i, cx.study, cx.t);
    let (x, y) = (mouse.column, mouse.row);
    let inside = |r: Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if inside(areas.grid) => {
            if let Some(q) = areas.grid_row_question(cx.study, i, y) {
                i.go_to(cx, q);
            }
        }
        MouseEventKind::Down(MouseButton::Left) if inside(areas.notes) && cx.writable(i.id) => {
            leave_answer(i, cx);
            i.set_focus(Focus::Notes);
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
