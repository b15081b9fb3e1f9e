//! The words of the pseudonymisation screen (issue 19): what its keys do (`F1`, the status
//! line), its columns, where an occurrence is, and what it says after a decision. Reached from
//! the key texts (`t.keys.pseudonyms`), since key bindings read those.

mod en;
mod fr;

pub use en::EN_PSEUDONYMS;
pub use fr::FR_PSEUDONYMS;

pub struct PseudonymScreenTexts {
    pub title: &'static str,
    pub section: &'static str,
    // --- what the keys do (F1), and their short words (status line) ---
    /// The home screen's key to this screen.
    pub open: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub previous_occurrence: &'static str,
    pub next_occurrence: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub later: &'static str,
    pub accept_kind: &'static str,
    pub accept_text: &'static str,
    pub apply: &'static str,
    pub undo: &'static str,
    pub reload: &'static str,
    pub back: &'static str,
    pub short_accept: &'static str,
    pub short_reject: &'static str,
    pub short_later: &'static str,
    pub short_apply: &'static str,
    pub short_undo: &'static str,
    pub short_back: &'static str,
    // --- the screen ---
    pub loading: &'static str,
    pub empty: &'static str,
    /// (proposals, accepted, rejected, undecided)
    pub counts: fn(usize, usize, usize, usize) -> String,
    pub undecided: &'static str,
    pub accepted: &'static str,
    pub rejected: &'static str,
    pub col_kind: &'static str,
    pub col_text: &'static str,
    pub col_pseudonym: &'static str,
    pub col_where: &'static str,
    /// (occurrences, sessions)
    pub where_found: fn(usize, usize) -> String,
    /// (occurrence, of, respondent's pseudonym, where in the session)
    pub occurrence: fn(usize, usize, &str, &str) -> String,
    pub in_transcript: &'static str,
    pub in_memo: &'static str,
    pub in_coding_memo: &'static str,
    pub in_situation: &'static str,
    /// (how many accepted by one key, kind or text)
    pub accepted_many: fn(usize, &str) -> String,
    /// (accepted not replaced yet)
    pub not_applied: fn(usize) -> String,
}
