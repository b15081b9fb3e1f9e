//! Finding what may identify someone in a French transcript: e-mail addresses, phone numbers
//! in French formats, street addresses, ages and dates of birth, names from the lists (the
//! study's names and places, common first names, the Puy-de-Dôme's communes), and runs of
//! capitalised words that are not a sentence's first word nor a known word, with their
//! particles and hyphens (`Jean-Marie de la Tour`). Every find is only a proposal: a person
//! accepts or rejects it.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::lookalikes;
use crate::study::text::fold;

/// A span of a text that may identify someone, in chars (the model's offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What the detector knows besides the text.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Names and places of the study's lists: found in any case.
    own: Option<Regex>,
    own_kinds: Vec<(String, Kind)>,
    /// Folded words never proposed: the kept list, the words the study's transcripts write in
    /// lower case, the words the analyst rejected.
    known: BTreeSet<String>,
    /// The words of the places of the lists, the built-in one and the study's: their people
    /// (`Clermontoises`) name no one.
    place_stems: BTreeSet<String>,
}

fn kept(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

const KNOWN: &str = include_str!("known.txt");
const PLACES: &str = include_str!("places.txt");
const FIRST_NAMES: &str = include_str!("first_names.txt");

/// An alternation of whole words, longest first (so `Jean-Marie` wins over `Jean`).
fn words_regex(words: &[&str], case_insensitive: bool) -> Option<Regex> {
    if words.is_empty() {
        return None;
    }
    let mut sorted: Vec<&str> = words.to_vec();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alternation: Vec<String> = sorted.iter().map(|w| regex::escape(w)).collect();
    let flags = if case_insensitive { "(?i)" } else { "" };
    Regex::new(&format!(r"{flags}\b(?:{})\b", alternation.join("|"))).ok()
}

/// The built-in lists, read once.
struct BuiltIn {
    /// First names and places, found when written with a capital.
    found: Option<Regex>,
    /// Folded places (a find of the list that is one is a place, not a person).
    places: BTreeSet<String>,
    /// Folded words of the kept list.
    known: BTreeSet<String>,
    /// Folded first names: never part of a common phrase (`Jean-Marie`).
    first_names: BTreeSet<String>,
}

static BUILT_IN: LazyLock<BuiltIn> = LazyLock::new(|| {
    let names: Vec<&str> = kept(FIRST_NAMES).collect();
    let places: Vec<&str> = kept(PLACES).collect();
    let all: Vec<&str> = names.iter().chain(&places).copied().collect();
    BuiltIn {
        found: words_regex(&all, false),
        places: places.iter().map(|p| fold(p)).collect(),
        known: kept(KNOWN).map(fold).collect(),
        first_names: names.iter().map(|n| fold(n)).collect(),
    }
});

impl Lexicon {
    /// `names` and `places`: the study's lists; `lowercase`: words its transcripts write in
    /// lower case; `rejected`: what the analyst said names no one.
    pub fn new<'a>(
        names: impl IntoIterator<Item = &'a str>,
        places: impl IntoIterator<Item = &'a str>,
        lowercase: impl IntoIterator<Item = String>,
        rejected: impl IntoIterator<Item = &'a str>,
    ) -> Lexicon {
        let mut own_kinds: Vec<(String, Kind)> = Vec::new();
        own_kinds.extend(
            names
                .into_iter()
                .map(|n| (n.trim().to_owned(), Kind::Person)),
        );
        own_kinds.extend(
            places
                .into_iter()
                .map(|p| (p.trim().to_owned(), Kind::Place)),
        );
        own_kinds.retain(|(w, _)| !w.is_empty());
        let words: Vec<&str> = own_kinds.iter().map(|(w, _)| w.as_str()).collect();
        let mut known: BTreeSet<String> = BUILT_IN.known.clone();
        known.extend(lowercase);
        known.extend(rejected.into_iter().map(fold));
        let mut places: Vec<&str> = Vec::new();
        for place in kept(PLACES) {
            places.push(place);
        }
        for (place, _) in own_kinds.iter().filter(|(_, k)| *k == Kind::Place) {
            places.push(place);
        }
        let place_stems = lookalikes::place_stems(places);
        Lexicon {
            own: words_regex(&words, true),
            own_kinds,
            known,
            place_stems,
        }
    }

    /// A word that names no one: a known word or an inflection of one (`Françaises`,
    /// `Bureaux`, `Albanaises`), the people of a place (`Clermontoises`), a hyphenated common
    /// phrase (`Tout-le-Monde`).
    fn is_known(&self, word: &str) -> bool {
        self.is_known_folded(&fold(word))
    }

    /// A hyphenated common phrase (`Tout-le-Monde`).
    fn is_phrase(&self, word: &str) -> bool {
        lookalikes::is_common_phrase(
            &fold(word),
            |part| self.is_known_folded(part),
            &BUILT_IN.first_names,
        )
    }

    fn is_known_folded(&self, folded: &str) -> bool {
        let forms = lookalikes::forms(folded);
        forms.iter().any(|f| self.known.contains(f))
            || forms
                .iter()
                .any(|f| lookalikes::is_demonym(f, &self.place_stems))
            || lookalikes::is_common_phrase(
                folded,
                |part| self.is_known_folded(part),
                &BUILT_IN.first_names,
            )
    }

    fn own_kind(&self, found: &str) -> Kind {
        let f = fold(found);
        self.own_kinds
            .iter()
            .find(|(w, _)| fold(w) == f)
            .map_or(Kind::Person, |(_, k)| *k)
    }
}

/// The words a text writes in lower case, folded: known words of the language as this study
/// speaks it (a capitalised `Foyer` mid-sentence is the word `foyer` written elsewhere).
pub fn lowercase_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(fold)
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+").expect("e-mail pattern"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:\+|\b00)33[\s.\-]?(?:\(0\)[\s.\-]?)?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b")
        .expect("phone pattern")
});
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+)?",
        r"(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|route|quai|cours|square|passage|résidence)",
        r"(?:\s+(?:(?i:de\s+la|de\s+l'|du|des|de|d'|la|le|l')\s*)?\p{Lu}[\p{L}'\-]*)+",
        r"(?:,?\s+\d{5}(?:\s+\p{Lu}[\p{L}'\-]*)*)?",
    ))
    .expect("address pattern")
});
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:âgée?s?\s+de|j'ai|j'avais|(?:elle|il|qui|on|(?-i:\p{Lu}\p{Ll}+))\s+(?:a|avait|aura|aurait)|",
        r"(?:fille|garçon|femme|homme|jeune|gamine?|enfant|adolescente?|ado|mineure?|victime|personne|majeure?)s?\s+de)",
        r"\s+(\d{1,2}\s+ans)\b",
    ))
    .expect("age pattern")
});
static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:née?s?\s+(?:le|en)|date\s+de\s+naissance\s*:?)\s+(",
        r"\d{1,2}(?:er)?\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+\d{4}",
        r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4})",
    ))
    .expect("birth pattern")
});

/// Words that join the parts of a name: `de la Tour`, `d'Estaing`, `van Gogh`, `ben Ali`.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "d", "van", "von", "der", "da", "di", "del", "ben", "ibn", "el",
    "al",
];
/// Titles: the capitalised words after them are a name, even a sentence's first.
const TITLES: &[&str] = &[
    "m",
    "mme",
    "mlle",
    "madame",
    "monsieur",
    "mademoiselle",
    "dr",
    "docteur",
    "docteure",
    "maitre",
    "me",
];

/// Everything in `text` that may identify someone, in text order, without overlaps (the
/// longer find wins; on a tie the surer kind: e-mail, phone, address, birth, age, place,
/// person).
pub fn detect(text: &str, lexicon: &Lexicon) -> Vec<Found> {
    let chars = CharIndex::new(text);
    let mut all: Vec<Found> = Vec::new();
    let mut push = |kind, start: usize, end: usize| {
        all.push(Found {
            kind,
            start: chars.at(start),
            end: chars.at(end),
            text: text[start..end].to_owned(),
        })
    };
    for m in EMAIL.find_iter(text) {
        push(Kind::Email, m.start(), m.end());
    }
    for m in PHONE.find_iter(text) {
        push(Kind::Phone, m.start(), m.end());
    }
    for m in ADDRESS.find_iter(text) {
        push(Kind::Address, m.start(), m.end());
    }
    for (re, kind) in [(&*BIRTH, Kind::Birth), (&*AGE, Kind::Age)] {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                push(kind, m.start(), m.end());
            }
        }
    }
    if let Some(re) = &lexicon.own {
        for m in re.find_iter(text) {
            push(lexicon.own_kind(m.as_str()), m.start(), m.end());
        }
    }
    if let Some(re) = &BUILT_IN.found {
        for m in re.find_iter(text) {
            let kind = match BUILT_IN.places.contains(&fold(m.as_str())) {
                true => Kind::Place,
                false => Kind::Person,
            };
            push(kind, m.start(), m.end());
        }
    }
    for (start, end) in capitalised_names(text, lexicon) {
        push(Kind::Person, start, end);
    }
    keep_apart(all)
}

/// The finds that do not overlap, preferring the longer, then the surer kind.
fn keep_apart(mut all: Vec<Found>) -> Vec<Found> {
    all.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.kind, f.start));
    let mut kept: Vec<Found> = Vec::new();
    for f in all {
        if kept.iter().all(|k| f.end <= k.start || k.end <= f.start) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.start);
    kept
}

/// Byte offsets to char offsets.
struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        CharIndex {
            bytes: text.char_indices().map(|(b, _)| b).collect(),
        }
    }

    fn at(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }
}

/// A word of the text: its byte span.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    for w in &mut out {
        // A word does not end on a hyphen (`Marie- euh`).
        while text[w.start..w.end].ends_with('-') {
            w.end -= 1;
        }
    }
    out
}

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Whether the word at `start` begins a sentence: nothing but spaces and opening quotes or
/// dashes since the start of the text, a line, or a `.`, `!`, `?`, `…`, `:`.
fn starts_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '–' | '—' | '-' | '\'' | '’')
    });
    let ended_by_line = text[before.len()..start].contains('\n');
    ended_by_line
        || before
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':'))
}

/// Runs of capitalised words joined by spaces, hyphens or particles, that are not known words;
/// a sentence's first word counts only after a title or in a run of several.
fn capitalised_names(text: &str, lexicon: &Lexicon) -> Vec<(usize, usize)> {
    let words = words(text);
    let word = |w: &Word| &text[w.start..w.end];
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = word(&words[i]);
        if !capitalised(w) || TITLES.contains(&fold(w).as_str()) {
            // A title is not part of the name after it (`Mme Ferrandi` → `Ferrandi`).
            i += 1;
            continue;
        }
        // The run: capitalised words, with particles between them, close together.
        let mut run = vec![i];
        let mut j = i + 1;
        while j < words.len() {
            let gap = &text[words[j - 1].end..words[j].start];
            if gap.chars().count() > 2 || gap.chars().any(|c| !matches!(c, ' ' | '\'' | '’')) {
                break;
            }
            let w = word(&words[j]);
            if TITLES.contains(&fold(w).as_str()) {
                // A title starts another name (`Rappeler Mme Ferrandi` → `Ferrandi`).
                break;
            } else if capitalised(w) {
                run.push(j);
                j += 1;
            } else if PARTICLES.contains(&w) {
                // Particles count only when a capitalised word follows them.
                let mut k = j;
                while k < words.len() && PARTICLES.contains(&word(&words[k])) {
                    k += 1;
                }
                if k < words.len() && capitalised(word(&words[k])) && k - j <= 2 {
                    run.extend(j..=k);
                    j = k + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let after_title = i > 0 && TITLES.contains(&fold(word(&words[i - 1])).as_str());
        let mut first = i;
        if !after_title && starts_sentence(text, words[i].start) {
            // A sentence's first word is capitalised anyway: it counts only in a run of
            // several, and not when it is a known word (`Quand Dupont…` → `Dupont`).
            if run.len() == 1 || lexicon.is_known(word(&words[i])) {
                first = run.get(1).copied().unwrap_or(j);
            }
        }
        let names: Vec<usize> = run
            .iter()
            .copied()
            .filter(|&k| k >= first && capitalised(word(&words[k])))
            .collect();
        // After a title any capitalised word is a name (`Mme Lyonnais`), but an idiom is not
        // (`Monsieur Tout-le-Monde`).
        let unknown = names.iter().any(|&k| {
            let w = word(&words[k]);
            !lexicon.is_known(w) || (after_title && !lexicon.is_phrase(w))
        });
        if let (true, Some(&from), Some(&to)) = (unknown, names.first(), names.last()) {
            out.push((words[from].start, words[to].end));
        }
        i = j;
    }
    out
}

#[cfg(test)]
#[path = "detect_tests.rs"]
mod tests;
