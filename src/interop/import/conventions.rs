//! The conventions transcripts are typed with, shared by the text and subtitle readers: a
//! leading timestamp (`[00:01:15]`), a speaker label (`Mme B. :`, `ENQ :`, `(ENQ)`,
//! `Florence Lefeuvre (ENQ) :`), and which labels mark the interviewer.

use std::collections::HashMap;
use std::time::Duration;

use crate::study::text::fold;

/// Labels longer than this are sentences ("Elle m'a dit qu'elle viendrait :"), not speakers.
const MAX_LABEL_CHARS: usize = 40;
const MAX_LABEL_WORDS: usize = 5;

/// A leading timestamp and what follows it: `[00:01:15]`, `(00:01:15)`, `[01:15]`,
/// `00:01:15`, with optional milliseconds (`00:01:15.250`) and a dash after it.
///
/// A bare `MM:SS` is not taken (it could be a clock time in the text); in brackets it is.
pub fn leading_time(line: &str) -> Option<(Duration, &str)> {
    if let Some(found) = spelled_time(line) {
        return Some(found);
    }
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

/// `[00:00.000 --> 00:10.320]  text` (Whisper's console output): the start, the end and the
/// text. Fractions of one to three digits.
pub fn leading_range(line: &str) -> Option<(Duration, Duration, &str)> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let (from, to) = inner[..close].split_once("-->")?;
    let start = parse_clock(from.trim(), true)?;
    let end = parse_clock(to.trim(), true)?;
    Some((start, end, inner[close + 1..].trim_start()))
}

/// `19m 13s:` or `1h 02m 03s`, as speech-to-text scripts write times: minutes and seconds at
/// least, each a number and its unit, then an optional colon.
fn spelled_time(line: &str) -> Option<(Duration, &str)> {
    let mut rest = line;
    let mut total = 0u64;
    for unit in ['h', 'm', 's'] {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 || !rest[digits..].starts_with(unit) {
            if unit == 'h' {
                continue;
            }
            return None;
        }
        let n: u64 = rest[..digits].parse().ok()?;
        if unit != 'h' && n >= 60 {
            return None;
        }
        total = total * 60 + n;
        rest = &rest[digits + 1..];
        if unit != 's' {
            rest = rest.trim_start_matches(' ');
        }
    }
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    Some((Duration::from_secs(total), rest.trim_start()))
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
/// `ENQ: texte`, `Enquêtrice\u{202f}: texte`, `**ENQ** : texte`, `(ENQ) texte`,
/// `Florence Lefeuvre (ENQ) : texte`, `[id1] texte`.
///
/// Only the shape is checked here; whether the label is really a speaker is decided over the
/// whole file (see [`Speakers`]).
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
    is_label_shaped(label).then(|| (label, rest.trim_start()))
}

/// Short, and no sentence punctuation: a label, not the start of a sentence that holds a colon.
fn is_label_shaped(label: &str) -> bool {
    !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= MAX_LABEL_WORDS
        && !label.starts_with(is_space)
        && !label.contains([',', ';', '?', '!', '«', '»', '"', '“', '”', '*', '#'])
}

/// `Speaker 1  0:02` (Otter), `S1 00:00:01.717 text` (TranscribeMe): a label, then the time,
/// then perhaps the text. The label must not itself start with a time.
pub fn label_then_time(line: &str) -> Option<(&str, Duration, &str)> {
    if leading_time(line).is_some() {
        return None;
    }
    let mut from = 0;
    for (i, word) in line
        .split_whitespace()
        .enumerate()
        .take(MAX_LABEL_WORDS + 1)
    {
        let at = from + line[from..].find(word)?;
        from = at + word.len();
        if i == 0 {
            continue;
        }
        if let Some((time, rest)) = leading_time_short(&line[at..]) {
            let label = line[..at].trim_end();
            return is_label_shaped(label).then_some((label, time, rest));
        }
    }
    None
}

/// A leading time where a bare `MM:SS` counts (after a label, it cannot be a clock time in a
/// sentence).
fn leading_time_short(s: &str) -> Option<(Duration, &str)> {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let time = parse_clock(&s[..end], true)?;
    Some((time, s[end..].trim_start()))
}

/// `(ENQ) texte`, `[Enquêtrice] texte`: an interviewer mark in brackets at the start of a line;
/// `[id1] texte`, `[S01] texte`: a speaker code in square brackets. Other bracketed words at a
/// line start (`(rires)`, `[inaudible]`) are text.
fn bracketed_mark(line: &str) -> Option<(&str, &str)> {
    let close = match line.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = line.find(close)?;
    let inner = line[1..end].trim();
    let code = close == ']'
        && inner.chars().any(|c| c.is_ascii_digit())
        && inner.split_whitespace().count() <= 2
        && is_label_shaped(inner)
        && parse_clock(inner, true).is_none();
    if !is_interviewer_mark(inner) && !code {
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
/// `Enquêteur·rice`, `Interviewer`, `Intervieweuse`, `Chercheuse`, `I`, `Q`, `Question`, also
/// numbered (`ENQ-2`, `Interviewer 1`). `Enquêté·e` (the respondent) is not one.
pub fn is_interviewer_mark(label: &str) -> bool {
    let folded = fold(label);
    let word = folded
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '_'))
        .trim_end_matches('.');
    matches!(word, "enq" | "i" | "q" | "int" | "iv" | "question")
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

/// A label's parts: the name it gives and whether it carries an interviewer mark, in brackets
/// (`Florence Lefeuvre (ENQ)`, `[ENQ] Florence`) or alone (`ENQ`, whose name is `None`: it
/// says no more than the role). A numbered mark (`ENQ-2`) is kept as a name: it tells two
/// interviewers apart.
pub fn parse_label(label: &str) -> (Option<String>, bool) {
    let label = label.trim();
    if is_interviewer_mark(label) {
        let numbered = label.chars().any(|c| c.is_ascii_digit());
        return (numbered.then(|| label.to_owned()), true);
    }
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(a), Some(b)) = (label.find(open), label.rfind(close))
            && a < b
            && is_interviewer_mark(label[a + 1..b].trim())
        {
            let name = format!("{} {}", label[..a].trim(), label[b + 1..].trim());
            let name = name.trim();
            return ((!name.is_empty()).then(|| name.to_owned()), true);
        }
    }
    (Some(label.to_owned()), false)
}

/// Whether a label reads as a name or a code (`Mme B.`, `R03`, `Répondant`, `Mme de La Tour`)
/// rather than the start of a sentence (`Il m'a dit :`): every word capitalised, a code, a
/// bracketed role mark or a name particle (`de`, `da`, `van`, `ben`…).
pub fn looks_like_a_name(label: &str) -> bool {
    const PARTICLES: [&str; 26] = [
        "de", "du", "des", "la", "le", "les", "da", "das", "do", "dos", "di", "del", "della",
        "van", "von", "der", "den", "ter", "ten", "y", "e", "bin", "ben", "al", "el", "zu",
    ];
    label.split_whitespace().enumerate().all(|(i, word)| {
        let first = word.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '(' | '[')
            || (i > 0 && (PARTICLES.contains(&word) || word.starts_with("d'")))
    })
}

/// Which labels of a file are speakers. A label is one when it carries an interviewer mark,
/// is a name given by the user or declared by the file, reads as a name and starts two lines
/// or more (or sits in a file with interviewer marks), or starts many lines whatever its shape
/// (`lucie da silva :` three times or more, a tenth of the labelled lines). A sentence that
/// happens to hold a colon (`Il m'a dit : …`) is thus left as text.
pub struct Speakers {
    known: Vec<String>,
    /// Folded label → (the label as first written, lines it starts).
    counts: HashMap<String, (String, usize)>,
    candidates: usize,
    has_marks: bool,
}

impl Speakers {
    /// Looks at the labels starting `lines` (timestamps already removed). `known` are labels
    /// that are speakers whatever their count: the interviewer's name, declared labels.
    pub fn find<'t>(lines: impl Iterator<Item = &'t str>, known: &[&str]) -> Self {
        let known: Vec<String> = known
            .iter()
            .filter(|k| !k.trim().is_empty())
            .map(|k| fold(k))
            .collect();
        let mut counts: HashMap<String, (String, usize)> = HashMap::new();
        let mut has_marks = false;
        let mut candidates = 0;
        for line in lines {
            let label = split_label(line)
                .map(|(label, _)| label)
                .or_else(|| label_then_time(line).map(|(label, _, _)| label));
            if let Some(label) = label {
                let folded = fold(label);
                // A known label (a declared one, the interviewer's name) marks a file of
                // speakers as an interviewer mark does.
                has_marks |= parse_label(label).1 || known.contains(&folded);
                candidates += 1;
                counts
                    .entry(folded)
                    .or_insert_with(|| (label.to_owned(), 0))
                    .1 += 1;
            }
        }
        Speakers {
            known,
            counts,
            candidates,
            has_marks,
        }
    }

    pub fn is_speaker(&self, label: &str) -> bool {
        let folded = fold(label);
        let count = self.counts.get(&folded).map_or(0, |c| c.1);
        parse_label(label).1
            || self.known.contains(&folded)
            || (looks_like_a_name(label) && (self.has_marks || count >= 2))
            || (count >= 3 && count * 10 >= self.candidates)
    }

    /// Whether any line of the file starts with a speaker's label.
    pub fn any(&self) -> bool {
        self.counts
            .values()
            .any(|(label, _)| self.is_speaker(label))
    }

    /// The speaker label starting `text` and the text after it, if it is a speaker's.
    pub fn split<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        split_label(text).filter(|(label, _)| self.is_speaker(label))
    }

    /// `Speaker 1  0:02 …`: a speaker's label, the time, the text after it.
    pub fn split_timed<'t>(&self, text: &'t str) -> Option<(&'t str, Duration, &'t str)> {
        label_then_time(text).filter(|(label, _, _)| self.is_speaker(label))
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
        // Spelled out: 19 min 13 s = 1153 s; 1 h 2 min 3 s = 3723 s.
        assert_eq!(leading_time("19m 13s: Jump"), Some((secs(1153), "Jump")));
        assert_eq!(leading_time("1h 02m 03s"), Some((secs(3723), "")));
        assert_eq!(leading_time("5s plus tard"), None);
        assert_eq!(leading_time("19m13sx"), None);
        // 00:15.00 = 15 s; 00:15.240 = 15.24 s.
        assert_eq!(
            leading_range("[00:15.00 --> 00:15.240]  Right."),
            Some((secs(15), Duration::from_millis(15_240), "Right."))
        );
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
        assert_eq!(parse_label("ENQ"), (None, true));
        assert_eq!(parse_label("ENQ-2"), (Some("ENQ-2".into()), true));
        assert_eq!(
            parse_label("Florence Lefeuvre (ENQ)"),
            (Some("Florence Lefeuvre".into()), true)
        );
        assert_eq!(parse_label("[Enq.] Paul"), (Some("Paul".into()), true));
        assert_eq!(parse_label("Mme B."), (Some("Mme B.".into()), false));
        assert!(looks_like_a_name("Lucie da Silva"));
        assert!(looks_like_a_name("Florence Lefeuvre (ENQ)"));
        assert!(looks_like_a_name("Mme B."));
        assert!(looks_like_a_name("R03"));
        assert!(looks_like_a_name("Mme de La Tour"));
        assert!(!looks_like_a_name("Il m'a dit"));
        assert!(!looks_like_a_name("alors"));
    }
}
