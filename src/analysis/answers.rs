//! Answers to the closed questions of the grid, counted over **respondents** (a pseudonym with
//! several sessions answers once: see [`units`](super::units)): per option (groups of options
//! with their details, "unknown" options, "not given"), with the three bases of
//! [`categories`](super::categories); for numbers their count, sum, minimum, median, maximum,
//! mean and distribution. Optionally split by a respondent attribute (a cross-table).
//!
//! Coder and segment filters do not narrow answers (answers are not coded); a search query
//! narrows the respondents to those with a matching segment, like every table.

use serde::Serialize;

use super::categories::{self, Tally};
use super::filter::Scope;
use super::groups;
use super::split::{self, Split, UnknownAttribute};
use super::units::{self, Respondent};
use crate::study::{Attribute, Question, QuestionId, Theme, Value, ValueKind};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberSummary {
    pub count: usize,
    pub sum: f64,
    pub min: f64,
    pub median: f64,
    pub max: f64,
    pub mean: f64,
}

/// The answers to one closed question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionAnswers {
    pub question: QuestionId,
    pub key: String,
    pub text: String,
    pub theme: String,
    /// The kind's name as in the files: `yes_no`, `number`, `choice`, `choices`, `scale`.
    pub kind: &'static str,
    pub unit: Option<String>,
    /// Several options per respondent: percentages do not sum to 100.
    pub multi: bool,
    /// Per option, with the bases (respondents counted, given, known). For a number: one row
    /// per value given (its distribution).
    pub tally: Tally,
    /// For numbers and scales; `None` when nobody answered.
    pub summary: Option<NumberSummary>,
    /// Respondents whose sessions gave different answers (the first known one is counted).
    pub conflicts: usize,
}

impl QuestionAnswers {
    /// Respondents counted: the base of "% of all".
    pub fn respondents(&self) -> usize {
        self.tally.bases.all
    }

    /// Respondents with an answer.
    pub fn answered(&self) -> usize {
        self.tally.bases.given
    }

    pub fn not_answered(&self) -> usize {
        self.tally.bases.all - self.tally.bases.given
    }

    /// Whether the table shows it per option (not a bare number).
    pub fn has_options(&self) -> bool {
        self.kind != "number"
    }
}

/// The answers, and for a cross-table one set of answers per column on the same rows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answers {
    /// Respondents counted (all columns together).
    pub respondents: usize,
    pub questions: Vec<QuestionAnswers>,
    pub split: Option<Split>,
    /// `columns[c][q]`: question `q` among the respondents of column `c` of the split.
    pub columns: Vec<Vec<QuestionAnswers>>,
}

/// Every closed question of the grid, in grid order, over every respondent counted.
pub fn answers(scope: &Scope) -> Vec<QuestionAnswers> {
    answers_over(scope, None).questions
}

/// The answers, split by the respondent attribute `by` if given.
pub fn answers_by(scope: &Scope, by: Option<&str>) -> Result<Answers, UnknownAttribute> {
    let attribute = by
        .map(|key| split::attribute(&scope.study.meta, key))
        .transpose()?;
    Ok(answers_over(scope, attribute))
}

fn answers_over(scope: &Scope, by: Option<&Attribute>) -> Answers {
    let respondents = units::respondents(scope);
    let all: Vec<&Respondent> = respondents.iter().collect();
    let questions: Vec<QuestionAnswers> = closed(scope)
        .map(|(theme, q)| question_answers(theme, q, &all, None))
        .collect();
    let Some(attribute) = by else {
        return Answers {
            respondents: all.len(),
            questions,
            split: None,
            columns: Vec::new(),
        };
    };
    let keys: Vec<Vec<String>> = all
        .iter()
        .map(|r| groups::keys_of(r.attribute(attribute).value.as_deref()))
        .collect();
    let split = split::split(attribute, &keys);
    let columns = split
        .columns
        .iter()
        .map(|column| {
            let members: Vec<&Respondent> = column.members.iter().map(|&i| all[i]).collect();
            closed(scope)
                .zip(&questions)
                .map(|((theme, q), total)| question_answers(theme, q, &members, Some(&total.tally)))
                .collect()
        })
        .collect();
    Answers {
        respondents: all.len(),
        questions,
        split: Some(split),
        columns,
    }
}

fn closed<'a>(scope: &Scope<'a>) -> impl Iterator<Item = (&'a Theme, &'a Question)> + use<'a> {
    scope
        .study
        .grid
        .questions()
        .filter(|(_, q)| q.kind != ValueKind::Open)
}

/// One question over some respondents; `rows`: count on these rows (a cross-table column).
fn question_answers(
    theme: &Theme,
    q: &Question,
    respondents: &[&Respondent],
    rows: Option<&Tally>,
) -> QuestionAnswers {
    let merged: Vec<units::Merged> = respondents
        .iter()
        .map(|r| {
            units::merge(
                &q.kind,
                r.sessions.iter().filter_map(|s| s.answers.get(&q.id)),
            )
        })
        .collect();
    let conflicts = merged.iter().filter(|m| m.conflict).count();
    let values: Vec<Option<&Value>> = merged.iter().map(|m| m.value.as_deref()).collect();
    let tally = match rows {
        Some(rows) => categories::tally_on(rows, &q.kind, &values),
        None => categories::tally(&q.kind, &q.groups, &values),
    };
    let numbers: Vec<f64> = values
        .iter()
        .filter_map(|v| match v {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        })
        .collect();
    QuestionAnswers {
        question: q.id,
        key: q.key.clone(),
        text: q.text.clone(),
        theme: theme.title.clone(),
        kind: q.kind.name(),
        unit: match &q.kind {
            ValueKind::Number { unit, .. } => unit.clone(),
            _ => None,
        },
        multi: groups::is_multi(&q.kind),
        tally,
        summary: match q.kind {
            ValueKind::Number { .. } | ValueKind::Scale { .. } => summarise(numbers),
            _ => None,
        },
        conflicts,
    }
}

/// Count, sum, min, median (the mean of the two middle values for an even count), max, mean.
pub fn summarise(mut numbers: Vec<f64>) -> Option<NumberSummary> {
    if numbers.is_empty() {
        return None;
    }
    numbers.sort_by(f64::total_cmp);
    let n = numbers.len();
    let sum: f64 = numbers.iter().sum();
    let median = if n % 2 == 1 {
        numbers[n / 2]
    } else {
        (numbers[n / 2 - 1] + numbers[n / 2]) / 2.0
    };
    Some(NumberSummary {
        count: n,
        sum,
        min: numbers[0],
        median,
        max: numbers[n - 1],
        mean: sum / n as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let s = summarise(vec![7.0, 2.0, 40.0]).unwrap();
        assert_eq!(
            (s.count, s.sum, s.min, s.median, s.max),
            (3, 49.0, 2.0, 7.0, 40.0)
        );
        let s = summarise(vec![4.0, 1.0, 3.0, 10.0]).unwrap();
        assert_eq!(s.median, 3.5); // (3 + 4) / 2
        assert_eq!(s.mean, 4.5);
        assert!(summarise(vec![]).is_none());
    }
}
