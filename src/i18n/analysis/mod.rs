//! The words of tables, charts, exports and the analysis commands, apart from the big shared
//! lists so that each area's strings merge cleanly.

mod en;
mod fr;
mod keys;

pub use en::EN_ANALYSIS;
pub use fr::FR_ANALYSIS;
pub use keys::{EN_STATS_KEYS, FR_STATS_KEYS, StatsKeys};

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
    /// (pseudonym, kind of session, session files) `grille check`: one pseudonym, several
    /// sessions of one kind (an interview and a questionnaire of one person are no slip).
    pub shared_pseudonym: fn(&str, &str, &str) -> String,
    // --- bases, intervals, persons, coders, cross-tables (issue 15) ---
    /// (left out, of, by status, by dates, by query)
    /// (left out, of, by kind, by status, by dates, by query)
    pub left_out: fn(usize, usize, usize, usize, usize, usize) -> String,
    pub coder_counted: fn(&str) -> String,
    pub coder_not_counted: fn(&str) -> String,
    /// (sessions coded by several, with their coders)
    pub coders_reference: fn(&str) -> String,
    pub coders_pooled: fn(&str) -> String,
    pub coders_named: fn(&str) -> String,
    /// (query, segments matched)
    pub query_note: fn(&str, usize) -> String,
    pub row: &'static str,
    pub row_option: &'static str,
    pub row_group: &'static str,
    pub row_member: &'static str,
    pub row_unknown: &'static str,
    pub row_not_given: &'static str,
    pub row_base: &'static str,
    pub pct_of_all: &'static str,
    pub pct_of_given: &'static str,
    pub pct_of_known: &'static str,
    /// (percentage column) its interval's bounds
    pub ci_low: fn(&str) -> String,
    pub ci_high: fn(&str) -> String,
    pub base_all: &'static str,
    pub base_given: &'static str,
    pub base_known: &'static str,
    /// (base's name) the label of a cross-table's row of bases
    pub base_row: fn(&str) -> String,
    /// (respondents counted)
    pub answers_base: fn(usize) -> String,
    pub bases_note: &'static str,
    pub wilson_note: &'static str,
    pub answer_conflicts: fn(usize) -> String,
    /// (units) the total column of a cross-table
    pub total: fn(usize) -> String,
    /// (attribute label, a respondent may be in several groups)
    pub split_note: fn(&str, bool) -> String,
    pub split_persons_note: fn(&str) -> String,
    /// (base's name)
    pub cross_base_note: fn(&str) -> String,
    /// (table title, attribute label)
    pub cross_title: fn(&str, &str) -> String,
    /// (persons, reports, respondents reporting, respondents)
    pub persons_base: fn(usize, usize, usize, usize) -> String,
    pub persons_note: &'static str,
    pub person_conflicts: fn(usize) -> String,
    pub applies_to: &'static str,
    pub persons: &'static str,
    pub persons_pct: &'static str,
    pub chart_persons_base: fn(usize) -> String,
    /// (tables) one CSV holds one table
    pub several_tables: fn(&str) -> String,
    // --- saturation ---
    pub saturation_title: &'static str,
    pub saturation_sheet: &'static str,
    pub saturation_runs_title: &'static str,
    pub saturation_runs_sheet: &'static str,
    /// (base, run, threshold, codes in the base)
    pub saturation_method: fn(usize, usize, &str, usize) -> String,
    pub saturation_reference: &'static str,
    pub saturation_undated: fn(usize) -> String,
    /// (at, run first, run last)
    pub saturation_reached: fn(usize, usize, usize) -> String,
    pub saturation_not_reached: &'static str,
    /// (interviews, needed)
    pub saturation_too_few: fn(usize, usize) -> String,
    pub saturation_no_base: &'static str,
    pub saturation_mark: fn(usize) -> String,
    pub interview_number: &'static str,
    pub codes_used: &'static str,
    pub new_codes: &'static str,
    pub cumulative_codes: &'static str,
    pub new_code_list: &'static str,
    pub run: &'static str,
    pub base_codes: &'static str,
    pub new_information: &'static str,
    pub within_threshold: &'static str,
    /// (name asked, tables of the export)
    pub unknown_table: fn(&str, &str) -> String,
    /// Numbers on screen take a decimal comma (French) or point (English).
    pub decimal_comma: bool,
    /// (respondents, persons, reports, folder) `grille dev replay`
    pub replay_written: fn(usize, usize, usize, &str) -> String,
    // --- grille situations, grille reference-coder ---
    pub situation_id: &'static str,
    pub situation_label: &'static str,
    pub same_person: &'static str,
    pub same_situation: &'static str,
    pub same_person_usage: &'static str,
    pub counting_saved: &'static str,
    pub no_such_situation: fn(&str) -> String,
    pub ambiguous_situation: fn(&str) -> String,
    pub no_such_session: fn(&str) -> String,
    pub ambiguous_session: fn(&str) -> String,
    /// (respondent, reference coder, every coder)
    pub reference_coder_set: fn(&str, &str, &str) -> String,
    /// The statistics screen's list of reports (situations) and their person links.
    pub reports_title: &'static str,
    /// (reports, persons)
    pub reports_base: fn(usize, usize) -> String,
    /// (the other report) After a report linked to another.
    pub same_as: fn(&str) -> String,
    pub only_on_reports: &'static str,
    /// (report) Marked, waiting for the other.
    pub report_marked: fn(&str) -> String,
    /// (report, other report)
    pub reports_linked: fn(&str, &str) -> String,
    /// (report)
    pub report_unlinked: fn(&str) -> String,
    pub report_not_linked: &'static str,
    /// (coder) The coding screen's header for a session coded by several people.
    pub reference_shown: fn(&str) -> String,
    /// (low, high) A 95 % interval beside a percentage on the statistics screen.
    pub interval: fn(&str, &str) -> String,
    /// (attribute) The statistics screen's header when its tables are broken down.
    pub broken_down_by: fn(&str) -> String,
    /// (first column shown, last column shown, columns) A broken-down table wider than the
    /// screen; the whole is always shown, columns are counted after it.
    pub more_columns: fn(usize, usize, usize) -> String,
    /// (columns) A screen too narrow for even one column after the whole.
    pub no_column_fits: fn(usize) -> String,
    /// With the intervals shown: what else makes room.
    pub or_hide_intervals: &'static str,
    /// (columns left out, comma-separated) The frequency table's columns a narrow screen drops
    /// to make room for the breakdown or the intervals.
    pub columns_dropped: fn(&str) -> String,
}
