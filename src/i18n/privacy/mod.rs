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

    // --- pseudonymize ---
    /// Kinds of proposals: person, place, phone, e-mail, address, age, date of birth.
    pub kind_person: &'static str,
    pub kind_place: &'static str,
    pub kind_phone: &'static str,
    pub kind_email: &'static str,
    pub kind_address: &'static str,
    pub kind_age: &'static str,
    pub kind_birth: &'static str,
    pub unreviewed: &'static str,
    pub accepted: &'static str,
    /// (file, encrypted with the study's key)
    pub keys_at: fn(&str, bool) -> String,
    /// `grille --keys FILE COMMAND`: the flag before a command, which would not see it.
    pub keys_flag_placement: &'static str,
    /// (file)
    pub keys_other_study: fn(&str) -> String,
    /// (file)
    pub keys_in_study: fn(&str) -> String,
    /// (file, reason)
    pub keys_unreadable: fn(&str, &str) -> String,
    /// (n, total, kind, text, pseudonym, occurrences, sessions)
    pub proposal: fn(usize, usize, &str, &str, &str, usize, usize) -> String,
    pub review_prompt: &'static str,
    pub nothing_to_review: &'static str,
    /// (accepted, rejected, left for later)
    pub decided: fn(usize, usize, usize) -> String,
    /// (replacements, sessions)
    /// (replacements, sessions, whether the index on disk was rebuilt)
    pub replaced: fn(usize, usize, bool) -> String,
    /// (pseudonym of the respondent)
    pub busy: fn(&str) -> String,
    /// (replacements, sessions)
    pub undone: fn(usize, usize) -> String,
    pub undo_nothing: &'static str,
    /// (pseudonym, session's respondent)
    pub undo_lost: fn(&str, &str) -> String,
    /// (sessions)
    pub undo_busy: fn(&str) -> String,
    /// (id)
    pub unknown_id: fn(&str) -> String,
    pub names_prompt: &'static str,
    /// (added, total)
    pub list_added: fn(usize, usize) -> String,
    pub ids_or_all: &'static str,
    /// Headers of `pseudonymize list` and `keys`.
    pub column_id: &'static str,
    pub column_kind: &'static str,
    pub column_status: &'static str,
    pub column_count: &'static str,
    pub column_text: &'static str,
    pub column_pseudonym: &'static str,
    pub column_context: &'static str,

    // --- check --privacy ---
    /// (proposals)
    pub audit_unreviewed: fn(usize) -> String,
    /// (kind, text, occurrences, sessions)
    pub audit_item: fn(&str, &str, usize, usize) -> String,
    /// (path, mode)
    pub audit_permissions: fn(&str, u32) -> String,
    pub audit_not_encrypted: &'static str,
    /// (index folder)
    pub audit_index: fn(&str) -> String,
    /// (file)
    pub audit_copy: fn(&str) -> String,
    /// (key table)
    pub audit_keys: fn(&str) -> String,
    /// (key table)
    pub audit_keys_in_study: fn(&str) -> String,
    pub audit_clean: &'static str,
    /// (points)
    pub audit_found: fn(usize) -> String,
}

impl PrivacyTexts {
    /// A kind of proposal in the user's words.
    pub fn kind_name(&self, kind: crate::study::pseudonym::Kind) -> &'static str {
        use crate::study::pseudonym::Kind;
        match kind {
            Kind::Person => self.kind_person,
            Kind::Place => self.kind_place,
            Kind::Phone => self.kind_phone,
            Kind::Email => self.kind_email,
            Kind::Address => self.kind_address,
            Kind::Age => self.kind_age,
            Kind::Birth => self.kind_birth,
        }
    }
}
