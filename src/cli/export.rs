//! `grille export WHAT`: a table of the study written as CSV, JSON, Markdown or xlsx, to a file
//! or stdout, and for frequencies and answers a chart as SVG. Everything is built in memory
//! first, then each file is written atomically (mode 0600): a failure leaves no half export.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::args::{
    AgreementUnitArg, DecimalArg, ExportArgs, ExportWhat, MatrixArg, StatusArg, UnitArg,
};
use super::{Env, Usage, show};
use crate::analysis::{AgreementUnit, Filter, Unit};
use crate::i18n::Lang;
use crate::index::SearchError;
use crate::interop::export::{self, ChartOptions, Format, Options};
use crate::store::fs;
use crate::study::Status;
use crate::workspace::Workspace;
use crate::workspace::reports::{ReportKind, build_chart, build_report};

/// Returns whether every session could be read (the export is made from the readable ones).
pub fn run(env: &Env, what: ExportWhat) -> Result<bool> {
    let t = env.texts();
    let (out, kind, chart, top) = request(what);
    let format = if out.json {
        Format::Json
    } else {
        out.format
            .or_else(|| out.output.as_deref().and_then(Format::from_path))
            .unwrap_or(Format::Csv)
    };
    if !format.is_text() && out.output.is_none() {
        return Err(Usage(t.analysis.xlsx_needs_file.into()).into());
    }
    let dir = env.study()?;
    for path in out.output.iter().chain(chart.iter()) {
        if dir.paths().owns(path) {
            return Err(anyhow!((t.analysis.output_in_study)(&show(path))));
        }
    }
    let ws = Workspace::open(dir, env.prefs.clone())?;
    let (sessions, unreadable) = ws.sessions()?;
    for u in &unreadable {
        eprintln!("{}", (t.session_unreadable)(&u.error));
    }
    if !unreadable.is_empty() {
        eprintln!("{}", (t.analysis.unreadable_sessions)(unreadable.len()));
    }
    let mut filter = filter(&out);
    if let Some(query) = &out.query {
        let index = super::index::open(env, &ws)?;
        match ws.matching_segments(&index, query) {
            Ok(segments) => {
                filter.segments = Some(segments);
                filter.query = Some(query.clone());
            }
            Err(SearchError::Query(e)) => {
                eprintln!("grille: {}", e.message(t));
                eprintln!("  {query}");
                eprintln!("  {}", e.caret(query));
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let french = env.lang == Lang::Fr;
    let options = Options {
        bom: out.bom,
        separator: out.sep,
        decimal_comma: match (out.decimal, format) {
            (Some(d), _) => d == DecimalArg::Comma,
            (None, Format::Csv) => out.sep == b';',
            (None, _) => french,
        },
    };
    let report = build_report(
        &ws.study,
        &sessions,
        &filter,
        &kind,
        t,
        options.decimal_comma,
    )
    .map_err(|e| anyhow!(e.message(t)))?;
    let bytes = export::render(&report, format, &options)?;
    let svg = match &chart {
        Some(_) => build_chart(&ws.study, &sessions, &filter, &kind, top, t)
            .map_err(|e| anyhow!(e.message(t)))?
            .map(|c| {
                let options = ChartOptions {
                    decimal_comma: french,
                    ..ChartOptions::default()
                };
                export::svg::render(&c, &options)
            }),
        None => None,
    };
    match &out.output {
        Some(path) => {
            fs::write_atomic(path, &bytes)?;
            eprintln!("{}", (t.analysis.export_written)(&show(path)));
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    if let (Some(path), Some(svg)) = (&chart, svg) {
        fs::write_atomic(path, svg.as_bytes())?;
        eprintln!("{}", (t.analysis.chart_written)(&show(path)));
    }
    Ok(unreadable.is_empty())
}

/// The shared arguments, the table asked for, and the chart file with its number of bars.
fn request(what: ExportWhat) -> (ExportArgs, ReportKind, Option<PathBuf>, usize) {
    match what {
        ExportWhat::Frequencies {
            out,
            by,
            chart,
            top,
        } => (out, ReportKind::Frequencies { by }, chart, top),
        ExportWhat::Situations { out } => (out, ReportKind::Situations, None, 0),
        ExportWhat::Answers {
            out,
            question,
            chart,
        } => (out, ReportKind::Answers { question }, chart, 0),
        ExportWhat::Cooccurrence { out, unit, matrix } => {
            let kind = match matrix {
                MatrixArg::Codes => ReportKind::Cooccurrence {
                    unit: match unit {
                        UnitArg::Segment => Unit::Segment,
                        UnitArg::Overlap => Unit::Overlap,
                    },
                },
                MatrixArg::Sessions => ReportKind::CodeSessions,
            };
            (out, kind, None, 0)
        }
        ExportWhat::Agreement { out, coders, unit } => {
            let unit = match unit {
                AgreementUnitArg::Segment => AgreementUnit::Segment,
                AgreementUnitArg::Char => AgreementUnit::Char,
            };
            (out, ReportKind::Agreement { coders, unit }, None, 0)
        }
        ExportWhat::Excerpts { out } => (out, ReportKind::Excerpts, None, 0),
    }
}

fn filter(out: &ExportArgs) -> Filter {
    Filter {
        coders: (!out.coder.is_empty()).then(|| {
            out.coder
                .iter()
                .map(|c| c.trim().to_owned())
                .collect::<BTreeSet<_>>()
        }),
        status: out.status.map(|s| match s {
            StatusArg::Done => Status::Done,
            StatusArg::InProgress => Status::InProgress,
        }),
        from: out.from,
        to: out.to,
        segments: None,
        query: None,
    }
}
