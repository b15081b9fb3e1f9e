//! What can be wrong at one place of a transcript file: a damaged cue time, a turn that ends
//! before it starts, a file whose structure its format does not allow. Displayed in English
//! (logs, tests); [`Defect::message`] gives the words of the interface's language.

use crate::i18n::ImportTexts;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Defect {
    /// A cue timing that is not a time: `00:61:00.000`, `00:00:0x.000`.
    #[error(
        "cue {cue}: \"{found}\" is not a valid time (hh:mm:ss.mmm, minutes and seconds 00 to 59)"
    )]
    BadCueTime { cue: usize, found: String },

    #[error("cue {cue} ends ({end}) before it starts ({start})")]
    CueEndsBeforeStart {
        cue: usize,
        start: String,
        end: String,
    },

    #[error("a timing line inside a cue's text: a blank line is missing before the cue it starts")]
    MissingBlankLine,

    /// A turn of a file with times (a TextGrid interval, an ELAN annotation) that ends first.
    #[error("\"{text}\" ends ({end}) before it starts ({start})")]
    EndsBeforeStart {
        text: String,
        start: String,
        end: String,
    },

    /// A part the format requires is missing (`<TIER>` without an id, an `.otr` without text).
    #[error("{0} is missing")]
    Missing(String),

    /// A parser's own words (fasrt, quick-xml, serde_json, zip): English only.
    #[error("{0}")]
    Syntax(String),
}

impl Defect {
    pub fn message(&self, t: &ImportTexts) -> String {
        match self {
            Defect::BadCueTime { cue, found } => (t.bad_cue_time)(*cue, found),
            Defect::CueEndsBeforeStart { cue, start, end } => {
                (t.cue_ends_before_start)(*cue, start, end)
            }
            Defect::MissingBlankLine => t.missing_blank_line.to_owned(),
            Defect::EndsBeforeStart { text, start, end } => (t.ends_before_start)(text, start, end),
            Defect::Missing(what) => (t.missing)(what),
            Defect::Syntax(message) => (t.syntax)(message),
        }
    }
}
