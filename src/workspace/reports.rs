//! The tables a user can ask for, built in one call from the study, its sessions and a filter:
//! what `grille export` and the statistics screen share.

use crate::analysis::chart::Chart;
use crate::analysis::frequencies::{CodeTree, SessionCodes};
use crate::analysis::split::UnknownAttribute;
use crate::analysis::table::Report;
use crate::analysis::tables::Counted;
use crate::analysis::{
    self, AgreementUnit, Base, CodeCounts, Filter, FrequencyError, Unit, tables,
};
use crate::i18n::Texts;
use crate::study::{Session, Study, ValueKind};

/// Which table.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportKind {
    /// Code frequencies, optionally broken down by a respondent attribute.
    Frequencies {
        by: Option<String>,
    },
    /// Persons per situation attribute (a cross-table with `by`, percentages over `base`).
    Situations {
        by: Option<String>,
        base: Base,
    },
    /// Closed questions; `question` keeps one (by key); a cross-table with `by`, percentages
    /// over `base`.
    Answers {
        question: Option<String>,
        by: Option<String>,
        base: Base,
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
    /// Which questions the recordings' transcripts cover, and for how long.
    Coverage,
    /// New codes per interview in date order, and the verdict of Guest, Namey & Chen.
    Saturation {
        params: analysis::saturation::Params,
    },
}

impl ReportKind {
    /// Whether the table (and its chart) reads the text of the segments: answers and
    /// situations count without it.
    pub fn reads_text(&self) -> bool {
        !matches!(
            self,
            ReportKind::Answers { .. } | ReportKind::Situations { .. }
        )
    }

    /// Whether the table can be counted from sessions read one by one
    /// ([`Workspace::read_for_tables`](super::Workspace::read_for_tables)).
    pub fn counted_as_read(&self) -> bool {
        matches!(
            self,
            ReportKind::Frequencies { .. }
                | ReportKind::Answers { .. }
                | ReportKind::Situations { .. }
        )
    }

    /// The respondent attribute the table is broken down by (`--by`), if any.
    pub fn by(&self) -> Option<&str> {
        match self {
            ReportKind::Frequencies { by }
            | ReportKind::Situations { by, .. }
            | ReportKind::Answers { by, .. } => by.as_deref(),
            _ => None,
        }
    }
}

/// Marks a report built with identities: every table's first note says so (Markdown, xlsx
/// and JSON show notes; CSV says it in its first line, see `Options::preamble`).
pub fn say_identities(report: &mut Report, t: &Texts) {
    for table in &mut report.tables {
        table.notes.insert(0, t.privacy.with_identities.to_owned());
    }
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
    /// A breakdown by an attribute the study marks identifying, asked without identities.
    #[error("\"{key}\" is an identifying attribute")]
    IdentifyingAttribute { key: String },
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
            ReportError::IdentifyingAttribute { key } => (t.privacy.identifying_attribute)(key),
            other => other.to_string(),
        }
    }
}

impl From<UnknownAttribute> for ReportError {
    fn from(e: UnknownAttribute) -> Self {
        ReportError::UnknownAttribute {
            key: e.key,
            known: e.known,
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
    let read = Read {
        study,
        sessions,
        code_counts: None,
    };
    build_report_read(&read, filter, kind, t, decimal_comma)
}

/// The sessions a table is built from, and, when they were read for the tables
/// ([`Workspace::read_for_tables`](super::Workspace::read_for_tables)), what each adds to the
/// code frequencies (the sessions are then light copies, without their text).
pub struct Read<'a> {
    pub study: &'a Study,
    pub sessions: &'a [Session],
    pub code_counts: Option<&'a CodeCounts>,
}

impl<'a> Read<'a> {
    fn scope(&self, filter: &'a Filter) -> analysis::Scope<'a> {
        filter
            .scope(self.study, self.sessions)
            .with_code_counts(self.code_counts)
    }
}

/// [`build_report`] from sessions as [`Read`].
pub fn build_report_read(
    read: &Read,
    filter: &Filter,
    kind: &ReportKind,
    t: &Texts,
    decimal_comma: bool,
) -> Result<Report, ReportError> {
    let (study, sessions) = (read.study, read.sessions);
    check_coders(sessions, filter)?;
    let scope = read.scope(filter);
    let counted = Counted::of(&scope, t);
    Ok(match kind {
        ReportKind::Frequencies { by } => {
            let f = analysis::frequencies(&scope, by.as_deref())?;
            tables::frequencies_report(&f, &counted, t)
        }
        ReportKind::Situations { by, base } => {
            let s = analysis::situations_by(&scope, by.as_deref())?;
            tables::situations_report(&s, &study.meta, &counted, *base, t)
        }
        ReportKind::Answers { question, by, base } => {
            let mut answers = analysis::answers_by(&scope, by.as_deref())?;
            if let Some(key) = question {
                let i = chosen_question(&scope, &answers.questions, key)?;
                answers.questions = vec![answers.questions.swap_remove(i)];
                for column in &mut answers.columns {
                    *column = vec![column.swap_remove(i)];
                }
            }
            tables::answers_report(&answers, &counted, *base, t)
        }
        ReportKind::Cooccurrence { unit } => {
            tables::code_matrix_report(&analysis::code_matrix(&scope, *unit), &counted, t)
        }
        ReportKind::CodeSessions => {
            tables::session_matrix_report(&analysis::session_matrix(&scope), &counted, t)
        }
        ReportKind::Agreement { coders, unit } => {
            let (a, b) = match coders {
                Some(pair) => pair.clone(),
                None => only_pair(scope.sessions.iter().copied())?,
            };
            let g = analysis::agreement(&scope, &a, &b, *unit)?;
            tables::agreement_report(&g, &counted, t, decimal_comma)
        }
        ReportKind::Excerpts => {
            tables::excerpts_report(&analysis::excerpts(&scope), study, &counted, t)
        }
        ReportKind::Coverage => {
            tables::coverage_report(&analysis::coverage::coverage(&scope), study, &counted, t)
        }
        ReportKind::Saturation { params } => tables::saturation_report(
            &analysis::saturation::saturation(&scope, *params),
            &study.codebook,
            &counted,
            t,
            decimal_comma,
        ),
    })
}

/// The saturation curve (distinct codes so far, new codes per interview).
pub fn build_curve(
    study: &Study,
    sessions: &[Session],
    filter: &Filter,
    params: analysis::saturation::Params,
    t: &Texts,
) -> Result<crate::analysis::chart::Curve, ReportError> {
    check_coders(sessions, filter)?;
    let scope = filter.scope(study, sessions);
    let s = analysis::saturation::saturation(&scope, params);
    Ok(tables::saturation_curve(&s, t))
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
    let read = Read {
        study,
        sessions,
        code_counts: None,
    };
    build_chart_read(&read, filter, kind, top, t)
}

/// [`build_chart`] from sessions as [`Read`].
pub fn build_chart_read(
    read: &Read,
    filter: &Filter,
    kind: &ReportKind,
    top: usize,
    t: &Texts,
) -> Result<Option<Chart>, ReportError> {
    let study = read.study;
    check_coders(read.sessions, filter)?;
    let scope = read.scope(filter);
    Ok(match kind {
        ReportKind::Frequencies { .. } => {
            let f = analysis::frequencies(&scope, None)?;
            Some(tables::frequencies_chart(&f, top, t))
        }
        ReportKind::Answers { question, .. } => {
            let mut answers = analysis::answers(&scope);
            if let Some(key) = question {
                let i = chosen_question(&scope, &answers, key)?;
                answers = vec![answers.swap_remove(i)];
            }
            Some(tables::answers_chart(&answers, t))
        }
        ReportKind::Situations { .. } => Some(tables::situations_chart(
            &analysis::situations(&scope),
            &study.meta,
            t,
        )),
        _ => None,
    })
}

/// The position of the closed question `key` among the answers, or an error listing them.
fn chosen_question(
    scope: &analysis::Scope,
    answers: &[analysis::QuestionAnswers],
    key: &str,
) -> Result<usize, ReportError> {
    answers
        .iter()
        .position(|q| q.key == key)
        .ok_or_else(|| ReportError::UnknownQuestion {
            key: key.into(),
            known: scope
                .study
                .grid
                .questions()
                .filter(|(_, q)| q.kind != ValueKind::Open)
                .map(|(_, q)| q.key.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// A coder filter naming nobody who coded is a typo, not an empty table.
fn check_coders(sessions: &[Session], filter: &Filter) -> Result<(), ReportError> {
    let analysis::Coders::Named(wanted) = &filter.coders else {
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
    /// Writes a table of the whole study as a new file in [`Workspace::exports_to`], named
    /// after the table and the day (`grille-frequencies-2021-09-14.xlsx`; a CSV of several
    /// tables becomes a folder of one file each), in the language's spreadsheet conventions.
    /// A second export that day gets `…-2.xlsx`: nothing is replaced. Returns its path and
    /// whether the first name was taken.
    pub fn export_to_current_folder(
        &self,
        kind: &ReportKind,
        format: crate::interop::export::Format,
        lang: crate::i18n::Lang,
    ) -> anyhow::Result<(std::path::PathBuf, bool)> {
        use crate::interop::export::{Format, Options, Target, write_report_new};
        let t = lang.texts();
        let (sessions, _) = self.sessions()?;
        let options = Options::for_lang(lang);
        // The screen has no way to ask for identities: its exports never carry them.
        let shown = crate::study::identity::redact_owned(&self.study, sessions);
        let report = build_report(
            &shown.study,
            &shown.sessions,
            &Filter::default(),
            kind,
            t,
            options.decimal_comma,
        )
        .map_err(|e| anyhow::anyhow!(e.message(t)))?;
        let name = match kind {
            ReportKind::Frequencies { .. } => "frequencies",
            ReportKind::Situations { .. } => "situations",
            ReportKind::Answers { .. } => "answers",
            ReportKind::Cooccurrence { .. } => "cooccurrence",
            ReportKind::CodeSessions => "code-sessions",
            ReportKind::Agreement { .. } => "agreement",
            ReportKind::Excerpts => "excerpts",
            ReportKind::Coverage => "coverage",
            ReportKind::Saturation { .. } => "saturation",
        };
        let ext = match format {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
        };
        let day = chrono::Local::now().format("%Y-%m-%d");
        let several = format == Format::Csv && report.tables.len() > 1;
        // One CSV per table, in a folder named like the file would be.
        let (target, ext) = if several {
            (Target::Folder, None)
        } else {
            (Target::File, Some(ext))
        };
        let stem = format!("grille-{name}-{day}");
        Ok(write_report_new(
            &report,
            format,
            &options,
            &target,
            &self.exports_to,
            &stem,
            ext,
        )?)
    }
}

impl super::Workspace {
    /// Every sound session read for the tables of answers, situations and code frequencies
    /// under `filter`, in the order of [`Workspace::sessions`](super::Workspace::sessions): a
    /// light copy of each ([`analysis::light`]) and, with `frequencies`, what each adds to the
    /// code frequencies, counted on the reading threads as it was read: no transcript is held,
    /// whatever the size of the study. The sessions with a problem come back whole, as from
    /// `sessions`.
    ///
    /// `redacting`: the tables will give people as initials ([`identity::redact`]), under
    /// which two names that differ only by spaces around them are one person; the codings
    /// are counted so here too.
    ///
    /// [`identity::redact`]: crate::study::identity::redact
    pub fn read_for_tables(
        &self,
        filter: &Filter,
        frequencies: bool,
        redacting: bool,
    ) -> anyhow::Result<(Vec<Session>, Option<CodeCounts>, Vec<super::Unreadable>)> {
        let codes = CodeTree::of(&self.study.codebook);
        let (read, unreadable) = self.read_all(|mut s| {
            if redacting {
                trim_coders(&mut s);
            }
            let counts = frequencies.then(|| SessionCodes::of(&codes, filter.codings(&s), &s));
            (analysis::light::for_tables(s, filter), counts)
        })?;
        let mut counts = frequencies.then(CodeCounts::new);
        let mut sessions = Vec::with_capacity(read.len());
        for (session, part) in read {
            if let (Some(counts), Some(part)) = (&mut counts, part) {
                counts.insert(session.id, part);
            }
            sessions.push(session);
        }
        sessions.sort_by_key(|s| (s.date(), s.respondent.pseudonym.clone()));
        Ok((sessions, counts, unreadable))
    }
}

/// Coders' names without spaces around them, as initials make them (`redact` gives one person
/// one alias, from the trimmed name).
fn trim_coders(s: &mut Session) {
    for c in &mut s.codings {
        if c.coder.trim().len() != c.coder.len() {
            c.coder = c.coder.trim().to_owned();
        }
    }
    if let Some(r) = &mut s.reference_coder {
        *r = r.trim().to_owned();
    }
}
