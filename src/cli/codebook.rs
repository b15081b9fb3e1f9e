//! `grille codebook`: the codebook on the command line, for scripts and teams. Every command
//! goes through the same operations as the editor of the interface (and shares its undo).

use anyhow::{Result, anyhow};
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::args::CodebookCommand;
use super::terminal::{out, out_line, say};
use super::{Env, Usage};
use crate::i18n::Texts;
use crate::study::codebook::new_code;
use crate::study::validate::check_key;
use crate::study::{Code, CodeId, Codebook, UndoStep};
use crate::workspace::{CodebookEdit, EditError, Usage as CodeUsage, Workspace};

pub fn run(env: &Env, command: CodebookCommand) -> Result<bool> {
    let t = env.texts();
    let mut ws = env.workspace()?;
    let s = t.store;
    let book = ws.study.codebook.clone();
    let said = match command {
        CodebookCommand::List { json } => {
            list(&ws, json, t)?;
            return Ok(true);
        }
        CodebookCommand::Add {
            path,
            parent,
            name,
            description,
        } => {
            let mut code = code_to_add(&book, &path, parent.as_deref(), name.as_deref(), t)?;
            if let Some(d) = description {
                code.description = d;
            }
            let id = code.id;
            edit(&mut ws, CodebookEdit::Add { code, after: None }, t)?;
            (s.code_added)(&path_of(&ws.study.codebook, id))
        }
        CodebookCommand::Rename { code, name, slug } => {
            let mut c = find(&book, &code, t)?.clone();
            let before = path_of(&book, c.id);
            c.name = name.trim().to_owned();
            if let Some(slug) = slug {
                c.slug = slug;
            }
            let id = c.id;
            edit(&mut ws, CodebookEdit::Update { code: c }, t)?;
            (s.code_renamed)(&before, &path_of(&ws.study.codebook, id), &name)
        }
        CodebookCommand::Move { code, under, top } => {
            let mut c = find(&book, &code, t)?.clone();
            let before = path_of(&book, c.id);
            c.parent = match (under, top) {
                (Some(p), false) => Some(find(&book, &p, t)?.id),
                (None, true) => None,
                _ => return Err(Usage(s.move_where.into()).into()),
            };
            let id = c.id;
            edit(&mut ws, CodebookEdit::Update { code: c }, t)?;
            (s.code_moved)(&before, &path_of(&ws.study.codebook, id))
        }
        CodebookCommand::Merge { from, into } => {
            let (from, into) = (
                find(&book, &from, t)?.clone(),
                find(&book, &into, t)?.clone(),
            );
            let usage = ws.usage(&book, from.id)?;
            edit(
                &mut ws,
                CodebookEdit::Merge {
                    from: from.id,
                    into: into.id,
                },
                t,
            )?;
            let (codings, sessions) = totals(&usage);
            (s.code_merged)(&from.name, &into.name, codings, sessions)
        }
        CodebookCommand::Delete {
            code,
            move_codings_to,
            remove_codings,
        } => {
            let c = find(&book, &code, t)?.clone();
            let usage = ws.usage(&book, c.id)?;
            let (codings, sessions) = totals(&usage);
            match (move_codings_to, remove_codings) {
                (Some(into), false) => {
                    let into = find(&book, &into, t)?.clone();
                    edit(
                        &mut ws,
                        CodebookEdit::Delete {
                            id: c.id,
                            move_to: Some(into.id),
                        },
                        t,
                    )?;
                    (s.code_merged)(&c.name, &into.name, codings, sessions)
                }
                (None, true) => {
                    edit(
                        &mut ws,
                        CodebookEdit::Delete {
                            id: c.id,
                            move_to: None,
                        },
                        t,
                    )?;
                    (s.code_deleted)(&c.name, codings, sessions)
                }
                _ => {
                    edit(&mut ws, CodebookEdit::Remove { id: c.id }, t)?;
                    (s.code_deleted)(&c.name, 0, 0)
                }
            }
        }
        CodebookCommand::Undo => {
            let what = book
                .history
                .last()
                .map(|step| (describe(&book, &step.undo, t), step.by.clone()));
            edit(&mut ws, CodebookEdit::Undo, t)?;
            let (what, by) = what.unwrap_or_default();
            (s.undone)(&what, &by)
        }
    };
    say!("{said}");
    Ok(true)
}

fn edit(ws: &mut Workspace, edit: CodebookEdit, t: &Texts) -> Result<()> {
    ws.edit_codebook(edit)
        .map_err(|e| match e.downcast::<EditError>() {
            Ok(e) => anyhow!(e.message(t)),
            Err(e) => e,
        })
}

fn totals(usage: &CodeUsage) -> (usize, usize) {
    (usage.values().sum(), usage.len())
}

fn path_of(book: &Codebook, id: CodeId) -> String {
    book.path(id).unwrap_or_default()
}

/// A code named by its path (`proxenetisme/conjugal`) or its id.
fn find<'b>(book: &'b Codebook, name: &str, t: &Texts) -> Result<&'b Code> {
    let by_id = name.parse::<CodeId>().ok().and_then(|id| book.get(id));
    by_id
        .or_else(|| book.by_path(name))
        .ok_or_else(|| anyhow!((t.store.no_such_code)(name)))
}

/// The code `grille codebook add PATH` makes: the last part of PATH is its slug when it is one
/// (`lieux/camping`), else its name (`lieux/Aire d'accueil` gets the slug `aire-d-accueil`);
/// the rest of PATH, or `--parent`, is where it goes.
fn code_to_add(
    book: &Codebook,
    path: &str,
    parent: Option<&str>,
    name: Option<&str>,
    t: &Texts,
) -> Result<Code> {
    let path = path.trim().trim_matches('/');
    let (prefix, last) = match path.rsplit_once('/') {
        Some((prefix, last)) => (Some(prefix), last),
        None => (None, path),
    };
    let parent = match (prefix, parent) {
        (Some(_), Some(_)) => return Err(Usage(t.store.parent_twice.into()).into()),
        (Some(p), None) | (None, Some(p)) => Some(find(book, p, t)?.id),
        (None, None) => None,
    };
    let mut code = new_code(book, name.unwrap_or(last), parent);
    if check_key(last).is_ok() {
        code.slug = last.to_owned();
        if name.is_none() {
            code.name = capitalised(&last.replace(['-', '_'], " "));
        }
    }
    Ok(code)
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What undoing the step will undo, in words.
fn describe(book: &Codebook, undo: &UndoStep, t: &Texts) -> String {
    let s = t.store;
    let name = |id: CodeId| book.name_of(id).unwrap_or("?").to_owned();
    match undo {
        UndoStep::Retire { id } => (s.did_add)(&name(*id)),
        UndoStep::Update { code } => (s.did_update)(&name(code.id)),
        UndoStep::Restore { id } => match book.retired(*id).and_then(|r| r.into) {
            Some(into) => (s.did_merge)(&name(*id), &name(into)),
            None => (s.did_delete)(&name(*id)),
        },
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    id: CodeId,
    path: String,
    name: &'a str,
    colour: &'a str,
    description: &'a str,
    use_when: &'a str,
    dont_use_when: &'a str,
    example: &'a str,
    codings: usize,
    sessions: usize,
}

#[derive(Serialize)]
struct RetiredListed<'a> {
    id: CodeId,
    path: &'a str,
    name: &'a str,
    /// The path of the code its codings count under, or null when they were removed.
    into: Option<String>,
    at: String,
    by: &'a str,
}

fn list(ws: &Workspace, json: bool, t: &Texts) -> Result<()> {
    let book = &ws.study.codebook;
    let (sessions, _) = ws.sessions()?;
    let count = |id: CodeId| {
        let codings = sessions
            .iter()
            .map(|s| s.codings.iter().filter(|c| c.code == id).count())
            .collect::<Vec<_>>();
        (
            codings.iter().sum(),
            codings.iter().filter(|n| **n > 0).count(),
        )
    };
    let codes: Vec<Listed> = book
        .tree()
        .into_iter()
        .map(|(_, c)| {
            let (codings, sessions) = count(c.id);
            Listed {
                id: c.id,
                path: path_of(book, c.id),
                name: &c.name,
                colour: &c.colour,
                description: &c.description,
                use_when: &c.use_when,
                dont_use_when: &c.dont_use_when,
                example: &c.example,
                codings,
                sessions,
            }
        })
        .collect();
    let retired: Vec<RetiredListed> = book
        .retired
        .iter()
        .map(|r| RetiredListed {
            id: r.code.id,
            path: &r.path,
            name: &r.code.name,
            into: r
                .into
                .map(|i| book.path(i).unwrap_or_else(|| i.to_string())),
            at: r.at.to_rfc3339(),
            by: &r.by,
        })
        .collect();
    if json {
        let out = serde_json::json!({ "codes": codes, "retired": retired });
        out_line(&serde_json::to_string_pretty(&out)?)?;
        return Ok(());
    }
    let s = t.store;
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![s.col_path, s.col_name, t.col_codings, t.col_sessions]);
    for c in &codes {
        table.add_row(vec![
            Cell::new(&c.path),
            Cell::new(c.name),
            Cell::new(c.codings).set_alignment(CellAlignment::Right),
            Cell::new(c.sessions).set_alignment(CellAlignment::Right),
        ]);
    }
    out!("{table}")?;
    for r in &retired {
        out!(
            "{}",
            (s.retired_line)(r.path, r.into.as_deref(), r.by, &r.at[..10])
        )?;
    }
    Ok(())
}
