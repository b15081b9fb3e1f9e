//! Cutting French text into words: runs of letters and digits, as tantivy's SimpleTokenizer
//! does, with two French rules of our own:
//!
//! - elision: `l'hôtel`, `d'une`, `qu'elle` give `hôtel`, `une`, `elle` (the elided article or
//!   pronoun is dropped, as Lucene's ElisionFilter does), so that a search for `hôtel` is not
//!   beaten by a hit on `l`;
//! - inclusive writing: `professionnel·les`, `élu.es`, `élu(e)s` stay one token spanning the
//!   whole form (the [`super::InclusiveFilter`] then turns it into its masculine and feminine
//!   words); where the suffix is not one of inclusive writing (`Dr.Martin`, `etc.les`), the
//!   separator splits words as usual.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::inclusive;

/// Words that French elides before a vowel.
const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

#[derive(Clone, Default)]
pub struct FrenchWords {
    token: Token,
}

pub struct FrenchWordStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for FrenchWords {
    type TokenStream<'a> = FrenchWordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchWordStream<'a> {
        self.token.reset();
        FrenchWordStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

/// End (byte offset) of the run of alphanumeric chars starting at `from`.
fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| from + i)
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// If an inclusive suffix follows the word `text[from..end]`, the end of the whole form.
fn inclusive_end(text: &str, from: usize, end: usize) -> Option<usize> {
    let base = &text[from..end];
    let mut at = end;
    let mut suffix = String::new();
    match char_at(text, at)? {
        '(' => {
            // élu(e)s, professionnel(le)s
            let inner = word_end(text, at + 1);
            if inner == at + 1 || char_at(text, inner) != Some(')') {
                return None;
            }
            suffix.push_str(&text[at + 1..inner]);
            at = inner + 1;
            let tail = word_end(text, at);
            suffix.push_str(&text[at..tail]);
            at = tail;
        }
        c if inclusive::is_separator(c) => {
            // élu·e·s: separator, letters, again while it goes on.
            while let Some(c) = char_at(text, at).filter(|c| inclusive::is_separator(*c)) {
                let part_from = at + c.len_utf8();
                let part_end = word_end(text, part_from);
                if part_end == part_from {
                    break;
                }
                suffix.push_str(&text[part_from..part_end]);
                at = part_end;
            }
        }
        _ => return None,
    }
    // A suffix is written in the case of its word: `Dr.Martin` is two words, `ÉLU·ES` one.
    let base_upper = base.chars().last().is_some_and(char::is_uppercase);
    if suffix.is_empty() || suffix.chars().any(|c| c.is_uppercase() != base_upper) {
        return None;
    }
    inclusive::forms(&base.to_lowercase(), &suffix.to_lowercase()).map(|_| at)
}

impl FrenchWordStream<'_> {
    fn is_elided(&self, from: usize, end: usize) -> bool {
        let apostrophe = matches!(char_at(self.text, end), Some('\'' | '’'));
        let before_word = apostrophe
            && self.text[end..]
                .chars()
                .nth(1)
                .is_some_and(char::is_alphabetic);
        before_word && ELIDED.contains(&self.text[from..end].to_lowercase().as_str())
    }
}

impl TokenStream for FrenchWordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some((skip, _)) = self.text[self.at..]
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
            else {
                self.at = self.text.len();
                return false;
            };
            let from = self.at + skip;
            let end = word_end(self.text, from);
            if self.is_elided(from, end) {
                self.at = end;
                continue;
            }
            let end = inclusive_end(self.text, from, end).unwrap_or(end);
            self.at = end;
            self.token.text.clear();
            self.token.text.push_str(&self.text[from..end]);
            self.token.offset_from = from;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize)> {
        let mut t = FrenchWords::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let tok = s.token();
            assert_eq!(&text[tok.offset_from..tok.offset_to], tok.text);
            out.push((tok.text.clone(), tok.position));
        }
        out
    }

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn elided_articles_are_dropped_and_positions_follow_the_words() {
        assert_eq!(
            words("L'hôtel d'une amie, qu'elle"),
            [
                ("hôtel".to_string(), 0),
                ("une".into(), 1),
                ("amie".into(), 2),
                ("elle".into(), 3)
            ]
        );
        // An apostrophe not before a word, or after a word that is not elided, splits as usual.
        assert_eq!(texts("aujourd'hui l' «"), ["aujourd", "hui", "l"]);
    }

    #[test]
    fn inclusive_forms_stay_one_token() {
        assert_eq!(
            texts("Les professionnel·les et élu.es, animateur.rices."),
            [
                "Les",
                "professionnel·les",
                "et",
                "élu.es",
                "animateur.rices"
            ]
        );
        assert_eq!(
            texts("des élu(e)s ; les ÉLU·ES"),
            ["des", "élu(e)s", "les", "ÉLU·ES"]
        );
        assert_eq!(texts("mineur.es."), ["mineur.es"]);
    }

    #[test]
    fn separators_that_are_not_inclusive_writing_split() {
        assert_eq!(texts("Dr.Martin etc.les"), ["Dr", "Martin", "etc", "les"]);
        assert_eq!(texts("la fin. Es"), ["la", "fin", "Es"]);
        assert_eq!(
            texts("sage-femme 3.5 élu()"),
            ["sage", "femme", "3", "5", "élu"]
        );
    }
}
