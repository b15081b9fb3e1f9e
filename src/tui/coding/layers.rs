//! A session with the transcript of its recording has two layers (issue 20): the live notes
//! and the transcript. The coding screen shows the transcript with the notes of the same
//! moment beside it, scrolling together (`Both`), or one layer alone; `t` toggles.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::Row;
use crate::i18n::Texts;
use crate::study::{Segment, Session, Time};
use crate::tui::widget::fit;
use crate::tui::widget::wrap::wrap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layer {
    /// The transcript, the live notes of the same moment beside it.
    #[default]
    Both,
    Transcript,
    Notes,
}

impl Layer {
    pub fn next(self) -> Layer {
        match self {
            Layer::Both => Layer::Transcript,
            Layer::Transcript => Layer::Notes,
            Layer::Notes => Layer::Both,
        }
    }

    /// Whether the segment at this index is in the text column (every segment of a session
    /// without a transcript).
    pub fn shows(self, session: &Session, seg: &Segment) -> bool {
        match (&session.transcript, self) {
            (None, _) => true,
            (Some(_), Layer::Notes) => !session.in_transcript(seg.id),
            (Some(_), _) => session.in_transcript(seg.id),
        }
    }

    /// Whether the notes are drawn beside the transcript.
    pub fn beside(self, session: &Session) -> bool {
        session.transcript.is_some() && self == Layer::Both
    }

    pub fn name(self, t: &Texts) -> &'static str {
        match self {
            Layer::Both => t.align.layer_both,
            Layer::Transcript => t.align.layer_transcript,
            Layer::Notes => t.align.layer_notes,
        }
    }
}

/// The first segment shown at or after `from` going `step` (±1), if any.
pub fn shown_from(session: &Session, layer: Layer, from: isize, step: isize) -> Option<usize> {
    let mut i = from;
    while (0..session.segments.len() as isize).contains(&i) {
        if layer.shows(session, &session.segments[i as usize]) {
            return Some(i as usize);
        }
        i += step;
    }
    None
}

/// The segment shown in `layer` said or typed closest in time to the segment at `seg`: where
/// the other layer's same moment is.
pub fn nearest_in_time(session: &Session, layer: Layer, seg: usize) -> Option<usize> {
    let at = session.segments.get(seg)?.start?;
    session
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| layer.shows(session, s))
        .filter_map(|(i, s)| Some((i, (s.start? - at).abs())))
        .min_by_key(|(_, d)| *d)
        .map(|(i, _)| i)
}

/// How long before the first transcript words shown and after the last a note still belongs
/// beside them (notes are typed as, or just after, the words are said).
const BEFORE_S: i64 = 10;
const AFTER_S: i64 = 45;

/// The live notes typed while the transcript rows shown were said, beside them.
pub fn draw_notes(frame: &mut Frame, area: Rect, session: &Session, shown: &[Row], t: &Texts) {
    if area.width == 0 {
        return;
    }
    let block = Block::default().borders(Borders::LEFT);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let moments: Vec<Time> = shown
        .iter()
        .filter_map(|r| match r {
            Row::Heading(i) | Row::Text { seg: i, .. } => session.segments.get(*i),
            _ => None,
        })
        .flat_map(|s| [s.start, s.end])
        .flatten()
        .collect();
    let mut lines = vec![Line::from(t.align.notes_beside).bold()];
    let window = moments
        .iter()
        .min()
        .zip(moments.iter().max())
        .map(|(a, b)| {
            (
                *a - chrono::TimeDelta::seconds(BEFORE_S),
                *b + chrono::TimeDelta::seconds(AFTER_S),
            )
        });
    let notes: Vec<&Segment> = match window {
        Some((from, to)) => session
            .live_segments()
            .filter(|s| s.start.is_some_and(|at| from <= at && at <= to))
            .collect(),
        None => Vec::new(),
    };
    if notes.is_empty() {
        lines.push(Line::from(format!("  {}", t.align.no_notes_beside)).dark_gray());
    }
    let width = inner.width as usize;
    for note in notes {
        let at = note
            .start
            .map(|s| s.format("%H:%M:%S").to_string())
            .unwrap_or_default();
        lines.push(Line::from(Span::raw(at)).dark_gray());
        for r in wrap(&note.text, width.saturating_sub(2).max(1)) {
            let part: String = note
                .text
                .chars()
                .skip(r.start)
                .take(r.end - r.start)
                .collect();
            lines.push(Line::from(format!(
                "  {}",
                fit(&part, width.saturating_sub(2))
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
