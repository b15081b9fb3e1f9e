use super::ReportTexts;

pub static EN_REPORT: ReportTexts = ReportTexts {
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
};
