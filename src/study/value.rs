//! Typed values: the answer to a closed question, and the value of a respondent or situation
//! attribute. Both are declared with a [`ValueKind`] and checked against it.

use super::problem::{Expected, Found, ValueProblem};
use serde::{Deserialize, Serialize};

/// One option of a `choice` or `choices` question or attribute.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable key stored in sessions and used in queries (`secteur:sante`).
    pub key: String,
    /// What the interviewer reads on screen.
    pub label: String,
    /// The option says the value is not known ("Inconnu", "Ne sait pas"): it counts as
    /// answered but not as known, so tables can give "% of known" beside "% of all".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// Options shown together under one name in tables ("Appartement ou hôtel" for
/// `appartement` and `hotel`), with each option still shown beneath as a detail. A value
/// belongs to the group when it holds at least one of its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionGroup {
    /// Key of the group in tables and exports; unique among the options and groups.
    pub key: String,
    pub label: String,
    /// Keys of the options it gathers, in the order the table shows them.
    pub options: Vec<String>,
}

/// What kind of value a question or an attribute takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueKind {
    /// Free text.
    Open,
    /// Yes or no.
    YesNo,
    /// A number, optionally with a unit ("personnes") and bounds.
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "bound"
        )]
        min: Option<f64>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "bound"
        )]
        max: Option<f64>,
    },
    /// Exactly one of the options.
    Choice { options: Vec<Choice> },
    /// Any number of the options.
    Choices { options: Vec<Choice> },
    /// An integer on a scale, e.g. 1 (pas du tout) to 5 (tout à fait).
    Scale {
        min: i64,
        max: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_label: Option<String>,
    },
}

/// A stored value. In JSON it is the plain value (`true`, `12`, `"sante"`, `["hotel"]`), so
/// session files stay readable; its meaning comes from the kind it is checked against.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<String>),
}

/// Whole numbers are written without a fraction (`12`, not `12.0`), as people write them.
fn number<S: serde::Serializer>(n: f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if n.fract() == 0.0 && n.abs() < EXACT {
        s.serialize_i64(n as i64)
    } else {
        s.serialize_f64(n)
    }
}

fn bound<S: serde::Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => number(*n, s),
        None => s.serialize_none(),
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => number(*n, s),
            Value::Text(t) => s.serialize_str(t),
            Value::List(l) => l.serialize(s),
        }
    }
}

impl ValueKind {
    /// The options of a `choice` or `choices` kind (empty for the others).
    pub fn options(&self) -> &[Choice] {
        match self {
            ValueKind::Choice { options } | ValueKind::Choices { options } => options,
            _ => &[],
        }
    }

    /// Whether `key` is an option that means "not known".
    pub fn is_unknown(&self, key: &str) -> bool {
        self.options().iter().any(|c| c.key == key && c.unknown)
    }

    /// The label of an option key, if the kind has that option.
    pub fn option_label(&self, key: &str) -> Option<&str> {
        self.options()
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.label.as_str())
    }

    /// The JSON name of the kind, as written in the files.
    pub fn name(&self) -> &'static str {
        match self {
            ValueKind::Open => "open",
            ValueKind::YesNo => "yes_no",
            ValueKind::Number { .. } => "number",
            ValueKind::Choice { .. } => "choice",
            ValueKind::Choices { .. } => "choices",
            ValueKind::Scale { .. } => "scale",
        }
    }

    /// Checks that `value` is of this kind; the error says what was expected, as the
    /// format's English (see [`ValueKind::problem`] for the typed problem).
    pub fn check(&self, value: &Value) -> Result<(), String> {
        Ok(self.problem(value)?)
    }

    /// Checks that `value` is of this kind; the problem says what was expected.
    pub fn problem(&self, value: &Value) -> Result<(), ValueProblem> {
        match (self, value) {
            (ValueKind::Open, Value::Text(_)) | (ValueKind::YesNo, Value::Bool(_)) => Ok(()),
            (ValueKind::Number { min, max, .. }, Value::Number(n)) => {
                if !n.is_finite() {
                    return Err(ValueProblem::NotFinite { n: *n });
                }
                check_bounds(*n, *min, *max)
            }
            (ValueKind::Choice { options }, Value::Text(key)) => check_option(options, key),
            (ValueKind::Choices { options }, Value::List(keys)) => {
                for key in keys {
                    check_option(options, key)?;
                }
                if let Some(dup) = first_duplicate(keys) {
                    return Err(ValueProblem::OptionTwice { key: dup.into() });
                }
                Ok(())
            }
            (ValueKind::Scale { min, max, .. }, Value::Number(n)) => {
                if n.fract() != 0.0 {
                    return Err(ValueProblem::NotWhole { n: *n });
                }
                check_bounds(*n, Some(*min as f64), Some(*max as f64))
            }
            (kind, value) => Err(ValueProblem::WrongKind {
                expected: kind.expected(),
                found: value.found(),
            }),
        }
    }

    fn expected(&self) -> Expected {
        match self {
            ValueKind::Open => Expected::Text,
            ValueKind::YesNo => Expected::YesNo,
            ValueKind::Number { .. } => Expected::Number,
            ValueKind::Choice { .. } => Expected::Choice,
            ValueKind::Choices { .. } => Expected::Choices,
            ValueKind::Scale { .. } => Expected::Scale,
        }
    }
}

impl Value {
    /// Reads a value typed on a command line (`--attr secteur=sante`) as `kind` expects it:
    /// `oui`/`non` (or yes/no, true/false) for yes/no, a number (decimal comma accepted), an
    /// option key or label for a choice, comma-separated options for choices.
    pub fn parse_for(kind: &ValueKind, text: &str) -> Result<Value, String> {
        let text = text.trim();
        let option = |s: &str| -> Result<String, String> {
            let s = s.trim();
            kind.options()
                .iter()
                .find(|o| o.key == s || super::text::fold(&o.label) == super::text::fold(s))
                .map(|o| o.key.clone())
                .ok_or_else(|| {
                    let keys: Vec<&str> = kind.options().iter().map(|o| o.key.as_str()).collect();
                    format!("\"{s}\" is not one of the options ({})", keys.join(", "))
                })
        };
        let value = match kind {
            ValueKind::Open => Value::Text(text.to_owned()),
            ValueKind::YesNo => match super::text::fold(text).as_str() {
                "oui" | "o" | "yes" | "y" | "true" | "1" => Value::Bool(true),
                "non" | "n" | "no" | "false" | "0" => Value::Bool(false),
                _ => return Err(format!("\"{text}\" is not yes or no (oui/non)")),
            },
            ValueKind::Number { .. } | ValueKind::Scale { .. } => {
                let n = text
                    .replace(',', ".")
                    .parse::<f64>()
                    .map_err(|_| format!("\"{text}\" is not a number"))?;
                Value::Number(n)
            }
            ValueKind::Choice { .. } => Value::Text(option(text)?),
            ValueKind::Choices { .. } => {
                Value::List(text.split(',').map(option).collect::<Result<_, _>>()?)
            }
        };
        kind.check(&value)?;
        Ok(value)
    }

    fn found(&self) -> Found {
        match self {
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(*n),
            Value::Text(t) => Found::Text(t.clone()),
            Value::List(_) => Found::List,
        }
    }

    /// The option keys this value holds (one for a choice, several for choices).
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Value::Text(t) => vec![t.as_str()],
            Value::List(l) => l.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

fn check_bounds(n: f64, min: Option<f64>, max: Option<f64>) -> Result<(), ValueProblem> {
    if let Some(min) = min.filter(|m| n < *m) {
        return Err(ValueProblem::Below { n, min });
    }
    if let Some(max) = max.filter(|m| n > *m) {
        return Err(ValueProblem::Above { n, max });
    }
    Ok(())
}

fn check_option(options: &[Choice], key: &str) -> Result<(), ValueProblem> {
    if options.iter().any(|c| c.key == key) {
        Ok(())
    } else {
        Err(ValueProblem::NotAnOption {
            key: key.into(),
            known: options.iter().map(|c| c.key.clone()).collect(),
        })
    }
}

fn first_duplicate(keys: &[String]) -> Option<&str> {
    keys.iter()
        .enumerate()
        .find(|(i, k)| keys[..*i].contains(k))
        .map(|(_, k)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(keys: &[&str]) -> Vec<Choice> {
        keys.iter()
            .map(|k| Choice {
                key: (*k).into(),
                label: k.to_uppercase(),
                unknown: false,
            })
            .collect()
    }

    #[test]
    fn values_read_as_plain_json() {
        let v: Vec<Value> = serde_json::from_str(r#"[true, 12, "hotel", ["a", "b"]]"#).unwrap();
        assert_eq!(
            v,
            vec![
                Value::Bool(true),
                Value::Number(12.0),
                Value::Text("hotel".into()),
                Value::List(vec!["a".into(), "b".into()]),
            ]
        );
    }

    #[test]
    fn command_line_values_are_read_for_their_kind() {
        let secteur = ValueKind::Choice {
            options: vec![Choice {
                key: "sante".into(),
                label: "Santé".into(),
                unknown: false,
            }],
        };
        assert_eq!(
            Value::parse_for(&secteur, "sante"),
            Ok(Value::Text("sante".into()))
        );
        assert_eq!(
            Value::parse_for(&secteur, "santé"),
            Ok(Value::Text("sante".into()))
        );
        assert!(Value::parse_for(&secteur, "police").is_err());
        assert_eq!(
            Value::parse_for(&ValueKind::YesNo, "Oui"),
            Ok(Value::Bool(true))
        );
        let n = ValueKind::Number {
            unit: None,
            min: Some(0.0),
            max: None,
        };
        assert_eq!(Value::parse_for(&n, "2,5"), Ok(Value::Number(2.5)));
        assert!(Value::parse_for(&n, "douze").is_err());
    }

    #[test]
    fn whole_numbers_are_written_without_fraction() {
        let json = serde_json::to_string(&[Value::Number(12.0), Value::Number(2.5)]).unwrap();
        assert_eq!(json, "[12,2.5]");
    }

    #[test]
    fn each_kind_accepts_its_values_and_refuses_others() {
        assert!(ValueKind::YesNo.check(&Value::Bool(false)).is_ok());
        let err = ValueKind::YesNo.check(&Value::Number(1.0)).unwrap_err();
        assert_eq!(err, "expected true or false (yes_no), found the number 1");

        let number = ValueKind::Number {
            unit: None,
            min: Some(0.0),
            max: None,
        };
        assert!(number.check(&Value::Number(115.0)).is_ok());
        assert_eq!(
            number.check(&Value::Number(-1.0)).unwrap_err(),
            "-1 is below the minimum 0"
        );

        let choice = ValueKind::Choice {
            options: options(&["sante", "social"]),
        };
        assert!(choice.check(&Value::Text("sante".into())).is_ok());
        assert_eq!(
            choice.check(&Value::Text("police".into())).unwrap_err(),
            "\"police\" is not one of the options (sante, social)"
        );

        let choices = ValueKind::Choices {
            options: options(&["hotel", "rue"]),
        };
        assert!(
            choices
                .check(&Value::List(vec!["hotel".into(), "rue".into()]))
                .is_ok()
        );
        assert!(
            choices
                .check(&Value::List(vec!["rue".into(), "rue".into()]))
                .is_err()
        );

        let scale = ValueKind::Scale {
            min: 1,
            max: 5,
            min_label: None,
            max_label: None,
        };
        assert!(scale.check(&Value::Number(5.0)).is_ok());
        assert!(scale.check(&Value::Number(2.5)).is_err());
        assert!(scale.check(&Value::Number(6.0)).is_err());
    }
}
