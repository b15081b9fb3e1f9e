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
    // --- terminal interface ---
    home_title: "Home",
    sessions_count: |n| format!("{n} session(s)"),
    study_summary: |themes, questions, codes| {
        format!("Grid: {themes} themes, {questions} questions · Codebook: {codes} codes")
    },
    no_sessions_tui: "No session yet. Press n to start an interview.",
    col_coverage: "coverage",
    too_small: "Terminal too small: enlarge the window.",
    help_title: " Key bindings ",
    help_close: " any key to close ",
    setup_title: "New interview",
    setup_interviewer: "Interviewer",
    setup_pseudonym: "Pseudonym",
    setup_location: "Location",
    setup_consent: "Consent given",
    setup_need_interviewer: "Enter the interviewer's name.",
    setup_need_pseudonym: "Enter a pseudonym for the respondent (never their name).",
    setup_need_consent: "Without consent recorded as given (y), the interview cannot be recorded.",
    interview_with: "Interview",
    grid_title: " Grid ",
    grid_empty: "This study's grid is empty.",
    skipped: "skipped",
    covered: "covered",
    answer: "Answer",
    answer_yes_no: "yes / no",
    answer_number: "a number",
    answer_choice: "one option",
    answer_choices: "several options",
    answer_scale: "a scale",
    yes: "Yes",
    no: "No",
    number_expected: |c| format!("A number is expected: '{c}' refused."),
    not_a_number: |s| format!("'{s}' is not a number."),
    nothing_said_yet: "Nothing noted on this question yet.",
    notes: "Notes",
    speaker_respondent: "Respondent",
    speaker_interviewer: "Interviewer",
    saved: "saved",
    typing: "typing",
    not_saved: "NOT SAVED",
    no_consent_notes: "No consent recorded for this session: no notes can be taken in it.",
    read_only_notes: "Read-only session: another grille is writing it.",
    session_locked: "This session is open in another grille: read-only here.",
    no_session_open: "No session open: nothing was saved.",
    picker_title: " Code the segment ",
    picker_no_match: "No code matches.",
    skip_reason: " Skip the question: reason ",
    jump_title: " Go to a question ",
    finish_title: " Finish the interview ",
    all_covered: "Every question has been covered.",
    uncovered_count: |n| format!("{n} question(s) not covered:"),
    situations_title: |n| format!(" Situations of the session ({n}) "),
    no_situations: "No situation described yet (n to add one).",
    situation_title: " Situation described ",
    situation_label: "Label",
    situation_needs_label: "Give the situation a short label.",
    and_more: |n| format!("  … and {n} more"),
    // Importing transcripts.
    import_done: |n, s| format!("{n} session(s) imported ({s} segment(s))."),
    import_nothing_written: |bad, all| {
        format!("Nothing was imported: {bad} file(s) out of {all} to fix.")
    },
    import_reading: "reading",
    import_writing: "writing",
    import_consent_unknown: "Consent not recorded (unknown): add --consent given if consent was \
        obtained at the interview.",
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
    import_empty: |f| format!("{f}: the file is empty."),
    import_no_text: |f| format!("{f}: no text to import (only headings, times or empty cues)."),
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
    // --- coding, codebook, retrieval ---
    all_coders: "everyone",
    coder: "coder",
    coding_title: "Coding",
    choose_memo: " Memo on which coding? ",
    choose_remove: " Remove which coding? ",
    codes_here: "Codes here",
    none: "none",
    segment: "Segment",
    situation_here: "Situation",
    selected_chars: |n| format!("Selection: {n} character(s)"),
    empty_transcript: "This session has no text yet.",
    no_question: "Outside the grid",
    attach_question: " Attach the segment to a question (↑↓ Enter) ",
    memo_title: " Coding memo (Enter) ",
    edit_title: " Correct the segment's text ",
    link_situation: " Link the excerpt to a situation ",
    new_situation: "+ New situation…",
    codebook_title: "Codebook",
    codes_count: |n| format!("{n} codes"),
    code_name: "Name",
    code_slug: "Path key (used in queries)",
    code_colour: "Colour (#rrggbb)",
    code_description: "Description",
    code_use_when: "When to use",
    code_dont_use_when: "When not to use",
    code_example: "Example",
    code_new_title: " New code ",
    code_edit_title: " Edit the code ",
    new_code_name: "New code",
    pick_parent: " Move under… ",
    pick_merge: " Merge into… (its codings move there) ",
    pick_move_codings: " Move its codings to… ",
    delete_title: " Delete the code ",
    excerpts_of: "Coded excerpts",
    excerpts_count: |n| format!("{n} excerpt(s)"),
    with_subcodes: "with sub-codes",
    without_subcodes: "without sub-codes",
    no_excerpts: "No excerpt is coded so.",
    // Analysis and exports (issue 6).
    // --- statistics screen ---
    stats_title: "Statistics",
    stats_frequencies: "Code frequencies",
    stats_answers: "Answers to closed questions",
    stats_base: |s, r| format!("{s} session(s), {r} respondent(s)"),
    col_code: "code",
    col_excerpts: "excerpts",
    col_sessions: "sessions",
    col_respondents: "respondents",
    col_words: "words",
    stats_top_codes: " Most cited codes (respondents) ",
    stats_answered: |a, n, none| {
        format!("  {a} answer(s) out of {n} respondent(s), {none} without — % of answers")
    },
    stats_summary: |n, sum, min, med, max, unit| {
        format!("  {n} answer(s) · total {sum} {unit} · min {min} · median {med} · max {max}")
    },
    stats_multi: "  Several answers allowed: percentages do not add up to 100.",
    exported: |p| format!("Exported: {p}"),
    analysis: &super::analysis::EN_ANALYSIS,
    encryption: &super::encryption::EN_ENCRYPTION,
    access: &super::access::EN_ACCESS,
    cli: &super::cli::EN_CLI,
    import: &super::import::EN_IMPORT,
    store: &super::store::EN_STORE,
    refi: &super::refi::EN_REFI,
    privacy: &super::privacy::EN_PRIVACY,
    problems: &super::problems::EN_PROBLEMS,
    // Search and corpus (issue 5)
    corpus_written: |n, w, p| format!("Synthetic corpus: {n} session(s), {w} words, in {p}"),
    query_at: |c, m| format!("invalid query, column {c}: {m}"),
    query_empty: "the query is empty: type words, \"a phrase\" or field:value",
    query_expected: |e| format!("expected here: {e}"),
    query_unknown_field: |f, k| format!("unknown field \"{f}\"; known fields: {k}"),
    query_unknown_code: |p, c| {
        if c.is_empty() {
            format!("unknown code \"{p}\" (see the codebook)")
        } else {
            format!("unknown code \"{p}\"; close codes: {c}")
        }
    },
    query_unknown_value: |f, v, k| {
        format!("{f} does not take the value \"{v}\"; possible values: {k}")
    },
    query_bad_date: |d| {
        format!(
            "invalid date \"{d}\": expected YYYY, YYYY-MM or YYYY-MM-DD, or a range start..end (either end optional)"
        )
    },
    query_nothing: |w| format!("\"{w}\" holds no word to search"),
    query_bad_fuzzy: |d| format!("fuzzy distance {d} is too large: ~1 or ~2 at most"),
    search_total: |n| format!("{n} hit(s)"),
    search_none: "No hit.",
    search_by_code: "By code:",
    search_by_attribute: "By respondent attribute:",
    search_excerpt: "excerpt",
    search_segment: "segment",
    index_rebuilt: |why| format!("search index rebuilt ({why})"),
    index_caught_up: |u, r| format!("search index updated: {u} session(s) re-indexed, {r} removed"),
    index_skipped: |id, e| format!("session {id} not indexed: {e}"),
    index_done: |n| format!("Index rebuilt: {n} session(s)."),
    index_why_missing: "there was none yet",
    index_why_version: "made by another version of grille",
    index_why_definition: "the codebook, the grid or the attributes changed",
    index_why_incomplete: "an earlier build was interrupted",
    index_why_damaged: |e| format!("damaged files: {e}"),
    index_why_asked: "as asked",
    index_busy_stale: "the index is being updated by another grille process: results may be incomplete",
    query_syntax: |code| {
        match code {
            "close_paren" => "a closing parenthesis `)`",
            "close_quote" => "a closing quote `\"`",
            "term_after_or" => "a search term after OR",
            "term_after_and" => "a search term after AND",
            "term_after_not" => "a search term after NOT",
            "term_in_parens" => "a search term inside the parentheses",
            "value_after_colon" => "a value right after the colon (no space)",
            "shallower" => "fewer nested parentheses or NOTs",
            "no_open_paren" => "nothing: this `)` closes no parenthesis",
            _ => "a word, a \"phrase\" or field:value",
        }
        .to_owned()
    },
    // --- search screen ---
    search_title: "Search",
    search_hint: "Type a query: words, \"phrases\", code:proxenetisme/conjugal, secteur:sante, date:2021-04..2021-07… (see the README)",
    screens: &super::screens::EN_SCREENS,
    questionnaire: &super::questionnaire::EN_QUESTIONNAIRE,
    align: &super::align::EN_ALIGN,
    keys: &super::keys::EN_KEYS,
    report: &super::report::EN_REPORT,
};
