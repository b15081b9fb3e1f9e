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

/// The char offset in `text` at display column `col` of the row starting at `row_start`.
pub fn offset_at_column(text: &str, row_start: usize, row_end: usize, col: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let mut at = row_start;
    let mut used = 0;
    let skipped: String = text
        .chars()
        .skip(row_start)
        .take(row_end - row_start)
        .collect();
    for g in skipped.graphemes(true) {
        let w = g.width();
        if used + w > col {
            return at;
        }
        used += w;
        at += g.chars().count();
    }
    at
}

/// The display column of char `offset` in the row starting at `row_start`.
pub fn column_of(text: &str, row_start: usize, offset: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let piece: String = text
        .chars()
        .skip(row_start)
        .take(offset.saturating_sub(row_start))
        .collect();
    piece.width()
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
        assert_eq!(offset_at_column(t, 0, 5, 0), 0);
        assert_eq!(offset_at_column(t, 0, 5, 3), 1);
        assert_eq!(offset_at_column(t, 0, 5, 4), 2);
        assert_eq!(column_of(t, 0, 2), 4);
        assert_eq!(offset_at_column(t, 0, 5, 99), 5);
    }
}
