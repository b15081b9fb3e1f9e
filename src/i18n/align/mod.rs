//! The words of aligning a recording's transcript with its live session (issue 20): the
//! import `--into` a session, its report, proposals on the coding screen, coverage.

mod en;
mod fr;

pub use en::{EN_ALIGN, EN_ALIGN_KEYS};
pub use fr::{FR_ALIGN, FR_ALIGN_KEYS};

use crate::interop::align::AlignError;

pub struct AlignTexts {
    pub one_file: &'static str,
    pub not_for_refi: &'static str,
    /// A REFI-QDA project written with sessions that have a transcript layer: how many.
    pub refi_layers: fn(usize) -> String,
    pub bad_offset: fn(&str) -> String,
    pub bad_starts_at: fn(&str) -> String,
    pub session_named: fn(&str, usize) -> String,
    pub consent_refused: fn(&str) -> String,
    pub no_times: &'static str,
    pub no_session_start: &'static str,
    pub no_notes: &'static str,
    pub no_match: &'static str,
    /// File, its segments, the session's short id, its respondent.
    pub header: fn(&str, usize, &str, &str) -> String,
    /// Start, offset from the session's start, confidence %, notes matched, notes with words.
    pub proposed: fn(&str, &str, u8, usize, usize) -> String,
    /// Start, offset from the session's start.
    pub given: fn(&str, &str) -> String,
    /// The note of tables counting transcripts: how many sessions.
    pub counted_transcripts: fn(usize) -> String,
    pub coverage_title: &'static str,
    pub coverage_sheet: &'static str,
    pub coverage_sessions_title: &'static str,
    pub coverage_sessions_sheet: &'static str,
    pub coverage_base: fn(usize) -> String,
    pub coverage_minutes_note: &'static str,
    /// The statistics screen's coverage tab when no interview has its transcript.
    pub coverage_none: &'static str,
    pub col_with_text: &'static str,
    /// The sessions lists' column saying what text a session holds, and its values.
    pub col_layers: &'static str,
    pub layers_notes: &'static str,
    pub layers_both: &'static str,
    pub layers_transcript: &'static str,
    pub layers_answers: &'static str,
    pub layers_both_short: &'static str,
    pub layers_transcript_short: &'static str,
    pub layers_answers_short: &'static str,
    pub col_minutes_mean: &'static str,
    pub col_session: &'static str,
    pub layer_both: &'static str,
    pub layer_transcript: &'static str,
    pub layer_notes: &'static str,
    pub notes_beside: &'static str,
    pub no_notes_beside: &'static str,
    pub no_proposals: &'static str,
    pub proposals_pending: fn(usize) -> String,
    /// The proposal's score (%).
    pub proposal_here: fn(u8) -> String,
    pub proposal_keys: &'static str,
    pub col_question: &'static str,
    pub col_segments: &'static str,
    pub col_words: &'static str,
    pub col_minutes: &'static str,
    pub off_grid: &'static str,
    pub proposals: fn(usize) -> String,
    /// Nothing written: the command to accept, the option to correct.
    pub accept_or_correct: fn(&str) -> String,
    pub low_confidence: &'static str,
    pub unchanged: &'static str,
    pub added: fn(&str, &str) -> String,
    /// Codings carried, codings lost, excerpts lost.
    pub replaced: fn(usize, usize, usize) -> String,
}

impl AlignTexts {
    /// In words, or in short (five columns) for a narrow list.
    pub fn layers(&self, layers: crate::study::Layers, words: bool) -> &'static str {
        use crate::study::Layers;
        let (long, short) = match layers {
            Layers::Notes => (self.layers_notes, self.layers_notes),
            Layers::NotesAndTranscript => (self.layers_both, self.layers_both_short),
            Layers::Transcript => (self.layers_transcript, self.layers_transcript_short),
            Layers::Answers => (self.layers_answers, self.layers_answers_short),
        };
        if words { long } else { short }
    }

    pub fn error(&self, e: &AlignError) -> &'static str {
        match e {
            AlignError::NoTimes => self.no_times,
            AlignError::NoSessionStart => self.no_session_start,
            AlignError::NoNotes => self.no_notes,
            AlignError::NoMatch => self.no_match,
        }
    }
}

/// What the coding screen's keys for the transcript layer do (`F1`, the status line, what
/// they say once done).
pub struct AlignKeys {
    /// The title of their part of `F1`.
    pub section: &'static str,
    pub layer: &'static str,
    pub short_layer: &'static str,
    pub next_proposal: &'static str,
    pub short_next_proposal: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub no_proposal_here: &'static str,
    /// The code.
    pub accepted: fn(&str) -> String,
    pub rejected: fn(&str) -> String,
    /// What an undo says it undid (the code).
    pub did_accept: fn(&str) -> String,
    pub did_reject: fn(&str) -> String,
}
