//! What the coding screen changes in the session, each change with what undoes it.

use super::CodingScreen;
use crate::study::{
    CodeId, Coding, CodingId, Excerpt, SegmentId, Session, SessionChange, SituationId, stamp, text,
};
use crate::tui::ctx::Ctx;

/// How to undo an action.
pub enum Undo {
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
    /// context's log says which); `undo` reverses them and is kept only if all were written.
    pub fn record(
        &mut self,
        cx: &mut Ctx,
        changes: Vec<SessionChange>,
        undo: Vec<SessionChange>,
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
            self.undo.push(Undo::Changes(undo));
        }
        true
    }

    /// Codes the target span.
    pub fn apply_code(&mut self, cx: &mut Ctx, code: CodeId) -> bool {
        let Some(session) = cx.session(self.id) else {
            return false;
        };
        let Some(excerpt) = self.target(session) else {
            return false;
        };
        let duplicate = session.codings.iter().any(|c| {
            c.segment == excerpt.segment
                && c.code == code
                && c.coder == cx.coder
                && (c.start, c.end) == (excerpt.start, excerpt.end)
        });
        if duplicate {
            return false;
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
        };
        let undo = vec![SessionChange::RemoveCoding { coding: coding.id }];
        self.anchor = None;
        self.record(cx, vec![SessionChange::AddCoding { coding }], undo)
    }

    pub fn remove_coding(&mut self, cx: &mut Ctx, id: CodingId) {
        let Some(old) = cx.session(self.id).and_then(|s| s.coding(id)).cloned() else {
            return;
        };
        self.record(
            cx,
            vec![SessionChange::RemoveCoding { coding: id }],
            vec![SessionChange::AddCoding { coding: old }],
        );
    }

    pub fn set_memo(&mut self, cx: &mut Ctx, id: CodingId, memo: Option<String>) {
        let Some(old) = cx.session(self.id).and_then(|s| s.coding(id)) else {
            return;
        };
        let undo = SessionChange::SetCodingMemo {
            coding: id,
            memo: old.memo.clone(),
        };
        self.record(
            cx,
            vec![SessionChange::SetCodingMemo { coding: id, memo }],
            vec![undo],
        );
    }

    /// Replaces a segment's text; codings follow their words. The undo puts back the text and
    /// every coding as it was, those the edit removed included.
    pub fn edit_text(&mut self, cx: &mut Ctx, seg: usize, new_text: &str) {
        let Some(session) = cx.session(self.id) else {
            return;
        };
        let Some(segment) = session.segments.get(seg) else {
            return;
        };
        let new_text = text::normalize(new_text);
        if new_text == segment.text {
            return;
        }
        let undo = Undo::Text {
            segment: segment.id,
            text: segment.text.clone(),
            codings: session
                .codings
                .iter()
                .filter(|c| c.segment == segment.id)
                .cloned()
                .collect(),
            excerpts: session
                .situations
                .iter()
                .map(|s| {
                    let on: Vec<Excerpt> = s
                        .excerpts
                        .iter()
                        .filter(|e| e.segment == segment.id)
                        .copied()
                        .collect();
                    (s.id, on)
                })
                .filter(|(_, e)| !e.is_empty())
                .collect(),
        };
        let change = SessionChange::EditText {
            segment: segment.id,
            text: new_text,
        };
        if self.record(cx, vec![change], Vec::new()) {
            self.undo.push(undo);
        }
        self.anchor = None;
        if let Some(session) = cx.session(self.id) {
            self.clamp(session);
        }
    }

    /// Reverses the last action.
    pub fn undo_last(&mut self, cx: &mut Ctx) {
        let (Some(undo), Some(session)) = (self.undo.pop(), cx.session(self.id)) else {
            return;
        };
        let changes = match undo {
            Undo::Changes(changes) => changes,
            Undo::Text {
                segment,
                text,
                codings,
                excerpts,
            } => restore_text(session, segment, text, codings, excerpts),
        };
        self.record(cx, changes, Vec::new());
        if let Some(session) = cx.session(self.id) {
            self.clamp(session);
        }
    }
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
