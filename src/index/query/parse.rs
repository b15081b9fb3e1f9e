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
use winnow::combinator::{alt, cut_err, delimited, not, opt, peek, preceded, repeat, terminated};
use winnow::error::{ContextError, ErrMode, StrContext, StrContextValue};
use winnow::prelude::*;
use winnow::stream::{AsChar, LocatingSlice};
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

/// How deeply parentheses and NOT may nest: the parser recurses once per level, and a query of
/// thousands of `(` must be refused, not overflow the stack.
const MAX_NESTING: usize = 64;

/// Where nesting first goes past [`MAX_NESTING`] (bytes), if it does. Counts `(` not yet closed
/// plus negations in a row, over-approximating: a real query never comes near.
fn too_deep(query: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut negations = 0usize;
    for (i, c) in query.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '-' => negations += 1,
            c if c.is_whitespace() => {}
            _ => negations = 0,
        }
        if query[i..].starts_with("NOT") || query[i..].starts_with("SAUF") {
            negations += 1;
        }
        if depth + negations > MAX_NESTING {
            return Some(i);
        }
    }
    None
}

pub fn parse(query: &str) -> Result<Option<Expr>, SyntaxError> {
    if let Some(at) = too_deep(query) {
        return Err(SyntaxError {
            at,
            expected: "shallower".into(),
        });
    }
    let mut input = LocatingSlice::new(query);
    let parsed = preceded(multispace0, opt(or_expr)).parse_next(&mut input);
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

fn or_expr(i: &mut In<'_>) -> ModalResult<Expr> {
    let first = and_expr(i)?;
    let rest: Vec<Expr> = repeat(
        0..,
        preceded(
            keyword(&["OR", "OU"]),
            cut_err(and_expr).context(expected("term_after_or")),
        ),
    )
    .parse_next(i)?;
    Ok(if rest.is_empty() {
        first
    } else {
        Expr::Or(std::iter::once(first).chain(rest).collect())
    })
}

fn and_expr(i: &mut In<'_>) -> ModalResult<Expr> {
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

fn unary(i: &mut In<'_>) -> ModalResult<Expr> {
    alt((
        preceded(
            alt((
                keyword(&["NOT", "SAUF"]),
                ('-', peek(not(one_of(char::is_whitespace)))).void(),
            )),
            cut_err(unary).context(expected("term_after_not")),
        )
        .map(|e| Expr::Not(Box::new(e))),
        primary,
    ))
    .parse_next(i)
}

fn primary(i: &mut In<'_>) -> ModalResult<Expr> {
    alt((
        delimited(
            ws('('),
            cut_err(or_expr).context(expected("term_in_parens")),
            cut_err(ws(')')).context(expected("close_paren")),
        ),
        clause.map(Expr::Clause),
    ))
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
        assert_eq!(parse(&deep).unwrap_err().expected, "shallower");
        let negations = "-".repeat(10_000) + "hotel";
        assert_eq!(parse(&negations).unwrap_err().expected, "shallower");
        assert!(parse("((hotel OR gare) NOT -rue) code:lieux").is_ok());
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
