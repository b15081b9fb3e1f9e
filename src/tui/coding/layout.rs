//! The transcript laid out in screen rows: theme and question headings, a heading per segment,
//! its text wrapped with the char range of each row. Drawing, cursor movement and the mouse all
//! read the same rows.

use crate::study::{Session, Study};
use crate::tui::widget::wrap::wrap;

/// Columns left of the text for the coding bars.
pub const MARGIN: u16 = 5;

#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Theme(String),
    Question(String),
    /// The heading of the segment at this index (speaker, time).
    Heading(usize),
    /// Chars `[start, end)` of the segment at `seg`.
    Text {
        seg: usize,
        start: usize,
        end: usize,
    },
    Blank,
}

/// Lays out every segment of `session` for a text area `width` columns wide (margin included).
pub fn rows(session: &Session, study: &Study, width: u16, no_question: &str) -> Vec<Row> {
    let text_width = width.saturating_sub(MARGIN).max(1) as usize;
    let mut rows = Vec::new();
    let mut theme = None;
    let mut question = None;
    for (i, seg) in session.segments.iter().enumerate() {
        if i == 0 || seg.question != question {
            question = seg.question;
            match seg.question.and_then(|q| study.grid.question(q)) {
                Some((t, q)) => {
                    if theme != Some(t.id) {
                        theme = Some(t.id);
                        rows.push(Row::Theme(t.title.clone()));
                    }
                    rows.push(Row::Question(q.text.clone()));
                }
                None => {
                    theme = None;
                    rows.push(Row::Question(no_question.to_owned()));
                }
            }
        }
        rows.push(Row::Heading(i));
        for r in wrap(&seg.text, text_width) {
            rows.push(Row::Text {
                seg: i,
                start: r.start,
                end: r.end,
            });
        }
        rows.push(Row::Blank);
    }
    rows
}

/// The row showing char `offset` of segment `seg` (the end of a segment is on its last row).
pub fn row_of(rows: &[Row], seg: usize, offset: usize) -> Option<usize> {
    let mut last = None;
    for (i, row) in rows.iter().enumerate() {
        if let Row::Text { seg: s, end, .. } = row
            && *s == seg
        {
            if offset < *end {
                return Some(i);
            }
            last = Some(i);
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Respondent, Segment, SegmentId, Speaker};

    fn session(texts: &[&str]) -> Session {
        let mut s = Session::new("C".into(), Respondent::default());
        for t in texts {
            s.segments.push(Segment {
                id: SegmentId::new(),
                question: None,
                speaker: Speaker::Respondent,
                speaker_label: None,
                recording: None,
                start: None,
                end: None,
                text: (*t).into(),
            });
        }
        s
    }

    fn study() -> Study {
        Study {
            meta: serde_json::from_str(
                r#"{"format":"grille/1","id":"00000000-0000-4000-8000-000000000000","title":"t"}"#,
            )
            .unwrap(),
            grid: Default::default(),
            codebook: Default::default(),
        }
    }

    #[test]
    fn segments_are_laid_out_under_headings_with_their_char_ranges() {
        let s = session(&["L'hôtelier a dit non", "Oui"]);
        let rows = rows(&s, &study(), 10 + MARGIN, "hors grille");
        assert_eq!(
            rows,
            [
                Row::Question("hors grille".into()),
                Row::Heading(0),
                Row::Text {
                    seg: 0,
                    start: 0,
                    end: 11
                },
                Row::Text {
                    seg: 0,
                    start: 11,
                    end: 20
                },
                Row::Blank,
                Row::Heading(1),
                Row::Text {
                    seg: 1,
                    start: 0,
                    end: 3
                },
                Row::Blank,
            ]
        );
        assert_eq!(row_of(&rows, 0, 0), Some(2));
        assert_eq!(row_of(&rows, 0, 11), Some(3));
        assert_eq!(
            row_of(&rows, 0, 20),
            Some(3),
            "the end of a segment is on its last row"
        );
        assert_eq!(row_of(&rows, 1, 3), Some(6));
    }
}
