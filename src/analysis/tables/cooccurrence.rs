use super::{Counted, count, text};
use crate::analysis::cooccurrence::{CodeMatrix, SessionMatrix, Unit};
use crate::analysis::table::{Cell, Report, Table};
use crate::i18n::Texts;

pub fn code_matrix_report(m: &CodeMatrix, counted: &Counted, t: &Texts) -> Report {
    let a = t.analysis;
    let overlap = m.unit == Unit::Overlap;
    let mut columns = vec![text("code", a.code), text("name", a.name)];
    columns.extend(m.codes.iter().map(|c| count(&c.path, &c.path)));
    let rows = m
        .codes
        .iter()
        .zip(&m.cells)
        .map(|(c, cells)| {
            let mut row: Vec<Cell> = vec![c.path.clone().into(), c.name.clone().into()];
            row.extend(cells.iter().map(|n| Cell::from(*n)));
            row
        })
        .collect();
    let title = (a.cooccurrence_title)(overlap);
    Report {
        title: title.clone(),
        tables: vec![Table {
            key: "cooccurrence".into(),
            name: a.cooccurrence_sheet.into(),
            title,
            notes: counted.coded_notes(vec![(a.cooccurrence_note)(overlap)]),
            columns,
            rows,
        }],
    }
}

pub fn session_matrix_report(m: &SessionMatrix, counted: &Counted, t: &Texts) -> Report {
    let a = t.analysis;
    let mut columns = vec![text("code", a.code), text("name", a.name)];
    for s in &m.sessions {
        // Two sessions of one respondent get distinct headers.
        let twice = m
            .sessions
            .iter()
            .filter(|o| o.pseudonym == s.pseudonym)
            .count()
            > 1;
        let label = if twice {
            format!("{} ({})", s.pseudonym, &s.session.to_string()[..8])
        } else {
            s.pseudonym.clone()
        };
        columns.push(count(&s.session.to_string(), &label));
    }
    let rows = m
        .codes
        .iter()
        .zip(&m.cells)
        .map(|(c, cells)| {
            let mut row: Vec<Cell> = vec![c.path.clone().into(), c.name.clone().into()];
            row.extend(cells.iter().map(|n| Cell::from(*n)));
            row
        })
        .collect();
    Report {
        title: a.code_sessions_title.into(),
        tables: vec![Table {
            key: "code-sessions".into(),
            name: a.code_sessions_sheet.into(),
            title: a.code_sessions_title.into(),
            notes: counted.coded_notes(vec![a.code_sessions_note.into()]),
            columns,
            rows,
        }],
    }
}
