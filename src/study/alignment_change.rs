//! The changes of [`super::alignment`]: visits recorded live, the transcript layer put in
//! place (or replaced by a corrected one), proposals accepted or rejected.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::Study;
use super::alignment::{Decision, Proposal, TranscriptLayer, Visit};
use super::document::{ChangeError, Notice, Outcome};
use super::ids::{CodingId, MemoId, QuestionId, SegmentId, SituationId};
use super::session::{Coding, Excerpt, Segment, Session, Time};
use super::session_change::{fail, known_question, normalized};
use super::validate;

/// A transcript layer put in place. The heavy work (reading the file, aligning it, following
/// the codings of a replaced layer to their words) is done before, outside the model: the
/// change records its result, so that replaying the journal gives the same session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptChange {
    /// The layer; its `segments` are the ids of `segments`.
    pub layer: TranscriptLayer,
    /// The transcript's segments, in order; they replace the previous layer's.
    pub segments: Vec<Segment>,
    /// Codings of the previous layer whose words are still there, moved onto the new segments
    /// (same ids). The previous layer's other codings are removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codings: Vec<Coding>,
    /// Situation excerpts of the previous layer, moved likewise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<Linked>,
    /// Memos on the previous layer's segments, now on these (the others become memos on the
    /// session).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memos: Vec<Moved>,
}

/// An excerpt linked to a situation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Linked {
    pub situation: SituationId,
    pub excerpt: Excerpt,
}

/// A memo attached to another segment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moved {
    pub memo: MemoId,
    pub segment: SegmentId,
}

impl Session {
    /// The previous layer's segments (empty without one).
    fn old_layer(&self) -> HashSet<SegmentId> {
        self.transcript
            .as_ref()
            .map(|t| t.segments.iter().copied().collect())
            .unwrap_or_default()
    }

    pub(super) fn check_put_transcript(
        &self,
        put: &TranscriptChange,
        study: &Study,
    ) -> Result<(), ChangeError> {
        let old = self.old_layer();
        let mut new: HashSet<SegmentId> = HashSet::new();
        for seg in &put.segments {
            if !new.insert(seg.id) || (self.segment(seg.id).is_some() && !old.contains(&seg.id)) {
                return fail(format!("segment {} already exists", seg.id));
            }
            if let Some(q) = seg.question {
                known_question(study, q)?;
            }
            validate::check_times(seg.start, seg.end).map_err(ChangeError)?;
            normalized(&seg.text)?;
        }
        if put.layer.segments.len() != new.len()
            || !put.layer.segments.iter().all(|s| new.contains(s))
        {
            return fail("the transcript layer does not list its segments");
        }
        let text_of = |segment: SegmentId| -> Result<&str, ChangeError> {
            match put.segments.iter().find(|s| s.id == segment) {
                Some(s) => Ok(&s.text),
                None => fail(format!("segment {segment} is not in the transcript")),
            }
        };
        let span = |segment, start, end| -> Result<(), ChangeError> {
            validate::check_span(text_of(segment)?, start, end).map_err(ChangeError)
        };
        let staying: HashSet<CodingId> = self
            .codings
            .iter()
            .filter(|c| !old.contains(&c.segment))
            .map(|c| c.id)
            .collect();
        let mut carried = HashSet::new();
        for c in &put.codings {
            if staying.contains(&c.id) || !carried.insert(c.id) {
                return fail(format!("coding {} already exists", c.id));
            }
            if !study.codebook.knows(c.code) {
                return fail(format!("unknown code {}", c.code));
            }
            span(c.segment, c.start, c.end)?;
        }
        for l in &put.excerpts {
            self.existing_situation(l.situation)?;
            span(l.excerpt.segment, l.excerpt.start, l.excerpt.end)?;
        }
        for m in &put.memos {
            if !self.memos.iter().any(|x| x.id == m.memo) {
                return fail(format!("no memo {} in this session", m.memo));
            }
            text_of(m.segment)?;
        }
        for p in &put.layer.proposals {
            if !staying.contains(&p.from) {
                return fail(format!("no live coding {} in this session", p.from));
            }
            span(p.segment, p.start, p.end)?;
        }
        Ok(())
    }

    pub(super) fn put_transcript(&mut self, put: TranscriptChange, outcome: &mut Outcome) {
        let old = self.old_layer();
        let TranscriptChange {
            layer,
            segments,
            codings,
            excerpts,
            memos,
        } = put;
        self.segments.retain(|s| !old.contains(&s.id));
        self.segments.extend(segments);
        let on_old: HashSet<CodingId> = self
            .codings
            .iter()
            .filter(|c| old.contains(&c.segment))
            .map(|c| c.id)
            .collect();
        self.codings.retain(|c| !on_old.contains(&c.id));
        let removed = on_old.len() - codings.iter().filter(|c| on_old.contains(&c.id)).count();
        if removed > 0 {
            outcome.notices.push(Notice::CodingsRemoved(removed));
        }
        self.codings.extend(codings);
        for situation in &mut self.situations {
            situation.excerpts.retain(|e| !old.contains(&e.segment));
        }
        for l in excerpts {
            if let Some(s) = self.situations.iter_mut().find(|s| s.id == l.situation)
                && !s.excerpts.contains(&l.excerpt)
            {
                s.excerpts.push(l.excerpt);
            }
        }
        for memo in &mut self.memos {
            if memo.segment.is_some_and(|s| old.contains(&s)) {
                memo.segment = memos.iter().find(|m| m.memo == memo.id).map(|m| m.segment);
            }
        }
        self.transcript = Some(layer);
    }

    /// The pending proposal from a live coding.
    pub(super) fn pending(&self, from: CodingId) -> Result<&Proposal, ChangeError> {
        match self.transcript.as_ref().and_then(|t| t.proposal(from)) {
            Some(p) => Ok(p),
            None => fail(format!("no proposal from coding {from} in this session")),
        }
    }

    pub(super) fn check_accept(
        &self,
        from: CodingId,
        coding: &Coding,
        study: &Study,
    ) -> Result<(), ChangeError> {
        self.pending(from)?;
        if self.coding(coding.id).is_some() {
            return fail(format!("coding {} already exists", coding.id));
        }
        if !study.codebook.knows(coding.code) {
            return fail(format!("unknown code {}", coding.code));
        }
        if !self.in_transcript(coding.segment) {
            return fail(format!(
                "segment {} is not in the transcript",
                coding.segment
            ));
        }
        let seg = self.existing_segment(coding.segment)?;
        validate::check_span(&seg.text, coding.start, coding.end).map_err(ChangeError)
    }

    pub(super) fn accept(&mut self, from: CodingId, coding: Coding) {
        let (id, by, at) = (coding.id, coding.coder.clone(), coding.at);
        self.codings.push(coding);
        self.decide(from, Some(id), by, at);
    }

    /// Records a person's decision on a proposal and takes it out of the pending ones.
    pub(super) fn decide(
        &mut self,
        from: CodingId,
        accepted: Option<CodingId>,
        by: String,
        at: Time,
    ) {
        if let Some(layer) = &mut self.transcript {
            layer.proposals.retain(|p| p.from != from);
            layer.decisions.push(Decision {
                from,
                accepted,
                by,
                at,
            });
        }
    }

    /// A decision can be taken back while its proposal still makes sense: the live coding is
    /// there and the passage is still on the transcript's text.
    pub(super) fn check_reopen(&self, p: &Proposal) -> Result<(), ChangeError> {
        let Some(layer) = &self.transcript else {
            return fail("this session has no transcript");
        };
        if layer.proposal(p.from).is_some() {
            return fail(format!("the proposal from coding {} is pending", p.from));
        }
        if !layer.decisions.iter().any(|d| d.from == p.from) {
            return fail(format!("no decision on coding {} in this session", p.from));
        }
        match self.coding(p.from) {
            Some(live) if !layer.has(live.segment) => {}
            _ => return fail(format!("no live coding {} in this session", p.from)),
        }
        if !layer.has(p.segment) {
            return fail(format!("segment {} is not in the transcript", p.segment));
        }
        let seg = self.existing_segment(p.segment)?;
        validate::check_span(&seg.text, p.start, p.end).map_err(ChangeError)
    }

    /// Takes a decision back: the proposal is pending again, and the coding an acceptance
    /// made (if still there) is removed with it.
    pub(super) fn reopen(&mut self, p: Proposal) {
        let Some(layer) = &mut self.transcript else {
            return;
        };
        let made: Vec<CodingId> = layer
            .decisions
            .iter()
            .filter(|d| d.from == p.from)
            .filter_map(|d| d.accepted)
            .collect();
        layer.decisions.retain(|d| d.from != p.from);
        layer.proposals.push(p);
        self.codings.retain(|c| !made.contains(&c.id));
    }

    pub(super) fn drop_proposals(&mut self, gone: impl Fn(&Proposal) -> bool) {
        if let Some(layer) = &mut self.transcript {
            layer.proposals.retain(|p| !gone(p));
        }
    }

    /// A segment removed: out of the transcript layer, with the proposals on it.
    pub(super) fn forget_transcript_segment(&mut self, segment: SegmentId) {
        if let Some(layer) = &mut self.transcript {
            layer.segments.remove(&segment);
            layer.proposals.retain(|p| p.segment != segment);
        }
    }

    /// The interviewer goes to `question` at `at` (see [`super::SessionChange::Visit`]).
    pub(super) fn visit(&mut self, question: Option<QuestionId>, at: Time, resumed: bool) {
        let last_note = self
            .visits
            .last()
            .filter(|v| v.left.is_none())
            .map(|v| self.last_note_between(v.entered, at).unwrap_or(v.entered));
        let mut sitting = self.visits.last().map_or(1, |v| v.sitting);
        if let Some(open) = self.visits.last_mut().filter(|v| v.left.is_none()) {
            // A clock set back never makes a visit end before it began.
            let end = if resumed { last_note.unwrap_or(at) } else { at };
            open.left = Some(end.max(open.entered));
        }
        if resumed && !self.visits.is_empty() {
            sitting += 1;
        }
        if let Some(question) = question {
            self.visits.push(Visit {
                question,
                entered: at,
                left: None,
                sitting,
            });
            self.current_question = Some(question);
        }
    }
}

#[cfg(test)]
#[path = "alignment_change_tests.rs"]
mod tests;
