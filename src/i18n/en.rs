use super::{AnalysisTexts, Texts};

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
    keys_home: "↑↓ select · Enter open · n new interview · c code · s statistics · B codes · q quit",
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
    keys_setup: "Tab next field · ↑↓ choose · Enter confirm · Ctrl+S start · Esc cancel",
    interview_with: "Interview",
    grid_title: " Grid ",
    grid_empty: "This study's grid is empty.",
    skipped: "skipped",
    covered: "covered",
    answer: "Answer",
    answer_yes_no: "y yes · n no",
    answer_number: "a number, Enter to confirm",
    answer_choice: "a digit or ↑↓ Enter",
    answer_choices: "digits or Space to tick, Enter to confirm",
    answer_scale: "a digit or ←→ Enter",
    yes: "Yes",
    no: "No",
    yes_no_keys: "(y / n)",
    number_keys: "(Enter to confirm)",
    number_expected: |c| format!("A number is expected: '{c}' refused."),
    not_a_number: |s| format!("'{s}' is not a number."),
    nothing_said_yet: "Nothing noted on this question yet.",
    notes: "Notes",
    notes_hint: " Enter×2 new block · Ctrl+T speaker ",
    speaker_respondent: "Respondent",
    speaker_interviewer: "Interviewer",
    saved: "saved",
    typing: "typing",
    not_saved: "NOT SAVED",
    no_consent_notes: "No consent recorded for this session: no notes can be taken in it.",
    read_only_notes: "Read-only session: another grille is writing it.",
    session_locked: "This session is open in another grille: read-only here.",
    no_session_open: "No session open: nothing was saved.",
    keys_notes: "Ctrl+N/P question · Ctrl+G grid · Ctrl+O code · Alt+S situation · Esc commands · F1 help",
    keys_answer: "answer with a key · Tab notes · Esc commands · F1 help",
    keys_command: "i type · j/k question · g grid · c covered · x skip · s situation · f finish · q pause · ? help",
    picker_title: " Code the segment ",
    picker_keys: " type to filter · ↑↓ · Enter apply · Esc ",
    picker_no_match: "No code matches.",
    skip_reason: " Skip the question: reason (Enter) ",
    jump_title: " Go to a question (↑↓ Enter) ",
    finish_title: " Finish the interview ",
    all_covered: "Every question has been covered.",
    uncovered_count: |n| format!("{n} question(s) not covered:"),
    finish_confirm: "Finish the interview? y yes · n no",
    situations_title: |n| format!(" Situations of the session ({n}) "),
    situations_keys: " Enter edit · n new · Esc ",
    no_situations: "No situation described yet (n to add one).",
    situation_title: " Situation described ",
    situation_keys: " Tab next field · Enter confirm · Ctrl+S save · Esc ",
    situation_label: "Label",
    situation_needs_label: "Give the situation a short label.",
    and_more: |n| format!("  … and {n} more"),
    help_home: &[
        ("↑ ↓  j k", "select a session"),
        ("Enter / click", "open the session (resume if in progress)"),
        ("i", "continue the interview (notes)"),
        ("c", "code the transcript"),
        ("s", "statistics and exports"),
        ("B", "codebook"),
        ("n", "new interview"),
        ("r", "reload sessions from disk"),
        ("F1  ?", "this help"),
        ("q  Esc", "quit"),
    ],
    help_setup: &[
        ("Tab  Shift+Tab", "next / previous field"),
        ("↑ ↓", "choose an option, change field"),
        ("digit", "choose the numbered option"),
        ("y / n", "consent given or not"),
        ("Enter", "confirm the field"),
        ("Ctrl+S", "start the interview"),
        ("Esc", "cancel"),
    ],
    help_interview: &[
        (
            "(type)",
            "notes on the current question, saved continuously",
        ),
        (
            "Enter Enter",
            "close the block: the next one is a new segment",
        ),
        ("Ctrl+T", "switch speaker (respondent / interviewer)"),
        ("Ctrl+N  PgDn", "next question"),
        ("Ctrl+P  PgUp", "previous question"),
        ("Alt+PgDn / PgUp", "next / previous theme"),
        ("Ctrl+G", "go to a question of the grid"),
        ("Tab", "switch between notes and answer (closed questions)"),
        ("Ctrl+O", "code the current segment (filter by name)"),
        ("Alt+1…9", "apply a quick code"),
        ("Alt+S", "add a situation linked to the segment"),
        ("Alt+L", "list of situations"),
        ("Esc", "command mode (single keys below)"),
        ("i  Enter", "back to the notes"),
        ("j k  J K", "next / previous question, theme"),
        ("c", "mark the question covered"),
        ("x", "skip the question (with a reason)"),
        ("f", "finish the interview (list of what is left)"),
        ("q  Ctrl+Q", "pause: leave, resume later"),
        ("click / wheel", "go to a question / scroll"),
        ("Ctrl+C", "save and quit grille"),
        ("F1  ?", "this help"),
    ],
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
    keys_coding: "←→ w b ( ) { } move · v/Shift select · c code · x remove · m memo · e correct · s situation · f coder · u undo · B codes · q back",
    attach_question: " Attach the segment to a question (↑↓ Enter) ",
    memo_title: " Coding memo (Enter) ",
    edit_title: " Correct the segment's text ",
    edit_keys: " Ctrl+S save · Esc cancel · codings follow their words ",
    link_situation: " Link the excerpt to a situation ",
    new_situation: "+ New situation…",
    codebook_title: "Codebook",
    codes_count: |n| format!("{n} codes"),
    keys_codebook: "↑↓ · a add · A sub-code · e edit · m move · M to top · f merge · d delete · u undo · Enter excerpts · q back",
    code_name: "Name",
    code_slug: "Path key (used in queries)",
    code_colour: "Colour (#rrggbb)",
    code_description: "Description",
    code_use_when: "When to use",
    code_dont_use_when: "When not to use",
    code_example: "Example",
    code_new_title: " New code ",
    code_edit_title: " Edit the code ",
    code_form_keys: " Tab/Enter next field · Ctrl+S save · Esc cancel ",
    new_code_name: "New code",
    pick_parent: " Move under… ",
    pick_merge: " Merge into… (its codings move there) ",
    pick_move_codings: " Move its codings to… ",
    delete_title: " Delete the code ",
    confirm_delete: "y: delete (if unused) · m: delete, moving its codings to another code · r: delete with its codings · Esc: cancel",
    excerpts_of: "Coded excerpts",
    excerpts_count: |n| format!("{n} excerpt(s)"),
    with_subcodes: "with sub-codes",
    without_subcodes: "without sub-codes",
    no_excerpts: "No excerpt is coded so.",
    keys_retrieval: "↑↓ · Enter open in the transcript · d with/without sub-codes · q back",
    help_coding: &[
        ("← → h l", "previous / next character"),
        ("w  b  Ctrl+→ ←", "end of word / start of word"),
        (") (", "end / start of sentence"),
        ("} {", "next / previous segment"),
        ("↑ ↓ j k  PgUp PgDn", "line, page"),
        (
            "g G  Home End",
            "start / end of the transcript, of the line",
        ),
        ("v  Shift+arrows  drag", "select an excerpt (Esc: cancel)"),
        (
            "c  Enter",
            "code the selection (or the segment); Ctrl+N in the list creates a code",
        ),
        ("Alt+1…9", "quick code"),
        ("x  Del", "remove a coding"),
        ("m", "memo on a coding"),
        ("e", "correct the segment's text (codings follow)"),
        ("s", "link the excerpt to a situation"),
        ("f", "filter by coder"),
        ("a", "attach the segment to a question of the grid"),
        ("u", "undo the last action"),
        ("B", "codebook"),
        ("q  Esc", "back home"),
    ],
    help_codebook: &[
        ("↑ ↓", "select a code"),
        ("a  A", "add a code / a sub-code"),
        ("e  r", "edit: name, path key, colour, definitions"),
        ("m  M", "move under another code / to the top"),
        ("f", "merge into another code (codings follow)"),
        ("d", "delete (moving or removing its codings)"),
        ("u", "undo the last edit"),
        ("Enter  l", "excerpts coded with this code"),
        ("q  Esc", "back"),
    ],
    help_retrieval: &[
        ("↑ ↓", "select an excerpt"),
        ("Enter", "open the excerpt in its transcript"),
        ("d", "include sub-codes or not"),
        ("q  Esc", "back to the codebook"),
    ],
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
        format!("  {a} answer(s) out of {n} session(s), {none} without — % of answers")
    },
    stats_summary: |n, sum, min, med, max, unit| {
        format!("  {n} answer(s) · total {sum} {unit} · min {min} · median {med} · max {max}")
    },
    stats_multi: "  Several answers allowed: percentages do not add up to 100.",
    keys_stats: "Tab frequencies/answers · s sort · r reverse · d sub-codes · x xlsx · c csv · m markdown · q back",
    exported: |p| format!("Exported: {p}"),
    help_stats: &[
        ("Tab", "code frequencies / answers to closed questions"),
        ("↑ ↓", "browse"),
        (
            "s",
            "sort: codebook, excerpts, sessions, respondents, words",
        ),
        ("r", "reverse the order"),
        ("d", "count with or without sub-codes"),
        (
            "x  c  m",
            "export the table as xlsx, CSV (; and BOM) or Markdown in the current folder",
        ),
        ("q  Esc", "back"),
    ],
    analysis: &EN_ANALYSIS,
    cli: &super::cli::EN_CLI,
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
    keys_search: "type the query · ↑↓ results · Enter open in the transcript · Esc back · F1 help",
    help_search: &[
        ("(type)", "the query; results follow after a short pause"),
        (
            "words  \"phrase\"",
            "all the words; an exact phrase (accents and case ignored)",
        ),
        ("AND OR NOT  -word  ( )", "combine, exclude, group"),
        ("word~  word~2", "close words (typos)"),
        ("code:path", "excerpts coded so, sub-codes included"),
        (
            "theme: question: speaker:",
            "theme, question (key), speaker",
        ),
        (
            "respondent: coder: secteur:…",
            "respondent, coder, any attribute",
        ),
        ("date:2021-04..2021-07", "period (bounds included)"),
        ("kind:excerpt|segment", "coded excerpts or segments"),
        ("↑ ↓  Enter", "choose a hit, open it in its transcript"),
        ("Esc", "back to the previous screen"),
    ],
    screens: &super::screens::EN_SCREENS,
};

pub static EN_ANALYSIS: AnalysisTexts = AnalysisTexts {
    yes: "yes",
    no: "no",
    not_given: "not given",
    code: "code",
    name: "name",
    with_descendants: |c| format!("{c} (with subcodes)"),
    excerpts: "excerpts",
    sessions: "sessions",
    respondents: "respondents",
    respondents_pct: "% respondents",
    words: "words coded",
    attribute: "attribute",
    value: "value",
    multi: "multi-valued",
    situations: "situations",
    situations_pct: "% of situations",
    filters: |f| format!("Filters: {f}."),
    frequencies_title: "Code frequencies",
    frequencies_sheet: "Frequencies",
    frequencies_base: |s, r| {
        format!("{s} session(s), {r} respondent(s): the base of the respondent percentages.")
    },
    frequencies_units: "Excerpts: distinct coded spans. Words coded: words touched by the coded \
        spans, counted once even where codings overlap. \"With subcodes\": the code and every \
        code under it.",
    group_n: |g| format!("{g}: n"),
    group_pct: |g| format!("{g}: %"),
    breakdown_note: |a, multi| {
        let mut s =
            format!("Broken down by \"{a}\" (with subcodes): % of each group's respondents.");
        if multi {
            s.push_str(" A respondent may be in several groups.");
        }
        s
    },
    situations_title: "Situations per attribute",
    situations_sheet: "Situations",
    situations_base: |n| format!("Base: {n} situation(s) described; % of all situations."),
    multi_note: "Multi-valued attribute: a situation may have several values, percentages do \
        not sum to 100.",
    situations_codes_title: "Situations per code",
    situations_codes_sheet: "Situations per code",
    situations_codes_note: "A situation counts for a code when one of its excerpts overlaps a \
        span coded with that code.",
    situations_groups_title: "Situations per group of respondents",
    situations_groups_sheet: "Situations per group",
    situations_groups_note: "Situations reported by the respondents of each group.",
    answers_title: "Answers to closed questions",
    answers_sheet: "Answers",
    answers_note: "% of answers: among the sessions that answered the question; % of all: among \
        all sessions. Multiple choice: percentages do not sum to 100.",
    answers_multi_note: "Multiple choice: a session may tick several answers, percentages do not \
        sum to 100.",
    numbers_title: "Numeric answers",
    numbers_sheet: "Numbers",
    theme: "theme",
    question: "question",
    question_text: "wording",
    kind: "kind",
    kind_name: |k| match k {
        "yes_no" => "yes/no",
        "number" => "number",
        "choice" => "single choice",
        "choices" => "multiple choice",
        "scale" => "scale",
        _ => "open",
    },
    answer: "answer",
    count: "n",
    pct_answered: "% of answers",
    pct_all: "% of all",
    answered: "answered",
    not_answered: "no answer",
    unit: "unit",
    sum: "sum",
    min: "min",
    median: "median",
    max: "max",
    mean: "mean",
    cooccurrence_title: |overlap| {
        if overlap {
            "Code co-occurrence (overlapping spans)".into()
        } else {
            "Code co-occurrence (same segment)".into()
        }
    },
    cooccurrence_sheet: "Co-occurrence",
    cooccurrence_note: |overlap| {
        format!(
            "Number of segments where both codes occur{}; diagonal: segments coded with the \
             code. Codes alone, without their subcodes.",
            if overlap { " on overlapping spans" } else { "" }
        )
    },
    code_sessions_title: "Codes per session",
    code_sessions_sheet: "Codes per session",
    code_sessions_note: "Number of excerpts (distinct coded spans) of each code in each session.",
    agreement_title: |a, b| format!("Agreement between coders: {a} and {b}"),
    agreement_sheet: "Agreement",
    agreement_unit: |chars, n| {
        if chars {
            format!(
                "Unit: the character ({n} characters compared per code): each character is coded or not by each coder."
            )
        } else {
            format!(
                "Unit: the segment ({n} segments compared per code): the code is present in or absent from the segment for each coder."
            )
        }
    },
    agreement_sessions: |s| format!("Sessions coded by both: {s}."),
    agreement_method: "Codes used by at least one of the two. \"Overall\": every (unit × code) \
        decision pooled. Cohen's kappa; Krippendorff's alpha (nominal).",
    both: "both",
    only: |c| format!("only {c}"),
    neither: "neither",
    pct_agreement: "% agreement",
    kappa: "Cohen's kappa",
    alpha: "Krippendorff's alpha",
    overall: "Overall",
    mean_kappa: |k| format!("Mean of the per-code kappas: {k}."),
    excerpts_title: "Coded excerpts",
    excerpts_sheet: "Excerpts",
    date: "date",
    respondent: "respondent",
    speaker: "speaker",
    speaker_respondent: "respondent",
    speaker_interviewer: "interviewer",
    coder: "coder",
    excerpt: "excerpt",
    memo: "memo",
    chart_frequencies_title: "Most frequent codes: respondents concerned",
    chart_frequencies_base: |n| format!("Base: {n} respondent(s); codes with their subcodes"),
    chart_answers_base: |a, s, n| {
        format!("Base: {a} session(s) answered out of {s} ({n} no answer)")
    },
    export_written: |p| format!("Export written to {p}"),
    chart_written: |p| format!("Chart written to {p}"),
    xlsx_needs_file: "the xlsx format is written to a file: add -o FILE.xlsx",
    unknown_coder: |c, known| format!("no coding by \"{c}\" (coders: {known})"),
    choose_coders: |pairs| {
        if pairs.is_empty() {
            "no session was coded by two coders".into()
        } else {
            format!("name the two coders with --coders A,B (possible pairs: {pairs})")
        }
    },
    output_in_study: |p| {
        format!("{p}: refused, this file belongs to the study; write the export elsewhere")
    },
    unknown_attribute: |k, known| format!("no respondent attribute \"{k}\" (attributes: {known})"),
    unknown_question: |q, known| format!("no closed question \"{q}\" (questions: {known})"),
    unreadable_sessions: |n| format!("{n} unreadable session(s) left out"),
};
