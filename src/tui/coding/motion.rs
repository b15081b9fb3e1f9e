//! Moving in a segment's text by character, word and sentence, in chars, never inside a
//! grapheme (an accent stays with its letter, an emoji sequence is one step).

use unicode_segmentation::UnicodeSegmentation;

/// Char offsets of grapheme boundaries, 0 and the length included.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut at = 0;
    for g in text.graphemes(true) {
        at += g.chars().count();
        out.push(at);
    }
    out
}

pub fn next_char(text: &str, offset: usize) -> usize {
    let b = boundaries(text);
    b.iter()
        .copied()
        .find(|p| *p > offset)
        .unwrap_or(*b.last().unwrap_or(&0))
}

pub fn prev_char(text: &str, offset: usize) -> usize {
    boundaries(text)
        .into_iter()
        .rev()
        .find(|p| *p < offset)
        .unwrap_or(0)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{2019}' || c == '\'' || c == '-' || c == '·'
}

/// To the end of the word at or after `offset`.
pub fn word_end(text: &str, offset: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = offset.min(chars.len());
    while i < chars.len() && !is_word(chars[i]) {
        i += 1;
    }
    while i < chars.len() && is_word(chars[i]) {
        i += 1;
    }
    snap_forward(text, i)
}

/// To the start of the word before `offset`.
pub fn word_start(text: &str, offset: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = offset.min(chars.len());
    while i > 0 && !is_word(chars[i - 1]) {
        i -= 1;
    }
    while i > 0 && is_word(chars[i - 1]) {
        i -= 1;
    }
    snap_back(text, i)
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// To just after the end of the sentence at or after `offset` (closing quotes included).
pub fn sentence_end(text: &str, offset: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = offset.min(chars.len());
    // Skip the spaces left of a sentence already ended.
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    while i < chars.len() && !ends_sentence(chars[i]) {
        i += 1;
    }
    while i < chars.len()
        && (ends_sentence(chars[i])
            || matches!(
                chars[i],
                '»' | '"' | '\u{201d}' | ')' | '\u{a0}' | '\u{202f}'
            ))
    {
        i += 1;
    }
    snap_forward(text, i)
}

/// To the start of the sentence before `offset`.
pub fn sentence_start(text: &str, offset: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = offset.min(chars.len());
    // Out of the current sentence's leading spaces and previous end.
    while i > 0 && (chars[i - 1].is_whitespace() || ends_sentence(chars[i - 1])) {
        i -= 1;
    }
    while i > 0 && !ends_sentence(chars[i - 1]) {
        i -= 1;
    }
    while i < offset
        && chars
            .get(i)
            .is_some_and(|c| c.is_whitespace() || matches!(c, '»' | '"'))
    {
        i += 1;
    }
    snap_back(text, i)
}

fn snap_forward(text: &str, offset: usize) -> usize {
    boundaries(text)
        .into_iter()
        .find(|p| *p >= offset)
        .unwrap_or(offset)
}

fn snap_back(text: &str, offset: usize) -> usize {
    boundaries(text)
        .into_iter()
        .rev()
        .find(|p| *p <= offset)
        .unwrap_or(0)
}

/// The char offset in `row` (a row's text) at display column `col`.
pub fn offset_at_column(row: &str, col: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let mut at = 0;
    let mut used = 0;
    for g in row.graphemes(true) {
        let w = g.width();
        if used + w > col {
            return at;
        }
        used += w;
        at += g.chars().count();
    }
    at
}

/// The display column of char `offset` in `row` (a row's text).
pub fn column_of(row: &str, offset: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let end = row.char_indices().nth(offset).map_or(row.len(), |(b, _)| b);
    row[..end].width()
}

/// How far a motion looks around the cursor, in bytes: a key costs the same in a segment of
/// any length.
const REACH: usize = 4096;

/// Runs a motion on the part of `text` around the cursor (char `offset`, at `byte`): `f` is
/// given that part and the cursor's char offset in it, and its answer is taken back to the
/// whole text.
pub fn local(text: &str, byte: usize, offset: usize, f: impl Fn(&str, usize) -> usize) -> usize {
    let mut start = byte.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (byte + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let before = text[start..byte].chars().count();
    let base = offset - before;
    base + f(&text[start..end], before)
}

/// The last char of the word at or after the one after `offset` (vim's `e`): where a selection
/// that takes in the word ends, the char under the cursor included.
pub fn word_last(text: &str, offset: usize) -> usize {
    let end = word_end(text, next_char(text, offset));
    prev_char(text, end).max(offset.min(end))
}

/// The last char of the sentence at or after the one after `offset`.
pub fn sentence_last(text: &str, offset: usize) -> usize {
    let end = sentence_end(text, next_char(text, offset));
    prev_char(text, end).max(offset.min(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "Elle vit à l'hôtel. Son compagnon « encaisse » ! Voilà";

    #[test]
    fn characters_step_over_graphemes() {
        let t = "e\u{301}t👩\u{200d}👧x";
        assert_eq!(next_char(t, 0), 2);
        assert_eq!(next_char(t, 3), 6);
        assert_eq!(prev_char(t, 6), 3);
        assert_eq!(next_char(t, 7), 7);
    }

    #[test]
    fn words_include_elisions_and_inclusive_writing() {
        // "Elle" ends at 4; from 9 ("à") the next word ends at 10; "l'hôtel" is one word.
        assert_eq!(word_end(T, 0), 4);
        assert_eq!(word_end(T, 9), 10);
        assert_eq!(word_end(T, 10), 18);
        assert_eq!(word_start(T, 18), 11);
        assert_eq!(word_end("les professionnel·les.", 3), 21);
    }

    #[test]
    fn sentences_end_after_their_mark_and_quotes() {
        assert_eq!(sentence_end(T, 0), 19);
        assert_eq!(&T.chars().collect::<String>()[..], T);
        let second_end = sentence_end(T, 19);
        assert_eq!(
            T.chars().take(second_end).collect::<String>(),
            "Elle vit à l'hôtel. Son compagnon « encaisse » !"
        );
        assert_eq!(sentence_start(T, 30), 20);
        assert_eq!(sentence_start(T, 20), 0);
    }

    #[test]
    fn columns_map_to_offsets_with_wide_characters() {
        let t = "日本語です";
        assert_eq!(offset_at_column(t, 0), 0);
        assert_eq!(offset_at_column(t, 3), 1);
        assert_eq!(offset_at_column(t, 4), 2);
        assert_eq!(column_of(t, 2), 4);
        assert_eq!(offset_at_column(t, 99), 5);
    }

    #[test]
    fn vim_word_ends_land_on_the_last_char_and_local_motions_agree() {
        let t = "L'hôtelier a dit";
        assert_eq!(word_last(t, 0), 9);
        assert_eq!(word_last(t, 9), 11);
        assert_eq!(word_last(t, 11), 15);
        assert_eq!(word_last(t, 15), 15, "at the very end, it stays");
        // Far into a long text, the same answer from a part of it.
        let long = format!("{}{t}", "x. ".repeat(10_000));
        let offset = 30_000;
        let byte = long.char_indices().nth(offset).unwrap().0;
        assert_eq!(local(&long, byte, offset, word_last), offset + 9);
        assert_eq!(local(&long, byte + 2, offset + 2, word_start), offset);
    }
}
