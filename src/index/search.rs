//! Running a query: ranked hits with highlighted snippets, the total, and facet counts (hits per
//! code, per respondent attribute value) over the whole result set, not just the page shown.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::schema::Value as _;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, TantivyDocument};

use super::Index;
use super::error::IndexError;
use super::query::{self, QueryError};
use super::schema::{EXCERPT, Fields};
use super::tally::{FacetTally, bit_paths};
use crate::study::{CodingId, SegmentId, SessionId};

/// Longest snippet, in chars.
const SNIPPET_CHARS: usize = 220;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Index(#[from] IndexError),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Segment,
    Excerpt,
}

/// A piece of a snippet; highlighted pieces are the words the query matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    pub highlighted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub score: f32,
    pub session: SessionId,
    pub respondent: String,
    /// The session's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub segment: SegmentId,
    pub theme: Option<String>,
    pub question: Option<String>,
    /// The question's text in the grid.
    pub question_text: Option<String>,
    pub speaker: String,
    /// Excerpts: the coding, and its span in the segment's text (chars, end exclusive).
    pub coding: Option<CodingId>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Code paths: the excerpt's code, or every code applied in the segment.
    pub codes: Vec<String>,
    pub coders: Vec<String>,
    /// Marked "à citer": the excerpt, or (a segment) one of its excerpts.
    pub quote: bool,
    pub snippet: Vec<Fragment>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of hits in all (segments and excerpts).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Hits per code path, over the whole result set, in codebook order (codes with no hit
    /// left out). A parent's count includes its children's hits.
    pub codes: Vec<(String, u64)>,
    /// Hits per respondent attribute value, `(key, value, count)`, over the whole result set.
    pub attributes: Vec<(String, String, u64)>,
}

/// The first words of a text, up to [`SNIPPET_CHARS`], cut between words.
fn beginning(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_owned();
    }
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
    format!("{}…", text[..cut].trim_end())
}

/// Whether matching the query reads word positions (it holds a phrase).
fn reads_positions(query: &dyn tantivy::query::Query) -> bool {
    let mut positions = false;
    query.query_terms(&mut |_, needs| positions |= needs);
    positions
}

fn facet_path(encoded: &str) -> String {
    encoded.replace('\0', "/")
}

impl Index {
    /// Runs a query (the language of [`query`]); at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults, SearchError> {
        let q = query::compile(query, &self.study, &self.fields)?;
        let searcher = self.reader.searcher();
        let book = &self.study.codebook;
        let best = TopDocs::with_limit(limit.max(1)).order_by_score();
        let tally = FacetTally {
            paths: bit_paths(book),
            masks: "code_nodes",
            facets: "codes",
            sessions: "session_number",
        };
        let (top, (total, code_counts, per_session)) = if reads_positions(&*q) {
            // A phrase is matched by reading positions, the bulk of its cost: once, scoring
            // and counting each hit together.
            searcher.search(&q, &(best, tally))
        } else {
            // Two passes: the best hits, skipping the blocks of documents that cannot make the
            // page (a common word: a few blocks scored of thousands); then every hit counted,
            // none scored.
            searcher
                .search(&q, &best)
                .and_then(|top| Ok((top, searcher.search(&q, &tally)?)))
        }
        .map_err(|e| self.tantivy(e))?;
        let total = total as usize;
        // Hits per attribute value: each session's hits, for each of its attributes.
        let mut attribute_counts: HashMap<&str, u64> = HashMap::new();
        for (number, n) in &per_session {
            for value in self.manifest.attributes.of(*number) {
                *attribute_counts.entry(value).or_default() += n;
            }
        }

        let mut snippets = SnippetGenerator::create(&searcher, &*q, self.fields.text)
            .map_err(|e| self.tantivy(e))?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top.into_iter().take(limit) {
            hits.push(self.hit(&searcher, &snippets, score, address)?);
        }
        // Equal scores come in the order documents sit in the index, which depends on how the
        // build shared them out between threads: order them by where they are said instead, so
        // that the same query always lists the same way.
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| {
                    (&a.date, &a.respondent, a.session, a.segment, a.start).cmp(&(
                        &b.date,
                        &b.respondent,
                        b.session,
                        b.segment,
                        b.start,
                    ))
                })
                .then_with(|| (a.kind as u8).cmp(&(b.kind as u8)))
        });

        let codes: Vec<(String, u64)> = book
            .tree()
            .into_iter()
            .filter_map(|(_, code)| book.path(code.id))
            .filter_map(|path| code_counts.get(&path).map(|n| (path, *n)))
            .collect();
        let mut attributes = Vec::new();
        for attr in &self.study.meta.respondent_attributes {
            let prefix = format!("{}/", attr.key);
            let mut values: Vec<(String, u64)> = attribute_counts
                .iter()
                .filter_map(|(path, n)| {
                    path.strip_prefix(prefix.as_str())
                        .map(|v| (v.to_owned(), *n))
                })
                .collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            attributes.extend(values.into_iter().map(|(v, n)| (attr.key.clone(), v, n)));
        }
        Ok(SearchResults {
            total,
            hits,
            codes,
            attributes,
        })
    }

    pub(super) fn tantivy(&self, error: tantivy::TantivyError) -> SearchError {
        SearchError::Index(IndexError::tantivy(&self.path, error))
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        snippets: &SnippetGenerator,
        score: f32,
        address: DocAddress,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.tantivy(e))?;
        let f: &Fields = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        let snippet = snippets.snippet_from_doc(&doc);
        let opening;
        let fragment = if snippet.fragment().is_empty() {
            // No word of the query in the text (a query on codes, dates…): its beginning.
            opening = beginning(text(f.text).as_deref().unwrap_or_default());
            opening.as_str()
        } else {
            snippet.fragment()
        };
        let mut pieces = Vec::new();
        let mut at = 0;
        for range in snippet.highlighted() {
            if range.start > at {
                pieces.push(Fragment {
                    text: fragment[at..range.start].to_owned(),
                    highlighted: false,
                });
            }
            pieces.push(Fragment {
                text: fragment[range.clone()].to_owned(),
                highlighted: true,
            });
            at = range.end;
        }
        if at < fragment.len() {
            pieces.push(Fragment {
                text: fragment[at..].to_owned(),
                highlighted: false,
            });
        }
        let question = text(f.question);
        let question_text = question
            .as_deref()
            .and_then(|k| self.study.grid.question_by_key(k))
            .map(|(_, q)| q.text.clone());
        let day =
            number(f.day).map(|d| format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100));
        Ok(Hit {
            kind: if text(f.kind).as_deref() == Some(EXCERPT) {
                HitKind::Excerpt
            } else {
                HitKind::Segment
            },
            score,
            session: text(f.session)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| self.damaged("session"))?,
            respondent: text(f.respondent).unwrap_or_default(),
            date: day,
            segment: text(f.segment)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| self.damaged("segment"))?,
            theme: text(f.theme),
            question,
            question_text,
            speaker: text(f.speaker).unwrap_or_default(),
            coding: text(f.coding).and_then(|s| s.parse().ok()),
            start: number(f.start).map(|n| n as usize),
            end: number(f.end).map(|n| n as usize),
            codes: doc
                .get_all(f.codes)
                .filter_map(|v| v.as_facet().map(facet_path))
                .collect(),
            coders: doc
                .get_all(f.coders)
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            quote: text(f.quote).as_deref() == Some(super::documents::QUOTED),
            snippet: pieces,
        })
    }

    pub(super) fn damaged(&self, what: &str) -> SearchError {
        self.tantivy(tantivy::TantivyError::InternalError(format!(
            "a stored document has no valid {what} id: rebuild the index (grille index rebuild)"
        )))
    }
}
