//! Subtitles from automatic transcription (Whisper, WhisperX, tools' exports): `.srt` and
//! `.vtt`. Each cue becomes a segment with its start and end; its lines are joined with a space
//! (subtitle lines are broken for the screen, not by the speaker).
//!
//! Parsing is fasrt's (SRT as FFmpeg/VLC read it, WebVTT per the W3C spec): cue settings,
//! NOTE, STYLE and REGION blocks are set aside by it, markup removed, entities decoded. What is
//! ours is turning cues into turns: the speaker from a VTT voice tag (`<v Mme B.>`) or from a
//! label at the start of the cue (`[SPEAKER_00]: …`, `ENQ : …`), and empty cues skipped.

use std::time::Duration;

use fasrt::srt;
use fasrt::vtt::cue::{CueText, Node, Tag};
use fasrt::vtt::{self, Block};

use super::conventions::Speakers;
use super::cue_times::{self, Dialect, Malformed};
use super::defect::Defect;
use super::{Transcript, Turn};

/// A cue as read: times from the start of the recording, the voice if tagged, the text.
struct Cue {
    start: Duration,
    end: Duration,
    /// (voice, text) runs: a VTT cue may hold several voices.
    runs: Vec<(Option<String>, String)>,
}

pub fn parse_srt(text: &str, known: &[&str]) -> Result<Transcript, Malformed> {
    cue_times::check(text, Dialect::Srt)?;
    let text = &comma_times(text);
    // Strict, so that a damaged block is reported rather than skipped (its words would be
    // lost), but tolerant of index numbers missing or out of order, which lose nothing.
    let options = srt::Options::strict()
        .with_allow_missing_index(true)
        .with_monotonic_index(false);
    let mut cues = Vec::new();
    let mut read_up_to = 0;
    for entry in srt::Parser::with_options(text, options) {
        let entry = entry.map_err(|e| malformed(text, read_up_to, e.to_string()))?;
        let body: &str = entry.body_ref();
        if let Some(line) = body.lines().find(|l| is_timing_line(l)) {
            // A blank line missing between two cues: the next cue would become text.
            return Err(Malformed {
                line: line_of(text, end_of(text, line, read_up_to)),
                defect: Defect::MissingBlankLine,
            });
        }
        read_up_to = end_of(text, body, read_up_to);
        let header = entry.header_ref();
        cues.push(Cue {
            start: header.start().to_duration(),
            end: header.end().to_duration(),
            runs: vec![(
                None,
                join_lines(srt::text::PlainText::new(body).normalize()),
            )],
        });
    }
    Ok(turns(cues, known))
}

pub fn parse_vtt(text: &str, known: &[&str]) -> Result<Transcript, Malformed> {
    cue_times::check(text, Dialect::Vtt)?;
    let mut cues = Vec::new();
    let mut read_up_to = 0;
    for block in vtt::Parser::new(text) {
        let block = block.map_err(|e| malformed(text, read_up_to, e.to_string()))?;
        let Block::Cue(cue) = block else {
            continue; // NOTE, STYLE, REGION: not what was said
        };
        let body: &str = cue.body_ref();
        read_up_to = end_of(text, body, read_up_to);
        let header = cue.header_ref();
        cues.push(Cue {
            start: header.start().to_duration(),
            end: header.end().to_duration(),
            runs: voice_runs(body),
        });
    }
    Ok(turns(cues, known))
}

/// The text of a VTT cue split where its voice changes: `<v ENQ>Question ?</v> Réponse`.
fn voice_runs(body: &str) -> Vec<(Option<String>, String)> {
    let body = escape_unknown_tags(body);
    let mut runs: Vec<(Option<String>, String)> = vec![(None, String::new())];
    for node in CueText::parse(&body).children_slice() {
        match node {
            Node::Tag(tag) if tag.tag() == Tag::Voice => {
                // `<v //S02>`: noScribe marks overlapping speech in the voice's name.
                let voice = tag.annotation().map(|a| {
                    a.normalize()
                        .trim()
                        .trim_start_matches("//")
                        .trim()
                        .to_owned()
                });
                let mut text = String::new();
                collect_text(tag.children(), &mut text);
                runs.push((voice.filter(|v| !v.is_empty()), text));
                // Text after `</v>` is no longer the voice's.
                runs.push((None, String::new()));
            }
            other => {
                if let Some((_, text)) = runs.last_mut() {
                    collect_text(std::slice::from_ref(other), text);
                }
            }
        }
    }
    runs.into_iter()
        .map(|(voice, text)| (voice, join_lines(&text)))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// `<yeah>`, `<laughs>`: transcription conventions that look like tags but are not WebVTT's,
/// so a WebVTT parser would drop them with their words. They are escaped to stay text.
fn escape_unknown_tags(body: &str) -> std::borrow::Cow<'_, str> {
    const TAGS: [&str; 8] = ["c", "i", "b", "u", "v", "lang", "ruby", "rt"];
    let is_known = |tag: &str| {
        let name = tag.trim_start_matches('/');
        let name: String = name
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        TAGS.contains(&name.as_str()) || tag.starts_with(|c: char| c.is_ascii_digit())
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut changed = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open + 1..];
        match tail.find('>') {
            Some(close) if is_known(&tail[..close]) => out.push('<'),
            _ => {
                out.push_str("&lt;");
                changed = true;
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    if changed { out.into() } else { body.into() }
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text.normalize()),
            Node::Tag(tag) => collect_text(tag.children(), out),
            Node::Timestamp(_) => {} // karaoke timing inside a cue: not text
        }
    }
}

/// Cue lines joined with a space, blank lines and surrounding spaces dropped.
fn join_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Turns from cues: the speaker from the voice tag, else from a label starting the cue (when
/// the file uses it as the text reader would), else none. Empty cues are skipped.
fn turns(cues: Vec<Cue>, known: &[&str]) -> Transcript {
    let speakers = Speakers::find(
        cues.iter().flat_map(|c| {
            c.runs
                .iter()
                .filter(|r| r.0.is_none())
                .map(|r| r.1.as_str())
        }),
        known,
    );
    let mut turns = Vec::new();
    for cue in &cues {
        for (voice, text) in &cue.runs {
            let (label, text) = match (voice, speakers.split(text)) {
                (Some(voice), _) => (Some(voice.clone()), text.as_str()),
                (None, Some((label, rest))) => (Some(label.to_owned()), rest),
                (None, None) => (None, text.as_str()),
            };
            // noScribe closes an overlap with `//` at the start of the next run.
            let text = text.trim().trim_start_matches("//").trim();
            if text.is_empty() {
                continue;
            }
            turns.push(Turn {
                label,
                start: Some(cue.start),
                end: Some(cue.end),
                text: text.to_owned(),
            });
        }
    }
    Transcript {
        turns,
        ..Transcript::default()
    }
}

/// `00:00:01.000 --> …`: SRT writes a comma before the milliseconds, some converters a dot.
/// Timing lines are given commas so that such files read; the text is not touched.
fn comma_times(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.lines().any(|l| is_timing_line(l) && l.contains('.')) {
        return text.into();
    }
    let mut fixed: String = text
        .lines()
        .map(|l| {
            if is_timing_line(l) {
                l.replace('.', ",")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    if text.ends_with('\n') {
        fixed.push('\n');
    }
    fixed.into()
}

/// `00:00:01,000 --> 00:00:04,000` (or with dots): digits and separators around an arrow.
fn is_timing_line(line: &str) -> bool {
    line.contains("-->")
        && line
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | ',' | '.' | '-' | '>' | ' ' | '\t'))
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Byte offset just past `part` if it is a slice of `text` (an empty body may not be: then
/// `before`, the last offset known).
fn end_of(text: &str, part: &str, before: usize) -> usize {
    let (start, at) = (text.as_ptr() as usize, part.as_ptr() as usize);
    if at >= start && at + part.len() <= start + text.len() {
        at - start + part.len()
    } else {
        before
    }
}

/// The error at the first non-blank line after what was read well.
fn malformed(text: &str, read_up_to: usize, message: String) -> Malformed {
    let rest = &text[read_up_to..];
    let skipped = rest.len() - rest.trim_start().len();
    let at = read_up_to + skipped;
    Malformed {
        line: line_of(text, at),
        defect: Defect::Syntax(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Option<Duration> {
        Some(Duration::from_millis(n))
    }

    #[test]
    fn srt_cues_with_markup_an_empty_cue_and_labels() {
        let text = "1\n00:00:01,000 --> 00:00:04,500\n<i>ENQ :</i> Vous travaillez\noù ?\n\n\
                    2\n00:00:05,000 --> 00:00:06,000\n\n\
                    3\n00:01:02,250 --> 00:01:09,000\nÀ l'hôtel social.\n";
        let turns = parse_srt(text, &[]).unwrap().turns;
        assert_eq!(turns.len(), 2, "{turns:?}");
        assert_eq!(turns[0].label.as_deref(), Some("ENQ"));
        assert_eq!(turns[0].text, "Vous travaillez où ?");
        assert_eq!((turns[0].start, turns[0].end), (ms(1000), ms(4500)));
        // 00:01:02,250 = 62 250 ms
        assert_eq!(turns[1].label, None);
        assert_eq!((turns[1].start, turns[1].end), (ms(62_250), ms(69_000)));
        assert_eq!(turns[1].text, "À l'hôtel social.");
    }

    #[test]
    fn a_damaged_srt_block_is_reported_at_its_line() {
        // Lines: 1 "1", 2 timing, 3 text, 4 blank, 5 "2", 6 "pas une ligne de temps".
        let text = "1\n00:00:01,000 --> 00:00:02,000\nBonjour.\n\n2\npas une ligne de temps\n";
        let err = parse_srt(text, &[]).unwrap_err();
        assert_eq!(err.line, 5, "{err:?}");
    }

    #[test]
    fn vtt_voices_settings_notes_and_styles() {
        let text = "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nNOTE transcrit par Whisper\n\n\
                    00:00.500 --> 00:03.000 align:start position:10%\n<v ENQ>Bonjour, merci d'être là.\n\n\
                    intro-2\n00:00:03.000 --> 00:00:07.000\n<v.loud Mme B.>Merci &amp; bonjour.</v>\n\n\
                    00:00:07.000 --> 00:00:09.000\n<v ENQ>Alors ?</v> <v Mme B.>Eh bien…</v>\n";
        let turns = parse_vtt(text, &[]).unwrap().turns;
        let got: Vec<_> = turns
            .iter()
            .map(|t| (t.label.as_deref(), t.start, t.end, t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("ENQ"), ms(500), ms(3000), "Bonjour, merci d'être là."),
                (Some("Mme B."), ms(3000), ms(7000), "Merci & bonjour."),
                (Some("ENQ"), ms(7000), ms(9000), "Alors ?"),
                (Some("Mme B."), ms(7000), ms(9000), "Eh bien…"),
            ]
        );
    }

    #[test]
    fn srt_times_with_dots_read_and_a_missing_blank_line_is_reported() {
        let text = "1\n00:00:01.000 --> 00:00:02.500\nBonjour.\n";
        let turns = parse_srt(text, &[]).unwrap().turns;
        assert_eq!((turns[0].start, turns[0].end), (ms(1000), ms(2500)));
        assert_eq!(turns[0].text, "Bonjour.");
        // Line 4 "2" and line 5, the timing line, follow the text without a blank line.
        let text =
            "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n2\n00:00:03,000 --> 00:00:04,000\nSuite";
        let err = parse_srt(text, &[]).unwrap_err();
        assert_eq!(err.line, 5, "{err:?}");
        assert_eq!(err.defect, Defect::MissingBlankLine);
    }

    #[test]
    fn a_vtt_without_its_signature_is_reported() {
        let err = parse_vtt("00:00.000 --> 00:01.000\nBonjour\n", &[]).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.defect.to_string().contains("WEBVTT"), "{err:?}");
    }

    #[test]
    fn damaged_cue_times_are_refused_not_dropped() {
        // Cue 2's start has 61 minutes (line 6): with the W3C algorithm it would be skipped.
        let text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n\n00:61:00.000 --> 00:62:00.000\nPerdu\n";
        let err = parse_vtt(text, &[]).unwrap_err();
        assert_eq!(err.line, 6);
        assert!(
            matches!(err.defect, Defect::BadCueTime { cue: 2, .. }),
            "{err:?}"
        );
        // SRT: a letter in the seconds (line 6), not "index number cannot be zero".
        let text = "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n\n2\n00:00:0x,000 --> 00:00:05,000\nPerdu\n";
        let err = parse_srt(text, &[]).unwrap_err();
        assert_eq!(err.line, 6);
        assert_eq!(
            err.defect,
            Defect::BadCueTime {
                cue: 2,
                found: "00:00:0x,000".into()
            }
        );
    }
}
