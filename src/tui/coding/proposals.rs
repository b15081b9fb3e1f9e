//! The transcript layer on the coding screen (issue 20): `t` toggles the layers shown, `p`
//! goes to the next live coding proposed and selects its passage, `y` accepts it on the
//! selection (as proposed, or moved by changing the selection first), `n` rejects it; `u`
//! takes either decision back (the proposal pending again, an acceptance's coding removed).
//! Nothing is coded without a person.

use super::{CodingScreen, Pos, layers, motion, segment_text};
use crate::study::{Coding, CodingId, Proposal, Session, SessionChange, stamp};
use crate::tui::ctx::Ctx;
use crate::tui::screen::Step;

impl CodingScreen {
    /// The pending proposals in transcript order.
    fn proposals(session: &Session) -> Vec<(usize, &Proposal)> {
        let mut out: Vec<(usize, &Proposal)> = session
            .transcript
            .iter()
            .flat_map(|t| t.proposals.iter())
            .filter_map(|p| Some((session.segment_index(p.segment)?, p)))
            .collect();
        out.sort_by_key(|(i, p)| (*i, p.start, p.end));
        out
    }

    /// The proposal being decided: the one `p` went to while it is pending, else the one
    /// whose passage the cursor is in.
    pub fn proposal_here<'s>(&self, session: &'s Session) -> Option<&'s Proposal> {
        let layer = session.transcript.as_ref()?;
        if let Some(p) = self.proposal.and_then(|from| layer.proposal(from)) {
            return Some(p);
        }
        let Pos { seg, off } = self.cursor;
        Self::proposals(session)
            .into_iter()
            .find(|(i, p)| *i == seg && p.start <= off && off < p.end)
            .map(|(_, p)| p)
    }

    /// Transcript and notes / transcript / notes: the cursor goes to what was said or typed
    /// closest in time in the layer shown.
    pub fn toggle_layer(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        self.layer = self.layer.next();
        self.anchor = None;
        self.proposal = None;
        if let Some(seg) = layers::nearest_in_time(session, self.layer, self.cursor.seg) {
            self.cursor = Pos { seg, off: 0 };
        }
        self.clamp(session);
        self.top = super::layout::Spot {
            seg: self.cursor.seg,
            row: 0,
        };
        self.centre(cx, session);
        Step::info(self.layer.name(cx.t).to_owned())
    }

    /// Moves to the next pending proposal after the cursor (then the first again), its
    /// passage selected; the transcript shown if it was not.
    pub fn go_to_next_proposal(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let all = Self::proposals(session);
        let here = (self.cursor.seg, self.cursor.off);
        let next = all
            .iter()
            .find(|(i, p)| (*i, p.start) > here)
            .or_else(|| all.first());
        let Some((_, p)) = next else {
            self.proposal = None;
            return Step::info(cx.t.align.no_proposals);
        };
        self.select_proposal(session, p);
        Step::none()
    }

    /// Makes a pending proposal the one being decided, its passage selected (the transcript
    /// shown if it was not): after `p`, and after an undo put it back.
    pub fn select_proposal(&mut self, session: &Session, p: &Proposal) {
        let Some(seg) = session.segment_index(p.segment) else {
            return;
        };
        self.proposal = Some(p.from);
        if !self.layer.shows(session, &session.segments[seg]) {
            self.layer = layers::Layer::Both;
        }
        // The selection takes in the char under the cursor: the passage's last.
        let last = motion::prev_char(segment_text(session, seg), p.end).max(p.start);
        self.anchor = Some(Pos { seg, off: p.start });
        self.cursor = Pos { seg, off: last };
    }

    /// Accepts the proposal being decided on the selection (or its own passage): the live
    /// coding's code, signed by this coder now.
    pub fn accept_proposal(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(p) = self.proposal_here(session).cloned() else {
            return Step::error(cx.t.keys.align.no_proposal_here);
        };
        let Some(live) = session.coding(p.from) else {
            return Step::none();
        };
        // As proposed, or moved: the selection, or the segment the cursor was taken to.
        let on_passage = session.segment_index(p.segment) == Some(self.cursor.seg);
        let (segment, start, end) = match self.selection(session) {
            None if on_passage => (p.segment, p.start, p.end),
            _ => match self.target(session) {
                Some(e) => (e.segment, e.start, e.end),
                None => return Step::none(),
            },
        };
        if !session.in_transcript(segment) {
            return Step::error(cx.t.keys.align.no_proposal_here);
        }
        let coding = Coding {
            id: CodingId::new(),
            segment,
            start,
            end,
            code: live.code,
            coder: cx.coder.to_owned(),
            at: stamp(cx.now),
            memo: live.memo.clone(),
            // A note marked to quote: the recording's own words are the quotation.
            quote: live.quote.clone(),
        };
        let name = cx
            .study
            .codebook
            .name_of(live.code)
            .unwrap_or("?")
            .to_owned();
        self.anchor = None;
        self.proposal = None;
        let k = cx.t.keys.align;
        let change = SessionChange::AcceptProposal {
            from: p.from,
            coding,
        };
        let undo = vec![SessionChange::ReopenProposal { proposal: p }];
        if self.record(cx, vec![change], undo, (k.did_accept)(&name)) {
            Step::info((k.accepted)(&name))
        } else {
            Step::none()
        }
    }

    /// Rejects the proposal being decided.
    pub fn reject_proposal(&mut self, cx: &mut Ctx) -> Step {
        let Some(session) = cx.session(self.id) else {
            return Step::none();
        };
        let Some(p) = self.proposal_here(session).cloned() else {
            return Step::error(cx.t.keys.align.no_proposal_here);
        };
        let from = p.from;
        let code = session.coding(from).map(|c| c.code);
        let name = code
            .and_then(|c| cx.study.codebook.name_of(c))
            .unwrap_or("?")
            .to_owned();
        self.anchor = None;
        self.proposal = None;
        let k = cx.t.keys.align;
        let change = SessionChange::RejectProposal {
            from,
            by: cx.coder.to_owned(),
            at: stamp(cx.now),
        };
        let undo = vec![SessionChange::ReopenProposal { proposal: p }];
        if self.record(cx, vec![change], undo, (k.did_reject)(&name)) {
            Step::info((k.rejected)(&name))
        } else {
            Step::none()
        }
    }
}

/// What the side panel says of a proposal: the code proposed, the note it comes from.
pub fn describe<'s>(session: &'s Session, p: &Proposal) -> Option<(&'s Coding, &'s str)> {
    let live = session.coding(p.from)?;
    let note = session.segment(live.segment)?;
    Some((live, note.text.as_str()))
}
