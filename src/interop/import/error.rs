//! What can stop an import, each naming the file and the place. Displayed in English (logs,
//! tests); [`ImportError::message`] gives the words of the interface's language.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::defect::Defect;
use super::encoding::{NotUtf8, common_name, iconv_name};
use super::sniff::NotText;
use crate::i18n::Texts;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {source}", file.display())]
    Read { file: PathBuf, source: io::Error },

    #[error("{}: not UTF-8 (byte {}, line {}, column {}){}", file.display(), detail.offset,
        detail.line, detail.column,
        detail.guess.map(|g| format!("; looks like {g}")).unwrap_or_default())]
    NotUtf8 { file: PathBuf, detail: NotUtf8 },

    #[error("{}: not a text transcript ({kind:?})", file.display())]
    NotText { file: PathBuf, kind: NotText },

    #[error("{}: the file is empty", file.display())]
    Empty { file: PathBuf },

    #[error("{}: no text to import", file.display())]
    NoText { file: PathBuf },

    #[error("{}: not a transcript format grille reads", file.display())]
    Unsupported { file: PathBuf },

    #[error("{}: {}{defect}", file.display(), line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Malformed {
        file: PathBuf,
        /// The line (from 1) where the trouble is, when the format has lines.
        line: Option<usize>,
        defect: Defect,
    },

    #[error("{}: --interviewer-label \"{label}\": no such speaker (found: {found})", file.display())]
    UnknownInterviewerLabel {
        file: PathBuf,
        label: String,
        found: String,
    },

    #[error("{}: given twice", file.display())]
    Twice { file: PathBuf },

    #[error("\"{label}\": no speaker of that name in the files (found: {found})")]
    UnknownSpeaker { label: String, found: String },

    #[error("--respondent names one respondent: import one file with it")]
    RespondentForMany,

    #[error("attribute \"{key}\" is not declared in study.json (known: {known})")]
    UnknownAttribute { key: String, known: String },

    #[error("attribute \"{key}\": {message}")]
    BadAttribute { key: String, message: String },

    #[error("\"{given}\" is not of the form key=value")]
    AttributeSyntax { given: String },

    #[error("no question \"{key}\" in the grid")]
    UnknownQuestion { key: String },

    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Every problem found in a batch; nothing was written.
#[derive(Debug)]
pub struct ImportErrors(pub Vec<ImportError>);

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ImportErrors {}

impl From<ImportError> for ImportErrors {
    fn from(e: ImportError) -> Self {
        ImportErrors(vec![e])
    }
}

fn show(file: &Path) -> String {
    file.display().to_string()
}

impl ImportError {
    /// The message in the interface's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ImportError::Read { file, source } => {
                (t.import_unreadable)(&show(file), &source.to_string())
            }
            ImportError::NotUtf8 { file, detail } => {
                let mut message =
                    (t.import_not_utf8)(&show(file), detail.offset, detail.line, detail.column);
                message.push_str(&match detail.guess {
                    Some(encoding) => {
                        let named = match common_name(encoding) {
                            Some(common) => format!("{encoding} ({common})"),
                            None => encoding.to_owned(),
                        };
                        (t.import_looks_like)(&named, &iconv_command(file, encoding))
                    }
                    None => t.import_unknown_encoding.to_owned(),
                });
                message
            }
            ImportError::NotText { file, kind } => {
                (t.import.not_text)(&show(file), &not_text(file, *kind, t))
            }
            ImportError::Empty { file } => (t.import_empty)(&show(file)),
            ImportError::NoText { file } => (t.import_no_text)(&show(file)),
            ImportError::Unsupported { file } => (t.import.unsupported)(&show(file)),
            ImportError::Malformed { file, line, defect } => match line {
                Some(line) => {
                    (t.import.malformed_at)(&show(file), *line, &defect.message(t.import))
                }
                None => (t.import.malformed)(&show(file), &defect.message(t.import)),
            },
            ImportError::UnknownInterviewerLabel { label, found, .. } => {
                (t.import.unknown_interviewer_label)(label, found)
            }
            ImportError::UnknownSpeaker { label, found } => {
                (t.import.unknown_speaker)(label, found)
            }
            ImportError::Twice { file } => (t.import_twice)(&show(file)),
            ImportError::RespondentForMany => t.import_respondent_for_many.to_owned(),
            ImportError::UnknownAttribute { key, known } => {
                (t.import_unknown_attribute)(key, known)
            }
            ImportError::BadAttribute { key, message } => (t.import_bad_attribute)(key, message),
            ImportError::AttributeSyntax { given } => (t.import_attribute_syntax)(given),
            ImportError::UnknownQuestion { key } => (t.import_unknown_question)(key),
            ImportError::Store(e) => (t.import_write_failed)(&e.message(t)),
        }
    }

    /// Whether the command line was used wrongly (exit code 2) rather than a file being bad.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ImportError::RespondentForMany
                | ImportError::UnknownAttribute { .. }
                | ImportError::BadAttribute { .. }
                | ImportError::AttributeSyntax { .. }
                | ImportError::UnknownQuestion { .. }
                | ImportError::Twice { .. }
                | ImportError::UnknownInterviewerLabel { .. }
                | ImportError::UnknownSpeaker { .. }
        )
    }
}

/// What a file that is not text is, and what to do with it.
fn not_text(file: &Path, kind: NotText, t: &Texts) -> String {
    let t = t.import;
    match kind {
        NotText::Zip => t.zip.to_owned(),
        NotText::Pdf => t.pdf.to_owned(),
        NotText::OldWord => t.old_word.to_owned(),
        NotText::Rtf => t.rtf.to_owned(),
        NotText::Image => t.image.to_owned(),
        NotText::Recording => t.recording.to_owned(),
        NotText::Executable => t.executable.to_owned(),
        NotText::Utf16 { big_endian } => {
            let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            (t.utf16)(encoding, &iconv_command(file, encoding))
        }
        NotText::Binary => t.binary.to_owned(),
    }
}

/// `iconv -f WINDOWS-1252 -t UTF-8 'a b.txt' > 'a b-utf8.txt'`: the copy to import instead.
fn iconv_command(file: &Path, encoding: &str) -> String {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    let converted = match file.extension() {
        Some(ext) => format!("{stem}-utf8.{}", ext.to_string_lossy()),
        None => format!("{stem}-utf8"),
    };
    let converted = file.with_file_name(converted);
    format!(
        "iconv -f {} -t UTF-8 {} > {}",
        iconv_name(encoding),
        shell_quote(&show(file)),
        shell_quote(&show(&converted))
    )
}

/// Quotes a path for a POSIX shell when it needs it.
fn shell_quote(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':'));
    if plain && !s.is_empty() {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, FR};

    #[test]
    fn a_latin1_file_is_explained_with_the_command_that_converts_it() {
        let err = ImportError::NotUtf8 {
            file: PathBuf::from("dossier/entretien 7.txt"),
            detail: NotUtf8 {
                offset: 11,
                line: 2,
                column: 4,
                guess: Some("windows-1252"),
            },
        };
        assert_eq!(
            err.message(&FR),
            "dossier/entretien 7.txt : ce fichier n'est pas en UTF-8 (octet 11, ligne 2, \
             colonne 4). Il semble être en windows-1252 (Latin-1) ; convertissez-le avec \
             `iconv -f WINDOWS-1252 -t UTF-8 'dossier/entretien 7.txt' > \
             'dossier/entretien 7-utf8.txt'` et importez la copie."
        );
        assert_eq!(
            err.message(&EN),
            "dossier/entretien 7.txt: this file is not UTF-8 (byte 11, line 2, column 4). It \
             looks like windows-1252 (Latin-1); convert it with `iconv -f WINDOWS-1252 -t UTF-8 \
             'dossier/entretien 7.txt' > 'dossier/entretien 7-utf8.txt'` and import the copy."
        );
        assert_eq!(shell_quote("l'été.txt"), r"'l'\''été.txt'");
    }

    #[test]
    fn utf16_without_bom_says_so_and_gives_the_byte_order_to_convert_from() {
        let err = ImportError::NotText {
            file: PathBuf::from("R04.txt"),
            kind: NotText::Utf16 { big_endian: false },
        };
        assert_eq!(
            err.message(&EN),
            "R04.txt: not a text transcript: it is UTF-16 text (UTF-16LE) without a byte-order \
             mark. Convert it with `iconv -f UTF-16LE -t UTF-8 R04.txt > R04-utf8.txt` and import \
             the copy."
        );
        let err = ImportError::NotText {
            file: PathBuf::from("R04.txt"),
            kind: NotText::Zip,
        };
        assert!(
            err.message(&FR).contains("archive zip"),
            "{}",
            err.message(&FR)
        );
        assert!(!err.message(&FR).contains("iconv"));
    }
}
