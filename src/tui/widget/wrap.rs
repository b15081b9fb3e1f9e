//! Word wrapping that remembers where each screen row comes from in the text, in chars and
//! bytes: the transcript views draw codings and selections on wrapped text and map clicks back
//! to offsets. Rows are made one at a time ([`next_row`]), so a view can lay out only the part
//! of a long text it shows.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One screen row: the chars `[start, end)` of the text (a `\n` belongs to no row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// A row with its bytes too: `[byte_start, byte_end)` are the same text as `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRow {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Where the row after `row` starts in `text`, as `(byte, char)`; `None` at the end of the text.
pub fn after(text: &str, row: &TextRow) -> Option<(usize, usize)> {
    match text[row.byte_end..].chars().next() {
        // The line break ends the row and starts the next line.
        Some('\n') => Some((row.byte_end + 1, row.end + 1)),
        Some(_) => Some((row.byte_end, row.end)),
        None => None,
    }
}

/// The row of `text` starting at `(byte, char)` (the start of a line, or where the row before
/// it ended), `width` columns wide: broken after the last space when possible, inside a word
/// longer than the width otherwise, never inside a grapheme. A space where the row breaks stays
/// at the end of that row.
pub fn next_row(text: &str, byte: usize, char: usize, width: usize) -> TextRow {
    let width = width.max(1);
    // The line is read only as far as the row goes: looking for its end first would read a
    // 5 MB line to its end for every row of it.
    let line = &text[byte..];
    let mut used = 0;
    // (byte, char) just after the last space of the row, and where the row would be cut
    // inside a word.
    let mut after_space: Option<(usize, usize)> = None;
    let mut at = (0usize, 0usize);
    for g in line.graphemes(true) {
        if g == "\n" {
            break;
        }
        let space = g == " ";
        let w = g.width();
        if used + w > width && !space && at.0 > 0 {
            let (b, c) = after_space.unwrap_or(at);
            return TextRow {
                start: char,
                end: char + c,
                byte_start: byte,
                byte_end: byte + b,
            };
        }
        used += w;
        at = (at.0 + g.len(), at.1 + g.chars().count());
        if space {
            after_space = Some(at);
        }
    }
    TextRow {
        start: char,
        end: char + at.1,
        byte_start: byte,
        byte_end: byte + at.0,
    }
}

/// Wraps the whole of `text` to `width` columns. An empty text gives one empty row.
pub fn wrap_rows(text: &str, width: usize) -> Vec<TextRow> {
    let mut rows = Vec::new();
    let mut at = Some((0, 0));
    while let Some((byte, char)) = at {
        let row = next_row(text, byte, char, width);
        at = after(text, &row);
        rows.push(row);
    }
    rows
}

/// Wraps `text` to `width` columns, in chars.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    wrap_rows(text, width)
        .into_iter()
        .map(|r| Row {
            start: r.start,
            end: r.end,
        })
        .collect()
}

/// `text` wrapped to `width` columns as the lines to draw (the space where a row breaks left
/// out): a note of a screen laid out in its real height, not cut by a fixed one.
pub fn lines(text: &str, width: usize) -> Vec<String> {
    wrap_rows(text, width)
        .iter()
        .map(|r| text[r.byte_start..r.byte_end].trim_end().to_owned())
        .collect()
}

/// The row holding char `offset` (a cursor at the very end belongs to the last row).
pub fn row_of(rows: &[Row], offset: usize) -> usize {
    rows.iter()
        .position(|r| offset >= r.start && offset < r.end.max(r.start + 1))
        .or_else(|| rows.iter().rposition(|r| offset >= r.start))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        wrap(text, width)
            .iter()
            .map(|r| chars[r.start..r.end].iter().collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_offsets_in_chars() {
        assert_eq!(
            pieces("L'hôtelier a dit non", 10),
            ["L'hôtelier ", "a dit non"]
        );
        let rows = wrap("L'hôtelier a dit non", 10);
        assert_eq!(rows[1], Row { start: 11, end: 20 });
    }

    #[test]
    fn long_words_break_and_newlines_start_rows() {
        assert_eq!(pieces("proxénétisme", 5), ["proxé", "nétis", "me"]);
        assert_eq!(pieces("un\n\ndeux", 10), ["un", "", "deux"]);
        assert_eq!(wrap("un\n\ndeux", 10)[2], Row { start: 4, end: 8 });
        assert_eq!(pieces("", 10), [""]);
        assert_eq!(pieces("fin\n", 10), ["fin", ""]);
    }

    #[test]
    fn wide_characters_and_emoji_sequences_are_never_split() {
        assert_eq!(pieces("日本語です", 4), ["日本", "語で", "す"]);
        assert_eq!(pieces("a👩‍👧b", 2), ["a", "👩‍👧", "b"]);
    }

    #[test]
    fn bytes_and_chars_name_the_same_text() {
        let text = "Elle a dit « l'hôtel » et\npuis rien";
        for r in wrap_rows(text, 8) {
            let by_chars: String = text.chars().skip(r.start).take(r.end - r.start).collect();
            assert_eq!(&text[r.byte_start..r.byte_end], by_chars);
        }
    }

    #[test]
    fn row_of_finds_the_row_of_an_offset() {
        let rows = wrap("L'hôtelier a dit non", 10);
        assert_eq!(row_of(&rows, 0), 0);
        assert_eq!(row_of(&rows, 10), 0);
        assert_eq!(row_of(&rows, 11), 1);
        assert_eq!(row_of(&rows, 20), 1);
    }

    #[test]
    fn a_note_wrapped_in_lines_to_draw() {
        assert_eq!(
            lines("trop étroit : élargir le terminal", 14),
            ["trop étroit :", "élargir le", "terminal"]
        );
        assert_eq!(lines("court", 14), ["court"]);
    }
}
