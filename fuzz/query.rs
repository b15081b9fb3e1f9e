//! The search language, as `grille search` and the search screen run it: parsed, checked
//! against the study and run on a real index of the example study. A query gets its results
//! or an error placed inside it, never a panic nor an overflowing stack.

use std::panic::AssertUnwindSafe;

use bolero::TypeGenerator;
use bolero::check;
use grille::index::{Index, SearchError, Silent};

use crate::setup::{Example, texts};

fn run(index: &Index, query: &str) {
    match index.search(query, 20) {
        Ok(results) => {
            assert!(results.hits.len() <= results.total.max(20));
            for hit in &results.hits {
                let _ = format!("{hit:?}");
            }
        }
        Err(SearchError::Query(e)) => {
            let _ = e.caret(query);
            for t in texts() {
                let _ = e.message(t);
            }
        }
        Err(SearchError::Index(e)) => panic!("the index failed on {query:?}: {e}"),
    }
}

fn search_target(example: &Example) -> impl FnMut(&[u8]) + std::panic::RefUnwindSafe {
    let index = Index::open(&example.dir, &example.study, &mut Silent).expect("the index builds");
    let index = AssertUnwindSafe(index);
    move |bytes: &[u8]| {
        if let Ok(query) = std::str::from_utf8(bytes) {
            run(&index, query);
        }
    }
}

#[test]
fn query() {
    let example = Example::new();
    check!(name = "query").for_each(search_target(&example));
}

/// The words of the language and of the example study: generated queries use its operators,
/// fields, codes and values, so that they reach the checks behind the parser.
const WORDS: &[&str] = &[
    "NOT",
    "SAUF",
    "AND",
    "ET",
    "OR",
    "OU",
    "-",
    "(",
    ")",
    "\"",
    ":",
    "~",
    "~2",
    "~9",
    " ",
    "code:",
    "theme:",
    "question:",
    "speaker:",
    "respondent:",
    "interviewer:",
    "coder:",
    "date:",
    "kind:",
    "text:",
    "secteur:",
    "territoire:",
    "fonction:",
    "hôtel",
    "hotel",
    "gare",
    "appartement",
    "mineures",
    "élu.es",
    "professionnel·les",
    "lieux",
    "lieux/hotel",
    "proxenetisme/conjugal",
    "R01",
    "R03",
    "repondant",
    "enqueteur",
    "interviewer",
    "excerpt",
    "extrait",
    "segment",
    "sante",
    "santé",
    "clermont-metropole",
    "2021",
    "2021-05",
    "2021-05-06",
    "2021-04..2021-07",
    "..2021-04",
    "2021-06..",
    "2021-13",
    "..",
    "\"Léa Martin\"",
    "*",
    "?",
    "é",
    "e\u{301}",
    "\u{202e}",
    "\u{0}",
    "ou",
    "et",
    "/",
    "//",
    "---",
    "",
    "ﬁ",
    "İ",
];

#[derive(Debug, TypeGenerator)]
struct Words(Vec<(u8, bool)>);

impl Words {
    fn query(&self) -> String {
        let mut query = String::new();
        for &(word, space) in &self.0 {
            query.push_str(WORDS[usize::from(word) % WORDS.len()]);
            if space {
                query.push(' ');
            }
        }
        query
    }
}

#[test]
fn query_words() {
    let example = Example::new();
    let mut target = search_target(&example);
    check!(name = "query_words")
        .with_type::<Words>()
        .for_each(move |words: &Words| target(words.query().as_bytes()));
}
