//! Pseudonymisation reviewed by a person: what the detector proposes in the transcripts, what
//! the analyst decided, and the key table (original → pseudonym) that makes a replacement the
//! same in every session and lets it be undone. The key table never lives in the study: the
//! store keeps it apart (see `store::keys`). No I/O here.

pub mod detect;
pub mod fields;
mod lookalikes;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::{self, fold};
use super::{Session, SessionId, StudyId, Time};
pub use detect::{Found, Lexicon};
pub use fields::{Field, fields};

/// What a proposal is; the pseudonym says it: `[PERSONNE-3]`, `[LIEU-1]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Email,
    Phone,
    Address,
    Birth,
    Age,
    Place,
    Person,
}

impl Kind {
    /// The word inside the pseudonym, the same in every language (it is written in the text).
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Email => "EMAIL",
            Kind::Phone => "TELEPHONE",
            Kind::Address => "ADRESSE",
            Kind::Birth => "NAISSANCE",
            Kind::Age => "AGE",
            Kind::Place => "LIEU",
            Kind::Person => "PERSONNE",
        }
    }
}

pub const KEYS_FORMAT: &str = "grille-pseudonyms/1";

/// The key table and the lists, as kept apart from the study.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTable {
    pub format: String,
    /// The study it belongs to: a key table is never used on another study.
    pub study: StudyId,
    /// Names to look for everywhere (the respondents', the people they speak of).
    #[serde(default)]
    pub names: Vec<String>,
    /// Places to look for everywhere, besides the built-in list.
    #[serde(default)]
    pub places: Vec<String>,
    /// Every original given a pseudonym, accepted or since undone (a pseudonym is never
    /// reused for another original).
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// What the analyst said identifies no one: never proposed again.
    #[serde(default)]
    pub rejected: Vec<Rejected>,
    /// What was replaced, batch by batch, so that undo restores it.
    #[serde(default)]
    pub applied: Vec<Batch>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub original: String,
    pub kind: Kind,
    pub pseudonym: String,
    /// Replaced wherever it appears (false once undone: it is proposed again).
    pub accepted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    pub original: String,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    pub at: Time,
    pub replacements: Vec<Done>,
}

/// One replacement made: where the pseudonym now starts in the field's text. (Not
/// `deny_unknown_fields`: serde cannot have it with a flattened field.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Done {
    pub session: SessionId,
    /// `"segment": id`, `"memo": id`…
    #[serde(flatten)]
    pub field: Field,
    pub start: usize,
    pub original: String,
    pub pseudonym: String,
}

/// A span of a segment's text to replace, in chars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where a proposal occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub session: SessionId,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Unreviewed,
    Accepted,
}

/// What the detector found, the same text (ignoring case and accents) in one kind grouped:
/// one decision covers every occurrence in every session.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Short and stable (from the kind and the text): what scripts accept or reject, so that
    /// no name is ever typed on a command line.
    pub id: String,
    pub kind: Kind,
    pub text: String,
    pub pseudonym: String,
    pub review: Review,
    pub occurrences: Vec<Occurrence>,
}

impl KeyTable {
    pub fn new(study: StudyId) -> KeyTable {
        KeyTable {
            format: KEYS_FORMAT.to_owned(),
            study,
            names: Vec::new(),
            places: Vec::new(),
            entries: Vec::new(),
            rejected: Vec::new(),
            applied: Vec::new(),
        }
    }

    fn entry(&self, kind: Kind, original: &str) -> Option<&Entry> {
        let f = fold(original);
        self.entries
            .iter()
            .find(|e| e.kind == kind && fold(&e.original) == f)
    }

    fn is_rejected(&self, kind: Kind, original: &str) -> bool {
        let f = fold(original);
        self.rejected
            .iter()
            .any(|r| r.kind == kind && fold(&r.original) == f)
    }

    /// The pseudonym of an original: the one it was given, else the next of its kind.
    pub fn pseudonym(&self, kind: Kind, original: &str) -> String {
        if let Some(e) = self.entry(kind, original) {
            return e.pseudonym.clone();
        }
        let n = self.entries.iter().filter(|e| e.kind == kind).count() + 1;
        format!("[{}-{n}]", kind.tag())
    }

    /// The analyst accepts: the original is replaced wherever it appears, now and later.
    pub fn accept(&mut self, kind: Kind, original: &str) {
        self.rejected
            .retain(|r| !(r.kind == kind && fold(&r.original) == fold(original)));
        let pseudonym = self.pseudonym(kind, original);
        match self.entries.iter_mut().find(|e| e.pseudonym == pseudonym) {
            Some(e) => e.accepted = true,
            None => self.entries.push(Entry {
                original: original.to_owned(),
                kind,
                pseudonym,
                accepted: true,
            }),
        }
    }

    /// The analyst rejects: it names no one; never proposed again.
    pub fn reject(&mut self, kind: Kind, original: &str) {
        if !self.is_rejected(kind, original) {
            self.rejected.push(Rejected {
                original: original.to_owned(),
                kind,
            });
        }
    }

    /// The analyst takes a decision back before it was applied: proposed again, undecided.
    /// An accepted original keeps the pseudonym it was given (never reused for another).
    pub fn forget(&mut self, kind: Kind, original: &str) {
        let f = fold(original);
        self.rejected
            .retain(|r| !(r.kind == kind && fold(&r.original) == f));
        for e in &mut self.entries {
            if e.kind == kind && fold(&e.original) == f {
                e.accepted = false;
            }
        }
    }

    /// The detector's knowledge for this study: its lists, the words its transcripts write in
    /// lower case, what was rejected.
    pub fn lexicon(&self, sessions: &[Session]) -> Lexicon {
        let lowercase = sessions
            .iter()
            .flat_map(fields)
            .flat_map(|(_, text)| detect::lowercase_words(text).collect::<Vec<_>>());
        Lexicon::new(
            self.names.iter().map(String::as_str),
            self.places.iter().map(String::as_str),
            lowercase,
            self.rejected.iter().map(|r| r.original.as_str()),
        )
    }
}

/// Every proposal in the sessions, in order of first appearance, rejected ones left out.
pub fn proposals(sessions: &[Session], table: &KeyTable) -> Vec<Proposal> {
    let lexicon = table.lexicon(sessions);
    let mut by_key: BTreeMap<(Kind, String), usize> = BTreeMap::new();
    let mut out: Vec<Proposal> = Vec::new();
    for session in sessions {
        for (field, text) in fields(session) {
            for f in detect::detect(text, &lexicon) {
                if table.is_rejected(f.kind, &f.text) {
                    continue;
                }
                let occurrence = Occurrence {
                    session: session.id,
                    field,
                    start: f.start,
                    end: f.end,
                };
                let key = (f.kind, fold(&f.text));
                match by_key.get(&key) {
                    Some(&i) => out[i].occurrences.push(occurrence),
                    None => {
                        by_key.insert(key, out.len());
                        let accepted = table.entry(f.kind, &f.text).is_some_and(|e| e.accepted);
                        out.push(Proposal {
                            id: short_id(f.kind, &f.text),
                            kind: f.kind,
                            pseudonym: String::new(),
                            review: match accepted {
                                true => Review::Accepted,
                                false => Review::Unreviewed,
                            },
                            text: f.text,
                            occurrences: vec![occurrence],
                        });
                    }
                }
            }
        }
    }
    number(table, &mut out);
    out
}

/// Gives each proposal the pseudonym it has in the table, or the one it would get if those
/// without were accepted in this order; rejected ones are left as they are.
pub fn number<'a>(table: &KeyTable, proposals: impl IntoIterator<Item = &'a mut Proposal>) {
    let mut next: BTreeMap<Kind, usize> = BTreeMap::new();
    for p in proposals {
        if table.is_rejected(p.kind, &p.text) {
            continue;
        }
        p.pseudonym = match table.entry(p.kind, &p.text) {
            Some(e) => e.pseudonym.clone(),
            None => {
                let n = next
                    .entry(p.kind)
                    .or_insert_with(|| table.entries.iter().filter(|e| e.kind == p.kind).count());
                *n += 1;
                format!("[{}-{n}]", p.kind.tag())
            }
        };
    }
}

/// Eight hex digits of a hash of the kind and the folded text (FNV-1a: stable across runs and
/// machines, unlike the standard library's hasher).
fn short_id(kind: Kind, text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in kind.tag().bytes().chain([0]).chain(fold(text).bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// What to replace in a session: every occurrence of an accepted original, as a whole word in
/// any case (so a name the detector missed at a sentence start goes too), the longest first,
/// in every field (transcript, memos, situations' labels).
pub fn replacements(session: &Session, table: &KeyTable) -> Vec<(Field, Vec<Span>, Vec<Done>)> {
    let accepted: Vec<&Entry> = table.entries.iter().filter(|e| e.accepted).collect();
    if accepted.is_empty() {
        return Vec::new();
    }
    let mut sorted = accepted.clone();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.original.chars().count()));
    let alternation: Vec<String> = sorted.iter().map(|e| regex::escape(&e.original)).collect();
    // No `\b` around: a phone number starts with `+`, where `\b` never holds after a space.
    let Ok(re) = regex::Regex::new(&format!(r"(?i)(?:{})", alternation.join("|"))) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (field, text) in fields(session) {
        let mut spans = Vec::new();
        for m in re.find_iter(text) {
            if !whole(text, m.start(), m.end()) {
                continue;
            }
            let f = fold(m.as_str());
            let Some(e) = sorted.iter().find(|e| fold(&e.original) == f) else {
                continue;
            };
            let start = text::char_len(&text[..m.start()]);
            spans.push(Span {
                start,
                end: start + m.as_str().chars().count(),
                text: e.pseudonym.clone(),
            });
        }
        if spans.is_empty() {
            continue;
        }
        let done = done_for(session.id, field, text, &spans);
        out.push((field, spans, done));
    }
    out
}

/// Whether `text[start..end]` is whole: no letter or digit glued to it on either side.
fn whole(text: &str, start: usize, end: usize) -> bool {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(text[..start].chars().next_back()) && !glued(text[end..].chars().next())
}

/// The records of replacing `spans` of `old`: where each pseudonym starts in the new text.
fn done_for(session: SessionId, field: Field, old: &str, spans: &[Span]) -> Vec<Done> {
    let mut shift: isize = 0;
    spans
        .iter()
        .map(|s| {
            let start = (s.start as isize + shift) as usize;
            shift += s.text.chars().count() as isize - (s.end - s.start) as isize;
            Done {
                session,
                field,
                start,
                original: text::slice(old, s.start, s.end)
                    .unwrap_or_default()
                    .to_owned(),
                pseudonym: s.text.clone(),
            }
        })
        .collect()
}

/// The spans that undo these replacements in a segment's current text: each pseudonym back to
/// its original where it still stands (at its place, or its nearest occurrence if the text
/// moved since). Returns the spans and the replacements that could not be found.
pub fn undo_spans<'a>(current: &str, done: &[&'a Done]) -> (Vec<Span>, Vec<&'a Done>) {
    let chars: Vec<char> = current.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut lost = Vec::new();
    for d in done {
        let p: Vec<char> = d.pseudonym.chars().collect();
        let at = |i: usize| chars.get(i..i + p.len()) == Some(&p[..]);
        let free =
            |i: usize, spans: &[Span]| spans.iter().all(|s| i + p.len() <= s.start || s.end <= i);
        let found = (0..chars.len())
            .filter(|&i| at(i) && free(i, &spans))
            .min_by_key(|&i| i.abs_diff(d.start));
        match found {
            Some(i) => spans.push(Span {
                start: i,
                end: i + p.len(),
                text: d.original.clone(),
            }),
            None => lost.push(*d),
        }
    }
    spans.sort_by_key(|s| s.start);
    (spans, lost)
}

/// Where a span of the old text lies once `spans` are replaced: a span around a replacement
/// grows or shrinks with it, one touching a replacement covers it whole (the words it was on
/// are now the pseudonym), one after it moves.
pub fn follow(spans: &[Span], start: usize, end: usize) -> (usize, usize) {
    let (mut new_start, mut new_end) = (start as isize, end as isize);
    for s in spans.iter().rev() {
        let delta = s.text.chars().count() as isize - (s.end - s.start) as isize;
        let (a, b) = (s.start as isize, s.end as isize);
        let new_b = b + delta;
        if end as isize <= a {
            continue;
        }
        if start as isize >= b {
            new_start += delta;
            new_end += delta;
            continue;
        }
        // Overlapping: cover the pseudonym whole.
        if (start as isize) > a {
            new_start = a;
        }
        if (end as isize) < b {
            new_end = new_b;
        } else {
            new_end += delta;
        }
    }
    (new_start.max(0) as usize, new_end.max(0) as usize)
}

/// The text with `spans` (sorted, apart) replaced.
pub fn replaced(old: &str, spans: &[Span]) -> String {
    let chars: Vec<char> = old.chars().collect();
    let mut out = String::with_capacity(old.len());
    let mut at = 0;
    for s in spans {
        out.extend(&chars[at.min(chars.len())..s.start.min(chars.len())]);
        out.push_str(&s.text);
        at = s.end;
    }
    out.extend(&chars[at.min(chars.len())..]);
    out
}

#[cfg(test)]
mod tests;
