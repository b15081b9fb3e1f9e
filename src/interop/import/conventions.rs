//! The conventions transcripts are typed with, shared by the text and subtitle readers: a
//! leading timestamp (`[00:01:15]`), a speaker label (`Mme B. :`, `ENQ :`, `(ENQ)`), and which
//! labels mean the interviewer.

use std::collections::HashMap;
use std::time::Duration;

use crate::study::Speaker;
use crate::study::text::fold;

/// Labels longer than this are sentences ("Elle m'a dit qu'elle viendrait :"), not speakers.
const MAX_LABEL_CHARS: usize = 30;
const MAX_LABEL_WORDS: usize = 4;

/// A leading timestamp and what follows it: `[00:01:15]`, `(00:01:15)`, `[01:15]`,
/// `00:01:15`, with optional milliseconds (`00:01:15.250`) and a dash after it.
///
/// A bare `MM:SS` is not taken (it could be a clock time in the text); in brackets it is.
pub fn leading_time(line: &str) -> Option<(Duration, &str)> {
    let (inner, rest, bracketed) = match line.chars().next()? {
        open @ ('[' | '(') => {
            let close = if open == '[' { ']' } else { ')' };
            let end = line.find(close)?;
            (&line[1..end], &line[end + 1..], true)
        }
        _ => {
            let end = line
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',')))
                .unwrap_or(line.len());
            (&line[..end], &line[end..], false)
        }
    };
    let time = parse_clock(inner.trim(), bracketed)?;
    // Something glued to the time ("00:01:15abc") is not a timestamp.
    if !bracketed && rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    Some((time, rest))
}

/// `H:MM:SS[.mmm]`, or `MM:SS[.mmm]` when `short_ok`.
fn parse_clock(s: &str, short_ok: bool) -> Option<Duration> {
    let (clock, fraction) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let numbers: Option<Vec<u64>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let (h, m, sec) = match numbers?.as_slice() {
        [h, m, s] => (*h, *m, *s),
        [m, s] if short_ok => (0, *m, *s),
        _ => return None,
    };
    if m >= 60 || sec >= 60 {
        return None;
    }
    let millis = match fraction {
        None => 0,
        Some(f) if (1..=3).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{f:0<3}").parse().ok()?
        }
        Some(_) => return None,
    };
    Some(Duration::from_millis(
        ((h * 60 + m) * 60 + sec) * 1000 + millis,
    ))
}

/// A speaker label at the start of a line and the text after it: `Mme B. : texte`,
/// `ENQ: texte`, `Enquêtrice\u{202f}: texte`, `**ENQ** : texte`, `(ENQ) texte`.
///
/// Only the shape is checked here; whether the label is really a speaker is decided over the
/// whole file (see [`looks_like_a_name`]).
pub fn split_label(line: &str) -> Option<(&str, &str)> {
    if let Some(found) = bracketed_mark(line) {
        return Some(found);
    }
    let (line, emphasis) = match ["**", "__"].iter().find(|m| line.starts_with(**m)) {
        Some(m) => (&line[m.len()..], *m),
        None => (line, ""),
    };
    let colon = line.find(':')?;
    let mut label = &line[..colon];
    let mut rest = &line[colon + 1..];
    if !emphasis.is_empty() {
        // `**ENQ :** texte` or `**ENQ** : texte`
        if let Some(r) = rest.strip_prefix(emphasis) {
            rest = r;
        } else {
            label = label.trim_end().strip_suffix(emphasis)?;
        }
    }
    if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None; // "10:30", "http://", "ratio 1:2"
    }
    let label = label.trim_end_matches(is_space);
    let label = label
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .unwrap_or(label);
    let shaped = !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && !label.starts_with(is_space)
        && !label.contains([',', ';', '?', '!', '«', '»', '"', '“', '”', '*']);
    shaped.then(|| (label, rest.trim_start()))
}

/// `(ENQ) texte`, `[Enquêtrice] texte`: an interviewer mark in brackets at the start of a line.
/// Other bracketed words at a line start (`(rires)`) are text.
fn bracketed_mark(line: &str) -> Option<(&str, &str)> {
    let close = match line.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = line.find(close)?;
    let inner = line[1..end].trim();
    if !is_interviewer_mark(inner) {
        return None;
    }
    let rest = line[end + 1..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    Some((inner, rest))
}

/// Spaces French typography puts before a colon: space, no-break space, narrow no-break space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Whether a label names the interviewer's role: `ENQ`, `Enq.`, `Enquêteur`, `Enquêtrice`,
/// `Enquêteur·rice`, `Interviewer`, `Intervieweuse`, `Chercheuse`, `I`, `Q`, `Question`.
/// `Enquêté·e` (the respondent) is not one.
pub fn is_interviewer_mark(label: &str) -> bool {
    let folded = fold(label);
    let word = folded.trim_end_matches('.');
    matches!(word, "enq" | "i" | "q" | "int" | "question")
        || [
            "enqueteu",
            "enquetric",
            "interviewer",
            "intervieweu",
            "chercheu",
        ]
        .iter()
        .any(|p| word.starts_with(p))
}

/// Whether a label reads as a name or a code (`Mme B.`, `R03`, `Répondant`, `Mme de La Tour`)
/// rather than the start of a sentence (`Il m'a dit :`): every word capitalised or a digit,
/// except name particles.
pub fn looks_like_a_name(label: &str) -> bool {
    const PARTICLES: [&str; 8] = ["de", "du", "des", "d'", "la", "le", "van", "von"];
    label.split_whitespace().enumerate().all(|(i, word)| {
        let first = word.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || first.is_ascii_digit()
            || (i > 0
                && PARTICLES
                    .iter()
                    .any(|p| word == *p || word.starts_with("d'")))
    })
}

/// Which labels of a file are speakers: an interviewer mark, the interviewer's name, or a
/// label that reads as a name (`Mme B.`, `R03`) and either starts two lines or more or sits in
/// a file that also has interviewer marks. A sentence that happens to hold a colon
/// (`Il m'a dit : …`) is thus left as text.
pub struct Speakers<'a> {
    interviewer: &'a str,
    counts: HashMap<String, usize>,
    has_marks: bool,
}

impl<'a> Speakers<'a> {
    /// Looks at the labels starting `lines` (timestamps already removed).
    pub fn find<'t>(lines: impl Iterator<Item = &'t str>, interviewer: &'a str) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut has_marks = false;
        for line in lines {
            if let Some((label, _)) = split_label(line) {
                has_marks |= is_interviewer_mark(label);
                *counts.entry(fold(label)).or_default() += 1;
            }
        }
        Speakers {
            interviewer,
            counts,
            has_marks,
        }
    }

    pub fn interviewer(&self) -> &'a str {
        self.interviewer
    }

    pub fn is_speaker(&self, label: &str) -> bool {
        let folded = fold(label);
        is_interviewer_mark(label)
            || (!self.interviewer.trim().is_empty() && folded == fold(self.interviewer))
            || (looks_like_a_name(label)
                && (self.has_marks || self.counts.get(&folded).copied().unwrap_or(0) >= 2))
    }

    /// The speaker label starting `text` and the text after it, if it is a speaker's.
    pub fn split<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        split_label(text).filter(|(label, _)| self.is_speaker(label))
    }
}

/// Who a label designates: the interviewer for an interviewer mark (no label kept: it says no
/// more than the role) or for the interviewer's own name (kept); anyone else is the respondent,
/// the label keeping the name.
pub fn speaker_of(label: &str, interviewer: &str) -> (Speaker, Option<String>) {
    if is_interviewer_mark(label) {
        (Speaker::Interviewer, None)
    } else if !interviewer.trim().is_empty() && fold(label) == fold(interviewer) {
        (Speaker::Interviewer, Some(label.to_owned()))
    } else {
        (Speaker::Respondent, Some(label.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn leading_timestamps_in_their_usual_forms() {
        // 00:01:15 = 75 s; [01:15] is minutes:seconds, 75 s too; 1:02:03 = 3723 s.
        assert_eq!(
            leading_time("[00:01:15] ENQ : a"),
            Some((secs(75), "ENQ : a"))
        );
        assert_eq!(
            leading_time("00:01:15 ENQ : a"),
            Some((secs(75), "ENQ : a"))
        );
        assert_eq!(leading_time("(00:01:15) a"), Some((secs(75), "a")));
        assert_eq!(leading_time("[01:15] a"), Some((secs(75), "a")));
        assert_eq!(leading_time("1:02:03 - a"), Some((secs(3723), "a")));
        assert_eq!(
            leading_time("[00:00:01.5]"),
            Some((Duration::from_millis(1500), ""))
        );
        // Not timestamps: a bare MM:SS, a clock glued to text, a minute past 59, words.
        assert_eq!(leading_time("10:30 on s'est vus"), None);
        assert_eq!(leading_time("00:01:15h"), None);
        assert_eq!(leading_time("[00:75:00] a"), None);
        assert_eq!(leading_time("(rires) a"), None);
        assert_eq!(leading_time("Mme B. : a"), None);
    }

    #[test]
    fn labels_with_french_and_english_spacing() {
        assert_eq!(split_label("Mme B. : Oui."), Some(("Mme B.", "Oui.")));
        assert_eq!(split_label("ENQ: Bonjour"), Some(("ENQ", "Bonjour")));
        assert_eq!(
            split_label("Enquêtrice\u{202f}: Bonjour"),
            Some(("Enquêtrice", "Bonjour"))
        );
        assert_eq!(split_label("R03\u{a0}: Non"), Some(("R03", "Non")));
        assert_eq!(split_label("**ENQ** : Alors"), Some(("ENQ", "Alors")));
        assert_eq!(split_label("**ENQ :** Alors"), Some(("ENQ", "Alors")));
        assert_eq!(split_label("(ENQ) Alors"), Some(("ENQ", "Alors")));
        assert_eq!(
            split_label("[Enquêteur·rice] : Alors"),
            Some(("Enquêteur·rice", "Alors"))
        );
        assert_eq!(split_label("Répondant :"), Some(("Répondant", "")));
        assert_eq!(
            split_label("[SPEAKER_00]: Hello"),
            Some(("SPEAKER_00", "Hello"))
        );
        // Not labels: a clock, a URL, a sentence, a bracketed aside.
        assert_eq!(split_label("Rendez-vous à 10:30"), None);
        assert_eq!(split_label("Voir https://exemple.fr"), None);
        assert_eq!(
            split_label("Et là, elle me dit une chose incroyable : partir"),
            None
        );
        assert_eq!(split_label("(rires) oui"), None);
    }

    #[test]
    fn interviewer_marks_and_names() {
        for mark in [
            "ENQ",
            "Enq.",
            "Enquêteur",
            "Enquêtrice",
            "Enquêteur·rice",
            "Enquêteur.rice",
            "Enqueteur",
            "Interviewer",
            "Intervieweuse",
            "I",
            "Q",
            "Chercheuse",
        ] {
            assert!(is_interviewer_mark(mark), "{mark}");
        }
        for other in [
            "Enquêté",
            "Enquêtée",
            "Enquêté·e",
            "Interviewé",
            "Répondant",
            "Mme B.",
            "R03",
            "Inès",
        ] {
            assert!(!is_interviewer_mark(other), "{other}");
        }
        assert_eq!(speaker_of("ENQ", "Camille"), (Speaker::Interviewer, None));
        assert_eq!(
            speaker_of("camille", "Camille"),
            (Speaker::Interviewer, Some("camille".into()))
        );
        assert_eq!(
            speaker_of("Mme B.", "Camille"),
            (Speaker::Respondent, Some("Mme B.".into()))
        );
        assert!(looks_like_a_name("Mme B."));
        assert!(looks_like_a_name("R03"));
        assert!(looks_like_a_name("Mme de La Tour"));
        assert!(!looks_like_a_name("Il m'a dit"));
        assert!(!looks_like_a_name("alors"));
    }
}
