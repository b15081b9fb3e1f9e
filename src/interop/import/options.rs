//! What an import is told besides the files: who, when, with which respondent attributes.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};

use super::error::ImportError;
use crate::study::{AttributeError, Grid, QuestionId, StudyMeta, Time, Value};

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The respondent's pseudonym; `None` takes each file's name (without extension).
    pub respondent: Option<String>,
    /// The interviewer's name as given (`--interviewer`); else the file's interviewer label
    /// names them, else [`ImportOptions::interviewer_preference`], else it is unknown.
    pub interviewer: Option<String>,
    /// The name saved in the preferences.
    pub interviewer_preference: Option<String>,
    /// The interviewer's label in the files (`--interviewer-label S01`), when no mark says it.
    pub interviewer_label: Option<String>,
    /// Respondent attributes, already checked against the study (see [`parse_attributes`]).
    pub attributes: BTreeMap<String, Value>,
    /// Names given to the speakers of the files (`--speaker "Marc da Silva=R07-père"`): the
    /// label as the file writes it, the name or pseudonym its segments keep.
    pub speaker_names: Vec<(String, String)>,
    /// Attributes of co-respondents (`--attr R07-père:secteur=social`), by their label or
    /// pseudonym.
    pub co_attributes: Vec<(String, BTreeMap<String, Value>)>,
    /// The grid question every segment is attached to; usually `None`, the analyst attaches
    /// segments while coding.
    pub question: Option<QuestionId>,
    /// When the recording started (`--date`): segment times are this plus their offset in the
    /// file. `None`: the interview's date is unknown, segments keep their offsets only.
    pub start: Option<Time>,
    /// Whether the analyst attests that consent was given when the interview was recorded.
    /// Without it the session records no consent (unknown), never a consent nobody stated.
    pub consent_given: bool,
    /// The moment of the import (memos of file headers are dated with it).
    pub now: Time,
    /// Read and check everything, write nothing.
    pub dry_run: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        let now = chrono::Local::now().fixed_offset();
        ImportOptions {
            respondent: None,
            interviewer: None,
            interviewer_preference: None,
            interviewer_label: None,
            attributes: BTreeMap::new(),
            speaker_names: Vec::new(),
            co_attributes: Vec::new(),
            question: None,
            start: None,
            consent_given: false,
            now: chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now),
            dry_run: false,
        }
    }
}

/// `key=value` pairs as typed (`secteur=sante`, `lieux=hotel,appartement`) into values of the
/// kinds `study.json` declares. A choice may be given by its key or its label.
pub fn parse_attributes(
    meta: &StudyMeta,
    given: &[String],
) -> Result<BTreeMap<String, Value>, ImportError> {
    meta.parse_attributes(given).map_err(|e| match e {
        AttributeError::Syntax { given } => ImportError::AttributeSyntax { given },
        AttributeError::Unknown { key, known } => ImportError::UnknownAttribute { key, known },
        AttributeError::Bad { key, message } => ImportError::BadAttribute { key, message },
    })
}

/// `--attr` values split between the respondent's (`secteur=sante`) and the co-respondents'
/// (`R07-père:secteur=social`: a name, a colon, then the pair), each checked against the study.
#[allow(clippy::type_complexity)]
pub fn split_attributes(
    meta: &StudyMeta,
    given: &[String],
) -> Result<
    (
        BTreeMap<String, Value>,
        Vec<(String, BTreeMap<String, Value>)>,
    ),
    ImportError,
> {
    let mut own = Vec::new();
    let mut co: Vec<(String, Vec<String>)> = Vec::new();
    for g in given {
        match (g.find(':'), g.find('=')) {
            (Some(colon), Some(eq)) if colon < eq => {
                let who = g[..colon].trim().to_owned();
                let pair = g[colon + 1..].to_owned();
                match co.iter_mut().find(|(w, _)| *w == who) {
                    Some((_, pairs)) => pairs.push(pair),
                    None => co.push((who, vec![pair])),
                }
            }
            _ => own.push(g.clone()),
        }
    }
    let co = co
        .into_iter()
        .map(|(who, pairs)| Ok((who, parse_attributes(meta, &pairs)?)))
        .collect::<Result<Vec<_>, ImportError>>()?;
    Ok((parse_attributes(meta, &own)?, co))
}

/// `--speaker LABEL=NAME` pairs.
pub fn parse_speaker_names(given: &[String]) -> Result<Vec<(String, String)>, ImportError> {
    given
        .iter()
        .map(|g| match g.split_once('=') {
            Some((label, name)) if !label.trim().is_empty() && !name.trim().is_empty() => Ok((
                crate::study::text::normalize(label.trim()),
                crate::study::text::normalize(name.trim()),
            )),
            _ => Err(ImportError::AttributeSyntax { given: g.clone() }),
        })
        .collect()
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
    local_time(&naive)
}

/// A wall-clock time read in the machine's time zone. A local time skipped by a DST change has
/// no meaning; an ambiguous one takes the first.
pub fn local_time(naive: &NaiveDateTime) -> Option<Time> {
    Local
        .from_local_datetime(naive)
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
