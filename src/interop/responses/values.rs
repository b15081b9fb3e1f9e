//! A cell read as the value a question or attribute takes: an option by its key or its label
//! (case, accents and spaces ignored), a list of options however the tool joined them, yes or
//! no in the words forms use, a number with a decimal comma.

use std::collections::BTreeMap;

use crate::study::{Choice, Value, ValueKind, text};

/// Value as the file writes it (folded) → what to read instead, from the mapping file.
pub type Aliases = BTreeMap<String, String>;

/// Why a cell is not a value of its kind: the part that matched nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// Not one of the options (the part of a list that matched none).
    Option(String),
    NotYesNo,
    NotNumber,
    /// Out of the bounds of the number or the scale (the bounds, as text).
    OutOfRange(String),
}

/// Folds text for comparison: no HTML entities or tags, no-break spaces as spaces, whitespace
/// collapsed, lowercase, no accents.
pub fn fold(raw: &str) -> String {
    let cleaned = strip_html(raw).replace(['\u{a0}', '\u{202f}'], " ");
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    text::fold(&collapsed)
}

/// LimeSurvey writes question texts with their HTML (`&gt;`, `<strong>`).
fn strip_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&amp;", "&"),
    ] {
        out = out.replace(entity, c);
    }
    out
}

const YES: &[&str] = &["oui", "o", "yes", "y", "vrai", "true", "1", "v", "x", "✓"];
const NO: &[&str] = &["non", "n", "no", "faux", "false", "0", "f"];

/// Yes or no as a form writes it; `None` when it is neither.
pub fn yes_no(raw: &str) -> Option<bool> {
    let folded = fold(raw);
    if YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A number with a decimal point or comma and any thousands spaces (`1 250,5`).
pub fn number(raw: &str) -> Option<f64> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let n: f64 = compact.replace(',', ".").parse().ok()?;
    n.is_finite().then_some(n)
}

/// The option a text names: its key, its label, or what the mapping says it means.
pub fn option<'a>(options: &'a [Choice], raw: &str, aliases: Option<&Aliases>) -> Option<&'a str> {
    let folded = fold(raw);
    if folded.is_empty() {
        return None;
    }
    let direct = |f: &str| {
        options
            .iter()
            .find(|o| o.key == f || fold(&o.key) == f || fold(&o.label) == f)
            .map(|o| o.key.as_str())
    };
    match aliases.and_then(|a| a.get(&folded)) {
        Some(alias) => direct(&fold(alias)),
        None => direct(&folded),
    }
}

/// Reads a cell for `kind`: `Ok(None)` when it is empty.
pub fn read(
    kind: &ValueKind,
    raw: &str,
    aliases: Option<&Aliases>,
) -> Result<Option<Value>, Mismatch> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let aliased = aliases
        .and_then(|a| a.get(&fold(raw)))
        .map_or(raw, String::as_str);
    let value = match kind {
        ValueKind::Open => Value::Text(text::normalize(raw)),
        ValueKind::YesNo => Value::Bool(yes_no(aliased).ok_or(Mismatch::NotYesNo)?),
        ValueKind::Number { min, max, .. } => {
            let n = number(aliased).ok_or(Mismatch::NotNumber)?;
            bounded(n, *min, *max)?
        }
        ValueKind::Scale { min, max, .. } => {
            let n = number(aliased)
                .filter(|n| n.fract() == 0.0)
                .ok_or(Mismatch::NotNumber)?;
            bounded(n, Some(*min as f64), Some(*max as f64))?
        }
        ValueKind::Choice { options } => match option(options, raw, aliases) {
            Some(key) => Value::Text(key.to_owned()),
            None => return Err(Mismatch::Option(raw.to_owned())),
        },
        ValueKind::Choices { options } => Value::List(list(options, raw, aliases)?),
    };
    Ok(Some(value))
}

fn bounded(n: f64, min: Option<f64>, max: Option<f64>) -> Result<Value, Mismatch> {
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        let show = |b: Option<f64>| b.map(|b| b.to_string()).unwrap_or_default();
        return Err(Mismatch::OutOfRange(format!("{}…{}", show(min), show(max))));
    }
    Ok(Value::Number(n))
}

/// The options of a one-column list, however the tool joined them: `Hôtel; Appartement`
/// (LimeSurvey, Google Forms' CSV), `Hôtel, Appartement` (Google Sheets), one per line, or
/// option keys separated by spaces (KoboToolbox). A label that holds a comma ("Bars, clubs")
/// is found whole. The first part that names no option is the mismatch.
pub fn list(
    options: &[Choice],
    raw: &str,
    aliases: Option<&Aliases>,
) -> Result<Vec<String>, Mismatch> {
    let mut keys: Vec<String> = Vec::new();
    let mut push = |key: &str| {
        if !keys.iter().any(|k| k == key) {
            keys.push(key.to_owned());
        }
    };
    if let Some(key) = option(options, raw, aliases) {
        push(key);
        return Ok(keys);
    }
    for part in raw
        .split([';', '|', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(key) = option(options, part, aliases) {
            push(key);
            continue;
        }
        let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
        let mut i = 0;
        while i < pieces.len() {
            // The longest run of pieces that names an option ("Bars, clubs, discothèques").
            let found = (i + 1..=pieces.len()).rev().find_map(|j| {
                option(options, &pieces[i..j].join(", "), aliases).map(|key| (j, key))
            });
            match found {
                Some((j, key)) => {
                    push(key);
                    i = j;
                }
                None if pieces[i].is_empty() => i += 1,
                None => {
                    let words: Vec<&str> = pieces[i].split_whitespace().collect();
                    let keys: Option<Vec<&str>> =
                        words.iter().map(|w| option(options, w, aliases)).collect();
                    match keys {
                        Some(keys) if words.len() > 1 => keys.into_iter().for_each(&mut push),
                        _ => return Err(Mismatch::Option(pieces[i].to_owned())),
                    }
                    i += 1;
                }
            }
        }
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> Vec<Choice> {
        pairs
            .iter()
            .map(|(key, label)| Choice {
                key: (*key).into(),
                label: (*label).into(),
                unknown: false,
            })
            .collect()
    }

    fn lieux() -> Vec<Choice> {
        options(&[
            ("appartement", "Appartement"),
            ("hotel", "Hôtel"),
            ("bar-club", "Bars, clubs, discothèques"),
            ("rue", "Rue, bord de route, bois"),
        ])
    }

    #[test]
    fn headers_and_labels_fold_html_spaces_case_and_accents() {
        assert_eq!(
            fold("  Please\u{a0} describe   your <b>mood</b> "),
            "please describe your mood"
        );
        assert_eq!(fold("{if((age.NAOK &gt; 65)"), "{if((age.naok > 65)");
        assert_eq!(fold("Hôtel"), "hotel");
    }

    #[test]
    fn yes_and_no_in_the_words_of_forms() {
        for yes in ["oui", "Oui", "O", "yes", "Y", "vrai", "TRUE", "1"] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["non", "N", "no", "faux", "false", "0"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        assert_eq!(yes_no("peut-être"), None);
    }

    #[test]
    fn numbers_take_a_decimal_comma_and_thousands_spaces() {
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1 250"), Some(1250.0));
        assert_eq!(number("1\u{202f}250,75"), Some(1250.75));
        assert_eq!(number("douze"), None);
        let kind = ValueKind::Number {
            unit: None,
            min: Some(0.0),
            max: None,
        };
        assert_eq!(
            read(&kind, "-3", None),
            Err(Mismatch::OutOfRange("0…".into()))
        );
        assert_eq!(read(&kind, " ", None), Ok(None));
    }

    #[test]
    fn lists_are_split_however_the_tool_joined_them() {
        let o = lieux();
        let keys = |raw: &str| list(&o, raw, None);
        assert_eq!(
            keys("Hôtel; Appartement").unwrap(),
            ["hotel", "appartement"]
        );
        assert_eq!(keys("hotel appartement").unwrap(), ["hotel", "appartement"]);
        assert_eq!(
            keys("Appartement, Bars, clubs, discothèques, Rue, bord de route, bois").unwrap(),
            ["appartement", "bar-club", "rue"]
        );
        assert_eq!(keys("HOTEL\nhotel").unwrap(), ["hotel"]);
        assert_eq!(
            keys("Hôtel, Camping"),
            Err(Mismatch::Option("Camping".into()))
        );
    }

    #[test]
    fn the_mapping_says_what_a_value_means() {
        let o = options(&[("femme", "Femme"), ("homme", "Homme"), ("autre", "Autre")]);
        let kind = ValueKind::Choice { options: o };
        let aliases: Aliases = [
            ("woman".to_owned(), "femme".to_owned()),
            ("-oth-".into(), "Autre".into()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            read(&kind, "Woman", Some(&aliases)),
            Ok(Some(Value::Text("femme".into())))
        );
        assert_eq!(
            read(&kind, "-oth-", Some(&aliases)),
            Ok(Some(Value::Text("autre".into())))
        );
        assert_eq!(
            read(&kind, "man", Some(&aliases)),
            Err(Mismatch::Option("man".into()))
        );
        let yes = [("y".to_owned(), "oui".to_owned())].into_iter().collect();
        assert_eq!(
            read(&ValueKind::YesNo, "Y", Some(&yes)),
            Ok(Some(Value::Bool(true)))
        );
    }
}
