//! Whisper's outputs: the JSON (`segments` with `start`, `end`, `text`, and a `speaker` when
//! diarized by whisper-ctranslate2 or WhisperX, possibly only on the words) and the TSV
//! (`start`, `end`, `text` columns, times in milliseconds). A segment's end before its start (a glitch of
//! word alignment) is dropped, its start kept. Its `.srt`, `.vtt` and `.txt` go through the
//! subtitle and text readers.

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;

use crate::interop::import::defect::Defect;
use crate::interop::import::{Transcript, Turn};

#[derive(Deserialize)]
struct File {
    segments: Vec<Segment>,
}

#[derive(Deserialize)]
struct Segment {
    start: Option<f64>,
    end: Option<f64>,
    #[serde(default)]
    text: String,
    speaker: Option<String>,
    #[serde(default)]
    words: Option<Vec<Word>>,
}

#[derive(Deserialize)]
struct Word {
    speaker: Option<String>,
}

/// A file that is not what it should be, at a line when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bad {
    pub line: Option<usize>,
    pub defect: Defect,
}

fn seconds(s: Option<f64>) -> Option<Duration> {
    super::seconds(s?)
}

pub fn parse_json(text: &str) -> Result<Transcript, Bad> {
    let file: File = serde_json::from_str(text).map_err(|e| Bad {
        line: Some(e.line()),
        defect: Defect::Syntax(e.to_string()),
    })?;
    let turns = file
        .segments
        .into_iter()
        .map(|seg| {
            // WhisperX may leave the segment without a speaker but its words with one: the
            // speaker of most of its words.
            let label = seg.speaker.or_else(|| {
                let mut counts: HashMap<String, usize> = HashMap::new();
                for w in seg.words.iter().flatten() {
                    if let Some(s) = &w.speaker {
                        *counts.entry(s.clone()).or_default() += 1;
                    }
                }
                counts
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(s, _)| s)
            });
            let (start, end) = (seconds(seg.start), seconds(seg.end));
            Turn {
                label,
                start,
                // Word alignment sometimes ends a segment a little before it starts (WhisperX):
                // its start stands, its end is dropped rather than the file refused.
                end: end.filter(|end| start.is_none_or(|start| *end >= start)),
                text: seg.text.trim().to_owned(),
            }
        })
        .filter(|t| !t.text.is_empty())
        .collect();
    Ok(Transcript {
        turns,
        ..Transcript::default()
    })
}

pub fn parse_tsv(text: &str) -> Result<Transcript, Bad> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(csv_bad)?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(start), Some(end), Some(words)) = (column("start"), column("end"), column("text"))
    else {
        return Err(Bad {
            line: Some(1),
            defect: Defect::Missing("the header \"start\tend\ttext\"".into()),
        });
    };
    let mut turns = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_bad)?;
        let line = record.position().map(|p| p.line() as usize);
        let millis = |i: usize| -> Result<Duration, Bad> {
            let cell = record.get(i).unwrap_or("").trim();
            cell.parse::<u64>()
                .map(Duration::from_millis)
                .map_err(|_| Bad {
                    line,
                    defect: Defect::Syntax(format!("\"{cell}\" is not a time in milliseconds")),
                })
        };
        let text = record.get(words).unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        turns.push(Turn {
            label: None,
            start: Some(millis(start)?),
            end: Some(millis(end)?),
            text: text.to_owned(),
        });
    }
    Ok(Transcript {
        turns,
        ..Transcript::default()
    })
}

fn csv_bad(e: csv::Error) -> Bad {
    Bad {
        line: e.position().map(|p| p.line() as usize),
        defect: Defect::Syntax(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_speakers_on_the_segment_or_its_words() {
        let json = r#"{"segments": [
            {"start": 0.0, "end": 2.5, "text": " Bonjour ?", "speaker": "SPEAKER_01"},
            {"start": 2.5, "end": 4.0, "text": " Oui.", "words": [
                {"word": "Oui.", "speaker": "SPEAKER_00"}]},
            {"start": 4.0, "end": 5.0, "text": " "},
            {"start": 4.5, "end": 4.48, "text": "25."},
            {"start": 5.0, "end": 6.25, "text": "Fin."}]}"#;
        let t = parse_json(json).unwrap();
        let got: Vec<_> = t
            .turns
            .iter()
            .map(|t| (t.label.as_deref(), t.start, t.end, t.text.as_str()))
            .collect();
        let ms = |n| Some(Duration::from_millis(n));
        assert_eq!(
            got,
            vec![
                (Some("SPEAKER_01"), ms(0), ms(2500), "Bonjour ?"),
                (Some("SPEAKER_00"), ms(2500), ms(4000), "Oui."),
                (None, ms(4500), None, "25."),
                (None, ms(5000), ms(6250), "Fin."),
            ]
        );
        assert_eq!(
            parse_json("{\"segments\": [\n{\"start\": x}]}")
                .unwrap_err()
                .line,
            Some(2)
        );
    }

    #[test]
    fn tsv_times_are_milliseconds() {
        let t = parse_tsv("start\tend\ttext\n0\t2000\tHola.\n2000\t4500\tAdéu.\n").unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[1].start, Some(Duration::from_millis(2000)));
        assert_eq!(t.turns[1].end, Some(Duration::from_millis(4500)));
        let err = parse_tsv("start\tend\ttext\n0\tdeux\tHola.\n").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}
