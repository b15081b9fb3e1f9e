use super::Texts;

pub static FR: Texts = Texts {
    check_ok: |n| format!("Étude valide : {n} entretien(s) vérifié(s), aucun problème."),
    check_failed: |n| format!("{n} problème(s) trouvé(s)."),
    study_created: |p| format!("Étude créée dans {p}"),
    default_study_created: |p| format!("Première utilisation : étude par défaut créée dans {p}"),
    demo_at: |p| format!("Démonstration : copie jetable de l'étude exemple dans {p}"),
    read_only: "lecture seule",
    status_in_progress: "en cours",
    status_done: "terminé",
    col_id: "id",
    col_date: "date",
    col_interviewer: "enquêteur·rice",
    col_respondent: "répondant·e",
    col_status: "statut",
    col_segments: "segments",
    col_codings: "codages",
    no_sessions: "Aucun entretien dans cette étude.",
    session_unreadable: |e| format!("entretien illisible : {e}"),
    // Search and corpus (issue 5)
    corpus_written: |n, w, p| format!("Corpus synthétique : {n} entretien(s), {w} mots, dans {p}"),
};
