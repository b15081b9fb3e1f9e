//! `grille import FILE --into SESSION [--offset ±HH:MM:SS | --starts-at TIME | --accept]`: the
//! recording's transcript added to the live session it records, each segment under the
//! question open at its moment. Without a start given, grille proposes one from the notes'
//! words and writes nothing until the analyst accepts (`--accept`) or corrects it.

use anyhow::Result;
use chrono::TimeDelta;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::args::ImportArgs;
use super::{Env, Usage, show};
use crate::analysis::table::{ColumnKind, format_number};
use crate::i18n::Texts;
use crate::interop::align::clock::{parse_offset, parse_starts_at, show_offset};
use crate::interop::align::{Plan, Start, plan};
use crate::interop::import::{ImportOptions, parse_speaker_names, read_file};
use crate::study::{Aligned, Document, Session, SessionChange, SessionId, Study, text};
use crate::workspace::{SessionAccess, Workspace};

/// Confidence under which the analyst is told to check the proposed start.
const LOW_CONFIDENCE: u8 = 50;

#[derive(Serialize)]
struct Report<'a> {
    session: String,
    respondent: &'a str,
    file: String,
    segments: usize,
    recording_start: String,
    offset: Option<String>,
    aligned: Aligned,
    notes_matched: Option<usize>,
    notes: Option<usize>,
    proposals: usize,
    written: bool,
    coverage: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    question: Option<String>,
    text: String,
    segments: usize,
    words: usize,
    seconds: f64,
}

/// Returns whether the transcript was added (or the plan shown, for a proposal or a dry run).
pub fn run(env: &Env, args: &ImportArgs, into: &str) -> Result<bool> {
    let t = env.texts();
    let a = t.align;
    let [file] = args.files.as_slice() else {
        return Err(Usage(a.one_file.into()).into());
    };
    if super::refi::is_refi(file) {
        return Err(Usage(a.not_for_refi.into()).into());
    }
    let ws = env.workspace()?;
    let id = session_named(&ws, t, into)?;
    let (access, _) = ws.open_session(id)?;
    let session = access.doc().clone();
    let short = &id.to_string()[..8];
    if session.consent.as_ref().is_some_and(|c| !c.given) {
        return Err(Usage((a.consent_refused)(short)).into());
    }
    let start = if let Some(o) = &args.offset {
        Start::Offset(parse_offset(o).ok_or_else(|| Usage((a.bad_offset)(o)))?)
    } else if let Some(s) = &args.starts_at {
        let day = session.started.or_else(|| session.date());
        Start::At(parse_starts_at(s, day).ok_or_else(|| Usage((a.bad_starts_at)(s)))?)
    } else {
        Start::Found
    };
    let name = |s: &str| Some(text::normalize(s.trim())).filter(|n| !n.is_empty());
    let options = ImportOptions {
        interviewer: args.interviewer.as_deref().and_then(name),
        interviewer_label: args.interviewer_label.as_deref().and_then(name),
        speaker_names: parse_speaker_names(&args.speakers).map_err(|e| Usage(e.message(t)))?,
        ..ImportOptions::default()
    };
    let read = match read_file(file, &options) {
        Ok(read) => read,
        Err(e) if e.is_usage() => return Err(Usage(e.message(t)).into()),
        Err(e) => {
            eprintln!("{}", e.message(t));
            eprintln!("{}", (t.import_nothing_written)(1, 1));
            return Ok(false);
        }
    };
    let coder = env.prefs.coder_name();
    let plan = plan(
        &session,
        &ws.study,
        read.session.segments,
        file,
        start,
        &coder,
        options.now,
    )
    .map_err(|e| Usage(a.error(&e).into()))?;
    let write = start != Start::Found || args.accept;
    let written = write && !args.dry_run && !plan.unchanged;
    let mut after = session.clone();
    after.apply(&SessionChange::PutTranscript(Box::new(plan.change.clone())));
    if written {
        let SessionAccess::Write(mut writer) = access else {
            return Err(Usage((t.import.session_busy)(short)).into());
        };
        writer.apply(
            SessionChange::PutTranscript(Box::new(plan.change.clone())),
            &ws.study,
        )?;
        writer.checkpoint()?;
    }
    let report = report(&session, &after, &ws.study, &plan, file, written);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print(t, &report, &plan, env.lang == crate::i18n::Lang::Fr);
    }
    tell(t, args, &plan, &report, written, short);
    Ok(true)
}

/// The session a user names: by the start of its id, else by its respondent's pseudonym.
fn session_named(ws: &Workspace, t: &Texts, named: &str) -> Result<SessionId> {
    let wanted = named.trim().to_lowercase();
    let by_id: Vec<SessionId> = ws
        .dir
        .session_ids()?
        .into_iter()
        .filter(|s| !wanted.is_empty() && s.to_string().starts_with(&wanted))
        .collect();
    if let [one] = by_id.as_slice() {
        return Ok(*one);
    }
    if by_id.len() > 1 {
        return Err(Usage((t.import.session_ambiguous)(named, by_id.len())).into());
    }
    let (summaries, _) = ws.summaries()?;
    let by_name: Vec<SessionId> = summaries
        .iter()
        .filter(|s| text::fold(&s.pseudonym) == text::fold(named.trim()))
        .map(|s| s.id)
        .collect();
    match by_name.as_slice() {
        [one] => Ok(*one),
        [] => Err(Usage((t.import.session_not_found)(named)).into()),
        _ => Err(Usage((t.align.session_named)(named, by_name.len())).into()),
    }
}

fn report<'a>(
    before: &'a Session,
    after: &Session,
    study: &Study,
    plan: &Plan,
    file: &std::path::Path,
    written: bool,
) -> Report<'a> {
    let start = plan.start();
    let coverage = after
        .transcript_coverage()
        .into_iter()
        .map(|c| {
            let question = c.question.and_then(|q| study.grid.question(q));
            Row {
                question: question.map(|(_, q)| q.key.clone()),
                text: question.map(|(_, q)| q.text.clone()).unwrap_or_default(),
                segments: c.segments,
                words: c.words,
                seconds: c.recorded.as_millis() as f64 / 1000.0,
            }
        })
        .collect();
    let layer = &plan.change.layer;
    Report {
        session: before.id.to_string(),
        respondent: &before.respondent.pseudonym,
        file: show(file),
        segments: plan.change.segments.len(),
        recording_start: start.to_rfc3339(),
        offset: before.started.map(|s| show_offset(start - s)),
        aligned: layer.aligned,
        notes_matched: plan.found.map(|f| f.matched),
        notes: plan.found.map(|f| f.notes),
        proposals: layer.proposals.len(),
        written,
        coverage,
    }
}

fn print(t: &Texts, r: &Report, plan: &Plan, comma: bool) {
    let a = t.align;
    println!(
        "{}",
        (a.header)(&r.file, r.segments, &r.session[..8], r.respondent)
    );
    let at = plan.start().format("%Y-%m-%d %H:%M:%S").to_string();
    let offset = r
        .offset
        .clone()
        .unwrap_or_else(|| show_offset(TimeDelta::zero()));
    match plan.found {
        Some(f) => println!(
            "{}",
            (a.proposed)(&at, &offset, f.confidence, f.matched, f.notes)
        ),
        None => println!("{}", (a.given)(&at, &offset)),
    }
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        a.col_question,
        a.col_segments,
        a.col_words,
        a.col_minutes,
    ]);
    for row in &r.coverage {
        let name = match &row.question {
            Some(key) => format!("{key} · {}", short_text(&row.text)),
            None => a.off_grid.to_owned(),
        };
        table.add_row(vec![
            Cell::new(name),
            Cell::new(row.segments).set_alignment(CellAlignment::Right),
            Cell::new(row.words).set_alignment(CellAlignment::Right),
            Cell::new(format_number(
                row.seconds / 60.0,
                ColumnKind::Decimal,
                comma,
            ))
            .set_alignment(CellAlignment::Right),
        ]);
    }
    println!("{table}");
    println!("{}", (a.proposals)(r.proposals));
}

/// A question's text cut to fit a table.
fn short_text(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// What to know, on stderr: how to accept or correct a proposal, what a replacement lost.
fn tell(t: &Texts, args: &ImportArgs, plan: &Plan, r: &Report, written: bool, short: &str) {
    let a = t.align;
    if plan.unchanged {
        eprintln!("{}", a.unchanged);
        return;
    }
    if let Some(found) = plan.found
        && found.confidence < LOW_CONFIDENCE
    {
        eprintln!("{}", a.low_confidence);
    }
    if args.dry_run {
        eprintln!("{}", t.import.dry_run_nothing_written);
    } else if !written {
        let cmd = format!(
            "grille import {} --into {}",
            shell_word(&r.file),
            shell_word(args.into.as_deref().unwrap_or(short))
        );
        eprintln!("{}", (a.accept_or_correct)(&cmd));
    } else if plan.replaces {
        let kept = plan.change.codings.len();
        eprintln!(
            "{}",
            (a.replaced)(kept, plan.lost_codings, plan.lost_excerpts)
        );
    } else {
        eprintln!("{}", (a.added)(short, r.respondent));
    }
}

/// A word quoted for a shell when it needs it.
fn shell_word(s: &str) -> String {
    if s.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
