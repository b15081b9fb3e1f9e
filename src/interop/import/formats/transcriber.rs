//! Transcriber files (`.trs`, common in French corpus work): speakers declared in
//! `<Speakers>`, turns in `<Turn speaker="spk1" startTime=… endTime=…>` with `<Sync>` points
//! inside. A turn is one segment; a turn of two speakers (`speaker="spk1 spk2"`, with
//! `<Who nb="1"/>` before each one's words) makes one segment each, at the same times. Noise
//! events are kept as `[cough]`, transcriber comments as `{unclear}`.

use std::collections::HashMap;

use super::xml::{Element, Node};
use crate::interop::import::{Transcript, Turn};

pub fn parse(root: &Element) -> Transcript {
    let names: HashMap<&str, &str> = root
        .first("Speakers")
        .into_iter()
        .flat_map(|s| s.all("Speaker"))
        .filter_map(|s| Some((s.attr("id")?, s.attr("name").unwrap_or(s.attr("id")?))))
        .collect();
    let mut raw_turns = Vec::new();
    root.descendants("Turn", &mut raw_turns);
    let mut turns = Vec::new();
    for turn in raw_turns {
        let speakers: Vec<&str> = turn
            .attr("speaker")
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let time = |attr: &str| {
            turn.attr(attr)
                .and_then(|t| t.trim().parse::<f64>().ok())
                .and_then(super::seconds)
        };
        let (start, end) = (time("startTime"), time("endTime"));
        // Who speaks each piece of text: `<Who nb=N>` switches to the Nth speaker.
        let mut texts: Vec<String> = vec![String::new(); speakers.len().max(1)];
        let mut who = 0;
        collect(turn, &mut texts, &mut who);
        for (i, text) in texts.into_iter().enumerate() {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                continue;
            }
            let label = speakers
                .get(i)
                .map(|id| names.get(id).copied().unwrap_or(id).to_owned());
            turns.push(Turn {
                label,
                start,
                end,
                text,
            });
        }
    }
    Transcript {
        turns,
        ..Transcript::default()
    }
}

fn collect(el: &Element, texts: &mut [String], who: &mut usize) {
    for node in &el.children {
        match node {
            Node::Text(t) => {
                texts[*who].push_str(t);
                texts[*who].push(' ');
            }
            Node::Element(child) => match child.name.as_str() {
                "Who" => {
                    let nb: usize = child.attr("nb").and_then(|n| n.parse().ok()).unwrap_or(1);
                    *who = nb.saturating_sub(1).min(texts.len() - 1);
                }
                "Event" => {
                    if let Some(desc) = child.attr("desc") {
                        texts[*who].push_str(&format!(" [{desc}] "));
                    }
                }
                "Comment" => {
                    if let Some(desc) = child.attr("desc") {
                        texts[*who].push_str(&format!(" {{{desc}}} "));
                    }
                }
                "Sync" | "Background" => {}
                _ => collect(child, texts, who),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    #[test]
    fn turns_of_one_or_two_speakers() {
        let trs = r#"<Trans><Speakers><Speaker id="spk1" name="Interviewer"/><Speaker id="spk2" name="R03"/></Speakers>
            <Episode><Section><Turn speaker="spk2" startTime="0" endTime="5.5"><Sync time="0"/>bon alors
            <Sync time="2"/>voilà <Event desc="rires" type="noise"/></Turn>
            <Turn speaker="spk1 spk2" startTime="5.5" endTime="7"><Sync time="5.5"/><Who nb="1"/>oui ?<Who nb="2"/>non<Comment desc="unclear"/></Turn>
            </Section></Episode></Trans>"#;
        let t = parse(&xml::parse(trs, false).unwrap());
        let got = t.summary();
        assert_eq!(
            got,
            vec![
                (Some("R03"), Some(0), "bon alors voilà [rires]"),
                (Some("Interviewer"), Some(5500), "oui ?"),
                (Some("R03"), Some(5500), "non {unclear}"),
            ]
        );
    }
}
