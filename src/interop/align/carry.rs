//! A corrected transcript replacing the previous one: every coding, situation excerpt and memo
//! on the previous layer follows its words into the new one when they are still there, as a
//! text correction keeps the codings whose words it did not touch.

use std::time::Duration;

use crate::study::{Coding, Excerpt, Linked, Moved, Segment, SegmentId, Session, text, validate};

/// What moves from the previous layer onto the new segments, and how many codings do not.
#[derive(Debug, Default)]
pub struct Carried {
    pub codings: Vec<Coding>,
    pub excerpts: Vec<Linked>,
    pub memos: Vec<Moved>,
    pub lost_codings: usize,
    pub lost_excerpts: usize,
}

pub fn carry(session: &Session, new: &[Segment]) -> Carried {
    let mut out = Carried::default();
    let Some(layer) = &session.transcript else {
        return out;
    };
    let old = |id: SegmentId| session.segment(id).filter(|_| layer.has(id));
    for coding in &session.codings {
        let Some(segment) = old(coding.segment) else {
            continue;
        };
        match locate(segment, coding.start, coding.end, new) {
            Some((to, start, end)) => out.codings.push(Coding {
                segment: to,
                start,
                end,
                ..coding.clone()
            }),
            None => out.lost_codings += 1,
        }
    }
    for situation in &session.situations {
        for e in &situation.excerpts {
            let Some(segment) = old(e.segment) else {
                continue;
            };
            match locate(segment, e.start, e.end, new) {
                Some((to, start, end)) => out.excerpts.push(Linked {
                    situation: situation.id,
                    excerpt: Excerpt {
                        segment: to,
                        start,
                        end,
                    },
                }),
                None => out.lost_excerpts += 1,
            }
        }
    }
    for memo in &session.memos {
        let Some(segment) = memo.segment.and_then(old) else {
            continue;
        };
        let len = text::char_len(&segment.text);
        let to = locate(segment, 0, len, new)
            .map(|l| l.0)
            .or_else(|| nearest(segment, new));
        if let Some(to) = to {
            out.memos.push(Moved {
                memo: memo.id,
                segment: to,
            });
        }
    }
    out
}

/// A span of a segment's text: the segment and the chars `[start, end)`.
type Span = (SegmentId, usize, usize);

/// Where the words `[start, end)` of `old` are in the new segments: the occurrence said
/// closest to the old one's place in the recording, then in its segment.
fn locate(old: &Segment, start: usize, end: usize, new: &[Segment]) -> Option<Span> {
    let words = text::slice(&old.text, start, end)?;
    if words.trim().is_empty() {
        return None;
    }
    let when = place(old);
    let mut best: Option<((Duration, usize), Span)> = None;
    for segment in new {
        let gap = match (when, place(segment)) {
            (Some(a), Some(b)) => a.abs_diff(b),
            _ => Duration::ZERO,
        };
        for (byte, _) in segment.text.match_indices(words) {
            let at = segment.text[..byte].chars().count();
            let to = at + text::char_len(words);
            if validate::check_span(&segment.text, at, to).is_err() {
                continue;
            }
            let key = (gap, at.abs_diff(start));
            if best.as_ref().is_none_or(|b| key < b.0) {
                best = Some((key, (segment.id, at, to)));
            }
        }
    }
    best.map(|b| b.1)
}

/// A segment's place in the recording.
fn place(segment: &Segment) -> Option<Duration> {
    segment.recording.map(|r| r.start)
}

/// The new segment said closest to the old one (a memo whose passage was rewritten).
fn nearest(old: &Segment, new: &[Segment]) -> Option<SegmentId> {
    let when = place(old)?;
    new.iter()
        .filter_map(|s| Some((s.id, place(s)?.abs_diff(when))))
        .min_by_key(|s| s.1)
        .map(|s| s.0)
}
