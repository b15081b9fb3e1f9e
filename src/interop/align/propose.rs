//! Live codings proposed on the transcript: a code applied on the spot to a note goes, as a
//! proposal a person accepts, moves or rejects, to the passage said around the note's moment
//! whose words best match the coded words of the note.

use chrono::TimeDelta;

use super::words::{Weights, Words, sentences};
use crate::study::{Coding, CodingId, Proposal, Segment, Session, Time, text};

/// How far before a note what it paraphrases may have been said (a note typed after a long
/// answer), and how far after (a note typed as the answer begins).
const BEFORE: TimeDelta = TimeDelta::seconds(180);
const AFTER: TimeDelta = TimeDelta::seconds(60);

/// The proposals for the live codings of `session` (those not decided on before) onto the
/// transcript `heard`, whose segments carry their moments on the interview's clock.
pub fn proposals(
    session: &Session,
    heard: &[Segment],
    decided: &[CodingId],
    words: &mut Words,
    weights: &Weights,
) -> Vec<Proposal> {
    let mut out = Vec::new();
    for coding in session.codings.iter().filter(|c| !decided.contains(&c.id)) {
        let Some(note) = session.segment(coding.segment) else {
            continue;
        };
        if session.in_transcript(note.id) {
            continue;
        }
        if let Some(p) = propose(coding, note, heard, words, weights) {
            out.push(p);
        }
    }
    out
}

/// The best passage for one live coding: a sentence, or two that follow each other, of a
/// transcript segment said around the note; when none shares its words, the segment said
/// closest to the note's moment (score 0) for the analyst to move.
fn propose(
    coding: &Coding,
    note: &Segment,
    heard: &[Segment],
    words: &mut Words,
    weights: &Weights,
) -> Option<Proposal> {
    let from = note.start?;
    let to = note.end.unwrap_or(from).max(from);
    let coded = text::slice(&note.text, coding.start, coding.end).unwrap_or(&note.text);
    let mut wanted = words.bag(coded);
    if weights.total(&wanted) <= 0.0 {
        wanted = words.bag(&note.text);
    }
    let near: Vec<(&Segment, Time)> = heard
        .iter()
        .filter_map(|s| Some((s, s.start?)))
        .filter(|(_, at)| *at >= from - BEFORE && *at <= to + AFTER)
        .collect();
    // (score, distance in seconds, segment, span): the best has the highest score, then is
    // the closest to the note.
    let mut best: Option<(f64, i64, &Segment, (usize, usize))> = None;
    for (segment, at) in &near {
        let distance = (*at - from).num_seconds().abs();
        let parts = sentences(&segment.text);
        let spans = parts
            .iter()
            .map(|p| (p.0, p.1))
            .chain(parts.windows(2).map(|w| (w[0].0, w[1].1)));
        for (start, end) in spans {
            let Some(passage) = text::slice(&segment.text, start, end) else {
                continue;
            };
            let score = weights.coverage(&wanted, &words.bag(passage));
            let better = best.as_ref().is_none_or(|b| {
                // A pair of sentences must say more than its better half to be preferred.
                score > b.0 + 1e-9 || (score >= b.0 - 1e-9 && distance < b.1)
            });
            if better {
                best = Some((score, distance, segment, (start, end)));
            }
        }
    }
    let (score, _, segment, (start, end)) = match best {
        Some(b) if b.0 > 0.0 => b,
        _ => {
            let (segment, at) = near
                .iter()
                .min_by_key(|(_, at)| (*at - from).num_seconds().abs())?;
            let len = text::char_len(&segment.text);
            if len == 0 {
                return None;
            }
            (0.0, (*at - from).num_seconds(), *segment, (0, len))
        }
    };
    Some(Proposal {
        from: coding.id,
        segment: segment.id,
        start,
        end,
        score: (score * 100.0).round().clamp(0.0, 100.0) as u8,
    })
}
