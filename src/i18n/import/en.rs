use super::ImportTexts;

pub static EN_IMPORT: ImportTexts = ImportTexts {
    not_text: |f, what| format!("{f}: not a text transcript: {what}"),
    zip: "it is a zip archive (a .docx, .odt or .xlsx renamed?). Give it back its extension \
        (.docx, .odt) to import it.",
    pdf: "it is a PDF document. Export the transcript as .docx, .odt or .txt from the software \
        that made it.",
    old_word: "it is a Word 97–2003 document (.doc). Save it as .docx (File › Save as) and \
        import the copy.",
    rtf: "it is an RTF document. Save it as .docx or .odt and import the copy.",
    image: "it is an image.",
    recording: "it is an audio or video recording, not its transcript.",
    executable: "it is a program.",
    utf16: |order, cmd| {
        format!(
            "it is UTF-16 text ({order}) without a byte-order mark. Convert it with `{cmd}` and \
             import the copy."
        )
    },
    binary: "it is a binary file (it holds control bytes no text has).",
    bad_cue_time: |cue, found| {
        format!(
            "cue {cue}: \"{found}\" is not a valid time (hh:mm:ss.mmm, minutes and seconds 00 \
             to 59)"
        )
    },
    cue_ends_before_start: |cue, start, end| {
        format!("cue {cue} ends ({end}) before it starts ({start})")
    },
    missing_blank_line: "a timing line inside a cue's text: a blank line is missing before the \
        cue it starts",
    ends_before_start: |text, start, end| {
        format!("\"{text}\" ends ({end}) before it starts ({start})")
    },
    missing: |what| format!("{what} is missing"),
    syntax: |m| format!("damaged file: {m}"),
    malformed_at: |f, l, m| format!("{f}: line {l}: {m}"),
    malformed: |f, m| format!("{f}: {m}"),
    unsupported: |f| {
        format!(
            "{f}: unsupported format. grille reads .txt, .md, .docx, .odt, .srt, .vtt, .html \
             (noScribe), .otr (oTranscribe), .json and .tsv (Whisper), .TextGrid (Praat), .eaf \
             (ELAN) and .trs (Transcriber)."
        )
    },
    already_imported: |f, id, r| {
        format!("{f}: already imported (session {id}, {r}): skipped, nothing is duplicated.")
    },
    leftover_removed: |d| format!("Removed a folder left by an interrupted import: {d}"),
    speakers_of: |f| format!("{f} — speakers:"),
    speaker_line: |label, role, lines, questions| {
        format!("  {label}: {role}, {lines} line(s), {questions} question(s)")
    },
    role_interviewer: "interviewer",
    role_respondent: "respondent",
    role_co_respondent: "other respondent",
    why_mark: "(interviewer mark)",
    why_given: "(given with --interviewer-label)",
    why_declared: "(declared in the file)",
    why_name: "(the interviewer's name)",
    why_questions: "(asks the most questions)",
    no_labels: "  no speaker names: everything is the respondent's",
    unknown_interviewer_label: |l, found| {
        format!("--interviewer-label \"{l}\": no speaker of that name (found: {found})")
    },
    unknown_speaker: |l, found| {
        format!("\"{l}\": no speaker of that name in the files (found: {found})")
    },
    dry_run_nothing_written: "Dry run (--dry-run): nothing was written.",
    times_relative: "Without --date, times are offsets from the start of the recording (the \
        interview's date stays unknown).",
    interviewer_unknown: "Interviewer unknown: give --interviewer NAME, or save your name with \
        `grille config set interviewer NAME`.",
    config_saved: |k, v| format!("{k} = {v} (saved in the preferences)"),
    config_cleared: |k| format!("{k} cleared from the preferences"),
    config_unknown_key: |k| format!("\"{k}\" is not a preference (interviewer, coder, lang)"),
    config_nowhere: "no config folder on this system: preferences cannot be saved",
    session_not_found: |id| {
        format!("no session whose id starts with \"{id}\" (see grille sessions)")
    },
    session_ambiguous: |id, n| {
        format!("\"{id}\" matches {n} sessions: give more characters of the id")
    },
    session_nothing_to_set: "nothing to change: give --interviewer NAME",
    session_busy: |id| {
        format!("session {id} is open for writing elsewhere: try again once it is closed")
    },
    interviewer_set: |id, r, name| format!("Session {id} ({r}): interviewer = {name}"),
};
