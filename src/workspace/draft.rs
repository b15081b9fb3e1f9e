//! The report's draft built from the study: the same tables as `grille export` (answers per
//! question, code frequencies over each theme's segments, situations), cut down to the columns
//! a reader needs but never recomputed; the charts as the exports draw them; the quotes; the
//! method and the annex. Like every export, the draft is built from the study as
//! [`identity::redact`] shows it unless it is asked for with identities: the attributes the
//! study marks identifying are not in it, interviewers and coders are initials. Quotes carry
//! the pseudonym and the sector only.

use std::collections::{BTreeMap, HashSet};

use super::reports::{ReportError, ReportKind, build_chart, build_report};
use crate::analysis::chart::Chart;
use crate::analysis::table::{Cell, ColumnKind, Table, format_number};
use crate::analysis::{Base, Filter};
use crate::i18n::{Lang, Texts};
use crate::interop::export::svg::{self, ChartOptions};
use crate::interop::report::draft::{
    Block, CodeEntry, ColumnView, Draft, GridQuestion, GridTheme, Method, Person, QuestionSection,
    QuoteView, TableView, ThemeSection,
};
use crate::study::identity::{self, Disclosure};
use crate::study::{Session, SessionKind, Speaker, Study, ValueKind, text};

/// The respondent attribute quotes are signed with, beside the pseudonym.
pub const SECTOR: &str = "secteur";

/// What the report counts: a column per value of `by`, one kind of session or both.
#[derive(Clone, Debug)]
pub struct DraftOptions {
    pub by: Option<String>,
    pub kind: Option<SessionKind>,
    pub lang: Lang,
    /// The day printed on the draft.
    pub date: String,
    /// Pseudonymous (the default) or with identities (`--with-identities`).
    pub disclosure: Disclosure,
}

struct Builder<'a> {
    study: &'a Study,
    sessions: &'a [Session],
    filter: Filter,
    options: &'a DraftOptions,
    t: &'static Texts,
    dc: bool,
    charts: BTreeMap<String, String>,
}

/// The draft of the study's report. Without identities, a `by` naming an identifying
/// attribute is refused, as `grille export` refuses it.
pub fn draft(
    study: &Study,
    sessions: &[Session],
    options: &DraftOptions,
) -> Result<Draft, ReportError> {
    let t = options.lang.texts();
    let redacted = match options.disclosure {
        Disclosure::WithIdentities => None,
        Disclosure::Pseudonymous => {
            if let Some(key) = options.by.as_deref().filter(|k| {
                study
                    .meta
                    .respondent_attribute(k)
                    .is_some_and(|a| a.is_identifying())
            }) {
                return Err(ReportError::IdentifyingAttribute {
                    key: key.to_owned(),
                });
            }
            // Every table, chart and quote is built from this copy: what it lacks, the report
            // cannot print.
            Some(identity::redact(study, sessions))
        }
    };
    let (study, sessions) = match &redacted {
        Some(r) => (&r.study, r.sessions.as_slice()),
        None => (study, sessions),
    };
    let mut b = Builder {
        study,
        sessions,
        filter: Filter {
            kind: options.kind,
            ..Filter::default()
        },
        options,
        t,
        dc: options.lang == Lang::Fr,
        charts: BTreeMap::new(),
    };
    let method = b.method();
    let (mut themes, other_quotes) = (Vec::new(), b.quotes(None));
    for theme in &study.grid.themes {
        themes.push(b.theme(theme)?);
    }
    let situations = b.situations()?;
    Ok(Draft {
        title: study.meta.title.clone(),
        description: study.meta.description.clone(),
        date: options.date.clone(),
        lang: match options.lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        },
        words: &t.report.words,
        identities: (options.disclosure == Disclosure::WithIdentities)
            .then_some(t.privacy.with_identities),
        method,
        themes,
        other_quotes,
        situations,
        grid: grid(study),
        codebook: codebook(study),
        charts: b.charts,
    })
}

/// Each person named, with how many times, most first.
fn team<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Person> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names.map(str::trim).filter(|n| !n.is_empty()) {
        *counts.entry(name).or_default() += 1;
    }
    let mut people: Vec<Person> = counts
        .into_iter()
        .map(|(name, count)| Person {
            name: name.to_owned(),
            count,
        })
        .collect();
    people.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    people
}

impl Builder<'_> {
    /// A table of an export as the report shows it: the columns `keep` accepts.
    fn view(&self, table: &Table, keep: impl Fn(&str) -> bool) -> TableView {
        TableView::of(table, self.dc, keep)
    }

    fn chart(&mut self, chart: Option<Chart>) -> Option<String> {
        let chart = chart.filter(|c| c.groups.iter().any(|g| !g.bars.is_empty()))?;
        let id = format!("chart-{}", self.charts.len() + 1);
        let options = ChartOptions {
            decimal_comma: self.dc,
            ..ChartOptions::default()
        };
        self.charts
            .insert(id.clone(), svg::render(&chart, &options));
        Some(id)
    }

    fn theme(&mut self, theme: &crate::study::Theme) -> Result<ThemeSection, ReportError> {
        let mut questions = Vec::new();
        for q in theme.questions.iter().filter(|q| q.kind != ValueKind::Open) {
            let kind = ReportKind::Answers {
                question: Some(q.key.clone()),
                by: self.options.by.clone(),
                base: Base::Given,
            };
            let report = build_report(
                self.study,
                self.sessions,
                &self.filter,
                &kind,
                self.t,
                self.dc,
            )?;
            let tables = report
                .tables
                .iter()
                .filter(|t| !t.rows.is_empty())
                .map(|t| self.view(t, |k| keep_answer(k, "given")))
                .collect();
            let chart = build_chart(self.study, self.sessions, &self.filter, &kind, 0, self.t)?;
            questions.push(QuestionSection {
                key: q.key.clone(),
                text: q.text.clone(),
                tables,
                chart: self.chart(chart),
            });
        }
        Ok(ThemeSection {
            key: theme.key.clone(),
            title: theme.title.clone(),
            description: (!theme.description.trim().is_empty()).then(|| theme.description.clone()),
            questions,
            frequencies: self.frequencies(theme)?,
            quotes: self.quotes(Some(theme)),
        })
    }

    /// The code frequencies over the theme's segments: `grille export frequencies --query
    /// theme:KEY`, the codes with an excerpt there.
    fn frequencies(&self, theme: &crate::study::Theme) -> Result<Option<TableView>, ReportError> {
        let questions: HashSet<_> = theme.questions.iter().map(|q| q.id).collect();
        let segments = self
            .sessions
            .iter()
            .flat_map(|s| s.segments.iter().map(move |seg| (s.id, seg)))
            .filter(|(_, seg)| seg.question.is_some_and(|q| questions.contains(&q)))
            .map(|(s, seg)| (s, seg.id))
            .collect();
        let filter = Filter {
            segments: Some(segments),
            query: Some(format!("theme:{}", theme.key)),
            ..self.filter.clone()
        };
        let kind = ReportKind::Frequencies {
            by: self.options.by.clone(),
        };
        let report = build_report(self.study, self.sessions, &filter, &kind, self.t, self.dc)?;
        let Some(table) = report.tables.into_iter().next() else {
            return Ok(None);
        };
        let table = with_excerpts(table);
        Ok((!table.rows.is_empty()).then(|| self.view(&table, keep_frequency)))
    }

    /// The excerpts marked "à citer" in the theme's questions (`None`: in no question), any
    /// coder's, each span once, in session then transcript order. The interviewer's words
    /// are never quoted.
    fn quotes(&self, theme: Option<&crate::study::Theme>) -> Vec<QuoteView> {
        let scope = self.filter.scope(self.study, self.sessions);
        let sector = self.study.meta.respondent_attribute(SECTOR);
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for session in &scope.sessions {
            let mut marked: Vec<_> = session
                .codings
                .iter()
                .filter(|c| c.quote.is_some())
                .filter_map(|c| Some((session.segment_index(c.segment)?, c)))
                .collect();
            marked.sort_by_key(|(at, c)| (*at, c.start, c.end));
            for (at, coding) in marked {
                let segment = &session.segments[at];
                let in_theme = segment
                    .question
                    .and_then(|q| self.study.grid.question(q))
                    .map(|(th, _)| th.id);
                if in_theme != theme.map(|t| t.id) || segment.speaker == Speaker::Interviewer {
                    continue;
                }
                if !seen.insert((session.id, segment.id, coding.start, coding.end)) {
                    continue;
                }
                let Some(words) = text::slice(&segment.text, coding.start, coding.end) else {
                    continue;
                };
                let who = session
                    .respondent_of(segment)
                    .unwrap_or(&session.respondent);
                out.push(QuoteView {
                    text: words.to_owned(),
                    lines: words.lines().map(str::to_owned).collect(),
                    pseudonym: who.pseudonym.clone(),
                    sector: sector.and_then(|a| {
                        let keys = crate::analysis::groups::keys_of(who.attributes.get(&a.key));
                        let labels: Vec<&str> = keys
                            .iter()
                            .map(|k| a.kind.option_label(k).unwrap_or(k))
                            .collect();
                        (!labels.is_empty()).then(|| labels.join(", "))
                    }),
                    code: self
                        .study
                        .codebook
                        .get(coding.code)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    question: segment
                        .question
                        .and_then(|q| self.study.grid.question(q))
                        .map(|(_, q)| q.text.clone()),
                    comment: coding.quote.as_ref().and_then(|q| q.comment.clone()),
                });
            }
        }
        out
    }

    fn situations(&mut self) -> Result<Option<Block>, ReportError> {
        let scope = self.filter.scope(self.study, self.sessions);
        if scope.sessions.iter().all(|s| s.situations.is_empty()) {
            return Ok(None);
        }
        let kind = ReportKind::Situations {
            by: self.options.by.clone(),
            base: Base::All,
        };
        let report = build_report(
            self.study,
            self.sessions,
            &self.filter,
            &kind,
            self.t,
            self.dc,
        )?;
        let tables = report
            .tables
            .iter()
            .filter(|t| !t.rows.is_empty())
            .map(|t| self.view(t, |k| keep_answer(k, "all")))
            .collect();
        let chart = build_chart(self.study, self.sessions, &self.filter, &kind, 0, self.t)?;
        Ok(Some(Block {
            tables,
            chart: self.chart(chart),
        }))
    }

    fn method(&self) -> Method {
        let scope = self.filter.scope(self.study, self.sessions);
        let w = &self.t.report.words;
        let count = |kind| scope.sessions.iter().filter(|s| s.kind == kind).count();
        let days: Vec<String> = scope
            .sessions
            .iter()
            .filter_map(|s| s.date())
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect();
        let attributes = self
            .study
            .meta
            .respondent_attributes
            .iter()
            .filter_map(|a| {
                let options = match &a.kind {
                    ValueKind::Choice { options } | ValueKind::Choices { options } => options,
                    _ => return None,
                };
                let holding = |key: &str| {
                    scope
                        .sessions
                        .iter()
                        .filter(|s| match s.respondent.attributes.get(&a.key) {
                            Some(v) => crate::analysis::groups::keys_of(Some(v))
                                .iter()
                                .any(|k| k == key),
                            None => false,
                        })
                        .count()
                };
                let mut rows: Vec<Vec<String>> = options
                    .iter()
                    .map(|o| vec![o.label.clone(), holding(&o.key).to_string()])
                    .collect();
                let missing = scope
                    .sessions
                    .iter()
                    .filter(|s| !s.respondent.attributes.contains_key(&a.key))
                    .count();
                if missing > 0 {
                    rows.push(vec![w.not_given.to_owned(), missing.to_string()]);
                }
                Some(TableView {
                    key: format!("respondents-{}", a.key),
                    title: a.label.clone(),
                    notes: Vec::new(),
                    columns: vec![
                        column("value", w.value, false),
                        column("respondents", w.respondents, true),
                    ],
                    rows,
                })
            })
            .collect();
        Method {
            interviews: count(SessionKind::Interview),
            questionnaires: count(SessionKind::Questionnaire),
            first: days.iter().min().cloned(),
            last: days.iter().max().cloned(),
            attributes,
            interviewers: team(scope.sessions.iter().map(|s| s.interviewer.as_str())),
            coders: team(
                scope
                    .sessions
                    .iter()
                    .flat_map(|s| s.codings.iter().map(|c| c.coder.as_str())),
            ),
            coverage: self.coverage(&scope.sessions),
        }
    }

    /// For each question of the grid, the interviews that covered it.
    fn coverage(&self, sessions: &[&Session]) -> TableView {
        let w = &self.t.report.words;
        let interviews: Vec<&&Session> = sessions
            .iter()
            .filter(|s| s.kind == SessionKind::Interview)
            .collect();
        let rows = self
            .study
            .grid
            .questions()
            .map(|(theme, q)| {
                let n = interviews.iter().filter(|s| s.is_covered(q.id)).count();
                let pct = (!interviews.is_empty()).then(|| {
                    format_number(
                        n as f64 * 100.0 / interviews.len() as f64,
                        ColumnKind::Percent,
                        self.dc,
                    )
                });
                vec![
                    theme.title.clone(),
                    q.text.clone(),
                    n.to_string(),
                    pct.unwrap_or_default(),
                ]
            })
            .collect();
        TableView {
            key: "coverage".into(),
            title: w.coverage.into(),
            notes: vec![w.coverage_note.into()],
            columns: vec![
                column("theme", w.theme, false),
                column("question", w.question, false),
                column("covered", w.covered, true),
                column("covered_pct", w.covered_pct, true),
            ],
            rows,
        }
    }
}

fn column(key: &str, label: &str, numeric: bool) -> ColumnView {
    ColumnView {
        key: key.into(),
        label: label.into(),
        numeric,
    }
}

/// The columns of an answers or situations table a report shows: the value, its count, the
/// percentage over `base` with its interval, the base (the place in the grid is the heading).
fn keep_answer(key: &str, base: &str) -> bool {
    if matches!(key, "theme" | "question" | "question_text" | "kind") {
        return false;
    }
    !["all", "given", "known"]
        .iter()
        .filter(|b| **b != base)
        .any(|b| key.starts_with(&format!("pct_{b}")) || key == format!("base_{b}"))
}

/// The columns of a frequency table a report shows: the code's name, excerpts, respondents
/// and their share with its interval.
fn keep_frequency(key: &str) -> bool {
    !(key == "code"
        || key == "sessions"
        || key.starts_with("words")
        || key.contains("with_descendants"))
}

/// The rows of a frequency table whose code has an excerpt.
fn with_excerpts(mut table: Table) -> Table {
    if let Some(i) = table.columns.iter().position(|c| c.key == "excerpts") {
        table
            .rows
            .retain(|row| matches!(row[i], Cell::Count(n) if n > 0));
    }
    table
}

fn grid(study: &Study) -> Vec<GridTheme> {
    study
        .grid
        .themes
        .iter()
        .map(|t| GridTheme {
            title: t.title.clone(),
            description: (!t.description.trim().is_empty()).then(|| t.description.clone()),
            questions: t
                .questions
                .iter()
                .map(|q| GridQuestion {
                    key: q.key.clone(),
                    text: q.text.clone(),
                    prompts: q.prompts.clone(),
                })
                .collect(),
        })
        .collect()
}

fn codebook(study: &Study) -> Vec<CodeEntry> {
    let book = &study.codebook;
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    book.tree()
        .into_iter()
        .map(|(depth, c)| CodeEntry {
            path: book.path(c.id).unwrap_or_default(),
            name: c.name.clone(),
            depth,
            description: some(&c.description),
            use_when: some(&c.use_when),
            dont_use_when: some(&c.dont_use_when),
            example: some(&c.example),
        })
        .collect()
}
