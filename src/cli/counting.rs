//! What the tables count, set from the command line: `grille situations` lists the situations
//! and marks one as the same person as another (so that a person described by two respondents
//! counts once); `grille reference-coder` chooses whose codings count in a session coded by
//! several people.

use anyhow::{Result, anyhow};
use comfy_table::{Table, presets};

use super::args::SituationsCommand;
use super::terminal::{out, out_line, say};
use super::{Env, Usage};
use crate::study::{Session, SessionChange, SessionId, Situation, SituationId};
use crate::workspace::Workspace;

pub fn situations(env: &Env, command: Option<SituationsCommand>) -> Result<bool> {
    let mut ws = env.workspace()?;
    let (sessions, _) = ws.sessions()?;
    match command {
        None => {
            list(env, &sessions, false)?;
            Ok(true)
        }
        Some(SituationsCommand::List { json }) => {
            list(env, &sessions, json)?;
            Ok(true)
        }
        Some(SituationsCommand::SamePerson {
            situation,
            other,
            none,
        }) => {
            let (session, mut sit) = find(env, &sessions, &situation)?;
            sit.same_person_as = match (other, none) {
                (Some(other), false) => {
                    let (_, target) = find(env, &sessions, &other)?;
                    if target.id == sit.id {
                        return Err(Usage(env.texts().analysis.same_situation.into()).into());
                    }
                    Some(target.id)
                }
                (None, true) => None,
                _ => return Err(Usage(env.texts().analysis.same_person_usage.into()).into()),
            };
            record(
                &mut ws,
                session,
                SessionChange::PutSituation { situation: sit },
            )?;
            say!("{}", env.texts().analysis.counting_saved);
            Ok(true)
        }
    }
}

pub fn reference_coder(env: &Env, session: &str, coder: Option<String>) -> Result<bool> {
    let a = env.texts().analysis;
    let mut ws = env.workspace()?;
    let (sessions, _) = ws.sessions()?;
    let found: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.respondent.pseudonym == session || s.id.to_string().starts_with(session))
        .collect();
    let s = match found.as_slice() {
        [one] => *one,
        [] => return Err(anyhow!((a.no_such_session)(session))),
        _ => return Err(Usage((a.ambiguous_session)(session)).into()),
    };
    let id = s.id;
    record(&mut ws, id, SessionChange::SetReferenceCoder { coder })?;
    let (sessions, _) = ws.sessions()?;
    if let Some(s) = sessions.iter().find(|s| s.id == id) {
        let coders = s.coders().join(", ");
        let reference = s.reference_coder().unwrap_or("");
        say!(
            "{}",
            (a.reference_coder_set)(&s.respondent.pseudonym, reference, &coders)
        );
    }
    Ok(true)
}

/// Journals one change to a session, refused (with the reason) if it cannot be written now.
fn record(ws: &mut Workspace, session: SessionId, change: SessionChange) -> Result<()> {
    ws.record_in(session, change)
}

/// A situation by its id or the start of it (8 characters or more, unique).
fn find(env: &Env, sessions: &[Session], given: &str) -> Result<(SessionId, Situation)> {
    let a = env.texts().analysis;
    let given = given.trim();
    let matches: Vec<(SessionId, &Situation)> = sessions
        .iter()
        .flat_map(|s| s.situations.iter().map(move |sit| (s.id, sit)))
        .filter(|(_, sit)| given.len() >= 8 && sit.id.to_string().starts_with(given))
        .collect();
    match matches.as_slice() {
        [(session, sit)] => Ok((*session, (*sit).clone())),
        [] => Err(Usage((a.no_such_situation)(given)).into()),
        _ => Err(Usage((a.ambiguous_situation)(given)).into()),
    }
}

fn short(id: SituationId) -> String {
    id.to_string()[..8].to_owned()
}

fn list(env: &Env, sessions: &[Session], json: bool) -> Result<()> {
    let a = env.texts().analysis;
    if json {
        let rows: Vec<serde_json::Value> = sessions
            .iter()
            .flat_map(|s| {
                s.situations.iter().map(move |sit| {
                    serde_json::json!({
                        "id": sit.id,
                        "session": s.id,
                        "respondent": s.respondent.pseudonym,
                        "label": sit.label,
                        "same_person_as": sit.same_person_as,
                    })
                })
            })
            .collect();
        out_line(&serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table.set_header(vec![
        a.situation_id,
        a.respondent,
        a.situation_label,
        a.same_person,
    ]);
    for s in sessions {
        for sit in &s.situations {
            table.add_row(vec![
                short(sit.id),
                s.respondent.pseudonym.clone(),
                sit.label.clone(),
                sit.same_person_as.map(short).unwrap_or_default(),
            ]);
        }
    }
    out!("{table}")?;
    Ok(())
}
