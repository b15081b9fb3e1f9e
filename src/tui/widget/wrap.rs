//! Word wrapping that remembers where each screen row comes from in the text, in chars: the
//! transcript views draw codings and selections on wrapped text and map clicks back to offsets.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One screen row: the chars `[start, end)` of the text (a `\n` belongs to no row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// Wraps `text` to `width` columns: at spaces when possible, inside a word longer than the
/// width otherwise, never inside a grapheme. A space where a row breaks stays at the end of
/// that row. An empty text gives one empty row.
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        wrap_line(line, offset, width, &mut rows);
        offset += line.chars().count() + 1;
    }
    rows
}

fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Row>) {
    // Graphemes with their char offset and column width.
    let mut cells: Vec<(usize, usize, bool)> = Vec::new(); // (char start, columns, is space)
    let mut at = base;
    for g in line.graphemes(true) {
        cells.push((at, g.width(), g == " "));
        at += g.chars().count();
    }
    let end_of_line = at;
    if cells.is_empty() {
        rows.push(Row {
            start: base,
            end: base,
        });
        return;
    }
    let mut row_start = 0; // index into cells
    while row_start < cells.len() {
        let mut used = 0;
        let mut i = row_start;
        let mut last_space = None;
        while i < cells.len() {
            let (_, w, space) = cells[i];
            if space {
                last_space = Some(i);
            }
            if used + w > width && !space {
                break;
            }
            used += w;
            i += 1;
        }
        if i >= cells.len() {
            rows.push(Row {
                start: cells[row_start].0,
                end: end_of_line,
            });
            return;
        }
        // Break after the last space of the row if there is one, else inside the word.
        let cut = match last_space {
            Some(s) if s >= row_start => s + 1,
            _ => i.max(row_start + 1),
        };
        let end = cells.get(cut).map_or(end_of_line, |c| c.0);
        rows.push(Row {
            start: cells[row_start].0,
            end,
        });
        row_start = cut;
    }
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
    }

    #[test]
    fn wide_characters_and_emoji_sequences_are_never_split() {
        assert_eq!(pieces("日本語です", 4), ["日本", "語で", "す"]);
        assert_eq!(pieces("a👩‍👧b", 2), ["a", "👩‍👧", "b"]);
    }

    #[test]
    fn row_of_finds_the_row_of_an_offset() {
        let rows = wrap("L'hôtelier a dit non", 10);
        assert_eq!(row_of(&rows, 0), 0);
        assert_eq!(row_of(&rows, 10), 0);
        assert_eq!(row_of(&rows, 11), 1);
        assert_eq!(row_of(&rows, 20), 1);
    }
}
