//! What aligning an interview's recording with its live notes adds to a session: the visits of
//! the grid's questions recorded live, and the recording's transcript as a second layer of the
//! session with the codings proposed on it from the live ones.
//!
//! An interview lives twice: live, typed along the grid, and later as the transcript of its
//! recording. The transcript's segments are ordinary segments of the session (codings,
//! situations, memos and search treat them like any other); [`TranscriptLayer::segments`]
//! says which they are. Once a session has a transcript, its transcript is what tables and
//! search count: the live notes, a paraphrase of the same words, are kept beside it and never
//! counted twice (see [`Session::counts`]).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::ids::{CodingId, QuestionId, SegmentId};
use super::session::{Coding, Segment, Session, Time};

/// A stay on one grid question during the live interview, in wall-clock time: from the moment
/// the interviewer went to it to the moment they went elsewhere, pauses included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub question: QuestionId,
    pub entered: Time,
    /// `None` while the interviewer is on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Time>,
    /// Which sitting of the interview it belongs to, from 1: the interview opened, then
    /// resumed after a pause or another day.
    pub sitting: u32,
}

/// The recording's transcript added to a session (`grille import FILE --into SESSION`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptLayer {
    /// The file it was read from (its name).
    pub source: String,
    /// When it was imported, and by whom.
    pub imported: Time,
    #[serde(default)]
    pub by: String,
    /// The moment the recording started on the interview's clock: what was said at 12:30 in
    /// the recording was said at this moment plus 12 minutes 30.
    pub recording_start: Time,
    /// How that moment was found.
    pub aligned: Aligned,
    /// The session's segments that are the transcript (the others are the live notes).
    pub segments: BTreeSet<SegmentId>,
    /// Codings proposed on the transcript from live codings, waiting for a person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<Proposal>,
    /// What a person decided on each proposal: a live coding is never proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

/// How the recording's start was set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Aligned {
    /// Given by the analyst (`--offset` or `--starts-at`).
    Given,
    /// Found by matching the live notes' words to the transcript's, with this confidence (%),
    /// and accepted by the analyst.
    Matched { confidence: u8 },
}

/// A live coding proposed on the transcript passage of the same moment that best matches the
/// note's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The live coding it comes from (its code is the code proposed).
    pub from: CodingId,
    /// The passage: a transcript segment and a span of its text.
    pub segment: SegmentId,
    pub start: usize,
    pub end: usize,
    /// How well the passage's words match the coded note's (%).
    pub score: u8,
}

/// A person's answer to a proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub from: CodingId,
    /// The coding made on the transcript when it was accepted (as proposed or moved); `None`:
    /// rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<CodingId>,
    pub by: String,
    pub at: Time,
}

/// What text a session holds, as lists of sessions tell them apart: the notes typed live, the
/// recording's transcript, or both (a live session with its transcript layer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layers {
    /// Typed live along the grid (or nothing yet).
    Notes,
    /// Notes typed live, with the recording's transcript aligned under them.
    NotesAndTranscript,
    /// A transcript only: imported as a session of its own, or a layer without notes.
    Transcript,
    /// A questionnaire's answers.
    Answers,
}

/// A question's share of the recording's transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct Covered {
    /// `None`: said off the grid (before the first question, between sittings).
    pub question: Option<QuestionId>,
    pub segments: usize,
    pub words: usize,
    /// How long it took in the recording.
    pub recorded: Duration,
}

/// The length of a union of intervals given in start order.
fn union_length(spans: impl Iterator<Item = (Duration, Duration)>) -> Duration {
    let mut total = Duration::ZERO;
    let mut open: Option<(Duration, Duration)> = None;
    for (start, end) in spans {
        open = match open {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some((s, e)) => {
                total += e - s;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    total + open.map_or(Duration::ZERO, |(s, e)| e - s)
}

/// A gap between two stamps of a session without recorded visits longer than this is a pause:
/// the next stamps belong to another sitting.
const PAUSE_MINUTES: i64 = 30;

impl TranscriptLayer {
    pub fn has(&self, segment: SegmentId) -> bool {
        self.segments.contains(&segment)
    }

    /// The pending proposal from a live coding.
    pub fn proposal(&self, from: CodingId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.from == from)
    }

    /// The moment a place in the recording was said at.
    pub fn moment(&self, offset: std::time::Duration) -> Option<Time> {
        let delta = chrono::TimeDelta::from_std(offset).ok()?;
        self.recording_start.checked_add_signed(delta)
    }
}

impl Session {
    /// Whether tables and search count this segment: every segment of a session without a
    /// transcript layer; only the transcript's when it has one (the live notes paraphrase
    /// the same words).
    pub fn counts(&self, segment: SegmentId) -> bool {
        self.transcript.as_ref().is_none_or(|t| t.has(segment))
    }

    /// What text the session holds (see [`Layers`]).
    pub fn layers(&self) -> Layers {
        if !self.kind.is_interview() {
            return Layers::Answers;
        }
        match &self.transcript {
            Some(layer) if self.segments.iter().any(|s| !layer.has(s.id)) => {
                Layers::NotesAndTranscript
            }
            Some(_) => Layers::Transcript,
            None if self.source.is_some() => Layers::Transcript,
            None => Layers::Notes,
        }
    }

    /// Whether a segment is part of the recording's transcript layer.
    pub fn in_transcript(&self, segment: SegmentId) -> bool {
        self.transcript.as_ref().is_some_and(|t| t.has(segment))
    }

    /// The segments tables and search count (see [`Session::counts`]).
    pub fn counted_segments(&self) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(|s| self.counts(s.id))
    }

    /// The codings tables count: those on counted segments.
    pub fn counted_codings(&self) -> impl Iterator<Item = &Coding> {
        self.codings.iter().filter(|c| self.counts(c.segment))
    }

    /// The live notes: every segment not in the transcript layer.
    pub fn live_segments(&self) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(|s| !self.in_transcript(s.id))
    }

    /// The visits of the grid's questions: those recorded live, else, for a session recorded
    /// before visits were, the runs of its notes on one question (from a run's first note to
    /// the next run's), in time order. A visit the interviewer never left (a crash) ends at the
    /// next visit, or at its last note.
    pub fn question_visits(&self) -> Cow<'_, [Visit]> {
        if !self.visits.is_empty() {
            return Cow::Borrowed(&self.visits);
        }
        Cow::Owned(self.visits_from_notes())
    }

    fn visits_from_notes(&self) -> Vec<Visit> {
        let mut notes: Vec<(Time, Time, QuestionId)> = self
            .live_segments()
            .filter_map(|s| {
                let start = s.start?;
                Some((start, s.end.unwrap_or(start).max(start), s.question?))
            })
            .collect();
        notes.sort_by_key(|n| n.0);
        let pause = chrono::Duration::minutes(PAUSE_MINUTES);
        let mut visits: Vec<Visit> = Vec::new();
        let mut last_end: Option<Time> = None;
        for (start, end, question) in notes {
            let new_sitting = last_end.is_some_and(|e| start - e > pause);
            match visits.last_mut() {
                Some(v) if v.question == question && !new_sitting => {}
                Some(v) => {
                    // The visit ends where the next begins, unless a pause came between.
                    v.left = Some(if new_sitting {
                        last_end.unwrap_or(start)
                    } else {
                        start
                    });
                    let sitting = v.sitting + u32::from(new_sitting);
                    visits.push(Visit {
                        question,
                        entered: start,
                        left: None,
                        sitting,
                    });
                }
                None => visits.push(Visit {
                    question,
                    entered: start,
                    left: None,
                    sitting: 1,
                }),
            }
            last_end = Some(last_end.map_or(end, |e| e.max(end)));
        }
        if let (Some(v), Some(end)) = (visits.last_mut(), last_end) {
            v.left = Some(end.max(v.entered));
        }
        visits
    }

    /// Which questions the transcript layer covers: for each question (and `None`, off the
    /// grid) in the order of the recording, its segments and how long it took in the
    /// recording (overlapping turns counted once). Empty without a transcript.
    pub fn transcript_coverage(&self) -> Vec<Covered> {
        let mut heard: Vec<(&Segment, Duration)> = self
            .segments
            .iter()
            .filter(|s| self.in_transcript(s.id))
            .filter_map(|s| Some((s, s.recording?.start)))
            .collect();
        heard.sort_by_key(|h| h.1);
        let mut out: Vec<Covered> = Vec::new();
        let mut spans: Vec<(usize, Duration, Duration)> = Vec::new();
        for (i, (segment, start)) in heard.iter().enumerate() {
            let next = heard.get(i + 1).map(|h| h.1);
            let end = segment
                .recording
                .and_then(|r| r.end)
                .or(next)
                .unwrap_or(*start)
                .max(*start);
            let at = match out.iter().position(|c| c.question == segment.question) {
                Some(at) => at,
                None => {
                    out.push(Covered {
                        question: segment.question,
                        segments: 0,
                        words: 0,
                        recorded: Duration::ZERO,
                    });
                    out.len() - 1
                }
            };
            out[at].segments += 1;
            out[at].words += segment.text.split_whitespace().count();
            spans.push((at, *start, end));
        }
        for (at, covered) in out.iter_mut().enumerate() {
            let mine = spans.iter().filter(|s| s.0 == at).map(|s| (s.1, s.2));
            covered.recorded = union_length(mine);
        }
        out
    }

    /// The latest moment a live note of the session was typed at between `from` and `to`
    /// (its start or end), if any: where a visit left open by a crash ends.
    pub(super) fn last_note_between(&self, from: Time, to: Time) -> Option<Time> {
        self.live_segments()
            .flat_map(|s| [s.start, s.end])
            .flatten()
            .filter(|t| *t >= from && *t <= to)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Respondent, Speaker};

    fn at(minute: i64) -> Time {
        Time::parse_from_rfc3339("2021-04-12T10:00:00+02:00").unwrap()
            + chrono::Duration::minutes(minute)
    }

    fn note(q: QuestionId, start: i64, end: i64) -> Segment {
        Segment {
            id: SegmentId::new(),
            question: Some(q),
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: Some(at(start)),
            end: Some(at(end)),
            recording: None,
            text: "x".into(),
        }
    }

    #[test]
    fn visits_of_an_older_session_are_the_runs_of_its_notes() {
        let (a, b) = (QuestionId::new(), QuestionId::new());
        let mut s = Session::new("C".into(), Respondent::default());
        s.segments = vec![
            note(a, 0, 1),
            note(a, 2, 3),
            note(b, 5, 6),
            // An hour later: the interview was resumed another time.
            note(b, 70, 71),
            note(a, 72, 74),
        ];
        let visits = s.question_visits();
        let got: Vec<(QuestionId, Time, Option<Time>, u32)> = visits
            .iter()
            .map(|v| (v.question, v.entered, v.left, v.sitting))
            .collect();
        assert_eq!(
            got,
            vec![
                (a, at(0), Some(at(5)), 1),
                (b, at(5), Some(at(6)), 1),
                (b, at(70), Some(at(72)), 2),
                (a, at(72), Some(at(74)), 2),
            ]
        );
    }

    #[test]
    fn a_session_with_a_transcript_counts_only_the_transcript() {
        let q = QuestionId::new();
        let mut s = Session::new("C".into(), Respondent::default());
        s.segments = vec![note(q, 0, 1), note(q, 0, 1)];
        let (live, heard) = (s.segments[0].id, s.segments[1].id);
        assert!(s.counts(live) && s.counts(heard));
        s.transcript = Some(TranscriptLayer {
            source: "r.vtt".into(),
            imported: at(100),
            by: "A".into(),
            recording_start: at(0),
            aligned: Aligned::Given,
            segments: [heard].into(),
            proposals: Vec::new(),
            decisions: Vec::new(),
        });
        assert!(!s.counts(live) && s.counts(heard));
        assert_eq!(s.counted_segments().count(), 1);
        assert_eq!(s.live_segments().next().unwrap().id, live);
    }

    #[test]
    fn a_session_says_whether_it_holds_notes_a_transcript_or_both() {
        let q = QuestionId::new();
        let mut s = Session::new("C".into(), Respondent::default());
        assert_eq!(s.layers(), Layers::Notes, "nothing typed yet");
        s.segments = vec![note(q, 0, 1), note(q, 0, 1)];
        assert_eq!(s.layers(), Layers::Notes);
        let heard = s.segments[1].id;
        s.transcript = Some(TranscriptLayer {
            source: "r.vtt".into(),
            imported: at(100),
            by: "A".into(),
            recording_start: at(0),
            aligned: Aligned::Given,
            segments: [heard].into(),
            proposals: Vec::new(),
            decisions: Vec::new(),
        });
        assert_eq!(s.layers(), Layers::NotesAndTranscript);
        // The live note deleted: the transcript alone.
        s.segments.remove(0);
        assert_eq!(s.layers(), Layers::Transcript);
        // A transcript imported as a session of its own.
        let mut imported = Session::new("C".into(), Respondent::default());
        imported.source = Some("R03.docx".into());
        imported.segments = vec![note(q, 0, 1)];
        assert_eq!(imported.layers(), Layers::Transcript);
        imported.kind = crate::study::SessionKind::Questionnaire;
        assert_eq!(imported.layers(), Layers::Answers);
    }
}
