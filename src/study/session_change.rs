//! The changes a session goes through, as journal records.
//!
//! Over 500 lines: every change a session goes through with its application and inverse in one
//! match, so that adding a change shows every place it must be handled.

use serde::{Deserialize, Serialize};

use super::Study;
use super::alignment::Proposal;
pub use super::alignment_change::{Linked, Moved, TranscriptChange};
use super::document::{ChangeError, Document, Notice, Outcome};
use super::ids::{CodeId, CodingId, MemoId, QuestionId, SegmentId, SituationId};
use super::session::{
    Coding, Consent, Excerpt, Mark, Memo, Quote, Respondent, Segment, Session, Situation, Speaker,
    Status, Time,
};
use super::text::{self, OffsetMap};
use super::validate;
use super::value::Value;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum SessionChange {
    SetInterviewer {
        interviewer: String,
    },
    SetRespondent {
        respondent: Respondent,
    },
    SetConsent {
        consent: Consent,
    },
    SetLocation {
        location: String,
    },
    /// Starts (or restarts) recording: sets the start time if there is none.
    Start {
        at: Time,
    },
    /// Ends the session: status done, end time set.
    Finish {
        at: Time,
    },
    /// Puts a finished session back in progress.
    Reopen,
    SetCurrentQuestion {
        question: Option<QuestionId>,
    },
    /// Adds a segment after `after`, or at the end.
    AddSegment {
        segment: Segment,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<SegmentId>,
        /// Put back before this segment (an undone deletion of a first segment); wins over
        /// `after`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<SegmentId>,
    },
    /// Replaces a segment's text; codings and situation excerpts follow their words.
    EditText {
        segment: SegmentId,
        text: String,
    },
    /// Replaces spans of a segment's text (pseudonymisation and its undo): codings and
    /// situation excerpts keep their words, one on a replaced span covers its replacement.
    ReplaceSpans {
        segment: SegmentId,
        spans: Vec<crate::study::pseudonym::Span>,
    },
    SetSegmentTimes {
        segment: SegmentId,
        start: Option<Time>,
        end: Option<Time>,
    },
    SetSpeaker {
        segment: SegmentId,
        speaker: Speaker,
    },
    SetSegmentQuestion {
        segment: SegmentId,
        question: Option<QuestionId>,
    },
    /// Removes a segment with its codings and the situation excerpts in it.
    RemoveSegment {
        segment: SegmentId,
    },
    SetAnswer {
        question: QuestionId,
        value: Option<Value>,
    },
    SetMark {
        question: QuestionId,
        mark: Option<Mark>,
    },
    AddCoding {
        coding: Coding,
    },
    RemoveCoding {
        coding: CodingId,
    },
    /// Moves a coding to another span of its segment.
    SetCodingSpan {
        coding: CodingId,
        start: usize,
        end: usize,
    },
    SetCodingMemo {
        coding: CodingId,
        memo: Option<String>,
    },
    /// Marks a coding's excerpt "à citer" in the report (with a comment), or unmarks it.
    SetCodingQuote {
        coding: CodingId,
        quote: Option<Quote>,
    },
    /// Gives these codings another code (a merge in the codebook, or its undo).
    Recode {
        codings: Vec<CodingId>,
        to: CodeId,
    },
    /// Removes every coding of a code (deleting a code in use).
    RemoveCodingsOf {
        code: CodeId,
    },
    AddMemo {
        memo: Memo,
    },
    EditMemo {
        memo: MemoId,
        text: String,
    },
    RemoveMemo {
        memo: MemoId,
    },
    /// Adds a situation, or replaces the one with the same id.
    PutSituation {
        situation: Situation,
    },
    RemoveSituation {
        situation: SituationId,
    },
    LinkExcerpt {
        situation: SituationId,
        excerpt: Excerpt,
    },
    UnlinkExcerpt {
        situation: SituationId,
        excerpt: Excerpt,
    },
    /// Chooses whose codings the tables count for this session; `None`: the first coder.
    SetReferenceCoder {
        coder: Option<String>,
    },
    /// From `at`, the interviewer is on `question` (`None`: off the grid, the sitting is over):
    /// the visit open before ends then. `resumed`: a new sitting begins, and a visit a crash
    /// left open ends at its last note instead.
    Visit {
        question: Option<QuestionId>,
        at: Time,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        resumed: bool,
    },
    /// Adds the recording's transcript layer, or replaces it with a corrected one (see
    /// [`TranscriptChange`]).
    PutTranscript(Box<TranscriptChange>),
    /// A person accepts a proposal, as proposed or moved: `coding` is the coding made.
    AcceptProposal {
        from: CodingId,
        coding: Coding,
    },
    /// A person rejects a proposal.
    RejectProposal {
        from: CodingId,
        by: String,
        at: Time,
    },
    /// A decision taken back (an undo): the proposal is pending again, as it was, and the
    /// coding an acceptance made is removed.
    ReopenProposal {
        proposal: Proposal,
    },
}

pub(super) fn fail<T>(message: impl Into<String>) -> Result<T, ChangeError> {
    Err(ChangeError::new(message))
}

impl Document for Session {
    type Change = SessionChange;
    type Context = Study;

    fn revision(&self) -> u64 {
        self.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.revision = revision;
    }

    fn check(&self, change: &SessionChange, study: &Study) -> Result<(), ChangeError> {
        use SessionChange::*;
        match change {
            SetInterviewer { .. } | SetLocation { .. } | Start { .. } | Finish { .. } | Reopen => {
                Ok(())
            }
            SetRespondent { respondent } => validate::check_attribute_values(
                &study.meta.respondent_attributes,
                &respondent.attributes,
            )
            .map_err(|(_, e)| ChangeError(e)),
            SetConsent { .. } => Ok(()),
            SetCurrentQuestion { question } => {
                question.map_or(Ok(()), |q| known_question(study, q))
            }
            AddSegment {
                segment,
                after,
                before,
            } => {
                if self.segment(segment.id).is_some() {
                    return fail(format!("segment {} already exists", segment.id));
                }
                for place in [after, before].into_iter().flatten() {
                    self.existing_segment(*place)?;
                }
                if let Some(q) = segment.question {
                    known_question(study, q)?;
                }
                validate::check_times(segment.start, segment.end).map_err(ChangeError)?;
                normalized(&segment.text)
            }
            EditText { segment, text } => {
                self.existing_segment(*segment)?;
                normalized(text)
            }
            ReplaceSpans { segment, spans } => {
                let seg = self.existing_segment(*segment)?;
                let len = text::char_len(&seg.text);
                let mut at = 0;
                for s in spans {
                    if s.start < at || s.end < s.start || s.end > len {
                        return fail(format!(
                            "span [{}, {}) of segment {segment} out of order or range",
                            s.start, s.end
                        ));
                    }
                    at = s.end;
                    normalized(&s.text)?;
                }
                Ok(())
            }
            SetSegmentTimes {
                segment,
                start,
                end,
            } => {
                self.existing_segment(*segment)?;
                validate::check_times(*start, *end).map_err(ChangeError)
            }
            SetSpeaker { segment, .. } | RemoveSegment { segment } => {
                self.existing_segment(*segment).map(drop)
            }
            SetSegmentQuestion { segment, question } => {
                self.existing_segment(*segment)?;
                question.map_or(Ok(()), |q| known_question(study, q))
            }
            SetAnswer { question, value } => {
                let Some((_, q)) = study.grid.question(*question) else {
                    return fail(format!("unknown question {question}"));
                };
                match value {
                    Some(v) => q
                        .kind
                        .check(v)
                        .map_err(|e| ChangeError(format!("answer to \"{}\": {e}", q.key))),
                    None => Ok(()),
                }
            }
            SetMark { question, .. } => known_question(study, *question),
            AddCoding { coding } => {
                if self.coding(coding.id).is_some() {
                    return fail(format!("coding {} already exists", coding.id));
                }
                // A retired code is known: a journal written before a merge replays.
                if !study.codebook.knows(coding.code) {
                    return fail(format!("unknown code {}", coding.code));
                }
                let seg = self.existing_segment(coding.segment)?;
                validate::check_span(&seg.text, coding.start, coding.end).map_err(ChangeError)
            }
            RemoveCoding { coding } | SetCodingMemo { coding, .. } => match self.coding(*coding) {
                Some(_) => Ok(()),
                None => fail(format!("no coding {coding} in this session")),
            },
            SetCodingQuote { coding, quote } => {
                if self.coding(*coding).is_none() {
                    return fail(format!("no coding {coding} in this session"));
                }
                match quote.as_ref().and_then(|q| q.comment.as_deref()) {
                    Some(comment) => normalized(comment),
                    None => Ok(()),
                }
            }
            SetCodingSpan { coding, start, end } => {
                let Some(c) = self.coding(*coding) else {
                    return fail(format!("no coding {coding} in this session"));
                };
                let seg = self.existing_segment(c.segment)?;
                validate::check_span(&seg.text, *start, *end).map_err(ChangeError)
            }
            Recode { codings, to } => {
                if !study.codebook.knows(*to) {
                    return fail(format!("unknown code {to}"));
                }
                match codings.iter().find(|c| self.coding(**c).is_none()) {
                    Some(missing) => fail(format!("no coding {missing} in this session")),
                    None => Ok(()),
                }
            }
            RemoveCodingsOf { .. } => Ok(()),
            AddMemo { memo } => {
                if self.memos.iter().any(|m| m.id == memo.id) {
                    return fail(format!("memo {} already exists", memo.id));
                }
                if let Some(seg) = memo.segment {
                    self.existing_segment(seg)?;
                }
                normalized(&memo.text)
            }
            EditMemo { memo, text } => {
                if !self.memos.iter().any(|m| m.id == *memo) {
                    return fail(format!("no memo {memo} in this session"));
                }
                normalized(text)
            }
            RemoveMemo { memo } => match self.memos.iter().any(|m| m.id == *memo) {
                true => Ok(()),
                false => fail(format!("no memo {memo} in this session")),
            },
            PutSituation { situation } => {
                validate::check_attribute_values(
                    &study.meta.situation_attributes,
                    &situation.attributes,
                )
                .map_err(|(_, e)| ChangeError(e))?;
                if situation.same_person_as == Some(situation.id) {
                    return fail("a situation cannot be the same person as itself");
                }
                for excerpt in &situation.excerpts {
                    self.check_excerpt(excerpt)?;
                }
                Ok(())
            }
            RemoveSituation { situation } | UnlinkExcerpt { situation, .. } => {
                self.existing_situation(*situation).map(drop)
            }
            LinkExcerpt { situation, excerpt } => {
                self.existing_situation(*situation)?;
                self.check_excerpt(excerpt)
            }
            Visit { question, .. } => question.map_or(Ok(()), |q| known_question(study, q)),
            PutTranscript(put) => self.check_put_transcript(put, study),
            AcceptProposal { from, coding } => self.check_accept(*from, coding, study),
            RejectProposal { from, .. } => self.pending(*from).map(drop),
            ReopenProposal { proposal } => self.check_reopen(proposal),
            SetReferenceCoder { coder: None } => Ok(()),
            SetReferenceCoder { coder: Some(name) } => {
                if self.codings.iter().any(|c| &c.coder == name) {
                    Ok(())
                } else {
                    fail(format!(
                        "\"{name}\" has coded nothing in this session (coders: {})",
                        self.coders().join(", ")
                    ))
                }
            }
        }
    }

    fn apply(&mut self, change: &SessionChange) -> Outcome {
        use SessionChange::*;
        let mut outcome = Outcome::default();
        match change.clone() {
            SetInterviewer { interviewer } => self.interviewer = interviewer,
            SetRespondent { respondent } => self.respondent = respondent,
            SetConsent { consent } => self.consent = Some(consent),
            SetLocation { location } => self.location = location,
            Start { at } => {
                self.started.get_or_insert(at);
                self.status = Status::InProgress;
            }
            Finish { at } => {
                self.ended = Some(at);
                self.status = Status::Done;
            }
            Reopen => self.status = Status::InProgress,
            SetCurrentQuestion { question } => self.current_question = question,
            AddSegment {
                segment,
                after,
                before,
            } => {
                let at = match before.and_then(|b| self.segment_index(b)) {
                    Some(i) => i,
                    None => after
                        .and_then(|a| self.segment_index(a))
                        .map_or(self.segments.len(), |i| i + 1),
                };
                self.segments.insert(at, segment);
            }
            EditText { segment, text } => self.edit_text(segment, text, &mut outcome),
            ReplaceSpans { segment, spans } => self.replace_spans(segment, &spans),
            SetSegmentTimes {
                segment,
                start,
                end,
            } => {
                if let Some(s) = self.segment_mut(segment) {
                    s.start = start;
                    s.end = end;
                }
            }
            SetSpeaker { segment, speaker } => {
                if let Some(s) = self.segment_mut(segment) {
                    s.speaker = speaker;
                }
            }
            SetSegmentQuestion { segment, question } => {
                if let Some(s) = self.segment_mut(segment) {
                    s.question = question;
                }
            }
            RemoveSegment { segment } => {
                self.forget_transcript_segment(segment);
                self.segments.retain(|s| s.id != segment);
                self.codings.retain(|c| c.segment != segment);
                for situation in &mut self.situations {
                    situation.excerpts.retain(|e| e.segment != segment);
                }
                for memo in &mut self.memos {
                    if memo.segment == Some(segment) {
                        memo.segment = None;
                    }
                }
            }
            SetAnswer { question, value } => match value {
                Some(v) => {
                    self.answers.insert(question, v);
                }
                None => {
                    self.answers.remove(&question);
                }
            },
            SetMark { question, mark } => match mark {
                Some(m) => {
                    self.marks.insert(question, m);
                }
                None => {
                    self.marks.remove(&question);
                }
            },
            AddCoding { coding } => self.codings.push(coding),
            RemoveCoding { coding } => {
                self.codings.retain(|c| c.id != coding);
                self.drop_proposals(|p| p.from == coding);
            }
            SetCodingSpan { coding, start, end } => {
                if let Some(c) = self.codings.iter_mut().find(|c| c.id == coding) {
                    (c.start, c.end) = (start, end);
                }
            }
            SetCodingMemo { coding, memo } => {
                if let Some(c) = self.codings.iter_mut().find(|c| c.id == coding) {
                    c.memo = memo;
                }
            }
            SetCodingQuote { coding, quote } => {
                if let Some(c) = self.codings.iter_mut().find(|c| c.id == coding) {
                    c.quote = quote;
                }
            }
            Recode { codings, to } => {
                for c in self.codings.iter_mut().filter(|c| codings.contains(&c.id)) {
                    c.code = to;
                }
            }
            RemoveCodingsOf { code } => {
                let gone: Vec<CodingId> = self
                    .codings
                    .iter()
                    .filter(|c| c.code == code)
                    .map(|c| c.id)
                    .collect();
                self.codings.retain(|c| c.code != code);
                self.drop_proposals(|p| gone.contains(&p.from));
            }
            AddMemo { memo } => self.memos.push(memo),
            EditMemo { memo, text } => {
                if let Some(m) = self.memos.iter_mut().find(|m| m.id == memo) {
                    m.text = text;
                }
            }
            RemoveMemo { memo } => self.memos.retain(|m| m.id != memo),
            PutSituation { situation } => {
                match self.situations.iter_mut().find(|s| s.id == situation.id) {
                    Some(existing) => *existing = situation,
                    None => self.situations.push(situation),
                }
            }
            RemoveSituation { situation } => self.situations.retain(|s| s.id != situation),
            LinkExcerpt { situation, excerpt } => {
                if let Some(s) = self.situations.iter_mut().find(|s| s.id == situation)
                    && !s.excerpts.contains(&excerpt)
                {
                    s.excerpts.push(excerpt);
                }
            }
            UnlinkExcerpt { situation, excerpt } => {
                if let Some(s) = self.situations.iter_mut().find(|s| s.id == situation) {
                    s.excerpts.retain(|e| *e != excerpt);
                }
            }
            SetReferenceCoder { coder } => self.reference_coder = coder,
            Visit {
                question,
                at,
                resumed,
            } => self.visit(question, at, resumed),
            PutTranscript(put) => self.put_transcript(*put, &mut outcome),
            AcceptProposal { from, coding } => self.accept(from, coding),
            RejectProposal { from, by, at } => self.decide(from, None, by, at),
            ReopenProposal { proposal } => self.reopen(proposal),
        }
        outcome
    }
}

impl Session {
    pub(super) fn existing_segment(&self, id: SegmentId) -> Result<&Segment, ChangeError> {
        self.segment(id)
            .ok_or_else(|| ChangeError(format!("no segment {id} in this session")))
    }

    pub(super) fn existing_situation(&self, id: SituationId) -> Result<&Situation, ChangeError> {
        self.situation(id)
            .ok_or_else(|| ChangeError(format!("no situation {id} in this session")))
    }

    fn check_excerpt(&self, excerpt: &Excerpt) -> Result<(), ChangeError> {
        let seg = self.existing_segment(excerpt.segment)?;
        validate::check_span(&seg.text, excerpt.start, excerpt.end).map_err(ChangeError)
    }

    fn segment_mut(&mut self, id: SegmentId) -> Option<&mut Segment> {
        self.segments.iter_mut().find(|s| s.id == id)
    }

    /// Replaces a segment's text and moves every span on it with its words.
    fn edit_text(&mut self, id: SegmentId, new_text: String, outcome: &mut Outcome) {
        let Some(segment) = self.segments.iter_mut().find(|s| s.id == id) else {
            return;
        };
        let map = OffsetMap::between(&segment.text, &new_text);
        segment.text = new_text;
        let new_text = &segment.text;
        let follow = |start: &mut usize, end: &mut usize| -> bool {
            match map.map_span(*start, *end) {
                Some((s, e)) => {
                    (*start, *end) = snap_to_graphemes(new_text, s, e);
                    true
                }
                None => false,
            }
        };
        let mut removed = 0;
        self.codings.retain_mut(|c| {
            let keep = c.segment != id || follow(&mut c.start, &mut c.end);
            removed += usize::from(!keep);
            keep
        });
        if removed > 0 {
            outcome.notices.push(Notice::CodingsRemoved(removed));
        }
        for situation in &mut self.situations {
            situation
                .excerpts
                .retain_mut(|e| e.segment != id || follow(&mut e.start, &mut e.end));
        }
        if let Some(layer) = &mut self.transcript {
            layer
                .proposals
                .retain_mut(|p| p.segment != id || follow(&mut p.start, &mut p.end));
        }
    }
}

impl Session {
    /// Replaces spans of a segment's text, each coding and excerpt following its words
    /// exactly (not by a diff: a pseudonym shares letters with nothing it replaces).
    fn replace_spans(&mut self, id: SegmentId, spans: &[crate::study::pseudonym::Span]) {
        use crate::study::pseudonym::{follow, replaced};
        let Some(segment) = self.segments.iter_mut().find(|s| s.id == id) else {
            return;
        };
        segment.text = replaced(&segment.text, spans);
        for c in self.codings.iter_mut().filter(|c| c.segment == id) {
            (c.start, c.end) = follow(spans, c.start, c.end);
        }
        for e in self
            .situations
            .iter_mut()
            .flat_map(|s| &mut s.excerpts)
            .filter(|e| e.segment == id)
        {
            (e.start, e.end) = follow(spans, e.start, e.end);
        }
    }
}

/// Widens a span so that it neither starts nor ends inside a user-perceived character.
pub(super) fn snap_to_graphemes(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start > 0 && !text::is_grapheme_boundary(text, start) {
        start -= 1;
    }
    let len = text::char_len(text);
    while end < len && !text::is_grapheme_boundary(text, end) {
        end += 1;
    }
    (start, end)
}

pub(super) fn known_question(study: &Study, id: QuestionId) -> Result<(), ChangeError> {
    match study.grid.question(id) {
        Some(_) => Ok(()),
        None => fail(format!("unknown question {id}")),
    }
}

pub(super) fn normalized(text: &str) -> Result<(), ChangeError> {
    if text::is_normalized(text) {
        Ok(())
    } else {
        fail("text is not normalised (NFC, \\n line endings)")
    }
}

#[cfg(test)]
#[path = "session_change_tests.rs"]
mod tests;
