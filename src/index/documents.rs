//! A session as index documents: one per segment, one per coding (its excerpt).

use std::collections::BTreeMap;

use chrono::Datelike;
use tantivy::TantivyDocument;
use tantivy::schema::{Facet, OwnedValue};

use super::schema::{EXCERPT, Fields, SEGMENT};
use super::tally::code_nodes;
use crate::study::{Coding, Segment, Session, Speaker, Study, Value, ValueKind, text};

/// The value of `quote` on an excerpt marked "à citer" and on its segment.
pub const QUOTED: &str = "yes";

/// The documents of one segment: the segment's, then one per coding on it. None for the live
/// notes of a session with a transcript: search counts the transcript, not the same words twice.
pub fn of_segment(
    fields: &Fields,
    study: &Study,
    (session, number): (&Session, u64),
    segment: &Segment,
) -> Vec<TantivyDocument> {
    if !session.counts(segment.id) {
        return Vec::new();
    }
    let mut common = common(fields, study, session, segment);
    common.add_u64(fields.session_number, number);
    if let Some(at) = session.segments.iter().position(|s| s.id == segment.id) {
        common.add_u64(fields.position, at as u64);
    }
    let codings: Vec<(usize, &Coding)> = session
        .codings
        .iter()
        .enumerate()
        .filter(|(_, c)| c.segment == segment.id)
        .collect();
    let mut seg = common.clone();
    seg.add_text(fields.kind, SEGMENT);
    seg.add_text(fields.text, &segment.text);
    let mut paths: Vec<String> = codings
        .iter()
        .filter_map(|(_, c)| study.codebook.path(c.code))
        .collect();
    paths.sort();
    paths.dedup();
    for path in &paths {
        seg.add_facet(fields.codes, code_facet(path));
    }
    seg.add_u64(
        fields.code_nodes,
        code_nodes(&study.codebook, codings.iter().map(|(_, c)| c.code)),
    );
    let mut coders: Vec<&str> = codings.iter().map(|(_, c)| c.coder.as_str()).collect();
    coders.sort();
    coders.dedup();
    for coder in coders {
        seg.add_text(fields.coders, coder);
    }
    if codings.iter().any(|(_, c)| c.quote.is_some()) {
        seg.add_text(fields.quote, QUOTED);
    }
    let mut docs = vec![seg];
    for (rank, coding) in codings {
        let (Some(path), Some(words)) = (
            study.codebook.path(coding.code),
            text::slice(&segment.text, coding.start, coding.end),
        ) else {
            continue; // validation refuses such a session; never index nonsense
        };
        let mut doc = common.clone();
        doc.add_text(fields.kind, EXCERPT);
        doc.add_text(fields.coding, coding.id.to_string());
        doc.add_u64(fields.start, coding.start as u64);
        doc.add_u64(fields.end, coding.end as u64);
        doc.add_text(fields.text, words);
        doc.add_facet(fields.codes, code_facet(&path));
        doc.add_u64(
            fields.code_nodes,
            code_nodes(&study.codebook, [coding.code]),
        );
        doc.add_text(fields.coders, &coding.coder);
        doc.add_u64(fields.rank, rank as u64);
        if let Some(memo) = &coding.memo {
            doc.add_text(fields.memo, memo);
        }
        if let Some(quote) = &coding.quote {
            doc.add_text(fields.quote, QUOTED);
            if let Some(comment) = &quote.comment {
                doc.add_text(fields.quote_comment, comment);
            }
        }
        docs.push(doc);
    }
    docs
}

/// Every document of a session; `number` is the session's number in the index (see
/// `Held::number`).
pub fn of_session(
    fields: &Fields,
    study: &Study,
    session: &Session,
    number: u64,
) -> Vec<TantivyDocument> {
    session
        .segments
        .iter()
        .flat_map(|seg| of_segment(fields, study, (session, number), seg))
        .collect()
}

/// `proxenetisme/conjugal` → `/proxenetisme/conjugal`.
pub fn code_facet(path: &str) -> Facet {
    Facet::from_path(path.split('/'))
}

/// `secteur`, `sante` → `/secteur/sante`.
pub fn attribute_facet(key: &str, value: &str) -> Facet {
    Facet::from_path([key, value])
}

/// The value of an attribute as it is indexed and queried: option keys, `true`/`false`, numbers
/// as written in the files.
pub fn value_strings(value: &Value) -> Vec<String> {
    match value {
        Value::Bool(b) => vec![b.to_string()],
        Value::Number(_) => vec![serde_json::to_string(value).unwrap_or_default()],
        Value::Text(t) => vec![t.clone()],
        Value::List(l) => l.clone(),
    }
}

/// A session's respondent attributes as `key/value` paths (`secteur/sante`).
pub fn attribute_paths(session: &Session) -> Vec<String> {
    session
        .respondent
        .attributes
        .iter()
        .flat_map(|(key, value)| {
            value_strings(value)
                .into_iter()
                .map(move |v| format!("{key}/{v}"))
        })
        .collect()
}

/// What a segment and its excerpts share: session, respondent, date, place in the grid.
fn common(fields: &Fields, study: &Study, session: &Session, segment: &Segment) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.session, session.id.to_string());
    doc.add_text(fields.segment, segment.id.to_string());
    doc.add_text(fields.respondent, &session.respondent.pseudonym);
    // A co-respondent's words are theirs: found by their pseudonym, counted under their
    // attributes.
    let respondent = session
        .respondent_of(segment)
        .unwrap_or(&session.respondent);
    if respondent.pseudonym != session.respondent.pseudonym {
        doc.add_text(fields.respondent, &respondent.pseudonym);
    }
    doc.add_text(fields.interviewer, &session.interviewer);
    if let Some(date) = session.date() {
        let day = date.year() as u64 * 10_000 + date.month() as u64 * 100 + date.day() as u64;
        doc.add_u64(fields.day, day);
        doc.add_text(fields.date, date.to_rfc3339());
    }
    if let Some((theme, question)) = segment.question.and_then(|q| study.grid.question(q)) {
        doc.add_text(fields.theme, &theme.key);
        doc.add_text(fields.question, &question.key);
    }
    doc.add_text(
        fields.speaker,
        match segment.speaker {
            Speaker::Respondent => "respondent",
            Speaker::Interviewer => "interviewer",
        },
    );
    // `speaker:` also takes the speaker's name: the label, the respondent's pseudonym.
    if let Some(label) = &segment.speaker_label {
        doc.add_text(fields.speaker, label);
    }
    if segment.speaker == Speaker::Respondent {
        doc.add_text(fields.speaker, &respondent.pseudonym);
    }
    let mut words = BTreeMap::new();
    for (key, value) in &respondent.attributes {
        for v in value_strings(value) {
            doc.add_facet(fields.attributes, attribute_facet(key, &v));
        }
        let open = study
            .meta
            .respondent_attribute(key)
            .is_some_and(|a| a.kind == ValueKind::Open);
        if let (true, Value::Text(t)) = (open, value) {
            words.insert(key.clone(), OwnedValue::Str(t.clone()));
        }
    }
    if !words.is_empty() {
        doc.add_object(fields.attribute_words, words);
    }
    doc
}
