//! Why a REFI-QDA file is refused or cannot be written. Each error names the file (and the
//! entry of the archive or the line of the XML); nothing was written when one is returned.

use std::io;
use std::path::PathBuf;

use super::xml::XmlError;
use crate::i18n::Texts;
use crate::i18n::refi::RefiTexts;
use crate::interop::import::encoding::{NotUtf8, common_name};
use crate::store::StoreError;
use crate::study::Problem;

#[derive(Debug, thiserror::Error)]
pub enum RefiError {
    #[error("{}: {source}", file.display())]
    Read { file: PathBuf, source: io::Error },

    #[error("{}: not a REFI-QDA file grille reads (.qdc codebook or .qdpx project)", file.display())]
    Unsupported { file: PathBuf },

    #[error("{}: not a readable zip archive ({message})", file.display())]
    NotZip { file: PathBuf, message: String },

    #[error("{}: the archive holds an entry named \"{entry}\" that points outside it; refused", file.display())]
    UnsafeEntry { file: PathBuf, entry: String },

    #[error("{}: the archive holds more than {limit} entries; refused", file.display())]
    TooManyEntries { file: PathBuf, limit: usize },

    #[error("{}: \"{entry}\" unpacks to more than {limit} bytes (a zip bomb?); refused", file.display())]
    TooLarge {
        file: PathBuf,
        entry: String,
        limit: u64,
    },

    #[error("{}: no project.qde in the archive", file.display())]
    NoProject { file: PathBuf },

    #[error("{}: {entry}: {error}", file.display())]
    Xml {
        file: PathBuf,
        entry: String,
        error: XmlError,
    },

    #[error("{}: {entry}: not UTF-8 text (byte {}, line {}, column {})", file.display(),
        detail.offset, detail.line, detail.column)]
    NotUtf8 {
        file: PathBuf,
        entry: String,
        detail: NotUtf8,
    },

    #[error("{}: the root element is <{root}>, not a QDA-XML <Project> or <CodeBook>", file.display())]
    NotRefi { file: PathBuf, root: String },

    #[error("{}: a .qdc holds a codebook, but this file is a whole project: name it .qdpx or .qde", file.display())]
    ProjectInCodebook { file: PathBuf },

    /// The import would break the study's rules (a bug, or a damaged `grille.json`).
    #[error("{}: the imported study would not be valid: {}", file.display(), list(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },

    #[error("{}: the archive could not be written: {message}", file.display())]
    Write { file: PathBuf, message: String },

    #[error(transparent)]
    Store(#[from] StoreError),
}

fn list(problems: &[Problem]) -> String {
    let shown: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
    let more = problems.len().saturating_sub(5);
    let mut s = shown.join("; ");
    if more > 0 {
        s.push_str(&format!(" (and {more} more)"));
    }
    s
}

impl RefiError {
    /// The error in the interface's language (the study folder's errors too).
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.refi;
        let show = |f: &std::path::Path| f.display().to_string();
        match self {
            RefiError::Read { file, source } => (t.unreadable)(&show(file), &source.to_string()),
            RefiError::Unsupported { file } => (t.unsupported)(&show(file)),
            RefiError::NotZip { file, message } => (t.not_zip)(&show(file), message),
            RefiError::UnsafeEntry { file, entry } => (t.unsafe_entry)(&show(file), entry),
            RefiError::TooManyEntries { file, limit } => (t.too_many_entries)(&show(file), *limit),
            RefiError::TooLarge { file, entry, limit } => {
                (t.too_large)(&show(file), entry, limit.div_ceil(1 << 20))
            }
            RefiError::NoProject { file } => (t.no_project)(&show(file)),
            RefiError::Xml { file, entry, error } => {
                let (line, what) = xml_message(error, t);
                (t.xml)(&document(file, entry, t), line, &what)
            }
            RefiError::NotUtf8 {
                file,
                entry,
                detail,
            } => (t.not_utf8)(&document(file, entry, t), &not_utf8_at(detail, t)),
            RefiError::NotRefi { file, root } => (t.not_refi)(&show(file), root),
            RefiError::ProjectInCodebook { file } => (t.project_in_codebook)(&show(file)),
            RefiError::Invalid { file, problems } => (t.invalid)(&show(file), &list(problems)),
            RefiError::Write { file, message } => (t.write_failed)(&show(file), message),
            RefiError::Store(e) => (t.store_failed)(&e.message(texts)),
        }
    }
}

/// A document named in a message: the file itself (a `.qdc`, a bare `.qde`), or an entry of
/// the archive.
fn document(file: &std::path::Path, entry: &str, t: &RefiTexts) -> String {
    let shown = file.display().to_string();
    match file.file_name().and_then(|n| n.to_str()) {
        Some(name) if name == entry => shown,
        _ => (t.in_archive)(&shown, entry),
    }
}

/// Where a text stops being UTF-8, and what it looks like, in the interface's language.
pub fn not_utf8_at(detail: &NotUtf8, t: &RefiTexts) -> String {
    let mut at = (t.not_utf8_at)(detail.offset, detail.line, detail.column);
    if let Some(encoding) = detail.guess {
        let named = match common_name(encoding) {
            Some(common) => format!("{encoding}, {common}"),
            None => encoding.to_owned(),
        };
        at.push_str(&(t.looks_like)(&named));
    }
    at
}

fn xml_message(error: &XmlError, t: &RefiTexts) -> (usize, String) {
    use super::xml::dom::{MAX_ATTRIBUTE_BYTES, MAX_DEPTH, MAX_TEXT_BYTES};
    let mb = |bytes: usize| bytes.div_ceil(1 << 20);
    match error {
        XmlError::Malformed { line, message } => (*line, (t.xml_malformed)(message)),
        XmlError::Doctype { line } => (*line, t.xml_doctype.to_owned()),
        XmlError::Entity { line, name } => (*line, (t.xml_entity)(name)),
        XmlError::TooDeep { line } => (*line, (t.xml_too_deep)(MAX_DEPTH)),
        XmlError::HugeAttribute { line, name } => {
            (*line, (t.xml_huge_attribute)(name, mb(MAX_ATTRIBUTE_BYTES)))
        }
        XmlError::HugeText { line, element } => {
            (*line, (t.xml_huge_text)(element, mb(MAX_TEXT_BYTES)))
        }
        XmlError::Empty => (1, t.xml_empty.to_owned()),
    }
}
