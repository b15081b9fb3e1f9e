//! `grille import FILE...`: transcripts from elsewhere become sessions, all or none.

use anyhow::Result;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::args::{ConsentArg, ImportArgs};
use super::terminal::{out, out_line, say};
use super::{Env, Usage, show};
use crate::i18n::Texts;
use crate::interop::import::cast::{Role, Why};
use crate::interop::import::{
    ImportError, ImportOptions, Outcome, Read, import_files, parse_date, parse_speaker_names,
    question_by_key, split_attributes,
};
use crate::study::Session;
use crate::study::text;

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    respondent: &'a str,
    co_respondents: Vec<&'a str>,
    interviewer: &'a str,
    started: Option<String>,
    segments: usize,
    source: Option<&'a str>,
    speakers: Vec<SpeakerRow<'a>>,
}

#[derive(Serialize)]
struct SpeakerRow<'a> {
    label: &'a str,
    role: &'static str,
    turns: usize,
    questions: usize,
}

/// Returns whether everything was imported.
pub fn run(env: &Env, args: &ImportArgs) -> Result<bool> {
    let t = env.texts();
    if let Some(into) = &args.into {
        return super::align::run(env, args, into);
    }
    if args.files.iter().any(|f| super::refi::is_refi(f)) {
        return super::refi::import(env, args);
    }
    if args.new.is_some() {
        return Err(Usage(t.refi.new_only_for_refi.into()).into());
    }
    if args.consent == ConsentArg::Refused {
        return Err(Usage(t.cli.import_consent_refused.into()).into());
    }
    let ws = env.workspace()?;
    let (dir, study) = (&ws.dir, &ws.study);
    let usage = |e: ImportError| Usage(e.message(t));
    let name = |s: &str| Some(text::normalize(s.trim())).filter(|n| !n.is_empty());
    let start = match &args.date {
        Some(date) => Some(parse_date(date).ok_or_else(|| Usage((t.import_bad_date)(date)))?),
        None => None,
    };
    let (attributes, co_attributes) =
        split_attributes(&study.meta, &args.attributes).map_err(usage)?;
    let options = ImportOptions {
        respondent: args.respondent.as_deref().and_then(name),
        interviewer: args.interviewer.as_deref().and_then(name),
        interviewer_preference: env.prefs.interviewer.as_deref().and_then(name),
        interviewer_label: args.interviewer_label.as_deref().and_then(name),
        attributes,
        co_attributes,
        speaker_names: parse_speaker_names(&args.speakers).map_err(usage)?,
        question: match &args.question {
            Some(key) => Some(question_by_key(&study.grid, key).map_err(usage)?),
            None => None,
        },
        start,
        consent_given: args.consent == ConsentArg::Given,
        dry_run: args.dry_run,
        ..ImportOptions::default()
    };

    let bar = super::progress::batch(args.files.len(), t.import_reading);
    let outcome = import_files(dir, study, &args.files, &options, &mut |_| {
        bar.inc(1);
        if Some(bar.position()) == bar.length() {
            bar.set_message(t.import_writing);
        }
    });
    bar.finish_and_clear();
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(errors) => {
            if let Some(e) = errors.0.iter().find(|e| e.is_usage()) {
                return Err(Usage(e.message(t)).into());
            }
            for e in &errors.0 {
                say!("{}", e.message(t));
            }
            if !errors.0.iter().any(|e| matches!(e, ImportError::Store(_))) {
                say!(
                    "{}",
                    (t.import_nothing_written)(errors.0.len(), args.files.len())
                );
            }
            return Ok(false);
        }
    };
    report(env, args, &outcome)?;
    Ok(true)
}

/// What was imported, on stdout (a table or JSON); what to know, on stderr.
fn report(env: &Env, args: &ImportArgs, outcome: &Outcome) -> Result<()> {
    let t = env.texts();
    let rows: Vec<Row> = outcome.imported.iter().map(row).collect();
    if args.json {
        out_line(&serde_json::to_string_pretty(&rows)?)?;
    } else {
        if !rows.is_empty() {
            out!("{}", table(t, &rows))?;
        }
        for read in &outcome.imported {
            say!("{}", speakers(read, t));
        }
    }
    for already in &outcome.already {
        say!(
            "{}",
            (t.import.already_imported)(
                &show(&already.file),
                &already.session.to_string()[..8],
                &already.respondent
            )
        );
    }
    for folder in &outcome.leftovers_removed {
        say!("{}", (t.import.leftover_removed)(&show(folder)));
    }
    if args.dry_run {
        say!("{}", t.import.dry_run_nothing_written);
        return Ok(());
    }
    let sessions: Vec<&Session> = outcome.imported.iter().map(|r| &r.session).collect();
    let segments = sessions.iter().map(|s| s.segments.len()).sum();
    say!("{}", (t.import_done)(sessions.len(), segments));
    if sessions.is_empty() {
        return Ok(());
    }
    if args.respondent.is_none() {
        // Respondents are promised anonymity: a file named after a person must not leak it.
        say!("{}", t.import_pseudonym_from_file);
    }
    if args.date.is_none() {
        say!("{}", t.import.times_relative);
    }
    if sessions.iter().any(|s| s.interviewer.is_empty()) {
        say!("{}", t.import.interviewer_unknown);
    }
    if args.consent != ConsentArg::Given {
        say!("{}", t.import_consent_unknown);
    }
    Ok(())
}

fn role(role: Role, t: &Texts) -> &'static str {
    match role {
        Role::Interviewer => t.import.role_interviewer,
        Role::Respondent => t.import.role_respondent,
        Role::CoRespondent => t.import.role_co_respondent,
    }
}

/// The speakers found in a file, with their roles and why the interviewer is who it is.
fn speakers(read: &Read, t: &Texts) -> String {
    let mut out = (t.import.speakers_of)(&show(&read.file));
    if read.cast.speakers.is_empty() {
        out.push('\n');
        out.push_str(t.import.no_labels);
    }
    for s in &read.cast.speakers {
        out.push('\n');
        out.push_str(&(t.import.speaker_line)(
            &s.label,
            role(s.role, t),
            s.turns,
            s.questions,
        ));
        if let Some(why) = s.why {
            out.push(' ');
            out.push_str(match why {
                Why::Mark => t.import.why_mark,
                Why::Given => t.import.why_given,
                Why::Declared => t.import.why_declared,
                Why::Name => t.import.why_name,
                Why::Questions => t.import.why_questions,
            });
        }
    }
    out
}

fn row(read: &Read) -> Row<'_> {
    let s = &read.session;
    Row {
        id: s.id.to_string(),
        respondent: &s.respondent.pseudonym,
        co_respondents: s
            .co_respondents
            .iter()
            .map(|r| r.pseudonym.as_str())
            .collect(),
        interviewer: &s.interviewer,
        started: s.started.map(|d| d.to_rfc3339()),
        segments: s.segments.len(),
        source: s.source.as_deref(),
        speakers: read
            .cast
            .speakers
            .iter()
            .map(|f| SpeakerRow {
                label: &f.label,
                role: match f.role {
                    Role::Interviewer => "interviewer",
                    Role::Respondent => "respondent",
                    Role::CoRespondent => "co_respondent",
                },
                turns: f.turns,
                questions: f.questions,
            })
            .collect(),
    }
}

fn table(t: &Texts, rows: &[Row]) -> Table {
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
        let mut respondents = r.respondent.to_owned();
        for co in &r.co_respondents {
            respondents.push_str(", ");
            respondents.push_str(co);
        }
        table.add_row(vec![
            Cell::new(&r.id[..8]),
            Cell::new(respondents),
            Cell::new(if r.interviewer.is_empty() {
                "?"
            } else {
                r.interviewer
            }),
            Cell::new(r.segments).set_alignment(CellAlignment::Right),
            Cell::new(r.source.unwrap_or_default()),
        ]);
    }
    table
}
