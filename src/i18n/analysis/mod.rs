//! The words of tables, charts, exports and the analysis commands, apart from the big shared
//! lists so that each area's strings merge cleanly.

mod en;
mod fr;

pub use en::EN_ANALYSIS;
pub use fr::FR_ANALYSIS;

/// The words of tables, charts and exports (issue 6), one struct so that they stay together.
pub struct AnalysisTexts {
    pub yes: &'static str,
    pub no: &'static str,
    pub not_given: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    /// A column label "with the codes under it": `extraits (avec sous-codes)`.
    pub with_descendants: fn(&str) -> String,
    pub excerpts: &'static str,
    pub sessions: &'static str,
    pub respondents: &'static str,
    pub respondents_pct: &'static str,
    pub words: &'static str,
    pub attribute: &'static str,
    pub value: &'static str,
    pub multi: &'static str,
    pub situations: &'static str,
    pub situations_pct: &'static str,
    pub filters: fn(&str) -> String,
    pub frequencies_title: &'static str,
    pub frequencies_sheet: &'static str,
    /// (sessions, respondents)
    pub frequencies_base: fn(usize, usize) -> String,
    pub frequencies_units: &'static str,
    pub group_n: fn(&str) -> String,
    pub group_pct: fn(&str) -> String,
    /// (attribute label, multi-valued)
    pub breakdown_note: fn(&str, bool) -> String,
    pub situations_title: &'static str,
    pub situations_sheet: &'static str,
    pub situations_base: fn(usize) -> String,
    pub multi_note: &'static str,
    pub situations_codes_title: &'static str,
    pub situations_codes_sheet: &'static str,
    pub situations_codes_note: &'static str,
    pub situations_groups_title: &'static str,
    pub situations_groups_sheet: &'static str,
    pub situations_groups_note: &'static str,
    pub answers_title: &'static str,
    pub answers_sheet: &'static str,
    pub answers_note: &'static str,
    pub answers_multi_note: &'static str,
    pub numbers_title: &'static str,
    pub numbers_sheet: &'static str,
    pub theme: &'static str,
    pub question: &'static str,
    pub question_text: &'static str,
    pub kind: &'static str,
    /// The name of a value kind (`yes_no`, `choices`…) for people.
    pub kind_name: fn(&str) -> &'static str,
    pub answer: &'static str,
    pub count: &'static str,
    pub pct_answered: &'static str,
    pub pct_all: &'static str,
    pub answered: &'static str,
    pub not_answered: &'static str,
    pub unit: &'static str,
    pub sum: &'static str,
    pub min: &'static str,
    pub median: &'static str,
    pub max: &'static str,
    pub mean: &'static str,
    /// (overlap unit)
    pub cooccurrence_title: fn(bool) -> String,
    pub cooccurrence_sheet: &'static str,
    pub cooccurrence_note: fn(bool) -> String,
    pub code_sessions_title: &'static str,
    pub code_sessions_sheet: &'static str,
    pub code_sessions_note: &'static str,
    pub agreement_title: fn(&str, &str) -> String,
    pub agreement_sheet: &'static str,
    /// (char unit, units compared per code)
    pub agreement_unit: fn(bool, u64) -> String,
    pub agreement_sessions: fn(&str) -> String,
    pub agreement_method: &'static str,
    pub both: &'static str,
    pub only: fn(&str) -> String,
    pub neither: &'static str,
    pub pct_agreement: &'static str,
    pub kappa: &'static str,
    pub alpha: &'static str,
    pub overall: &'static str,
    pub mean_kappa: fn(&str) -> String,
    pub excerpts_title: &'static str,
    pub excerpts_sheet: &'static str,
    pub date: &'static str,
    pub respondent: &'static str,
    pub speaker: &'static str,
    pub speaker_respondent: &'static str,
    pub speaker_interviewer: &'static str,
    /// The column of who spoke, by name or pseudonym.
    pub speaker_name: &'static str,
    pub coder: &'static str,
    pub excerpt: &'static str,
    pub memo: &'static str,
    pub chart_frequencies_title: &'static str,
    pub chart_frequencies_base: fn(usize) -> String,
    /// (answered, sessions, not answered)
    pub chart_answers_base: fn(usize, usize, usize) -> String,
    pub export_written: fn(&str) -> String,
    pub chart_written: fn(&str) -> String,
    pub xlsx_needs_file: &'static str,
    /// (name, known coders)
    pub unknown_coder: fn(&str, &str) -> String,
    /// (pairs of coders with sessions in common, or "")
    pub choose_coders: fn(&str) -> String,
    pub output_in_study: fn(&str) -> String,
    /// (key, known attributes)
    pub unknown_attribute: fn(&str, &str) -> String,
    /// (key, known keys)
    pub unknown_question: fn(&str, &str) -> String,
    pub unreadable_sessions: fn(usize) -> String,
    /// (pseudonym, session files) `grille check`: one pseudonym, several sessions.
    pub shared_pseudonym: fn(&str, &str) -> String,
}
