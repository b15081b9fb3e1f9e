//! The words of REFI-QDA exchange (issue 18): what the exported files say to the people who
//! open them in other tools, and every message of `grille export qdc|qdpx` and of importing
//! `.qdc` / `.qdpx` files.

mod en;
mod fr;

pub use en::EN_REFI;
pub use fr::FR_REFI;

pub struct RefiTexts {
    // --- written into the exported files ---
    /// The code that holds the interview grid's themes and questions.
    pub grid_code: &'static str,
    pub grid_code_description: &'static str,
    /// Leads the follow-up prompts in a question code's description.
    pub prompts: &'static str,
    /// Labels of a code's description parts; import reads these and the other language's.
    pub use_when: &'static str,
    pub dont_use_when: &'static str,
    pub example: &'static str,
    /// The speaker of a line of an exported transcript, when a segment has no label.
    pub interviewer_mark: &'static str,
    pub respondent_mark: &'static str,
    /// (interviewer, date or "", location or "")
    pub source_description: fn(&str, &str, &str) -> String,
    /// Who made what an imported file does not attribute to anyone.
    pub someone: &'static str,

    // --- export ---
    pub qdpx_needs_file: &'static str,
    /// (file)
    pub written: fn(&str) -> String,
    /// (codes, sessions, codings)
    pub exported: fn(usize, usize, usize) -> String,
    /// (codes) of a codebook
    pub exported_codes: fn(usize) -> String,

    // --- errors: (file, …) ---
    pub unreadable: fn(&str, &str) -> String,
    pub unsupported: fn(&str) -> String,
    pub not_zip: fn(&str, &str) -> String,
    pub unsafe_entry: fn(&str, &str) -> String,
    pub too_many_entries: fn(&str, usize) -> String,
    /// (file, entry, limit in MiB)
    pub too_large: fn(&str, &str, u64) -> String,
    pub no_project: fn(&str) -> String,
    /// (archive, entry): an entry of an archive, named in the messages below
    pub in_archive: fn(&str, &str) -> String,
    /// (document: the file or [`Self::in_archive`], line, what)
    pub xml: fn(&str, usize, &str) -> String,
    pub xml_malformed: fn(&str) -> String,
    pub xml_doctype: &'static str,
    pub xml_entity: fn(&str) -> String,
    pub xml_too_deep: fn(usize) -> String,
    pub xml_huge_attribute: fn(&str, usize) -> String,
    pub xml_huge_text: fn(&str, usize) -> String,
    pub xml_empty: &'static str,
    /// (document: the file or [`Self::in_archive`], where: from [`Self::not_utf8_at`])
    pub not_utf8: fn(&str, &str) -> String,
    /// (byte, line, column) of the first byte that is not UTF-8
    pub not_utf8_at: fn(usize, usize, usize) -> String,
    /// (the encoding the bytes look like)
    pub looks_like: fn(&str) -> String,
    pub not_refi: fn(&str, &str) -> String,
    pub project_in_codebook: fn(&str) -> String,
    /// (file, problems)
    pub invalid: fn(&str, &str) -> String,
    pub write_failed: fn(&str, &str) -> String,
    /// (error of the study folder)
    pub store_failed: fn(&str) -> String,
    pub nothing_written: &'static str,

    // --- import report ---
    /// (origin)
    pub reading: fn(&str) -> String,
    /// (sessions, segments, codings, memos, situations)
    pub imported: fn(usize, usize, usize, usize, usize) -> String,
    /// (added, merged)
    pub codes: fn(usize, usize) -> String,
    /// (name in the file, path in the study)
    pub code_merged: fn(&str, &str) -> String,
    pub attributes_added: fn(&str) -> String,
    /// (attribute key, set names)
    pub sets_as_attribute: fn(&str, &str) -> String,
    /// (how, fitting, selections)
    pub counting: fn(&str, usize, usize) -> String,
    pub counting_code_points: &'static str,
    pub counting_utf16: &'static str,
    pub crlf_as_one: &'static str,
    pub crlf_as_two: &'static str,
    pub realigned: fn(usize) -> String,
    pub clipped: fn(usize) -> String,
    pub outside: fn(&str) -> String,
    /// Things left out, each on its line.
    pub left_out: fn(usize) -> String,
    pub skip_source_rich_text: fn(&str, &str) -> String,
    pub skip_source_not_found: fn(&str, &str) -> String,
    pub skip_source_no_text: fn(&str) -> String,
    /// (name, path, where: from [`Self::not_utf8_at`])
    pub skip_source_not_utf8: fn(&str, &str, &str) -> String,
    pub skip_source_too_large: fn(&str, &str) -> String,
    pub skip_source_exists: fn(&str) -> String,
    /// (kind, name)
    pub skip_other_source: fn(&str, &str) -> String,
    /// (guid, source, why)
    pub skip_selection: fn(&str, &str, &str) -> String,
    pub why_not_numbers: &'static str,
    /// (start, end, length)
    pub why_out_of_range: fn(i64, i64, u64) -> String,
    pub why_inside_character: fn(i64, i64) -> String,
    pub why_quote: fn(&str) -> String,
    pub why_no_text: &'static str,
    /// (coding guid, source, code guid)
    pub skip_coding: fn(&str, &str, &str) -> String,
    /// (case, variable, value, why)
    pub skip_value: fn(&str, &str, &str, &str) -> String,
    pub skip_project_note: fn(&str) -> String,
    pub skip_set: fn(&str) -> String,
    /// (folder)
    pub study_created: fn(&str) -> String,
    pub check_pseudonyms: &'static str,
    pub consent_unknown: &'static str,
    pub new_only_for_refi: &'static str,
    pub one_file: &'static str,
    pub dry_run: &'static str,
}
