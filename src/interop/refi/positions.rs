//! Where a selection's positions fall in its source's text, counted as the producing tool
//! counted them.
//!
//! The standard says Unicode code points from 0, end exclusive. Tools differ: NVivo counts
//! UTF-16 code units (an emoji counts two), Windows tools count CR LF as two characters while
//! tools that read the text in "text mode" (QualCoder) count it as one. No file says which, so
//! every way of counting is tried on the project's selections and the one under which they
//! fall on word boundaries and match the text some tools quote in the selection's `name` wins
//! ([`detect`]). A BOM is never counted: it is not text.

/// The unit positions count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    CodePoints,
    Utf16,
}

/// One way of counting positions in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counting {
    pub unit: Unit,
    /// CR LF counts as one character (the text was read with its line endings unified).
    pub crlf_as_one: bool,
}

/// Every way of counting, the standard's first: it wins when the evidence is even.
pub const COUNTINGS: [Counting; 4] = [
    Counting {
        unit: Unit::CodePoints,
        crlf_as_one: false,
    },
    Counting {
        unit: Unit::CodePoints,
        crlf_as_one: true,
    },
    Counting {
        unit: Unit::Utf16,
        crlf_as_one: false,
    },
    Counting {
        unit: Unit::Utf16,
        crlf_as_one: true,
    },
];

/// A source's text (BOM removed, line endings as written) with the position of every char
/// under one counting.
pub struct Counted<'a> {
    pub chars: &'a [char],
    /// `starts[i]`: the position at which char `i` starts; `starts[len]` is the total. A text is
    /// at most 64 MiB, so positions (at most two units a char) fit 32 bits.
    starts: Vec<u32>,
}

/// Where a position falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Between chars: before char `i` (or at the end when `i == len`).
    At(usize),
    /// Inside char `i` (the second half of a surrogate pair).
    Inside(usize),
    Outside,
}

impl<'a> Counted<'a> {
    pub fn new(chars: &'a [char], counting: Counting) -> Self {
        let mut starts = Vec::with_capacity(chars.len() + 1);
        let mut at = 0u32;
        for (i, c) in chars.iter().enumerate() {
            starts.push(at);
            // Counted as one, the pair's CR takes no room: a position before the pair falls
            // before the CR, one after it after the LF.
            let crlf_cr = *c == '\r' && chars.get(i + 1) == Some(&'\n');
            let units = match (counting.unit, *c) {
                _ if crlf_cr && counting.crlf_as_one => 0,
                (Unit::Utf16, c) => c.len_utf16() as u32,
                (Unit::CodePoints, _) => 1,
            };
            at = at.saturating_add(units);
        }
        starts.push(at);
        Counted { chars, starts }
    }

    pub fn total(&self) -> u64 {
        u64::from(*self.starts.last().unwrap_or(&0))
    }

    pub fn place(&self, position: i64) -> Place {
        let Ok(p) = u32::try_from(position) else {
            return Place::Outside;
        };
        if u64::from(p) > self.total() {
            return Place::Outside;
        }
        // The first char starting at p.
        let i = self.starts.partition_point(|s| *s < p);
        if self.starts[i] == p {
            Place::At(i)
        } else {
            Place::Inside(i - 1)
        }
    }

    /// The chars `[start, end)` a selection covers, if its positions fall between chars.
    pub fn range(&self, start: i64, end: i64) -> Option<(usize, usize)> {
        match (self.place(start), self.place(end)) {
            (Place::At(a), Place::At(b)) if a < b => Some((a, b)),
            _ => None,
        }
    }
}

/// Whether a selection's quoted text (its `name`, when a tool writes one) is the text at its
/// place: equal, or a prefix cut with `…` or `...`. Line endings are ignored in the comparison.
pub fn quote_matches(quote: &str, text: &[char]) -> bool {
    let quote: Vec<char> = comparable(quote.chars());
    if quote.is_empty() {
        return false;
    }
    let text: Vec<char> = comparable(text.iter().copied());
    let cut = |q: &[char]| {
        for ellipsis in [&['…'][..], &['.', '.', '.'][..]] {
            if let Some(prefix) = q.strip_suffix(ellipsis) {
                return Some(prefix.to_vec());
            }
        }
        None
    };
    match cut(&quote) {
        Some(prefix) => text.starts_with(&prefix),
        None => quote == text,
    }
}

/// Text without CR, with runs of whitespace as one space, trimmed: what quotes are compared on.
fn comparable(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::new();
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A selection as detection sees it.
pub struct Probe<'a> {
    pub start: i64,
    pub end: i64,
    pub quote: &'a str,
}

/// What detection found for a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    pub counting: Counting,
    /// Selections whose both ends fall on word boundaries (or that match their quote) under it.
    pub fitting: usize,
    pub selections: usize,
}

/// The counting under which the selections of all sources best fit their text. `sources`:
/// each source's chars with its selections.
pub fn detect(sources: &[(&[char], Vec<Probe>)]) -> Detected {
    let mut best: Option<(i64, Detected)> = None;
    let selections = sources.iter().map(|(_, p)| p.len()).sum();
    for counting in COUNTINGS {
        let mut score = 0i64;
        let mut fitting = 0;
        for (chars, probes) in sources {
            let counted = Counted::new(chars, counting);
            for probe in probes {
                let s = fit(&counted, probe);
                score += s;
                if s >= 2 {
                    fitting += 1;
                }
            }
        }
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((
                score,
                Detected {
                    counting,
                    fitting,
                    selections,
                },
            ));
        }
    }
    best.map(|(_, d)| d).unwrap_or(Detected {
        counting: COUNTINGS[0],
        fitting: 0,
        selections: 0,
    })
}

/// How well a selection fits a counting: a matching quote weighs most; then each end on a
/// word boundary; a position outside the text or inside a char counts against.
fn fit(counted: &Counted, probe: &Probe) -> i64 {
    let Some((a, b)) = counted.range(probe.start, probe.end) else {
        return -4;
    };
    if !probe.quote.trim().is_empty() && quote_matches(probe.quote, &counted.chars[a..b]) {
        return 8;
    }
    let chars = counted.chars;
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let boundary = |i: usize| i == 0 || i == chars.len() || !(word(i - 1) && word(i));
    i64::from(boundary(a)) + i64::from(boundary(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn each_counting_places_positions_on_the_same_chars() {
        // "é😀\r\nab": é=1 unit, 😀=1 code point or 2 UTF-16 units, CR LF 2 or 1.
        let text = chars("é😀\r\nab");
        let cp = Counted::new(&text, COUNTINGS[0]);
        assert_eq!(cp.total(), 6);
        assert_eq!(cp.range(4, 6), Some((4, 6)), "ab");
        let cp1 = Counted::new(&text, COUNTINGS[1]);
        assert_eq!(cp1.total(), 5);
        assert_eq!(cp1.range(3, 5), Some((4, 6)));
        let u16 = Counted::new(&text, COUNTINGS[2]);
        assert_eq!(u16.total(), 7);
        assert_eq!(u16.range(5, 7), Some((4, 6)));
        assert_eq!(
            u16.place(2),
            Place::Inside(1),
            "inside the emoji's surrogate pair"
        );
        let u161 = Counted::new(&text, COUNTINGS[3]);
        assert_eq!(u161.range(4, 6), Some((4, 6)));
        assert_eq!(cp.place(-1), Place::Outside);
        assert_eq!(cp.place(7), Place::Outside);
    }

    #[test]
    fn quotes_match_whole_or_cut() {
        let text = chars("Je suis\r\ninfirmière");
        assert!(quote_matches("Je suis\ninfirmière", &text));
        assert!(quote_matches("Je suis…", &text));
        assert!(quote_matches("Je su...", &text));
        assert!(!quote_matches("Je suis", &text));
        assert!(!quote_matches("", &text));
    }

    #[test]
    fn detection_finds_how_the_selections_were_counted() {
        // Two selections of "chat" after an emoji and a CR LF, as NVivo counts (UTF-16, CR LF
        // as two): 👍 (2) + "\r\n" (2) → "chat" at 4..8; "chien" at 9..14.
        let text = chars("👍\r\nchat chien");
        let probes = vec![
            Probe {
                start: 4,
                end: 8,
                quote: "",
            },
            Probe {
                start: 9,
                end: 14,
                quote: "",
            },
        ];
        let found = detect(&[(&text, probes)]);
        assert_eq!(found.counting, COUNTINGS[2]);
        assert_eq!(found.fitting, 2);
        // The same words counted in code points with CR LF as one: 1 + 1 → 2..6, 7..12.
        let probes = vec![
            Probe {
                start: 2,
                end: 6,
                quote: "",
            },
            Probe {
                start: 7,
                end: 12,
                quote: "",
            },
        ];
        assert_eq!(detect(&[(&text, probes)]).counting, COUNTINGS[1]);
        // No evidence: the standard's way.
        assert_eq!(detect(&[(&text, vec![])]).counting, COUNTINGS[0]);
    }
}
