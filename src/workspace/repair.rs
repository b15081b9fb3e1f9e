//! `grille check --repair`: the fixes a study's sessions need (a merge record written into the
//! file, a coding that can no longer count dropped), proposed one by one; those confirmed are
//! journalled like any change, and everything dropped is kept in a log in the study.

use std::path::PathBuf;

use serde::Serialize;

use super::Workspace;
use crate::study::repair::{Action, Fix, Why, fixes};
use crate::study::{CodeId, Coding, SessionId};

/// A fix proposed for a session.
#[derive(Clone, Debug)]
pub struct Proposed {
    pub session: SessionId,
    pub pseudonym: String,
    pub file: PathBuf,
    pub fix: Fix,
}

/// What a repair did.
#[derive(Debug, Default)]
pub struct Repaired {
    pub applied: usize,
    /// Sessions left as they were, and why (written by another process…).
    pub skipped: Vec<(String, String)>,
    /// The log of what was changed and dropped, when anything was.
    pub log: Option<PathBuf>,
}

/// One line of the repair log: enough to put a dropped coding back by hand.
#[derive(Serialize)]
struct Logged<'a> {
    file: String,
    session: SessionId,
    respondent: &'a str,
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    into: Option<CodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<String>,
    excerpt: &'a str,
    coding: &'a Coding,
}

impl Workspace {
    /// Every fix the sessions need, session by session.
    pub fn repairs(&self) -> anyhow::Result<Vec<Proposed>> {
        let mut out = Vec::new();
        for id in self.dir.session_ids()? {
            // A session that cannot be read at all has nothing a repair can do.
            let Ok(session) = self.dir.read_raw_session(id, &self.study) else {
                continue;
            };
            let file = self.dir.paths().session(id).file;
            out.extend(
                fixes(&session, &self.study)
                    .into_iter()
                    .map(|fix| Proposed {
                        session: id,
                        pseudonym: session.respondent.pseudonym.clone(),
                        file: file.clone(),
                        fix,
                    }),
            );
        }
        Ok(out)
    }

    /// Carries out the fixes chosen, session by session; a session another process writes is
    /// left as it is and named. The log lists every change, the dropped codings whole.
    pub fn repair(&mut self, chosen: &[Proposed]) -> anyhow::Result<Repaired> {
        self.close_current();
        let mut done = Repaired::default();
        let mut logged = Vec::new();
        let mut sessions: Vec<SessionId> = chosen.iter().map(|p| p.session).collect();
        sessions.dedup();
        for id in sessions {
            let fixes: Vec<&Proposed> = chosen.iter().filter(|p| p.session == id).collect();
            let mut writer = match self.dir.open_session_to_repair(id, &self.study) {
                Ok(writer) => writer,
                Err(e) => {
                    done.skipped
                        .push((fixes[0].pseudonym.clone(), e.to_string()));
                    continue;
                }
            };
            for p in fixes {
                writer.apply(p.fix.change(), &self.study)?;
                done.applied += 1;
                logged.push(p);
            }
            writer.checkpoint()?;
        }
        if !logged.is_empty() {
            let lines: Vec<Logged> = logged.iter().map(|p| log_line(p)).collect();
            let mut bytes = serde_json::to_vec_pretty(&lines)?;
            bytes.push(b'\n');
            done.log = Some(self.dir.write_repair_log(&bytes)?);
        }
        Ok(done)
    }
}

fn log_line(p: &Proposed) -> Logged<'_> {
    let (action, into, why) = match &p.fix.action {
        Action::Map { into, .. } => ("mapped", Some(*into), None),
        Action::Drop(why) => ("dropped", None, Some(describe(why))),
    };
    Logged {
        file: p.file.display().to_string(),
        session: p.session,
        respondent: &p.pseudonym,
        action,
        into,
        why,
        excerpt: &p.fix.excerpt,
        coding: &p.fix.coding,
    }
}

/// Why a coding was dropped, in the log (English, like the files).
fn describe(why: &Why) -> String {
    match why {
        Why::CodeDeleted { path, by } => format!("its code {path} was deleted by {by}"),
        Why::UnknownCode => "its code is unknown".into(),
        Why::UnknownSegment => "its segment is not in the session".into(),
        Why::BadSpan(message) => message.clone(),
    }
}
