//! The excerpts coded with a code, across all sessions, read from the index: the excerpt
//! documents carry everything a list of them shows, so no session is read (1.9 s at 1,000
//! sessions when each was loaded; see BENCHMARKS.md for now).

use tantivy::collector::DocSetCollector;
use tantivy::schema::{Field, Value as _};
use tantivy::{DocAddress, TantivyDocument};

use super::documents::QUOTED;
use super::search::SearchError;
use super::{Index, query};
use crate::study::{CodeId, CodingId, QuestionId, Quote, SegmentId, SessionId, Time};

/// An excerpt coded with a code, with where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct CodedExcerpt {
    pub session: SessionId,
    pub respondent: String,
    pub date: Option<Time>,
    pub question: Option<QuestionId>,
    pub segment: SegmentId,
    pub coding: CodingId,
    pub code: CodeId,
    pub coder: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub memo: Option<String>,
    /// Marked "à citer" (with its comment).
    pub quote: Option<Quote>,
}

impl Index {
    /// The excerpts coded with `code` (or one of its sub-codes when `descendants`), in the
    /// order of the sessions (date, then respondent), then of the transcript.
    pub fn coded_excerpts(
        &self,
        code: CodeId,
        descendants: bool,
    ) -> Result<Vec<CodedExcerpt>, SearchError> {
        let book = &self.study.codebook;
        let Some(path) = book.path(code) else {
            return Ok(Vec::new());
        };
        // The query language's own `code:` (a parent finds its children's), on excerpts only.
        let query = format!("kind:excerpt code:{path}");
        let q = query::compile(&query, &self.study, &self.fields)?;
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.tantivy(e))?;
        // In the order they are stored: documents are compressed in blocks of several, and
        // the reader keeps the last blocks it opened, so each block is opened once.
        let mut found: Vec<DocAddress> = found.into_iter().collect();
        found.sort();
        let mut out = Vec::with_capacity(found.len());
        for address in found {
            let (excerpt, position, rank) = self.excerpt(&searcher, address)?;
            if descendants || excerpt.code == code {
                let key = (
                    excerpt.date,
                    excerpt.respondent.clone(),
                    excerpt.session,
                    position,
                    excerpt.start,
                    excerpt.end,
                    rank,
                );
                out.push((key, excerpt));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out.into_iter().map(|(_, excerpt)| excerpt).collect())
    }

    /// One excerpt document, its segment's place in the transcript and its coding's in the
    /// session.
    fn excerpt(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
    ) -> Result<(CodedExcerpt, u64, u64), SearchError> {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.tantivy(e))?;
        let f = &self.fields;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str());
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        let code = doc
            .get_first(f.codes)
            .and_then(|v| v.as_facet())
            .map(|encoded| encoded.replace('\0', "/"))
            .and_then(|path| self.study.codebook.by_path(&path).map(|c| c.id))
            .ok_or_else(|| self.damaged("code"))?;
        let excerpt = CodedExcerpt {
            session: parsed(&doc, f.session).ok_or_else(|| self.damaged("session"))?,
            respondent: text(f.respondent).unwrap_or_default().to_owned(),
            date: text(f.date).and_then(|d| Time::parse_from_rfc3339(d).ok()),
            question: text(f.question)
                .and_then(|key| self.study.grid.question_by_key(key))
                .map(|(_, q)| q.id),
            segment: parsed(&doc, f.segment).ok_or_else(|| self.damaged("segment"))?,
            coding: parsed(&doc, f.coding).ok_or_else(|| self.damaged("coding"))?,
            code,
            coder: text(f.coders).unwrap_or_default().to_owned(),
            start: number(f.start).unwrap_or_default() as usize,
            end: number(f.end).unwrap_or_default() as usize,
            text: text(f.text).unwrap_or_default().to_owned(),
            memo: text(f.memo).map(str::to_owned),
            quote: (text(f.quote) == Some(QUOTED)).then(|| Quote {
                comment: text(f.quote_comment).map(str::to_owned),
            }),
        };
        let place = number(f.position).unwrap_or_default();
        Ok((excerpt, place, number(f.rank).unwrap_or_default()))
    }
}

/// A stored id.
fn parsed<T: std::str::FromStr>(doc: &TantivyDocument, field: Field) -> Option<T> {
    doc.get_first(field)?.as_str()?.parse().ok()
}
