//! `grille sessions`: the study's sessions as a table, or JSON for scripts.

use anyhow::Result;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::Env;
use super::terminal::{out, out_line, say};
use crate::study::{Layers, SessionKind, SessionSummary, Status, Value};
use crate::workspace::Unreadable;

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    kind: SessionKind,
    date: Option<String>,
    interviewer: &'a str,
    respondent: &'a str,
    attributes: &'a std::collections::BTreeMap<String, Value>,
    /// Other respondents who speak in the session, with their attributes.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    co_respondents: &'a [crate::study::Respondent],
    status: Status,
    /// Notes typed live, the recording's transcript, or both.
    #[serde(skip_serializing_if = "Option::is_none")]
    layers: Option<Layers>,
    segments: usize,
    codings: usize,
    situations: usize,
    words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    /// What is wrong with the session (it is read-only until repaired).
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of(s: &'a SessionSummary) -> Self {
        Row {
            id: s.id.to_string(),
            kind: s.kind,
            date: s.date.map(|d| d.to_rfc3339()),
            interviewer: &s.interviewer,
            respondent: &s.pseudonym,
            attributes: &s.attributes,
            co_respondents: &s.co_respondents,
            status: s.status,
            layers: Some(s.layers),
            segments: s.segments,
            codings: s.codings,
            situations: s.situations,
            words: s.words,
            source: s.source.as_deref(),
            problem: None,
        }
    }

    /// A session with a problem: what could be read of it, and the problem.
    fn of_problem((u, summary): (&'a Unreadable, &'a Option<SessionSummary>)) -> Self {
        match summary {
            Some(s) => Row {
                problem: Some(&u.error),
                ..Row::of(s)
            },
            None => Row {
                id: u.id.to_string(),
                kind: SessionKind::Interview,
                date: None,
                interviewer: "",
                respondent: "",
                attributes: &NO_ATTRIBUTES,
                co_respondents: &[],
                status: Status::Done,
                layers: None,
                segments: 0,
                codings: 0,
                situations: 0,
                words: 0,
                source: None,
                problem: Some(&u.error),
            },
        }
    }
}

static NO_ATTRIBUTES: std::collections::BTreeMap<String, Value> = std::collections::BTreeMap::new();

/// Returns whether every session could be read. Sessions with a problem are listed too, with
/// it: never hidden.
pub fn run(env: &Env, json: bool) -> Result<bool> {
    let ws = env.workspace()?;
    // Summaries: a study of thousands of sessions is listed without holding them all.
    let (sessions, unreadable) = ws.summaries()?;
    for u in &unreadable {
        say!("{}", (env.texts().session_unreadable)(&u.said(env.texts())));
    }
    let problems: Vec<Option<SessionSummary>> = unreadable
        .iter()
        .map(|u| {
            u.session
                .as_deref()
                .map(|s| SessionSummary::of(s, &ws.study))
        })
        .collect();
    let rows: Vec<Row> = sessions
        .iter()
        .map(Row::of)
        .chain(unreadable.iter().zip(&problems).map(Row::of_problem))
        .collect();
    if json {
        out_line(&serde_json::to_string_pretty(&rows)?)?;
    } else if rows.is_empty() {
        say!("{}", env.texts().no_sessions);
    } else {
        out!("{}", table(env, &sessions, &unreadable, &problems))?;
    }
    Ok(unreadable.is_empty())
}

fn table(
    env: &Env,
    sessions: &[SessionSummary],
    unreadable: &[Unreadable],
    problems: &[Option<SessionSummary>],
) -> Table {
    let t = env.texts();
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        t.col_id,
        t.questionnaire.kind,
        t.col_date,
        t.col_interviewer,
        t.col_respondent,
        t.col_status,
        t.align.col_layers,
        t.col_segments,
        t.col_codings,
    ]);
    let listed = sessions.iter().map(|s| (s.id, Some(s), false)).chain(
        unreadable
            .iter()
            .zip(problems)
            .map(|(u, s)| (u.id, s.as_ref(), true)),
    );
    for (id, session, problem) in listed {
        let id = id.to_string();
        let Some(s) = session else {
            table.add_row(vec![
                Cell::new(&id[..8]),
                Cell::new(""),
                Cell::new(""),
                Cell::new(""),
                Cell::new("?"),
                Cell::new(t.store.status_problem),
            ]);
            continue;
        };
        let status = match (problem, s.status) {
            (true, _) => t.store.status_problem,
            (_, Status::InProgress) => t.status_in_progress,
            (_, Status::Done) => t.status_done,
        };
        table.add_row(vec![
            Cell::new(&id[..8]),
            Cell::new(t.questionnaire.kind_name(s.kind)),
            Cell::new(
                s.date
                    .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            ),
            Cell::new(&s.interviewer),
            Cell::new(&s.pseudonym),
            Cell::new(status),
            Cell::new(t.align.layers(s.layers, true)),
            Cell::new(s.segments).set_alignment(CellAlignment::Right),
            Cell::new(s.codings).set_alignment(CellAlignment::Right),
        ]);
    }
    table
}
