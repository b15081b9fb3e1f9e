//! Text as the model stores it: NFC-normalised, `\n` line endings, offsets counted in Unicode
//! scalar values (chars) with the end exclusive, the unit REFI-QDA uses.

use std::borrow::Cow;

use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::GraphemeCursor;

/// Normalises text entering the model: `\r\n` and lone `\r` become `\n`, then NFC.
/// Every path that puts text in a study (typing, paste, import) goes through here, so that
/// the same words have the same offsets on every machine.
pub fn normalize(text: &str) -> String {
    let unified: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    if is_nfc_quick(unified.chars()) == IsNormalized::Yes {
        unified.into_owned()
    } else {
        unified.nfc().collect()
    }
}

/// Whether `text` is already in the form [`normalize`] gives.
///
/// The quick check answers for nearly every text without normalising it (a session is checked
/// each time it is read, so this runs over every segment of a study); only a `Maybe` (rare
/// composing marks) pays for the full comparison.
pub fn is_normalized(text: &str) -> bool {
    if text.contains('\r') {
        return false;
    }
    // Below U+0300 every char is in NFC and combines with nothing before it (quick check "Yes",
    // combining class 0): the check may start at the first char from U+0300 on, the lead byte
    // 0xCC or above, with the state it has at the start of a text. Most French text has none.
    // So each run of chars from U+0300 on is checked apart, from that state: a typographic
    // apostrophe or an ellipsis does not make the whole rest of a text go through the check.
    let bytes = text.as_bytes();
    let mut maybe = false;
    let mut at = 0;
    while let Some(found) = find_from_u0300(&bytes[at..]) {
        let start = at + found;
        let run = text[start..]
            .char_indices()
            .find(|(_, c)| *c < '\u{300}')
            .map_or(text.len(), |(i, _)| start + i);
        match is_nfc_quick(text[start..run].chars()) {
            IsNormalized::Yes => {}
            IsNormalized::No => return false,
            IsNormalized::Maybe => maybe = true,
        }
        at = run;
    }
    !maybe || text.nfc().eq(text.chars())
}

/// The position of the first lead byte of a char from U+0300 on (0xCC or above), looked for
/// 32 bytes at a time.
fn find_from_u0300(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks(32);
    let mut skipped = 0;
    for chunk in chunks.by_ref() {
        if chunk.iter().fold(0, |m, &b| m.max(b)) >= 0xCC {
            return chunk.iter().position(|&b| b >= 0xCC).map(|i| skipped + i);
        }
        skipped += chunk.len();
    }
    None
}

/// `text` lowercased, trimmed, without accents: for comparing what people type with labels
/// (`Sante`, `santé`, `SANTÉ` are one).
pub fn fold(text: &str) -> String {
    text.trim()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Number of chars (Unicode scalar values) in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte index of the char at `offset`, or `None` past the end (`offset == len` gives `len`).
pub fn byte_index(text: &str, offset: usize) -> Option<usize> {
    // A char starts at every byte that is not a continuation byte (0b10xx_xxxx). Whole blocks
    // of bytes are skipped by counting their starts (a loop the compiler vectorises), then the
    // last block is walked byte by byte: codings are checked at every reading of a session.
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let starts = |b: &[u8]| b.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let mut seen = 0;
    let mut at = 0;
    while let Some(block) = bytes.get(at..at + BLOCK) {
        let n = starts(block);
        if seen + n > offset {
            break;
        }
        seen += n;
        at += BLOCK;
    }
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if (b as i8) >= -0x40 {
            if seen == offset {
                return Some(i);
            }
            seen += 1;
        }
    }
    (seen == offset).then_some(text.len())
}

/// Number of words of `text`: runs of chars that are not whitespace (`char::is_whitespace`),
/// as `text.split_whitespace().count()` counts them, ASCII read byte by byte without decoding.
pub fn word_count(text: &str) -> usize {
    // 32 bytes at a time from a mask of their whitespace (a loop the compiler vectorises),
    // as long as none may start a whitespace char beyond ASCII (U+0085 and U+00A0 start with
    // 0xC2, U+1680 with 0xE1, U+2000…U+205F with 0xE2, U+3000 with 0xE3): every other byte of
    // a multi-byte char is part of a word. Elsewhere, char by char. Listing a study counts the
    // words of every session.
    const W: usize = 32;
    let may_be_space = |b: u8| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let end = match bytes.get(i..i + W) {
            Some(chunk) => {
                let (mut space, mut special) = (0u32, false);
                for (j, &b) in chunk.iter().enumerate() {
                    space |= u32::from(matches!(b, b'\t'..=b'\r' | b' ')) << j;
                    special |= may_be_space(b);
                }
                if !special {
                    // A word starts at a byte that is not whitespace after one that is.
                    let before = (space << 1) | u32::from(!in_word);
                    n += (!space & before).count_ones() as usize;
                    in_word = space >> (W - 1) == 0;
                    i += W;
                    continue;
                }
                i + W
            }
            None => bytes.len(),
        };
        while i < end {
            let b = bytes[i];
            let (space, len) = if b < 0x80 {
                (matches!(b, b'\t'..=b'\r' | b' '), 1)
            } else if may_be_space(b) {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            } else {
                (false, 1)
            };
            n += usize::from(!space && !in_word);
            in_word = !space;
            i += len;
        }
    }
    n
}

/// Char offsets of a text turned into byte indexes without walking the text from its start
/// each time: the chars before every 64th byte, counted in one walk. A session's codings are
/// checked against their segments at every reading.
pub struct CharIndex<'t> {
    text: &'t str,
    /// `before[k]`: chars before byte `k * 64`.
    before: Vec<usize>,
    len: usize,
}

impl<'t> CharIndex<'t> {
    const BLOCK: usize = 64;

    pub fn new(text: &'t str) -> Self {
        // Continuation bytes (0b10xx_xxxx) counted 8 at a time in a u64: a char starts at
        // every other byte.
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let continuations = |w: u64| (w & !(w << 1) & HIGH).count_ones() as usize;
        let starts = |block: &[u8]| {
            let mut words = block.chunks_exact(8);
            let mut n = 0;
            for w in words.by_ref() {
                let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
                n += 8 - continuations(w);
            }
            n + words
                .remainder()
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count()
        };
        let mut before = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut len = 0;
        for block in text.as_bytes().chunks(Self::BLOCK) {
            before.push(len);
            len += starts(block);
        }
        CharIndex { text, before, len }
    }

    /// The text's length in chars.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// As [`byte_index`].
    pub fn byte(&self, offset: usize) -> Option<usize> {
        if offset >= self.len {
            return (offset == self.len).then_some(self.text.len());
        }
        let k = self
            .before
            .partition_point(|&n| n <= offset)
            .saturating_sub(1);
        let mut seen = self.before.get(k).copied().unwrap_or(0);
        for (i, &b) in self
            .text
            .as_bytes()
            .iter()
            .enumerate()
            .skip(k * Self::BLOCK)
        {
            if (b as i8) >= -0x40 {
                if seen == offset {
                    return Some(i);
                }
                seen += 1;
            }
        }
        None
    }

    /// As [`is_grapheme_boundary`].
    pub fn is_grapheme_boundary(&self, offset: usize) -> bool {
        self.byte(offset)
            .is_some_and(|byte| is_boundary_at(self.text, byte))
    }
}

/// For each char of `text`, whether it is whitespace (`char::is_whitespace`); ASCII is judged
/// from its byte, without decoding.
pub fn spaces(text: &str) -> impl Iterator<Item = bool> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = *bytes.get(i)?;
        Some(if b < 0x80 {
            i += 1;
            matches!(b, b'\t'..=b'\r' | b' ')
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_whitespace()
        })
    })
}

/// The text between two char offsets, or `None` if they are out of range or reversed.
pub fn slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = byte_index(text, start)?;
    let to = byte_index(text, end)?;
    Some(&text[from..to])
}

/// Whether a char offset falls between two user-perceived characters (extended grapheme
/// clusters): a coding must not split an emoji sequence or a letter from its combining mark.
///
/// A cursor at the offset looks only at the chars around it (not every grapheme before it):
/// codings are checked each time a session is read.
pub fn is_grapheme_boundary(text: &str, offset: usize) -> bool {
    byte_index(text, offset).is_some_and(|byte| is_boundary_at(text, byte))
}

/// Whether the char boundary `byte` of `text` is a grapheme boundary.
fn is_boundary_at(text: &str, byte: usize) -> bool {
    if byte == 0 || byte == text.len() {
        return true;
    }
    // Between two chars below U+0300 (none of them extends, prepends, joins or pairs) every
    // place is a boundary but inside CR LF: the common case, decided without the cursor.
    let before = text[..byte].chars().next_back().unwrap_or('\0');
    let after = text[byte..].chars().next().unwrap_or('\0');
    if before < '\u{300}' && after < '\u{300}' {
        return !(before == '\r' && after == '\n');
    }
    // The whole text is given as one chunk, so the cursor never asks for more context.
    GraphemeCursor::new(byte, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(false)
}

/// `text` safe to print on a terminal: control characters (C0 but `\n` and `\t`, DEL, C1) and the
/// bidirectional overrides are shown as escapes (`\u{1b}`), so that a transcript or a file name
/// cannot move the cursor, retitle the window or reorder what is shown. JSON output needs none
/// of this: it stays exact.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// How char positions of a text move when the text is edited into another one.
///
/// Built from a char-level diff, so several corrections in one edit are all followed.
/// A span keeps the chars that survive the edit: its start moves to its first surviving char and
/// its end to just after its last one; text inserted strictly inside a span joins it.
pub struct OffsetMap {
    /// For each char of the old text, its index in the new text, or `None` if it was removed.
    old_to_new: Vec<Option<usize>>,
}

impl OffsetMap {
    pub fn between(old: &str, new: &str) -> Self {
        let old_chars: Vec<char> = old.chars().collect();
        let new_chars: Vec<char> = new.chars().collect();
        let mut old_to_new = vec![None; old_chars.len()];
        for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new_chars) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    old_to_new[old_index + k] = Some(new_index + k);
                }
            }
        }
        Self { old_to_new }
    }

    /// Where the span `[start, end)` of the old text lies in the new one; `None` when every char
    /// of it was deleted (or the span was empty or out of range).
    pub fn map_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let end = end.min(self.old_to_new.len());
        let kept = self.old_to_new.get(start..end)?;
        let first = kept.iter().find_map(|p| *p)?;
        let last = kept.iter().rev().find_map(|p| *p)?;
        Some((first, last + 1))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn controls_are_shown_as_escapes_and_nothing_else_changes() {
        assert!(matches!(
            escape_controls("Mme B. : « à l'hôtel »\n\tsuite"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_controls("R\u{1b}[2J\u{7}x\ry\u{9b}31m\u{202e}gpj.exe\u{7f}"),
            "R\\u{1b}[2J\\u{7}x\\u{d}y\\u{9b}31m\\u{202e}gpj.exe\\u{7f}"
        );
    }
    use super::*;

    #[test]
    fn normalize_composes_accents_and_unifies_line_endings() {
        // "e" + combining acute accent, then CRLF and a lone CR.
        let decomposed = "he\u{301}bergement\r\nho\u{302}tel\rfin";
        let n = normalize(decomposed);
        assert_eq!(n, "hébergement\nhôtel\nfin");
        assert_eq!(char_len(&n), 21);
        assert!(is_normalized(&n));
        assert!(!is_normalized(decomposed));
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold(" Santé "), "sante");
        assert_eq!(fold("ÉLU·E"), "elu·e");
        assert_eq!(fold("Hôtel"), fold("hotel"));
    }

    #[test]
    fn slices_count_chars_not_bytes() {
        let t = "L'hôtelier a dit… 👩‍👧";
        assert_eq!(slice(t, 2, 10), Some("hôtelier"));
        assert_eq!(slice(t, 16, 17), Some("…"));
        assert_eq!(slice(t, 3, 2), None);
        assert_eq!(slice(t, 0, 99), None);
        assert_eq!(byte_index(t, char_len(t)), Some(t.len()));
    }

    #[test]
    fn byte_indexes_and_word_counts_agree_with_the_std_walks() {
        // Every whitespace char Unicode has, ASCII and not, long texts crossing the blocks the
        // index skips, multi-byte chars at their edges.
        let spaces = "\t\n\u{b}\u{c}\r \u{85}\u{a0}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";
        let mut texts: Vec<String> = vec![
            String::new(),
            "a".into(),
            "  Elle vit\tà l'hôtel… 👩‍👧  ".into(),
            spaces.into(),
            "\u{200b}x\u{180e}y\u{feff}z".into(), // not whitespace for Rust
        ];
        for n in [63, 64, 65, 127, 128, 129, 300] {
            texts.push("é".repeat(n));
            texts.push(format!("{}👩x{}", "a".repeat(n), " b".repeat(n)));
            texts.push(spaces.repeat(n / 10 + 1) + &"mot ".repeat(n));
        }
        for t in &texts {
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
            let walked = |o: usize| match t.char_indices().nth(o) {
                Some((i, _)) => Some(i),
                None if t.chars().count() == o => Some(t.len()),
                None => None,
            };
            let index = CharIndex::new(t);
            assert_eq!(index.len(), char_len(t));
            for offset in 0..=char_len(t) + 2 {
                assert_eq!(byte_index(t, offset), walked(offset), "{t:?} at {offset}");
                assert_eq!(index.byte(offset), walked(offset), "{t:?} at {offset}");
                assert_eq!(
                    index.is_grapheme_boundary(offset),
                    is_grapheme_boundary(t, offset)
                );
            }
        }
    }

    #[test]
    fn words_are_counted_alike_whatever_falls_on_the_edge_of_a_block() {
        // Word counting goes 32 bytes at a time: a space beyond ASCII (2 or 3 bytes), a word
        // or an accented letter across the edge of a block, a block of spaces.
        for pad in 0..70 {
            for sep in [
                "\u{a0}", "\u{3000}", "\u{2009}", " ", "\u{85}", "’", "é", "\n\n",
            ] {
                let texts = [
                    format!("{}{sep}{}", "a".repeat(pad), "mot ".repeat(20)),
                    format!("{}{sep}x", " ".repeat(pad)),
                    format!("{sep}{}{sep}{}", "é".repeat(pad), "b c ".repeat(pad)),
                ];
                for t in &texts {
                    assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn below_u0300_every_text_is_in_nfc() {
        // What the quick path of `is_normalized` relies on, char by char and all together.
        let low: Vec<char> = (0u32..0x300).filter_map(char::from_u32).collect();
        for &a in &low {
            assert_eq!(is_nfc_quick([a].into_iter()), IsNormalized::Yes, "{a:?}");
        }
        let text: String = low.iter().filter(|c| **c != '\r').collect();
        assert!(text.nfc().eq(text.chars()));
        assert!(is_normalized(&text));
        // A mark after the fast part is still judged: composing, or not.
        assert!(!is_normalized("hote\u{301}l"));
        assert!(!is_normalized("Å\u{212B}"));
        assert!(is_normalized("l’hôtel « à »\u{2026}"));
    }

    #[test]
    fn between_chars_below_u0300_the_quick_boundary_agrees_with_the_cursor() {
        let low: Vec<char> = (0u32..0x300).filter_map(char::from_u32).collect();
        for &a in &low {
            for &b in &low {
                let t: String = ['x', a, b, 'y'].iter().collect();
                let byte = 1 + a.len_utf8();
                let cursor = GraphemeCursor::new(byte, t.len(), true)
                    .is_boundary(&t, 0)
                    .unwrap();
                assert_eq!(is_grapheme_boundary(&t, 2), cursor, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn grapheme_boundaries_refuse_to_split_an_emoji_sequence() {
        let t = "a👩‍👧b"; // woman, ZWJ, girl: three chars, one grapheme
        assert!(is_grapheme_boundary(t, 1));
        assert!(!is_grapheme_boundary(t, 2));
        assert!(!is_grapheme_boundary(t, 3));
        assert!(is_grapheme_boundary(t, 4));
        assert!(is_grapheme_boundary(t, 5));
        assert!(!is_grapheme_boundary(t, 6));
    }

    #[test]
    fn grapheme_boundaries_agree_with_a_walk_over_every_grapheme() {
        use unicode_segmentation::UnicodeSegmentation;
        // Flags (regional indicator pairs need the chars before them), Hangul jamo, combining
        // marks, CRLF, a ZWJ family, Devanagari: what the cursor must judge like the full walk.
        let texts = [
            "🇫🇷🇩🇪🇮🇹x",
            "a\r\nb",
            "\u{1100}\u{1161}\u{11A8}가",
            "e\u{301}\u{302}z",
            "👨‍👩‍👧‍👦 ok",
            "नमस्ते",
            "",
        ];
        for t in texts {
            let starts: Vec<usize> = t.grapheme_indices(true).map(|(i, _)| i).collect();
            for offset in 0..=char_len(t) + 1 {
                let walked =
                    byte_index(t, offset).is_some_and(|b| b == t.len() || starts.contains(&b));
                assert_eq!(is_grapheme_boundary(t, offset), walked, "{t:?} at {offset}");
            }
        }
    }

    #[test]
    fn the_quick_normalisation_check_agrees_with_the_full_one() {
        // Yes, No and Maybe answers of the quick check (a combining mark after a base that may
        // compose, a Hangul jamo sequence, a singleton that NFC replaces).
        for t in [
            "hôtel",
            "ho\u{302}tel",
            "e\u{301}",
            "\u{1100}\u{1161}",
            "\u{212B}",
            "a\u{300}\u{301}",
            "\u{0915}\u{093C}",
        ] {
            let full = t.nfc().eq(t.chars());
            assert_eq!(is_normalized(t), full, "{t:?}");
        }
    }

    #[test]
    fn spans_follow_the_words_through_an_edit() {
        let old = "Elle vit à l'hotel avec son compagnon.";
        let new = "Depuis mars, elle vit à l'hôtel Mistral avec son compagnon.";
        let map = OffsetMap::between(old, new);
        // "hotel" [13, 18) becomes "hôtel", the o replaced: the span keeps h..l.
        let (s, e) = map.map_span(13, 18).unwrap();
        assert_eq!(slice(new, s, e), Some("hôtel"));
        // "son compagnon" keeps its words although text was inserted before it.
        let (s, e) = map.map_span(24, 37).unwrap();
        assert_eq!(slice(new, s, e), Some("son compagnon"));
    }

    #[test]
    fn a_span_whose_words_are_all_deleted_disappears() {
        let map = OffsetMap::between("un deux trois", "un trois");
        assert_eq!(map.map_span(3, 7), None);
        assert_eq!(map.map_span(8, 13), Some((3, 8)));
        // Text inserted strictly inside a span joins it.
        let map = OffsetMap::between("ab", "aXb");
        assert_eq!(map.map_span(0, 2), Some((0, 3)));
    }
}
