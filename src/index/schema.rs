//! The fields of the index. One document per transcript segment and one per coded excerpt;
//! both carry who, when and where in the grid, so that every filter applies to both.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, JsonObjectOptions, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

use super::analyzer;

/// Changes whenever the schema or an analyzer changes: an index of another version is rebuilt.
/// 3: the sessions table moved out of the commit's payload; stored date, place in the
/// transcript, rank and memo (the excerpts of a code come from the index). 4: the quote mark
/// ("à citer") and its comment. 5: each document's codes as a bit mask (`code_nodes`), for
/// the counts.
pub const VERSION: u32 = 5;

/// `kind` of a segment document.
pub const SEGMENT: &str = "segment";
/// `kind` of an excerpt document.
pub const EXCERPT: &str = "excerpt";

#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `segment` or `excerpt`.
    pub kind: Field,
    pub session: Field,
    /// A small number per session, given by the index and kept in its manifest: hits are
    /// counted per session through it (a fast column, no dictionary to read).
    pub session_number: Field,
    pub segment: Field,
    /// Excerpt documents: the coding's id, its span (chars) in the segment.
    pub coding: Field,
    pub start: Field,
    pub end: Field,
    pub respondent: Field,
    pub interviewer: Field,
    /// The session's date as a number `YYYYMMDD` (its local calendar day).
    pub day: Field,
    pub theme: Field,
    pub question: Field,
    pub speaker: Field,
    /// French text: the segment's, or the excerpt's own words.
    pub text: Field,
    /// Code paths as facets (`/proxenetisme/conjugal`): a parent code finds its children's.
    pub codes: Field,
    /// The same codes and their ancestors as a bit mask, every document one: hits are counted
    /// per code through it (see `tally`).
    pub code_nodes: Field,
    pub coders: Field,
    /// Respondent attributes as facets (`/secteur/sante`), for filters and counts.
    pub attributes: Field,
    /// Open (free text) respondent attributes, searchable by word: `{"fonction": "Sage-femme"}`.
    pub attribute_words: Field,
    /// Stored only, for the excerpts of a code: the session's date and time (RFC 3339), the
    /// segment's place in its transcript, the coding's place in the session's list of codings
    /// (the order of codings on the same span), the coding's memo.
    pub date: Field,
    pub position: Field,
    pub rank: Field,
    pub memo: Field,
    /// `yes` on an excerpt marked "à citer", and on the segment holding one (`quote:yes`).
    pub quote: Field,
    /// Stored only: the comment of the quote mark.
    pub quote_comment: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text_with = |tokenizer: &str, positions: bool| {
            let record = if positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::Basic
            };
            TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record),
            )
        };
        let key = text_with(analyzer::KEY, false);
        let fields = Fields {
            kind: b.add_text_field("kind", STRING | STORED),
            session: b.add_text_field("session", STRING | STORED),
            session_number: b.add_u64_field("session_number", FAST),
            segment: b.add_text_field("segment", STRING | STORED),
            coding: b.add_text_field("coding", STRING | STORED),
            start: b.add_u64_field("start", STORED),
            end: b.add_u64_field("end", STORED),
            respondent: b.add_text_field("respondent", key.clone()),
            interviewer: b.add_text_field("interviewer", text_with(analyzer::NAME, true)),
            day: b.add_u64_field("day", INDEXED | FAST | STORED),
            theme: b.add_text_field("theme", key.clone()),
            question: b.add_text_field("question", key.clone()),
            speaker: b.add_text_field("speaker", key),
            text: b.add_text_field("text", text_with(analyzer::FRENCH, true)),
            codes: b.add_facet_field("codes", FacetOptions::default().set_stored()),
            code_nodes: b.add_u64_field("code_nodes", FAST),
            coders: b.add_text_field("coders", text_with(analyzer::NAME, true)),
            attributes: b.add_facet_field("attributes", FacetOptions::default().set_stored()),
            attribute_words: b.add_json_field(
                "attribute_words",
                JsonObjectOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(analyzer::FRENCH)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                ),
            ),
            date: b.add_text_field("date", STORED),
            position: b.add_u64_field("position", STORED),
            rank: b.add_u64_field("rank", STORED),
            memo: b.add_text_field("memo", STORED),
            quote: b.add_text_field("quote", STRING | STORED),
            quote_comment: b.add_text_field("quote_comment", STORED),
        };
        (b.build(), fields)
    }

    /// The fields of an existing index's schema, if it is the schema of this version.
    pub fn of(schema: &Schema) -> Option<Fields> {
        let (expected, fields) = Fields::schema();
        (*schema == expected).then_some(fields)
    }
}
