//! `grille report`: the diagnostic's report drafted from the study. A [`Draft`] (figures as
//! the exports write them, charts as SVG, quotes) goes through a template into Markdown; HTML,
//! DOCX and ODT are made from that Markdown, so one template (the study's own when it has
//! one) lays out every format. Rendering is pure: bytes in memory, written by the caller.

mod blocks;
mod docx;
pub mod draft;
mod html;
pub mod markdown;
mod odt;
mod picture;

use std::path::Path;

pub use draft::{Draft, TableView};

/// How a template places a chart: `![title](chart:ID)`.
pub const CHART: &str = "chart:";

/// The file in a study folder that replaces the built-in template.
pub const TEMPLATE_FILE: &str = "report-template.md";
/// The file in a study folder that replaces the HTML report's stylesheet.
pub const STYLE_FILE: &str = "report.css";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Docx,
    Odt,
    Markdown,
}

impl ReportFormat {
    /// The format a file name asks for.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "docx" => Some(ReportFormat::Docx),
            "odt" => Some(ReportFormat::Odt),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
            ReportFormat::Odt => "odt",
            ReportFormat::Markdown => "md",
        }
    }
}

/// What the study says about the layout: its template and stylesheet, when it has them.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub template: Option<String>,
    pub style: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The template does not parse or fails on the draft: where and why.
    #[error("template: {0}")]
    Template(String),
    #[error("{0}")]
    Document(String),
}

/// A rendered report: the document, and for Markdown written to a file the charts it links
/// to (file names inside the charts folder, SVG bytes).
pub struct Rendered {
    pub document: Vec<u8>,
    pub charts: Vec<(String, Vec<u8>)>,
}

/// The draft's Markdown through the layout's template.
pub fn markdown_text(draft: &Draft, layout: &Layout) -> Result<String, RenderError> {
    let template = layout.template.as_deref().unwrap_or(markdown::BUILT_IN);
    markdown::render(draft, template).map_err(RenderError::Template)
}

/// The report in a format. `charts_dir` is, for Markdown written to a file, the folder (as
/// the file links to it) the charts go to; without it a Markdown report holds its charts as
/// data URIs.
pub fn render(
    draft: &Draft,
    format: ReportFormat,
    layout: &Layout,
    charts_dir: Option<&str>,
) -> Result<Rendered, RenderError> {
    let text = markdown_text(draft, layout)?;
    let document = match format {
        ReportFormat::Markdown => {
            let (text, charts) = link_charts(&text, draft, charts_dir);
            return Ok(Rendered {
                document: text.into_bytes(),
                charts,
            });
        }
        ReportFormat::Html => html::render(
            &text,
            &draft.title,
            draft.lang,
            &draft.charts,
            layout.style.as_deref().unwrap_or(html::STYLE),
        )
        .into_bytes(),
        ReportFormat::Docx => {
            docx::render(&blocks::parse(&text), &draft.charts).map_err(RenderError::Document)?
        }
        ReportFormat::Odt => {
            odt::render(&blocks::parse(&text), &draft.charts).map_err(RenderError::Document)?
        }
    };
    Ok(Rendered {
        document,
        charts: Vec::new(),
    })
}

/// The folder a Markdown report's charts go to: `rapport-charts/` beside `rapport.md`.
pub fn charts_dir(file: &Path) -> std::path::PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!("{stem}-charts"))
}

/// Writes a rendered report to `path` (atomically, mode 0600) and its charts, if any, into
/// [`charts_dir`]; returns that folder when charts were written. Every destination is checked
/// before the first byte is written.
pub fn write(
    path: &Path,
    rendered: &Rendered,
    replace: bool,
) -> Result<Option<std::path::PathBuf>, crate::interop::export::ExportError> {
    use crate::interop::export::destination;
    destination::check_file(path, replace)?;
    let folder = charts_dir(path);
    if !rendered.charts.is_empty() {
        if folder.is_dir() {
            for (name, _) in &rendered.charts {
                destination::check_file(&folder.join(name), true)?;
            }
        } else {
            destination::check_folder(&folder)?;
            crate::store::fs::create_private_dir(&folder)?;
        }
        for (name, bytes) in &rendered.charts {
            destination::write_file(&folder.join(name), bytes, true)?;
        }
    }
    destination::write_file(path, &rendered.document, replace)?;
    Ok((!rendered.charts.is_empty()).then_some(folder))
}

/// Writes a rendered report as a new file in `dir`: `STEM.EXT`, or `STEM-2.EXT`, `STEM-3.EXT`…
/// when the name is taken (by anything: a file, a link, a folder); nothing is replaced.
/// Returns the path and whether the first name was taken. A report with charts in a folder
/// (Markdown) is not written here: the folder would need a free name too.
pub fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    rendered: &Rendered,
) -> Result<(std::path::PathBuf, bool), crate::interop::export::ExportError> {
    use crate::interop::export::{DestinationError, ExportError};
    debug_assert!(rendered.charts.is_empty());
    for n in 1.. {
        let name = match n {
            1 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        match write(&path, rendered, false) {
            Ok(_) => return Ok((path, n > 1)),
            // Made between the look and here: the next name.
            Err(ExportError::Destination(DestinationError::Exists { .. })) => {}
            Err(e) => return Err(e),
        }
    }
    unreachable!("a free name is found")
}

/// Markdown with its `chart:ID` links made real: files in `dir`, or data URIs.
fn link_charts(text: &str, draft: &Draft, dir: Option<&str>) -> (String, Vec<(String, Vec<u8>)>) {
    let mut text = text.to_owned();
    let mut files = Vec::new();
    for (id, svg) in &draft.charts {
        let from = format!("]({CHART}{id})");
        if !text.contains(&from) {
            continue;
        }
        let to = match dir {
            Some(dir) => {
                files.push((format!("{id}.svg"), svg.as_bytes().to_vec()));
                format!("]({dir}/{id}.svg)")
            }
            None => format!("](data:image/svg+xml,{})", percent_encode(svg)),
        };
        text = text.replace(&from, &to);
    }
    (text, files)
}

/// Everything but unreserved ASCII percent-encoded, as a data URI needs.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
