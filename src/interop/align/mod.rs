//! The recording's transcript added to the live session it records (`grille import FILE
//! --into SESSION`): each transcript segment goes under the grid question that was open at its
//! moment, the live codings become proposals on the passages that say what the notes say.
//!
//! The moment of a segment is the recording's start plus its place in the recording. The
//! start is given (`--offset` from the session's start, `--starts-at`) or found by matching the
//! notes' words to the transcript's ([`offset`]): a proposal the analyst accepts or corrects.
//! A corrected transcript imported again replaces the layer; what was coded on the previous
//! one follows its words ([`carry`]).

pub mod carry;
pub mod clock;
pub mod offset;
pub mod propose;
pub mod words;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::TimeDelta;

use self::offset::{Found, Timed};
use self::words::{Weights, Words};
use crate::study::{
    Aligned, CodingId, QuestionId, Segment, Session, Study, Time, TranscriptChange,
    TranscriptLayer, Visit,
};

/// Where the recording starts, as the analyst says it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Start {
    /// This long after the session's start (`--offset`, may be negative).
    Offset(TimeDelta),
    /// At this moment (`--starts-at`).
    At(Time),
    /// Not given: found from the words (then accepted or not by the analyst).
    Found,
}

/// Why a transcript cannot be aligned with a session.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AlignError {
    #[error("the transcript has no times: it cannot be placed in the interview")]
    NoTimes,
    #[error("the session has no start time: give --starts-at instead of --offset")]
    NoSessionStart,
    #[error("the session has no timed notes to compare with: give --offset or --starts-at")]
    NoNotes,
    #[error(
        "no note of the session shares words with the transcript: give --offset or --starts-at"
    )]
    NoMatch,
}

/// The transcript layer ready to be put, and what the analyst is told about it.
#[derive(Debug)]
pub struct Plan {
    pub change: TranscriptChange,
    /// The start found from the words, when it was not given.
    pub found: Option<Found>,
    /// The layer replaces one whose text is exactly this one (nothing to do).
    pub unchanged: bool,
    /// Whether it replaces a previous layer, and what of it could not follow its words.
    pub replaces: bool,
    pub lost_codings: usize,
    pub lost_excerpts: usize,
}

impl Plan {
    pub fn start(&self) -> Time {
        self.change.layer.recording_start
    }
}

/// Aligns `heard` (a transcript read into segments, each with its place in the recording)
/// with the live session.
pub fn plan(
    session: &Session,
    study: &Study,
    heard: Vec<Segment>,
    source: &Path,
    start: Start,
    by: &str,
    now: Time,
) -> Result<Plan, AlignError> {
    if !heard.iter().any(|s| s.recording.is_some()) {
        return Err(AlignError::NoTimes);
    }
    let mut words = Words::default();
    let notes: Vec<(&Segment, Time)> = session
        .live_segments()
        .filter_map(|s| Some((s, s.start?)))
        .collect();
    let visits = session.question_visits();
    let base = session
        .started
        .or_else(|| notes.iter().map(|n| n.1).min())
        .or_else(|| visits.first().map(|v| v.entered));
    let cues: Vec<Timed> = heard
        .iter()
        .map(|s| Timed {
            at: s.recording.map_or(0.0, |r| r.start.as_secs_f64()),
            bag: words.bag(&s.text),
        })
        .collect();
    let mut timed: Vec<Timed> = Vec::new();
    if let Some(base) = base {
        let secs = |t: Time| (t - base).num_milliseconds() as f64 / 1000.0;
        for (note, at) in &notes {
            timed.push(Timed {
                at: secs(*at),
                bag: words.bag(&note.text),
            });
        }
        // The interviewer asks the question just after going to it, in words close to the
        // grid's: a visit is a note of the question's wording.
        for v in visits.iter() {
            if let Some((_, q)) = study.grid.question(v.question) {
                timed.push(Timed {
                    at: secs(v.entered),
                    bag: words.bag(&q.text),
                });
            }
        }
    }
    let weights = Weights::of(cues.iter().chain(&timed).map(|t| &t.bag));
    let (recording_start, aligned, found) = match start {
        Start::At(t) => (t, Aligned::Given, None),
        Start::Offset(d) => {
            let started = session.started.ok_or(AlignError::NoSessionStart)?;
            (started + d, Aligned::Given, None)
        }
        Start::Found => {
            let base = base
                .filter(|_| !timed.is_empty())
                .ok_or(AlignError::NoNotes)?;
            let found = offset::find_start(&timed, &cues, &weights).ok_or(AlignError::NoMatch)?;
            let at = base + TimeDelta::milliseconds((found.start * 1000.0).round() as i64);
            let confidence = found.confidence;
            (at, Aligned::Matched { confidence }, Some(found))
        }
    };
    let segments = place(heard, recording_start, &visits, study, &mut words, &weights);
    let unchanged = session.transcript.as_ref().is_some_and(|old| {
        let before: Vec<&str> = session
            .segments
            .iter()
            .filter(|s| old.has(s.id))
            .map(|s| s.text.as_str())
            .collect();
        let after: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        before == after && old.recording_start == recording_start
    });
    let carried = carry::carry(session, &segments);
    let accepted: BTreeSet<CodingId> = carried.codings.iter().map(|c| c.id).collect();
    // A decision stands while its coding does; a proposal accepted on words now gone is
    // proposed again.
    let decisions: Vec<_> = session
        .transcript
        .iter()
        .flat_map(|t| t.decisions.iter())
        .filter(|d| d.accepted.is_none_or(|c| accepted.contains(&c)))
        .cloned()
        .collect();
    let decided: Vec<CodingId> = decisions.iter().map(|d| d.from).collect();
    let proposals = propose::proposals(session, &segments, &decided, &mut words, &weights);
    let layer = TranscriptLayer {
        source: source
            .file_name()
            .map(|n| crate::study::text::normalize(&n.to_string_lossy()))
            .unwrap_or_default(),
        imported: now,
        by: by.to_owned(),
        recording_start,
        aligned,
        segments: segments.iter().map(|s| s.id).collect(),
        proposals,
        decisions,
    };
    Ok(Plan {
        change: TranscriptChange {
            layer,
            segments,
            codings: carried.codings,
            excerpts: carried.excerpts,
            memos: carried.memos,
        },
        found,
        unchanged,
        replaces: session.transcript.is_some(),
        lost_codings: carried.lost_codings,
        lost_excerpts: carried.lost_excerpts,
    })
}

/// The transcript's segments on the interview's clock, each under the question open when it
/// began (none before the first visit, between sittings or after the last); a turn without a
/// time goes with its neighbours (see [`untimed`]).
///
/// A visit begins when the interviewer went to the question, a few seconds before or after
/// asking it: where an interviewer's turn close to that moment says the question's words, the
/// visit is taken to begin with that turn, so that the answer before it stays with the
/// question before and the question asked goes with its answers.
fn place(
    heard: Vec<Segment>,
    start: Time,
    visits: &[Visit],
    study: &Study,
    words: &mut Words,
    weights: &Weights,
) -> Vec<Segment> {
    let at = |d: std::time::Duration| -> Option<Time> {
        start.checked_add_signed(TimeDelta::from_std(d).ok()?)
    };
    let mut heard: Vec<Segment> = heard
        .into_iter()
        .map(|mut s| {
            if let Some(r) = s.recording {
                s.start = at(r.start);
                s.end = r.end.and_then(at);
            }
            s
        })
        .collect();
    let visits = snapped(visits, &heard, study, words, weights);
    let timed: Vec<Option<Option<QuestionId>>> = heard
        .iter()
        .map(|s| {
            s.start
                .map(|moment| open_at(&visits, moment + TimeDelta::milliseconds(500)))
        })
        .collect();
    for (i, s) in heard.iter_mut().enumerate() {
        s.question = match timed[i] {
            Some(question) => question,
            None => untimed(&timed, i, s.speaker == crate::study::Speaker::Interviewer),
        };
    }
    heard
}

/// The question of a turn the transcript gives no time (a line between two timed ones):
/// an interviewer's goes with the next timed turn (a question asked goes with its answers),
/// anyone else's with the timed turn before it.
fn untimed(
    timed: &[Option<Option<QuestionId>>],
    i: usize,
    interviewer: bool,
) -> Option<QuestionId> {
    let before = timed[..i].iter().rev().find_map(|q| *q);
    let after = timed[i + 1..].iter().find_map(|q| *q);
    if interviewer {
        after.or(before).flatten()
    } else {
        before.or(after).flatten()
    }
}

/// How near (seconds) a visit's beginning the question must be asked to be its beginning.
const ASKED_WITHIN: i64 = 30;

/// An interviewer's turn says a question's words when it has this share of their weight.
const ASKED_COVERAGE: f64 = 0.3;

/// The visits, each beginning with the interviewer's turn asking its question when there is
/// one near (see [`place`]).
fn snapped(
    visits: &[Visit],
    heard: &[Segment],
    study: &Study,
    words: &mut Words,
    weights: &Weights,
) -> Vec<Visit> {
    let mut out = visits.to_vec();
    let asked: Vec<(Time, &Segment)> = heard
        .iter()
        .filter(|s| s.speaker == crate::study::Speaker::Interviewer)
        .filter_map(|s| Some((s.start?, s)))
        .collect();
    for i in 0..out.len() {
        let Some((_, q)) = study.grid.question(out[i].question) else {
            continue;
        };
        let wording = words.bag(&q.text);
        let entered = out[i].entered;
        let best = asked
            .iter()
            .filter(|(t, _)| (*t - entered).num_seconds().abs() <= ASKED_WITHIN)
            .map(|(t, s)| (*t, weights.coverage(&wording, &words.bag(&s.text))))
            .filter(|(_, c)| *c >= ASKED_COVERAGE)
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then((b.0 - entered).abs().cmp(&(a.0 - entered).abs()))
            });
        let Some((asked_at, _)) = best else {
            continue;
        };
        // Never past the visit's end nor before the previous one began.
        let earliest = if i > 0 { out[i - 1].entered } else { asked_at };
        let latest = out[i].left.unwrap_or(asked_at);
        let moved = asked_at.clamp(earliest, latest.max(earliest));
        if i > 0 && out[i - 1].left == Some(entered) {
            out[i - 1].left = Some(moved);
        }
        out[i].entered = moved;
    }
    out
}

/// The question open at a moment.
pub fn open_at(visits: &[Visit], moment: Time) -> Option<QuestionId> {
    visits
        .iter()
        .rev()
        .find(|v| v.entered <= moment)
        .filter(|v| v.left.is_none_or(|left| moment < left))
        .map(|v| v.question)
}
