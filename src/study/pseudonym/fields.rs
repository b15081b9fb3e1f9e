//! The texts of a session that may name someone: what respondents said (segments), and what
//! analysts wrote about it (memos on the session or a segment, a coding's memo, a situation's
//! label: "la fille de Mme Ferrandi"). Each is proposed, replaced and restored the same way;
//! only the change that writes it back differs.

use serde::{Deserialize, Serialize};

use super::{Span, replaced};
use crate::study::{CodingId, MemoId, SegmentId, Session, SessionChange, SituationId};

/// One text of a session. Serialized as `"segment": id`, `"memo": id`… inside what a key
/// table records, so that the records made before memos were pseudonymised still read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Segment(SegmentId),
    Memo(MemoId),
    CodingMemo(CodingId),
    SituationLabel(SituationId),
}

/// Every text of the session that may name someone, in reading order: the transcript, then
/// the memos, the codings' memos, the situations' labels.
pub fn fields(session: &Session) -> Vec<(Field, &str)> {
    let segments = session
        .segments
        .iter()
        .map(|s| (Field::Segment(s.id), s.text.as_str()));
    let memos = session
        .memos
        .iter()
        .map(|m| (Field::Memo(m.id), m.text.as_str()));
    let coding_memos = session
        .codings
        .iter()
        .filter_map(|c| Some((Field::CodingMemo(c.id), c.memo.as_deref()?)));
    let labels = session
        .situations
        .iter()
        .map(|s| (Field::SituationLabel(s.id), s.label.as_str()));
    segments
        .chain(memos)
        .chain(coding_memos)
        .chain(labels)
        .collect()
}

/// The text of one field as the session holds it now, if it is still there.
pub fn text(session: &Session, field: Field) -> Option<&str> {
    match field {
        Field::Segment(id) => session.segment(id).map(|s| s.text.as_str()),
        Field::Memo(id) => session
            .memos
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.text.as_str()),
        Field::CodingMemo(id) => session.coding(id).and_then(|c| c.memo.as_deref()),
        Field::SituationLabel(id) => session
            .situations
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.label.as_str()),
    }
}

/// The change that replaces `spans` (sorted, apart) of a field: a segment's through
/// `ReplaceSpans`, so that codings and excerpts keep their words; the others by writing their
/// new text (nothing points into them). `None` when the field is gone.
pub fn change(session: &Session, field: Field, spans: Vec<Span>) -> Option<SessionChange> {
    let new = |old: &str| replaced(old, &spans);
    Some(match field {
        Field::Segment(segment) => SessionChange::ReplaceSpans { segment, spans },
        Field::Memo(memo) => SessionChange::EditMemo {
            memo,
            text: new(text(session, field)?),
        },
        Field::CodingMemo(coding) => SessionChange::SetCodingMemo {
            coding,
            memo: Some(new(text(session, field)?)),
        },
        Field::SituationLabel(id) => {
            let mut situation = session.situations.iter().find(|s| s.id == id)?.clone();
            situation.label = new(&situation.label);
            SessionChange::PutSituation { situation }
        }
    })
}

/// An occurrence as the analyst reads it: up to `around` chars on each side, on one line
/// (`…` where the text goes on), control characters shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub found: String,
    pub after: String,
}

pub fn context(text: &str, start: usize, end: usize, around: usize) -> Context {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let from = start.saturating_sub(around);
    let to = (end + around).min(chars.len());
    let line = |a: usize, b: usize| {
        let s: String = chars[a..b].iter().collect();
        crate::study::text::escape_controls(&s.replace('\n', " ")).into_owned()
    };
    Context {
        before: format!("{}{}", if from > 0 { "…" } else { "" }, line(from, start)),
        found: line(start, end),
        after: format!(
            "{}{}",
            line(end, to),
            if to < chars.len() { "…" } else { "" }
        ),
    }
}
