//! The words of encryption at rest (issue 19): the passphrase prompts, `grille encrypt` and
//! `grille decrypt`, and the store's errors about keys and encrypted files.

mod en;
mod fr;

pub use en::EN_ENCRYPTION;
pub use fr::FR_ENCRYPTION;

pub struct EncryptionTexts {
    /// (study folder)
    pub prompt: fn(&str) -> String,
    pub prompt_new: &'static str,
    pub prompt_again: &'static str,
    pub mismatch: &'static str,
    /// (least number of characters)
    pub too_short: fn(usize) -> String,
    /// (study folder)
    pub no_terminal: fn(&str) -> String,
    /// (study folder)
    pub no_terminal_new: fn(&str) -> String,
    /// (study folder, files encrypted, team keys)
    pub encrypted: fn(&str, usize, usize) -> String,
    /// (study folder, files decrypted)
    pub decrypted: fn(&str, usize) -> String,
    /// (study folder)
    pub created: fn(&str) -> String,
    pub keep_passphrase: &'static str,
    /// Why the search index was built (`grille index rebuild`).
    pub index_in_memory: &'static str,
    /// (path of the old copy, why)
    pub old_copy_left: fn(&str, &str) -> String,
    /// (the key given, why it is not one)
    pub bad_recipient: fn(&str, &str) -> String,
    /// (identity file, why)
    pub bad_identity: fn(&str, &str) -> String,
    // --- the store's errors (StoreError::message) ---
    pub key_needed: fn(&str) -> String,
    pub wrong_key: fn(&str) -> String,
    /// (path, what is wrong)
    pub key_file_damaged: fn(&str, &str) -> String,
    pub encrypted_in_plain: fn(&str) -> String,
    pub plain_in_encrypted: fn(&str) -> String,
    pub undecryptable: fn(&str) -> String,
    pub unknown_file: fn(&str) -> String,
    /// (study folder, whether it is encrypted)
    pub already: fn(&str, bool) -> String,
}
