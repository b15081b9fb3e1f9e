//! Which questions of the grid the recordings' transcripts cover, and how long each took in
//! the recordings (issue 20): per interview, and per question over the interviews.

use std::time::Duration;

use super::filter::Scope;
use crate::study::{QuestionId, Session};

/// One interview's transcript on one question (`None`: off the grid).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell<'a> {
    pub session: &'a Session,
    pub question: Option<QuestionId>,
    pub segments: usize,
    pub words: usize,
    pub recorded: Duration,
}

/// A question over the interviews with a transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    pub question: Option<QuestionId>,
    /// Interviews whose transcript has text under it.
    pub sessions: usize,
    pub words: usize,
    pub recorded: Duration,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage<'a> {
    /// Kept interviews with a transcript: the base.
    pub transcribed: usize,
    /// Every (interview, question) pair, questions in grid order then off the grid; a
    /// question without text is there with zeros.
    pub cells: Vec<Cell<'a>>,
    pub totals: Vec<Total>,
}

pub fn coverage<'a>(scope: &Scope<'a>) -> Coverage<'a> {
    let mut questions: Vec<Option<QuestionId>> = scope
        .study
        .grid
        .questions()
        .map(|(_, q)| Some(q.id))
        .collect();
    questions.push(None);
    let sessions: Vec<&Session> = scope
        .sessions
        .iter()
        .copied()
        .filter(|s| s.transcript.is_some())
        .collect();
    let mut cells = Vec::new();
    for session in &sessions {
        let found = session.transcript_coverage();
        for q in &questions {
            let c = found.iter().find(|c| c.question == *q);
            cells.push(Cell {
                session,
                question: *q,
                segments: c.map_or(0, |c| c.segments),
                words: c.map_or(0, |c| c.words),
                recorded: c.map_or(Duration::ZERO, |c| c.recorded),
            });
        }
    }
    let totals = questions
        .iter()
        .map(|q| {
            let mine = cells.iter().filter(|c| c.question == *q);
            Total {
                question: *q,
                sessions: mine.clone().filter(|c| c.segments > 0).count(),
                words: mine.clone().map(|c| c.words).sum(),
                recorded: mine.map(|c| c.recorded).sum(),
            }
        })
        .collect();
    Coverage {
        transcribed: sessions.len(),
        cells,
        totals,
    }
}
