//! Answers to the closed questions of the grid: how many sessions chose each option, and for
//! numbers their count, sum, minimum, median and maximum.
//!
//! Every percentage states its base: `pct_answered` is over the sessions that answered the
//! question, `pct_all` over all sessions counted; `not_answered` says how many gave nothing.
//! For a `choices` question a session may pick several options (or none): its percentages do
//! not sum to 100. Coder and segment filters do not apply here: answers are not coded.

use std::collections::BTreeSet;

use serde::Serialize;

use super::filter::Scope;
use super::groups::{self, Group, percent};
use crate::study::{QuestionId, Value, ValueKind};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionCount {
    pub group: Group,
    pub count: usize,
    /// Percentage of the sessions that answered.
    pub pct_answered: Option<f64>,
    /// Percentage of all sessions counted.
    pub pct_all: Option<f64>,
}

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
    /// Sessions counted: the base of `pct_all`.
    pub sessions: usize,
    /// Sessions with an answer: the base of `pct_answered`.
    pub answered: usize,
    pub not_answered: usize,
    /// Several options per session: percentages do not sum to 100.
    pub multi: bool,
    /// Per option (yes/no, choice, choices, each point of a scale); empty for a number.
    pub options: Vec<OptionCount>,
    /// For numbers and scales; `None` when nobody answered.
    pub summary: Option<NumberSummary>,
}

/// Every closed question of the grid, in grid order.
pub fn answers(scope: &Scope) -> Vec<QuestionAnswers> {
    scope
        .study
        .grid
        .questions()
        .filter(|(_, q)| q.kind != ValueKind::Open)
        .map(|(theme, q)| {
            let given: Vec<&Value> = scope
                .sessions
                .iter()
                .filter_map(|s| s.answers.get(&q.id))
                .collect();
            let sessions = scope.sessions.len();
            let answered = given.len();
            let options = match q.kind {
                ValueKind::Number { .. } => Vec::new(),
                _ => option_counts(&q.kind, &given, sessions),
            };
            let numbers: Vec<f64> = given
                .iter()
                .filter_map(|v| match v {
                    Value::Number(n) => Some(*n),
                    _ => None,
                })
                .collect();
            let summary = match q.kind {
                ValueKind::Number { .. } | ValueKind::Scale { .. } => summarise(numbers),
                _ => None,
            };
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
                sessions,
                answered,
                not_answered: sessions - answered,
                multi: groups::is_multi(&q.kind),
                options,
                summary,
            }
        })
        .collect()
}

fn option_counts(kind: &ValueKind, given: &[&Value], sessions: usize) -> Vec<OptionCount> {
    let keys: Vec<Vec<String>> = given
        .iter()
        .map(|v| {
            let mut k = groups::keys_of(Some(v));
            k.retain(|k| !k.is_empty()); // an empty `choices` answer picks no option
            k
        })
        .collect();
    let seen: BTreeSet<String> = keys.iter().flatten().cloned().collect();
    groups::groups(kind, &seen)
        .into_iter()
        .map(|group| {
            let count = keys.iter().filter(|k| k.contains(&group.key)).count();
            OptionCount {
                group,
                count,
                pct_answered: percent(count, given.len()),
                pct_all: percent(count, sessions),
            }
        })
        .collect()
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
