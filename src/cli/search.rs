//! `grille search QUERY`: ranked hits with their snippet, then counts per code and attribute.

use std::io::IsTerminal;

use anyhow::Result;
use serde::Serialize;

use super::Env;
use super::terminal::{self, out_line, say};
use crate::index::{Hit, HitKind, SearchError, SearchResults};
use crate::study::text::escape_controls;

#[derive(Serialize)]
struct Output<'a> {
    query: &'a str,
    total: usize,
    hits: &'a [Hit],
    codes: Vec<CodeCount<'a>>,
    attributes: Vec<AttributeCount<'a>>,
}

#[derive(Serialize)]
struct CodeCount<'a> {
    code: &'a str,
    hits: u64,
}

#[derive(Serialize)]
struct AttributeCount<'a> {
    attribute: &'a str,
    value: &'a str,
    hits: u64,
}

/// Returns false (exit 1) when the query is malformed.
pub fn run(env: &Env, query: &str, limit: usize, json: bool) -> Result<bool> {
    let t = env.texts();
    let ws = env.workspace()?;
    let index = super::index::open(env, &ws)?;
    let results = match ws.search(&index, query, limit) {
        Ok(r) => r,
        Err(SearchError::Query(e)) => {
            say!("grille: {}", e.message(t));
            say!("  {query}");
            say!("  {}", e.caret(query));
            return Ok(false);
        }
        Err(e) => return Err(e.into()),
    };
    if json {
        let out = Output {
            query,
            total: results.total,
            hits: &results.hits,
            codes: results
                .codes
                .iter()
                .map(|(code, hits)| CodeCount { code, hits: *hits })
                .collect(),
            attributes: results
                .attributes
                .iter()
                .map(|(attribute, value, hits)| AttributeCount {
                    attribute,
                    value,
                    hits: *hits,
                })
                .collect(),
        };
        out_line(&serde_json::to_string_pretty(&out)?)?;
    } else {
        terminal::out_text(&human(env, &results, std::io::stdout().is_terminal()))?;
    }
    Ok(true)
}

/// The results for people. Everything quoted from the study (transcripts, names, keys) has its
/// control characters escaped; the only escape sequences are the bold ones added here.
fn human(env: &Env, r: &SearchResults, bold: bool) -> String {
    let t = env.texts();
    let e = escape_controls;
    let mut out = String::new();
    if r.total == 0 {
        out.push_str(t.search_none);
        out.push('\n');
        return out;
    }
    out.push_str(&(t.search_total)(r.total));
    out.push('\n');
    for (n, hit) in r.hits.iter().enumerate() {
        let place = match (&hit.theme, &hit.question) {
            (Some(th), Some(q)) => format!("{}/{}", e(th), e(q)),
            _ => "—".to_owned(),
        };
        let kind = match hit.kind {
            HitKind::Segment => t.search_segment,
            HitKind::Excerpt => t.search_excerpt,
        };
        let span = match (hit.start, hit.end) {
            (Some(s), Some(e)) => format!(" {s}–{e}"),
            _ => String::new(),
        };
        let quote = if hit.quote {
            format!(" · {}", t.report.quote_mark)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n{}. {} · {} · {} · {}{} · {}{}\n",
            n + 1,
            e(&hit.respondent),
            e(hit.date.as_deref().unwrap_or("—")),
            place,
            kind,
            span,
            &hit.segment.to_string()[..8],
            quote,
        ));
        if !hit.codes.is_empty() {
            out.push_str(&format!("   [{}]\n", e(&hit.codes.join(", "))));
        }
        let mut line = String::from("   ");
        for f in &hit.snippet {
            let text = e(&f.text).replace('\n', " ");
            if f.highlighted && bold {
                line.push_str(&format!("\x1b[1m{text}\x1b[0m"));
            } else if f.highlighted {
                line.push_str(&format!("«{text}»"));
            } else {
                line.push_str(&text);
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    if !r.codes.is_empty() {
        out.push_str(&format!("\n{}\n", t.search_by_code));
        for (code, n) in &r.codes {
            let depth = code.matches('/').count();
            out.push_str(&format!("  {}{} {n}\n", "  ".repeat(depth), e(code)));
        }
    }
    if !r.attributes.is_empty() {
        out.push_str(&format!("\n{}\n", t.search_by_attribute));
        for (key, value, n) in &r.attributes {
            out.push_str(&format!("  {}={} {n}\n", e(key), e(value)));
        }
    }
    out
}
