//! Words as alignment compares them: a note is a paraphrase of what was said, so texts are
//! compared by their content words, stemmed and without accents (the search index's French
//! analysis), each weighed by how rare it is in the interview.

use std::collections::HashMap;

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::index::analyzer;

/// The words of a text, as term numbers with the char range of the word they come from.
pub struct Words {
    analyzer: TextAnalyzer,
    terms: HashMap<String, u32>,
}

/// A text's terms: sorted, distinct.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bag(pub Vec<u32>);

impl Bag {
    pub fn has(&self, term: u32) -> bool {
        self.0.binary_search(&term).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Default for Words {
    fn default() -> Self {
        Words {
            analyzer: analyzer::french(),
            terms: HashMap::new(),
        }
    }
}

impl Words {
    /// The terms of `text` with the byte range of each word, in order.
    pub fn tokens(&mut self, text: &str) -> Vec<(u32, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            // One- and two-letter stems are grammar (`l'`, `a`, `y`, `en`): no evidence.
            if token.text.chars().count() < 3 {
                continue;
            }
            let next = self.terms.len() as u32;
            let id = *self.terms.entry(token.text.clone()).or_insert(next);
            out.push((id, token.offset_from..token.offset_to));
        }
        out
    }

    /// The distinct terms of `text`.
    pub fn bag(&mut self, text: &str) -> Bag {
        let mut terms: Vec<u32> = self.tokens(text).into_iter().map(|(t, _)| t).collect();
        terms.sort_unstable();
        terms.dedup();
        Bag(terms)
    }
}

/// How much each term weighs: rare words of the interview say where a note belongs, words
/// said everywhere (`faire`, `personne`, `alors`) say nothing.
pub struct Weights(Vec<f64>);

impl Weights {
    /// Weights from the documents the terms occur in (the transcript's cues and the notes).
    /// A term in every document weighs nothing; one in a single document weighs most.
    pub fn of<'a>(docs: impl Iterator<Item = &'a Bag>) -> Weights {
        let mut df: Vec<u32> = Vec::new();
        let mut n = 0u32;
        for bag in docs {
            n += 1;
            for &t in &bag.0 {
                let t = t as usize;
                if df.len() <= t {
                    df.resize(t + 1, 0);
                }
                df[t] += 1;
            }
        }
        let n = f64::from(n.max(1));
        Weights(
            df.into_iter()
                .map(|d| {
                    let idf = (n / f64::from(d.max(1))).ln().max(0.0);
                    idf * idf
                })
                .collect(),
        )
    }

    pub fn of_term(&self, term: u32) -> f64 {
        self.0.get(term as usize).copied().unwrap_or(0.0)
    }

    pub fn total(&self, bag: &Bag) -> f64 {
        bag.0.iter().map(|&t| self.of_term(t)).sum()
    }

    /// The share of `wanted`'s weight found in `found` (0 to 1): how much of a note a passage
    /// says.
    pub fn coverage(&self, wanted: &Bag, found: &Bag) -> f64 {
        let total = self.total(wanted);
        if total <= 0.0 {
            return 0.0;
        }
        let got: f64 = wanted
            .0
            .iter()
            .filter(|&&t| found.has(t))
            .map(|&t| self.of_term(t))
            .sum();
        got / total
    }
}

/// The sentences of a text as char ranges, trimmed: what a proposal's passage is made of.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let ends = matches!(c, '.' | '!' | '?' | '…' | '\n')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if ends {
            // Closing quotes and brackets stay with their sentence, French spacing included
            // (`gare. »`).
            let mut end = i + 1;
            loop {
                let mut j = end;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if j < chars.len() && matches!(chars[j], '»' | '"' | ')' | '”') {
                    end = j + 1;
                } else {
                    break;
                }
            }
            push_trimmed(&chars, start, end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_their_stems_without_accents() {
        let mut words = Words::default();
        let said = words.bag("Il y a un petit hôtel vers la gare, le gérant a changé.");
        let noted = words.bag("hotel près gare : nouveau gérant");
        let shared: Vec<u32> = noted.0.iter().copied().filter(|t| said.has(*t)).collect();
        assert_eq!(shared.len(), 3, "hôtel, gare, gérant");
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let mut words = Words::default();
        let docs = [
            words.bag("alors les personnes viennent"),
            words.bag("alors les personnes partent"),
            words.bag("alors le proxénète conjugal"),
        ];
        let w = Weights::of(docs.iter());
        let note = words.bag("proxénète et personnes");
        assert!(w.coverage(&note, &docs[2]) > 0.85);
        assert_eq!(
            w.coverage(&note, &docs[0]),
            0.0 + w.coverage(&note, &docs[1])
        );
        assert!(w.coverage(&note, &docs[0]) < 0.15);
    }

    #[test]
    fn sentences_are_trimmed_char_ranges() {
        let t = "Oui. Un hôtel « vers la gare. » Et puis… rien ?";
        let got: Vec<String> = sentences(t)
            .into_iter()
            .map(|(s, e)| t.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(
            got,
            ["Oui.", "Un hôtel « vers la gare. »", "Et puis…", "rien ?"]
        );
    }
}
