use super::{AlignKeys, AlignTexts};

pub static EN_ALIGN: AlignTexts = AlignTexts {
    one_file: "--into adds one transcript to one interview: give one file",
    refi_layers: |n| {
        format!(
            "Warning: {n} interview(s) have their recording's transcript. In the project it \
             follows the live notes in the same source, with its codings; the question visits, \
             which text is transcript or notes and the live proposals are read back by grille \
             only (grille.json). Another tool sees one text, where the notes say the same \
             words again."
        )
    },
    not_for_refi: "--into takes a transcript, not a REFI-QDA file",
    bad_offset: |s| format!("\"{s}\" is not an offset: write ±HH:MM:SS, e.g. +00:04:30 or -12:05"),
    bad_starts_at: |s| {
        format!(
            "\"{s}\" is not a time: write HH:MM[:SS] (on the interview's day) or a date and time"
        )
    },
    session_named: |s, n| {
        format!("\"{s}\" names {n} interviews: give the start of the id (see grille sessions)")
    },
    consent_refused: |s| {
        format!("interview {s} records a refused consent: no transcript can be added to it")
    },
    no_times: "the transcript has no times: it cannot be placed in the interview",
    no_session_start: "the interview has no start time: give --starts-at instead of --offset",
    no_notes: "the interview has no timed notes to compare with: give --offset or --starts-at",
    no_match: "no note of the interview shares words with the transcript: give --offset or --starts-at",
    header: |f, n, id, r| format!("Transcript {f} ({n} segments) → interview {id} ({r})"),
    proposed: |at, off, c, m, n| {
        format!(
            "Proposed recording start: {at} ({off} after the interview's start), confidence \
             {c}% ({m} of {n} notes found in the transcript)"
        )
    },
    given: |at, off| format!("Recording start: {at} ({off} after the interview's start)"),
    counted_transcripts: |n| {
        format!(
            "{n} interview(s) counted on the transcript of their recording (their live notes \
             are not counted as well)"
        )
    },
    coverage_title: "Grid coverage by the transcripts",
    coverage_sheet: "Coverage",
    coverage_sessions_title: "Coverage by interview and question",
    coverage_sessions_sheet: "Coverage by interview",
    coverage_base: |n| {
        format!("Base: {n} interview(s) whose recording is transcribed and aligned with the grid")
    },
    coverage_minutes_note: "Minutes: time in the recording of the segments under the question (overlapping speech counted once)",
    coverage_none: "No interview has the transcript of its recording yet. Add it to the \
                    interview conducted live: grille import FILE --into SESSION; this table then \
                    says which questions of the grid have text and how many minutes each took \
                    in the recordings.",
    col_with_text: "Interviews with text",
    col_layers: "text",
    layers_notes: "notes",
    layers_both: "notes+transcr.",
    layers_transcript: "transcript",
    layers_answers: "answers",
    layers_both_short: "n+tr",
    layers_transcript_short: "tr",
    layers_answers_short: "ans",
    col_minutes_mean: "Minutes per interview",
    col_session: "Interview",
    layer_both: "transcript and notes",
    layer_transcript: "transcript",
    layer_notes: "live notes",
    notes_beside: "Notes taken live",
    no_notes_beside: "no note at this moment",
    no_proposals: "No proposal waiting.",
    proposals_pending: |n| format!("{n} proposal(s) waiting (p)"),
    proposal_here: |s| format!("Proposed from the live notes ({s}%)"),
    proposal_keys: "y accept · n reject · p next",
    col_question: "Question",
    col_segments: "Segments",
    col_words: "Words",
    col_minutes: "Minutes",
    off_grid: "off the grid",
    proposals: |n| {
        format!(
            "{n} live coding(s) proposed on the transcript (accept, move or reject them on the coding screen)"
        )
    },
    accept_or_correct: |cmd| {
        format!(
            "Nothing was written. To accept this start: {cmd} --accept; to correct it: {cmd} \
             --offset ±HH:MM:SS (or --starts-at HH:MM:SS)."
        )
    },
    low_confidence: "Low confidence: check the proposed start against a few segments and notes.",
    unchanged: "This transcript is already the interview's: nothing was written.",
    added: |id, r| format!("Transcript added to interview {id} ({r})."),
    replaced: |kept, lost, lost_excerpts| {
        format!(
            "Transcript replaced: {kept} coding(s) follow their words; {lost} coding(s) and \
             {lost_excerpts} situation excerpt(s) whose words are gone are removed."
        )
    },
};

pub static EN_ALIGN_KEYS: AlignKeys = AlignKeys {
    section: "The recording's transcript",
    layer: "transcript and notes / transcript / live notes",
    short_layer: "layers",
    next_proposal: "next proposal (a live coding), its passage selected",
    short_next_proposal: "proposal",
    accept: "accept the proposal (as proposed, or on the selection moved)",
    reject: "reject the proposal",
    no_proposal_here: "No proposal here (p: the next one).",
    accepted: |c| format!("Proposal \"{c}\" accepted"),
    rejected: |c| format!("Proposal \"{c}\" rejected"),
    did_accept: |c| format!("proposal \"{c}\" accepted"),
    did_reject: |c| format!("proposal \"{c}\" rejected"),
};
