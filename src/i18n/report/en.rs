use super::{ReportTexts, ReportWords};

pub static EN_REPORT: ReportTexts = ReportTexts {
    words: ReportWords {
        report: "Report",
        drafted: "Report draft made by grille on",
        method: "Method",
        heard: "Who was heard",
        interviews: "interviews",
        questionnaires: "questionnaire responses",
        period: "Period:",
        respondents: "respondents",
        value: "value",
        not_given: "not given",
        coverage: "Coverage of the grid",
        coverage_note: "An interview covers a question when it has notes or an answer to it, or marked it covered.",
        theme: "theme",
        question: "question",
        covered: "interviews covering it",
        covered_pct: "% of interviews",
        interviewers_left_out: "Interviewers are not named in this report.",
        closed_questions: "Closed questions",
        codes: "Codes of the theme",
        quotes: "In the respondents' words",
        quotes_other: "Other quotes",
        comment: "Note",
        situations: "Situations described",
        annex: "Annex",
        grid: "Interview grid",
        prompts: "Prompts",
        codebook: "Codebook",
        use_when: "Use when",
        dont_use_when: "Do not use when",
        example: "Example",
        no_quote: "No excerpt of this theme is marked to quote.",
        colon: ":",
    },
    coding_not_found: |p| {
        format!("no coding whose id starts with \"{p}\" (grille search --json gives them)")
    },
    coding_ambiguous: |p, n| {
        format!("{n} codings have an id starting with \"{p}\": give more of its characters")
    },
    session_busy: |s| {
        format!("session {s} is open for writing elsewhere: try again once it is closed")
    },
    quote_set: |r, c, x| format!("to quote: {r} · {c} · \"{x}\""),
    quote_removed: |r, c, x| format!("no longer to quote: {r} · {c} · \"{x}\""),
    quote_comment: "quote comment",
    coding: "coding",
    quote_mark: "to quote",
    written: |p| format!("report written: {p}"),
    charts_written: |n, p| format!("{n} chart(s) written in {p}"),
    unknown_format: |p| format!("\"{p}\": a report is written as .html, .docx, .odt or .md"),
    needs_file: |f| format!("a {f} report goes to a file: -o REPORT.{f}"),
    template_error: |f, e| format!("the report template {f} cannot be used: {e}"),
    template_not_utf8: |f| format!("the report template {f} is not UTF-8"),
    screen_written: |p| format!("Report written: {p}"),
};
