//! The query language (see README, "Search"): parsed by [`parse`], then checked against the
//! study (fields, code paths, grid keys, attribute options, dates) and turned into a tantivy
//! query. Every error says where it is.

mod date;
mod error;
mod excluded;
mod parse;
mod words;

use std::ops::{Bound, Range};

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use words::term;

pub use error::{QueryError, QueryErrorKind};
pub use parse::{Clause, Expr, Value};

use super::analyzer;
use super::documents::{QUOTED, attribute_facet, code_facet};
use super::schema::{EXCERPT, Fields, SEGMENT};
use crate::study::{Study, ValueKind};

/// The fields a query may name, besides the respondent attributes.
pub const FIELDS: &[&str] = &[
    "code",
    "theme",
    "question",
    "speaker",
    "respondent",
    "interviewer",
    "coder",
    "date",
    "kind",
    "quote",
    "text",
];

/// Turns a query into a tantivy query, checked against the study.
pub fn compile(query: &str, study: &Study, fields: &Fields) -> Result<Box<dyn Query>, QueryError> {
    let expr = parse::parse(query)
        .map_err(|e| {
            QueryError::new(
                query,
                e.at..e.at + 1,
                QueryErrorKind::Syntax {
                    expected: e.expected,
                },
            )
        })?
        .ok_or_else(|| QueryError::new(query, 0..query.len(), QueryErrorKind::Empty))?;
    Compiler {
        query,
        study,
        fields,
    }
    .expr(&expr)
}

struct Compiler<'a> {
    query: &'a str,
    study: &'a Study,
    fields: &'a Fields,
}

/// What a field name means.
enum Target<'a> {
    Text,
    Code,
    Theme,
    Question,
    Speaker,
    Respondent,
    Interviewer,
    Coder,
    Date,
    Kind,
    Quote,
    Attribute(&'a crate::study::Attribute),
}

fn fold(s: &str) -> String {
    let mut a = analyzer::key();
    analyzer::terms(&mut a, s)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

impl Compiler<'_> {
    fn err(&self, at: Range<usize>, kind: QueryErrorKind) -> QueryError {
        QueryError::new(self.query, at, kind)
    }

    fn expr(&self, e: &Expr) -> Result<Box<dyn Query>, QueryError> {
        Ok(match e {
            Expr::Clause(c) => self.clause(c)?,
            Expr::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery)),
                (Occur::MustNot, self.excluded(inner)?),
            ])),
            Expr::Or(parts) => Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|p| Ok((Occur::Should, self.expr(p)?)))
                    .collect::<Result<_, QueryError>>()?,
            )),
            Expr::And(parts) => {
                let mut clauses = Vec::new();
                for p in parts {
                    match p {
                        Expr::Not(inner) => clauses.push((Occur::MustNot, self.excluded(inner)?)),
                        p => clauses.push((Occur::Must, self.expr(p)?)),
                    }
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
        })
    }

    fn excluded(&self, e: &Expr) -> Result<Box<dyn Query>, QueryError> {
        Ok(Box::new(excluded::Excluded(self.expr(e)?)))
    }

    fn target(&self, name: &str, at: &Range<usize>) -> Result<Target<'_>, QueryError> {
        Ok(match fold(name).as_str() {
            "text" | "texte" => Target::Text,
            "code" | "codes" => Target::Code,
            "theme" => Target::Theme,
            "question" => Target::Question,
            "speaker" | "locuteur" => Target::Speaker,
            "respondent" | "repondant" => Target::Respondent,
            "interviewer" | "enqueteur" => Target::Interviewer,
            "coder" | "codeur" => Target::Coder,
            "date" => Target::Date,
            "kind" | "type" => Target::Kind,
            "quote" | "citation" | "citer" => Target::Quote,
            key => match self.study.meta.respondent_attribute(key) {
                Some(attr) => Target::Attribute(attr),
                None => {
                    let mut known: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
                    known.extend(
                        self.study
                            .meta
                            .respondent_attributes
                            .iter()
                            .map(|a| a.key.clone()),
                    );
                    return Err(self.err(
                        at.clone(),
                        QueryErrorKind::UnknownField {
                            field: name.to_owned(),
                            known,
                        },
                    ));
                }
            },
        })
    }

    fn clause(&self, c: &Clause) -> Result<Box<dyn Query>, QueryError> {
        let target = match &c.field {
            None => Target::Text,
            Some((name, at)) => self.target(name, at)?,
        };
        let (text, fuzzy, phrase) = match &c.value {
            Value::Word { text, fuzzy } => (text.as_str(), *fuzzy, false),
            Value::Phrase(text) => (text.as_str(), None, true),
        };
        if let Some(distance) = fuzzy.filter(|d| *d > 2) {
            return Err(self.err(c.at.clone(), QueryErrorKind::BadFuzzy { distance }));
        }
        let f = self.fields;
        // Filters (everything but words) do not weigh in the ranking.
        let filter =
            |q: Box<dyn Query>| -> Box<dyn Query> { Box::new(ConstScoreQuery::new(q, 0.0)) };
        Ok(match target {
            Target::Text => self.words(f.text, analyzer::french(), text, fuzzy, phrase, c)?,
            Target::Interviewer => {
                filter(self.words(f.interviewer, analyzer::name(), text, fuzzy, phrase, c)?)
            }
            Target::Coder => {
                filter(self.words(f.coders, analyzer::name(), text, fuzzy, phrase, c)?)
            }
            Target::Respondent => filter(term(f.respondent, &fold(text))),
            Target::Code => filter(self.code(text, c)?),
            Target::Theme => {
                let known: Vec<&str> = self
                    .study
                    .grid
                    .themes
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect();
                filter(term(f.theme, &self.one_of("theme", text, &known, c)?))
            }
            Target::Question => {
                let known: Vec<&str> = self
                    .study
                    .grid
                    .questions()
                    .map(|(_, q)| q.key.as_str())
                    .collect();
                filter(term(f.question, &self.one_of("question", text, &known, c)?))
            }
            Target::Speaker => {
                // A role in English or French, else a speaker's name or pseudonym; a word a
                // letter or two away from a role is a typo, not a name.
                const ROLES: [&str; 8] = [
                    "respondent",
                    "repondant",
                    "repondante",
                    "enquete",
                    "enquetee",
                    "interviewer",
                    "enqueteur",
                    "enquetrice",
                ];
                let folded = fold(text);
                let value = match ROLES.iter().position(|r| *r == folded) {
                    Some(i) if i < 5 => "respondent".to_owned(),
                    Some(_) => "interviewer".to_owned(),
                    None if ROLES.iter().any(|r| words::edits(r, &folded) <= 2) => {
                        return Err(self.unknown_value(
                            "speaker",
                            text,
                            &["respondent", "interviewer", "repondant", "enqueteur"],
                            c,
                        ));
                    }
                    None => folded,
                };
                filter(term(f.speaker, &value))
            }
            Target::Kind => {
                let value = match fold(text).as_str() {
                    "segment" | "segments" => SEGMENT,
                    "excerpt" | "excerpts" | "extrait" | "extraits" => EXCERPT,
                    _ => {
                        return Err(self.unknown_value(
                            "kind",
                            text,
                            &["segment", "excerpt", "extrait"],
                            c,
                        ));
                    }
                };
                filter(Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, value),
                    IndexRecordOption::Basic,
                )))
            }
            Target::Quote => {
                let marked = Box::new(TermQuery::new(
                    Term::from_field_text(f.quote, QUOTED),
                    IndexRecordOption::Basic,
                ));
                match fold(text).as_str() {
                    "yes" | "oui" | "true" | "vrai" => filter(marked),
                    "no" | "non" | "false" | "faux" => filter(Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery)),
                        (Occur::MustNot, marked),
                    ]))),
                    _ => {
                        return Err(self.unknown_value(
                            "quote",
                            text,
                            &["yes", "no", "oui", "non"],
                            c,
                        ));
                    }
                }
            }
            Target::Date => {
                let (from, to) = date::parse(text).ok_or_else(|| {
                    self.err(
                        c.at.clone(),
                        QueryErrorKind::BadDate {
                            text: text.to_owned(),
                        },
                    )
                })?;
                let bound = |d: Option<u64>, inclusive: bool| match d {
                    None => Bound::Unbounded,
                    Some(d) if inclusive => Bound::Included(Term::from_field_u64(f.day, d)),
                    Some(d) => Bound::Excluded(Term::from_field_u64(f.day, d)),
                };
                filter(Box::new(RangeQuery::new(
                    bound(from, true),
                    bound(to, false),
                )))
            }
            Target::Attribute(attr) => filter(self.attribute(attr, text, fuzzy, phrase, c)?),
        })
    }

    fn unknown_value(&self, field: &str, value: &str, known: &[&str], c: &Clause) -> QueryError {
        self.err(
            c.at.clone(),
            QueryErrorKind::UnknownValue {
                field: field.to_owned(),
                value: value.to_owned(),
                known: known.iter().map(|k| k.to_string()).collect(),
            },
        )
    }

    /// The key among `known` that `text` names (case and accents ignored).
    fn one_of(
        &self,
        field: &str,
        text: &str,
        known: &[&str],
        c: &Clause,
    ) -> Result<String, QueryError> {
        let want = fold(text);
        known
            .iter()
            .find(|k| fold(k) == want)
            .map(|k| fold(k))
            .ok_or_else(|| self.unknown_value(field, text, known, c))
    }

    fn code(&self, text: &str, c: &Clause) -> Result<Box<dyn Query>, QueryError> {
        let want = fold(text.trim_matches('/'));
        let book = &self.study.codebook;
        let found = book
            .codes
            .iter()
            .filter_map(|code| book.path(code.id))
            .find(|p| fold(p) == want);
        let Some(path) = found else {
            let last = want.rsplit('/').next().unwrap_or(&want).to_owned();
            let close: Vec<String> = book
                .codes
                .iter()
                .filter(|code| {
                    let slug = fold(&code.slug);
                    !last.is_empty() && (slug.contains(&last) || last.contains(&slug))
                })
                .filter_map(|code| book.path(code.id))
                .take(6)
                .collect();
            return Err(self.err(
                c.at.clone(),
                QueryErrorKind::UnknownCode {
                    path: text.to_owned(),
                    close,
                },
            ));
        };
        Ok(Box::new(TermQuery::new(
            Term::from_facet(self.fields.codes, &code_facet(&path)),
            IndexRecordOption::Basic,
        )))
    }

    fn attribute(
        &self,
        attr: &crate::study::Attribute,
        text: &str,
        fuzzy: Option<u32>,
        phrase: bool,
        c: &Clause,
    ) -> Result<Box<dyn Query>, QueryError> {
        let f = self.fields;
        let value = match &attr.kind {
            ValueKind::Open => {
                // Free text: its words, in the attribute's own path of the JSON field.
                let mut analyzer = analyzer::french();
                return self.analyzed(
                    |t| {
                        let mut term =
                            Term::from_field_json_path(f.attribute_words, &attr.key, false);
                        term.append_type_and_str(t);
                        term
                    },
                    &mut analyzer,
                    text,
                    fuzzy,
                    phrase,
                    c,
                );
            }
            ValueKind::Choice { options } | ValueKind::Choices { options } => {
                // An option's key or its label: `secteur:sante`, `secteur:santé`.
                let want = fold(text);
                options
                    .iter()
                    .find(|o| fold(&o.key) == want || fold(&o.label) == want)
                    .map(|o| o.key.clone())
                    .ok_or_else(|| {
                        let known: Vec<&str> = options.iter().map(|o| o.key.as_str()).collect();
                        self.unknown_value(&attr.key, text, &known, c)
                    })?
            }
            ValueKind::YesNo => match fold(text).as_str() {
                "oui" | "yes" | "true" | "vrai" => "true".to_owned(),
                "non" | "no" | "false" | "faux" => "false".to_owned(),
                _ => return Err(self.unknown_value(&attr.key, text, &["oui", "non"], c)),
            },
            ValueKind::Number { .. } | ValueKind::Scale { .. } => {
                let n: f64 = text
                    .replace(',', ".")
                    .parse()
                    .map_err(|_| self.unknown_value(&attr.key, text, &["a number"], c))?;
                serde_json::to_string(&crate::study::Value::Number(n)).unwrap_or_default()
            }
        };
        Ok(Box::new(TermQuery::new(
            Term::from_facet(f.attributes, &attribute_facet(&attr.key, &value)),
            IndexRecordOption::Basic,
        )))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::store::json;
    use crate::store::template::DIAGNOSTIC;

    fn study() -> Study {
        let [(_, meta), (_, grid), (_, codebook)] = DIAGNOSTIC.definition_files().unwrap();
        let parse = |t: &str| t.as_bytes().to_vec();
        Study {
            meta: json::parse("study.json".as_ref(), &parse(&meta)).unwrap(),
            grid: json::parse("grid.json".as_ref(), &parse(&grid)).unwrap(),
            codebook: json::parse("codebook.json".as_ref(), &parse(&codebook)).unwrap(),
        }
    }

    proptest! {
        /// Whatever is typed (the TUI searches as you type), a query compiles or gives an error
        /// whose span lies inside the query: never a panic.
        #[test]
        fn any_input_compiles_or_errs_inside_the_query(
            query in "[a-zé·.()\"~:\\-/0-9 ORANDNOT]{0,30}"
        ) {
            let (_, fields) = Fields::schema();
            if let Err(e) = compile(&query, &study(), &fields) {
                prop_assert!(e.at.start <= query.len());
                prop_assert!(e.column >= 1 && e.column <= query.chars().count() + 1);
                let _ = e.caret(&query);
                let _ = e.to_string();
            }
        }
    }
}
