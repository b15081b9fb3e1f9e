use super::AnalysisTexts;

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
    answers_note: "One row per option of each closed question; each respondent counts once, all \
        their sessions together. Multiple choice: percentages do not sum to 100.",
    answers_multi_note: "Multiple choice: a person may tick several answers, percentages do not \
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
    speaker_name: "speaker name",
    coder: "coder",
    excerpt: "excerpt",
    memo: "memo",
    chart_frequencies_title: "Most frequent codes: respondents concerned",
    chart_frequencies_base: |n| format!("Base: {n} respondent(s); codes with their subcodes"),
    chart_answers_base: |a, s, n| {
        format!("Base: {a} respondent(s) answered out of {s} ({n} no answer)")
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
    shared_pseudonym: |p, kind, files| {
        format!(
            "warning: the pseudonym \"{p}\" is used by several sessions of kind {kind} \
             ({files}); tables count it as one respondent"
        )
    },
    left_out: |n, of, kind, status, dates, query| {
        format!(
            "Sessions left out: {n} of {of} (kind: {kind}, status: {status}, dates: {dates}, no passage \
             matching the search: {query})."
        )
    },
    coder_counted: |c| format!("{c}, counted"),
    coder_not_counted: |c| format!("{c}, not counted"),
    coders_reference: |list| {
        format!(
            "Codings counted: the reference coder's in each session (the first to code it, \
             unless chosen). Sessions coded by several: {list}. To pool every coding: --coder all."
        )
    },
    coders_pooled: |list| {
        if list.is_empty() {
            "Every coder's codings pooled.".into()
        } else {
            format!(
                "Every coder's codings pooled (a passage coded by two people counts once). \
                 Sessions coded by several: {list}."
            )
        }
    },
    coders_named: |names| format!("Codings counted: {names}'s only."),
    query_note: |q, n| format!("search \"{q}\": {n} passage(s)"),
    row: "row",
    row_option: "option",
    row_group: "group",
    row_member: "detail of the group",
    row_unknown: "unknown",
    row_not_given: "not given",
    row_base: "base",
    pct_of_all: "% of all",
    pct_of_given: "% of given",
    pct_of_known: "% of known",
    ci_low: |c| format!("{c}: 95% CI low"),
    ci_high: |c| format!("{c}: 95% CI high"),
    base_all: "base: all",
    base_given: "base: given",
    base_known: "base: known",
    base_row: |b| format!("Base ({b})"),
    answers_base: |n| format!("Base: {n} respondent(s), each counted once."),
    bases_note: "% of all: among every unit counted; % of given: among those with an answer \
        (\"unknown\" included); % of known: among those whose answer is known (neither \
        unknown nor missing). A group counts once each unit holding one of its options.",
    wilson_note: "95% CI: Wilson 95% confidence interval.",
    answer_conflicts: |n| {
        format!(
            "{n} answer(s) differ from one session to another for the same respondent: the \
             first known answer (by date) is counted."
        )
    },
    total: |n| format!("All ({n})"),
    split_note: |label, multi| {
        let mut s = format!("Columns: {label}; each column has its own base.");
        if multi {
            s.push_str(" A unit may be in several columns.");
        }
        s
    },
    split_persons_note: |label| {
        format!(
            "Columns: {label} of the respondents who described the person; a person described \
             by respondents of several groups is in each."
        )
    },
    cross_base_note: |b| format!("Percentages: {b} of each column."),
    cross_title: |title, by| format!("{title}, by {by}"),
    persons_base: |p, r, reporting, respondents| {
        format!(
            "Base: {p} person(s) described in {r} situation(s) by {reporting} respondent(s) \
             of {respondents}."
        )
    },
    persons_note: "A person described by several respondents (situations marked \"same \
        person\") counts once; their attributes are the first known value. A detail (kinds of \
        pimping…) is counted among the persons concerned.",
    person_conflicts: |n| {
        format!(
            "{n} person(s) described differently in their situations: first known value counted."
        )
    },
    applies_to: "applies to",
    persons: "persons",
    persons_pct: "% of persons",
    chart_persons_base: |n| format!("Base: {n} person(s)"),
    several_tables: |tables| {
        format!(
            "this export has several tables ({tables}) and a CSV file holds one: write them to \
             a folder (-o FOLDER/) or an archive (-o FILE.zip), or pick one with --table NAME"
        )
    },
    saturation_title: "Thematic saturation: new codes per interview",
    saturation_sheet: "Saturation",
    saturation_runs_title: "Saturation: new information per run of interviews",
    saturation_runs_sheet: "Runs",
    saturation_method: |base, run, threshold, codes| {
        format!(
            "Method of Guest, Namey and Chen (2020): base of {base} interview(s) ({codes} \
             distinct code(s)), runs of {run} interview(s), new information threshold ≤ \
             {threshold}% of the base's codes."
        )
    },
    saturation_reference: "Guest G., Namey E., Chen M. (2020), \"A simple method to assess and \
        report thematic saturation in qualitative research\", PLoS ONE 15(5): e0232076. \
        Interviews in the order of their dates.",
    saturation_undated: |n| {
        format!("{n} undated session(s) left out: the order of interviews depends on dates.")
    },
    saturation_reached: |at, first, last| {
        format!(
            "Saturation reached at interview {at} (interviews {first} to {last} bring few new codes)."
        )
    },
    saturation_not_reached: "Saturation not reached: every run brings more new information than \
        the threshold.",
    saturation_too_few: |n, needed| {
        format!(
            "Saturation cannot be assessed: {n} dated interview(s), at least {needed} needed (base and one run)."
        )
    },
    saturation_no_base: "Saturation cannot be assessed: the base interviews have no code.",
    saturation_mark: |at| format!("saturation: interview {at}"),
    interview_number: "interview no.",
    codes_used: "codes used",
    new_codes: "new codes",
    cumulative_codes: "distinct codes so far",
    new_code_list: "new codes (list)",
    run: "run",
    base_codes: "codes in the base",
    new_information: "new information (% of base)",
    within_threshold: "within threshold",
    unknown_table: |name, known| format!("no table \"{name}\" in this export (tables: {known})"),
    decimal_comma: false,
    replay_written: |r, p, n, d| {
        format!("{d}: {r} respondents, {p} persons described in {n} situations")
    },
    situation_id: "situation",
    situation_label: "label",
    same_person: "same person as",
    same_situation: "a situation cannot be the same person as itself",
    same_person_usage: "give the other situation, or --none to undo the link",
    counting_saved: "Saved: tables will count this person once.",
    no_such_situation: |s| {
        format!(
            "no situation \"{s}\" (give its id or its first 8 characters, see grille situations)"
        )
    },
    ambiguous_situation: |s| format!("\"{s}\" names several situations: give more characters"),
    no_such_session: |s| format!("no session \"{s}\" (pseudonym or start of its id)"),
    ambiguous_session: |s| format!("\"{s}\" names several sessions: give the start of its id"),
    reference_coder_set: |r, c, all| format!("{r}: tables count {c}'s coding (coders: {all})."),
    reports_title: "Reports",
    reports_base: |r, p| {
        format!("{r} report(s) of {p} person(s); l links two reports of one person")
    },
    same_as: |o| format!("→ same person as {o}"),
    only_on_reports: "l and u link reports: on the Reports tab (Tab)",
    report_marked: |r| format!("{r} marked: choose the other report of the same person, then l"),
    reports_linked: |r, o| format!("{r} and {o}: one person, counted once"),
    report_unlinked: |r| format!("{r}: no longer linked to another report"),
    report_not_linked: "this report is linked to no other",
    reference_shown: |c| format!("coding counted: {c}"),
    interval: |low, high| format!("[{low}, {high}]"),
    broken_down_by: |a| format!("by {a}"),
    more_columns: |from, to, all| format!("columns {from} to {to} of {all} (← → for the others)"),
    no_column_fits: |all| {
        format!("screen too narrow for the breakdown's {all} columns: widen the terminal")
    },
    or_hide_intervals: " or hide the intervals (i)",
    columns_dropped: |c| format!("without {c} (narrow screen)"),
};
