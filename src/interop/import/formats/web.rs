//! The HTML of transcription tools: noScribe's editable transcript (`.html`) and oTranscribe's
//! `.otr` (JSON holding the editor's HTML).
//!
//! noScribe marks every stretch of speech with an anchor `<a name="ts_<start ms>_<end ms>_<speaker>">`,
//! whose times are exact (its `.vtt` cue times are not). A paragraph is one speaker's turn;
//! speech overlapping it is written `//S02: … //` in anchors of their own, which become turns
//! of their own, in time order. Paragraphs before anyone speaks (title, settings) are the
//! header.
//!
//! oTranscribe writes paragraphs with `<span class="timestamp" data-timestamp="9.48">`
//! markers: each marker starts a segment at that time; speaker labels typed in the text are
//! found by the text reader.

use std::time::Duration;

use super::xml::{self, Broken, Element, Node};
use crate::interop::import::conventions::leading_time;
use crate::interop::import::defect::Defect;
use crate::interop::import::{Transcript, Turn, txt};

/// HTML as the XML reader takes it: `<br>` closed, wrapped in one root.
fn tree(html: &str) -> Result<Element, Broken> {
    let html = html.replace("<br>", "<br/>").replace("<BR>", "<br/>");
    let body = match html.find("<html") {
        Some(at) => html[at..].to_owned(),
        None => format!("<root>{html}</root>"),
    };
    xml::parse(&body, true)
}

/// `ts_12140_22800_S01` → (12.14 s, 22.8 s, `S01`); `//S02` keeps its overlap mark.
fn anchor(name: &str) -> Option<(Duration, Duration, &str)> {
    let rest = name.strip_prefix("ts_")?;
    let mut parts = rest.splitn(3, '_');
    let start: u64 = parts.next()?.parse().ok()?;
    let end: u64 = parts.next()?.parse().ok()?;
    Some((
        Duration::from_millis(start),
        Duration::from_millis(end),
        parts.next().unwrap_or(""),
    ))
}

/// An anchor's words without the label and time noScribe writes before them.
fn spoken(text: &str, speaker: &str) -> String {
    let text = text.trim().trim_start_matches("//").trim();
    let text = text
        .strip_prefix(&format!("{speaker}:"))
        .unwrap_or(text)
        .trim();
    let text = leading_time(text).map_or(text, |(_, rest)| rest);
    text.trim_end_matches("//").trim().to_owned()
}

pub fn noscribe(html: &str) -> Result<Transcript, Broken> {
    let root = tree(html)?;
    let mut paragraphs = Vec::new();
    root.descendants("p", &mut paragraphs);
    let mut transcript = Transcript::default();
    for p in paragraphs {
        let mut anchors = Vec::new();
        p.descendants("a", &mut anchors);
        let timed: Vec<(Duration, Duration, &str, String)> = anchors
            .iter()
            .filter_map(|a| {
                let (start, end, who) = anchor(a.attr("name")?)?;
                Some((start, end, who, a.text()))
            })
            .collect();
        let voices = timed.iter().any(|(_, _, who, _)| !who.is_empty());
        if !voices {
            let text = p.text().split_whitespace().collect::<Vec<_>>().join(" ");
            if transcript.turns.is_empty() && !text.is_empty() {
                transcript.header.push(text);
            }
            continue;
        }
        let mut main: Option<Turn> = None;
        let mut overlaps = Vec::new();
        for (start, end, who, text) in timed {
            if let Some(other) = who.strip_prefix("//") {
                overlaps.push(Turn {
                    label: Some(other.to_owned()),
                    start: Some(start),
                    end: Some(end),
                    text: spoken(&text, other),
                });
                continue;
            }
            let words = spoken(&text, who);
            match &mut main {
                None if !who.is_empty() => {
                    main = Some(Turn {
                        label: Some(who.to_owned()),
                        start: Some(start),
                        end: Some(end),
                        text: words,
                    })
                }
                None => {}
                Some(turn) => {
                    if !words.is_empty() {
                        if !turn.text.is_empty() {
                            turn.text.push(' ');
                        }
                        turn.text.push_str(&words);
                    }
                    turn.end = Some(end);
                }
            }
        }
        transcript.turns.extend(main);
        transcript.turns.extend(overlaps);
    }
    transcript.turns.retain(|t| !t.text.is_empty());
    transcript.turns.sort_by_key(|t| t.start);
    Ok(transcript)
}

/// The JSON of an `.otr`.
#[derive(serde::Deserialize)]
struct Otr {
    text: String,
}

pub fn otranscribe(json: &str, known: &[&str]) -> Result<Transcript, (Option<usize>, Defect)> {
    let otr: Otr =
        serde_json::from_str(json).map_err(|e| (Some(e.line()), Defect::Syntax(e.to_string())))?;
    let root = tree(&otr.text).map_err(|b| (None, b.defect))?;
    let mut lines = String::new();
    let mut paragraphs = Vec::new();
    root.descendants("p", &mut paragraphs);
    if paragraphs.is_empty() {
        paragraphs.push(&root);
    }
    for p in paragraphs {
        otr_lines(p, &mut lines);
        lines.push_str("\n\n");
    }
    Ok(txt::parse(&crate::study::text::normalize(&lines), known))
}

/// A paragraph's text with each timestamp marker starting a new line `[h:mm:ss.mmm]`.
fn otr_lines(el: &Element, out: &mut String) {
    for node in &el.children {
        match node {
            Node::Text(t) => out.push_str(&t.replace('\n', " ")),
            Node::Element(span) if span.attr("class") == Some("timestamp") => {
                let at = span
                    .attr("data-timestamp")
                    .and_then(|s| s.parse::<f64>().ok())
                    .and_then(super::seconds);
                if let Some(at) = at {
                    let ms = at.as_millis() as u64;
                    let (h, m, s, f) =
                        (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
                    out.push_str(&format!("\n\n[{h:02}:{m:02}:{s:02}.{f:03}] "));
                }
            }
            Node::Element(e) if e.name == "br" => out.push('\n'),
            Node::Element(e) => otr_lines(e, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noscribe_paragraphs_and_overlaps_in_time_order() {
        let html = r#"<html><body><p>Titre</p><p><a name="ts_0_1000_">(1 seconds pause)</a></p>
            <p><a name="ts_1000_4000_S01">S01: <span>[00:00:01]</span> Bonjour ?</a><a name="ts_2000_2500_//S00"> //S00: Oui.</a><a name="ts_4000_5000_S01">// Suite.</a></p>
            <p><a name="ts_5000_6000_S00">S00: <span>[00:00:05]</span> Voilà.</a></p></body></html>"#;
        let t = noscribe(html).unwrap();
        assert_eq!(t.header, vec!["Titre", "(1 seconds pause)"]);
        let got: Vec<_> = t
            .turns
            .iter()
            .map(|t| {
                (
                    t.label.as_deref(),
                    t.start.map(|d| d.as_millis()),
                    t.end.map(|d| d.as_millis()),
                    t.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("S01"), Some(1000), Some(5000), "Bonjour ? Suite."),
                (Some("S00"), Some(2000), Some(2500), "Oui."),
                (Some("S00"), Some(5000), Some(6000), "Voilà."),
            ]
        );
    }

    #[test]
    fn otranscribe_timestamps_start_segments() {
        let otr = r#"{"text":"<p><span class=\"timestamp\" data-timestamp=\"9.5\">00:09</span> ENQ : Bonjour ?<span class=\"timestamp\" data-timestamp=\"12.25\">00:12</span> R03 : Oui.</p><p><br /></p>","media":"a.mp3","media-time":1.0}"#;
        let t = otranscribe(otr, &[]).unwrap();
        assert_eq!(
            t.summary(),
            vec![
                (Some("ENQ"), Some(9500), "Bonjour ?"),
                (Some("R03"), Some(12_250), "Oui.")
            ]
        );
    }
}
