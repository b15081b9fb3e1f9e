//! `grille export qdc|qdpx` and `grille import FILE.qdc|FILE.qdpx [--new DIR]`: exchanging a
//! study with NVivo, ATLAS.ti, MAXQDA, QualCoder and the other REFI-QDA tools.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::Timelike;
use serde::Serialize;

use comfy_table::{Cell, CellAlignment, Table, presets};

use super::args::{ImportArgs, MatchArg, RefiExport};
use super::terminal::{out, out_bytes, out_line, say};
use super::{Env, Usage, show};
use crate::i18n::Texts;
use crate::interop::export::destination;
use crate::interop::refi::import::{self, Kind, Matching, Options, Plan};
use crate::interop::refi::{self as refi_files, apply};
use crate::study::{Session, identity, text};

/// Whether a file is one `grille import` reads as REFI-QDA.
pub fn is_refi(file: &Path) -> bool {
    Kind::of(file).is_some()
}

/// Returns whether every session could be read (the export is made from the readable ones).
pub fn export(env: &Env, what: RefiExport) -> Result<bool> {
    let t = env.texts();
    let (qdpx, dest) = match what {
        RefiExport::Qdc { dest } => (false, dest),
        RefiExport::Qdpx { dest } => (true, dest),
    };
    let output = dest.file().map(Path::to_path_buf);
    if qdpx && output.is_none() {
        return Err(Usage(t.refi.qdpx_needs_file.into()).into());
    }
    let ws = env.workspace()?;
    if let Some(path) = &output {
        if ws.dir.paths().owns(path) {
            return Err(anyhow!((t.analysis.output_in_study)(&show(path))));
        }
        // Before the project is built: a wrong destination costs nothing.
        destination::check_file(path, dest.force)
            .map_err(|e| anyhow!(super::export::destination_message(t, &e)))?;
    }
    let (sessions, unreadable) = ws.sessions()?;
    for u in &unreadable {
        say!("{}", (t.session_unreadable)(&u.said(t)));
    }
    if !unreadable.is_empty() {
        say!("{}", (t.analysis.unreadable_sessions)(unreadable.len()));
    }
    // The project is built from this copy: without --with-identities it holds no identifying
    // attribute and gives people as initials; with it, its description says so first.
    let (study, sessions) = match dest.with_identities {
        true => {
            let mut study = (*ws.study).clone();
            let meta = &mut study.meta;
            meta.description = [t.privacy.with_identities, meta.description.as_str()]
                .join("\n\n")
                .trim_end()
                .to_owned();
            (study, sessions)
        }
        false => {
            let r = identity::redact_owned(&ws.study, sessions);
            (r.study, r.sessions)
        }
    };
    let bytes = match (&output, qdpx) {
        (Some(path), true) => refi_files::project_file(&study, &sessions, t.refi, path)
            .map_err(|e| anyhow!(e.message(t)))?,
        _ => refi_files::codebook_file(&study, t.refi),
    };
    match &output {
        Some(path) => {
            destination::write_file(path, &bytes, dest.force)
                .map_err(|e| anyhow!(super::export::destination_message(t, &e)))?;
            say!("{}", (t.refi.written)(&show(path)));
            let codes = study.codebook.codes.len();
            if qdpx {
                let codings = sessions.iter().map(|s| s.codings.len()).sum();
                say!("{}", (t.refi.exported)(codes, sessions.len(), codings));
                let layered = sessions.iter().filter(|s| s.transcript.is_some()).count();
                if layered > 0 {
                    say!("{}", (t.align.refi_layers)(layered));
                }
            } else {
                say!("{}", (t.refi.exported_codes)(codes));
            }
        }
        None => out_bytes(&bytes)?,
    }
    Ok(unreadable.is_empty())
}

/// A session imported, as `--json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    id: String,
    respondent: &'a str,
    interviewer: &'a str,
    started: Option<String>,
    segments: usize,
    codings: usize,
    source: Option<&'a str>,
}

fn row(s: &Session) -> Row<'_> {
    Row {
        id: s.id.to_string(),
        respondent: &s.respondent.pseudonym,
        interviewer: &s.interviewer,
        started: s.started.map(|d| d.to_rfc3339()),
        segments: s.segments.len(),
        codings: s.codings.len(),
        source: s.source.as_deref(),
    }
}

fn table(t: &Texts, rows: &[Row]) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        t.col_id,
        t.col_respondent,
        t.col_interviewer,
        t.col_segments,
        t.col_codings,
        t.import_source,
    ]);
    for r in rows {
        table.add_row(vec![
            Cell::new(&r.id[..8]),
            Cell::new(r.respondent),
            Cell::new(r.interviewer),
            Cell::new(r.segments).set_alignment(CellAlignment::Right),
            Cell::new(r.codings).set_alignment(CellAlignment::Right),
            Cell::new(r.source.unwrap_or_default()),
        ]);
    }
    table
}

/// What `--json` prints of an import.
#[derive(Serialize)]
struct Imported<'a> {
    sessions: Vec<Row<'a>>,
    codes_added: usize,
    codes_merged: usize,
    attributes_added: &'a [String],
    codings: usize,
    memos: usize,
    situations: usize,
    left_out: Vec<String>,
}

/// Imports one REFI-QDA file; returns whether it was imported (items left out are named, and
/// do not make it fail).
pub fn import(env: &Env, request: &ImportArgs) -> Result<bool> {
    let t = env.texts();
    let w = t.refi;
    let [file] = request.files.as_slice() else {
        return Err(Usage(w.one_file.into()).into());
    };
    let now = chrono::Local::now().fixed_offset();
    let options = Options {
        matching: match request.match_codes {
            MatchArg::Guid => Matching::Guid,
            MatchArg::Path => Matching::Path,
        },
        someone: request
            .interviewer
            .clone()
            .or_else(|| env.prefs.interviewer.clone())
            .map(|n| text::normalize(n.trim()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| w.someone.to_owned()),
        now: now.with_nanosecond(0).unwrap_or(now),
    };
    let failed = |message: String| {
        say!("grille: {message}");
        say!("{}", w.nothing_written);
        Ok(false)
    };
    let input = match import::input::read(file) {
        Ok(input) => input,
        Err(e) => return failed(e.message(t)),
    };
    let plan = match &request.new {
        Some(root) => {
            let plan = match import::plan(&input, None, &options) {
                Ok(plan) => plan,
                Err(e) => return failed(e.message(t)),
            };
            if !request.dry_run {
                let protection = match request.encrypt {
                    true => Some(super::encryption::protection(
                        env,
                        &request.recipient,
                        root,
                    )?),
                    false => None,
                };
                if let Err(e) = apply::into_new(root, &plan, protection.as_ref()) {
                    return failed(e.message(t));
                }
                match protection {
                    Some(_) => {
                        say!("{}", (t.encryption.created)(&show(root)));
                        say!("{}", t.encryption.keep_passphrase);
                    }
                    None => say!("{}", (w.study_created)(&show(root))),
                }
            }
            plan
        }
        None => {
            let ws = env.workspace()?;
            let (dir, study) = (&ws.dir, &ws.study);
            let ids: HashSet<_> = dir.session_ids()?.into_iter().collect();
            let plan = match import::plan(&input, Some((study, &ids)), &options) {
                Ok(plan) => plan,
                Err(e) => return failed(e.message(t)),
            };
            if !request.dry_run
                && let Err(e) = apply::into_existing(dir, study, &plan)
            {
                return failed(e.message(t));
            }
            plan
        }
    };
    report(env, &plan, request.json)?;
    if request.dry_run {
        say!("{}", w.dry_run);
    }
    Ok(true)
}

fn report(env: &Env, plan: &Plan, json: bool) -> Result<()> {
    let t = env.texts();
    let w = t.refi;
    let r = &plan.report;
    let rows: Vec<Row> = plan.sessions.iter().map(row).collect();
    if json {
        let out = Imported {
            sessions: rows,
            codes_added: r.codes_added,
            codes_merged: r.codes_merged.len(),
            attributes_added: &r.attributes_added,
            codings: r.codings,
            memos: r.memos,
            situations: r.situations,
            left_out: r
                .skipped
                .iter()
                .map(|s| s.message(w).trim().to_owned())
                .collect(),
        };
        out_line(&serde_json::to_string_pretty(&out)?)?;
    } else if !rows.is_empty() {
        out!("{}", table(t, &rows))?;
    }
    say!("{}", (w.reading)(&r.origin));
    say!("{}", (w.codes)(r.codes_added, r.codes_merged.len()));
    // A code merged under another name is worth a line: the study's name was kept.
    for m in r.codes_merged.iter().filter(|m| m.renamed) {
        say!("{}", (w.code_merged)(&m.name, &m.path));
    }
    if !r.attributes_added.is_empty() {
        say!("{}", (w.attributes_added)(&r.attributes_added.join(", ")));
    }
    if let Some((key, names)) = &r.sets {
        say!("{}", (w.sets_as_attribute)(key, &names.join(", ")));
    }
    if let Some(counting) = r.counting_message(w) {
        say!("{counting}");
    }
    if r.project {
        say!(
            "{}",
            (w.imported)(r.sessions, r.segments, r.codings, r.memos, r.situations)
        );
    }
    if !r.realigned.is_empty() {
        say!("{}", (w.realigned)(r.realigned.len()));
    }
    if r.clipped > 0 {
        say!("{}", (w.clipped)(r.clipped));
    }
    for file in &r.outside {
        say!("{}", (w.outside)(&show(file)));
    }
    if !r.skipped.is_empty() {
        say!("{}", (w.left_out)(r.skipped.len()));
        for skip in &r.skipped {
            say!("{}", skip.message(w));
        }
    }
    if r.sessions > 0 {
        say!("{}", w.check_pseudonyms);
        if plan.sessions.iter().any(|s| s.consent.is_none()) {
            say!("{}", w.consent_unknown);
        }
    }
    Ok(())
}
