//! The pseudonymisation screen: what the detector proposes across the study (names, places,
//! numbers…), each with every place it occurs and the words around it; the analyst accepts
//! or rejects each (or every undecided one of a kind, or one text in all its kinds), then
//! replaces what is accepted everywhere, and can undo the last replacement.
//!
//! A decision covers every occurrence of its original (one original, one pseudonym, in every
//! session) and is saved in the key table at once, apart from the study: leaving the screen,
//! or a crash, loses none. Replacing and undoing are writes, on the interface's thread; reading
//! the sessions and finding the proposals is done on the worker.

mod view;

use std::path::PathBuf;

use anyhow::Result;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};

use super::ctx::{Ctx, View};
use super::keymap::{
    self, Binding, DOWN, END, ESC, HOME, HelpSection, LEFT, PAGE_DOWN, PAGE_UP, RIGHT, UP, bind,
    ch, main,
};
use super::msg::{Answer, Effect};
use super::screen::{Nav, Screen, Step};
use crate::i18n::Texts;
use crate::study::pseudonym::fields::{self, Context, Field};
use crate::study::pseudonym::{self, KeyTable, Proposal, Review};
use crate::study::text::fold;
use crate::workspace::Workspace;

/// What the analyst said of a proposal on this screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Undecided,
    Accepted,
    Rejected,
}

/// One occurrence as shown: whose interview, where in it, the words around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub respondent: String,
    pub field: Field,
    pub context: Context,
}

/// A proposal on the list.
#[derive(Clone, Debug)]
pub struct Row {
    pub proposal: Proposal,
    pub decision: Decision,
    pub shown: Vec<Shown>,
    pub sessions: usize,
}

/// What the worker read for the screen.
#[derive(Debug)]
pub struct Reviewing {
    pub path: PathBuf,
    pub table: KeyTable,
    pub rows: Vec<Row>,
    pub encrypted: bool,
}

/// Chars of context on each side of an occurrence.
const AROUND: usize = 60;

impl Reviewing {
    /// The key table and every proposal of the study, with its occurrences in context.
    pub fn read(ws: &Workspace, t: &Texts) -> Result<Reviewing> {
        let path = ws.key_table_path(None)?;
        let table = ws.key_table(&path, t)?;
        let (sessions, _) = ws.sessions()?;
        let rows = pseudonym::proposals(&sessions, &table)
            .into_iter()
            .map(|proposal| {
                let shown: Vec<Shown> = proposal
                    .occurrences
                    .iter()
                    .filter_map(|o| {
                        let s = sessions.iter().find(|s| s.id == o.session)?;
                        let text = fields::text(s, o.field)?;
                        Some(Shown {
                            respondent: s.respondent.pseudonym.clone(),
                            field: o.field,
                            context: fields::context(text, o.start, o.end, AROUND),
                        })
                    })
                    .collect();
                let mut ids: Vec<_> = proposal.occurrences.iter().map(|o| o.session).collect();
                ids.sort();
                ids.dedup();
                Row {
                    decision: match proposal.review {
                        Review::Accepted => Decision::Accepted,
                        Review::Unreviewed => Decision::Undecided,
                    },
                    proposal,
                    shown,
                    sessions: ids.len(),
                }
            })
            .collect();
        Ok(Reviewing {
            path,
            table,
            rows,
            encrypted: ws.dir.is_encrypted(),
        })
    }
}

#[derive(Default)]
pub struct PseudonymScreen {
    /// The key table and the proposals; `None` while they are read.
    pub reviewing: Option<Reviewing>,
    pub selected: usize,
    /// The first row shown: the list scrolls only as far as the selection needs.
    pub offset: usize,
    /// The occurrence of the selected proposal whose context is shown.
    pub occurrence: usize,
}

impl PseudonymScreen {
    /// The screen, reading the proposals on the worker.
    pub fn open() -> Step {
        Step::push(PseudonymScreen::default()).with_effect(Effect::LoadProposals)
    }

    fn rows(&self) -> &[Row] {
        self.reviewing.as_ref().map_or(&[], |r| &r.rows)
    }

    /// How many proposals are accepted, rejected, undecided.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |d| self.rows().iter().filter(|r| r.decision == d).count();
        (
            n(Decision::Accepted),
            n(Decision::Rejected),
            n(Decision::Undecided),
        )
    }

    fn select(&mut self, i: usize) {
        let last = self.rows().len().saturating_sub(1);
        self.selected = i.min(last);
        self.occurrence = 0;
    }

    /// Decides the rows `which` chooses, saves the key table; moves to the next undecided row
    /// after the selection when one row was decided.
    fn decide(&mut self, decision: Decision, which: impl Fn(&Row) -> bool) -> Option<Effect> {
        let selected = self.selected;
        let r = self.reviewing.as_mut()?;
        let mut changed = 0;
        for row in r.rows.iter_mut().filter(|row| which(row)) {
            let (kind, text) = (row.proposal.kind, row.proposal.text.as_str());
            match decision {
                Decision::Accepted => r.table.accept(kind, text),
                Decision::Rejected => r.table.reject(kind, text),
                Decision::Undecided => r.table.forget(kind, text),
            }
            row.decision = decision;
            changed += 1;
        }
        if changed == 0 {
            return None;
        }
        // What is accepted has its pseudonym now; what is not yet moves up.
        pseudonym::number(&r.table, r.rows.iter_mut().map(|row| &mut row.proposal));
        if decision != Decision::Undecided
            && let Some(next) =
                (selected + 1..r.rows.len()).find(|&i| r.rows[i].decision == Decision::Undecided)
        {
            self.select(next);
        }
        let r = self.reviewing.as_ref()?;
        Some(Effect::SaveKeyTable(
            Box::new(r.table.clone()),
            r.path.clone(),
        ))
    }

    fn write(&self, undo: bool) -> Step {
        let Some(r) = &self.reviewing else {
            return Step::none();
        };
        let (table, path) = (Box::new(r.table.clone()), r.path.clone());
        Step::effect(match undo {
            false => Effect::Pseudonymize(table, path),
            true => Effect::UndoPseudonyms(table, path),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    PreviousOccurrence,
    NextOccurrence,
    Accept,
    Reject,
    Later,
    AcceptKind,
    AcceptText,
    Apply,
    Undo,
    Reload,
    Back,
}

pub static KEYS: &[Binding<Act>] = &[
    bind(&[UP, ch('k')], Act::Up, |k| k.pseudonyms.previous),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.pseudonyms.next),
    bind(&[PAGE_UP], Act::PageUp, |k| k.pseudonyms.previous),
    bind(&[PAGE_DOWN], Act::PageDown, |k| k.pseudonyms.next),
    bind(&[HOME, ch('g')], Act::First, |k| k.pseudonyms.first),
    bind(&[END, ch('G')], Act::Last, |k| k.pseudonyms.last),
    bind(&[LEFT, ch('h')], Act::PreviousOccurrence, |k| {
        k.pseudonyms.previous_occurrence
    }),
    bind(&[RIGHT, ch('l')], Act::NextOccurrence, |k| {
        k.pseudonyms.next_occurrence
    }),
    main(
        &[ch('o'), ch('y')],
        Act::Accept,
        |k| k.pseudonyms.accept,
        |k| k.pseudonyms.short_accept,
    ),
    main(
        &[ch('n')],
        Act::Reject,
        |k| k.pseudonyms.reject,
        |k| k.pseudonyms.short_reject,
    ),
    main(
        &[ch('p')],
        Act::Later,
        |k| k.pseudonyms.later,
        |k| k.pseudonyms.short_later,
    ),
    bind(&[ch('O')], Act::AcceptKind, |k| k.pseudonyms.accept_kind),
    bind(&[ch('T')], Act::AcceptText, |k| k.pseudonyms.accept_text),
    main(
        &[ch('R')],
        Act::Apply,
        |k| k.pseudonyms.apply,
        |k| k.pseudonyms.short_apply,
    ),
    main(
        &[ch('U')],
        Act::Undo,
        |k| k.pseudonyms.undo,
        |k| k.pseudonyms.short_undo,
    ),
    bind(&[ch('r')], Act::Reload, |k| k.pseudonyms.reload),
    main(
        &[ESC, ch('q')],
        Act::Back,
        |k| k.pseudonyms.back,
        |k| k.pseudonyms.short_back,
    ),
];

/// Rows of the list a page moves by.
const PAGE: usize = 10;

impl Screen for PseudonymScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        let Some(hit) = keymap::lookup(KEYS, &key) else {
            return Step::error(keymap::refused(&key, cx.t));
        };
        let step = self.act(cx, hit.action);
        self.keep_visible(view::list_rows(cx.size.1));
        step
    }

    fn mouse(&mut self, cx: &mut Ctx, mouse: MouseEvent) -> Step {
        match mouse.kind {
            MouseEventKind::ScrollDown => self.select(self.selected + 1),
            MouseEventKind::ScrollUp => self.select(self.selected.saturating_sub(1)),
            _ => {}
        }
        self.keep_visible(view::list_rows(cx.size.1));
        Step::none()
    }

    fn answer(&mut self, cx: &mut Ctx, answer: Answer) -> Step {
        let t = cx.t;
        match answer {
            Answer::Proposals(reviewing) => {
                // The selection stays on its proposal if it is still there.
                let id = self
                    .rows()
                    .get(self.selected)
                    .map(|r| r.proposal.id.clone());
                let occurrence = self.occurrence;
                self.reviewing = Some(*reviewing);
                match self
                    .rows()
                    .iter()
                    .position(|r| Some(&r.proposal.id) == id.as_ref())
                {
                    Some(i) => {
                        self.select(i);
                        let n = self.rows()[i].shown.len();
                        self.occurrence = occurrence.min(n.saturating_sub(1));
                    }
                    None => self.select(self.selected),
                }
                self.keep_visible(view::list_rows(cx.size.1));
                Step::none()
            }
            Answer::Pseudonymized { table, undo, done } => {
                if let Some(r) = &mut self.reviewing {
                    r.table = *table;
                }
                let reload = Step::effect(Effect::LoadProposals);
                let Some(done) = done else {
                    return reload.with_info(t.privacy.undo_nothing);
                };
                if undo && !done.busy.is_empty() {
                    return reload.with_error((t.privacy.undo_busy)(&done.busy.join(", ")));
                }
                if let Some(busy) = done.busy.first() {
                    return reload.with_error((t.privacy.busy)(busy));
                }
                let said = match undo {
                    true => (t.privacy.undone)(done.count, done.sessions),
                    false => (t.privacy.replaced)(done.count, done.sessions, done.index_rebuilt),
                };
                reload.with_info(said)
            }
            _ => Step::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        view::draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        vec![keymap::section(t.keys.pseudonyms.section, KEYS, t)]
    }
}

impl PseudonymScreen {
    fn act(&mut self, cx: &Ctx, act: Act) -> Step {
        let t = cx.t.keys.pseudonyms;
        let count = self.rows().len();
        let current = self.rows().get(self.selected).map(|r| {
            (
                r.proposal.kind,
                fold(&r.proposal.text),
                r.shown.len(),
                r.proposal.text.clone(),
            )
        });
        match act {
            Act::Up => self.select(self.selected.saturating_sub(1)),
            Act::Down => self.select(self.selected + 1),
            Act::PageUp => self.select(self.selected.saturating_sub(PAGE)),
            Act::PageDown => self.select(self.selected + PAGE),
            Act::First => self.select(0),
            Act::Last => self.select(count.saturating_sub(1)),
            Act::PreviousOccurrence => self.occurrence = self.occurrence.saturating_sub(1),
            Act::NextOccurrence => {
                let n = current.as_ref().map_or(0, |c| c.2);
                self.occurrence = (self.occurrence + 1).min(n.saturating_sub(1));
            }
            Act::Accept | Act::Reject | Act::Later => {
                let decision = match act {
                    Act::Accept => Decision::Accepted,
                    Act::Reject => Decision::Rejected,
                    _ => Decision::Undecided,
                };
                let id = self
                    .rows()
                    .get(self.selected)
                    .map(|r| r.proposal.id.clone());
                let effects = self.decide(decision, |r| Some(&r.proposal.id) == id.as_ref());
                return Step::from(effects.into_iter().collect::<Vec<_>>());
            }
            Act::AcceptKind | Act::AcceptText => {
                let Some((kind, folded, _, text)) = current else {
                    return Step::none();
                };
                let by_kind = act == Act::AcceptKind;
                let which = |r: &Row| {
                    r.decision == Decision::Undecided
                        && match by_kind {
                            true => r.proposal.kind == kind,
                            false => fold(&r.proposal.text) == folded,
                        }
                };
                let n = self.rows().iter().filter(|r| which(r)).count();
                let what = match by_kind {
                    true => cx.t.privacy.kind_name(kind).to_owned(),
                    false => format!("« {text} »"),
                };
                let effects: Vec<Effect> =
                    self.decide(Decision::Accepted, which).into_iter().collect();
                return Step::from(effects).with_info((t.accepted_many)(n, &what));
            }
            Act::Apply => return self.write(false),
            Act::Undo => return self.write(true),
            Act::Reload => return Step::effect(Effect::LoadProposals),
            Act::Back => {
                let pending = self
                    .rows()
                    .iter()
                    .filter(|r| r.decision == Decision::Accepted)
                    .count();
                let back = Step::nav(Nav::Pop);
                return match pending {
                    0 => back,
                    n => back.with_info((t.not_applied)(n)),
                };
            }
        }
        Step::none()
    }

    /// Scrolls the list as little as needed to show the selected row in `rows` rows.
    fn keep_visible(&mut self, rows: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

/// Where in a session an occurrence is, in the user's words.
pub fn place_name(field: Field, t: &Texts) -> &'static str {
    let p = t.keys.pseudonyms;
    match field {
        Field::Segment(_) => p.in_transcript,
        Field::Memo(_) => p.in_memo,
        Field::CodingMemo(_) => p.in_coding_memo,
        Field::SituationLabel(_) => p.in_situation,
    }
}
