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
    query_at: |c, m| format!("requête invalide, colonne {c} : {m}"),
    query_empty: "la requête est vide : tapez des mots, \"une expression\" ou champ:valeur",
    query_expected: |e| format!("attendu ici : {e}"),
    query_unknown_field: |f, k| format!("champ inconnu « {f} » ; champs connus : {k}"),
    query_unknown_code: |p, c| {
        if c.is_empty() {
            format!("code inconnu « {p} » (voir le livre de codes)")
        } else {
            format!("code inconnu « {p} » ; codes proches : {c}")
        }
    },
    query_unknown_value: |f, v, k| {
        format!("{f} ne prend pas la valeur « {v} » ; valeurs possibles : {k}")
    },
    query_bad_date: |d| {
        format!(
            "date invalide « {d} » : attendu AAAA, AAAA-MM ou AAAA-MM-JJ, ou un intervalle début..fin (bornes facultatives)"
        )
    },
    query_nothing: |w| format!("« {w} » ne contient aucun mot à chercher"),
    query_bad_fuzzy: |d| format!("distance floue {d} trop grande : ~1 ou ~2 au plus"),
    search_total: |n| format!("{n} résultat(s)"),
    search_none: "Aucun résultat.",
    search_by_code: "Par code :",
    search_by_attribute: "Par attribut du répondant :",
    search_excerpt: "extrait",
    search_segment: "segment",
    index_rebuilt: |why| format!("index de recherche reconstruit ({why})"),
    index_caught_up: |u, r| {
        format!("index de recherche mis à jour : {u} entretien(s) réindexé(s), {r} retiré(s)")
    },
    index_skipped: |id, e| format!("entretien {id} non indexé : {e}"),
    index_done: |n| format!("Index reconstruit : {n} entretien(s)."),
    index_why_missing: "il n'existait pas encore",
    index_why_version: "fait par une autre version de grille",
    index_why_definition: "le livre de codes, la grille ou les attributs ont changé",
    index_why_incomplete: "une construction précédente avait été interrompue",
    index_why_damaged: |e| format!("fichiers endommagés : {e}"),
    index_why_asked: "à la demande",
    index_busy_stale: "l'index est en cours de mise à jour par un autre processus grille : résultats peut-être incomplets",
    query_syntax: |code| {
        match code {
            "close_paren" => "une parenthèse fermante « ) »",
            "close_quote" => "un guillemet fermant « \" »",
            "term_after_or" => "un terme de recherche après OR",
            "term_after_and" => "un terme de recherche après AND",
            "term_after_not" => "un terme de recherche après NOT",
            "term_in_parens" => "un terme de recherche entre les parenthèses",
            "value_after_colon" => "une valeur juste après les deux-points (sans espace)",
            "no_open_paren" => "rien : cette « ) » ne ferme aucune parenthèse",
            _ => "un mot, une \"expression\" ou champ:valeur",
        }
        .to_owned()
    },
};
