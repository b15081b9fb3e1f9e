//! Every coded excerpt with what a reader needs around it: code, session, respondent, question
//! and the words themselves. Ordered by code (codebook order), then session, then position.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::filter::Scope;
use crate::study::{CodeId, CodingId, Quote, SessionId, Speaker, Time, Value, text};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExcerptRow {
    pub code_path: String,
    pub code_name: String,
    pub session: SessionId,
    pub date: Option<Time>,
    pub pseudonym: String,
    pub attributes: BTreeMap<String, Value>,
    pub question_key: Option<String>,
    pub question_text: Option<String>,
    pub speaker: Speaker,
    /// Who spoke: the segment's label, else the respondent's pseudonym or the interviewer's
    /// name.
    pub speaker_name: String,
    pub coder: String,
    /// Char offsets in the segment, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub memo: Option<String>,
    /// The coding (its id names it to `grille quote`), and its "à citer" mark.
    pub coding: CodingId,
    pub quote: Option<Quote>,
}

pub fn excerpts(scope: &Scope) -> Vec<ExcerptRow> {
    let book = &scope.study.codebook;
    let order: HashMap<CodeId, usize> = book
        .tree()
        .iter()
        .enumerate()
        .map(|(i, (_, c))| (c.id, i))
        .collect();
    let mut rows: Vec<(usize, usize, usize, ExcerptRow)> = Vec::new();
    for (n, session) in scope.sessions.iter().enumerate() {
        for coding in scope.codings(session) {
            let (Some(&rank), Some(position)) = (
                order.get(&coding.code),
                session.segment_index(coding.segment),
            ) else {
                continue;
            };
            let segment = &session.segments[position];
            let question = segment.question.and_then(|q| scope.study.grid.question(q));
            rows.push((
                rank,
                n,
                position,
                ExcerptRow {
                    code_path: book.path(coding.code).unwrap_or_default(),
                    code_name: book
                        .get(coding.code)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    session: session.id,
                    date: session.date(),
                    pseudonym: session
                        .respondent_of(segment)
                        .unwrap_or(&session.respondent)
                        .pseudonym
                        .clone(),
                    attributes: session
                        .respondent_of(segment)
                        .unwrap_or(&session.respondent)
                        .attributes
                        .clone(),
                    speaker_name: session.speaker_name(segment).to_owned(),
                    question_key: question.map(|(_, q)| q.key.clone()),
                    question_text: question.map(|(_, q)| q.text.clone()),
                    speaker: segment.speaker,
                    coder: coding.coder.clone(),
                    start: coding.start,
                    end: coding.end,
                    text: text::slice(&segment.text, coding.start, coding.end)
                        .unwrap_or_default()
                        .to_owned(),
                    memo: coding.memo.clone(),
                    coding: coding.id,
                    quote: coding.quote.clone(),
                },
            ));
        }
    }
    rows.sort_by(|a, b| {
        (a.0, a.1, a.2, a.3.start, a.3.end, &a.3.coder)
            .cmp(&(b.0, b.1, b.2, b.3.start, b.3.end, &b.3.coder))
    });
    rows.into_iter().map(|r| r.3).collect()
}
