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
    speaker_name: "speaker name",
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
    shared_pseudonym: |p, files| {
        format!(
            "warning: the pseudonym \"{p}\" is used by several sessions ({files}); tables \
             count it as one respondent"
        )
    },
};
