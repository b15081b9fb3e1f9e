//! `grille report [-o FILE.html|.docx|.odt|.md] [--by ATTR] [--kind K]`: the diagnostic's
//! report drafted from the study, through the study's template (`report-template.md`) or the
//! built-in one. Checked before anything is computed, built in memory, then written
//! atomically (mode 0600) with, for Markdown, its charts in a folder beside it.

use std::path::Path;

use anyhow::{Result, anyhow};

use super::args::KindArg;
use super::export::destination_message;
use super::terminal::{out_bytes, out_text, say};
use super::{Env, Usage, show};
use crate::interop::export::destination;
use crate::interop::report::{self, ReportFormat, markdown};
use crate::study::identity::Disclosure;
use crate::workspace::Workspace;
use crate::workspace::draft::DraftOptions;

pub struct ReportArgs {
    pub output: Option<std::path::PathBuf>,
    pub force: bool,
    pub by: Option<String>,
    pub kind: KindArg,
    pub template: bool,
    pub disclosure: Disclosure,
}

pub fn run(env: &Env, args: ReportArgs) -> Result<bool> {
    let t = env.texts();
    let r = t.report;
    if args.template {
        out_text(markdown::BUILT_IN)?;
        return Ok(true);
    }
    let output = args
        .output
        .as_deref()
        .filter(|p| *p != Path::new("-"))
        .map(Path::to_path_buf);
    let format = match &output {
        None => ReportFormat::Markdown,
        Some(path) => {
            ReportFormat::from_path(path).ok_or_else(|| Usage((r.unknown_format)(&show(path))))?
        }
    };
    let dir = env.study()?;
    if let Some(path) = &output {
        if dir.paths().owns(path) {
            return Err(anyhow!((t.analysis.output_in_study)(&show(path))));
        }
        destination::check_file(path, args.force)
            .map_err(|e| anyhow!(destination_message(t, &e)))?;
    }
    let ws = Workspace::open(dir, env.prefs.clone())?;
    let (sessions, unreadable) = ws.sessions()?;
    for u in &unreadable {
        say!("{}", (t.session_unreadable)(&u.said(t)));
    }
    let options = DraftOptions {
        by: args.by.clone(),
        kind: args.kind.kind(),
        lang: env.lang,
        date: chrono::Local::now().format("%Y-%m-%d").to_string(),
        disclosure: args.disclosure,
    };
    let charts_dir = output.as_deref().map(report::charts_dir);
    let charts_name = charts_dir
        .as_deref()
        .and_then(|d| d.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let rendered = ws.render_report(&sessions, &options, format, charts_name.as_deref())?;
    match &output {
        None => out_bytes(&rendered.document)?,
        Some(path) => {
            let written = report::write(path, &rendered, args.force).map_err(|e| match e {
                crate::interop::export::ExportError::Destination(e) => {
                    anyhow!(destination_message(t, &e))
                }
                other => other.into(),
            })?;
            say!("{}", (r.written)(&show(path)));
            if let Some(folder) = written {
                say!(
                    "{}",
                    (r.charts_written)(rendered.charts.len(), &show(&folder))
                );
            }
        }
    }
    if args.disclosure == Disclosure::WithIdentities {
        say!("{}", t.privacy.with_identities);
    }
    Ok(unreadable.is_empty())
}
