//! `grille session ID --interviewer NAME`: what an import could not know, set afterwards
//! (the interviewer of a transcript that does not name them). The change is journalled like
//! every other.

use anyhow::Result;

use super::terminal::say;
use super::{Env, Usage};
use crate::study::{SessionChange, SessionId, text};
use crate::workspace::SessionAccess;

pub fn run(env: &Env, id: &str, interviewer: Option<String>) -> Result<bool> {
    let t = env.texts();
    let ws = env.workspace()?;
    let wanted = id.trim().to_ascii_lowercase();
    let ids: Vec<SessionId> = ws
        .dir
        .session_ids()?
        .into_iter()
        .filter(|s| !wanted.is_empty() && s.to_string().starts_with(&wanted))
        .collect();
    let id = match ids.as_slice() {
        [one] => *one,
        [] => return Err(Usage((t.import.session_not_found)(id)).into()),
        _ => return Err(Usage((t.import.session_ambiguous)(id, ids.len())).into()),
    };
    let Some(name) = interviewer else {
        return Err(Usage(t.import.session_nothing_to_set.into()).into());
    };
    let name = text::normalize(name.trim());
    let (access, _) = ws.open_session(id)?;
    let SessionAccess::Write(mut writer) = access else {
        return Err(Usage((t.import.session_busy)(&id.to_string()[..8])).into());
    };
    writer.apply(
        SessionChange::SetInterviewer {
            interviewer: name.clone(),
        },
        &ws.study,
    )?;
    writer.checkpoint()?;
    say!(
        "{}",
        (t.import.interviewer_set)(
            &id.to_string()[..8],
            &writer.doc().respondent.pseudonym,
            &name
        )
    );
    Ok(true)
}
