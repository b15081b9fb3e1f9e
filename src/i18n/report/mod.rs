//! The words of quotes and of the report (issue 17): marking an excerpt "à citer", and the
//! headings, labels and messages of `grille report`.

mod en;
mod fr;

pub use en::EN_REPORT;
pub use fr::FR_REPORT;

pub struct ReportTexts {
    // --- quotes (`grille quote`) ---
    /// No coding's id starts with this.
    pub coding_not_found: fn(&str) -> String,
    /// Several codings' ids start with this: (prefix, how many).
    pub coding_ambiguous: fn(&str, usize) -> String,
    /// The session is open for writing elsewhere (its short id).
    pub session_busy: fn(&str) -> String,
    /// Marked: (respondent, code path, the excerpt's beginning).
    pub quote_set: fn(&str, &str, &str) -> String,
    pub quote_removed: fn(&str, &str, &str) -> String,
    /// The mark in lists: `à citer`.
    pub quote_mark: &'static str,
    /// Columns of `grille export excerpts`: the quote's comment, the coding's id.
    pub quote_comment: &'static str,
    pub coding: &'static str,
}
