//! The responses into the study: a new respondent becomes a session of kind `questionnaire`; a
//! respondent imported before (the same pseudonym among the questionnaire sessions) gets the
//! changes that bring it up to date, through its journal like any edit, so that its codings
//! follow an open answer whose words changed and its situations keep their links.
//!
//! All or none: every change is checked on a copy of its session and every session to update
//! is locked before anything is written; then the new sessions land together
//! ([`StudyDir::import_sessions`]) and the updates are applied. Should the disk fail between
//! two updates, running the same import again finishes the work: it changes only what differs.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::Column;
use super::error::ResponsesError;
use super::rows::{Response, filled};
use super::{Plan, Role};
use crate::store::StudyDir;
use crate::study::{
    Consent, Document, QuestionId, Respondent, Segment, SegmentId, Session, SessionChange,
    SessionId, SessionKind, Situation, SituationId, Speaker, Status, Study, Time,
};

/// A respondent imported before, and what changes.
#[derive(Clone, Debug)]
pub struct Update {
    pub session: SessionId,
    pub pseudonym: String,
    pub changes: Vec<SessionChange>,
}

/// What an import will do.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub new: Vec<Session>,
    pub updates: Vec<Update>,
    /// Respondents already imported with nothing to change.
    pub unchanged: Vec<String>,
    /// Respondents who refused consent: only the refusal is recorded, none of their answers.
    pub refused: Vec<String>,
    /// Open answers left as they were because the file's cell is now empty (pseudonym,
    /// question key): an answer that was coded is never removed by an import.
    pub kept: Vec<(String, String)>,
}

/// Compares the responses with the questionnaire sessions of the study.
pub fn prepare(plan: &Plan, study: &Study, existing: &[Session], now: Time) -> Prepared {
    let columns: Vec<Column> = plan
        .sheets
        .iter()
        .filter(|s| s.role == Role::Responses)
        .flat_map(|s| s.columns.clone())
        .collect();
    let (questions, attributes) = filled(&columns, study);
    let by_pseudonym: BTreeMap<&str, &Session> = existing
        .iter()
        .filter(|s| s.kind == SessionKind::Questionnaire)
        .map(|s| (s.respondent.pseudonym.as_str(), s))
        .collect();
    let source = plan
        .file
        .file_name()
        .map(|n| crate::study::text::normalize(&n.to_string_lossy()));
    let mut prepared = Prepared::default();
    for response in &plan.responses {
        let refused = response.consent == Some(false);
        if refused {
            prepared.refused.push(response.pseudonym.clone());
        }
        let wanted = if refused {
            withheld(response)
        } else {
            response.clone()
        };
        match by_pseudonym.get(response.pseudonym.as_str()) {
            None => prepared
                .new
                .push(new_session(study, &wanted, source.clone(), now)),
            Some(old) => {
                let scope = Scope {
                    questions: &questions,
                    attributes: &attributes,
                };
                let changes = changes(study, old, &wanted, &scope, now, &mut prepared.kept);
                if changes.is_empty() {
                    prepared.unchanged.push(response.pseudonym.clone());
                } else {
                    prepared.updates.push(Update {
                        session: old.id,
                        pseudonym: response.pseudonym.clone(),
                        changes,
                    });
                }
            }
        }
    }
    prepared
}

/// A refusal keeps only who refused and when.
fn withheld(response: &Response) -> Response {
    Response {
        attributes: BTreeMap::new(),
        answers: BTreeMap::new(),
        open: Vec::new(),
        situations: Vec::new(),
        ..response.clone()
    }
}

fn new_session(study: &Study, r: &Response, source: Option<String>, now: Time) -> Session {
    let mut session = Session::new(
        String::new(),
        Respondent {
            pseudonym: r.pseudonym.clone(),
            attributes: r.attributes.clone(),
        },
    );
    session.kind = SessionKind::Questionnaire;
    session.status = Status::Done;
    session.source = source;
    session.started = r.date;
    session.ended = r.date;
    session.consent = r.consent.map(|given| Consent {
        given,
        at: r.date.unwrap_or(now),
    });
    session.answers = r.answers.clone();
    session.segments = r
        .open
        .iter()
        .map(|(q, text)| open_segment(*q, text, r.date))
        .collect();
    session.situations = r
        .situations
        .iter()
        .map(|s| Situation {
            id: SituationId::new(),
            label: s.label.clone(),
            attributes: s.attributes.clone(),
            excerpts: Vec::new(),
            same_person_as: None,
        })
        .collect();
    // Keep the order the study's grid gives, whatever the file's column order.
    session
        .segments
        .sort_by_key(|s| s.question.and_then(|q| study.grid.position(q)));
    session
}

fn open_segment(question: QuestionId, text: &str, at: Option<Time>) -> Segment {
    Segment {
        id: SegmentId::new(),
        question: Some(question),
        speaker: Speaker::Respondent,
        speaker_label: None,
        start: at,
        end: at,
        recording: None,
        text: text.to_owned(),
    }
}

/// What this import fills: only these questions and attributes are replaced on an update
/// (what the file does not map, or what was added by hand, stays).
struct Scope<'a> {
    questions: &'a BTreeSet<QuestionId>,
    attributes: &'a BTreeSet<String>,
}

/// The changes that make `old` hold the response.
fn changes(
    study: &Study,
    old: &Session,
    r: &Response,
    scope: &Scope,
    now: Time,
    kept: &mut Vec<(String, String)>,
) -> Vec<SessionChange> {
    let mut out = Vec::new();
    let mut attributes = old.respondent.attributes.clone();
    attributes.retain(|k, _| !scope.attributes.contains(k));
    attributes.extend(r.attributes.clone());
    if attributes != old.respondent.attributes {
        out.push(SessionChange::SetRespondent {
            respondent: Respondent {
                pseudonym: old.respondent.pseudonym.clone(),
                attributes,
            },
        });
    }
    if let Some(given) = r.consent
        && old.consent.as_ref().map(|c| c.given) != Some(given)
    {
        out.push(SessionChange::SetConsent {
            consent: Consent {
                given,
                at: r.date.unwrap_or(now),
            },
        });
    }
    for q in scope.questions {
        let is_open = study
            .grid
            .question(*q)
            .is_some_and(|(_, q)| q.kind == crate::study::ValueKind::Open);
        if is_open {
            open_changes(study, old, r, *q, &mut out, kept);
            continue;
        }
        let new = r.answers.get(q);
        if new != old.answers.get(q) {
            out.push(SessionChange::SetAnswer {
                question: *q,
                value: new.cloned(),
            });
        }
    }
    for s in &r.situations {
        let before = old.situations.iter().find(|o| o.label == s.label);
        if before.is_some_and(|b| b.attributes == s.attributes) {
            continue;
        }
        out.push(SessionChange::PutSituation {
            situation: Situation {
                id: before.map_or_else(SituationId::new, |b| b.id),
                label: s.label.clone(),
                attributes: s.attributes.clone(),
                excerpts: before.map(|b| b.excerpts.clone()).unwrap_or_default(),
                same_person_as: before.and_then(|b| b.same_person_as),
            },
        });
    }
    out
}

/// An open answer changed: its segment's text is edited (codings follow the words); a new one
/// is added after the last segment; one now empty is kept as it was (and said).
fn open_changes(
    study: &Study,
    old: &Session,
    r: &Response,
    q: QuestionId,
    out: &mut Vec<SessionChange>,
    kept: &mut Vec<(String, String)>,
) {
    let new = r.open.iter().find(|(oq, _)| *oq == q).map(|(_, t)| t);
    let before = old
        .segments
        .iter()
        .find(|s| s.question == Some(q) && s.speaker == Speaker::Respondent);
    match (before, new) {
        (Some(seg), Some(text)) if &seg.text != text => out.push(SessionChange::EditText {
            segment: seg.id,
            text: text.clone(),
        }),
        (None, Some(text)) => {
            let after = out
                .iter()
                .rev()
                .find_map(|c| match c {
                    SessionChange::AddSegment { segment, .. } => Some(segment.id),
                    _ => None,
                })
                .or_else(|| old.segments.last().map(|s| s.id));
            out.push(SessionChange::AddSegment {
                segment: open_segment(q, text, r.date),
                after,
                before: None,
            });
        }
        (Some(_), None) => {
            let key = study.grid.question(q).map(|(_, q)| q.key.clone());
            kept.push((r.pseudonym.clone(), key.unwrap_or_default()));
        }
        _ => {}
    }
}

/// The questionnaire sessions of the study, read as they are now. A session that cannot be
/// read, or has problems, is refused if the file has its respondent (it could not be updated
/// safely); others are left alone.
pub fn existing(
    dir: &StudyDir,
    study: &Study,
) -> Result<(Vec<Session>, Vec<Troubled>), ResponsesError> {
    let mut sessions = Vec::new();
    let mut troubled = Vec::new();
    for id in dir.session_ids()? {
        match dir.read_session(id, study) {
            Ok(read) if read.problems.is_empty() => sessions.push(read.loaded.doc),
            Ok(read) if read.loaded.doc.kind == SessionKind::Questionnaire => {
                let problems: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
                troubled.push(Troubled {
                    pseudonym: read.loaded.doc.respondent.pseudonym.clone(),
                    session: id,
                    why: problems.join("; "),
                });
            }
            _ => {}
        }
    }
    Ok((sessions, troubled))
}

/// A questionnaire session that cannot be updated safely: it breaks the study's rules.
pub struct Troubled {
    pub pseudonym: String,
    pub session: SessionId,
    pub why: String,
}

/// Writes what [`prepare`] found: all of it, or nothing.
pub fn write(dir: &StudyDir, study: &Study, prepared: &Prepared) -> Result<(), ResponsesError> {
    let mut writers = Vec::with_capacity(prepared.updates.len());
    for update in &prepared.updates {
        let refuse = |why: String| ResponsesError::Session {
            pseudonym: update.pseudonym.clone(),
            session: update.session.to_string(),
            why,
        };
        // Locks the session: another grille writing it refuses the whole import (the store's
        // error names the session file and who holds it, in the user's language).
        let (writer, _) = dir.open_session(update.session, study)?;
        let mut copy = writer.doc().clone();
        for change in &update.changes {
            copy.check(change, study)
                .map_err(|e| refuse(e.to_string()))?;
            copy.apply(change);
        }
        writers.push(writer);
    }
    dir.import_sessions(&prepared.new, study)?;
    for (writer, update) in writers.iter_mut().zip(&prepared.updates) {
        for change in &update.changes {
            writer.apply(change.clone(), study)?;
        }
        writer.checkpoint()?;
    }
    Ok(())
}

/// The whole import after reading: compares with the study, refuses a respondent whose
/// session has problems, refuses values without a match unless they are skipped, and (unless
/// it is a dry run) writes.
pub fn import(
    dir: &StudyDir,
    study: &Study,
    plan: &Plan,
    now: Time,
    skip_unmatched: bool,
    dry_run: bool,
) -> Result<Prepared, ResponsesError> {
    let (sessions, troubled) = existing(dir, study)?;
    for response in &plan.responses {
        if let Some(t) = troubled.iter().find(|t| t.pseudonym == response.pseudonym) {
            return Err(ResponsesError::Session {
                pseudonym: t.pseudonym.clone(),
                session: t.session.to_string(),
                why: t.why.clone(),
            });
        }
    }
    let prepared = prepare(plan, study, &sessions, now);
    if dry_run {
        return Ok(prepared);
    }
    if !plan.unmatched.is_empty() && !skip_unmatched {
        return Err(ResponsesError::Unmatched {
            count: plan.unmatched.len(),
        });
    }
    write(dir, study, &prepared)?;
    Ok(prepared)
}
