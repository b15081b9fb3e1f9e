//! The text analysis of the index: the same analyzers at index and query time.
//!
//! French text: [`FrenchWords`] (words, elision, inclusive forms kept whole) → remove tokens
//! over 40 bytes → lowercase → [`InclusiveFilter`] (one inclusive form becomes its masculine and
//! feminine words, at the same position) → fold accents → French Snowball stemmer.
//!
//! Folding comes before stemming, on purpose: people type queries without accents
//! (`proxenetisme`, `hotel`), and the stemmer must see the same letters on both sides. Stemming
//! accented text first and folding after would stem `sécurité` and `securite` differently (the
//! stemmer knows `-ité`, not `-ite`). The tests below check both orders' cases on real sentences.

mod inclusive;
mod words;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

pub use inclusive::{Forms, forms, forms_of_token};
pub use words::FrenchWords;

/// The analyzer of transcript text.
pub const FRENCH: &str = "grille_fr";
/// Names (coders, interviewers): words, lowercase, no accents, no stemming.
pub const NAME: &str = "grille_name";
/// Keys and ids (`secteur`, `R03`, session ids): the whole value, lowercase, no accents.
pub const KEY: &str = "grille_key";

/// Tokens longer than this (bytes) are dropped: nobody searches a 40-letter word.
const LONGEST: usize = 40;

pub fn french() -> TextAnalyzer {
    TextAnalyzer::builder(FrenchWords::default())
        .filter(RemoveLongFilter::limit(LONGEST))
        .filter(LowerCaser)
        .filter(InclusiveFilter)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::French))
        .filter(SamePositionDedup)
        .build()
}

pub fn name() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn key() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers grille's analyzers with an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    manager.register(FRENCH, french());
    manager.register(NAME, name());
    manager.register(KEY, key());
}

/// The terms `text` gives, with their positions (several terms may share one position).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.position, t.text.clone()));
    }
    out.dedup();
    out
}

/// Turns an inclusive form (`professionnel·les`, lowercased) into the words it stands for, all
/// at its position and offsets: masculine, then feminine (with their plurals for a plural form).
#[derive(Clone, Copy)]
pub struct InclusiveFilter;

impl TokenFilter for InclusiveFilter {
    type Tokenizer<T: Tokenizer> = InclusiveTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> InclusiveTokenizer<T> {
        InclusiveTokenizer { inner }
    }
}

#[derive(Clone)]
pub struct InclusiveTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for InclusiveTokenizer<T> {
    type TokenStream<'a> = InclusiveStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        InclusiveStream {
            tail: self.inner.token_stream(text),
            rest: Vec::new(),
        }
    }
}

pub struct InclusiveStream<S> {
    tail: S,
    /// The words still to give for the current inclusive form, last first.
    rest: Vec<String>,
}

impl<S: TokenStream> TokenStream for InclusiveStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(word) = self.rest.pop() {
            // Same position and offsets as the masculine word: a phrase goes through either.
            self.tail.token_mut().text = word;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(forms) = inclusive::forms_of_token(&token.text) {
            let mut words = forms.words();
            words.reverse();
            token.text = words.pop().expect("a form has a masculine word");
            self.rest = words;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Drops a token equal to one already given at the same position: the forms of an inclusive
/// word often stem alike (`professionnel`, `professionnelle` → `professionnel`), and counting
/// that word twice would weigh it double in the ranking.
#[derive(Clone, Copy)]
pub struct SamePositionDedup;

impl TokenFilter for SamePositionDedup {
    type Tokenizer<T: Tokenizer> = DedupTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DedupTokenizer<T> {
        DedupTokenizer { inner }
    }
}

#[derive(Clone)]
pub struct DedupTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DedupTokenizer<T> {
    type TokenStream<'a> = DedupStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DedupStream {
            tail: self.inner.token_stream(text),
            position: usize::MAX,
            seen: Vec::new(),
        }
    }
}

pub struct DedupStream<S> {
    tail: S,
    position: usize,
    seen: Vec<String>,
}

impl<S: TokenStream> TokenStream for DedupStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token();
            if token.position != self.position {
                self.position = token.position;
                self.seen.clear();
            }
            if !self.seen.contains(&token.text) {
                self.seen.push(token.text.clone());
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests;
