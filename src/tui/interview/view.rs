//! Drawing the interview screen: the grid on the left, the current question with its prompts
//! and answer, what was said on it, and the notes being typed.
//!
//! Over 500 lines: the interview screen's drawing: grid, question with prompts and answer, what
//! was said, notes; the parts share one layout computed once per frame.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::{Focus, Interview};
use crate::i18n::Texts;
use crate::study::{CodeId, QuestionId, Session, Speaker, Study, Time, ValueKind};
use crate::tui::chrome::{
    format_duration, header, screen_areas, status_bar, status_line, who_and_when,
};
use crate::tui::ctx::View;
use crate::tui::widget::quick_codes::{bar_height, draw_bar};
use crate::tui::widget::text_view;
use crate::tui::widget::value_input::describe;
use crate::tui::widget::wrap::wrap;
use crate::tui::widget::{colour, fit};

/// Where each part of the screen is; shared by drawing and by the mouse.
pub struct Areas {
    pub header: Rect,
    pub grid: Rect,
    pub question: Rect,
    pub transcript: Rect,
    pub notes: Rect,
    /// The nine quick codes and their keys.
    pub quick: Rect,
    pub status: Rect,
}

/// A row of the grid panel.
pub enum GridRow {
    Theme(usize),
    Question(QuestionId),
}

impl Areas {
    pub fn of(area: Rect, interview: &Interview, study: &Study, t: &Texts) -> Areas {
        let [header, body, status] = screen_areas(area);
        let [body, quick] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(bar_height(study, area.width)),
        ])
        .areas(body);
        let grid_width = if body.width >= 70 {
            (body.width / 3).clamp(24, 42)
        } else {
            0
        };
        let [grid, main] =
            Layout::horizontal([Constraint::Length(grid_width), Constraint::Min(0)]).areas(body);
        let question_height = question_height(interview, study, main.width, t).min(main.height / 2);
        let notes_height = (main.height / 3).clamp(3.min(main.height), 12);
        let [question, transcript, notes] = Layout::vertical([
            Constraint::Length(question_height),
            Constraint::Min(0),
            Constraint::Length(notes_height),
        ])
        .areas(main);
        Areas {
            header,
            grid,
            question,
            transcript,
            notes,
            quick,
            status,
        }
    }

    /// Where the rows of the grid panel are drawn (under its title and a blank row): drawing
    /// and clicks both read it, so a click lands on the row it shows.
    pub fn grid_list(&self) -> Rect {
        let inner = grid_block(" ").inner(self.grid);
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        }
    }

    /// The question (or the first question of the theme) on a row of the grid panel.
    pub fn grid_row_question(
        &self,
        study: &Study,
        interview: &Interview,
        y: u16,
    ) -> Option<QuestionId> {
        let list = self.grid_list();
        if y < list.y || y >= list.bottom() {
            return None;
        }
        let rows = grid_rows(study, interview);
        let offset = grid_offset(&rows, interview, list.height);
        let index = (y - list.y) as usize + offset;
        match rows.get(index)? {
            GridRow::Theme(t) => study.grid.themes[*t].questions.first().map(|q| q.id),
            GridRow::Question(q) => Some(*q),
        }
    }
}

fn question_height(interview: &Interview, study: &Study, width: u16, t: &Texts) -> u16 {
    let Some(q) = interview.current_question(study) else {
        return 3;
    };
    let inner = width.saturating_sub(2);
    let text_rows = question_lines(q, inner).len() as u16;
    let answer = interview
        .answer
        .as_ref()
        .map_or(0, |a| a.height(inner, t) + 1);
    2 + text_rows + answer
}

/// The grid panel's frame: a line on its right, its title on top.
fn grid_block(title: &str) -> Block<'_> {
    Block::default()
        .borders(Borders::RIGHT)
        .title(title)
        .title_style(Style::default().bold())
}

/// The question's text and its prompts, wrapped to `width`.
fn question_lines(q: &crate::study::Question, width: u16) -> Vec<Line<'static>> {
    let width = width.max(1) as usize;
    let mut lines = Vec::new();
    for text in wrapped(&q.text, width) {
        lines.push(Line::from(Span::raw(text).bold().fg(Color::Cyan)));
    }
    for prompt in &q.prompts {
        for (i, text) in wrapped(prompt, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "  ↳ " } else { "    " };
            lines.push(Line::from(vec![
                Span::raw(lead).dark_gray(),
                Span::raw(text).italic(),
            ]));
        }
    }
    lines
}

fn wrapped(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap(text, width)
        .iter()
        .map(|r| chars[r.start..r.end].iter().collect())
        .collect()
}

/// The themes, with the questions of the current theme under it.
pub fn grid_rows(study: &Study, interview: &Interview) -> Vec<GridRow> {
    let mut rows = Vec::new();
    for (t, theme) in study.grid.themes.iter().enumerate() {
        rows.push(GridRow::Theme(t));
        let current = interview
            .question
            .is_some_and(|q| theme.questions.iter().any(|x| x.id == q));
        if current {
            rows.extend(theme.questions.iter().map(|q| GridRow::Question(q.id)));
        }
    }
    rows
}

/// First grid row shown, so that the current question stays visible.
fn grid_offset(rows: &[GridRow], interview: &Interview, height: u16) -> usize {
    let here = rows
        .iter()
        .position(|r| matches!(r, GridRow::Question(q) if Some(*q) == interview.question))
        .unwrap_or(0);
    (here + 2).saturating_sub(height as usize)
}

pub fn draw(frame: &mut Frame, view: &View, interview: &Interview) {
    let t = view.t;
    let study = view.study;
    let areas = Areas::of(frame.area(), interview, study, t);
    let Some(session) = view.session(interview.id) else {
        status_bar(frame, areas.status, view, "");
        return;
    };
    header(
        frame,
        areas.header,
        &title(session, study, t),
        sign(view, interview, session, study),
    );
    draw_grid(frame, &areas, interview, session, study, view.now, t);
    draw_question(frame, areas.question, interview, session, study, t);
    draw_transcript(frame, areas.transcript, interview, session, study, t);
    let applied = block_codes(interview, session);
    draw_notes(frame, areas.notes, interview, &applied, study, t);
    draw_bar(frame, areas.quick, study, &applied);
    // The mode the keys go to; none while a popup (a form, a list) takes them: it says so.
    let mode = match interview.focus {
        _ if interview.popup.is_some() => None,
        Focus::Notes => Some((t.keys.mode_notes, Color::Green)),
        Focus::Answer => Some((t.keys.mode_answer, Color::Yellow)),
        Focus::Command => Some((t.keys.mode_commands, Color::Magenta)),
    };
    status_line(
        frame,
        areas.status,
        view,
        mode,
        &super::keys::footer(interview, t),
    );
    if let Some(popup) = &interview.popup {
        super::popup::draw(frame, popup, session, study, t);
    }
}

/// The codes on the block being typed (codings applied to its whole segment).
fn block_codes(interview: &Interview, session: &Session) -> Vec<CodeId> {
    let Some(segment) = interview.draft.segment else {
        return Vec::new();
    };
    session
        .codings
        .iter()
        .filter(|c| c.segment == segment)
        .map(|c| c.code)
        .collect()
}

/// Who the interview is with; the clock and the place in the grid are on the right, where the
/// header never cuts them.
fn title(s: &Session, study: &Study, t: &Texts) -> String {
    let mut parts = vec![format!("{} {}", t.interview_with, s.respondent.pseudonym)];
    for attr in study.meta.respondent_attributes.iter().take(2) {
        if let Some(value) = s.respondent.attributes.get(&attr.key) {
            let keys = value.keys();
            let label = keys
                .first()
                .and_then(|k| attr.kind.option_label(k))
                .unwrap_or(keys.first().copied().unwrap_or(""));
            if !label.is_empty() {
                parts.push(label.to_owned());
            }
        }
    }
    parts.join(" · ")
}

/// `⏱ 20:14 · Q 12/28 · ✓ enregistré`
fn sign(view: &View, interview: &Interview, s: &Session, study: &Study) -> Line<'static> {
    let mut spans = Vec::new();
    if s.started.is_some() {
        spans.push(Span::raw(format!(
            " ⏱ {} ",
            format_duration(interview.elapsed(s, view.now))
        )));
    }
    if let Some(q) = interview.question.and_then(|q| study.grid.position(q)) {
        spans.push(Span::raw(format!(
            "· Q {}/{} ",
            q + 1,
            study.grid.question_count()
        )));
    }
    spans.push(save_state(view, interview));
    Line::from(spans)
}

fn save_state(view: &View, interview: &Interview) -> Span<'static> {
    let t = view.t;
    if view.session(interview.id).is_some() && !view.writable(interview.id) {
        Span::styled(
            format!(" {} ", t.read_only),
            Style::default().fg(Color::Black).bg(Color::Yellow),
        )
    } else if view.save_failed {
        Span::styled(
            format!(" ⚠ {} ", t.not_saved),
            Style::default().fg(Color::White).bg(Color::Red).bold(),
        )
    } else if interview.draft.dirty_since.is_some() {
        Span::styled(
            format!(" … {} ", t.typing),
            Style::default().fg(Color::Yellow),
        )
    } else {
        Span::styled(
            format!(" ✓ {} ", t.saved),
            Style::default().fg(Color::Green),
        )
    }
}

fn draw_grid(
    frame: &mut Frame,
    areas: &Areas,
    interview: &Interview,
    session: &Session,
    study: &Study,
    now: Time,
    t: &Texts,
) {
    let area = areas.grid;
    if area.width == 0 {
        return;
    }
    frame.render_widget(grid_block(t.grid_title), area);
    let inner = areas.grid_list();
    let durations = interview.theme_durations(study, session, now);
    let rows = grid_rows(study, interview);
    let offset = grid_offset(&rows, interview, inner.height);
    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .map(|row| match row {
            GridRow::Theme(i) => {
                let theme = &study.grid.themes[*i];
                let covered = theme
                    .questions
                    .iter()
                    .filter(|q| session.is_covered(q.id) || session.is_skipped(q.id))
                    .count();
                let (mark, style) = if covered == theme.questions.len() {
                    ("✓", Style::default().fg(Color::Green))
                } else if covered == 0 {
                    ("○", Style::default().fg(Color::Red))
                } else {
                    ("◐", Style::default().fg(Color::Yellow))
                };
                let time = durations
                    .get(*i)
                    .filter(|d| **d > Duration::zero())
                    .map(|d| format!(" {}", format_duration(*d)))
                    .unwrap_or_default();
                let label = fit(
                    &format!("{}. {}", i + 1, theme.title),
                    width.saturating_sub(2 + time.chars().count()),
                );
                Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::raw(label).bold(),
                    Span::raw(time).dark_gray(),
                ])
            }
            GridRow::Question(id) => {
                let (_, q) = study
                    .grid
                    .question(*id)
                    .expect("grid rows come from the grid");
                let (mark, style) = if session.is_skipped(*id) {
                    ("–", Style::default().fg(Color::DarkGray))
                } else if session.is_covered(*id) {
                    ("✓", Style::default().fg(Color::Green))
                } else {
                    ("·", Style::default().fg(Color::Red))
                };
                let current = interview.question == Some(*id);
                let text_style = if current {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                };
                // The answer given, after the question: the grid shows what was answered.
                let answer = session
                    .answers
                    .get(id)
                    .and_then(|v| describe(&q.kind, v, t))
                    .map(|a| fit(&a, (width / 3).max(3)))
                    .unwrap_or_default();
                let answer_width = answer.chars().count() + usize::from(!answer.is_empty());
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{mark} "), style),
                    Span::styled(
                        fit(&q.text, width.saturating_sub(4 + answer_width)),
                        text_style,
                    ),
                    Span::raw(if answer.is_empty() { "" } else { " " }),
                    Span::raw(answer).cyan().bold(),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_question(
    frame: &mut Frame,
    area: Rect,
    interview: &Interview,
    session: &Session,
    study: &Study,
    t: &Texts,
) {
    let Some(q) = interview.current_question(study) else {
        frame.render_widget(Paragraph::new(t.grid_empty).dark_gray(), area);
        return;
    };
    let theme = study
        .grid
        .questions()
        .find(|(_, x)| x.id == q.id)
        .map(|(th, _)| th.title.as_str())
        .unwrap_or("");
    let mut title = vec![Span::raw(format!(" {theme} ")).bold()];
    match session.marks.get(&q.id) {
        Some(crate::study::Mark::Skipped { reason }) => {
            title.push(Span::styled(
                format!(" {} : {reason} ", t.skipped),
                Style::default().fg(Color::DarkGray),
            ));
        }
        Some(crate::study::Mark::Covered) => title.push(Span::styled(
            format!(" ✓ {} ", t.covered),
            Style::default().fg(Color::Green),
        )),
        None => {}
    }
    let answering = interview.focus == Focus::Answer;
    let mut block = Block::bordered().title(Line::from(title));
    if answering {
        // Loud: the keyboard is no longer in the notes.
        block = block
            .border_type(BorderType::Thick)
            .border_style(Style::default().fg(Color::Yellow));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = question_lines(q, inner.width);
    let answer_height = interview
        .answer
        .as_ref()
        .map_or(0, |a| a.height(inner.width, t) + 1);
    let [text_area, answer_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(answer_height)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), text_area);
    if let Some(answer) = &interview.answer {
        let [label, widget] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(answer_area);
        let kind = match q.kind {
            ValueKind::YesNo => t.answer_yes_no,
            ValueKind::Number { .. } => t.answer_number,
            ValueKind::Choice { .. } => t.answer_choice,
            ValueKind::Choices { .. } => t.answer_choices,
            ValueKind::Scale { .. } => t.answer_scale,
            ValueKind::Open => "",
        };
        let line = if answering {
            Line::from(vec![
                Span::styled(
                    format!(" {} ", t.keys.mode_answer),
                    Style::default().fg(Color::Black).bg(Color::Yellow).bold(),
                ),
                Span::raw(format!(" {kind} · {}", answer.hint(t))).yellow(),
            ])
        } else {
            Line::from(Span::raw(format!(
                "{} — {kind} · {}",
                t.answer, t.keys.tab_to_answer
            )))
            .dark_gray()
        };
        frame.render_widget(Paragraph::new(line), label);
        answer.draw(frame, widget, answering, t);
    }
}

/// What was said on the current question, latest at the bottom.
fn draw_transcript(
    frame: &mut Frame,
    area: Rect,
    interview: &Interview,
    session: &Session,
    study: &Study,
    t: &Texts,
) {
    let width = area.width.saturating_sub(2).max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for seg in session
        .segments
        .iter()
        .filter(|s| s.question == interview.question && Some(s.id) != interview.draft.segment)
    {
        lines.push(segment_heading(session, seg, study, t));
        let chars: Vec<char> = seg.text.chars().collect();
        for row in wrap(&seg.text, width) {
            let text: String = chars[row.start..row.end].iter().collect();
            lines.push(Line::from(format!("  {text}")));
        }
    }
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(t.nothing_said_yet).dark_gray(), area);
        return;
    }
    // The latest lines at the bottom, `scroll` lines back in time.
    let height = area.height as usize;
    let end = lines
        .len()
        .saturating_sub(interview.scroll as usize)
        .max(height.min(lines.len()));
    let start = end.saturating_sub(height);
    frame.render_widget(Paragraph::new(lines[start..end].to_vec()), area);
}

fn segment_heading<'a>(
    session: &Session,
    seg: &crate::study::Segment,
    study: &Study,
    t: &Texts,
) -> Line<'a> {
    let mut spans = who_and_when(session, seg, t, "%H:%M");
    for coding in session.codings.iter().filter(|c| c.segment == seg.id) {
        if let Some(code) = study.codebook.shown(coding.code) {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                format!("■ {}", code.name),
                Style::default().fg(colour(&code.colour)),
            ));
        }
    }
    Line::from(spans)
}

fn draw_notes(
    frame: &mut Frame,
    area: Rect,
    interview: &Interview,
    applied: &[CodeId],
    study: &Study,
    t: &Texts,
) {
    let who = match interview.speaker {
        Speaker::Respondent => t.speaker_respondent,
        Speaker::Interviewer => t.speaker_interviewer,
    };
    let focused = interview.focus == Focus::Notes;
    let border = if focused {
        Style::default().fg(Color::Green)
    } else {
        Style::default().dark_gray()
    };
    // The codes on the block show on its frame as soon as they are applied.
    let mut title = vec![Span::raw(format!(" {} · {who} ", t.notes))];
    for code in applied.iter().filter_map(|c| study.codebook.shown(*c)) {
        title.push(Span::styled(
            format!("■ {} ", code.name),
            Style::default().fg(colour(&code.colour)).bold(),
        ));
    }
    let block = Block::bordered()
        .border_style(border)
        .title(Line::from(title))
        .title_bottom(Line::from(notes_hint(t)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cursor = focused.then(|| Style::default().add_modifier(Modifier::REVERSED));
    text_view::draw(frame, inner, &interview.notes, cursor);
}

/// `Entrée×2 nouveau bloc · Ctrl+T locuteur`, from the keys' own names.
fn notes_hint(t: &Texts) -> String {
    use crate::tui::keymap::{ENTER, ctrl};
    let k = t.keys;
    format!(
        " {}×2 {} · {} {} ",
        ENTER.name(k),
        k.short_close_block,
        ctrl('t').name(k),
        k.short_speaker
    )
}
