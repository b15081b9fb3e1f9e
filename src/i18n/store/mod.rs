//! The words of the study folder and of the model: problems with files, codebook operations,
//! `grille check --repair`, `grille codebook`. One struct so that they stay together.

mod en;
mod fr;

pub use en::EN_STORE;
pub use fr::FR_STORE;

pub struct StoreTexts {
    /// The status of a session with a problem (home screen, `grille sessions`).
    pub status_problem: &'static str,
    // --- grille codebook ---
    pub col_path: &'static str,
    pub col_name: &'static str,
    /// (old path, path it counts under or None when removed, by, day)
    pub retired_line: fn(&str, Option<&str>, &str, &str) -> String,
    pub code_added: fn(&str) -> String,
    /// (old path, new path, new name)
    pub code_renamed: fn(&str, &str, &str) -> String,
    pub code_moved: fn(&str, &str) -> String,
    /// (from, into, codings, sessions)
    pub code_merged: fn(&str, &str, usize, usize) -> String,
    /// (name, codings removed, sessions)
    pub code_deleted: fn(&str, usize, usize) -> String,
    /// (what was undone, who had done it)
    pub undone: fn(&str, &str) -> String,
    pub did_add: fn(&str) -> String,
    pub did_update: fn(&str) -> String,
    pub did_merge: fn(&str, &str) -> String,
    pub did_delete: fn(&str) -> String,
    pub no_such_code: fn(&str) -> String,
    pub move_where: &'static str,
    pub parent_twice: &'static str,
    // --- codebook edits refused ---
    pub edit_no_code: fn(&str) -> String,
    /// (name, codings, sessions)
    pub edit_in_use: fn(&str, usize, usize) -> String,
    pub edit_into_itself: fn(&str) -> String,
    pub edit_nothing_to_undo: &'static str,
    // --- a coding written while another process changed the codebook ---
    /// (old name, new name, by)
    pub coded_with_merged: fn(&str, &str, &str) -> String,
    /// (name, by, time)
    pub code_deleted_elsewhere: fn(&str, &str, &str) -> String,
    pub unknown_code: fn(&str) -> String,
    // --- notices of a change ---
    pub codings_removed: fn(usize) -> String,
    pub not_folded: fn(&str) -> String,
    // --- grille check --repair ---
    pub repair_nothing: &'static str,
    pub repair_leftover: fn(&str) -> String,
    pub repair_not_asked: &'static str,
    pub repair_removed: fn(&str) -> String,
    /// (pseudonym, why)
    pub repair_skipped: fn(&str, &str) -> String,
    /// (codings changed, files removed)
    pub repair_done: fn(usize, usize) -> String,
    pub repair_log: fn(&str) -> String,
    pub repair_prompt: &'static str,
    /// (excerpt, coder, code path)
    pub repair_map: fn(&str, &str, &str) -> String,
    /// (excerpt, coder, why)
    pub repair_drop: fn(&str, &str, &str) -> String,
    /// (path, by)
    pub repair_why_deleted: fn(&str, &str) -> String,
    pub repair_why_unknown: fn(&str) -> String,
    pub repair_why_segment: &'static str,
    // --- the study folder's errors (StoreError::message) ---
    pub io_full: fn(&str) -> String,
    pub io_denied: fn(&str) -> String,
    pub io_read_only: fn(&str) -> String,
    pub io_not_found: fn(&str) -> String,
    pub symlink: fn(&str) -> String,
    /// (path, what it is)
    pub not_regular: fn(&str, &str) -> String,
    pub a_folder: &'static str,
    pub a_fifo: &'static str,
    pub a_device: &'static str,
    pub a_special_file: &'static str,
    /// (file, the process holding it, or "")
    pub locked: fn(&str, &str) -> String,
    /// (file, line, what)
    pub journal_damaged: fn(&str, usize, &str) -> String,
    pub not_a_study: fn(&str) -> String,
    pub exists: fn(&str) -> String,
    pub file_exists: fn(&str) -> String,
}
