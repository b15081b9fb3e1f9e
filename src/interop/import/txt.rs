//! Plain-text and Markdown transcripts: speaker turns, or paragraphs when there are none.
//!
//! - A line starting with a speaker label (`ENQ :`, `Mme B. : …`, `(ENQ) …`) starts a turn;
//!   the lines after it, up to a blank line or the next label, continue it (joined with a
//!   space: line breaks inside a paragraph are wrapping).
//! - A blank line ends a segment; the next paragraph is a new segment of the same speaker.
//! - A leading timestamp (`[00:01:15]`) sets the segment's time; a timestamp alone on its line
//!   sets the time of the segment that follows; a timestamped line without a label starts a new
//!   segment of the same speaker.
//! - Markdown headings (`# Thème 2`) and rules (`---`) are not text: they end the segment and
//!   the current speaker (the next paragraph without a label is the respondent's).
//!
//! Which labels are speakers is decided over the whole file ([`Speakers`]): a sentence that
//! happens to hold a colon (`Il m'a dit : …`) stays text.

use super::Turn;
use super::conventions::{Speakers, leading_time, speaker_of};
use crate::study::Speaker;

/// The turns of a transcript's text (already normalised). `interviewer` is the interviewer's
/// name, recognised as a label.
pub fn parse(text: &str, interviewer: &str) -> Vec<Turn> {
    let speakers = Speakers::find(
        text.lines()
            .map(|line| leading_time(line.trim()).map_or(line.trim(), |(_, rest)| rest)),
        interviewer,
    );
    let mut reader = Reader::default();
    for line in text.lines() {
        reader.line(line.trim(), &speakers);
    }
    reader.finish()
}

/// Builds turns line by line.
struct Reader {
    turns: Vec<Turn>,
    current: Option<Turn>,
    /// Who speaks in a paragraph without a label: the last speaker.
    speaker: (Speaker, Option<String>),
    /// A timestamp alone on its line, for the segment that follows.
    pending_time: Option<std::time::Duration>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            turns: Vec::new(),
            current: None,
            speaker: (Speaker::Respondent, None),
            pending_time: None,
        }
    }
}

impl Reader {
    fn line(&mut self, line: &str, speakers: &Speakers) {
        if line.is_empty() {
            self.end_segment();
            return;
        }
        if is_heading_or_rule(line) {
            self.end_segment();
            self.speaker = (Speaker::Respondent, None);
            return;
        }
        let (time, rest) = match leading_time(line) {
            Some((time, rest)) => (Some(time), rest),
            None => (None, line),
        };
        if rest.is_empty() {
            // A timestamp on its own line introduces what follows.
            self.end_segment();
            self.pending_time = time;
            return;
        }
        let label = speakers.split(rest);
        match label {
            Some((label, text)) => {
                self.speaker = speaker_of(label, speakers.interviewer());
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

    fn start_segment(&mut self, time: Option<std::time::Duration>, text: &str) {
        self.end_segment();
        let (speaker, label) = self.speaker.clone();
        self.current = Some(Turn {
            speaker,
            label,
            start: time.or(self.pending_time.take()),
            end: None,
            text: text.to_owned(),
        });
    }

    fn end_segment(&mut self) {
        if let Some(turn) = self.current.take() {
            // A label alone on a line with nothing after it says nothing.
            if !turn.text.trim().is_empty() {
                self.turns.push(turn);
            }
        }
    }

    fn finish(mut self) -> Vec<Turn> {
        self.end_segment();
        self.turns
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

    fn turns(text: &str) -> Vec<(Speaker, Option<String>, Option<u64>, String)> {
        parse(text, "Camille")
            .into_iter()
            .map(|t| (t.speaker, t.label, t.start.map(|d| d.as_secs()), t.text))
            .collect()
    }

    const I: Speaker = Speaker::Interviewer;
    const R: Speaker = Speaker::Respondent;

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
                (I, None, Some(5), "Vous pouvez vous présenter ?".into()),
                (
                    R,
                    some("Mme B."),
                    Some(12),
                    "Je suis assistante sociale depuis douze ans.".into()
                ),
                (I, None, None, "Et le public ?".into()),
                (
                    R,
                    some("Mme B."),
                    Some(75),
                    "Des jeunes femmes, surtout.".into()
                ),
            ]
        );
    }

    #[test]
    fn paragraphs_without_labels_are_the_respondents_segments() {
        let text = "Premier paragraphe\nsur deux lignes.\n\n\nSecond paragraphe.\n";
        assert_eq!(
            turns(text),
            vec![
                (R, None, None, "Premier paragraphe sur deux lignes.".into()),
                (R, None, None, "Second paragraphe.".into()),
            ]
        );
    }

    #[test]
    fn a_new_paragraph_keeps_the_speaker_and_a_heading_resets_it() {
        let text = "Enquêtrice : Question un ?\n\nSuite de la question.\n\n# Thème 2\n\nRéponse.";
        assert_eq!(
            turns(text),
            vec![
                (I, None, None, "Question un ?".into()),
                (I, None, None, "Suite de la question.".into()),
                (R, None, None, "Réponse.".into()),
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
                R,
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
                (R, some("R03"), None, "Oui.".into()),
                (I, some("Camille"), None, "Et ensuite ?".into()),
                (R, some("R03"), None, "Rien.".into()),
            ]
        );
    }

    #[test]
    fn a_timestamp_alone_on_its_line_times_the_next_segment() {
        let text = "[00:02:00]\nInterviewer: And then?\nQ: Next.\n[00:03:30] Later, same speaker.";
        let parsed = parse(text, "");
        assert_eq!(parsed[0].start, Some(Duration::from_secs(120)));
        assert_eq!(parsed[0].speaker, I);
        assert_eq!(parsed[1].start, None);
        assert_eq!(parsed[2].start, Some(Duration::from_secs(210)));
        assert_eq!(parsed[2].speaker, I);
        assert_eq!(parsed[2].text, "Later, same speaker.");
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
