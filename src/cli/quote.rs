//! `grille quote CODING [--comment TEXT] [--remove]`: marks a coded excerpt "à citer" (to be
//! quoted in the report under its theme), or unmarks it. The coding is named by its id or its
//! first characters, as `grille search --json` and `grille export excerpts` give them. The
//! change is journalled like every other.

use anyhow::Result;

use super::terminal::say;
use super::{Env, Usage};
use crate::study::{Quote, SessionChange, SessionId, text};
use crate::workspace::SessionAccess;

pub fn run(env: &Env, coding: &str, comment: Option<String>, remove: bool) -> Result<bool> {
    let t = env.texts();
    let r = t.report;
    let ws = env.workspace()?;
    let wanted = coding.trim().to_ascii_lowercase();
    let (sessions, _) = ws.sessions()?;
    let found: Vec<(SessionId, crate::study::CodingId)> = sessions
        .iter()
        .flat_map(|s| s.codings.iter().map(move |c| (s.id, c.id)))
        .filter(|(_, c)| !wanted.is_empty() && c.to_string().starts_with(&wanted))
        .collect();
    let (session, id) = match found.as_slice() {
        [one] => *one,
        [] => return Err(Usage((r.coding_not_found)(coding)).into()),
        _ => return Err(Usage((r.coding_ambiguous)(coding, found.len())).into()),
    };
    let (access, _) = ws.open_session(session)?;
    let SessionAccess::Write(mut writer) = access else {
        return Err(Usage((r.session_busy)(&session.to_string()[..8])).into());
    };
    let quote = (!remove).then(|| Quote {
        comment: comment
            .map(|c| text::normalize(c.trim()))
            .filter(|c| !c.is_empty()),
    });
    writer.apply(
        SessionChange::SetCodingQuote { coding: id, quote },
        &ws.study,
    )?;
    writer.checkpoint()?;
    let doc = writer.doc();
    if let Some(c) = doc.coding(id) {
        let segment = doc.segment(c.segment);
        let who = segment
            .and_then(|s| doc.respondent_of(s))
            .map_or(doc.respondent.pseudonym.as_str(), |p| p.pseudonym.as_str());
        let words = segment
            .and_then(|s| text::slice(&s.text, c.start, c.end))
            .unwrap_or_default();
        let short: String = words.chars().take(60).collect();
        let short = if short.len() < words.len() {
            format!("{short}…")
        } else {
            short
        };
        let path = ws.study.codebook.path(c.code).unwrap_or_default();
        let say = if remove { r.quote_removed } else { r.quote_set };
        say!(
            "{}",
            text::escape_controls(&say(who, &path, &short.replace('\n', " ")))
        );
    }
    Ok(true)
}
