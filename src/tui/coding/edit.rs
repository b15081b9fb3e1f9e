//! What the coding screen changes in the session, each change with what undoes it and the words
//! that say what it was: an undo says what it undid, a removal says it can be undone.

use super::CodingScreen;
use crate::study::{
    CodeId, Coding, CodingId, Excerpt, Quote, SegmentId, Session, SessionChange, SituationId,
    stamp, text,
};
use crate::tui::ctx::Ctx;
use crate::tui::screen::Step;

/// How to undo an action, and what the action was (in the user's words).
pub struct Undo {
    pub what: String,
    pub how: UndoBy,
}

pub enum UndoBy {
    /// These changes, in this order.
    Changes(Vec<SessionChange>),
    /// A correction of a segment's text: the text comes back with its codings and the
    /// situation excerpts on it exactly as they were (a reverse edit alone would only move
    /// them approximately, and cannot bring back what the correction deleted).
    Text {
        segment: SegmentId,
        text: String,
        codings: Vec<Coding>,
        excerpts: Vec<(SituationId, Vec<Excerpt>)>,
    },
}

impl CodingScreen {
    /// Records changes in order, stopping at the first that is refused or not written (the
    /// context's log says which); `undo` reverses them and is kept, with `what`, only if all
    /// were written.
    pub fn record(
        &mut self,
        cx: &mut Ctx,
        changes: Vec<SessionChange>,
        undo: Vec<SessionChange>,
        what: String,
    ) -> bool {
        if !cx.writable(self.id) {
            return false;
        }
        for change in changes {
            if cx.record(self.id, change).is_err() {
                return false;
            }
        }
        if !undo.is_empty() {
            self.undo.push(Undo {
                what,
                how: UndoBy::Changes(undo),
            });
        }
        true
    }

    /// Makes the session's next coder (in the order they first coded) its reference coder:
    /// the one whose coding the tables count. After the last, back to the first (the default,
    /// written as no choice). Undone with `u` like a coding.
    pub fn next_reference_coder(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let a = cx.t.analysis;
        let coders: Vec<String> = session.coders().into_iter().map(str::to_owned).collect();
        if coders.len() < 2 {
            return Step::error(cx.t.keys.stats.one_coder);
        }
        let current = session.reference_coder().unwrap_or_default();
        let at = coders.iter().position(|c| c == current).unwrap_or(0);
        let next = (at + 1) % coders.len();
        let chosen = (next > 0).then(|| coders[next].clone());
        let before = session.reference_coder.clone();
        let pseudonym = session.respondent.pseudonym.clone();
        let said = (a.reference_coder_set)(&pseudonym, &coders[next], &coders.join(", "));
        let change = SessionChange::SetReferenceCoder { coder: chosen };
        let undo = SessionChange::SetReferenceCoder { coder: before };
        if self.record(cx, vec![change], vec![undo], said.clone()) {
            Step::info(said)
        } else {
            Step::none()
        }
    }

    /// The name of a code, for messages.
    fn code_name(cx: &Ctx, code: CodeId) -> String {
        cx.study.codebook.name_of(code).unwrap_or("?").to_owned()
    }

    /// Codes the target span.
    pub fn apply_code(&mut self, cx: &mut Ctx, code: CodeId) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(excerpt) = self.target(session) else {
            return Step::error(cx.t.keys.nothing_to_code);
        };
        let name = Self::code_name(cx, code);
        let duplicate = session.codings.iter().any(|c| {
            c.segment == excerpt.segment
                && c.code == code
                && c.coder == cx.coder
                && (c.start, c.end) == (excerpt.start, excerpt.end)
        });
        if duplicate {
            return Step::info((cx.t.keys.already_coded)(&name));
        }
        let coding = Coding {
            id: CodingId::new(),
            segment: excerpt.segment,
            start: excerpt.start,
            end: excerpt.end,
            code,
            coder: cx.coder.to_owned(),
            at: stamp(cx.now),
            memo: None,
            quote: None,
        };
        let undo = vec![SessionChange::RemoveCoding { coding: coding.id }];
        self.anchor = None;
        let what = (cx.t.keys.did_code)(&name);
        if self.record(cx, vec![SessionChange::AddCoding { coding }], undo, what) {
            Step::info((cx.t.keys.coded)(&name, excerpt.end - excerpt.start))
        } else {
            Step::none()
        }
    }

    pub fn remove_coding(&mut self, cx: &mut Ctx, id: CodingId) -> Step {
        let Some(old) = cx.session(self.id).and_then(|s| s.coding(id)).cloned() else {
            return Step::none();
        };
        let name = Self::code_name(cx, old.code);
        let what = (cx.t.keys.did_uncode)(&name);
        if self.record(
            cx,
            vec![SessionChange::RemoveCoding { coding: id }],
            vec![SessionChange::AddCoding { coding: old }],
            what,
        ) {
            Step::info((cx.t.keys.uncoded)(&name))
        } else {
            Step::none()
        }
    }

    pub fn set_memo(&mut self, cx: &mut Ctx, id: CodingId, memo: Option<String>) -> Step {
        let Some(old) = cx.session(self.id).and_then(|s| s.coding(id)).cloned() else {
            return Step::none();
        };
        if old.memo == memo {
            return Step::none();
        }
        let name = Self::code_name(cx, old.code);
        let t = cx.t.keys;
        let (what, said) = match &memo {
            None => ((t.did_remove_memo)(&name), (t.memo_removed)(&name)),
            Some(_) => ((t.did_write_memo)(&name), (t.memo_saved)(&name)),
        };
        let undo = SessionChange::SetCodingMemo {
            coding: id,
            memo: old.memo,
        };
        if self.record(
            cx,
            vec![SessionChange::SetCodingMemo { coding: id, memo }],
            vec![undo],
            what,
        ) {
            Step::info(said)
        } else {
            Step::none()
        }
    }

    /// Marks a coding "à citer" (with the quote's comment) or, with `None`, removes the mark.
    pub fn set_quote(&mut self, cx: &mut Ctx, id: CodingId, quote: Option<Quote>) -> Step {
        let Some(old) = cx.session(self.id).and_then(|s| s.coding(id)).cloned() else {
            return Step::none();
        };
        if old.quote == quote {
            return Step::none();
        }
        let name = Self::code_name(cx, old.code);
        let r = cx.t.report;
        let (what, said) = match &quote {
            None => ((r.did_unquote)(&name), (r.quote_unmarked)(&name)),
            Some(_) => ((r.did_quote)(&name), (r.quote_marked)(&name)),
        };
        let undo = SessionChange::SetCodingQuote {
            coding: id,
            quote: old.quote,
        };
        if self.record(
            cx,
            vec![SessionChange::SetCodingQuote { coding: id, quote }],
            vec![undo],
            what,
        ) {
            Step::info(said)
        } else {
            Step::none()
        }
    }

    /// Replaces a segment's text; codings follow their words. The undo puts back the text and
    /// every coding as it was, those the edit removed included.
    pub fn edit_text(&mut self, cx: &mut Ctx, seg: usize, new_text: &str) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(segment) = session.segments.get(seg) else {
            return Step::none();
        };
        let new_text = text::normalize(new_text);
        if new_text == segment.text {
            return Step::none();
        }
        let undo = Undo {
            what: cx.t.keys.did_correct.to_owned(),
            how: UndoBy::Text {
                segment: segment.id,
                text: segment.text.clone(),
                codings: codings_on(session, segment.id),
                excerpts: excerpts_on(session, segment.id),
            },
        };
        let change = SessionChange::EditText {
            segment: segment.id,
            text: new_text,
        };
        let done = self.record(cx, vec![change], Vec::new(), String::new());
        if done {
            self.undo.push(undo);
        }
        self.anchor = None;
        self.text_changed(cx);
        match (done, cx.log.notices.first()) {
            // What the correction did to codings is said with it.
            (true, Some(notice)) => Step::info(format!("{} — {notice}", cx.t.keys.corrected)),
            (true, None) => Step::info(cx.t.keys.corrected),
            (false, _) => Step::none(),
        }
    }

    /// Deletes the segment at `seg` with its codings; the undo puts it back where it was, with
    /// its codings, its place in situations and the memos on it.
    pub fn delete_segment(&mut self, cx: &mut Ctx, seg: usize) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(segment) = session.segments.get(seg).cloned() else {
            return Step::none();
        };
        let id = segment.id;
        let mut undo = vec![SessionChange::AddSegment {
            segment,
            after: seg.checked_sub(1).map(|i| session.segments[i].id),
            before: session.segments.get(seg + 1).map(|s| s.id),
        }];
        undo.extend(
            codings_on(session, id)
                .into_iter()
                .map(|coding| SessionChange::AddCoding { coding }),
        );
        for (situation, excerpts) in excerpts_on(session, id) {
            for excerpt in excerpts {
                undo.push(SessionChange::LinkExcerpt { situation, excerpt });
            }
        }
        for memo in session.memos.iter().filter(|m| m.segment == Some(id)) {
            undo.push(SessionChange::RemoveMemo { memo: memo.id });
            undo.push(SessionChange::AddMemo { memo: memo.clone() });
        }
        let what = cx.t.keys.did_delete_segment.to_owned();
        let done = self.record(
            cx,
            vec![SessionChange::RemoveSegment { segment: id }],
            undo,
            what,
        );
        self.anchor = None;
        self.text_changed(cx);
        if done {
            Step::info(cx.t.keys.segment_deleted)
        } else {
            Step::none()
        }
    }

    /// Reverses the last action, and says which it was.
    pub fn undo_last(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(undo) = self.undo.pop() else {
            return Step::error(cx.t.keys.nothing_to_undo);
        };
        // Only a change of text or of segments lays the transcript out again: undoing a
        // coding deep in a 5 MB segment must not wrap it again up to the cursor.
        let relayout = match &undo.how {
            UndoBy::Changes(changes) => changes.iter().any(lays_out),
            UndoBy::Text { .. } => true,
        };
        let changes = match undo.how {
            UndoBy::Changes(changes) => changes,
            UndoBy::Text {
                segment,
                text,
                codings,
                excerpts,
            } => restore_text(session, segment, text, codings, excerpts),
        };
        // A decision taken back: its proposal is the one being decided again.
        let reopened = changes.iter().find_map(|c| match c {
            SessionChange::ReopenProposal { proposal } => Some(proposal.clone()),
            _ => None,
        });
        let done = self.record(cx, changes, Vec::new(), String::new());
        if relayout {
            self.text_changed(cx);
        } else if let Some(session) = cx.session(self.id) {
            self.clamp(session);
        }
        if let (true, Some(p), Some(session)) = (done, reopened, cx.session(self.id)) {
            self.select_proposal(session, &p);
            self.centre(cx, session);
        }
        if done {
            Step::info((cx.t.keys.undone)(&undo.what))
        } else {
            Step::none()
        }
    }

    /// Texts or segments changed: laid out again, the cursor kept inside.
    pub fn text_changed(&mut self, cx: &Ctx) {
        self.layout.borrow_mut().reset();
        if let Some(session) = cx.session(self.id) {
            self.clamp(session);
        }
    }
}

fn codings_on(session: &Session, segment: SegmentId) -> Vec<Coding> {
    session
        .codings
        .iter()
        .filter(|c| c.segment == segment)
        .cloned()
        .collect()
}

fn excerpts_on(session: &Session, segment: SegmentId) -> Vec<(SituationId, Vec<Excerpt>)> {
    session
        .situations
        .iter()
        .map(|s| {
            let on: Vec<Excerpt> = s
                .excerpts
                .iter()
                .filter(|e| e.segment == segment)
                .copied()
                .collect();
            (s.id, on)
        })
        .filter(|(_, e)| !e.is_empty())
        .collect()
}

/// The changes that put a segment back as it was before a correction: its codings off, the old
/// text, the old codings on, the situations' excerpts on it as they were.
fn restore_text(
    session: &Session,
    segment: SegmentId,
    text: String,
    codings: Vec<Coding>,
    excerpts: Vec<(SituationId, Vec<Excerpt>)>,
) -> Vec<SessionChange> {
    let mut changes: Vec<SessionChange> = session
        .codings
        .iter()
        .filter(|c| c.segment == segment)
        .map(|c| SessionChange::RemoveCoding { coding: c.id })
        .collect();
    changes.push(SessionChange::EditText { segment, text });
    changes.extend(
        codings
            .into_iter()
            .map(|coding| SessionChange::AddCoding { coding }),
    );
    for (id, old) in excerpts {
        if let Some(mut situation) = session.situation(id).cloned() {
            situation.excerpts.retain(|e| e.segment != segment);
            situation.excerpts.extend(old);
            changes.push(SessionChange::PutSituation { situation });
        }
    }
    changes
}

/// Whether a change moves the transcript's rows: a text, or the segments themselves.
fn lays_out(change: &SessionChange) -> bool {
    matches!(
        change,
        SessionChange::AddSegment { .. }
            | SessionChange::EditText { .. }
            | SessionChange::ReplaceSpans { .. }
            | SessionChange::RemoveSegment { .. }
            | SessionChange::SetSegmentQuestion { .. }
            | SessionChange::PutTranscript(_)
    )
}
