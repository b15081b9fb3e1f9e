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
            "no_open_paren" => "nothing: this `)` closes no parenthesis",
            _ => "a word, a \"phrase\" or field:value",
        }
        .to_owned()
    },
};
