//! The coding screen: a session's transcript, where the analyst selects excerpts and codes them.
//!
//! The cursor and the selection are char offsets in one segment's text (codings never span two
//! segments). Changes go through [`CodingScreen::record`], which applies them to the copy on
//! screen and asks the runtime to journal them, and keeps what undoes them.

pub mod keys;
pub mod layout;
pub mod motion;
pub mod view;

use ratatui_textarea::TextArea;

use self::layout::Row;
use super::interview::popup::SituationForm;
use super::msg::Effect;
use super::widget::field::Field;
use super::widget::picker::CodePicker;
use crate::study::{
    CodeId, Coding, CodingId, Document, Excerpt, SegmentId, Session, SessionChange, SituationId,
    Study, Time, text,
};

/// A place in the transcript: a segment (by index) and a char offset in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub seg: usize,
    pub off: usize,
}

pub enum Popup {
    /// Choosing the code to apply to the selection.
    Picker(CodePicker),
    /// Choosing which of the codings under the cursor to remove or annotate.
    Choose {
        codings: Vec<CodingId>,
        selected: usize,
        action: ChooseFor,
    },
    Memo {
        coding: CodingId,
        field: Field,
    },
    /// Correcting the text of a segment.
    Edit {
        seg: usize,
        area: Box<TextArea<'static>>,
    },
    /// Linking the selection to a situation of the session (last entry: a new one).
    Situations {
        excerpt: Excerpt,
        selected: usize,
    },
    /// Attaching the segment under the cursor to a question of the grid (0: none).
    Question {
        selected: usize,
    },
    Situation {
        form: Box<SituationForm>,
        excerpt: Excerpt,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooseFor {
    Remove,
    Memo,
}

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

pub struct CodingScreen {
    pub session: Session,
    pub read_only: bool,
    pub cursor: Pos,
    /// Where the selection started, if one is being made.
    pub anchor: Option<Pos>,
    /// First row shown.
    pub top: usize,
    /// Only this coder's codings are shown (and removable); `None`: everyone's.
    pub coder_filter: Option<String>,
    pub popup: Option<Popup>,
    /// What undoes the last actions, the latest last.
    pub undo: Vec<Undo>,
    /// A mouse drag is selecting.
    pub dragging: bool,
}

impl CodingScreen {
    pub fn new(session: Session, read_only: bool) -> CodingScreen {
        CodingScreen {
            session,
            read_only,
            cursor: Pos { seg: 0, off: 0 },
            anchor: None,
            top: 0,
            coder_filter: None,
            popup: None,
            undo: Vec::new(),
            dragging: false,
        }
    }

    /// Opens at an excerpt, selected (from the retrieval list or a search hit).
    pub fn at(mut self, excerpt: Option<Excerpt>) -> CodingScreen {
        if let Some(e) = excerpt
            && let Some(seg) = self.session.segment_index(e.segment)
        {
            self.anchor = Some(Pos { seg, off: e.start });
            self.cursor = Pos { seg, off: e.end };
        }
        self
    }

    /// The session as it is now on disk (after a merge elsewhere changed its codings).
    pub fn refresh(&mut self, session: Session) {
        self.session = session;
        self.cursor.seg = self
            .cursor
            .seg
            .min(self.session.segments.len().saturating_sub(1));
        self.cursor.off = self
            .cursor
            .off
            .min(text::char_len(self.segment_text(self.cursor.seg)));
        self.anchor = None;
        self.popup = None;
    }

    pub fn segment_text(&self, seg: usize) -> &str {
        self.session
            .segments
            .get(seg)
            .map_or("", |s| s.text.as_str())
    }

    /// The selected span `(segment index, start, end)`, within the cursor's segment.
    pub fn selection(&self) -> Option<(usize, usize, usize)> {
        let anchor = self.anchor?;
        let seg = self.cursor.seg;
        let a = if anchor.seg == seg {
            anchor.off
        } else if anchor.seg < seg {
            0
        } else {
            text::char_len(self.segment_text(seg))
        };
        let (start, end) = (a.min(self.cursor.off), a.max(self.cursor.off));
        (start < end).then_some((seg, start, end))
    }

    /// The span a code goes on: the selection, else the whole segment under the cursor.
    pub fn target(&self) -> Option<Excerpt> {
        let (seg, start, end) = self.selection().unwrap_or_else(|| {
            (
                self.cursor.seg,
                0,
                text::char_len(self.segment_text(self.cursor.seg)),
            )
        });
        let segment = self.session.segments.get(seg)?;
        (start < end).then_some(Excerpt {
            segment: segment.id,
            start,
            end,
        })
    }

    /// Whether a coding is shown with the current coder filter.
    pub fn shows(&self, coding: &Coding) -> bool {
        self.coder_filter
            .as_ref()
            .is_none_or(|c| *c == coding.coder)
    }

    /// The codings (shown) that contain the cursor, or overlap the selection.
    pub fn codings_here(&self) -> Vec<&Coding> {
        let Some(segment) = self.session.segments.get(self.cursor.seg) else {
            return Vec::new();
        };
        let (start, end) = match self.selection() {
            Some((_, s, e)) => (s, e),
            None => (self.cursor.off, self.cursor.off + 1),
        };
        self.session
            .codings
            .iter()
            .filter(|c| c.segment == segment.id && self.shows(c) && c.start < end && start < c.end)
            .collect()
    }

    /// Checks a change against the session, applies it on screen and asks for it to be
    /// journalled. `undo` are the changes that reverse it.
    pub fn record(
        &mut self,
        study: &Study,
        changes: Vec<SessionChange>,
        undo: Vec<SessionChange>,
    ) -> Vec<Effect> {
        if self.read_only {
            return Vec::new();
        }
        let mut effects = Vec::new();
        for change in changes {
            match self.session.check(&change, study) {
                Ok(()) => {
                    self.session.apply(&change);
                    effects.push(Effect::Record(change));
                }
                Err(e) => {
                    effects.push(Effect::Report(e.to_string()));
                    return effects;
                }
            }
        }
        if !undo.is_empty() {
            self.undo.push(Undo::Changes(undo));
        }
        effects
    }

    /// Codes the target span.
    pub fn apply_code(
        &mut self,
        study: &Study,
        code: CodeId,
        coder: &str,
        now: Time,
    ) -> Vec<Effect> {
        let Some(excerpt) = self.target() else {
            return Vec::new();
        };
        let duplicate = self.session.codings.iter().any(|c| {
            c.segment == excerpt.segment
                && c.code == code
                && c.coder == coder
                && (c.start, c.end) == (excerpt.start, excerpt.end)
        });
        if duplicate {
            return Vec::new();
        }
        let coding = Coding {
            id: CodingId::new(),
            segment: excerpt.segment,
            start: excerpt.start,
            end: excerpt.end,
            code,
            coder: coder.to_owned(),
            at: super::interview::stamp(now),
            memo: None,
        };
        let undo = vec![SessionChange::RemoveCoding { coding: coding.id }];
        self.anchor = None;
        self.record(study, vec![SessionChange::AddCoding { coding }], undo)
    }

    pub fn remove_coding(&mut self, study: &Study, id: CodingId) -> Vec<Effect> {
        let Some(old) = self.session.coding(id).cloned() else {
            return Vec::new();
        };
        self.record(
            study,
            vec![SessionChange::RemoveCoding { coding: id }],
            vec![SessionChange::AddCoding { coding: old }],
        )
    }

    pub fn set_memo(&mut self, study: &Study, id: CodingId, memo: Option<String>) -> Vec<Effect> {
        let Some(old) = self.session.coding(id).map(|c| c.memo.clone()) else {
            return Vec::new();
        };
        self.record(
            study,
            vec![SessionChange::SetCodingMemo { coding: id, memo }],
            vec![SessionChange::SetCodingMemo {
                coding: id,
                memo: old,
            }],
        )
    }

    /// Replaces a segment's text; codings follow their words. The undo puts back the text and
    /// every coding as it was, those the edit removed included.
    pub fn edit_text(&mut self, study: &Study, seg: usize, new_text: &str) -> Vec<Effect> {
        let Some(segment) = self.session.segments.get(seg).cloned() else {
            return Vec::new();
        };
        let new_text = text::normalize(new_text);
        if new_text == segment.text {
            return Vec::new();
        }
        let undo = Undo::Text {
            segment: segment.id,
            text: segment.text.clone(),
            codings: self
                .session
                .codings
                .iter()
                .filter(|c| c.segment == segment.id)
                .cloned()
                .collect(),
            excerpts: self
                .session
                .situations
                .iter()
                .map(|s| {
                    (
                        s.id,
                        s.excerpts
                            .iter()
                            .filter(|e| e.segment == segment.id)
                            .copied()
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, e)| !e.is_empty())
                .collect(),
        };
        let effects = self.record(
            study,
            vec![SessionChange::EditText {
                segment: segment.id,
                text: new_text,
            }],
            Vec::new(),
        );
        self.undo.push(undo);
        self.cursor.off = self.cursor.off.min(text::char_len(self.segment_text(seg)));
        self.anchor = None;
        effects
    }

    /// Reverses the last action.
    pub fn undo_last(&mut self, study: &Study) -> Vec<Effect> {
        let Some(undo) = self.undo.pop() else {
            return Vec::new();
        };
        let changes = match undo {
            Undo::Changes(changes) => changes,
            Undo::Text {
                segment,
                text,
                codings,
                excerpts,
            } => self.restore_text(segment, text, codings, excerpts),
        };
        let effects = self.record(study, changes, Vec::new());
        self.cursor.off = self
            .cursor
            .off
            .min(text::char_len(self.segment_text(self.cursor.seg)));
        effects
    }

    /// The changes that put a segment back as it was before a correction: its codings off,
    /// the old text, the old codings on, the situations' excerpts on it as they were.
    fn restore_text(
        &self,
        segment: SegmentId,
        text: String,
        codings: Vec<Coding>,
        excerpts: Vec<(SituationId, Vec<Excerpt>)>,
    ) -> Vec<SessionChange> {
        let mut changes: Vec<SessionChange> = self
            .session
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
            if let Some(mut situation) = self.session.situation(id).cloned() {
                situation.excerpts.retain(|e| e.segment != segment);
                situation.excerpts.extend(old);
                changes.push(SessionChange::PutSituation { situation });
            }
        }
        changes
    }

    /// Keeps the cursor's row on screen, `height` rows tall.
    pub fn scroll_to_cursor(&mut self, rows: &[Row], height: usize) {
        let Some(row) = layout::row_of(rows, self.cursor.seg, self.cursor.off) else {
            return;
        };
        // Show the segment heading above the first row of a segment when possible.
        let wanted = row.saturating_sub(usize::from(self.cursor.off == 0) * 2);
        if wanted < self.top {
            self.top = wanted;
        } else if row >= self.top + height {
            self.top = row + 1 - height;
        }
    }
}
