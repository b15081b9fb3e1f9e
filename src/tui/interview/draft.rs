//! The block of notes being typed (the draft). It becomes a segment as soon as it has text and
//! is written to the journal at most [`DRAFT_DELAY_MS`] after each change, so that a crash loses
//! at most that much typing. Closing the block (Enter on an empty line, a change of speaker or
//! of question) stamps its end time and stretches what was applied to the whole block over it.

use chrono::Duration;

use super::Interview;
use crate::study::{
    CodeId, Coding, CodingId, Excerpt, Segment, SegmentId, SessionChange, SituationId, Time, stamp,
    text,
};
use crate::tui::ctx::Ctx;
use crate::tui::screen::Step;

/// Longest time typed text waits before it is journalled.
pub const DRAFT_DELAY_MS: i64 = 150;

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

impl Interview {
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

    /// Writes the draft to the journal if it changed: a new segment, or its new text. What
    /// could not be written is tried again at the next deadline.
    pub fn save_draft(&mut self, cx: &mut Ctx, now: Time) {
        self.draft.dirty_since = None;
        let text = self.draft_text();
        if text == self.draft.saved || !cx.writable(self.id) {
            return;
        }
        let (segment, change) = match self.draft.segment {
            None if text.trim().is_empty() => return,
            None => {
                let segment = Segment {
                    id: SegmentId::new(),
                    question: self.question,
                    speaker: self.speaker,
                    speaker_label: None,
                    recording: None,
                    start: Some(self.draft.started.unwrap_or(now)),
                    end: None,
                    text: text.clone(),
                };
                let id = segment.id;
                let add = SessionChange::AddSegment {
                    segment,
                    after: None,
                    before: None,
                };
                (id, add)
            }
            Some(segment) => (
                segment,
                SessionChange::EditText {
                    segment,
                    text: text.clone(),
                },
            ),
        };
        if cx.record(self.id, change).is_ok() {
            self.draft.segment = Some(segment);
            self.draft.saved = text;
        } else {
            self.draft.dirty_since = Some(cx.now);
        }
    }

    /// Ends the block being typed: saved, stamped with its end, whole-segment codings stretched
    /// over it; the notes area is emptied for the next block.
    pub fn close_block(&mut self, cx: &mut Ctx) {
        // Blank lines and spaces typed at the end of a block are not part of what was said.
        let text = self.draft_text();
        let trimmed = text.trim_end();
        if trimmed.len() != text.len() {
            self.notes = super::new_notes();
            self.notes.insert_str(trimmed);
            self.draft.dirty_since.get_or_insert(cx.now);
        }
        let now = stamp(cx.now);
        self.save_draft(cx, now);
        let seg = self
            .draft
            .segment
            .and_then(|id| cx.session(self.id)?.segment(id).cloned());
        if let Some(seg) = seg {
            if seg.text.trim().is_empty() {
                self.record(cx, SessionChange::RemoveSegment { segment: seg.id });
            } else {
                // A clock set back while typing must not end a block before it began.
                let end = seg.start.map_or(now, |start| start.max(now));
                self.record(
                    cx,
                    SessionChange::SetSegmentTimes {
                        segment: seg.id,
                        start: seg.start,
                        end: Some(end),
                    },
                );
                self.stretch_whole(cx, &seg);
            }
        }
        self.draft = Draft::default();
        self.notes = super::new_notes();
        self.undo = Default::default();
        self.style_notes();
    }

    /// Codings and situations applied to the whole block cover its final text.
    fn stretch_whole(&mut self, cx: &mut Ctx, seg: &Segment) {
        let len = text::char_len(&seg.text);
        for whole in std::mem::take(&mut self.draft.whole) {
            let Some(session) = cx.session(self.id) else {
                return;
            };
            let change = match whole {
                Whole::Coding(coding) => session
                    .coding(coding)
                    .filter(|c| (c.start, c.end) != (0, len))
                    .map(|_| SessionChange::SetCodingSpan {
                        coding,
                        start: 0,
                        end: len,
                    }),
                Whole::Situation(id) => session.situation(id).cloned().and_then(|mut situation| {
                    let before = situation.excerpts.clone();
                    situation.excerpts.retain(|e| e.segment != seg.id);
                    situation.excerpts.push(Excerpt {
                        segment: seg.id,
                        start: 0,
                        end: len,
                    });
                    (situation.excerpts != before)
                        .then_some(SessionChange::PutSituation { situation })
                }),
            };
            if let Some(change) = change {
                self.record(cx, change);
            }
        }
    }

    /// The segment quick coding and situations apply to: the block being typed (saved first),
    /// else the last segment of the current question.
    pub fn target_segment(&mut self, cx: &mut Ctx) -> Option<SegmentId> {
        self.save_draft(cx, cx.now);
        if let Some(id) = self.draft.segment {
            return Some(id);
        }
        cx.session(self.id)?
            .segments
            .iter()
            .rev()
            .find(|s| s.question == self.question)
            .map(|s| s.id)
    }

    /// Applies a code to the whole target segment: the block being typed, else the last one
    /// of the question. Says what it did, or why it did nothing.
    pub fn code_segment(&mut self, cx: &mut Ctx, code: CodeId) -> Step {
        if let Some(why) = self.why_no_notes(cx) {
            return Step::error(why);
        }
        let target = self.target_segment(cx);
        let t = cx.t;
        let name = cx
            .study
            .codebook
            .get(code)
            .map_or(String::new(), |c| c.name.clone());
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(segment) = target.and_then(|id| session.segment(id)) else {
            return Step::error(t.keys.nothing_to_code);
        };
        let already = session
            .codings
            .iter()
            .any(|c| c.segment == segment.id && c.code == code && c.coder == cx.coder);
        if already {
            return Step::info((t.keys.already_coded)(&name));
        }
        let len = text::char_len(&segment.text);
        if len == 0 {
            return Step::error(t.keys.nothing_to_code);
        }
        let coding = Coding {
            id: CodingId::new(),
            segment: segment.id,
            start: 0,
            end: len,
            code,
            coder: cx.coder.to_owned(),
            at: stamp(cx.now),
            memo: None,
            quote: None,
        };
        if self.draft.segment == Some(segment.id) {
            self.draft.whole.push(Whole::Coding(coding.id));
        }
        if self.record(cx, SessionChange::AddCoding { coding }) {
            Step::info((t.keys.block_coded)(&name))
        } else {
            Step::none()
        }
    }

    /// The session as it is open again (after another screen was over this one): the block
    /// being typed is sent again at the next save if what is saved of it differs.
    pub fn resync(&mut self, cx: &Ctx) {
        let saved = self
            .draft
            .segment
            .and_then(|id| cx.session(self.id)?.segment(id))
            .map(|s| s.text.clone());
        match saved {
            Some(text) => self.draft.saved = text,
            None => {
                self.draft.segment = None;
                self.draft.saved = String::new();
                self.draft.whole.clear();
            }
        }
        if self.draft_text() != self.draft.saved {
            self.draft.dirty_since.get_or_insert(cx.now);
        }
    }
}
