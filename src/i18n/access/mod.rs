//! The words of who can open an encrypted study (issue 19): `grille team` (the team members'
//! public keys) and `grille passphrase`, which wrap the study key again without re-encrypting
//! the study.

mod en;
mod fr;

pub use en::EN_ACCESS;
pub use fr::FR_ACCESS;

pub struct AccessTexts {
    /// (study folder)
    pub plain_study: fn(&str) -> String,
    /// (study folder)
    pub passphrase_only: fn(&str) -> String,
    /// (study folder, number of team keys)
    pub team_header: fn(&str, usize) -> String,
    /// (key)
    pub added: fn(&str) -> String,
    /// (key)
    pub already: fn(&str) -> String,
    /// (key)
    pub removed: fn(&str) -> String,
    /// Said after a key is removed: copies made before still open with it.
    pub removed_copies: &'static str,
    /// (number of team keys now)
    pub team_now: fn(usize) -> String,
    /// (study folder)
    pub no_terminal_new: fn(&str) -> String,
    /// (study folder)
    pub passphrase_changed: fn(&str) -> String,
    /// Said after the passphrase is changed: copies made before still open with the old one.
    pub passphrase_copies: &'static str,
    // --- the store's error (StoreError::NotInTeam) ---
    /// (key file, key or name given, keys of the team with this name)
    pub not_in_team: fn(&str, &str, usize) -> String,
}
