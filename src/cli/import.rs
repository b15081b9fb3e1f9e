//! `grille import FILE...`: transcripts from elsewhere become sessions, all or none.

use std::path::PathBuf;

use anyhow::Result;
use chrono::Timelike;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::args::ConsentArg;
use super::{Env, Usage};
use crate::interop::import::{
    ImportError, ImportOptions, import_files, parse_attributes, parse_date, question_by_key,
};
use crate::study::{Session, text};

/// The command line's request, as `main` read it.
pub struct Request {
    pub files: Vec<PathBuf>,
    pub respondent: Option<String>,
    pub interviewer: Option<String>,
    pub attributes: Vec<String>,
    pub question: Option<String>,
    pub date: Option<String>,
    pub consent: ConsentArg,
    pub json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    respondent: &'a str,
    interviewer: &'a str,
    started: Option<String>,
    segments: usize,
    source: Option<&'a str>,
}

/// Returns whether everything was imported.
pub fn run(env: &Env, request: &Request) -> Result<bool> {
    let t = env.texts();
    if request.consent == ConsentArg::Refused {
        return Err(Usage(t.cli.import_consent_refused.into()).into());
    }
    let ws = env.workspace()?;
    let (dir, study) = (&ws.dir, &ws.study);
    let usage = |e: ImportError| Usage(e.message(t));
    let interviewer = request
        .interviewer
        .clone()
        .or_else(|| env.prefs.interviewer.clone())
        .map(|name| text::normalize(name.trim()))
        .filter(|name| !name.is_empty())
        .ok_or_else(|| Usage(t.import_no_interviewer.into()))?;
    let start = match &request.date {
        Some(date) => parse_date(date).ok_or_else(|| Usage((t.import_bad_date)(date)))?,
        None => {
            let now = chrono::Local::now().fixed_offset();
            now.with_nanosecond(0).unwrap_or(now)
        }
    };
    let options = ImportOptions {
        respondent: request
            .respondent
            .as_deref()
            .map(|p| text::normalize(p.trim())),
        interviewer,
        attributes: parse_attributes(&study.meta, &request.attributes).map_err(usage)?,
        question: match &request.question {
            Some(key) => Some(question_by_key(&study.grid, key).map_err(usage)?),
            None => None,
        },
        start,
        consent_given: request.consent == ConsentArg::Given,
    };

    let bar = super::progress::batch(request.files.len(), t.import_reading);
    let outcome = import_files(dir, study, &request.files, &options, &mut |_| {
        bar.inc(1);
        if Some(bar.position()) == bar.length() {
            bar.set_message(t.import_writing);
        }
    });
    bar.finish_and_clear();
    let sessions = match outcome {
        Ok(sessions) => sessions,
        Err(errors) => {
            if let Some(e) = errors.0.iter().find(|e| e.is_usage()) {
                return Err(Usage(e.message(t)).into());
            }
            for e in &errors.0 {
                eprintln!("{}", e.message(t));
            }
            if !errors.0.iter().any(|e| matches!(e, ImportError::Store(_))) {
                eprintln!(
                    "{}",
                    (t.import_nothing_written)(errors.0.len(), request.files.len())
                );
            }
            return Ok(false);
        }
    };

    let rows: Vec<Row> = sessions.iter().map(row).collect();
    if request.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!("{}", table(env, &rows));
    }
    let segments = sessions.iter().map(|s| s.segments.len()).sum();
    eprintln!("{}", (t.import_done)(sessions.len(), segments));
    if request.respondent.is_none() {
        // Respondents are promised anonymity: a file named after a person must not leak it.
        eprintln!("{}", t.import_pseudonym_from_file);
    }
    if request.consent != ConsentArg::Given {
        eprintln!("{}", t.import_consent_unknown);
    }
    Ok(true)
}

fn row(s: &Session) -> Row<'_> {
    Row {
        id: s.id.to_string(),
        respondent: &s.respondent.pseudonym,
        interviewer: &s.interviewer,
        started: s.started.map(|d| d.to_rfc3339()),
        segments: s.segments.len(),
        source: s.source.as_deref(),
    }
}

fn table(env: &Env, rows: &[Row]) -> Table {
    let t = env.texts();
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        t.col_id,
        t.col_respondent,
        t.col_interviewer,
        t.import_segments,
        t.import_source,
    ]);
    for r in rows {
        table.add_row(vec![
            Cell::new(&r.id[..8]),
            Cell::new(r.respondent),
            Cell::new(r.interviewer),
            Cell::new(r.segments).set_alignment(CellAlignment::Right),
            Cell::new(r.source.unwrap_or_default()),
        ]);
    }
    table
}
