//! The grammar of search queries, parsed with winnow:
//!
//! ```text
//! query   := or EOF
//! or      := and (("OR" | "OU") and)*
//! and     := unary (("AND" | "ET")? unary)*          -- juxtaposition is AND
//! unary   := ("NOT" | "SAUF" | "-") unary | primary
//! primary := "(" or ")" | clause
//! clause  := (field ":")? (phrase | word ("~" digit?)?)
//! ```
//!
//! Operators are written in capitals (lowercase `ou`, `et` are French words to search).

use std::ops::Range;

use winnow::ascii::multispace0;
use winnow::combinator::{alt, cut_err, fail, not, opt, peek, preceded, repeat, terminated};
use winnow::error::{ContextError, ErrMode, StrContext, StrContextValue};
use winnow::prelude::*;
use winnow::stream::{AsChar, LocatingSlice, Stream};
use winnow::token::{any, one_of, take_till, take_while};

type In<'a> = LocatingSlice<&'a str>;

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Clause(Clause),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    /// The field name and its span (bytes), if the clause has one.
    pub field: Option<(String, Range<usize>)>,
    pub value: Value,
    /// Span (bytes) of the value.
    pub at: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Word { text: String, fuzzy: Option<u32> },
    Phrase(String),
}

/// A syntax error: where (bytes) and what was expected there, as a code the messages name
/// (`close_paren`, `close_quote`, `term_after_or`, `value_after_colon`, `no_open_paren`…).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub at: usize,
    pub expected: String,
}

const KEYWORDS: &[&str] = &["AND", "ET", "OR", "OU", "NOT", "SAUF"];

/// How deeply parentheses and negations may nest. The parser (and the compiler after it) recurse
/// once per level: a query of thousands of `(` or `NOT` must be refused where it goes too deep,
/// not overflow the stack. A real query never comes near.
const MAX_NESTING: usize = 64;

pub fn parse(query: &str) -> Result<Option<Expr>, SyntaxError> {
    let mut input = LocatingSlice::new(query);
    let parsed = preceded(multispace0, opt(|i: &mut In<'_>| or_expr(i, 0))).parse_next(&mut input);
    let at = query.len() - input.len();
    match parsed {
        Ok(expr) if input.is_empty() => Ok(expr),
        Ok(_) => {
            let next = input.chars().next().unwrap_or(' ');
            let expected = if next == ')' {
                "no_open_paren".to_owned()
            } else {
                "expression".to_owned()
            };
            Err(SyntaxError { at, expected })
        }
        Err(ErrMode::Cut(e) | ErrMode::Backtrack(e)) => Err(SyntaxError {
            at,
            expected: describe(&e),
        }),
        Err(ErrMode::Incomplete(_)) => Err(SyntaxError {
            at,
            expected: "expression".into(),
        }),
    }
}

fn describe(e: &ContextError) -> String {
    let mut expected: Vec<String> = e
        .context()
        .filter_map(|c| match c {
            StrContext::Expected(StrContextValue::Description(d)) => Some((*d).to_owned()),
            StrContext::Expected(v) => Some(v.to_string()),
            StrContext::Label(l) => Some((*l).to_owned()),
            _ => None,
        })
        .collect();
    if expected.is_empty() {
        "expression".into()
    } else {
        expected.swap_remove(0)
    }
}

fn expected(what: &'static str) -> StrContext {
    StrContext::Expected(StrContextValue::Description(what))
}

fn ws<'a, O>(
    p: impl Parser<In<'a>, O, ErrMode<ContextError>>,
) -> impl Parser<In<'a>, O, ErrMode<ContextError>> {
    terminated(p, multispace0)
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '(' | ')' | '"' | '~')
}

/// A keyword standing alone (`OR`, not `ORANGE`).
fn keyword<'a>(words: &'static [&'static str]) -> impl Parser<In<'a>, (), ErrMode<ContextError>> {
    ws(take_while(1.., is_word_char)
        .verify(move |w: &str| words.contains(&w))
        .void())
}

/// `depth`: how many parentheses and negations enclose what is parsed here.
fn or_expr(i: &mut In<'_>, depth: usize) -> ModalResult<Expr> {
    let first = and_expr(i, depth)?;
    let rest: Vec<Expr> = repeat(
        0..,
        preceded(
            keyword(&["OR", "OU"]),
            cut_err(|i: &mut In<'_>| and_expr(i, depth)).context(expected("term_after_or")),
        ),
    )
    .parse_next(i)?;
    Ok(if rest.is_empty() {
        first
    } else {
        Expr::Or(std::iter::once(first).chain(rest).collect())
    })
}

fn and_expr(i: &mut In<'_>, depth: usize) -> ModalResult<Expr> {
    let unary = |i: &mut In<'_>| unary(i, depth);
    let first = unary(i)?;
    let rest: Vec<Expr> = repeat(
        0..,
        alt((
            preceded(
                keyword(&["AND", "ET"]),
                cut_err(unary).context(expected("term_after_and")),
            ),
            unary,
        )),
    )
    .parse_next(i)?;
    Ok(if rest.is_empty() {
        first
    } else {
        Expr::And(std::iter::once(first).chain(rest).collect())
    })
}

fn unary(i: &mut In<'_>, depth: usize) -> ModalResult<Expr> {
    let before = i.checkpoint();
    let negation = opt(alt((
        keyword(&["NOT", "SAUF"]),
        ('-', peek(not(one_of(char::is_whitespace)))).void(),
    )))
    .parse_next(i)?;
    if negation.is_none() {
        return primary(i, depth);
    }
    deeper(i, depth, &before)?;
    cut_err(|i: &mut In<'_>| unary(i, depth + 1))
        .context(expected("term_after_not"))
        .map(|e| Expr::Not(Box::new(e)))
        .parse_next(i)
}

fn primary(i: &mut In<'_>, depth: usize) -> ModalResult<Expr> {
    let before = i.checkpoint();
    if opt(ws('(')).parse_next(i)?.is_none() {
        return clause.map(Expr::Clause).parse_next(i);
    }
    deeper(i, depth, &before)?;
    terminated(
        cut_err(|i: &mut In<'_>| or_expr(i, depth + 1)).context(expected("term_in_parens")),
        cut_err(ws(')')).context(expected("close_paren")),
    )
    .parse_next(i)
}

/// Refuses to go one level deeper than [`MAX_NESTING`], pointing at the `(` or negation that
/// would (the input is put back there, so the error's place is that operator).
fn deeper<'a>(
    i: &mut In<'a>,
    depth: usize,
    before: &<In<'a> as Stream>::Checkpoint,
) -> ModalResult<()> {
    if depth < MAX_NESTING {
        return Ok(());
    }
    i.reset(before);
    cut_err(fail::<_, (), _>)
        .context(expected("shallower"))
        .parse_next(i)
}

fn field_name(i: &mut In<'_>) -> ModalResult<(String, Range<usize>)> {
    terminated(
        (
            one_of(|c: char| c.is_alphabetic()),
            take_while(0.., |c: char| c.is_alphanumeric() || c == '_' || c == '-'),
        )
            .take()
            .with_span(),
        ':',
    )
    .map(|(name, span): (&str, Range<usize>)| (name.to_owned(), span))
    .parse_next(i)
}

fn clause(i: &mut In<'_>) -> ModalResult<Clause> {
    let field = opt(field_name).parse_next(i)?;
    let value = if field.is_some() {
        cut_err(value)
            .context(expected("value_after_colon"))
            .parse_next(i)?
    } else {
        value.parse_next(i)?
    };
    multispace0.parse_next(i)?;
    let (value, at) = value;
    Ok(Clause { field, value, at })
}

fn value(i: &mut In<'_>) -> ModalResult<(Value, Range<usize>)> {
    alt((phrase, word)).with_span().parse_next(i)
}

fn phrase(i: &mut In<'_>) -> ModalResult<Value> {
    preceded(
        '"',
        cut_err(terminated(take_till(0.., '"'), '"')).context(expected("close_quote")),
    )
    .map(|s: &str| Value::Phrase(s.to_owned()))
    .parse_next(i)
}

fn word(i: &mut In<'_>) -> ModalResult<Value> {
    let text = take_while(1.., is_word_char)
        .verify(|w: &str| !KEYWORDS.contains(&w))
        .parse_next(i)?;
    let fuzzy = opt(preceded('~', opt(any.verify(|c: &char| c.is_dec_digit())))).parse_next(i)?;
    Ok(Value::Word {
        text: text.to_owned(),
        fuzzy: fuzzy.map(|d| d.and_then(|c| c.to_digit(10)).unwrap_or(1)),
    })
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn a_query_nested_thousands_deep_is_refused_not_overflowing() {
        let deep = "(".repeat(10_000) + "hotel";
        let e = parse(&deep).unwrap_err();
        assert_eq!((e.expected.as_str(), e.at), ("shallower", MAX_NESTING));
        let negations = "-".repeat(10_000) + "hotel";
        let e = parse(&negations).unwrap_err();
        assert_eq!((e.expected.as_str(), e.at), ("shallower", MAX_NESTING));
        assert!(parse("((hotel OR gare) NOT -rue) code:lieux").is_ok());
    }

    #[test]
    fn five_hundred_chained_negations_are_refused_at_the_one_too_many() {
        for word in ["NOT ", "SAUF "] {
            let query = word.repeat(500) + "hotel";
            let e = parse(&query).unwrap_err();
            assert_eq!(e.expected, "shallower", "{word}");
            // The 65th negation (counting from 1) is the one refused.
            assert_eq!(e.at, MAX_NESTING * word.len(), "{word}");
        }
        // Mixed: parentheses and negations add up; the 33rd `(` is the 65th level.
        let mixed = "(NOT ".repeat(40) + "hotel" + &")".repeat(40);
        let e = parse(&mixed).unwrap_err();
        assert_eq!((e.expected.as_str(), e.at), ("shallower", 32 * 5));
        // As deep as allowed is fine.
        let ok = "NOT ".repeat(MAX_NESTING) + "hotel";
        assert!(parse(&ok).is_ok());
        let ok = "(".repeat(MAX_NESTING) + "hotel" + &")".repeat(MAX_NESTING);
        assert!(parse(&ok).is_ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Expr {
        Expr::Clause(Clause {
            field: None,
            value: Value::Word {
                text: text.into(),
                fuzzy: None,
            },
            at: 0..0,
        })
    }

    /// The tree without spans, to compare shapes.
    fn shape(e: Expr) -> Expr {
        match e {
            Expr::And(v) => Expr::And(v.into_iter().map(shape).collect()),
            Expr::Or(v) => Expr::Or(v.into_iter().map(shape).collect()),
            Expr::Not(e) => Expr::Not(Box::new(shape(*e))),
            Expr::Clause(c) => Expr::Clause(Clause {
                field: c.field.map(|(f, _)| (f, 0..0)),
                at: 0..0,
                ..c
            }),
        }
    }

    fn p(q: &str) -> Expr {
        shape(parse(q).unwrap().unwrap())
    }

    #[test]
    fn precedence_and_implicit_and() {
        assert_eq!(
            p("a b OR c"),
            Expr::Or(vec![Expr::And(vec![w("a"), w("b")]), w("c")])
        );
        assert_eq!(
            p("a AND (b OU c)"),
            Expr::And(vec![w("a"), Expr::Or(vec![w("b"), w("c")])])
        );
        assert_eq!(
            p("NOT a -b"),
            Expr::And(vec![
                Expr::Not(Box::new(w("a"))),
                Expr::Not(Box::new(w("b")))
            ])
        );
        // Lowercase operators are words; a dash inside a word is part of it.
        assert_eq!(
            p("ou sage-femme"),
            Expr::And(vec![w("ou"), w("sage-femme")])
        );
        assert_eq!(parse("   ").unwrap(), None);
    }

    #[test]
    fn fields_phrases_fuzzy_and_spans() {
        let e = parse("code:proxenetisme/conjugal \"à l'hôtel\" hotel~2 lieu~").unwrap();
        let Some(Expr::And(parts)) = e else { panic!() };
        let Expr::Clause(c) = &parts[0] else { panic!() };
        assert_eq!(c.field, Some(("code".into(), 0..4)));
        assert_eq!(c.at, 5..26);
        let Expr::Clause(c) = &parts[1] else { panic!() };
        assert_eq!(c.value, Value::Phrase("à l'hôtel".into()));
        let Expr::Clause(c) = &parts[2] else { panic!() };
        assert_eq!(
            c.value,
            Value::Word {
                text: "hotel".into(),
                fuzzy: Some(2)
            }
        );
        let Expr::Clause(c) = &parts[3] else { panic!() };
        assert_eq!(
            c.value,
            Value::Word {
                text: "lieu".into(),
                fuzzy: Some(1)
            }
        );
    }

    #[test]
    fn syntax_errors_say_where_and_what() {
        let e = parse("(hotel OR gare").unwrap_err();
        assert_eq!(e.at, 14);
        assert!(e.expected.contains("close_paren"), "{e:?}");
        let e = parse("hotel )").unwrap_err();
        assert_eq!(e.at, 6);
        assert!(e.expected.contains("no_open_paren"), "{e:?}");
        let e = parse("\"à l'hôtel").unwrap_err();
        assert!(e.expected.contains("close_quote"), "{e:?}");
        let e = parse("hotel OR").unwrap_err();
        assert_eq!(e.at, 9 - 1);
        assert!(e.expected.contains("term_after_or"), "{e:?}");
        let e = parse("code: hotel").unwrap_err();
        assert_eq!(e.at, 5);
        assert!(e.expected.contains("value_after_colon"), "{e:?}");
    }
}
