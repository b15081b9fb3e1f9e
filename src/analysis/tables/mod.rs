//! Each analysis result as a [`Report`] of [`Table`]s in the user's language, and the two
//! results that have a chart (frequencies, answers) as a [`Chart`].

mod agreement;
mod answers;
mod categorical;
mod cooccurrence;
mod coverage;
mod excerpts;
mod frequencies;
mod saturation;
mod situations;

pub use agreement::agreement_report;
pub use answers::{answers_chart, answers_report};
pub use cooccurrence::{code_matrix_report, session_matrix_report};
pub use coverage::coverage_report;
pub use excerpts::excerpts_report;
pub use frequencies::{frequencies_chart, frequencies_report};
pub use saturation::{saturation_curve, saturation_report, verdict as saturation_verdict};
pub use situations::{condition as situation_condition, situations_chart, situations_report};

use super::categories::{Base, Category, Role};
use super::filter::{Coders, Filter, Scope};
use super::groups::{Group, GroupLabel};
use super::interval::Proportion;
use super::table::{Cell, Column, ColumnKind};
use crate::i18n::Texts;
use crate::study::Status;

/// A group's name for people.
pub fn group_label(group: &Group, t: &Texts) -> String {
    label_text(&group.label, t)
}

/// A group's key in machine names (`not_given` for the empty key).
fn group_key(group: &Group) -> &str {
    if group.key.is_empty() {
        "not_given"
    } else {
        &group.key
    }
}

/// What every table says under it about what was counted: the filters, the sessions they
/// left out, and (for tables of codings) whose codings count. Built once from the scope.
pub struct Counted {
    filters: Option<String>,
    left_out: Option<String>,
    coders: Option<String>,
    /// Sessions counted on the transcript of their recording rather than their live notes.
    transcripts: Option<String>,
}

impl Counted {
    pub fn of(scope: &Scope, t: &Texts) -> Counted {
        let a = t.analysis;
        let filter = scope.filter;
        let lo = scope.left_out;
        let left_out = (lo.total() > 0)
            .then(|| (a.left_out)(lo.total(), lo.of, lo.kind, lo.status, lo.dates, lo.query));
        let multi: Vec<String> = scope
            .multi_coded()
            .iter()
            .map(|(s, coders)| {
                let reference = scope.reference_coder(s.id);
                let names: Vec<String> = coders
                    .iter()
                    .map(|c| match (&filter.coders, reference) {
                        (Coders::Reference, Some(r)) if r == *c => (a.coder_counted)(c),
                        (Coders::Reference, _) => (a.coder_not_counted)(c),
                        _ => (*c).to_owned(),
                    })
                    .collect();
                format!("{} ({})", s.respondent.pseudonym, names.join(", "))
            })
            .collect();
        let coders = match &filter.coders {
            Coders::Reference if multi.is_empty() => None,
            Coders::Reference => Some((a.coders_reference)(&multi.join(" ; "))),
            Coders::All => Some((a.coders_pooled)(&multi.join(" ; "))),
            Coders::Named(names) => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                Some((a.coders_named)(&names.join(", ")))
            }
        };
        let transcribed = scope
            .sessions
            .iter()
            .filter(|s| s.transcript.is_some())
            .count();
        Counted {
            filters: filter_note(filter, t),
            left_out,
            coders,
            transcripts: (transcribed > 0).then(|| (t.align.counted_transcripts)(transcribed)),
        }
    }

    /// Notes for a table of answers or situations' attributes (no codings counted).
    pub fn notes(&self, mut list: Vec<String>) -> Vec<String> {
        list.extend(self.filters.clone());
        list.extend(self.left_out.clone());
        list.extend(self.transcripts.clone());
        list
    }

    /// Notes for a table of codings: also whose codings count.
    pub fn coded_notes(&self, list: Vec<String>) -> Vec<String> {
        let mut list = self.notes(list);
        list.extend(self.coders.clone());
        list
    }
}

/// The filters applied, as a note, or `None` when everything is counted.
fn filter_note(filter: &Filter, t: &Texts) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(kind) = filter.kind {
        let q = t.questionnaire;
        parts.push(format!("{} = {}", q.kind, q.kind_name(kind)));
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
    if let Some(set) = &filter.segments {
        parts.push((t.analysis.query_note)(
            filter.query.as_deref().unwrap_or(""),
            set.len(),
        ));
    }
    (!parts.is_empty()).then(|| (t.analysis.filters)(&parts.join(" ; ")))
}

/// The label of a row's kind (option, group, detail of a group, unknown, not given).
fn role_label(role: Role, t: &Texts) -> &'static str {
    let a = t.analysis;
    match role {
        Role::Value => a.row_option,
        Role::Group => a.row_group,
        Role::Member => a.row_member,
        Role::Unknown => a.row_unknown,
        Role::NotGiven => a.row_not_given,
    }
}

/// The value of a row: its key for scripts and its label for people.
fn category_cell(c: &Category, t: &Texts) -> Cell {
    let key = if c.key.is_empty() {
        "not_given"
    } else {
        &c.key
    };
    Cell::labelled(key, category_label(c, t))
}

/// A row's label for people.
pub fn category_label(c: &Category, t: &Texts) -> String {
    label_text(&c.label, t)
}

fn label_text(label: &GroupLabel, t: &Texts) -> String {
    match label {
        GroupLabel::Text(s) => s.clone(),
        GroupLabel::Yes => t.analysis.yes.into(),
        GroupLabel::No => t.analysis.no.into(),
        GroupLabel::NotGiven => t.analysis.not_given.into(),
    }
}

/// The machine name and header of a percentage over a base.
pub fn base_names(base: Base, t: &Texts) -> (&'static str, &'static str) {
    let a = t.analysis;
    match base {
        Base::All => ("pct_all", a.pct_of_all),
        Base::Given => ("pct_given", a.pct_of_given),
        Base::Known => ("pct_known", a.pct_of_known),
    }
}

/// Three columns for a share: the percentage and its 95 % interval.
fn share_columns(key: &str, label: &str, t: &Texts) -> [Column; 3] {
    [
        percent(key, label),
        percent(&format!("{key}_low"), &(t.analysis.ci_low)(label)),
        percent(&format!("{key}_high"), &(t.analysis.ci_high)(label)),
    ]
}

/// The cells of a share (empty when the row is not part of the base).
fn share_cells(share: Option<Proportion>) -> [Cell; 3] {
    let p = share.unwrap_or_default();
    [p.pct.into(), p.low.into(), p.high.into()]
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
