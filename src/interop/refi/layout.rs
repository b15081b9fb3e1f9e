//! A session as a source's plain text, and a source's text as segments.
//!
//! grille writes one segment per line, each led by what a reader of the text needs to follow
//! the interview: `[00:01:15] Mme B. : texte` (the time from the start of the session, the
//! speaker). Read back, each non-empty line becomes a segment; a leading time and a speaker
//! label, as the transcript reader recognises them, become the segment's time and speaker
//! rather than its text.
//!
//! Positions in the source count its chars as written; a segment's text is normalised (NFC,
//! `\n`). [`SegmentText`] maps one to the other at grapheme boundaries, so that a coding never
//! splits a character.

use std::time::Duration;

use unicode_segmentation::UnicodeSegmentation;

use crate::interop::import::conventions::{Speakers, leading_time, parse_label, split_label};
use crate::study::text::{self, fold};
use crate::study::{Segment, SegmentId, Session, Speaker};

/// How the speaker of a segment without a label is written.
pub struct Marks<'a> {
    pub interviewer: &'a str,
    pub respondent: &'a str,
}

/// A session's transcript as the text of a source.
pub struct Written {
    pub text: String,
    /// Each segment's text as chars `[start, end)` of `text`.
    pub spans: Vec<(SegmentId, usize, usize)>,
}

/// The source text of a session: a line per segment, led by its time and speaker.
pub fn write(session: &Session, marks: &Marks) -> Written {
    let base = session.date();
    let mut text = String::new();
    let mut at = 0;
    let mut spans = Vec::with_capacity(session.segments.len());
    for seg in &session.segments {
        let mut line = String::new();
        let since = seg
            .start
            .zip(base)
            .and_then(|(t, b)| u64::try_from((t - b).num_seconds()).ok())
            .or(seg.recording.map(|r| r.start.as_secs()));
        if let Some(offset) = since.map(clock) {
            line.push_str(&offset);
            line.push(' ');
        }
        line.push_str(&speaker_name(session, seg, marks));
        line.push_str(" : ");
        let start = at + line.chars().count();
        let end = start + seg.text.chars().count();
        line.push_str(&seg.text);
        line.push('\n');
        at += line.chars().count();
        text.push_str(&line);
        spans.push((seg.id, start, end));
    }
    Written { text, spans }
}

fn speaker_name(session: &Session, seg: &Segment, marks: &Marks) -> String {
    // A label is one line: a line break in it would start a new segment when read back.
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match (&seg.speaker_label, seg.speaker) {
        (Some(label), _) if !label.trim().is_empty() => clean(label),
        (_, Speaker::Interviewer) => marks.interviewer.to_owned(),
        (_, Speaker::Respondent) if !session.respondent.pseudonym.trim().is_empty() => {
            clean(&session.respondent.pseudonym)
        }
        (_, Speaker::Respondent) => marks.respondent.to_owned(),
    }
}

/// `[01:02:03]`: a time since the start of the session.
fn clock(secs: u64) -> String {
    format!(
        "[{:02}:{:02}:{:02}]",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A part of a source's text that becomes a segment: chars `[start, end)`, who speaks, when.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub start: usize,
    pub end: usize,
    pub speaker: Speaker,
    pub label: Option<String>,
    /// From the start of the session.
    pub time: Option<Duration>,
}

/// The segments of a source's text read line by line: non-empty lines, less a leading time and
/// a speaker label. `interviewer` names the interviewer and `respondent` the respondent (their
/// pseudonym), both recognised as labels; the respondent's is not kept (it says no more than
/// the role).
pub fn regions(chars: &[char], interviewer: &str, respondent: &str) -> Vec<Region> {
    let lines = lines(chars);
    let texts: Vec<String> = lines
        .iter()
        .map(|(a, b)| chars[*a..*b].iter().collect())
        .collect();
    let known: Vec<&str> = [interviewer, respondent]
        .into_iter()
        .filter(|n| !n.trim().is_empty())
        .collect();
    let speakers = Speakers::find(
        texts
            .iter()
            .map(|l| leading_time(l.trim()).map_or(l.trim(), |(_, rest)| rest)),
        &known,
    );
    let mut out = Vec::new();
    let mut speaker = (Speaker::Respondent, None);
    for ((start, _), line) in lines.iter().zip(&texts) {
        let (time, rest) = match leading_time(line.trim_start()) {
            Some((time, rest)) => (Some(time), rest),
            None => (None, line.as_str()),
        };
        let rest = rest.trim_start();
        let body = match split_label(rest) {
            Some((label, body)) if !respondent.is_empty() && fold(label) == fold(respondent) => {
                speaker = (Speaker::Respondent, None);
                body
            }
            _ => match speakers.split(rest) {
                Some((label, body)) => {
                    speaker = speaker_of(label, interviewer);
                    body
                }
                None => rest,
            },
        };
        let body = body.trim();
        if body.is_empty() {
            continue;
        }
        // `body` is a slice of `line`: its place there gives its place in the source.
        let from = line[..(body.as_ptr() as usize - line.as_ptr() as usize)]
            .chars()
            .count();
        let len = body.chars().count();
        out.push(Region {
            start: start + from,
            end: start + from + len,
            speaker: speaker.0,
            label: speaker.1.clone(),
            time,
        });
    }
    out
}

/// Who a label designates: the interviewer for an interviewer mark (`ENQ`, `Camille (ENQ)`)
/// or the interviewer's name; anyone else is the respondent, the label keeping the name.
fn speaker_of(label: &str, interviewer: &str) -> (Speaker, Option<String>) {
    let (name, mark) = parse_label(label);
    if mark {
        (Speaker::Interviewer, name)
    } else if !interviewer.trim().is_empty() && fold(label) == fold(interviewer) {
        (Speaker::Interviewer, Some(label.to_owned()))
    } else {
        (Speaker::Respondent, Some(label.to_owned()))
    }
}

/// The lines of a text as char ranges, without their line endings (LF, CR LF or CR).
fn lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\n' => {
                out.push((start, i));
                start = i + 1;
            }
            '\r' => {
                out.push((start, i));
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

/// A segment's text made from chars of a source, with the way back from source offsets.
pub struct SegmentText {
    pub text: String,
    /// At each grapheme boundary: (offset in the source chars, offset in `text`), both relative
    /// to the start of the region.
    bounds: Vec<(usize, usize)>,
}

impl SegmentText {
    pub fn new(raw: &[char]) -> Self {
        let raw: String = raw.iter().collect();
        let mut text = String::with_capacity(raw.len());
        let mut bounds = vec![(0, 0)];
        let (mut r, mut n) = (0, 0);
        for g in raw.graphemes(true) {
            let normal = text::normalize(g);
            r += g.chars().count();
            n += normal.chars().count();
            text.push_str(&normal);
            bounds.push((r, n));
        }
        SegmentText { text, bounds }
    }

    /// The span of the text that source chars `[start, end)` (relative to the region) cover,
    /// widened to whole characters; `None` if it covers nothing.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.bounds.partition_point(|(r, _)| *r <= start).max(1) - 1;
        let last = self
            .bounds
            .partition_point(|(r, _)| *r < end)
            .min(self.bounds.len() - 1);
        let (a, b) = (self.bounds[first].1, self.bounds[last].1);
        (a < b).then_some((a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Respondent, Time};
    use chrono::DateTime;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn at(s: &str) -> Time {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn segment(speaker: Speaker, label: Option<&str>, start: Option<Time>, text: &str) -> Segment {
        Segment {
            id: SegmentId::new(),
            question: None,
            speaker,
            speaker_label: label.map(str::to_owned),
            start,
            end: None,
            recording: None,
            text: text.into(),
        }
    }

    #[test]
    fn a_session_is_written_a_line_per_segment_and_read_back() {
        let mut s = Session::new(
            "Camille".into(),
            Respondent {
                pseudonym: "Mme B.".into(),
                ..Respondent::default()
            },
        );
        s.started = Some(at("2021-04-12T10:00:00+02:00"));
        s.segments = vec![
            segment(
                Speaker::Interviewer,
                None,
                Some(at("2021-04-12T10:01:15+02:00")),
                "Vous êtes à l'hôtel ?",
            ),
            segment(Speaker::Respondent, None, None, "Oui 😀, à Clermont."),
        ];
        let marks = Marks {
            interviewer: "ENQ",
            respondent: "REP",
        };
        let w = write(&s, &marks);
        assert_eq!(
            w.text,
            "[00:01:15] ENQ : Vous êtes à l'hôtel ?\nMme B. : Oui 😀, à Clermont.\n"
        );
        let c = chars(&w.text);
        let (_, a, b) = w.spans[1];
        assert_eq!(c[a..b].iter().collect::<String>(), "Oui 😀, à Clermont.");
        let regions = regions(&c, "Camille", "Mme B.");
        assert_eq!(regions.len(), 2);
        assert_eq!(
            (regions[0].start, regions[0].end),
            (w.spans[0].1, w.spans[0].2)
        );
        assert_eq!(regions[0].speaker, Speaker::Interviewer);
        assert_eq!(regions[0].time, Some(Duration::from_secs(75)));
        assert_eq!((regions[1].start, regions[1].end), (a, b));
        assert_eq!(regions[1].speaker, Speaker::Respondent);
        assert_eq!(
            regions[1].label, None,
            "the respondent's pseudonym is the role"
        );
    }

    #[test]
    fn foreign_text_a_segment_per_non_empty_line() {
        let c = chars("\u{feff}Premier paragraphe.\r\n\r\n  Second, avec espaces.  \rFin");
        let r = regions(&c[1..], "", "");
        let texts: Vec<String> = r
            .iter()
            .map(|r| c[1..][r.start..r.end].iter().collect())
            .collect();
        assert_eq!(
            texts,
            ["Premier paragraphe.", "Second, avec espaces.", "Fin"]
        );
    }

    #[test]
    fn segment_text_is_normalised_and_offsets_follow() {
        // "e" + combining acute (2 chars) becomes "é" (1 char); CR LF becomes LF.
        let raw = chars("cafe\u{301} noir\r\nbis");
        let st = SegmentText::new(&raw);
        assert_eq!(st.text, "café noir\nbis");
        assert_eq!(st.span(0, 5), Some((0, 4)), "café, accent included");
        assert_eq!(
            st.span(0, 4),
            Some((0, 4)),
            "an end inside é widens to the whole letter"
        );
        assert_eq!(st.span(6, 10), Some((5, 9)), "noir");
        assert_eq!(st.span(12, 15), Some((10, 13)), "bis, after the CR LF");
        assert_eq!(st.span(3, 3), None);
    }
}
