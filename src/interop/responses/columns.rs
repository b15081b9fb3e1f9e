//! Which column is what: the respondent's id, the date, consent, a grid question, one option of
//! a multiple choice, a respondent attribute, a field of a repeated group. Found from the
//! headers (a question's key or text, an attribute's key or label, case, accents and spaces
//! ignored), or from the mapping file where it says otherwise.
//!
//! Over 500 lines: every way a column is recognised (question, option, attribute, repeated group,
//! mapping file) with the one header normaliser they share.

use super::error::ResponsesError;
use super::mapping::{Mapping, Named, Scope, parse_target};
use super::sheet::Sheet;
use super::values::{Aliases, fold, option};
use crate::study::{Attribute, QuestionId, Study, ValueKind};

/// What a column fills.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// Names the respondent (their pseudonym).
    Id,
    /// When the response was submitted.
    Date,
    /// Consent given (yes) or refused (no).
    Consent,
    Answer(QuestionId),
    /// A column that holds one option of a multiple-choice question: checked or not.
    AnswerOption(QuestionId, Part),
    Attribute(String),
    AttributeOption(String, Part),
    /// A field of the `number`th repeated group of the row (`personne2_age`).
    Situation {
        number: u32,
        attribute: String,
    },
    /// A field of a repeat sheet's row: the situation is the row.
    SituationField(String),
}

/// The option an option column stands for, or the text that named none (every checked cell
/// under it is then a value without a match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Is(String),
    Unknown(String),
}

/// A column of a sheet and what it fills (nothing when it is unmapped or ignored).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub index: usize,
    pub letter: String,
    pub header: String,
    pub targets: Vec<Target>,
    /// Left out on purpose: by the mapping file, or one of the form tool's own columns.
    pub ignored: bool,
}

/// Headers that name the respondent, folded.
const ID_NAMES: &[&str] = &[
    "pseudo",
    "pseudonyme",
    "id",
    "respondent",
    "respondent id",
    "response id",
    "repondant",
    "repondante",
    "repondant·e",
    "repondant.e",
    "identifiant",
    "_id",
];

/// Headers that give the submission date, folded, the most telling first.
const DATE_NAMES: &[&str] = &[
    "submitdate",
    "date submitted",
    "date de soumission",
    "date d'envoi",
    "timestamp",
    "horodateur",
    "horodatage",
    "completed time",
    "completion time",
    "submitted time",
    "heure de fin",
    "_submission_time",
    "end",
    "date",
];

/// Headers that ask for consent, folded (or any header starting with `consent`).
const CONSENT_NAMES: &[&str] = &["accord", "j'accepte", "accepte", "rgpd"];

/// Columns the form tools add about the response itself (never answers; some are personal
/// data such as an e-mail address): left out without being reported as unmapped.
const TOOL_COLUMNS: &[&str] = &[
    "last page",
    "lastpage",
    "start language",
    "startlanguage",
    "seed",
    "date started",
    "startdate",
    "date last action",
    "datestamp",
    "total time",
    "interviewtime",
    "ipaddr",
    "ip address",
    "refurl",
    "referrer url",
    "token",
    "email",
    "e-mail",
    "email address",
    "adresse e-mail",
    "adresse email",
    "name",
    "nom",
    "start time",
    "heure de debut",
    "last modified time",
    "heure de la derniere modification",
    "start",
    "today",
    "deviceid",
    "username",
    "phonenumber",
    "audit",
    "__version__",
    "end",
    "sid",
    "modified time",
    "draft",
    "uid",
];

fn tool_column(folded: &str) -> bool {
    TOOL_COLUMNS.contains(&folded)
        || folded.starts_with("group time:")
        || folded.starts_with("question time:")
        || folded.starts_with("filecount - ")
        || (folded.starts_with('_') && folded != "_id")
        || folded.starts_with('$')
        || folded.starts_with("meta/")
}

/// A folded header or text without what forms add around a question: trailing `?`, `:`, `*`.
fn bare(folded: &str) -> &str {
    folded.trim_end_matches([' ', '?', ':', '*', '.', '!'])
}

/// What the columns of the responses sheet fill.
pub fn responses_columns(
    study: &Study,
    sheet: &Sheet,
    mapping: &Mapping,
    id_column: Option<&str>,
) -> Result<Vec<Column>, ResponsesError> {
    let mut columns = base_columns(sheet, mapping)?;
    let given = |name: Option<&str>| -> Result<Option<usize>, ResponsesError> {
        name.map(|n| {
            find_column(sheet, n).ok_or_else(|| ResponsesError::NoSuchColumn {
                column: n.to_owned(),
                headers: headers_list(sheet),
            })
        })
        .transpose()
    };
    let id = match given(id_column.or(mapping.id.as_deref()))? {
        Some(i) => Some(i),
        None => columns
            .iter()
            .position(|c| ID_NAMES.contains(&fold(&c.header).as_str())),
    };
    let date = match given(mapping.date.as_deref())? {
        Some(i) => Some(i),
        None => DATE_NAMES.iter().find_map(|name| {
            columns
                .iter()
                .position(|c| fold(&c.header) == *name && c.targets.is_empty())
        }),
    };
    let consent = match given(mapping.consent.as_deref())? {
        Some(i) => Some(i),
        None => columns.iter().position(|c| {
            let f = fold(&c.header);
            f.starts_with("consent") || CONSENT_NAMES.contains(&f.as_str())
        }),
    };
    for (i, target) in [
        (id, Target::Id),
        (date, Target::Date),
        (consent, Target::Consent),
    ] {
        if let Some(i) = i {
            columns[i].ignored = false;
            columns[i].targets.push(target);
        }
    }
    for column in &mut columns {
        if column.ignored
            || column
                .targets
                .iter()
                .any(|t| matches!(t, Target::Id | Target::Date))
        {
            continue;
        }
        if let Some(named) = mapped(mapping, sheet, column.index) {
            let targets = named_targets(study, &column.header, &named, mapping)?;
            column.targets.extend(targets);
            continue;
        }
        let found = header_targets(study, mapping, &column.header);
        let folded = fold(&column.header);
        // The tool's other timestamps (Webform's "Submitted Time" beside "Completed Time").
        let other_date = DATE_NAMES.contains(&folded.as_str());
        if found.is_empty() && column.targets.is_empty() && (tool_column(&folded) || other_date) {
            column.ignored = true;
        }
        column.targets.extend(found);
    }
    Ok(columns)
}

/// What the columns of a repeat sheet fill: fields of situations.
pub fn repeat_columns(
    study: &Study,
    sheet: &Sheet,
    mapping: &Mapping,
) -> Result<Vec<Column>, ResponsesError> {
    let mut columns = base_columns(sheet, mapping)?;
    for column in &mut columns {
        if column.ignored {
            continue;
        }
        if let Some(named) = mapped(mapping, sheet, column.index) {
            // In a repeat sheet every named key is a situation attribute.
            match study.meta.situation_attribute(&named.key) {
                Some(a) => column.targets.push(Target::SituationField(a.key.clone())),
                None => {
                    return Err(ResponsesError::BadTarget {
                        column: column.header.clone(),
                        target: named.key.clone(),
                        why: "unknown".into(),
                    });
                }
            }
            continue;
        }
        let field = fold(last_step(&column.header));
        match situation_attribute(study, mapping, &field) {
            Some(key) => column.targets.push(Target::SituationField(key)),
            None => column.ignored = tool_column(&fold(&column.header)),
        }
    }
    Ok(columns)
}

/// Every column with what the mapping file says to ignore; nothing mapped yet.
fn base_columns(sheet: &Sheet, mapping: &Mapping) -> Result<Vec<Column>, ResponsesError> {
    let mut ignored = vec![false; sheet.headers.len()];
    for i in mapping
        .ignore
        .iter()
        .filter_map(|name| find_column(sheet, name))
    {
        ignored[i] = true;
    }
    Ok(sheet
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| Column {
            index,
            letter: sheet.letter(index),
            header: header.clone(),
            targets: Vec::new(),
            ignored: ignored[index]
                || mapping
                    .columns
                    .iter()
                    .any(|(c, t)| parse_target(t).is_none() && same_column(sheet, c, index)),
        })
        .collect())
}

/// The `[columns]` entry for a column, if any (and not `ignore`).
fn mapped(mapping: &Mapping, sheet: &Sheet, index: usize) -> Option<Named> {
    mapping
        .columns
        .iter()
        .find(|(c, _)| same_column(sheet, c, index))
        .and_then(|(_, t)| parse_target(t))
}

/// Whether a name in the mapping file is this column: its header (folded), or its letter.
fn same_column(sheet: &Sheet, name: &str, index: usize) -> bool {
    find_column(sheet, name) == Some(index)
}

/// The column a name designates: a header (case, accents, spaces ignored), else a letter.
pub fn find_column(sheet: &Sheet, name: &str) -> Option<usize> {
    let folded = fold(name);
    sheet
        .headers
        .iter()
        .position(|h| fold(h) == folded)
        .or_else(|| {
            let letters = name.trim();
            (!letters.is_empty()
                && letters.len() <= 3
                && letters.chars().all(|c| c.is_ascii_uppercase()))
            .then(|| (0..sheet.headers.len()).find(|&i| sheet.letter(i) == letters))
            .flatten()
        })
}

pub fn headers_list(sheet: &Sheet) -> String {
    let shown: Vec<String> = sheet
        .headers
        .iter()
        .enumerate()
        .take(40)
        .map(|(i, h)| format!("{} \"{}\"", sheet.letter(i), short(h)))
        .collect();
    shown.join(", ")
}

/// A header cut to a readable length (LimeSurvey headers hold whole paragraphs).
pub fn short(header: &str) -> String {
    let flat = header.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 60 {
        format!("{}…", flat.chars().take(59).collect::<String>())
    } else {
        flat
    }
}

/// The last step of a KoboToolbox group path (`groupe/personne/age` → `age`).
fn last_step(header: &str) -> &str {
    header.rsplit('/').next().unwrap_or(header)
}

/// What a `[columns]` entry names, checked against the study.
fn named_targets(
    study: &Study,
    header: &str,
    named: &Named,
    mapping: &Mapping,
) -> Result<Vec<Target>, ResponsesError> {
    let bad = |why: &str| ResponsesError::BadTarget {
        column: header.to_owned(),
        target: named.key.clone(),
        why: why.to_owned(),
    };
    let question = matches!(named.scope, Scope::Any | Scope::Question)
        .then(|| study.grid.question_by_key(&named.key).map(|(_, q)| q))
        .flatten();
    let attribute = matches!(named.scope, Scope::Any | Scope::Attribute)
        .then(|| study.meta.respondent_attribute(&named.key))
        .flatten();
    let situation = matches!(named.scope, Scope::Situation)
        .then(|| study.meta.situation_attribute(&named.key))
        .flatten();
    let aliases = aliases(mapping, &named.key);
    let part = |kind: &ValueKind, text: &str| match option(kind.options(), text, aliases.as_ref()) {
        Some(key) => Part::Is(key.to_owned()),
        None => Part::Unknown(text.to_owned()),
    };
    let mut out = Vec::new();
    if let Some(q) = question {
        out.push(match &named.option {
            Some(o) if matches!(q.kind, ValueKind::Choices { .. }) => {
                Target::AnswerOption(q.id, part(&q.kind, o))
            }
            Some(_) => return Err(bad("multiple")),
            None => Target::Answer(q.id),
        });
    }
    if let Some(a) = attribute {
        out.push(match &named.option {
            Some(o) if matches!(a.kind, ValueKind::Choices { .. }) => {
                Target::AttributeOption(a.key.clone(), part(&a.kind, o))
            }
            Some(_) => return Err(bad("multiple")),
            None => Target::Attribute(a.key.clone()),
        });
    }
    if let Some(a) = situation {
        out.push(Target::SituationField(a.key.clone()));
    }
    if out.is_empty() {
        return Err(bad("unknown"));
    }
    Ok(out)
}

/// The mapping's `[values.KEY]` table with folded keys.
pub fn aliases(mapping: &Mapping, key: &str) -> Option<Aliases> {
    mapping
        .values
        .get(key)
        .map(|table| table.iter().map(|(k, v)| (fold(k), v.clone())).collect())
}

/// What a header names by itself (no mapping entry).
fn header_targets(study: &Study, mapping: &Mapping, header: &str) -> Vec<Target> {
    let folded = fold(header);
    let whole = whole_targets(study, &folded);
    if !whole.is_empty() {
        return whole;
    }
    let step = fold(last_step(header));
    if step != folded {
        let whole = whole_targets(study, &step);
        if !whole.is_empty() {
            return whole;
        }
    }
    if let Some(target) = option_column(study, mapping, header) {
        return vec![target];
    }
    group_field(study, mapping, &folded).into_iter().collect()
}

/// A question (by key or text) or a respondent attribute (by key or label) the header names.
fn whole_targets(study: &Study, folded: &str) -> Vec<Target> {
    let f = bare(folded);
    let mut out: Vec<Target> = study
        .grid
        .questions()
        .filter(|(_, q)| q.key == f || bare(&fold(&q.text)) == f)
        .map(|(_, q)| Target::Answer(q.id))
        .collect();
    out.extend(
        study
            .meta
            .respondent_attributes
            .iter()
            .filter(|a| a.key == f || bare(&fold(&a.label)) == f)
            .map(|a| Target::Attribute(a.key.clone())),
    );
    out
}

/// `lieux[SQ001]`, `lieux [Hôtel]`, `lieux/hotel`: one option of a multiple-choice question
/// or attribute, whose part names the option (by key, label, or the mapping's `[values]`).
fn option_column(study: &Study, mapping: &Mapping, header: &str) -> Option<Target> {
    let trimmed = header.trim();
    let (base, part) = if let Some(open) = trimmed.rfind('[').filter(|_| trimmed.ends_with(']')) {
        (&trimmed[..open], &trimmed[open + 1..trimmed.len() - 1])
    } else {
        trimmed.rsplit_once('/')?
    };
    let base = fold(last_step(base.trim()));
    let base = bare(&base);
    let choices = |kind: &ValueKind| matches!(kind, ValueKind::Choices { .. });
    let make_part = |key: &str, kind: &ValueKind| match option(
        kind.options(),
        part,
        aliases(mapping, key).as_ref(),
    ) {
        Some(o) => Part::Is(o.to_owned()),
        None => Part::Unknown(part.trim().to_owned()),
    };
    if let Some((_, q)) = study
        .grid
        .questions()
        .find(|(_, q)| choices(&q.kind) && (q.key == base || bare(&fold(&q.text)) == base))
    {
        return Some(Target::AnswerOption(q.id, make_part(&q.key, &q.kind)));
    }
    study
        .meta
        .respondent_attributes
        .iter()
        .find(|a| choices(&a.kind) && (a.key == base || bare(&fold(&a.label)) == base))
        .map(|a| Target::AttributeOption(a.key.clone(), make_part(&a.key, &a.kind)))
}

/// `personne2_age`, `personne 2 - âge`, `personne2/genre`: the field of a repeated group whose
/// name (or its mapping in `[situations] fields`) is a situation attribute.
fn group_field(study: &Study, mapping: &Mapping, folded: &str) -> Option<Target> {
    let digits_at = folded.find(|c: char| c.is_ascii_digit())?;
    let prefix = folded[..digits_at].trim_end_matches([' ', '_', '-', '.']);
    if prefix.is_empty()
        || !prefix
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '_')
    {
        return None;
    }
    let rest = &folded[digits_at..];
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let number: u32 = rest[..digits_end].parse().ok()?;
    let field = rest[digits_end..].trim_start_matches([' ', '_', '-', '.', '/', ':']);
    if field.is_empty() || field.len() == rest[digits_end..].len() {
        return None;
    }
    let attribute = situation_attribute(study, mapping, field)?;
    Some(Target::Situation { number, attribute })
}

/// The situation attribute a field name means: the mapping's `[situations] fields`, else an
/// attribute's key or label.
fn situation_attribute(study: &Study, mapping: &Mapping, field: &str) -> Option<String> {
    let field = bare(field);
    let renamed = mapping
        .situations
        .fields
        .iter()
        .find(|(from, _)| fold(from) == field)
        .map(|(_, to)| to.as_str());
    let wanted = renamed.unwrap_or(field);
    let by_name = |a: &&Attribute| a.key == wanted || bare(&fold(&a.label)) == wanted;
    study
        .meta
        .situation_attributes
        .iter()
        .find(by_name)
        .map(|a| a.key.clone())
}
