//! Each analysis result as a [`Report`] of [`Table`]s in the user's language, and the two
//! results that have a chart (frequencies, answers) as a [`Chart`].

mod agreement;
mod answers;
mod cooccurrence;
mod excerpts;
mod frequencies;
mod situations;

pub use agreement::agreement_report;
pub use answers::{answers_chart, answers_report};
pub use cooccurrence::{code_matrix_report, session_matrix_report};
pub use excerpts::excerpts_report;
pub use frequencies::{frequencies_chart, frequencies_report};
pub use situations::situations_report;

use super::filter::Filter;
use super::groups::{Group, GroupLabel};
use super::table::{Column, ColumnKind};
use crate::i18n::Texts;
use crate::study::Status;

/// A group's name for people.
pub fn group_label(group: &Group, t: &Texts) -> String {
    match &group.label {
        GroupLabel::Text(s) => s.clone(),
        GroupLabel::Yes => t.analysis.yes.into(),
        GroupLabel::No => t.analysis.no.into(),
        GroupLabel::NotGiven => t.analysis.not_given.into(),
    }
}

/// A group's key in machine names (`not_given` for the empty key).
fn group_key(group: &Group) -> &str {
    if group.key.is_empty() {
        "not_given"
    } else {
        &group.key
    }
}

/// The filters applied, as a note, or `None` when everything is counted.
pub fn filter_note(filter: &Filter, t: &Texts) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(coders) = &filter.coders {
        let names: Vec<&str> = coders.iter().map(String::as_str).collect();
        parts.push(format!("{} = {}", t.analysis.coder, names.join(", ")));
    }
    if let Some(status) = filter.status {
        let s = match status {
            Status::Done => t.status_done,
            Status::InProgress => t.status_in_progress,
        };
        parts.push(format!("{} = {s}", t.col_status));
    }
    match (filter.from, filter.to) {
        (None, None) => {}
        (from, to) => parts.push(format!(
            "{} {}…{}",
            t.col_date,
            from.map(|d| d.to_string()).unwrap_or_default(),
            to.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
    match (&filter.segments, &filter.query) {
        (Some(set), Some(query)) => parts.push(format!(
            "{} « {query} » : {} segment(s)",
            t.search_title,
            set.len()
        )),
        (Some(set), None) => parts.push(format!("{} segment(s)", set.len())),
        _ => {}
    }
    (!parts.is_empty()).then(|| (t.analysis.filters)(&parts.join(" ; ")))
}

fn text(key: &str, label: &str) -> Column {
    Column::new(key, label, ColumnKind::Text)
}

fn count(key: &str, label: &str) -> Column {
    Column::new(key, label, ColumnKind::Count)
}

fn percent(key: &str, label: &str) -> Column {
    Column::new(key, label, ColumnKind::Percent)
}

/// Notes: the given ones, then the filter note if any.
fn notes(mut list: Vec<String>, filter: &Filter, t: &Texts) -> Vec<String> {
    list.extend(filter_note(filter, t));
    list
}
