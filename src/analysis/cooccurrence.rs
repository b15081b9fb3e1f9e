//! Co-occurrence: which codes appear together (code × code), and where each code appears
//! (code × session).
//!
//! Code × code counts **segments**: cell (A, B) is the number of segments where A and B occur
//! together, either anywhere in the segment ([`Unit::Segment`]) or on overlapping spans
//! ([`Unit::Overlap`]: a coding of A shares at least one char with a coding of B). The diagonal
//! is the number of segments coded with the code. Codes are taken alone (not with their
//! descendants), and only codes with at least one counted coding are listed, in codebook order.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::filter::Scope;
use super::spans;
use crate::study::{CodeId, SegmentId, SessionId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Codings whose spans share a char.
    Overlap,
    /// Codings in the same segment.
    Segment,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixCode {
    pub code: CodeId,
    pub path: String,
    pub name: String,
}

/// Code × code, symmetric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeMatrix {
    pub unit: Unit,
    pub codes: Vec<MatrixCode>,
    /// `cells[i][j]`: segments where `codes[i]` and `codes[j]` occur together.
    pub cells: Vec<Vec<usize>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixSession {
    pub session: SessionId,
    pub pseudonym: String,
}

/// Code × session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionMatrix {
    pub codes: Vec<MatrixCode>,
    pub sessions: Vec<MatrixSession>,
    /// `cells[i][j]`: excerpts (distinct spans) of `codes[i]` in `sessions[j]`.
    pub cells: Vec<Vec<usize>>,
}

/// The codes with a counted coding, in codebook order, with their row index.
fn used_codes(scope: &Scope) -> (Vec<MatrixCode>, HashMap<CodeId, usize>) {
    let used: HashSet<CodeId> = scope
        .sessions
        .iter()
        .flat_map(|s| scope.codings(s).map(|c| c.code))
        .collect();
    let book = &scope.study.codebook;
    let codes: Vec<MatrixCode> = book
        .tree()
        .into_iter()
        .filter(|(_, c)| used.contains(&c.id))
        .map(|(_, c)| MatrixCode {
            code: c.id,
            path: book.path(c.id).unwrap_or_default(),
            name: c.name.clone(),
        })
        .collect();
    let index = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    (codes, index)
}

pub fn code_matrix(scope: &Scope, unit: Unit) -> CodeMatrix {
    let (codes, index) = used_codes(scope);
    let mut cells = vec![vec![0usize; codes.len()]; codes.len()];
    for session in &scope.sessions {
        let mut by_segment: HashMap<SegmentId, Vec<(usize, spans::Span)>> = HashMap::new();
        for c in scope.codings(session) {
            if let Some(&i) = index.get(&c.code) {
                by_segment
                    .entry(c.segment)
                    .or_default()
                    .push((i, (c.start, c.end)));
            }
        }
        for codings in by_segment.values() {
            let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
            for (k, &(a, sa)) in codings.iter().enumerate() {
                pairs.insert((a, a));
                for &(b, sb) in &codings[k + 1..] {
                    let together = match unit {
                        Unit::Segment => true,
                        Unit::Overlap => spans::overlap(sa, sb),
                    };
                    if together && a != b {
                        pairs.insert((a.min(b), a.max(b)));
                    }
                }
            }
            for (a, b) in pairs {
                cells[a][b] += 1;
                if a != b {
                    cells[b][a] += 1;
                }
            }
        }
    }
    CodeMatrix { unit, codes, cells }
}

pub fn session_matrix(scope: &Scope) -> SessionMatrix {
    let (codes, index) = used_codes(scope);
    let mut cells = vec![vec![0usize; scope.sessions.len()]; codes.len()];
    for (j, session) in scope.sessions.iter().enumerate() {
        let spans: BTreeSet<(usize, SegmentId, usize, usize)> = scope
            .codings(session)
            .filter_map(|c| Some((*index.get(&c.code)?, c.segment, c.start, c.end)))
            .collect();
        for (i, ..) in spans {
            cells[i][j] += 1;
        }
    }
    let sessions = scope
        .sessions
        .iter()
        .map(|s| MatrixSession {
            session: s.id,
            pseudonym: s.respondent.pseudonym.clone(),
        })
        .collect();
    SessionMatrix {
        codes,
        sessions,
        cells,
    }
}
