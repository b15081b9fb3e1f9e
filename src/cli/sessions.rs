//! `grille sessions`: the study's sessions as a table, or JSON for scripts.

use anyhow::Result;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::Env;
use crate::study::{Session, Status, Value};

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    date: Option<String>,
    interviewer: &'a str,
    respondent: &'a str,
    attributes: &'a std::collections::BTreeMap<String, Value>,
    status: Status,
    segments: usize,
    codings: usize,
    situations: usize,
    words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of(s: &'a Session) -> Self {
        Row {
            id: s.id.to_string(),
            date: s.date().map(|d| d.to_rfc3339()),
            interviewer: &s.interviewer,
            respondent: &s.respondent.pseudonym,
            attributes: &s.respondent.attributes,
            status: s.status,
            segments: s.segments.len(),
            codings: s.codings.len(),
            situations: s.situations.len(),
            words: s.word_count(),
            source: s.source.as_deref(),
        }
    }
}

/// Returns whether every session could be read.
pub fn run(env: &Env, json: bool) -> Result<bool> {
    let (sessions, unreadable) = env.workspace()?.sessions()?;
    for u in &unreadable {
        eprintln!("{}", (env.texts().session_unreadable)(&u.error));
    }
    if json {
        let rows: Vec<Row> = sessions.iter().map(Row::of).collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if sessions.is_empty() {
        eprintln!("{}", env.texts().no_sessions);
    } else {
        println!("{}", table(env, &sessions));
    }
    Ok(unreadable.is_empty())
}

fn table(env: &Env, sessions: &[Session]) -> Table {
    let t = env.texts();
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        t.col_id,
        t.col_date,
        t.col_interviewer,
        t.col_respondent,
        t.col_status,
        t.col_segments,
        t.col_codings,
    ]);
    for s in sessions {
        let id = s.id.to_string();
        let status = match s.status {
            Status::InProgress => t.status_in_progress,
            Status::Done => t.status_done,
        };
        table.add_row(vec![
            Cell::new(&id[..8]),
            Cell::new(
                s.date()
                    .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            ),
            Cell::new(&s.interviewer),
            Cell::new(&s.respondent.pseudonym),
            Cell::new(status),
            Cell::new(s.segments.len()).set_alignment(CellAlignment::Right),
            Cell::new(s.codings.len()).set_alignment(CellAlignment::Right),
        ]);
    }
    table
}
