//! Each row of the responses sheet read into a [`Response`]: its pseudonym, date, consent,
//! answers, attributes, open answers and situations, with every value that matched nothing
//! kept aside with its row and column.
//!
//! Over 500 lines: reading one row into a response for every value kind, keeping each unmatched
//! value with its row and column.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::{Column, Part, Target, aliases};
use super::mapping::Mapping;
use super::sheet::{Row, Sheet};
use super::values::{self, Mismatch, yes_no};
use crate::interop::import::{local_time, parse_date};
use crate::study::{QuestionId, Study, Time, Value, ValueKind, text};

/// One respondent's answers, as read (nothing written).
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The spreadsheet row it was read from.
    pub row: usize,
    pub pseudonym: String,
    pub date: Option<Time>,
    /// Consent given (`true`) or refused (`false`); `None` when the file has no consent column
    /// or the cell is empty.
    pub consent: Option<bool>,
    pub attributes: BTreeMap<String, Value>,
    pub answers: BTreeMap<QuestionId, Value>,
    /// Open answers in grid order: they become segments attached to their question.
    pub open: Vec<(QuestionId, String)>,
    pub situations: Vec<Situation>,
}

/// A person described in a repeated group of the row (or a row of a repeat sheet).
#[derive(Clone, Debug, PartialEq)]
pub struct Situation {
    pub label: String,
    pub attributes: BTreeMap<String, Value>,
}

/// A cell whose value matches nothing its column fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub sheet: String,
    pub row: usize,
    pub column: String,
    pub header: String,
    /// The key of the question or attribute the column fills (`consent` for consent).
    pub target: String,
    /// The whole cell.
    pub value: String,
    pub why: Mismatch,
}

/// What reading the rows found beside the responses.
#[derive(Debug, Default)]
pub struct Found {
    pub responses: Vec<Response>,
    pub unmatched: Vec<Unmatched>,
    /// Rows whose date could not be read (row, value): the date is left unknown.
    pub bad_dates: Vec<(usize, String)>,
}

/// Reads every row of the responses sheet.
pub fn read_rows(
    study: &Study,
    sheet: &Sheet,
    columns: &[Column],
    mapping: &Mapping,
) -> Result<Found, super::ResponsesError> {
    let mut found = Found::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let width = numbered_width(sheet.rows.len());
    for (n, row) in sheet.rows.iter().enumerate() {
        let mut reader = RowReader {
            study,
            sheet,
            row,
            mapping,
            unmatched: &mut found.unmatched,
        };
        let mut response = reader.read(columns);
        if response.pseudonym.is_empty() {
            response.pseudonym = format!("Q{:0width$}", n + 1);
        }
        if let Some(first) = seen.insert(response.pseudonym.clone(), row.number) {
            let column = columns
                .iter()
                .find(|c| c.targets.contains(&Target::Id))
                .map(|c| c.letter.clone())
                .unwrap_or_default();
            return Err(super::ResponsesError::DuplicateId {
                id: response.pseudonym,
                first,
                second: row.number,
                column,
            });
        }
        if let Some(c) = columns.iter().find(|c| c.targets.contains(&Target::Date)) {
            let raw = sheet.cell(row, c.index).trim();
            if !raw.is_empty() && response.date.is_none() {
                found.bad_dates.push((row.number, raw.to_owned()));
            }
        }
        found.responses.push(response);
    }
    Ok(found)
}

/// Numbered respondents are `Q01`… or `Q001`…: as many digits as the count needs, at least 2.
fn numbered_width(count: usize) -> usize {
    count.to_string().len().max(2)
}

struct RowReader<'a> {
    study: &'a Study,
    sheet: &'a Sheet,
    row: &'a Row,
    mapping: &'a Mapping,
    unmatched: &'a mut Vec<Unmatched>,
}

/// The options of a multiple choice gathered from a one-column list and option columns.
#[derive(Default)]
struct Ticked {
    keys: Vec<String>,
    /// An option column said "not checked": the question was answered even if nothing is.
    answered: bool,
}

impl Ticked {
    fn add(&mut self, keys: impl IntoIterator<Item = String>) {
        for key in keys {
            if !self.keys.contains(&key) {
                self.keys.push(key);
            }
        }
        self.answered = true;
    }

    /// The list in the order of the options.
    fn value(mut self, kind: &ValueKind) -> Option<Value> {
        let order = |k: &String| kind.options().iter().position(|o| &o.key == k);
        self.keys.sort_by_key(order);
        (self.answered || !self.keys.is_empty()).then_some(Value::List(self.keys))
    }
}

impl RowReader<'_> {
    fn read(&mut self, columns: &[Column]) -> Response {
        let mut response = Response {
            row: self.row.number,
            pseudonym: String::new(),
            date: None,
            consent: None,
            attributes: BTreeMap::new(),
            answers: BTreeMap::new(),
            open: Vec::new(),
            situations: Vec::new(),
        };
        let mut questions: BTreeMap<QuestionId, Ticked> = BTreeMap::new();
        let mut attributes: BTreeMap<String, Ticked> = BTreeMap::new();
        let mut groups: BTreeMap<u32, BTreeMap<String, Value>> = BTreeMap::new();
        for column in columns.iter().filter(|c| !c.ignored) {
            let raw = self.sheet.cell(self.row, column.index).trim();
            for target in &column.targets {
                match target {
                    Target::Id => response.pseudonym = text::normalize(raw),
                    Target::Date => response.date = read_date(raw),
                    Target::Consent => response.consent = self.consent(column, raw),
                    Target::Answer(q) => {
                        self.answer(column, *q, raw, &mut response, &mut questions)
                    }
                    Target::AnswerOption(q, part) => {
                        let Some((_, question)) = self.study.grid.question(*q) else {
                            continue;
                        };
                        let (key, kind) = (question.key.clone(), question.kind.clone());
                        let ticked = questions.entry(*q).or_default();
                        self.tick(column, (&key, &kind), part, raw, ticked);
                    }
                    Target::Attribute(key) => {
                        self.attribute(column, key, raw, &mut response, &mut attributes)
                    }
                    Target::AttributeOption(key, part) => {
                        let Some(a) = self.study.meta.respondent_attribute(key) else {
                            continue;
                        };
                        let ticked = attributes.entry(key.clone()).or_default();
                        self.tick(column, (key, &a.kind), part, raw, ticked);
                    }
                    Target::Situation { number, attribute } => {
                        if let Some(v) = self.situation_value(column, attribute, raw) {
                            groups
                                .entry(*number)
                                .or_default()
                                .insert(attribute.clone(), v);
                        }
                    }
                    Target::SituationField(_) => {}
                }
            }
        }
        for (q, ticked) in questions {
            if let Some((_, question)) = self.study.grid.question(q)
                && let Some(v) = ticked.value(&question.kind)
            {
                response.answers.insert(q, v);
            }
        }
        for (key, ticked) in attributes {
            if let Some(a) = self.study.meta.respondent_attribute(&key)
                && let Some(v) = ticked.value(&a.kind)
            {
                response.attributes.insert(key, v);
            }
        }
        let order = |q: &QuestionId| self.study.grid.position(*q);
        response.open.sort_by_key(|(q, _)| order(q));
        response.situations = groups
            .into_iter()
            .map(|(n, attributes)| Situation {
                label: situation_label(self.mapping, n),
                attributes,
            })
            .collect();
        response
    }

    fn mismatch(&mut self, column: &Column, target: &str, raw: &str, why: Mismatch) {
        self.unmatched.push(Unmatched {
            sheet: self.sheet.name.clone(),
            row: self.row.number,
            column: column.letter.clone(),
            header: column.header.clone(),
            target: target.to_owned(),
            value: raw.to_owned(),
            why,
        });
    }

    fn consent(&mut self, column: &Column, raw: &str) -> Option<bool> {
        if raw.is_empty() {
            return None;
        }
        let aliased = aliases(self.mapping, "consent")
            .and_then(|a| a.get(&values::fold(raw)).cloned())
            .unwrap_or_else(|| raw.to_owned());
        let given = yes_no(&aliased).or_else(|| consent_words(&aliased));
        if given.is_none() {
            self.mismatch(column, "consent", raw, Mismatch::NotYesNo);
        }
        given
    }

    fn answer(
        &mut self,
        column: &Column,
        q: QuestionId,
        raw: &str,
        response: &mut Response,
        questions: &mut BTreeMap<QuestionId, Ticked>,
    ) {
        let Some((_, question)) = self.study.grid.question(q) else {
            return;
        };
        let aliases = aliases(self.mapping, &question.key);
        match values::read(&question.kind, raw, aliases.as_ref()) {
            Ok(None) => {}
            Ok(Some(Value::Text(t))) if question.kind == ValueKind::Open => {
                response.open.push((q, t));
            }
            Ok(Some(Value::List(keys))) => questions.entry(q).or_default().add(keys),
            Ok(Some(v)) => {
                response.answers.insert(q, v);
            }
            Err(why) => self.mismatch(column, &question.key.clone(), raw, why),
        }
    }

    fn attribute(
        &mut self,
        column: &Column,
        key: &str,
        raw: &str,
        response: &mut Response,
        attributes: &mut BTreeMap<String, Ticked>,
    ) {
        let Some(a) = self.study.meta.respondent_attribute(key) else {
            return;
        };
        match values::read(&a.kind, raw, aliases(self.mapping, key).as_ref()) {
            Ok(None) => {}
            Ok(Some(Value::List(keys))) => attributes.entry(key.to_owned()).or_default().add(keys),
            Ok(Some(v)) => {
                response.attributes.insert(key.to_owned(), v);
            }
            Err(why) => self.mismatch(column, key, raw, why),
        }
    }

    /// A checkbox column: checked adds its option, unchecked says the question was seen.
    /// A cell holding the option's key or label (as some tools write a checked box) counts as
    /// checked too.
    fn tick(
        &mut self,
        column: &Column,
        (key, kind): (&str, &ValueKind),
        part: &Part,
        raw: &str,
        ticked: &mut Ticked,
    ) {
        if raw.is_empty() {
            return;
        }
        let aliases = aliases(self.mapping, key);
        let checked = yes_no(raw) == Some(true)
            || match part {
                Part::Is(option) => {
                    values::option(kind.options(), raw, aliases.as_ref()) == Some(option.as_str())
                }
                Part::Unknown(text) => values::fold(raw) == values::fold(text),
            };
        if checked {
            match part {
                Part::Is(option) => ticked.add([option.clone()]),
                Part::Unknown(text) => {
                    self.mismatch(column, key, raw, Mismatch::Option(text.clone()))
                }
            }
        } else if yes_no(raw) == Some(false) {
            ticked.answered = true;
        } else {
            self.mismatch(column, key, raw, Mismatch::NotYesNo);
        }
    }

    fn situation_value(&mut self, column: &Column, key: &str, raw: &str) -> Option<Value> {
        situation_value(self.study, self.mapping, key, raw).unwrap_or_else(|why| {
            self.mismatch(column, key, raw, why);
            None
        })
    }
}

/// A situation attribute's value from a cell.
pub fn situation_value(
    study: &Study,
    mapping: &Mapping,
    key: &str,
    raw: &str,
) -> Result<Option<Value>, Mismatch> {
    let Some(a) = study.meta.situation_attribute(key) else {
        return Ok(None);
    };
    values::read(&a.kind, raw, aliases(mapping, key).as_ref())
}

/// The label of the `n`th situation of a respondent.
pub fn situation_label(mapping: &Mapping, n: u32) -> String {
    let template = mapping
        .situations
        .label
        .as_deref()
        .unwrap_or("Personne {n}");
    text::normalize(&template.replace("{n}", &n.to_string()))
}

/// Consent as forms word it beyond yes and no ("J'accepte", "I agree", "Je refuse").
fn consent_words(raw: &str) -> Option<bool> {
    let f = values::fold(raw);
    let refused = [
        "refuse",
        "je refuse",
        "je n'accepte pas",
        "i do not agree",
        "i disagree",
        "disagree",
    ];
    let given = [
        "j'accepte",
        "accepte",
        "d'accord",
        "je suis d'accord",
        "i agree",
        "agree",
        "accepted",
    ];
    if refused.iter().any(|w| f == *w) {
        Some(false)
    } else if given.iter().any(|w| f == *w) {
        Some(true)
    } else {
        None
    }
}

/// A submission date as the tools write it: RFC 3339 (KoboToolbox), `2021-09-24 11:39:34`
/// (LimeSurvey, a workbook's date cell), `2023/11/13 4:20:37 pm CET` (Google Forms in
/// English), `13/11/2023 16:20:37` (French tools and Microsoft Forms).
pub fn read_date(raw: &str) -> Option<Time> {
    use chrono::NaiveDateTime;
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(t) = parse_date(raw) {
        return Some(t);
    }
    if let Some(t) = excel_serial(raw) {
        return Some(t);
    }
    // A time zone abbreviation says little that chrono can use: the local offset is taken.
    let without_zone = raw
        .rsplit_once(' ')
        .filter(|(_, zone)| zone.chars().all(|c| c.is_ascii_uppercase()) && zone.len() <= 5)
        .map_or(raw, |(rest, _)| rest);
    let formats = [
        "%Y/%m/%d %I:%M:%S %p",
        "%Y/%m/%d %H:%M:%S",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
    ];
    let upper = without_zone.to_uppercase();
    let naive = formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&upper, f).ok())
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(without_zone, "%d/%m/%Y")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    local_time(&naive)
}

/// A workbook's date stored as a number of days since 1899-12-30 (KoboToolbox and Google
/// Sheets downloads write their timestamps so), within years 1955–2119.
fn excel_serial(raw: &str) -> Option<Time> {
    use chrono::{NaiveDate, TimeDelta};
    let days: f64 = raw.parse().ok()?;
    if !(20_000.0..80_000.0).contains(&days) {
        return None;
    }
    let seconds = (days * 86_400.0).round() as i64;
    let naive = NaiveDate::from_ymd_opt(1899, 12, 30)?
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(TimeDelta::seconds(seconds))?;
    local_time(&naive)
}

/// The keys of what a set of columns fills, for the update of respondents already imported:
/// only these are replaced.
pub fn filled(columns: &[Column], study: &Study) -> (BTreeSet<QuestionId>, BTreeSet<String>) {
    let mut questions = BTreeSet::new();
    let mut attributes = BTreeSet::new();
    for target in columns
        .iter()
        .filter(|c| !c.ignored)
        .flat_map(|c| &c.targets)
    {
        match target {
            Target::Answer(q) | Target::AnswerOption(q, _) => {
                questions.insert(*q);
            }
            Target::Attribute(key) | Target::AttributeOption(key, _) => {
                attributes.insert(key.clone());
            }
            _ => {}
        }
    }
    questions.retain(|q| study.grid.question(*q).is_some());
    (questions, attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_the_tools_write_them() {
        let day = |raw: &str| read_date(raw).map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
        assert_eq!(
            day("2021-09-24 11:39:34").as_deref(),
            Some("2021-09-24 11:39:34")
        );
        assert_eq!(
            day("2023/11/13 4:20:37 pm CET").as_deref(),
            Some("2023-11-13 16:20:37")
        );
        assert_eq!(
            day("13/11/2023 16:20:37").as_deref(),
            Some("2023-11-13 16:20:37")
        );
        assert_eq!(
            day("2024-03-14T09:51:14.123").as_deref(),
            Some("2024-03-14 09:51:14")
        );
        assert_eq!(
            read_date("2024-03-14T09:51:14.000+01:00")
                .map(|t| t.to_rfc3339())
                .as_deref(),
            Some("2024-03-14T09:51:14+01:00")
        );
        assert_eq!(
            day("45258.585256423612").as_deref(),
            Some("2023-11-28 14:02:46")
        );
        assert_eq!(day("hier"), None);
    }

    #[test]
    fn consent_in_words() {
        assert_eq!(consent_words("J'accepte"), Some(true));
        assert_eq!(consent_words("Je refuse"), Some(false));
        assert_eq!(consent_words("peut-être"), None);
    }
}
