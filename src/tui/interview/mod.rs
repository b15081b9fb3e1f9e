//! The interview screen: the grid, the current question, what was said on it, and the notes
//! being typed. This file holds where the interviewer is (question, focus, speaker) and the
//! time spent; `draft` the notes being typed; `keys` and `popup` what input does; `view` the
//! drawing.

pub mod draft;
pub mod keys;
pub mod popup;
pub mod view;

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

pub use self::draft::{DRAFT_DELAY_MS, Draft, Whole};
use self::popup::Popup;
use crate::i18n::Texts;
use crate::study::{
    Question, QuestionId, Session, SessionChange, SessionId, Speaker, Status, Study, Time,
    ValueKind,
};
use crate::tui::ctx::{Ctx, View};
use crate::tui::keymap::HelpSection;
use crate::tui::msg::Answer;
use crate::tui::screen::{Screen, Step};
use crate::tui::widget::undo_groups::UndoGroups;
use crate::tui::widget::value_input::ValueInput;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Typing notes.
    Notes,
    /// Answering the current closed question with its widget.
    Answer,
    /// Single-key commands (after Esc).
    Command,
}

pub struct Interview {
    /// The session recorded; the open session while this screen is on the stack.
    pub id: SessionId,
    pub question: Option<QuestionId>,
    pub focus: Focus,
    pub notes: TextArea<'static>,
    /// Ctrl+Z in the notes takes back a word or a burst of typing, not a character.
    pub undo: UndoGroups,
    pub draft: Draft,
    pub speaker: Speaker,
    pub answer: Option<ValueInput>,
    pub popup: Option<Popup>,
    /// Lines scrolled back in the transcript of the current question (0: the latest).
    pub scroll: u16,
    /// When this sitting began: the clock shows the time recorded before plus this sitting's.
    pub opened_at: Time,
    /// How long the session was recorded before this sitting (pauses left out).
    pub recorded_before: Duration,
}

impl Interview {
    /// Opens the open session at the question it was left on (or the first one).
    pub fn resume(cx: &Ctx, session: &Session) -> Interview {
        let study = cx.study;
        let question = session
            .current_question
            .filter(|q| study.grid.question(*q).is_some())
            .or_else(|| study.grid.questions().next().map(|(_, q)| q.id));
        let mut interview = Interview {
            id: session.id,
            question: None,
            focus: Focus::Notes,
            notes: new_notes(),
            undo: UndoGroups::default(),
            draft: Draft::default(),
            speaker: Speaker::Respondent,
            answer: None,
            popup: None,
            scroll: 0,
            opened_at: cx.now,
            recorded_before: recorded(session),
        };
        // Opening a session puts the cursor in the notes: typing starts at once.
        interview.enter_question(study, session, question);
        interview.style_notes();
        interview
    }

    pub fn current_question<'s>(&self, study: &'s Study) -> Option<&'s Question> {
        self.question
            .and_then(|q| study.grid.question(q))
            .map(|(_, q)| q)
    }

    /// Sets the current question and the widget for its answer. The keyboard stays in the
    /// notes (or in the commands): an answer is given only by going to it (Tab), the same on
    /// every question. The next block is the respondent's.
    fn enter_question(&mut self, study: &Study, session: &Session, question: Option<QuestionId>) {
        self.question = question;
        self.scroll = 0;
        self.speaker = Speaker::Respondent;
        self.answer = self
            .current_question(study)
            .filter(|q| !matches!(q.kind, ValueKind::Open))
            .map(|q| ValueInput::new(&q.kind, session.answers.get(&q.id)));
        if self.focus == Focus::Answer {
            self.set_focus(Focus::Notes);
        }
    }

    /// Changes mode; the notes' cursor shows only while typing goes there.
    pub fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        self.style_notes();
    }

    /// Moves to a question: the block being typed is closed, the position remembered.
    pub fn go_to(&mut self, cx: &mut Ctx, question: QuestionId) {
        if self.question == Some(question) {
            return;
        }
        self.close_block(cx);
        let Some(session) = cx.session(self.id) else {
            return;
        };
        self.enter_question(cx.study, session, Some(question));
        let conducting = self.conducting(cx);
        if conducting {
            self.visit(cx, Some(question), false);
        } else {
            self.record(
                cx,
                SessionChange::SetCurrentQuestion {
                    question: Some(question),
                },
            );
        }
    }

    /// Whether the interview is being conducted: a session in progress, with consent, that
    /// this process writes. Only then are the question visits recorded.
    fn conducting(&self, cx: &Ctx) -> bool {
        cx.writable(self.id)
            && cx
                .session(self.id)
                .is_some_and(|s| s.status == Status::InProgress && s.has_consent())
    }

    /// Records that the interviewer is on `question` from now (`None`: off the grid, the
    /// sitting is over); `resumed`: a new sitting begins. A visit sets the current question.
    pub fn visit(&mut self, cx: &mut Ctx, question: Option<QuestionId>, resumed: bool) {
        if self.conducting(cx) {
            let at = crate::study::stamp(cx.now);
            self.record(
                cx,
                SessionChange::Visit {
                    question,
                    at,
                    resumed,
                },
            );
        }
    }

    /// The question `delta` steps away in grid order.
    pub fn neighbour(&self, study: &Study, delta: isize) -> Option<QuestionId> {
        let ids: Vec<QuestionId> = study.grid.questions().map(|(_, q)| q.id).collect();
        let here = self
            .question
            .and_then(|q| ids.iter().position(|i| *i == q))? as isize;
        let there = here + delta;
        (0..ids.len() as isize)
            .contains(&there)
            .then(|| ids[there as usize])
    }

    /// The first question of the theme `delta` themes away.
    pub fn neighbour_theme(&self, study: &Study, delta: isize) -> Option<QuestionId> {
        let themes = &study.grid.themes;
        let here = self.question.and_then(|q| {
            themes
                .iter()
                .position(|t| t.questions.iter().any(|x| x.id == q))
        })? as isize;
        let mut i = here + delta;
        while (0..themes.len() as isize).contains(&i) {
            if let Some(q) = themes[i as usize].questions.first() {
                return Some(q.id);
            }
            i += delta.signum();
        }
        None
    }

    /// Records a change to this session; whether it was written. A change refused or not
    /// written is in the context's log, which the app shows.
    pub fn record(&mut self, cx: &mut Ctx, change: SessionChange) -> bool {
        cx.writable(self.id) && cx.record(self.id, change).is_ok()
    }

    /// Why nothing can be written in this session, if so: another process writes it, or consent
    /// was not recorded as given (an imported transcript, a refusal).
    pub fn why_no_notes(&self, cx: &Ctx) -> Option<&'static str> {
        if !cx.writable(self.id) {
            Some(cx.t.read_only_notes)
        } else if !cx.session(self.id).is_some_and(Session::has_consent) {
            Some(cx.t.no_consent_notes)
        } else {
            None
        }
    }

    /// Sets the cursor look of the notes for the current focus.
    pub fn style_notes(&mut self) {
        let cursor = if self.focus == Focus::Notes {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.notes.set_cursor_style(cursor);
    }

    /// How long the interview has run: what was recorded before this sitting plus this
    /// sitting. A session resumed days later does not count the days in between.
    pub fn elapsed(&self, session: &Session, now: Time) -> Duration {
        let Some(started) = session.started else {
            return Duration::zero();
        };
        let sitting_start = self.opened_at.max(started);
        self.recorded_before + (now - sitting_start).max(Duration::zero())
    }

    /// Time spent on each theme: the summed durations of its segments.
    pub fn theme_durations(&self, study: &Study, session: &Session, now: Time) -> Vec<Duration> {
        study
            .grid
            .themes
            .iter()
            .map(|theme| {
                session
                    .segments
                    .iter()
                    .filter(|s| {
                        s.question
                            .is_some_and(|q| theme.questions.iter().any(|x| x.id == q))
                    })
                    .filter_map(|s| {
                        let start = s.start?;
                        let end = s.end.unwrap_or(if Some(s.id) == self.draft.segment {
                            now
                        } else {
                            start
                        });
                        Some(end - start)
                    })
                    .fold(Duration::zero(), |a, b| a + b.max(Duration::zero()))
            })
            .collect()
    }
}

/// Questions neither covered nor skipped, in grid order.
pub fn uncovered<'s>(study: &'s Study, session: &Session) -> Vec<&'s Question> {
    study
        .grid
        .questions()
        .map(|(_, q)| q)
        .filter(|q| !session.is_covered(q.id) && !session.is_skipped(q.id))
        .collect()
}

impl Screen for Interview {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        keys::on_key(self, cx, key)
    }

    fn mouse(&mut self, cx: &mut Ctx, mouse: MouseEvent) -> Step {
        keys::on_mouse(self, cx, mouse)
    }

    fn paste(&mut self, cx: &mut Ctx, text: &str) -> Step {
        keys::on_paste(self, cx, text)
    }

    fn tick(&mut self, cx: &mut Ctx) -> Step {
        if self.draft_deadline().is_some_and(|d| d <= cx.now) {
            self.save_draft(cx, cx.now);
        }
        Step::none()
    }

    /// The draft's save, or the next second of the clock.
    fn deadline(&self, now: Time) -> Option<Time> {
        let clock = now + Duration::milliseconds(1000 - i64::from(now.timestamp_subsec_millis()));
        Some(self.draft_deadline().map_or(clock, |d| d.min(clock)))
    }

    /// A screen opened over the interview (search): what is typed is saved first.
    fn covered(&mut self, cx: &mut Ctx) -> Step {
        self.save_draft(cx, cx.now);
        Step::none()
    }

    fn resumed(&mut self, cx: &mut Ctx) -> Step {
        self.resync(cx);
        Step::none()
    }

    fn leave(&mut self, cx: &mut Ctx) -> Step {
        self.close_block(cx);
        self.visit(cx, None, false);
        Step::none()
    }

    fn session(&self) -> Option<SessionId> {
        Some(self.id)
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        view::draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        keys::help(self, t)
    }

    /// A code made on the spot from the picker is applied to the block once the codebook has
    /// it.
    fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        match answer {
            Answer::CodebookChanged { apply: Some(code) } => self.code_segment(cx, code),
            Answer::CodebookEditFailed(why) => Step::error(why),
            _ => Step::none(),
        }
    }
}

/// The time a session has been recorded: from its start through its segments' times, leaving
/// out pauses (a gap of more than half an hour between two stamps: the session was left and
/// resumed later).
fn recorded(session: &Session) -> Duration {
    let Some(started) = session.started else {
        return Duration::zero();
    };
    let pause = Duration::minutes(30);
    let mut stamps: Vec<Time> = session
        .segments
        .iter()
        .flat_map(|s| [s.start, s.end])
        .flatten()
        .filter(|t| *t >= started)
        .collect();
    stamps.push(started);
    stamps.sort();
    stamps
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|gap| *gap <= pause)
        .fold(Duration::zero(), |a, b| a + b)
}

fn new_notes() -> TextArea<'static> {
    let mut notes = TextArea::default();
    notes.set_max_histories(crate::tui::widget::undo_groups::HISTORY);
    notes.set_wrap_mode(WrapMode::WordOrGlyph);
    notes.set_cursor_line_style(Style::default());
    notes
}
