//! The transcript laid out in screen rows, only as far as it is looked at. Each segment is a
//! block: theme and question headings when the question changes, a heading (speaker, time),
//! its text wrapped, a blank row. A place on screen is a [`Spot`]: a segment and a row of its
//! block. A segment's text is wrapped row by row when a row of it is first needed and kept
//! (per width), so a key costs the same on a 5 MB segment or a session of 156,000 segments:
//! drawing, moving and clicking read the same rows. A session with a transcript layer shows
//! one layer in the text column (see [`Layer`]): the segments of the other are skipped.

use std::collections::HashMap;

use super::Layer;
use crate::study::{SegmentId, Session, Study};
use crate::tui::widget::wrap::{self, TextRow};

/// Columns left of the text for the coding bars.
pub const MARGIN: u16 = 5;

#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Theme(String),
    Question(String),
    /// The heading of the segment at this index (speaker, time).
    Heading(usize),
    /// A row of text of the segment at `seg`.
    Text {
        seg: usize,
        row: TextRow,
    },
    Blank,
}

/// A row of the layout: the segment at index `seg`, row `row` of its block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub seg: usize,
    pub row: usize,
}

/// A segment's text as wrapped so far.
#[derive(Debug)]
struct Wrapped {
    /// The text's length in bytes when it was wrapped: another length means another text.
    bytes: usize,
    /// Its length in chars.
    chars: usize,
    rows: Vec<TextRow>,
    /// Where the next row starts, or `None` when the whole text is wrapped.
    next: Option<(usize, usize)>,
}

impl Wrapped {
    fn new(text: &str) -> Wrapped {
        Wrapped {
            bytes: text.len(),
            chars: text.chars().count(),
            rows: Vec::new(),
            next: Some((0, 0)),
        }
    }

    /// Wraps until row `n` exists or the text ends.
    fn extend_to(&mut self, text: &str, width: usize, n: usize) {
        while self.rows.len() <= n {
            let Some((byte, char)) = self.next else {
                return;
            };
            let row = wrap::next_row(text, byte, char, width);
            self.next = wrap::after(text, &row);
            self.rows.push(row);
        }
    }

    /// Wraps until the row holding char `offset` exists; its index.
    fn row_holding(&mut self, text: &str, width: usize, offset: usize) -> usize {
        while self.next.is_some() && self.rows.last().is_none_or(|r| r.end <= offset) {
            let n = self.rows.len();
            self.extend_to(text, width, n);
        }
        // The last row starting at or before the offset (the end of a row belongs to it).
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

/// The wrapped texts of one session at one width.
#[derive(Debug, Default)]
pub struct Layout {
    /// Columns for the text (the margin left out).
    width: usize,
    texts: HashMap<SegmentId, Wrapped>,
}

impl Layout {
    /// Forgets every wrapped text (a text was corrected, segments came or went).
    pub fn reset(&mut self) {
        self.texts.clear();
    }

    /// Lays out for a transcript area `width` columns wide (margin included).
    pub fn set_width(&mut self, width: u16) {
        let text_width = width.saturating_sub(MARGIN).max(1) as usize;
        if text_width != self.width {
            self.width = text_width;
            self.texts.clear();
        }
    }

    fn wrapped<'s>(&mut self, session: &'s Session, seg: usize) -> Option<(&mut Wrapped, &'s str)> {
        let segment = session.segments.get(seg)?;
        let text = segment.text.as_str();
        let wrapped = self
            .texts
            .entry(segment.id)
            .and_modify(|w| {
                if w.bytes != text.len() {
                    *w = Wrapped::new(text);
                }
            })
            .or_insert_with(|| Wrapped::new(text));
        Some((wrapped, text))
    }

    /// The length of a segment's text in chars (counted once).
    pub fn char_len(&mut self, session: &Session, seg: usize) -> usize {
        self.wrapped(session, seg).map_or(0, |(w, _)| w.chars)
    }

    /// Text row `n` of a segment, wrapping as far as needed.
    pub fn text_row(&mut self, session: &Session, seg: usize, n: usize) -> Option<TextRow> {
        let width = self.width;
        let (w, text) = self.wrapped(session, seg)?;
        w.extend_to(text, width, n);
        w.rows.get(n).copied()
    }

    /// The index of the text row holding char `offset` of a segment.
    pub fn text_row_of(&mut self, session: &Session, seg: usize, offset: usize) -> usize {
        let width = self.width;
        self.wrapped(session, seg)
            .map_or(0, |(w, text)| w.row_holding(text, width, offset))
    }

    /// How many text rows a segment has (the whole text is wrapped).
    fn text_rows(&mut self, session: &Session, seg: usize) -> usize {
        let width = self.width;
        let Some((w, text)) = self.wrapped(session, seg) else {
            return 0;
        };
        w.extend_to(text, width, usize::MAX - 1);
        w.rows.len()
    }

    /// The rows of a segment's block before its text: theme and question headings when they
    /// change from the segment shown before it.
    pub fn heads(cx: &Laying, seg: usize) -> Vec<Row> {
        let (session, study) = (cx.session, cx.study);
        let mut rows = Vec::new();
        let Some(segment) = session.segments.get(seg) else {
            return rows;
        };
        let before = cx.before(seg).and_then(|i| session.segments.get(i));
        if before.is_none_or(|b| b.question != segment.question) {
            let theme_of = |s: &crate::study::Segment| {
                s.question
                    .and_then(|q| study.grid.question(q))
                    .map(|(t, _)| t.id)
            };
            match segment.question.and_then(|q| study.grid.question(q)) {
                Some((t, q)) => {
                    if before.is_none_or(|b| theme_of(b) != Some(t.id)) {
                        rows.push(Row::Theme(t.title.clone()));
                    }
                    rows.push(Row::Question(q.text.clone()));
                }
                None => rows.push(Row::Question(cx.no_question.to_owned())),
            }
        }
        rows.push(Row::Heading(seg));
        rows
    }

    /// The row at a spot, if the block has it.
    pub fn row_at(&mut self, cx: &Laying, spot: Spot) -> Option<Row> {
        let heads = Self::heads(cx, spot.seg);
        if spot.row < heads.len() {
            return heads.into_iter().nth(spot.row);
        }
        let n = spot.row - heads.len();
        match self.text_row(cx.session, spot.seg, n) {
            Some(row) => Some(Row::Text { seg: spot.seg, row }),
            // One blank row after the text.
            None if n > 0 && self.text_row(cx.session, spot.seg, n - 1).is_some() => {
                Some(Row::Blank)
            }
            None => None,
        }
    }

    /// The spot after `spot`, if there is one.
    pub fn next(&mut self, cx: &Laying, spot: Spot) -> Option<Spot> {
        let down = Spot {
            row: spot.row + 1,
            ..spot
        };
        if self.row_at(cx, down).is_some() {
            Some(down)
        } else {
            cx.after(spot.seg).map(|seg| Spot { seg, row: 0 })
        }
    }

    /// The spot before `spot`, if there is one.
    pub fn previous(&mut self, cx: &Laying, spot: Spot) -> Option<Spot> {
        if spot.row > 0 {
            return Some(Spot {
                row: spot.row - 1,
                ..spot
            });
        }
        let seg = cx.before(spot.seg)?;
        let heads = Self::heads(cx, seg).len();
        let rows = self.text_rows(cx.session, seg);
        Some(Spot {
            seg,
            row: heads + rows,
        })
    }

    /// `steps` spots away (back when negative), as far as the transcript goes.
    pub fn walk(&mut self, cx: &Laying, mut spot: Spot, steps: isize) -> Spot {
        for _ in 0..steps.unsigned_abs() {
            let next = if steps > 0 {
                self.next(cx, spot)
            } else {
                self.previous(cx, spot)
            };
            match next {
                Some(s) => spot = s,
                None => break,
            }
        }
        spot
    }

    /// The spot showing char `offset` of segment `seg`.
    pub fn spot_of(&mut self, cx: &Laying, seg: usize, offset: usize) -> Spot {
        let heads = Self::heads(cx, seg).len();
        Spot {
            seg,
            row: heads + self.text_row_of(cx.session, seg, offset),
        }
    }

    /// The byte of char `offset` in segment `seg`'s text.
    pub fn byte_of(&mut self, session: &Session, seg: usize, offset: usize) -> usize {
        let n = self.text_row_of(session, seg, offset);
        let Some(row) = self.text_row(session, seg, n) else {
            return 0;
        };
        let text = session.segments.get(seg).map_or("", |s| s.text.as_str());
        text[row.byte_start..]
            .char_indices()
            .nth(offset.saturating_sub(row.start))
            .map_or(text.len(), |(b, _)| row.byte_start + b)
    }
}

/// What laying out reads: the session, the study (for headings), the words for segments
/// outside the grid and the layer shown.
pub struct Laying<'a> {
    pub session: &'a Session,
    pub study: &'a Study,
    pub no_question: &'a str,
    pub layer: Layer,
}

impl Laying<'_> {
    /// The segment shown before the one at `seg`, if any.
    pub fn before(&self, seg: usize) -> Option<usize> {
        let from = seg.checked_sub(1)? as isize;
        super::layers::shown_from(self.session, self.layer, from, -1)
    }

    /// The segment shown after the one at `seg`, if any.
    pub fn after(&self, seg: usize) -> Option<usize> {
        super::layers::shown_from(self.session, self.layer, seg as isize + 1, 1)
    }
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

    fn all_rows(layout: &mut Layout, cx: &Laying) -> Vec<Row> {
        let mut rows = vec![];
        let mut spot = Some(Spot::default());
        while let Some(s) = spot {
            rows.push(layout.row_at(cx, s).unwrap());
            spot = layout.next(cx, s);
        }
        rows
    }

    #[test]
    fn segments_are_laid_out_under_headings_with_their_char_ranges() {
        let s = session(&["L'hôtelier a dit non", "Oui"]);
        let study = study();
        let cx = Laying {
            session: &s,
            study: &study,
            no_question: "hors grille",
            layer: Layer::Both,
        };
        let mut layout = Layout::default();
        layout.set_width(10 + MARGIN);
        let text = |seg, start, end, byte_start, byte_end| Row::Text {
            seg,
            row: TextRow {
                start,
                end,
                byte_start,
                byte_end,
            },
        };
        assert_eq!(
            all_rows(&mut layout, &cx),
            [
                Row::Question("hors grille".into()),
                Row::Heading(0),
                text(0, 0, 11, 0, 12),
                text(0, 11, 20, 12, 21),
                Row::Blank,
                Row::Heading(1),
                text(1, 0, 3, 0, 3),
                Row::Blank,
            ]
        );
        assert_eq!(layout.spot_of(&cx, 0, 0), Spot { seg: 0, row: 2 });
        assert_eq!(layout.spot_of(&cx, 0, 11), Spot { seg: 0, row: 3 });
        assert_eq!(
            layout.spot_of(&cx, 0, 20),
            Spot { seg: 0, row: 3 },
            "the end of a segment is on its last row"
        );
        assert_eq!(layout.spot_of(&cx, 1, 3), Spot { seg: 1, row: 1 });
        // Walking back from the second segment reaches the blank row of the first.
        assert_eq!(
            layout.previous(&cx, Spot { seg: 1, row: 0 }),
            Some(Spot { seg: 0, row: 4 })
        );
        assert_eq!(layout.byte_of(&s, 0, 13), 14, "ô is two bytes");
    }

    #[test]
    fn a_long_segment_is_wrapped_only_as_far_as_it_is_looked_at() {
        let long = "mot ".repeat(250_000);
        let s = session(&[&long]);
        let mut layout = Layout::default();
        layout.set_width(40 + MARGIN);
        layout.text_row(&s, 0, 10).unwrap();
        let wrapped = layout.texts.values().next().unwrap();
        assert_eq!(wrapped.rows.len(), 11);
        assert!(wrapped.next.is_some());
        // A place far in is found by wrapping up to it, no further.
        let n = layout.text_row_of(&s, 0, 4_000);
        assert_eq!(n, 100);
        assert!(layout.texts.values().next().unwrap().rows.len() < 110);
    }
}
