//! What a report holds, ready to print: every figure already a string as the exports write it
//! (the tables come from the same [`Report`](crate::analysis::table::Report)s as `grille
//! export`), every chart an SVG. This is the context a template sees; `docs/report.md` lists
//! its fields.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::table::{ColumnKind, Table, format_cell};
use crate::i18n::report::ReportWords;

#[derive(Serialize)]
pub struct Draft {
    pub title: String,
    pub description: String,
    /// The day the draft was made, `YYYY-MM-DD`.
    pub date: String,
    /// `fr` or `en`.
    pub lang: &'static str,
    pub words: &'static ReportWords,
    /// The warning a report made with `--with-identities` opens with; `None` otherwise (then
    /// the identifying attributes are left out and people are given as initials).
    pub identities: Option<&'static str>,
    pub method: Method,
    pub themes: Vec<ThemeSection>,
    /// Quotes on segments attached to no question of the grid.
    pub other_quotes: Vec<QuoteView>,
    /// The persons described in situations, when there are any.
    pub situations: Option<Block>,
    pub grid: Vec<GridTheme>,
    pub codebook: Vec<CodeEntry>,
    /// The charts, by the id the sections name them with (`chart-3`): SVG documents.
    #[serde(skip)]
    pub charts: BTreeMap<String, String>,
}

#[derive(Serialize)]
pub struct Method {
    pub interviews: usize,
    pub questionnaires: usize,
    /// The first and last session's day, `YYYY-MM-DD`.
    pub first: Option<String>,
    pub last: Option<String>,
    /// Respondents per value of each choice attribute (sector, territory); the attributes the
    /// study marks identifying are left out unless the report is made with identities.
    pub attributes: Vec<TableView>,
    /// Who ran the sessions, with how many each: initials unless made with identities.
    pub interviewers: Vec<Person>,
    /// Who coded, with how many codings each: initials unless made with identities.
    pub coders: Vec<Person>,
    pub coverage: TableView,
}

/// A member of the team as the report names them, and how many sessions or codings.
#[derive(Serialize)]
pub struct Person {
    pub name: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct ThemeSection {
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    pub questions: Vec<QuestionSection>,
    /// The codes applied in the theme's segments, those with at least one excerpt.
    pub frequencies: Option<TableView>,
    pub quotes: Vec<QuoteView>,
}

#[derive(Serialize)]
pub struct QuestionSection {
    pub key: String,
    pub text: String,
    pub tables: Vec<TableView>,
    /// The chart's id in [`Draft::charts`].
    pub chart: Option<String>,
}

/// Tables and a chart of one part (the situations).
#[derive(Serialize)]
pub struct Block {
    pub tables: Vec<TableView>,
    pub chart: Option<String>,
}

/// A quote: the excerpt's words, who said it (pseudonym and sector only: never the
/// interviewer, never another attribute), under which code and question.
#[derive(Serialize)]
pub struct QuoteView {
    pub text: String,
    /// The text's lines (a transcript segment may hold several).
    pub lines: Vec<String>,
    pub pseudonym: String,
    pub sector: Option<String>,
    pub code: String,
    pub question: Option<String>,
    pub comment: Option<String>,
}

#[derive(Serialize)]
pub struct GridTheme {
    pub title: String,
    pub description: Option<String>,
    pub questions: Vec<GridQuestion>,
}

#[derive(Serialize)]
pub struct GridQuestion {
    pub key: String,
    pub text: String,
    pub prompts: Vec<String>,
}

#[derive(Serialize)]
pub struct CodeEntry {
    pub path: String,
    pub name: String,
    /// 0 for a top-level code.
    pub depth: usize,
    pub description: Option<String>,
    pub use_when: Option<String>,
    pub dont_use_when: Option<String>,
    pub example: Option<String>,
}

/// A table as people read it: every cell already written as the exports write it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableView {
    pub key: String,
    pub title: String,
    pub notes: Vec<String>,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnView {
    pub key: String,
    pub label: String,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

impl TableView {
    /// The columns of `table` that `keep` accepts (by key), cells written as in the exports.
    pub fn of(table: &Table, decimal_comma: bool, keep: impl Fn(&str) -> bool) -> TableView {
        let kept: Vec<usize> = (0..table.columns.len())
            .filter(|&i| keep(&table.columns[i].key))
            .collect();
        TableView {
            key: table.key.clone(),
            title: table.title.clone(),
            notes: table.notes.clone(),
            columns: kept
                .iter()
                .map(|&i| {
                    let c = &table.columns[i];
                    ColumnView {
                        key: c.key.clone(),
                        label: c.label.clone(),
                        numeric: c.kind != ColumnKind::Text,
                    }
                })
                .collect(),
            rows: table
                .rows
                .iter()
                .map(|row| {
                    kept.iter()
                        .map(|&i| format_cell(&row[i], table.columns[i].kind, decimal_comma))
                        .collect()
                })
                .collect(),
        }
    }
}
