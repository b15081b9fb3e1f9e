//! A session in a few fields: what a list of sessions shows (the command line's `sessions`,
//! the home screen), without its transcript. A study of thousands of sessions is listed from
//! summaries, each made as its session is read and the session let go.

use std::collections::BTreeMap;

use super::{Layers, Respondent, Session, SessionId, SessionKind, Status, Study, Time, Value};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SessionSummary {
    pub id: SessionId,
    /// An interview or a questionnaire's respondent.
    pub kind: SessionKind,
    pub revision: u64,
    /// When it started (see [`Session::date`]).
    pub date: Option<Time>,
    pub interviewer: String,
    pub pseudonym: String,
    pub attributes: BTreeMap<String, Value>,
    /// Other respondents who speak in the session.
    pub co_respondents: Vec<Respondent>,
    pub status: Status,
    pub source: Option<String>,
    /// Notes typed live, the recording's transcript, or both.
    pub layers: Layers,
    pub segments: usize,
    pub codings: usize,
    pub situations: usize,
    pub words: usize,
    /// Questions of the grid covered (see [`Session::is_covered`]).
    pub covered: usize,
}

impl SessionSummary {
    pub fn of(session: &Session, study: &Study) -> SessionSummary {
        SessionSummary {
            id: session.id,
            kind: session.kind,
            revision: session.revision,
            date: session.date(),
            interviewer: session.interviewer.clone(),
            pseudonym: session.respondent.pseudonym.clone(),
            attributes: session.respondent.attributes.clone(),
            co_respondents: session.co_respondents.clone(),
            status: session.status,
            source: session.source.clone(),
            layers: session.layers(),
            segments: session.segments.len(),
            codings: session.codings.len(),
            situations: session.situations.len(),
            words: session.word_count(),
            covered: study
                .grid
                .questions()
                .filter(|(_, q)| session.is_covered(q.id))
                .count(),
        }
    }
}
