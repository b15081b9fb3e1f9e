//! The report's text: the draft through its template (the study's `report-template.md`, else
//! the built-in one), as Markdown. Every value a template prints is escaped for Markdown, so
//! that a transcript's `*`, `|` or `<script>` is read as text in every format.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, State};

use super::draft::Draft;

/// The built-in template.
pub const BUILT_IN: &str = include_str!("report.md.j2");

/// The draft through `template` as Markdown; a template error says its line and what is wrong.
pub fn render(draft: &Draft, template: &str) -> Result<String, String> {
    let mut env = Environment::new();
    // Escaping on, in a mode of our own: what a macro writes comes back marked safe and is
    // not escaped twice; every value is escaped by `escaped`.
    env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown"));
    env.set_formatter(escaped);
    let tmpl = env.template_from_str(template).map_err(describe)?;
    let text = tmpl
        .render(minijinja::Value::from_serialize(draft))
        .map_err(describe)?;
    Ok(tidy(&text))
}

/// A minijinja error with its line, and what caused it.
fn describe(e: Error) -> String {
    let mut out = match e.line() {
        Some(line) => format!(
            "line {line}: {}",
            e.detail().unwrap_or(&e.kind().to_string())
        ),
        None => e.to_string(),
    };
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        out.push_str(&format!(" ({cause})"));
        source = cause.source();
    }
    out
}

/// How a value is printed: text escaped for Markdown; nothing for none or undefined.
fn escaped(out: &mut minijinja::Output, _: &State, value: &Value) -> Result<(), Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    let text = match value.as_str() {
        Some(s) => s.to_owned(),
        None => value.to_string(),
    };
    if value.is_safe() {
        out.write_str(&text)?;
    } else {
        out.write_str(&escape(&text))?;
    }
    Ok(())
}

/// Text that Markdown reads as itself: the punctuation that means something inline escaped
/// with a backslash, a line break made a space (a table cell, a heading hold one line), and a
/// start that would open a list or a heading escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // `12. ` or `12) ` opens a numbered list; `66.7` does not.
    let first_non_digit = out.find(|c: char| !c.is_ascii_digit());
    let numbered = matches!(first_non_digit, Some(i) if i > 0
        && out[i..].starts_with(['.', ')'])
        && out[i + 1..].chars().next().is_none_or(char::is_whitespace));
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if numbered && let Some(i) = first_non_digit {
        out.insert(i, '\\');
    }
    out
}

/// Blank lines a template's tags leave behind squeezed to one, trailing spaces removed: the
/// Markdown a person would have typed.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_markdown_would_read_as_markup_is_escaped() {
        assert_eq!(escape("a *b* | c"), "a \\*b\\* \\| c");
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("- pas une liste"), "\\- pas une liste");
        assert_eq!(escape("2016. La loi"), "2016\\. La loi");
        assert_eq!(escape("2016 et 2017"), "2016 et 2017");
        assert_eq!(escape("66,7"), "66,7");
        assert_eq!(escape("100.0"), "100.0");
        assert_eq!(escape("3)"), "3\\)");
        assert_eq!(escape("un\ndeux"), "un deux");
    }

    #[test]
    fn values_are_escaped_once_and_what_a_macro_writes_is_kept() {
        let t = "{% macro b(x) %}**{{ x }}**{% endmacro %}{{ b(v) }} {{ v }} {{ n }}";
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown"));
        env.set_formatter(escaped);
        let out = env
            .template_from_str(t)
            .unwrap()
            .render(minijinja::context! { v => "a|b", n => 3 })
            .unwrap();
        assert_eq!(out, "**a\\|b** a\\|b 3");
    }

    #[test]
    fn blank_lines_are_squeezed() {
        assert_eq!(tidy("\n\n# A  \n\n\n\ntext\n\n\n"), "# A\n\ntext\n");
    }
}
