use super::{Counted, count, text};
use crate::analysis::coverage::Coverage;
use crate::analysis::table::{Cell, Column, ColumnKind, Report, Table};
use crate::i18n::Texts;
use crate::study::{QuestionId, Study};

/// Two tables: each question over the interviews with a transcript (how many have text under
/// it, minutes in the recordings), then each interview × question.
pub fn coverage_report(c: &Coverage, study: &Study, counted: &Counted, t: &Texts) -> Report {
    let a = t.align;
    let minutes = |d: std::time::Duration| Cell::Number(d.as_secs_f64() / 60.0);
    let question = |q: Option<QuestionId>| -> [Cell; 2] {
        match q.and_then(|q| study.grid.question(q)) {
            Some((_, q)) => [q.key.clone().into(), q.text.clone().into()],
            None => [a.off_grid.to_owned().into(), Cell::Empty],
        }
    };
    let decimal = |key: &str, label: &str| Column::new(key, label, ColumnKind::Decimal);
    let base = (a.coverage_base)(c.transcribed);
    let totals = Table {
        key: "coverage".into(),
        name: a.coverage_sheet.into(),
        title: a.coverage_title.into(),
        notes: counted.notes(vec![base.clone(), a.coverage_minutes_note.into()]),
        columns: vec![
            text("question", t.analysis.question),
            text("question_text", t.analysis.question_text),
            count("sessions", a.col_with_text),
            count("words", a.col_words),
            decimal("minutes", a.col_minutes),
            decimal("minutes_mean", a.col_minutes_mean),
        ],
        rows: c
            .totals
            .iter()
            .map(|row| {
                let mean = if row.sessions > 0 {
                    Cell::Number(row.recorded.as_secs_f64() / 60.0 / row.sessions as f64)
                } else {
                    Cell::Empty
                };
                let [key, text] = question(row.question);
                vec![
                    key,
                    text,
                    row.sessions.into(),
                    row.words.into(),
                    minutes(row.recorded),
                    mean,
                ]
            })
            .collect(),
    };
    let cells = Table {
        key: "coverage-sessions".into(),
        name: a.coverage_sessions_sheet.into(),
        title: a.coverage_sessions_title.into(),
        notes: counted.notes(vec![base, a.coverage_minutes_note.into()]),
        columns: vec![
            text("respondent", t.analysis.respondent),
            text("session", a.col_session),
            text("question", t.analysis.question),
            text("question_text", t.analysis.question_text),
            count("segments", a.col_segments),
            count("words", a.col_words),
            decimal("minutes", a.col_minutes),
        ],
        rows: c
            .cells
            .iter()
            .map(|cell| {
                let [key, text] = question(cell.question);
                vec![
                    cell.session.respondent.pseudonym.clone().into(),
                    cell.session.id.to_string()[..8].to_owned().into(),
                    key,
                    text,
                    cell.segments.into(),
                    cell.words.into(),
                    minutes(cell.recorded),
                ]
            })
            .collect(),
    };
    Report {
        title: a.coverage_title.into(),
        tables: vec![totals, cells],
    }
}
