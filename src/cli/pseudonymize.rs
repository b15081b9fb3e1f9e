//! `grille pseudonymize` and `grille check --privacy`: the proposals reviewed by a person, one
//! by one or by id for scripts, the replacements and their undo, the lists of names and places
//! read from stdin (never from arguments: `ps` shows those to every local user), and the audit.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use serde::Serialize;

use super::args::PseudonymizeCommand;
use super::terminal::{out, prompt, say};
use super::{Env, Usage, show};
use crate::i18n::Texts;
use crate::store::privacy;
use crate::store::pseudonym_keys as keys;
use crate::study::pseudonym::{self, KeyTable, Kind, Proposal, Review};
use crate::study::{Session, text};
use crate::workspace::Workspace;
use crate::workspace::pseudonyms::{KeysError, Replaced};

pub fn run(env: &Env, command: Option<PseudonymizeCommand>, keys: Option<PathBuf>) -> Result<bool> {
    let t = env.texts();
    let ws = env.workspace()?;
    let path = keys_path(&ws, keys, t)?;
    let mut table = load(&ws, &path, t)?;
    match command.unwrap_or(PseudonymizeCommand::Review) {
        PseudonymizeCommand::Review => review(&ws, &mut table, &path, t),
        PseudonymizeCommand::List { json } => list(&ws, &table, json, t),
        PseudonymizeCommand::Accept { ids, all } => {
            if ids.is_empty() && !all {
                return Err(Usage(t.privacy.ids_or_all.into()).into());
            }
            let (sessions, _) = ws.sessions()?;
            let found = pseudonym::proposals(&sessions, &table);
            let chosen: Vec<&Proposal> = match all {
                true => found.iter().collect(),
                false => chosen(&found, &ids, t)?,
            };
            for p in chosen {
                table.accept(p.kind, &p.text);
            }
            replace(&ws, &mut table, &path, t)
        }
        PseudonymizeCommand::Reject { ids } => {
            let (sessions, _) = ws.sessions()?;
            let found = pseudonym::proposals(&sessions, &table);
            let chosen = chosen(&found, &ids, t)?;
            for p in &chosen {
                table.reject(p.kind, &p.text);
            }
            ws.save_key_table(&table, &path)?;
            say!("{}", (t.privacy.decided)(0, chosen.len(), 0));
            Ok(true)
        }
        PseudonymizeCommand::Apply => replace(&ws, &mut table, &path, t),
        PseudonymizeCommand::Undo => undo(&ws, &mut table, &path, t),
        PseudonymizeCommand::Names => add_lines(&ws, &mut table, &path, t, false),
        PseudonymizeCommand::Places => add_lines(&ws, &mut table, &path, t, true),
        PseudonymizeCommand::Keys { json } => show_keys(&ws, &table, &path, json, t),
    }
}

/// The key table's file: as given, else the default one; never inside the study folder.
fn keys_path(ws: &Workspace, given: Option<PathBuf>, t: &Texts) -> Result<PathBuf> {
    ws.key_table_path(given).map_err(|e| match e {
        KeysError::InStudy(_) => Usage(e.message(t)).into(),
        e => anyhow!(e.message(t)),
    })
}

fn load(ws: &Workspace, path: &Path, t: &Texts) -> Result<KeyTable> {
    ws.key_table(path, t).map_err(|e| anyhow!(e.message(t)))
}

/// The proposals named by ids (or their first characters), every one known.
fn chosen<'a>(found: &'a [Proposal], ids: &[String], t: &Texts) -> Result<Vec<&'a Proposal>> {
    ids.iter()
        .map(|id| {
            let id = id.trim().to_ascii_lowercase();
            found
                .iter()
                .find(|p| !id.is_empty() && p.id.starts_with(&id))
                .ok_or_else(|| Usage((t.privacy.unknown_id)(&id)).into())
        })
        .collect()
}

/// A few words around the first occurrence, on one line.
fn context(p: &Proposal, sessions: &[Session]) -> String {
    let Some(o) = p.occurrences.first() else {
        return String::new();
    };
    let Some(session) = sessions.iter().find(|s| s.id == o.session) else {
        return String::new();
    };
    let Some(text) = pseudonym::fields::text(session, o.field) else {
        return String::new();
    };
    let c = pseudonym::fields::context(text, o.start, o.end, 40);
    format!(
        "{} : {}{}{}",
        session.respondent.pseudonym, c.before, c.found, c.after
    )
}

fn sessions_of(p: &Proposal) -> usize {
    let mut ids: Vec<_> = p.occurrences.iter().map(|o| o.session).collect();
    ids.sort();
    ids.dedup();
    ids.len()
}

fn review(ws: &Workspace, table: &mut KeyTable, path: &Path, t: &Texts) -> Result<bool> {
    let (sessions, _) = ws.sessions()?;
    let found = pseudonym::proposals(&sessions, table);
    let todo: Vec<&Proposal> = found
        .iter()
        .filter(|p| p.review == Review::Unreviewed)
        .collect();
    if todo.is_empty() {
        say!("{}", t.privacy.nothing_to_review);
        return replace(ws, table, path, t);
    }
    let terminal = std::io::stdin().is_terminal();
    let mut stdin = std::io::stdin().lock();
    let (mut accepted, mut rejected) = (0, 0);
    for (i, p) in todo.iter().enumerate() {
        let line = (t.privacy.proposal)(
            i + 1,
            todo.len(),
            t.privacy.kind_name(p.kind),
            &text::escape_controls(&p.text),
            &p.pseudonym,
            p.occurrences.len(),
            sessions_of(p),
        );
        let answer = ask(
            &mut stdin,
            &format!("{line}\n  {}", context(p, &sessions)),
            t,
            terminal,
        )?;
        match answer {
            Answer::Accept => {
                table.accept(p.kind, &p.text);
                accepted += 1;
            }
            Answer::Reject => {
                table.reject(p.kind, &p.text);
                rejected += 1;
            }
            Answer::Later => {}
            Answer::Quit => break,
        }
    }
    say!(
        "{}",
        (t.privacy.decided)(accepted, rejected, todo.len() - accepted - rejected)
    );
    replace(ws, table, path, t)
}

enum Answer {
    Accept,
    Reject,
    Later,
    Quit,
}

fn ask(stdin: &mut impl BufRead, question: &str, t: &Texts, terminal: bool) -> Result<Answer> {
    loop {
        prompt(&format!("{question}\n  {} ", t.privacy.review_prompt));
        let mut line = String::new();
        if stdin.read_line(&mut line)? == 0 {
            return Ok(Answer::Quit);
        }
        if !terminal {
            // Answers piped in are not echoed: show them, the log reads as a dialogue.
            say!("{}", line.trim());
        }
        let word = line.trim().to_lowercase();
        return Ok(match word.chars().next() {
            Some('o' | 'y') => Answer::Accept,
            Some('n') => Answer::Reject,
            Some('p' | 'l') | None => Answer::Later,
            Some('q') => Answer::Quit,
            _ => continue,
        });
    }
}

/// Replaces what is accepted everywhere and says what was done.
fn replace(ws: &Workspace, table: &mut KeyTable, path: &Path, t: &Texts) -> Result<bool> {
    let done = ws.pseudonymize(table, path)?;
    say!(
        "{}",
        (t.privacy.replaced)(done.count, done.sessions, done.index_rebuilt)
    );
    say_busy(&done, t);
    say!(
        "{}",
        (t.privacy.keys_at)(&show(path), ws.dir.is_encrypted())
    );
    Ok(done.busy.is_empty())
}

fn say_busy(done: &Replaced, t: &Texts) {
    for b in &done.busy {
        say!("{}", (t.privacy.busy)(b));
    }
}

fn undo(ws: &Workspace, table: &mut KeyTable, path: &Path, t: &Texts) -> Result<bool> {
    let Some(done) = ws.undo_pseudonyms(table, path)? else {
        say!("{}", t.privacy.undo_nothing);
        return Ok(true);
    };
    if !done.busy.is_empty() {
        say!("{}", (t.privacy.undo_busy)(&done.busy.join(", ")));
        return Ok(false);
    }
    let (sessions, _) = ws.sessions()?;
    for lost in &done.lost {
        let who = sessions
            .iter()
            .find(|s| s.id == lost.session)
            .map_or(String::new(), |s| s.respondent.pseudonym.clone());
        say!("{}", (t.privacy.undo_lost)(&lost.pseudonym, &who));
    }
    say!("{}", (t.privacy.undone)(done.count, done.sessions));
    Ok(done.lost.is_empty())
}

/// Names or places read from stdin, one per line, until an empty line or the end.
fn add_lines(
    ws: &Workspace,
    table: &mut KeyTable,
    path: &Path,
    t: &Texts,
    places: bool,
) -> Result<bool> {
    let codec = ws.dir.paths().codec();
    let encrypted = ws.dir.is_encrypted();
    let terminal = std::io::stdin().is_terminal();
    if terminal {
        say!("{}", t.privacy.names_prompt);
    }
    let list = match places {
        true => &mut table.places,
        false => &mut table.names,
    };
    let mut added = 0;
    for line in std::io::stdin().lock().lines() {
        let word = text::normalize(line?.trim());
        if word.is_empty() {
            if terminal {
                break;
            }
            continue;
        }
        if !list.iter().any(|w| text::fold(w) == text::fold(&word)) {
            list.push(word);
            added += 1;
        }
    }
    let total = list.len();
    keys::save(path, table, codec)?;
    say!("{}", (t.privacy.list_added)(added, total));
    say!("{}", (t.privacy.keys_at)(&show(path), encrypted));
    Ok(true)
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: Kind,
    status: Review,
    text: &'a str,
    pseudonym: &'a str,
    occurrences: usize,
    sessions: usize,
    context: String,
}

fn list(ws: &Workspace, table: &KeyTable, json: bool, t: &Texts) -> Result<bool> {
    let (sessions, _) = ws.sessions()?;
    let found = pseudonym::proposals(&sessions, table);
    let rows: Vec<Row> = found
        .iter()
        .map(|p| Row {
            id: &p.id,
            kind: p.kind,
            status: p.review,
            text: &p.text,
            pseudonym: &p.pseudonym,
            occurrences: p.occurrences.len(),
            sessions: sessions_of(p),
            context: context(p, &sessions),
        })
        .collect();
    if json {
        out!("{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(true);
    }
    let p = t.privacy;
    let mut table = comfy_table::Table::new();
    table
        .load_preset(comfy_table::presets::UTF8_BORDERS_ONLY)
        .set_header(vec![
            p.column_id,
            p.column_kind,
            p.column_status,
            p.column_count,
            p.column_text,
            p.column_pseudonym,
            p.column_context,
        ]);
    for r in &rows {
        table.add_row(vec![
            r.id.to_owned(),
            t.privacy.kind_name(r.kind).to_owned(),
            match r.status {
                Review::Unreviewed => p.unreviewed,
                Review::Accepted => p.accepted,
            }
            .to_owned(),
            r.occurrences.to_string(),
            text::escape_controls(r.text).into_owned(),
            r.pseudonym.to_owned(),
            r.context.clone(),
        ]);
    }
    out!("{table}")?;
    Ok(true)
}

fn show_keys(ws: &Workspace, table: &KeyTable, path: &Path, json: bool, t: &Texts) -> Result<bool> {
    say!(
        "{}",
        (t.privacy.keys_at)(&show(path), ws.dir.is_encrypted())
    );
    if json {
        out!("{}", serde_json::to_string_pretty(&table.entries)?)?;
        return Ok(true);
    }
    let p = t.privacy;
    for e in &table.entries {
        let status = if e.accepted { p.accepted } else { p.unreviewed };
        out!(
            "{}  ←  {}  ({}, {status})",
            e.pseudonym,
            text::escape_controls(&e.original),
            t.privacy.kind_name(e.kind)
        )?;
    }
    Ok(true)
}

/// `grille check --privacy`: proposals not reviewed, files readable by others, plain copies.
/// Returns whether nothing needs the user's attention.
pub fn audit(env: &Env, keys_flag: Option<PathBuf>) -> Result<bool> {
    let t = env.texts();
    let p = t.privacy;
    let ws = env.workspace()?;
    let path = keys_path(&ws, keys_flag, t)?;
    let table = load(&ws, &path, t)?;
    let (sessions, _) = ws.sessions()?;
    let mut points = 0;
    let todo: Vec<Proposal> = pseudonym::proposals(&sessions, &table)
        .into_iter()
        .filter(|p| p.review == Review::Unreviewed)
        .collect();
    if !todo.is_empty() {
        points += todo.len();
        out!("{}", (p.audit_unreviewed)(todo.len()))?;
        for q in &todo {
            out!(
                "{}",
                (p.audit_item)(
                    t.privacy.kind_name(q.kind),
                    &text::escape_controls(&q.text),
                    q.occurrences.len(),
                    sessions_of(q)
                )
            )?;
        }
    }
    let files = privacy::audit(&ws.dir);
    for (file, mode) in &files.wide {
        points += 1;
        out!("{}", (p.audit_permissions)(&show(file), *mode))?;
    }
    if let Some(mode) = privacy::wide_file(&path) {
        points += 1;
        out!("{}", (p.audit_permissions)(&show(&path), mode))?;
    }
    for copy in &files.copies {
        points += 1;
        out!("{}", (p.audit_copy)(&show(copy)))?;
    }
    // Said, not counted: true of every study until it is encrypted.
    if !files.encrypted {
        out!("{}", p.audit_not_encrypted)?;
        if let Some(index) = &files.index {
            out!("{}", (p.audit_index)(&show(index)))?;
        }
    }
    if path.exists() && !files.encrypted {
        out!("{}", (p.audit_keys)(&show(&path)))?;
    }
    match points {
        0 => say!("{}", p.audit_clean),
        n => say!("{}", (p.audit_found)(n)),
    }
    Ok(points == 0)
}
