//! What an import did and what it left out, each thing named (a source by its name, a
//! selection by its GUID) so that the researcher can find it in the other tool.

use std::path::PathBuf;

use uuid::Uuid;

use super::input::Missing;
use crate::i18n::refi::RefiTexts;
use crate::interop::refi::error::not_utf8_at;
use crate::interop::refi::positions::{Detected, Unit};

/// Something of the file that was not imported, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    /// A source whose text could not be read.
    Source { name: String, why: Missing },
    /// A source already in the study (same GUID as one of its sessions).
    SourceExists { name: String },
    /// A source of a kind grille does not read (picture, PDF, audio, video).
    OtherSource { kind: String, name: String },
    /// A selection whose place in its source cannot be trusted.
    Selection {
        guid: Uuid,
        source: String,
        why: SelectionProblem,
    },
    /// A coding of a code the codebook does not have.
    Coding {
        guid: Uuid,
        source: String,
        code: Uuid,
    },
    /// A value that does not fit its attribute or question.
    Value {
        case: String,
        variable: String,
        value: String,
        why: String,
    },
    /// A note attached to the project as a whole: grille keeps memos on sessions.
    ProjectNote { name: String },
    /// A set of codes (or of sources none of which became a session): grille has no groups.
    Set { name: String },
}

#[derive(Clone, Debug, PartialEq)]
pub enum SelectionProblem {
    /// The positions are not whole numbers.
    NotNumbers,
    /// Outside the text, or the end before the start.
    OutOfRange { start: i64, end: i64, length: u64 },
    /// A position falls inside a character (half of a UTF-16 pair).
    InsideCharacter { start: i64, end: i64 },
    /// The text at the positions is not the text the selection quotes.
    QuoteMismatch { quote: String },
    /// It covers only a speaker label, a time or line breaks: no transcript text.
    NoText,
}

/// A code of the file merged with one of the study's.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Its name in the file.
    pub name: String,
    /// Whether the study's code has another name (the study's is kept).
    pub renamed: bool,
    /// Its path in the study.
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// The tool that wrote the file.
    pub origin: String,
    /// Whether the file is a project (not a codebook alone).
    pub project: bool,
    pub codes_added: usize,
    /// Codes of the file that were already in the study.
    pub codes_merged: Vec<Merged>,
    /// Respondent or situation attributes added to the study (their keys).
    pub attributes_added: Vec<String>,
    /// Sets of sources that became options of a respondent attribute: its key, their names.
    pub sets: Option<(String, Vec<String>)>,
    pub sessions: usize,
    pub segments: usize,
    pub codings: usize,
    pub memos: usize,
    pub situations: usize,
    /// How positions were counted, when it mattered (selections in texts with CR LF or
    /// characters that count two in UTF-16).
    pub counting: Option<Detected>,
    /// Whether a source's text has CR LF line endings.
    pub crlf_seen: bool,
    /// Selections whose positions were off but whose quoted text was found close by.
    pub realigned: Vec<Uuid>,
    /// Codings cut at the edge of a segment (they covered a label or a line break too).
    pub clipped: usize,
    pub skipped: Vec<Skip>,
    /// Files read from outside the archive.
    pub outside: Vec<PathBuf>,
}

impl Skip {
    /// The line that names what was left out, in the interface's language.
    pub fn message(&self, t: &RefiTexts) -> String {
        match self {
            Skip::Source { name, why } => match why {
                Missing::RichTextOnly { path } => (t.skip_source_rich_text)(name, path),
                Missing::NotFound { path } => (t.skip_source_not_found)(name, path),
                Missing::NoText => (t.skip_source_no_text)(name),
                Missing::NotUtf8 { path, detail } => {
                    (t.skip_source_not_utf8)(name, path, &not_utf8_at(detail, t))
                }
                Missing::TooLarge { path } => (t.skip_source_too_large)(name, path),
            },
            Skip::SourceExists { name } => (t.skip_source_exists)(name),
            Skip::OtherSource { kind, name } => (t.skip_other_source)(kind, name),
            Skip::Selection { guid, source, why } => {
                let why = match why {
                    SelectionProblem::NotNumbers => t.why_not_numbers.to_owned(),
                    SelectionProblem::OutOfRange { start, end, length } => {
                        (t.why_out_of_range)(*start, *end, *length)
                    }
                    SelectionProblem::InsideCharacter { start, end } => {
                        (t.why_inside_character)(*start, *end)
                    }
                    SelectionProblem::QuoteMismatch { quote } => (t.why_quote)(quote),
                    SelectionProblem::NoText => t.why_no_text.to_owned(),
                };
                (t.skip_selection)(&guid.to_string(), source, &why)
            }
            Skip::Coding { guid, source, code } => {
                (t.skip_coding)(&guid.to_string(), source, &code.to_string())
            }
            Skip::Value {
                case,
                variable,
                value,
                why,
            } => (t.skip_value)(case, variable, value, why),
            Skip::ProjectNote { name } => (t.skip_project_note)(name),
            Skip::Set { name } => (t.skip_set)(name),
        }
    }
}

impl Report {
    /// How positions were counted, for people.
    pub fn counting_message(&self, t: &RefiTexts) -> Option<String> {
        let d = self.counting?;
        let unit = match d.counting.unit {
            Unit::CodePoints => t.counting_code_points,
            Unit::Utf16 => t.counting_utf16,
        };
        let how = match (self.crlf_seen, d.counting.crlf_as_one) {
            (false, _) => unit.to_owned(),
            (true, true) => format!("{unit}, {}", t.crlf_as_one),
            (true, false) => format!("{unit}, {}", t.crlf_as_two),
        };
        Some((t.counting)(&how, d.fitting, d.selections))
    }
}
