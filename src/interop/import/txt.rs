//! Plain-text and Markdown transcripts, and the text of word-processor documents: speaker
//! turns, or paragraphs when there are none.
//!
//! - A line starting with a speaker label (`ENQ :`, `Mme B. : …`, `(ENQ) …`, `[id1] …`) starts
//!   a turn; the lines after it, up to a blank line or the next label, continue it (joined
//!   with a space: line breaks inside a paragraph are wrapping).
//! - A label followed by a time (`Speaker 1  0:02` alone on its line, as Otter.ai writes it;
//!   `S1 00:00:01.717 text`, as TranscribeMe does) starts a turn at that time.
//! - A blank line ends a segment; the next paragraph is a new segment of the same speaker.
//! - A leading timestamp (`[00:01:15]`, `19m 13s:`) sets the segment's time; a timestamp alone
//!   on its line sets the time of the segment that follows; f4/f5transkript's `#00:01:15-2#`
//!   at the end of a paragraph is when it ends (and the next one starts).
//! - `[00:00.000 --> 00:10.320]  text` (Whisper's console output) is one segment with both
//!   times.
//! - Markdown headings (`# Thème 2`) and rules (`---`) are not text: they end the segment and
//!   the current speaker (the next paragraph without a label is the respondent's).
//! - `Interviewer = S00` declares a label's role (interview-analysis, hand-made files).
//! - In a file with speakers, what comes before the first one speaks (a title, the tool's
//!   notes, Otter's `SUMMARY KEYWORDS` and `SPEAKERS`) is its header, kept apart.
//!
//! Which labels are speakers is decided over the whole file ([`Speakers`]): a sentence that
//! happens to hold a colon (`Il m'a dit : …`) stays text.

use std::time::Duration;

use super::conventions::{Speakers, is_interviewer_mark, leading_range, leading_time};
use super::{Transcript, Turn};
use crate::study::text::fold;

/// The turns of a transcript's text (already normalised). `known` are labels that are speakers
/// whatever their count (the interviewer's name or label given by the user).
pub fn parse(text: &str, known: &[&str]) -> Transcript {
    let declared = declarations(text);
    let mut all_known: Vec<&str> = known.to_vec();
    all_known.extend(declared.iter().map(String::as_str));
    let speakers = Speakers::find(
        text.lines()
            .map(|line| leading_time(line.trim()).map_or(line.trim(), |(_, rest)| rest)),
        &all_known,
    );
    let mut reader = Reader {
        header_first: speakers.any(),
        ..Reader::default()
    };
    for line in text.lines() {
        let line = line.trim();
        if declaration(line).is_some() {
            continue;
        }
        reader.line(line, &speakers);
    }
    Transcript {
        declared,
        ..reader.finish()
    }
}

/// `Interviewer = S00`: the role of a label, as interview-analysis and hand-made files state
/// it on a line of its own. Returns (role word, label).
fn declaration(line: &str) -> Option<(&str, &str)> {
    let (role, label) = line.split_once('=')?;
    let (role, label) = (role.trim(), label.trim());
    const RESPONDENT: [&str; 8] = [
        "respondent",
        "repondant",
        "repondante",
        "enquete",
        "enquetee",
        "interviewee",
        "participant",
        "befragte",
    ];
    let known_role = is_interviewer_mark(role) || RESPONDENT.contains(&fold(role).as_str());
    let one_label = !label.is_empty() && label.split_whitespace().count() <= 3;
    (known_role && one_label && role.split_whitespace().count() <= 2).then_some((role, label))
}

/// The labels a file declares as the interviewer's.
fn declarations(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| declaration(l.trim()))
        .filter(|(role, _)| is_interviewer_mark(role))
        .map(|(_, label)| label.to_owned())
        .collect()
}

/// `#00:01:15-2#` (f4/f5transkript: hours, minutes, seconds, tenths) at the end of a line: the
/// time the paragraph ends. Returns the time and the text before it.
fn trailing_f4_time(line: &str) -> Option<(Duration, &str)> {
    let body = line.strip_suffix('#')?;
    let open = body.rfind('#')?;
    let stamp = &body[open + 1..];
    let (clock, tenths) = match stamp.split_once('-') {
        Some((clock, tenths)) => (clock, tenths.parse::<u64>().ok().filter(|t| *t < 10)?),
        None => (stamp, 0),
    };
    let (time, rest) = leading_time(clock)?;
    rest.is_empty().then(|| {
        (
            time + Duration::from_millis(tenths * 100),
            body[..open].trim_end(),
        )
    })
}

/// Builds turns line by line.
#[derive(Default)]
struct Reader {
    turns: Vec<Turn>,
    current: Option<Turn>,
    /// Who speaks in a paragraph without a label: the last speaker.
    label: Option<String>,
    /// A timestamp alone on its line (or the end of the last paragraph, in f4 files), for the
    /// segment that follows.
    pending_time: Option<Duration>,
    /// Whether the file has speakers: then text before the first one is its header.
    header_first: bool,
    header: Vec<String>,
    headings: Vec<(usize, String)>,
    spoken: bool,
}

impl Reader {
    fn line(&mut self, line: &str, speakers: &Speakers) {
        if line.is_empty() {
            self.end_segment();
            return;
        }
        if is_heading_or_rule(line) {
            self.end_segment();
            let title = line.trim_start_matches('#').trim();
            if !title.is_empty() && !title.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')) {
                self.headings.push((self.turns.len(), title.to_owned()));
            }
            // A title before anything is said belongs to the header.
            if !self.spoken && (self.header_first || self.turns.is_empty()) {
                self.header
                    .push(line.trim_start_matches('#').trim().to_owned());
            }
            self.label = None;
            return;
        }
        let (line, ends_at) = match trailing_f4_time(line) {
            Some((time, rest)) => (rest, Some(time)),
            None => (line, None),
        };
        self.text_line(line, speakers);
        if let Some(end) = ends_at {
            if let Some(turn) = self.current.as_mut() {
                turn.end = Some(end);
            }
            self.end_segment();
            self.pending_time = Some(end);
        }
    }

    fn text_line(&mut self, line: &str, speakers: &Speakers) {
        if let Some((start, end, rest)) = leading_range(line) {
            // One timed line, one segment: Whisper's console output.
            self.end_segment();
            self.text_line(rest, speakers);
            if let Some(turn) = self.current.as_mut() {
                turn.start = Some(start);
                turn.end = Some(end);
            }
            self.end_segment();
            return;
        }
        let (time, rest) = match leading_time(line) {
            Some((time, rest)) => (Some(time), rest),
            None => (None, line),
        };
        if rest.is_empty() {
            // A timestamp on its own line introduces what follows.
            if time.is_some() {
                self.end_segment();
                self.pending_time = time;
            }
            return;
        }
        if let Some((label, at, text)) = speakers.split_timed(rest) {
            self.end_segment();
            self.spoken = true;
            self.label = Some(label.to_owned());
            self.pending_time = Some(at);
            if !text.is_empty() {
                self.start_segment(None, text);
            }
            return;
        }
        match speakers.split(rest) {
            Some((label, text)) => {
                self.end_segment();
                self.spoken = true;
                self.label = Some(label.to_owned());
                // A time may also follow the label: `ENQ : [00:01:15] …`.
                let (time2, text) = match leading_time(text) {
                    Some((t, text)) => (Some(t), text),
                    None => (None, text),
                };
                self.start_segment(time.or(time2), text);
            }
            None if time.is_some() || self.current.is_none() => self.start_segment(time, rest),
            None => {
                let turn = self.current.as_mut().expect("checked above");
                if !turn.text.is_empty() {
                    turn.text.push(' ');
                }
                turn.text.push_str(rest);
            }
        }
    }

    fn start_segment(&mut self, time: Option<Duration>, text: &str) {
        self.end_segment();
        self.current = Some(Turn {
            label: self.label.clone(),
            start: time.or(self.pending_time.take()),
            end: None,
            text: text.to_owned(),
        });
    }

    fn end_segment(&mut self) {
        if let Some(turn) = self.current.take() {
            if self.header_first && !self.spoken {
                // Before anyone speaks: the file's title and notes.
                self.header.push(turn.text);
            } else if !turn.text.trim().is_empty() {
                // A label alone on a line with nothing after it says nothing.
                self.turns.push(turn);
            }
        }
    }

    fn finish(mut self) -> Transcript {
        self.end_segment();
        Transcript {
            turns: self.turns,
            declared: Vec::new(),
            header: self.header,
            headings: self.headings,
        }
    }
}

/// `# Titre`, `## Thème 2`, `---`, `***`, `___`: Markdown structure, not what was said.
fn is_heading_or_rule(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let heading = (1..=6).contains(&hashes)
        && line[hashes..].starts_with(|c: char| c.is_whitespace())
        || line.chars().all(|c| c == '#');
    let rule = line.chars().count() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|m| line.chars().all(|c| c == *m || c == ' '));
    heading || rule
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// (label, start in seconds, text) of each turn.
    fn turns(text: &str) -> Vec<(Option<String>, Option<u64>, String)> {
        parse(text, &["Camille"])
            .turns
            .into_iter()
            .map(|t| (t.label, t.start.map(|d| d.as_secs()), t.text))
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.into())
    }

    #[test]
    fn speaker_turns_with_timestamps_and_continuation_lines() {
        let text = "[00:00:05] ENQ : Vous pouvez vous présenter ?\n\
                    [00:00:12] Mme B.\u{202f}: Je suis assistante sociale\n\
                    depuis douze ans.\n\
                    (ENQ) Et le public ?\n\
                    00:01:15 Mme B. : Des jeunes femmes, surtout.";
        assert_eq!(
            turns(text),
            vec![
                (some("ENQ"), Some(5), "Vous pouvez vous présenter ?".into()),
                (
                    some("Mme B."),
                    Some(12),
                    "Je suis assistante sociale depuis douze ans.".into()
                ),
                (some("ENQ"), None, "Et le public ?".into()),
                (
                    some("Mme B."),
                    Some(75),
                    "Des jeunes femmes, surtout.".into()
                ),
            ]
        );
    }

    #[test]
    fn paragraphs_without_labels_are_segments_without_speakers() {
        let text = "Premier paragraphe\nsur deux lignes.\n\n\nSecond paragraphe.\n";
        let parsed = parse(text, &[]);
        assert!(parsed.header.is_empty());
        assert_eq!(
            turns(text),
            vec![
                (None, None, "Premier paragraphe sur deux lignes.".into()),
                (None, None, "Second paragraphe.".into()),
            ]
        );
    }

    #[test]
    fn a_new_paragraph_keeps_the_speaker_and_a_heading_resets_it() {
        let text = "Enquêtrice : Question un ?\n\nSuite de la question.\n\n# Thème 2\n\nRéponse.";
        assert_eq!(
            turns(text),
            vec![
                (some("Enquêtrice"), None, "Question un ?".into()),
                (some("Enquêtrice"), None, "Suite de la question.".into()),
                (None, None, "Réponse.".into()),
            ]
        );
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_speaker() {
        // "Il m'a dit" is not name-like; "Bref" is name-like but appears once and the file has
        // no interviewer mark: both stay text.
        let text = "Il m'a dit : je pars.\nBref : elle est partie.";
        assert_eq!(
            turns(text),
            vec![(
                None,
                None,
                "Il m'a dit : je pars. Bref : elle est partie.".into()
            )]
        );
        // A name used on two lines is a speaker even without interviewer marks.
        let text = "R03 : Oui.\nCamille : Et ensuite ?\nR03 : Rien.";
        assert_eq!(
            turns(text),
            vec![
                (some("R03"), None, "Oui.".into()),
                (some("Camille"), None, "Et ensuite ?".into()),
                (some("R03"), None, "Rien.".into()),
            ]
        );
    }

    #[test]
    fn a_timestamp_alone_on_its_line_times_the_next_segment() {
        let text = "[00:02:00]\nInterviewer: And then?\nQ: Next.\n[00:03:30] Later, same speaker.";
        let parsed = parse(text, &[]).turns;
        assert_eq!(parsed[0].start, Some(Duration::from_secs(120)));
        assert_eq!(parsed[0].label.as_deref(), Some("Interviewer"));
        assert_eq!(parsed[1].start, None);
        assert_eq!(parsed[2].start, Some(Duration::from_secs(210)));
        assert_eq!(parsed[2].label.as_deref(), Some("Q"));
        assert_eq!(parsed[2].text, "Later, same speaker.");
    }

    #[test]
    fn otter_exports_label_and_time_above_the_turn_after_a_header() {
        // Otter.ai: keywords and speakers first, then "Name  M:SS" alone above each turn.
        let text = "SUMMARY KEYWORDS\nfoyer, hôtel, accueil\n\nSPEAKERS\nCamille Roux, Speaker 2\n\n\
                    Camille Roux  0:02\nBonjour, vous pouvez vous présenter ?\n\n\
                    Speaker 2  0:15\nJe suis éducatrice.\nDepuis dix ans.\n\n\
                    Camille Roux  1:02:03\nMerci.\n\nSpeaker 2  1:02:05\nDe rien.\n";
        let parsed = parse(text, &[]);
        assert_eq!(
            parsed.header,
            vec![
                "SUMMARY KEYWORDS foyer, hôtel, accueil",
                "SPEAKERS Camille Roux, Speaker 2"
            ]
        );
        // 0:15 = 15 s; 1:02:03 = 3723 s.
        assert_eq!(
            turns(text),
            vec![
                (
                    some("Camille Roux"),
                    Some(2),
                    "Bonjour, vous pouvez vous présenter ?".into()
                ),
                (
                    some("Speaker 2"),
                    Some(15),
                    "Je suis éducatrice. Depuis dix ans.".into()
                ),
                (some("Camille Roux"), Some(3723), "Merci.".into()),
                (some("Speaker 2"), Some(3725), "De rien.".into()),
            ]
        );
    }

    #[test]
    fn f4_timestamps_end_a_paragraph_and_start_the_next() {
        // #00:00:05-3# = 5.3 s, #00:01:15-2# = 75.2 s.
        let text = "I: Wie geht es Ihnen? #00:00:05-3#\n\nB: Gut, danke. #00:01:15-2#\n\nI: Schön. #00:01:20-0#";
        let parsed = parse(text, &[]).turns;
        let ms = |n| Some(Duration::from_millis(n));
        let got: Vec<_> = parsed
            .iter()
            .map(|t| (t.label.as_deref(), t.start, t.end, t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("I"), None, ms(5300), "Wie geht es Ihnen?"),
                (Some("B"), ms(5300), ms(75_200), "Gut, danke."),
                (Some("I"), ms(75_200), ms(80_000), "Schön."),
            ]
        );
    }

    #[test]
    fn a_declaration_names_the_interviewer_and_is_not_text() {
        let parsed = parse("Interviewer = S00\nS00: Question?\nS01: Answer.\n", &[]);
        assert_eq!(parsed.declared, vec!["S00"]);
        assert_eq!(parsed.turns.len(), 2);
        assert_eq!(parsed.turns[0].label.as_deref(), Some("S00"));
    }

    #[test]
    fn headings_and_rules_are_recognised() {
        assert!(is_heading_or_rule("# Thème 2"));
        assert!(is_heading_or_rule("### Repérage"));
        assert!(is_heading_or_rule("---"));
        assert!(is_heading_or_rule("* * *"));
        assert!(!is_heading_or_rule("#hashtag"));
        assert!(!is_heading_or_rule("- un point"));
        assert!(!is_heading_or_rule("--"));
    }
}
