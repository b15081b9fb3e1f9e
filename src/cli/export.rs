//! `grille export WHAT`: a table of the study written as CSV, JSON, Markdown or xlsx, to a file
//! or stdout, and for frequencies, answers, situations and saturation a chart as SVG. CSV
//! follows the language (French: `;`, a byte order mark, decimal comma) and holds one table:
//! a report of several goes to a folder or a zip. Everything is built in memory first, then
//! each file is written atomically (mode 0600): a failure leaves no half export.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::args::{
    AgreementUnitArg, BaseArg, DecimalArg, ExportArgs, ExportWhat, MatrixArg, RefiExport,
    StatusArg, UnitArg,
};
use super::terminal::{out_bytes, say};
use super::{Env, Usage, show};
use crate::analysis::saturation::Params;
use crate::analysis::{AgreementUnit, Base, Coders, Filter, Unit};
use crate::i18n::Texts;
use crate::index::SearchError;
use crate::interop::export::{
    self, ChartOptions, DestinationError, ExportError, Format, Options, Special, Target,
    destination,
};
use crate::study::identity::{self, People};
use crate::study::{Status, Study};
use crate::workspace::Workspace;
use crate::workspace::reports::{
    Read, ReportKind, build_chart_read, build_curve, build_report_read, say_identities,
};

/// What was asked besides the shared arguments: the table, the chart file, bars in it.
struct Request {
    out: ExportArgs,
    kind: ReportKind,
    chart: Option<PathBuf>,
    top: usize,
}

/// Returns whether every session could be read (the export is made from the readable ones).
pub fn run(env: &Env, what: ExportWhat) -> Result<bool> {
    let t = env.texts();
    let Request {
        out,
        mut kind,
        chart,
        top,
    } = match request(what) {
        Ok(table) => table,
        Err(refi) => return super::refi::export(env, refi),
    };
    // `-o -` and `--chart -`: stdout, said explicitly.
    let output = out.dest.file().map(Path::to_path_buf);
    let chart_to_stdout = chart.as_deref() == Some(Path::new("-"));
    if chart_to_stdout && output.is_none() {
        return Err(Usage(t.cli.target_two_stdout.into()).into());
    }
    let format = if out.json {
        Format::Json
    } else {
        out.format
            .or_else(|| output.as_deref().and_then(Format::from_path))
            .unwrap_or(Format::Csv)
    };
    if !format.is_text() && output.is_none() {
        return Err(Usage(t.analysis.xlsx_needs_file.into()).into());
    }
    let chart_file = chart.as_deref().filter(|_| !chart_to_stdout);
    let dir = env.study()?;
    for path in output.iter().map(PathBuf::as_path).chain(chart_file) {
        if dir.paths().owns(path) {
            return Err(anyhow!((t.analysis.output_in_study)(&show(path))));
        }
    }
    // Checked before anything is computed: a wrong destination costs nothing. (The files of a
    // folder of tables are checked once their names are known, before the first is written.)
    let target = output
        .as_deref()
        .map(|p| Target::of(p, format))
        .unwrap_or(Target::File);
    let refused = |e: DestinationError| anyhow!(destination_message(t, &e));
    if let Some(path) = &output {
        match target {
            Target::Folder => destination::check_folder(path),
            Target::File | Target::Zip => destination::check_file(path, out.dest.force),
        }
        .map_err(refused)?;
    }
    if let Some(path) = chart_file {
        destination::check_file(path, out.dest.force).map_err(refused)?;
    }
    let ws = Workspace::open(dir, env.prefs.clone())?;
    // Answers, situations and frequencies are counted as the sessions are read, of which
    // light copies are kept: a study of any size is gone through in little memory. Not with a
    // query (its segments come from the index, opened once the sessions are read) nor with
    // coders named while identities are left out (their initials are known once every
    // session is read): then every session is held.
    let redacting = !out.dest.with_identities;
    let early = filter(&out, None);
    let named = matches!(early.coders, Coders::Named(_));
    let (sessions, code_counts, unreadable) =
        if kind.counted_as_read() && out.query.is_none() && !(named && redacting) {
            let frequencies = matches!(kind, ReportKind::Frequencies { .. });
            ws.read_for_tables(&early, frequencies, redacting)?
        } else {
            let (sessions, unreadable) = match kind.reads_text() {
                true => ws.sessions()?,
                false => ws.sessions_without_text()?,
            };
            (sessions, None, unreadable)
        };
    for u in &unreadable {
        say!("{}", (t.session_unreadable)(&u.said(t)));
    }
    if !unreadable.is_empty() {
        say!("{}", (t.analysis.unreadable_sessions)(unreadable.len()));
    }
    if let Some(key) = kind
        .by()
        .filter(|k| !out.dest.with_identities && identifying(&ws.study, k))
    {
        return Err(Usage((t.privacy.identifying_attribute)(key)).into());
    }
    // Every table and chart is built from this copy: what it lacks, no export can carry.
    // Redacted where they are: the study is not held twice.
    let (redacted, sessions) = match out.dest.with_identities {
        false => (
            Some(identity::redact_owned(&ws.study, sessions)),
            Vec::new(),
        ),
        true => (None, sessions),
    };
    let (study, sessions) = match &redacted {
        Some(r) => (&r.study, r.sessions.as_slice()),
        None => (&*ws.study, sessions.as_slice()),
    };
    let people = redacted.as_ref().map(|r| &r.people);
    if let (
        Some(people),
        ReportKind::Agreement {
            coders: Some((a, b)),
            ..
        },
    ) = (people, &mut kind)
    {
        (*a, *b) = (people.find(a), people.find(b));
    }
    let mut filter = filter(&out, people);
    if let Some(query) = &out.query {
        let index = super::index::open(env, &ws)?;
        match ws.matching_segments(&index, query) {
            Ok(segments) => {
                filter.segments = Some(segments);
                filter.query = Some(query.clone());
            }
            Err(SearchError::Query(e)) => {
                say!("grille: {}", e.message(t));
                say!("  {query}");
                say!("  {}", e.caret(query));
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let options = options(&out, env);
    let read = Read {
        study,
        sessions,
        code_counts: code_counts.as_ref(),
    };
    let mut report = build_report_read(&read, &filter, &kind, t, options.decimal_comma)
        .map_err(|e| anyhow!(e.message(t)))?;
    if out.dest.with_identities {
        say_identities(&mut report, t);
    }
    if let Some(name) = &out.table {
        let keys: Vec<String> = report.tables.iter().map(|t| t.key.clone()).collect();
        report.tables.retain(|t| &t.key == name);
        if report.tables.is_empty() {
            return Err(Usage((t.analysis.unknown_table)(name, &keys.join(", "))).into());
        }
    }
    let tables: Vec<String> = report.tables.iter().map(|t| t.key.clone()).collect();
    let several = format == Format::Csv && tables.len() > 1;
    if several && target == Target::File {
        return Err(Usage((t.analysis.several_tables)(&tables.join(", "))).into());
    }
    let shown = Shown {
        read,
        with_identities: out.dest.with_identities,
    };
    let svg = chart_svg(&shown, &filter, &kind, chart.is_some(), top, env)?;
    match &output {
        Some(path) => {
            let written =
                export::write_report(&report, format, &options, &target, path, out.dest.force)
                    .map_err(|e| match e {
                        ExportError::Destination(e) => refused(e),
                        other => other.into(),
                    })?;
            for file in written {
                say!("{}", (t.analysis.export_written)(&show(&file)));
            }
        }
        None => out_bytes(&export::render(&report, format, &options)?)?,
    }
    if let (Some(path), Some(svg)) = (&chart, svg) {
        if chart_to_stdout {
            out_bytes(svg.as_bytes())?;
        } else {
            destination::write_file(path, svg.as_bytes(), out.dest.force).map_err(refused)?;
            say!("{}", (t.analysis.chart_written)(&show(path)));
        }
    }
    Ok(unreadable.is_empty())
}

/// A destination refused, in one sentence: the path as given and what to do.
pub fn destination_message(t: &Texts, e: &DestinationError) -> String {
    let c = t.cli;
    match e {
        DestinationError::Exists { path } => (c.target_exists)(&show(path)),
        DestinationError::Folder { path } => (c.target_folder)(&show(path)),
        DestinationError::NotFolder { path } => (c.target_not_folder)(&show(path)),
        DestinationError::Special { path, kind } => match kind {
            Special::Device => (c.target_device)(&show(path)),
            Special::Pipe => (c.target_pipe)(&show(path)),
            Special::Socket => (c.target_socket)(&show(path)),
        },
        DestinationError::Dangling { path } => (c.target_dangling)(&show(path)),
        DestinationError::NoFolder { path, folder } => {
            (c.target_no_folder)(&show(path), &show(folder))
        }
        DestinationError::Write { path, source } => match source.kind() {
            // A file grown past its limit (`ulimit -f`) is told as a full disk, as the study's are.
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
                (c.target_disk_full)(&show(path))
            }
            ErrorKind::PermissionDenied => (c.target_denied)(&show(path)),
            ErrorKind::ReadOnlyFilesystem => (c.target_read_only)(&show(path)),
            _ => (c.target_failed)(&show(path), &source.to_string()),
        },
    }
}

/// What an export is built from: the study and sessions as shown (redacted unless
/// `--with-identities`).
struct Shown<'a> {
    read: Read<'a>,
    with_identities: bool,
}

/// Whether `key` names a respondent attribute the study marks identifying.
fn identifying(study: &Study, key: &str) -> bool {
    study
        .meta
        .respondent_attribute(key)
        .is_some_and(|a| a.is_identifying())
}

/// The chart of the export as SVG, when one was asked for and the table has one.
fn chart_svg(
    shown: &Shown,
    filter: &Filter,
    kind: &ReportKind,
    wanted: bool,
    top: usize,
    env: &Env,
) -> Result<Option<String>> {
    if !wanted {
        return Ok(None);
    }
    let t = env.texts();
    let options = ChartOptions {
        decimal_comma: env.lang == crate::i18n::Lang::Fr,
        ..ChartOptions::default()
    };
    let (study, sessions) = (shown.read.study, shown.read.sessions);
    let warn = |subtitle: &mut Option<String>| {
        if shown.with_identities {
            let warning = t.privacy.with_identities;
            *subtitle = Some(match subtitle.take() {
                Some(s) => format!("{warning} — {s}"),
                None => warning.to_owned(),
            });
        }
    };
    if let ReportKind::Saturation { params } = kind {
        let mut curve =
            build_curve(study, sessions, filter, *params, t).map_err(|e| anyhow!(e.message(t)))?;
        warn(&mut curve.subtitle);
        return Ok(Some(export::curve::render(&curve, &options)));
    }
    Ok(build_chart_read(&shown.read, filter, kind, top, t)
        .map_err(|e| anyhow!(e.message(t)))?
        .map(|mut c| {
            warn(&mut c.subtitle);
            export::svg::render(&c, &options)
        }))
}

/// CSV conventions: the language's, each overridden by its flag.
fn options(out: &ExportArgs, env: &Env) -> Options {
    let lang = Options::for_lang(env.lang);
    Options {
        bom: out.bom.unwrap_or(lang.bom),
        separator: out.sep.unwrap_or(lang.separator),
        decimal_comma: out
            .decimal
            .map_or(lang.decimal_comma, |d| d == DecimalArg::Comma),
        preamble: out
            .dest
            .with_identities
            .then(|| env.texts().privacy.with_identities.to_owned()),
    }
}

fn base(arg: BaseArg) -> Base {
    match arg {
        BaseArg::All => Base::All,
        BaseArg::Given => Base::Given,
        BaseArg::Known => Base::Known,
    }
}

/// The table asked for, or the REFI-QDA export asked for.
fn request(what: ExportWhat) -> Result<Request, RefiExport> {
    let plain = |out, kind| Request {
        out,
        kind,
        chart: None,
        top: 0,
    };
    Ok(match what {
        ExportWhat::Frequencies {
            out,
            by,
            chart,
            top,
        } => Request {
            out,
            kind: ReportKind::Frequencies { by },
            chart,
            top,
        },
        ExportWhat::Situations {
            out,
            by,
            base: b,
            chart,
        } => Request {
            out,
            kind: ReportKind::Situations { by, base: base(b) },
            chart,
            top: 0,
        },
        ExportWhat::Answers {
            out,
            question,
            by,
            base: b,
            chart,
        } => Request {
            out,
            kind: ReportKind::Answers {
                question,
                by,
                base: base(b),
            },
            chart,
            top: 0,
        },
        ExportWhat::Saturation {
            out,
            base_size,
            run_length,
            threshold,
            chart,
        } => Request {
            out,
            kind: ReportKind::Saturation {
                params: Params {
                    base: base_size,
                    run: run_length,
                    threshold,
                },
            },
            chart,
            top: 0,
        },
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
            plain(out, kind)
        }
        ExportWhat::Agreement { out, coders, unit } => {
            let unit = match unit {
                AgreementUnitArg::Segment => AgreementUnit::Segment,
                AgreementUnitArg::Char => AgreementUnit::Char,
            };
            plain(out, ReportKind::Agreement { coders, unit })
        }
        ExportWhat::Excerpts { out } => plain(out, ReportKind::Excerpts),
        ExportWhat::Coverage { out } => plain(out, ReportKind::Coverage),
        ExportWhat::Refi(refi) => return Err(refi),
    })
}

/// The sessions and codings asked for; coders named as the shown sessions know them (by
/// their initials unless `--with-identities`).
fn filter(out: &ExportArgs, people: Option<&People>) -> Filter {
    let names: BTreeSet<String> = out
        .coder
        .iter()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .map(|c| match people {
            Some(p) if !c.eq_ignore_ascii_case("all") => p.find(&c),
            _ => c,
        })
        .collect();
    Filter {
        coders: if names.is_empty() {
            Coders::Reference
        } else if names.iter().any(|n| n.eq_ignore_ascii_case("all")) {
            Coders::All
        } else {
            Coders::Named(names)
        },
        kind: out.kind.kind(),
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
