//! What an import is told besides the files: who, when, with which respondent attributes.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};

use super::conventions::fold;
use super::error::ImportError;
use crate::study::{Grid, QuestionId, StudyMeta, Time, Value, ValueKind, text};

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The respondent's pseudonym; `None` takes each file's name (without extension).
    pub respondent: Option<String>,
    pub interviewer: String,
    /// Respondent attributes, already checked against the study (see [`parse_attributes`]).
    pub attributes: BTreeMap<String, Value>,
    /// The grid question every segment is attached to; usually `None`, the analyst attaches
    /// segments while coding.
    pub question: Option<QuestionId>,
    /// When the recording started: segment times are this plus their offset in the file.
    pub start: Time,
    /// Whether the analyst attests that consent was given when the interview was recorded.
    /// Without it the session records no consent (unknown), never a consent nobody stated.
    pub consent_given: bool,
}

/// `key=value` pairs as typed (`secteur=sante`, `lieux=hotel,appartement`) into values of the
/// kinds `study.json` declares. A choice may be given by its key or its label.
pub fn parse_attributes(
    meta: &StudyMeta,
    given: &[String],
) -> Result<BTreeMap<String, Value>, ImportError> {
    let mut values = BTreeMap::new();
    for pair in given {
        let Some((key, raw)) = pair.split_once('=') else {
            return Err(ImportError::AttributeSyntax {
                given: pair.clone(),
            });
        };
        let (key, raw) = (key.trim(), text::normalize(raw.trim()));
        let Some(attribute) = meta.respondent_attribute(key) else {
            let known: Vec<&str> = meta
                .respondent_attributes
                .iter()
                .map(|a| a.key.as_str())
                .collect();
            return Err(ImportError::UnknownAttribute {
                key: key.to_owned(),
                known: known.join(", "),
            });
        };
        let bad = |message: String| ImportError::BadAttribute {
            key: key.to_owned(),
            message,
        };
        let value = value_of(&attribute.kind, &raw).map_err(bad)?;
        attribute.kind.check(&value).map_err(bad)?;
        values.insert(key.to_owned(), value);
    }
    Ok(values)
}

fn value_of(kind: &ValueKind, raw: &str) -> Result<Value, String> {
    let option = |s: &str| {
        let s = s.trim();
        kind.options()
            .iter()
            .find(|c| c.key == s || fold(&c.label) == fold(s))
            .map_or_else(|| s.to_owned(), |c| c.key.clone())
    };
    let number = |s: &str| {
        s.replace(',', ".")
            .parse::<f64>()
            .map_err(|_| format!("\"{s}\" is not a number"))
    };
    Ok(match kind {
        ValueKind::Open => Value::Text(raw.to_owned()),
        ValueKind::Choice { .. } => Value::Text(option(raw)),
        ValueKind::Choices { .. } => Value::List(raw.split(',').map(option).collect()),
        ValueKind::YesNo => match fold(raw).as_str() {
            "oui" | "o" | "yes" | "y" | "true" | "1" => Value::Bool(true),
            "non" | "n" | "no" | "false" | "0" => Value::Bool(false),
            _ => return Err(format!("\"{raw}\" is not oui or non")),
        },
        ValueKind::Number { .. } | ValueKind::Scale { .. } => Value::Number(number(raw)?),
    })
}

/// The session start as typed: RFC 3339 (`2021-04-12T10:02:00+02:00`), or a local date and
/// time (`2021-04-12 10:02`, `2021-04-12T10:02:30`), or a local date (midnight).
pub fn parse_date(s: &str) -> Option<Time> {
    let s = s.trim();
    if let Ok(t) = Time::parse_from_rfc3339(s) {
        return Some(t);
    }
    let naive = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    // A local time skipped by a DST change has no meaning; an ambiguous one takes the first.
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
}

/// The id of the grid question with this key.
pub fn question_by_key(grid: &Grid, key: &str) -> Result<QuestionId, ImportError> {
    grid.question_by_key(key)
        .map(|(_, q)| q.id)
        .ok_or_else(|| ImportError::UnknownQuestion {
            key: key.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::template::DIAGNOSTIC;

    fn meta() -> StudyMeta {
        serde_json::from_str(DIAGNOSTIC.study).unwrap()
    }

    fn grid() -> Grid {
        serde_json::from_str(DIAGNOSTIC.grid).unwrap()
    }

    #[test]
    fn attributes_take_keys_or_labels_and_are_checked() {
        let meta = meta();
        let given = [
            "secteur=Santé".to_owned(),
            "fonction= Sage-femme ".to_owned(),
        ];
        let values = parse_attributes(&meta, &given).unwrap();
        assert_eq!(values["secteur"], Value::Text("sante".into()));
        assert_eq!(values["fonction"], Value::Text("Sage-femme".into()));
        let err = parse_attributes(&meta, &["secteur=cuisine".into()]).unwrap_err();
        assert!(matches!(err, ImportError::BadAttribute { ref key, .. } if key == "secteur"));
        let err = parse_attributes(&meta, &["age=30".into()]).unwrap_err();
        assert!(matches!(err, ImportError::UnknownAttribute { .. }), "{err}");
        let err = parse_attributes(&meta, &["secteur".into()]).unwrap_err();
        assert!(matches!(err, ImportError::AttributeSyntax { .. }));
    }

    #[test]
    fn dates_in_rfc3339_or_local_forms() {
        let t = parse_date("2021-04-12T10:02:00+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2021-04-12T10:02:00+02:00");
        let local = parse_date("2021-04-12 10:02").unwrap();
        assert_eq!(
            local.format("%Y-%m-%d %H:%M:%S").to_string(),
            "2021-04-12 10:02:00"
        );
        assert!(parse_date("2021-04-12").is_some());
        assert!(parse_date("12/04/2021").is_none());
    }

    #[test]
    fn questions_by_key() {
        let grid = grid();
        let (_, first) = grid.questions().next().unwrap();
        assert_eq!(question_by_key(&grid, &first.key).unwrap(), first.id);
        assert!(question_by_key(&grid, "nope").is_err());
    }
}
