//! Why a query cannot be run, and where: every error carries the span (bytes) of the part of
//! the query it is about, and its column (chars, from 1) for messages.

use std::ops::Range;

use crate::i18n::{EN, Texts};

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(&EN))]
pub struct QueryError {
    pub kind: QueryErrorKind,
    /// Byte span of the offending part of the query.
    pub at: Range<usize>,
    /// Column of its first char, from 1.
    pub column: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QueryErrorKind {
    /// Nothing to search for.
    Empty,
    /// The query does not parse; what was expected here (a code, see `parse::SyntaxError`).
    Syntax {
        expected: String,
    },
    UnknownField {
        field: String,
        known: Vec<String>,
    },
    UnknownCode {
        path: String,
        close: Vec<String>,
    },
    /// A value a field does not take (`theme:`, `question:`, `speaker:`, `kind:`, an option).
    UnknownValue {
        field: String,
        value: String,
        known: Vec<String>,
    },
    BadDate {
        text: String,
    },
    /// A word with nothing searchable in it (punctuation only).
    NothingToSearch {
        text: String,
    },
    BadFuzzy {
        distance: u32,
    },
}

impl QueryError {
    pub fn new(query: &str, at: Range<usize>, kind: QueryErrorKind) -> Self {
        let start = at.start.min(query.len());
        let column = query
            .get(..start)
            .map_or(start, |before| before.chars().count())
            + 1;
        QueryError { kind, at, column }
    }

    /// The message in a language, with the column.
    pub fn message(&self, t: &Texts) -> String {
        let what = match &self.kind {
            QueryErrorKind::Empty => t.query_empty.to_owned(),
            QueryErrorKind::Syntax { expected } => (t.query_expected)(&(t.query_syntax)(expected)),
            QueryErrorKind::UnknownField { field, known } => {
                (t.query_unknown_field)(field, &known.join(", "))
            }
            QueryErrorKind::UnknownCode { path, close } => {
                (t.query_unknown_code)(path, &close.join(", "))
            }
            QueryErrorKind::UnknownValue {
                field,
                value,
                known,
            } => (t.query_unknown_value)(field, value, &known.join(", ")),
            QueryErrorKind::BadDate { text } => (t.query_bad_date)(text),
            QueryErrorKind::NothingToSearch { text } => (t.query_nothing)(text),
            QueryErrorKind::BadFuzzy { distance } => (t.query_bad_fuzzy)(*distance),
        };
        (t.query_at)(self.column, &what)
    }

    /// A line of spaces and carets to print under the query, marking the offending part.
    pub fn caret(&self, query: &str) -> String {
        use unicode_width::UnicodeWidthStr;
        let start = self.at.start.min(query.len());
        let end = self.at.end.clamp(start, query.len());
        let pad = query.get(..start).map_or(0, |s| s.width());
        let width = query.get(start..end).map_or(1, |s| s.width()).max(1);
        format!("{}{}", " ".repeat(pad), "^".repeat(width))
    }
}
