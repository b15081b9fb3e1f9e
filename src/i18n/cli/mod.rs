//! The words of the command line's own messages (the `grille dev` tools, output targets, pipes),
//! apart from the big shared lists so that each area's strings merge cleanly.

mod en;
mod fr;

pub use en::EN_CLI;
pub use fr::FR_CLI;

pub struct CliTexts {
    /// (file) A file of a template folder written anew in canonical form.
    pub template_rewritten: fn(&str) -> String,
    /// (file) A journal, lock or index folder removed from a template folder.
    pub template_removed: fn(&str) -> String,
    /// (file) With `--check`: what would be rewritten.
    pub template_would_rewrite: fn(&str) -> String,
    /// (file) With `--check`: what would be removed.
    pub template_would_remove: fn(&str) -> String,
    /// (file) A file grille does not know, left alone.
    pub template_stray: fn(&str) -> String,
    /// (folder) Already canonical.
    pub template_canonical: fn(&str) -> String,
    /// (folder) Canonical now.
    pub template_written: fn(&str) -> String,
    /// (folder) What to run after `--check` found something.
    pub template_run: fn(&str) -> String,
    /// `grille import --consent refused`.
    pub import_consent_refused: &'static str,
    // Where an export goes (`-o`, `--chart`): each names the path as given.
    pub target_exists: fn(&str) -> String,
    pub target_folder: fn(&str) -> String,
    pub target_not_folder: fn(&str) -> String,
    pub target_device: fn(&str) -> String,
    pub target_pipe: fn(&str) -> String,
    pub target_socket: fn(&str) -> String,
    pub target_dangling: fn(&str) -> String,
    /// (file, folder)
    pub target_no_folder: fn(&str, &str) -> String,
    pub target_disk_full: fn(&str) -> String,
    pub target_denied: fn(&str) -> String,
    pub target_read_only: fn(&str) -> String,
    /// (file, what the system said)
    pub target_failed: fn(&str, &str) -> String,
    pub target_two_stdout: &'static str,
}
