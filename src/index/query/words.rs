//! Words of a query through an analyzer: a term, the forms of an inclusive word, a phrase,
//! fuzzy terms.

use tantivy::Term;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::{Clause, Compiler, QueryError, QueryErrorKind};
use crate::index::analyzer;

impl Compiler<'_> {
    pub(super) fn words(
        &self,
        field: Field,
        mut analyzer: TextAnalyzer,
        text: &str,
        fuzzy: Option<u32>,
        phrase: bool,
        c: &Clause,
    ) -> Result<Box<dyn Query>, QueryError> {
        self.analyzed(
            |t| Term::from_field_text(field, t),
            &mut analyzer,
            text,
            fuzzy,
            phrase,
            c,
        )
    }

    /// Words through an analyzer: one term, the forms of one inclusive word (any of them), or
    /// a phrase (a quoted phrase, or a word the analyzer cuts in several: `sage-femme`).
    pub(super) fn analyzed(
        &self,
        make: impl Fn(&str) -> Term,
        analyzer: &mut TextAnalyzer,
        text: &str,
        fuzzy: Option<u32>,
        phrase: bool,
        c: &Clause,
    ) -> Result<Box<dyn Query>, QueryError> {
        let terms = analyzer::terms(analyzer, text);
        let Some(first) = terms.first() else {
            return Err(self.err(
                c.at.clone(),
                QueryErrorKind::NothingToSearch {
                    text: text.to_owned(),
                },
            ));
        };
        let first_position = first.0;
        let mut positions: Vec<(usize, Vec<Term>)> = Vec::new();
        for (pos, t) in &terms {
            match positions.last_mut() {
                Some((p, alts)) if *p == pos - first_position => alts.push(make(t)),
                _ => positions.push((pos - first_position, vec![make(t)])),
            }
        }
        let one = |t: Term| -> Box<dyn Query> {
            match fuzzy {
                Some(d) => Box::new(FuzzyTermQuery::new(t, d as u8, true)),
                None => Box::new(TermQuery::new(t, IndexRecordOption::WithFreqsAndPositions)),
            }
        };
        if positions.len() == 1 {
            let (_, alts) = positions.remove(0);
            return Ok(if alts.len() == 1 {
                one(alts.into_iter().next().expect("one"))
            } else {
                Box::new(BooleanQuery::new(
                    alts.into_iter().map(|t| (Occur::Should, one(t))).collect(),
                ))
            });
        }
        if fuzzy.is_some() && !phrase {
            // `sage-femme~`: every word, each fuzzily.
            return Ok(Box::new(BooleanQuery::new(
                positions
                    .into_iter()
                    .map(|(_, alts)| (Occur::Must, one(alts.into_iter().next().expect("one"))))
                    .collect(),
            )));
        }
        // In a phrase, an inclusive word stands by its masculine form, indexed at its position.
        Ok(Box::new(PhraseQuery::new_with_offset(
            positions
                .into_iter()
                .map(|(p, alts)| (p, alts.into_iter().next().expect("one")))
                .collect(),
        )))
    }
}

/// How many letters to insert, remove or replace to go from `a` to `b` (Levenshtein).
pub(super) fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

pub(super) fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}
