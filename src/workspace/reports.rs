//! The tables a user can ask for, built in one call from the study, its sessions and a filter:
//! what `grille export` and the statistics screen share.

use crate::analysis::chart::Chart;
use crate::analysis::table::Report;
use crate::analysis::{self, AgreementUnit, Filter, FrequencyError, Unit, tables};
use crate::i18n::Texts;
use crate::study::{Session, Study, ValueKind};

/// Which table.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportKind {
    /// Code frequencies, optionally broken down by a respondent attribute.
    Frequencies {
        by: Option<String>,
    },
    Situations,
    /// Closed questions; `question` keeps one (by key).
    Answers {
        question: Option<String>,
    },
    /// Code × code.
    Cooccurrence {
        unit: Unit,
    },
    /// Code × session.
    CodeSessions,
    /// Two coders; `None` picks the only pair of coders who coded sessions in common.
    Agreement {
        coders: Option<(String, String)>,
        unit: AgreementUnit,
    },
    Excerpts,
}

/// What stops a table from being built: each names what was asked and what exists.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReportError {
    #[error("no respondent attribute \"{key}\" (known: {known})")]
    UnknownAttribute { key: String, known: String },
    #[error("no coding by \"{coder}\" (coders: {known})")]
    UnknownCoder { coder: String, known: String },
    #[error("no closed question \"{key}\" (questions: {known})")]
    UnknownQuestion { key: String, known: String },
    /// Agreement without `coders` and no single pair to compare; lists the pairs.
    #[error("name the two coders (pairs: {pairs})")]
    ChooseCoders { pairs: String },
    #[error(transparent)]
    Agreement(#[from] analysis::AgreementError),
}

impl ReportError {
    /// The error in the user's language.
    pub fn message(&self, t: &Texts) -> String {
        let a = t.analysis;
        match self {
            ReportError::UnknownAttribute { key, known } => (a.unknown_attribute)(key, known),
            ReportError::UnknownCoder { coder, known } => (a.unknown_coder)(coder, known),
            ReportError::UnknownQuestion { key, known } => (a.unknown_question)(key, known),
            ReportError::ChooseCoders { pairs } => (a.choose_coders)(pairs),
            other => other.to_string(),
        }
    }
}

impl From<FrequencyError> for ReportError {
    fn from(e: FrequencyError) -> Self {
        let FrequencyError::UnknownAttribute { key, known } = e;
        ReportError::UnknownAttribute { key, known }
    }
}

/// Builds the table asked for. `decimal_comma` only shapes numbers written inside notes.
pub fn build_report(
    study: &Study,
    sessions: &[Session],
    filter: &Filter,
    kind: &ReportKind,
    t: &Texts,
    decimal_comma: bool,
) -> Result<Report, ReportError> {
    check_coders(sessions, filter)?;
    let scope = filter.scope(study, sessions);
    Ok(match kind {
        ReportKind::Frequencies { by } => {
            let f = analysis::frequencies(&scope, by.as_deref())?;
            tables::frequencies_report(&f, filter, t)
        }
        ReportKind::Situations => {
            tables::situations_report(&analysis::situations(&scope), filter, t)
        }
        ReportKind::Answers { question } => {
            let answers = chosen_answers(&scope, question.as_deref())?;
            tables::answers_report(&answers, filter, t)
        }
        ReportKind::Cooccurrence { unit } => {
            tables::code_matrix_report(&analysis::code_matrix(&scope, *unit), filter, t)
        }
        ReportKind::CodeSessions => {
            tables::session_matrix_report(&analysis::session_matrix(&scope), filter, t)
        }
        ReportKind::Agreement { coders, unit } => {
            let (a, b) = match coders {
                Some(pair) => pair.clone(),
                None => only_pair(scope.sessions.iter().copied())?,
            };
            let g = analysis::agreement(&scope, &a, &b, *unit)?;
            tables::agreement_report(&g, filter, t, decimal_comma)
        }
        ReportKind::Excerpts => {
            tables::excerpts_report(&analysis::excerpts(&scope), study, filter, t)
        }
    })
}

/// The chart of a table that has one (frequencies: the `top` codes; answers), else `None`.
pub fn build_chart(
    study: &Study,
    sessions: &[Session],
    filter: &Filter,
    kind: &ReportKind,
    top: usize,
    t: &Texts,
) -> Result<Option<Chart>, ReportError> {
    check_coders(sessions, filter)?;
    let scope = filter.scope(study, sessions);
    Ok(match kind {
        ReportKind::Frequencies { .. } => {
            let f = analysis::frequencies(&scope, None)?;
            Some(tables::frequencies_chart(&f, top, t))
        }
        ReportKind::Answers { question } => Some(tables::answers_chart(
            &chosen_answers(&scope, question.as_deref())?,
            t,
        )),
        _ => None,
    })
}

fn chosen_answers(
    scope: &analysis::Scope,
    question: Option<&str>,
) -> Result<Vec<analysis::QuestionAnswers>, ReportError> {
    let mut answers = analysis::answers(scope);
    if let Some(key) = question {
        if !answers.iter().any(|q| q.key == key) {
            let known: Vec<&str> = scope
                .study
                .grid
                .questions()
                .filter(|(_, q)| q.kind != ValueKind::Open)
                .map(|(_, q)| q.key.as_str())
                .collect();
            return Err(ReportError::UnknownQuestion {
                key: key.into(),
                known: known.join(", "),
            });
        }
        answers.retain(|q| q.key == key);
    }
    Ok(answers)
}

/// A coder filter naming nobody who coded is a typo, not an empty table.
fn check_coders(sessions: &[Session], filter: &Filter) -> Result<(), ReportError> {
    let Some(wanted) = &filter.coders else {
        return Ok(());
    };
    let known = analysis::filter::coders(sessions);
    match wanted.iter().find(|c| !known.contains(*c)) {
        Some(coder) => Err(ReportError::UnknownCoder {
            coder: coder.clone(),
            known: known.into_iter().collect::<Vec<_>>().join(", "),
        }),
        None => Ok(()),
    }
}

fn only_pair<'a>(
    sessions: impl IntoIterator<Item = &'a Session>,
) -> Result<(String, String), ReportError> {
    let pairs = analysis::coder_pairs(sessions);
    match pairs.as_slice() {
        [(a, b, _)] => Ok((a.clone(), b.clone())),
        _ => Err(ReportError::ChooseCoders {
            pairs: pairs
                .iter()
                .map(|(a, b, n)| format!("{a},{b} ({n})"))
                .collect::<Vec<_>>()
                .join(" ; "),
        }),
    }
}

impl super::Workspace {
    /// Writes a table of the whole study to a file in [`Workspace::exports_to`], named after the
    /// table and the day (`grille-frequencies-2021-09-14.xlsx`); returns its path.
    pub fn export_to_current_folder(
        &self,
        kind: &ReportKind,
        format: crate::interop::export::Format,
        t: &Texts,
    ) -> anyhow::Result<std::path::PathBuf> {
        use crate::interop::export::{Format, Options, write_report};
        let (sessions, _) = self.sessions()?;
        let report = build_report(&self.study, &sessions, &Filter::default(), kind, t, false)
            .map_err(|e| anyhow::anyhow!(e.message(t)))?;
        let name = match kind {
            ReportKind::Frequencies { .. } => "frequencies",
            ReportKind::Situations => "situations",
            ReportKind::Answers { .. } => "answers",
            ReportKind::Cooccurrence { .. } => "cooccurrence",
            ReportKind::CodeSessions => "code-sessions",
            ReportKind::Agreement { .. } => "agreement",
            ReportKind::Excerpts => "excerpts",
        };
        let ext = match format {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
        };
        let day = chrono::Local::now().format("%Y-%m-%d");
        let path = self.exports_to.join(format!("grille-{name}-{day}.{ext}"));
        // French spreadsheets: `;` and a BOM, so that accents and columns read right.
        let options = Options {
            bom: true,
            separator: b';',
            decimal_comma: true,
        };
        write_report(&report, format, &options, &path)?;
        Ok(path)
    }
}
