//! The interview screen's state: the session being recorded, where the interviewer is in the
//! grid, the notes being typed (the draft) and the popups.
//!
//! The draft is the block of notes being typed. It becomes a segment as soon as it has text and
//! is written to the journal at most [`DRAFT_DELAY_MS`] after each change, so that a crash loses
//! at most that much typing. Closing the block (Enter on an empty line, a change of speaker or
//! of question) stamps its end time.

pub mod keys;
pub mod popup;
pub mod view;

use chrono::Duration;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use self::popup::Popup;
use super::msg::Effect;
use super::widget::value_input::ValueInput;
use crate::study::{
    CodeId, Coding, CodingId, Document, Excerpt, Question, QuestionId, Segment, SegmentId, Session,
    SessionChange, SituationId, Speaker, Study, Time, ValueKind, text,
};

/// Longest time typed text waits before it is journalled.
pub const DRAFT_DELAY_MS: i64 = 150;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Typing notes.
    Notes,
    /// Answering the current closed question with its widget.
    Answer,
    /// Single-key commands (after Esc).
    Command,
}

/// The block of notes being typed.
#[derive(Debug, Default)]
pub struct Draft {
    /// The segment the draft is saved in, once it has text.
    pub segment: Option<SegmentId>,
    /// The text last written to the journal.
    pub saved: String,
    /// When the first key of the block was typed.
    pub started: Option<Time>,
    /// When the draft first differed from what is saved.
    pub dirty_since: Option<Time>,
    /// Codings and situations applied to the whole block while it is typed: they are stretched
    /// to the whole segment when the block closes.
    pub whole: Vec<Whole>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Whole {
    Coding(CodingId),
    Situation(SituationId),
}

pub struct Interview {
    pub session: Session,
    pub read_only: bool,
    pub question: Option<QuestionId>,
    pub focus: Focus,
    pub notes: TextArea<'static>,
    pub draft: Draft,
    pub speaker: Speaker,
    pub answer: Option<ValueInput>,
    pub popup: Option<Popup>,
    /// Lines scrolled back in the transcript of the current question (0: the latest).
    pub scroll: u16,
    /// The codes on Alt+1..9.
    pub quick_codes: Vec<CodeId>,
    /// When this sitting began: the clock shows the time recorded before plus this sitting's.
    pub opened_at: Time,
    /// How long the session was recorded before this sitting (pauses left out).
    pub recorded_before: Duration,
}

impl Interview {
    /// Opens a session at the question it was left on (or the first one).
    pub fn resume(study: &Study, session: Session, read_only: bool, now: Time) -> Interview {
        let question = session
            .current_question
            .filter(|q| study.grid.question(*q).is_some())
            .or_else(|| study.grid.questions().next().map(|(_, q)| q.id));
        let mut interview = Interview {
            session,
            read_only,
            question: None,
            focus: Focus::Notes,
            notes: new_notes(),
            draft: Draft::default(),
            speaker: Speaker::Respondent,
            answer: None,
            popup: None,
            scroll: 0,
            quick_codes: quick_codes(study),
            opened_at: now,
            recorded_before: Duration::zero(),
        };
        interview.recorded_before = recorded(&interview.session);
        interview.enter_question(study, question);
        // Opening a session puts the cursor in the notes: typing starts at once.
        interview.focus = Focus::Notes;
        interview.style_notes();
        interview
    }

    pub fn current_question<'s>(&self, study: &'s Study) -> Option<&'s Question> {
        self.question
            .and_then(|q| study.grid.question(q))
            .map(|(_, q)| q)
    }

    /// Sets the current question and the widget for its answer. Focus goes to the answer of an
    /// unanswered closed question, else to the notes.
    fn enter_question(&mut self, study: &Study, question: Option<QuestionId>) {
        self.question = question;
        self.scroll = 0;
        let q = self.current_question(study);
        self.answer = q
            .filter(|q| !matches!(q.kind, ValueKind::Open))
            .map(|q| ValueInput::new(&q.kind, self.session.answers.get(&q.id)));
        let unanswered = q.is_some_and(|q| !self.session.answers.contains_key(&q.id));
        self.focus = if self.answer.is_some() && unanswered && !self.read_only {
            Focus::Answer
        } else {
            Focus::Notes
        };
        self.style_notes();
    }

    /// Moves to a question: the block being typed is closed, the position remembered.
    pub fn go_to(&mut self, study: &Study, question: QuestionId, now: Time) -> Vec<Effect> {
        if self.question == Some(question) {
            return Vec::new();
        }
        let mut effects = self.close_block(study, now);
        self.enter_question(study, Some(question));
        effects.extend(self.record(
            study,
            SessionChange::SetCurrentQuestion {
                question: Some(question),
            },
        ));
        effects
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

    /// Checks a change against the session, applies it to the copy on screen and asks the
    /// runtime to journal it. A refused change is reported and applies nothing.
    pub fn record(&mut self, study: &Study, change: SessionChange) -> Vec<Effect> {
        if self.read_only {
            return Vec::new();
        }
        match self.session.check(&change, study) {
            Ok(()) => {
                self.session.apply(&change);
                vec![Effect::Record(change)]
            }
            Err(e) => {
                // Only a bug reaches this: the screen offers only valid changes.
                vec![Effect::Report(e.to_string())]
            }
        }
    }

    /// Takes the session as it is saved (after a change failed to be): the block being typed
    /// is sent again at the next save if what is saved of it differs from what is on screen.
    pub fn resync(&mut self, session: Session, now: Time) {
        self.session = session;
        match self.draft.segment.and_then(|id| self.session.segment(id)) {
            Some(segment) => self.draft.saved = segment.text.clone(),
            None => {
                self.draft.segment = None;
                self.draft.saved = String::new();
                self.draft.whole.clear();
            }
        }
        if self.draft_text() != self.draft.saved {
            self.draft.dirty_since.get_or_insert(now);
        }
    }

    /// Why nothing can be written in this session, if so: another process writes it, or consent
    /// was not recorded as given (an imported transcript, a refusal).
    pub fn why_no_notes(&self, t: &crate::i18n::Texts) -> Option<&'static str> {
        if self.read_only {
            Some(t.read_only_notes)
        } else if !self.session.has_consent() {
            Some(t.no_consent_notes)
        } else {
            None
        }
    }

    /// The draft's text, as the model stores it.
    pub fn draft_text(&self) -> String {
        text::normalize(&self.notes.lines().join("\n"))
    }

    /// Notes typed: the draft starts its clock and asks to be saved soon.
    pub fn notes_changed(&mut self, now: Time) {
        if self.draft.started.is_none() {
            self.draft.started = Some(stamp(now));
        }
        if self.draft.dirty_since.is_none() {
            self.draft.dirty_since = Some(now);
        }
    }

    /// When the draft must be saved, if it has unsaved text.
    pub fn draft_deadline(&self) -> Option<Time> {
        self.draft
            .dirty_since
            .map(|t| t + Duration::milliseconds(DRAFT_DELAY_MS))
    }

    /// Writes the draft to the journal if it changed: a new segment, or its new text.
    pub fn save_draft(&mut self, study: &Study, now: Time) -> Vec<Effect> {
        self.draft.dirty_since = None;
        let text = self.draft_text();
        if text == self.draft.saved || self.read_only {
            return Vec::new();
        }
        let change = match self.draft.segment {
            None if text.trim().is_empty() => return Vec::new(),
            None => {
                let segment = Segment {
                    id: SegmentId::new(),
                    question: self.question,
                    speaker: self.speaker,
                    speaker_label: None,
                    start: Some(self.draft.started.unwrap_or(now)),
                    end: None,
                    text: text.clone(),
                };
                self.draft.segment = Some(segment.id);
                SessionChange::AddSegment {
                    segment,
                    after: None,
                }
            }
            Some(segment) => SessionChange::EditText {
                segment,
                text: text.clone(),
            },
        };
        self.draft.saved = text;
        self.record(study, change)
    }

    /// Ends the block being typed: saved, stamped with its end, whole-segment codings stretched
    /// over it; the notes area is emptied for the next block.
    pub fn close_block(&mut self, study: &Study, now: Time) -> Vec<Effect> {
        // Blank lines and spaces typed at the end of a block are not part of what was said.
        let text = self.draft_text();
        let trimmed = text.trim_end();
        if trimmed.len() != text.len() {
            self.notes = new_notes();
            self.notes.insert_str(trimmed);
            self.draft.dirty_since.get_or_insert(now);
        }
        let now = stamp(now);
        let mut effects = self.save_draft(study, now);
        if let Some(id) = self.draft.segment {
            let seg = self.session.segment(id).cloned();
            if let Some(seg) = seg {
                if seg.text.trim().is_empty() {
                    effects
                        .extend(self.record(study, SessionChange::RemoveSegment { segment: id }));
                } else {
                    // A clock set back while typing must not end a block before it began.
                    let end = seg.start.map_or(now, |start| start.max(now));
                    effects.extend(self.record(
                        study,
                        SessionChange::SetSegmentTimes {
                            segment: id,
                            start: seg.start,
                            end: Some(end),
                        },
                    ));
                    effects.extend(self.stretch_whole(study, &seg));
                }
            }
        }
        self.draft = Draft::default();
        self.notes = new_notes();
        self.style_notes();
        effects
    }

    /// Codings and situations applied to the whole block cover its final text.
    fn stretch_whole(&mut self, study: &Study, seg: &Segment) -> Vec<Effect> {
        let len = text::char_len(&seg.text);
        let mut effects = Vec::new();
        for whole in std::mem::take(&mut self.draft.whole) {
            match whole {
                Whole::Coding(coding) => {
                    let stale = self
                        .session
                        .coding(coding)
                        .is_some_and(|c| (c.start, c.end) != (0, len));
                    if stale {
                        effects.extend(self.record(
                            study,
                            SessionChange::SetCodingSpan {
                                coding,
                                start: 0,
                                end: len,
                            },
                        ));
                    }
                }
                Whole::Situation(id) => {
                    let Some(mut situation) = self.session.situation(id).cloned() else {
                        continue;
                    };
                    let whole = Excerpt {
                        segment: seg.id,
                        start: 0,
                        end: len,
                    };
                    let before = situation.excerpts.clone();
                    situation.excerpts.retain(|e| e.segment != seg.id);
                    situation.excerpts.push(whole);
                    if situation.excerpts != before {
                        effects
                            .extend(self.record(study, SessionChange::PutSituation { situation }));
                    }
                }
            }
        }
        effects
    }

    /// The segment quick coding and situations apply to: the block being typed (saved first),
    /// else the last segment of the current question.
    pub fn target_segment(&mut self, study: &Study, now: Time) -> (Option<SegmentId>, Vec<Effect>) {
        let effects = self.save_draft(study, now);
        if let Some(id) = self.draft.segment {
            return (Some(id), effects);
        }
        let last = self
            .session
            .segments
            .iter()
            .rev()
            .find(|s| s.question == self.question)
            .map(|s| s.id);
        (last, effects)
    }

    /// Applies a code to the whole target segment.
    pub fn code_segment(
        &mut self,
        study: &Study,
        code: CodeId,
        coder: &str,
        now: Time,
    ) -> Vec<Effect> {
        let (target, mut effects) = self.target_segment(study, now);
        let Some(segment) = target.and_then(|id| self.session.segment(id).cloned()) else {
            return effects;
        };
        let already = self
            .session
            .codings
            .iter()
            .any(|c| c.segment == segment.id && c.code == code && c.coder == coder);
        let len = text::char_len(&segment.text);
        if already || len == 0 {
            return effects;
        }
        let coding = Coding {
            id: CodingId::new(),
            segment: segment.id,
            start: 0,
            end: len,
            code,
            coder: coder.to_owned(),
            at: stamp(now),
            memo: None,
        };
        if self.draft.segment == Some(segment.id) {
            self.draft.whole.push(Whole::Coding(coding.id));
        }
        effects.extend(self.record(study, SessionChange::AddCoding { coding }));
        effects
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
    pub fn elapsed(&self, now: Time) -> Duration {
        let Some(started) = self.session.started else {
            return Duration::zero();
        };
        let sitting_start = self.opened_at.max(started);
        self.recorded_before + (now - sitting_start).max(Duration::zero())
    }

    /// Time spent on each theme: the summed durations of its segments.
    pub fn theme_durations(&self, study: &Study, now: Time) -> Vec<Duration> {
        study
            .grid
            .themes
            .iter()
            .map(|theme| {
                self.session
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

    /// Questions neither covered nor skipped, in grid order.
    pub fn uncovered<'s>(&self, study: &'s Study) -> Vec<&'s Question> {
        study
            .grid
            .questions()
            .map(|(_, q)| q)
            .filter(|q| !self.session.is_covered(q.id) && !self.session.is_skipped(q.id))
            .collect()
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

/// Times are kept to the second: enough for a transcript, readable in the files.
pub fn stamp(now: Time) -> Time {
    use chrono::SubsecRound;
    now.trunc_subsecs(0)
}

fn new_notes() -> TextArea<'static> {
    let mut notes = TextArea::default();
    notes.set_wrap_mode(WrapMode::WordOrGlyph);
    notes.set_cursor_line_style(Style::default());
    notes
}

/// The codes on Alt+1..9: the first nine codes without sub-codes, in codebook order.
pub fn quick_codes(study: &Study) -> Vec<CodeId> {
    let book = &study.codebook;
    book.tree()
        .into_iter()
        .filter(|(_, c)| book.children(Some(c.id)).next().is_none())
        .map(|(_, c)| c.id)
        .take(9)
        .collect()
}
