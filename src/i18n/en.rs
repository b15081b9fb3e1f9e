use super::Texts;

pub static EN: Texts = Texts {
    check_ok: |n| format!("Study is sound: {n} session(s) checked, no problem."),
    check_failed: |n| format!("{n} problem(s) found."),
    study_created: |p| format!("Study created in {p}"),
    default_study_created: |p| format!("First run: default study created in {p}"),
    demo_at: |p| format!("Demo: throwaway copy of the example study in {p}"),
    read_only: "read-only",
    status_in_progress: "in progress",
    status_done: "done",
    col_id: "id",
    col_date: "date",
    col_interviewer: "interviewer",
    col_respondent: "respondent",
    col_status: "status",
    col_segments: "segments",
    col_codings: "codings",
    no_sessions: "No session in this study.",
    session_unreadable: |e| format!("unreadable session: {e}"),
    // Importing transcripts.
    import_done: |n, s| format!("{n} session(s) imported ({s} segment(s))."),
    import_nothing_written: |bad, all| {
        format!("Nothing was imported: {bad} file(s) out of {all} to fix.")
    },
    import_reading: "reading",
    import_writing: "writing",
    import_consent_unknown: "Consent not recorded (unknown): add --consent given if consent was \
        obtained at the interview.",
    import_no_interviewer: "Who ran the interviews? Give --interviewer NAME (or save your \
        interviewer name in the preferences).",
    import_bad_date: |d| {
        format!(
            "cannot read the date \"{d}\": write 2021-04-12, 2021-04-12 10:02 or 2021-04-12T10:02:00+02:00"
        )
    },
    import_segments: "segments",
    import_source: "file",
    import_not_utf8: |f, o, l, c| {
        format!("{f}: this file is not UTF-8 (byte {o}, line {l}, column {c}).")
    },
    import_looks_like: |e, cmd| {
        format!(" It looks like {e}; convert it with `{cmd}` and import the copy.")
    },
    import_unknown_encoding: " Its encoding was not recognised; save it as UTF-8 from your editor \
        and import the copy.",
    import_binary: |f, o| {
        format!("{f}: a NUL byte at byte {o}: this is not UTF-8 text (a binary file, or UTF-16?).")
    },
    import_empty: |f| format!("{f}: the file is empty."),
    import_no_text: |f| format!("{f}: no text to import (only headings, times or empty cues)."),
    import_unsupported: |f| format!("{f}: unsupported format (.txt, .md, .srt or .vtt files)."),
    import_malformed: |f, l, m| format!("{f}: line {l}: {m}"),
    import_unreadable: |f, e| format!("{f}: cannot read: {e}"),
    import_twice: |f| format!("{f}: given twice."),
    import_respondent_for_many: "--respondent names one respondent: import one file with it \
        (otherwise each file's name is its pseudonym).",
    import_unknown_attribute: |k, known| {
        format!("attribute \"{k}\" is not declared in study.json (attributes: {known})")
    },
    import_bad_attribute: |k, m| format!("attribute \"{k}\": {m}"),
    import_attribute_syntax: |g| format!("\"{g}\": write --attr key=value"),
    import_unknown_question: |k| format!("no question \"{k}\" in the grid"),
    import_write_failed: |e| format!("writing failed, nothing was imported: {e}"),
    import_pseudonym_from_file: "Pseudonyms taken from the file names: check that none holds a \
        real name (otherwise, --respondent PSEUDO).",
};
