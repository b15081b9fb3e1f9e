//! The words of questionnaires (issue 16): the kind of a session, and importing the responses
//! of an online form.

mod en;
mod fr;

pub use en::EN_QUESTIONNAIRE;
pub use fr::FR_QUESTIONNAIRE;

pub struct QuestionnaireTexts {
    /// The column or filter naming a session's kind.
    pub kind: &'static str,
    pub kind_interview: &'static str,
    pub kind_questionnaire: &'static str,
    // --- errors: each names the file, the row, the column ---
    pub no_header: fn(&str) -> String,
    pub no_responses: fn(&str) -> String,
    /// (file, row, message)
    pub csv_error: fn(&str, usize, &str) -> String,
    /// (file, sheet, row, column, value)
    pub cell_without_header: fn(&str, &str, usize, &str, &str) -> String,
    pub bad_workbook: fn(&str, &str) -> String,
    /// (file, place or "", the parser's message)
    pub bad_mapping: fn(&str, &str, &str) -> String,
    /// (line, column) of a mistake in the mapping file
    pub mapping_place: fn(usize, usize) -> String,
    pub target_unknown: &'static str,
    pub target_not_multiple: &'static str,
    /// (column, target, why)
    pub bad_target: fn(&str, &str, &str) -> String,
    /// (column, the columns there are)
    pub no_such_column: fn(&str, &str) -> String,
    /// (id, first row, second row, column)
    pub duplicate_id: fn(&str, usize, usize, &str) -> String,
    /// (sheet, row, parent index, parent sheet)
    pub orphan: fn(&str, usize, &str, &str) -> String,
    pub refused_unmatched: fn(usize) -> String,
    /// (pseudonym, session id, why)
    pub session_not_updatable: fn(&str, &str, &str) -> String,
    pub nothing_written: &'static str,
    // --- the report ---
    /// (file, encoding, delimiter, responses, columns)
    pub read_csv: fn(&str, &str, &str, usize, usize) -> String,
    /// (file, responses, sheets)
    pub read_workbook: fn(&str, usize, usize) -> String,
    /// (sheet, rows) for a repeat sheet read as situations
    pub sheet_situations: fn(&str, usize) -> String,
    /// (sheet, rows) for a sheet nothing of which is imported
    pub sheet_unused: fn(&str, usize) -> String,
    pub columns_title: &'static str,
    pub to_id: &'static str,
    pub to_date: &'static str,
    pub to_consent: &'static str,
    pub to_question: fn(&str) -> String,
    /// (question or attribute, option)
    pub to_option: fn(&str, &str) -> String,
    pub to_attribute: fn(&str) -> String,
    /// (group number, situation attribute)
    pub to_situation: fn(u32, &str) -> String,
    pub to_situation_field: fn(&str) -> String,
    pub ignored: &'static str,
    /// (count)
    pub unmapped_title: fn(usize) -> String,
    /// (count)
    pub unmatched_title: fn(usize) -> String,
    /// (row, column letter, header, value, target, why)
    pub unmatched_line: fn(usize, &str, &str, &str, &str, &str) -> String,
    /// (part that matched nothing, the options)
    pub why_option: fn(&str, &str) -> String,
    pub why_yes_no: &'static str,
    pub why_number: &'static str,
    pub why_range: fn(&str) -> String,
    /// (row, value)
    pub bad_date: fn(usize, &str) -> String,
    /// First pseudonym, last pseudonym
    pub numbered: fn(&str, &str) -> String,
    pub col_row: &'static str,
    pub col_respondent: &'static str,
    pub col_what: &'static str,
    pub col_answers: &'static str,
    pub col_attributes: &'static str,
    pub col_open: &'static str,
    pub col_situations: &'static str,
    pub status_new: &'static str,
    pub status_updated: &'static str,
    pub status_unchanged: &'static str,
    pub status_refused: &'static str,
    /// (new, updated, unchanged, situations, open answers)
    pub summary: fn(usize, usize, usize, usize, usize) -> String,
    /// (count, pseudonyms)
    pub refused: fn(usize, &str) -> String,
    /// (pseudonym, question key)
    pub kept: fn(&str, &str) -> String,
    pub dry_run: &'static str,
    pub skipped: fn(usize) -> String,
    /// (new, updated)
    pub done: fn(usize, usize) -> String,
}

impl QuestionnaireTexts {
    /// The name of a session kind in this language.
    pub fn kind_name(&self, kind: crate::study::SessionKind) -> &'static str {
        match kind {
            crate::study::SessionKind::Interview => self.kind_interview,
            crate::study::SessionKind::Questionnaire => self.kind_questionnaire,
        }
    }
}
