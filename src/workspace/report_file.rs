//! The report as a file: the study's layout read (its template and stylesheet, when it has
//! them), the draft rendered in a format, and written where the command line or the screen
//! says. Both front ends go through here, so both follow the same template and leave out the
//! same identities.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::Workspace;
use super::draft::{DraftOptions, draft};
use crate::i18n::Lang;
use crate::interop::report::{self, Layout, RenderError, Rendered, ReportFormat};
use crate::store::paths::{REPORT_STYLE, REPORT_TEMPLATE};
use crate::study::Session;
use crate::study::identity::Disclosure;

impl Workspace {
    /// The study's template and stylesheet, when it has them; a file that is not UTF-8 is an
    /// error that names it (it is never used half-read).
    pub fn report_layout(&self, lang: Lang) -> Result<Layout> {
        let r = lang.texts().report;
        let [template, style] = self.dir.report_layout()?;
        let text = |bytes: Option<Vec<u8>>, name: &str| -> Result<Option<String>> {
            bytes
                .map(|b| {
                    String::from_utf8(b).map_err(|_| {
                        anyhow!((r.template_not_utf8)(&show(&self.dir.root().join(name))))
                    })
                })
                .transpose()
        };
        Ok(Layout {
            template: text(template, REPORT_TEMPLATE)?,
            style: text(style, REPORT_STYLE)?,
        })
    }

    /// The report of `sessions` in `format`, laid out by the study's template. `charts_dir`:
    /// for Markdown written to a file, the folder its charts go to (as the file names it).
    pub fn render_report(
        &self,
        sessions: &[Session],
        options: &DraftOptions,
        format: ReportFormat,
        charts_dir: Option<&str>,
    ) -> Result<Rendered> {
        let t = options.lang.texts();
        let layout = self.report_layout(options.lang)?;
        let draft = draft(&self.study, sessions, options).map_err(|e| anyhow!(e.message(t)))?;
        report::render(&draft, format, &layout, charts_dir).map_err(|e| match e {
            RenderError::Template(why) => {
                let file = self.dir.root().join(REPORT_TEMPLATE);
                anyhow!((t.report.template_error)(&show(&file), &why))
            }
            other => anyhow!(other),
        })
    }

    /// The screen's report: the whole study as HTML, without identities, written as a new
    /// file in [`Workspace::exports_to`] (`grille-rapport-2021-09-14.html`, then `…-2.html`:
    /// nothing is replaced). Returns its path and whether the first name was taken.
    pub fn report_to_current_folder(&self, lang: Lang) -> Result<(PathBuf, bool)> {
        let (sessions, _) = self.sessions()?;
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let options = DraftOptions {
            by: None,
            kind: None,
            lang,
            date: today.clone(),
            disclosure: Disclosure::Pseudonymous,
        };
        let format = ReportFormat::Html;
        let rendered = self.render_report(&sessions, &options, format, None)?;
        let stem = format!("grille-{}-{today}", lang.texts().report.file_stem);
        Ok(report::write_new(
            &self.exports_to,
            &stem,
            format.extension(),
            &rendered,
        )?)
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}
