//! The words of the interface. French by default, English on request; every string shown to a
//! user lives in `fr.rs` and `en.rs`, one place per language.

pub mod access;
pub mod align;
pub mod analysis;
pub mod cli;
mod en;
pub mod encryption;
mod fr;
pub mod home;
pub mod import;
pub mod keys;
pub mod privacy;
pub mod problems;
pub mod pseudonyms;
pub mod questionnaire;
pub mod refi;
pub mod report;
pub mod screens;
pub mod store;

pub use align::AlignTexts;
pub use analysis::AnalysisTexts;
pub use en::EN;
pub use fr::FR;
pub use import::ImportTexts;
pub use keys::KeysTexts;
pub use questionnaire::QuestionnaireTexts;
pub use report::ReportTexts;
pub use screens::ScreensTexts;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to use: the flag, else the saved preference, else the locale (`LANG=en*` or
    /// `LC_ALL=en*` gives English), else French.
    pub fn choose(flag: Option<Lang>, saved: Option<Lang>) -> Lang {
        flag.or(saved).unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
                .unwrap_or_default();
            if locale.starts_with("en") {
                Lang::En
            } else {
                Lang::Fr
            }
        })
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every string of the interface, for one language.
pub struct Texts {
    pub check_ok: fn(usize) -> String,
    pub check_failed: fn(usize) -> String,
    pub study_created: fn(&str) -> String,
    pub default_study_created: fn(&str) -> String,
    pub demo_at: fn(&str) -> String,
    pub read_only: &'static str,
    pub status_in_progress: &'static str,
    pub status_done: &'static str,
    pub col_id: &'static str,
    pub col_date: &'static str,
    pub col_interviewer: &'static str,
    pub col_respondent: &'static str,
    pub col_status: &'static str,
    pub col_segments: &'static str,
    pub col_codings: &'static str,
    pub no_sessions: &'static str,
    pub session_unreadable: fn(&str) -> String,
    // --- terminal interface ---
    pub home_title: &'static str,
    pub sessions_count: fn(usize) -> String,
    pub study_summary: fn(usize, usize, usize) -> String,
    pub no_sessions_tui: &'static str,
    pub col_coverage: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub setup_title: &'static str,
    pub setup_interviewer: &'static str,
    pub setup_pseudonym: &'static str,
    pub setup_location: &'static str,
    pub setup_consent: &'static str,
    pub setup_need_interviewer: &'static str,
    pub setup_need_pseudonym: &'static str,
    pub setup_need_consent: &'static str,
    pub interview_with: &'static str,
    pub grid_title: &'static str,
    pub grid_empty: &'static str,
    pub skipped: &'static str,
    pub covered: &'static str,
    pub answer: &'static str,
    pub answer_yes_no: &'static str,
    pub answer_number: &'static str,
    pub answer_choice: &'static str,
    pub answer_choices: &'static str,
    pub answer_scale: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub number_expected: fn(char) -> String,
    pub not_a_number: fn(&str) -> String,
    pub nothing_said_yet: &'static str,
    pub notes: &'static str,
    pub speaker_respondent: &'static str,
    pub speaker_interviewer: &'static str,
    pub saved: &'static str,
    pub typing: &'static str,
    pub not_saved: &'static str,
    pub no_consent_notes: &'static str,
    pub read_only_notes: &'static str,
    pub session_locked: &'static str,
    pub no_session_open: &'static str,
    pub picker_title: &'static str,
    pub picker_no_match: &'static str,
    pub skip_reason: &'static str,
    pub jump_title: &'static str,
    pub finish_title: &'static str,
    pub all_covered: &'static str,
    pub uncovered_count: fn(usize) -> String,
    pub situations_title: fn(usize) -> String,
    pub no_situations: &'static str,
    pub situation_title: &'static str,
    pub situation_label: &'static str,
    pub situation_needs_label: &'static str,
    pub and_more: fn(usize) -> String,

    // Importing transcripts (interop::import, cli/import.rs).
    /// Sessions imported, segments in them.
    pub import_done: fn(usize, usize) -> String,
    /// Files with a problem, files given: nothing written.
    pub import_nothing_written: fn(usize, usize) -> String,
    pub import_reading: &'static str,
    pub import_writing: &'static str,
    pub import_consent_unknown: &'static str,
    pub import_bad_date: fn(&str) -> String,
    pub import_segments: &'static str,
    pub import_source: &'static str,
    /// File, byte offset, line, column of the first byte that is not UTF-8.
    pub import_not_utf8: fn(&str, usize, usize, usize) -> String,
    /// Encoding as named, command that converts the file.
    pub import_looks_like: fn(&str, &str) -> String,
    pub import_unknown_encoding: &'static str,
    pub import_empty: fn(&str) -> String,
    pub import_no_text: fn(&str) -> String,
    pub import_unreadable: fn(&str, &str) -> String,
    pub import_twice: fn(&str) -> String,
    pub import_respondent_for_many: &'static str,
    pub import_unknown_attribute: fn(&str, &str) -> String,
    pub import_bad_attribute: fn(&str, &str) -> String,
    pub import_attribute_syntax: fn(&str) -> String,
    pub import_unknown_question: fn(&str) -> String,
    pub import_write_failed: fn(&str) -> String,
    pub import_pseudonym_from_file: &'static str,
    // --- coding, codebook, retrieval ---
    pub all_coders: &'static str,
    pub coder: &'static str,
    pub coding_title: &'static str,
    pub choose_memo: &'static str,
    pub choose_remove: &'static str,
    pub codes_here: &'static str,
    pub none: &'static str,
    pub segment: &'static str,
    pub situation_here: &'static str,
    pub selected_chars: fn(usize) -> String,
    pub empty_transcript: &'static str,
    pub no_question: &'static str,
    pub attach_question: &'static str,
    pub memo_title: &'static str,
    pub edit_title: &'static str,
    pub link_situation: &'static str,
    pub new_situation: &'static str,
    pub codebook_title: &'static str,
    pub codes_count: fn(usize) -> String,
    pub code_name: &'static str,
    pub code_slug: &'static str,
    pub code_colour: &'static str,
    pub code_description: &'static str,
    pub code_use_when: &'static str,
    pub code_dont_use_when: &'static str,
    pub code_example: &'static str,
    pub code_new_title: &'static str,
    pub code_edit_title: &'static str,
    pub new_code_name: &'static str,
    pub pick_parent: &'static str,
    pub pick_merge: &'static str,
    pub pick_move_codings: &'static str,
    pub delete_title: &'static str,
    pub excerpts_of: &'static str,
    pub excerpts_count: fn(usize) -> String,
    pub with_subcodes: &'static str,
    pub without_subcodes: &'static str,
    pub no_excerpts: &'static str,
    // Analysis and exports (issue 6): every label of the tables, charts and `grille export`.
    // --- statistics screen ---
    pub stats_title: &'static str,
    pub stats_frequencies: &'static str,
    pub stats_answers: &'static str,
    pub stats_base: fn(usize, usize) -> String,
    pub col_code: &'static str,
    pub col_excerpts: &'static str,
    pub col_sessions: &'static str,
    pub col_respondents: &'static str,
    pub col_words: &'static str,
    pub stats_top_codes: &'static str,
    pub stats_answered: fn(usize, usize, usize) -> String,
    pub stats_summary: fn(usize, f64, f64, f64, f64, &str) -> String,
    pub stats_multi: &'static str,
    pub exported: fn(&str) -> String,
    pub analysis: &'static analysis::AnalysisTexts,
    /// Encryption at rest (issue 19).
    pub encryption: &'static encryption::EncryptionTexts,
    /// Who can open an encrypted study: team keys, passphrase (issue 19).
    pub access: &'static access::AccessTexts,
    /// The command line's own messages (`grille dev`, output targets).
    pub cli: &'static cli::CliTexts,
    pub import: &'static ImportTexts,
    /// The study folder, the model, codebook operations and repairs.
    pub store: &'static store::StoreTexts,
    /// REFI-QDA exchange (issue 18).
    pub refi: &'static refi::RefiTexts,
    /// Confidentiality: exports without identities, pseudonymisation, audit (issue 19).
    pub privacy: &'static privacy::PrivacyTexts,
    /// Files that break the format or the study's rules (check, home, index, exports).
    pub problems: &'static problems::ProblemTexts,
    /// The home screen's list of sessions.
    pub home: &'static home::HomeTexts,
    // Search and corpus (issue 5)
    pub corpus_written: fn(usize, usize, &str) -> String,
    pub query_at: fn(usize, &str) -> String,
    pub query_empty: &'static str,
    pub query_expected: fn(&str) -> String,
    pub query_unknown_field: fn(&str, &str) -> String,
    pub query_unknown_code: fn(&str, &str) -> String,
    pub query_unknown_value: fn(&str, &str, &str) -> String,
    pub query_bad_date: fn(&str) -> String,
    pub query_nothing: fn(&str) -> String,
    pub query_bad_fuzzy: fn(u32) -> String,
    pub search_total: fn(usize) -> String,
    pub search_none: &'static str,
    pub search_by_code: &'static str,
    pub search_by_attribute: &'static str,
    pub search_excerpt: &'static str,
    pub search_segment: &'static str,
    pub index_rebuilt: fn(&str) -> String,
    pub index_caught_up: fn(usize, usize) -> String,
    pub index_skipped: fn(&str, &str) -> String,
    pub index_done: fn(usize) -> String,
    pub index_why_missing: &'static str,
    pub index_why_version: &'static str,
    pub index_why_definition: &'static str,
    pub index_why_incomplete: &'static str,
    pub index_why_damaged: fn(&str) -> String,
    pub index_why_asked: &'static str,
    pub index_busy_stale: &'static str,
    pub query_syntax: fn(&str) -> String,
    // --- search screen ---
    pub search_title: &'static str,
    pub search_hint: &'static str,
    /// The terminal interface's frame.
    pub screens: &'static ScreensTexts,
    /// Questionnaires: session kinds, importing an online form's responses.
    pub questionnaire: &'static QuestionnaireTexts,
    /// A recording's transcript aligned with its live session.
    pub align: &'static AlignTexts,
    /// Keys: their names, what they do on each screen, modes, refusals.
    pub keys: &'static KeysTexts,
    /// Quotes ("à citer") and the report.
    pub report: &'static ReportTexts,
}
