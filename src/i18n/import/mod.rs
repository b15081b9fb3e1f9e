//! The words of transcript imports (issue 13 and the import parts of issue 12): what a file
//! that is not a transcript is, damaged cues, the speakers found, a file already imported.

mod en;
mod fr;

pub use en::EN_IMPORT;
pub use fr::FR_IMPORT;

pub struct ImportTexts {
    /// (file, what it is and what to do)
    pub not_text: fn(&str, &str) -> String,
    pub zip: &'static str,
    pub pdf: &'static str,
    pub old_word: &'static str,
    pub rtf: &'static str,
    pub image: &'static str,
    pub recording: &'static str,
    pub executable: &'static str,
    /// (byte order, iconv command)
    pub utf16: fn(&str, &str) -> String,
    pub binary: &'static str,
    /// (cue number, what was found)
    pub bad_cue_time: fn(usize, &str) -> String,
    /// (cue, start, end)
    pub cue_ends_before_start: fn(usize, &str, &str) -> String,
    pub missing_blank_line: &'static str,
    /// (text, start, end)
    pub ends_before_start: fn(&str, &str, &str) -> String,
    pub missing: fn(&str) -> String,
    pub syntax: fn(&str) -> String,
    /// (file, line, message)
    pub malformed_at: fn(&str, usize, &str) -> String,
    /// (file, message)
    pub malformed: fn(&str, &str) -> String,
    pub unsupported: fn(&str) -> String,
    /// (file, session id, respondent)
    pub already_imported: fn(&str, &str, &str) -> String,
    /// (folder)
    pub leftover_removed: fn(&str) -> String,
    /// (file): header of the speakers found in one file
    pub speakers_of: fn(&str) -> String,
    /// (label, role, lines, questions)
    pub speaker_line: fn(&str, &str, usize, usize) -> String,
    pub role_interviewer: &'static str,
    pub role_respondent: &'static str,
    pub role_co_respondent: &'static str,
    /// Why a label was taken for the interviewer's.
    pub why_mark: &'static str,
    pub why_given: &'static str,
    pub why_declared: &'static str,
    pub why_name: &'static str,
    pub why_questions: &'static str,
    pub no_labels: &'static str,
    /// (label given with --interviewer-label, the labels found)
    pub unknown_interviewer_label: fn(&str, &str) -> String,
    /// (name given with --speaker or --attr NAME:…, the labels found)
    pub unknown_speaker: fn(&str, &str) -> String,
    pub dry_run_nothing_written: &'static str,
    pub times_relative: &'static str,
    pub interviewer_unknown: &'static str,
    /// (key, value)
    pub config_saved: fn(&str, &str) -> String,
    /// (key)
    pub config_cleared: fn(&str) -> String,
    pub config_unknown_key: fn(&str) -> String,
    pub config_nowhere: &'static str,
    /// (id given)
    pub session_not_found: fn(&str) -> String,
    /// (id given, how many match)
    pub session_ambiguous: fn(&str, usize) -> String,
    pub session_nothing_to_set: &'static str,
    /// (session id)
    pub session_busy: fn(&str) -> String,
    /// (session id, respondent, interviewer)
    pub interviewer_set: fn(&str, &str, &str) -> String,
}
