//! The words of confidentiality (issue 19): what an export carrying identities says about
//! itself, and the messages of `grille pseudonymize` and `grille check --privacy`.

mod en;
mod fr;

pub use en::EN_PRIVACY;
pub use fr::FR_PRIVACY;

pub struct PrivacyTexts {
    // --- exports ---
    /// Written into an export made with --with-identities (a note of every table, the first
    /// line of a CSV, the subtitle of a chart, the description of a REFI-QDA project).
    pub with_identities: &'static str,
    /// (attribute key) asked for as --by without --with-identities.
    pub identifying_attribute: fn(&str) -> String,
}
