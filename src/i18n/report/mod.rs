//! The words of quotes and of the report (issue 17): marking an excerpt "à citer", and the
//! headings, labels and messages of `grille report`.

mod en;
mod fr;

pub use en::{EN_REPORT, EN_REPORT_KEYS};
pub use fr::{FR_REPORT, FR_REPORT_KEYS};

/// The words the report's template prints: headings and labels, in the report's language. A
/// template names them `words.method`, `words.quotes`…
#[derive(serde::Serialize)]
pub struct ReportWords {
    pub report: &'static str,
    pub drafted: &'static str,
    pub method: &'static str,
    pub heard: &'static str,
    pub interviews: &'static str,
    pub questionnaires: &'static str,
    pub period: &'static str,
    pub respondents: &'static str,
    pub value: &'static str,
    pub not_given: &'static str,
    pub coverage: &'static str,
    pub coverage_note: &'static str,
    pub theme: &'static str,
    pub question: &'static str,
    pub covered: &'static str,
    pub covered_pct: &'static str,
    /// The method's part on who ran and coded the sessions.
    pub team: &'static str,
    pub interviewers: &'static str,
    pub coders: &'static str,
    /// Said when the report gives people as initials (made without identities).
    pub initials_note: &'static str,
    pub closed_questions: &'static str,
    pub codes: &'static str,
    pub quotes: &'static str,
    pub quotes_other: &'static str,
    pub comment: &'static str,
    pub situations: &'static str,
    pub annex: &'static str,
    pub grid: &'static str,
    pub prompts: &'static str,
    pub codebook: &'static str,
    pub use_when: &'static str,
    pub dont_use_when: &'static str,
    pub example: &'static str,
    pub no_quote: &'static str,
    /// Before a colon: " :" in French (a no-break space), ":" in English.
    pub colon: &'static str,
}

pub struct ReportTexts {
    pub words: ReportWords,
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
    // --- `grille report` ---
    pub written: fn(&str) -> String,
    pub charts_written: fn(usize, &str) -> String,
    /// -o names a file whose extension is not a report format.
    pub unknown_format: fn(&str) -> String,
    pub needs_file: fn(&str) -> String,
    /// The study's template could not be used: (file, what is wrong).
    pub template_error: fn(&str, &str) -> String,
    pub template_not_utf8: fn(&str) -> String,
    /// The start of the name of a report the screen writes (`grille-rapport-2021-09-14.html`).
    pub file_stem: &'static str,
    /// The statistics screen: where the report went.
    pub screen_written: fn(&str) -> String,
    /// … under a new name, the day's earlier report being kept.
    pub screen_written_beside: fn(&str) -> String,
    // --- quotes on the screens ---
    /// The coding screen's popup: the quote's comment.
    pub quote_title: &'static str,
    /// The menu when several codings are under the cursor.
    pub choose_quote: &'static str,
    /// The side panel: the mark, and its comment after it.
    pub quote_here: &'static str,
    /// Said after marking or unmarking: (code name).
    pub quote_marked: fn(&str) -> String,
    pub quote_unmarked: fn(&str) -> String,
    /// What `u` undoes: (code name).
    pub did_quote: fn(&str) -> String,
    pub did_unquote: fn(&str) -> String,
    /// The retrieval list shows only the marked excerpts.
    pub quotes_only: &'static str,
    pub no_quotes: &'static str,
}

/// The words of the keys of quotes and of the report in `F1` and the status line (a field of
/// [`KeysTexts`](crate::i18n::KeysTexts), where key bindings find their words).
pub struct ReportKeys {
    pub write_report: &'static str,
    pub short_report: &'static str,
    pub quote_coding: &'static str,
    pub short_quote: &'static str,
    pub save_quote: &'static str,
    pub remove_quote: &'static str,
    pub short_unquote: &'static str,
    pub quotes_only: &'static str,
    pub short_quotes_only: &'static str,
}
