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
};
