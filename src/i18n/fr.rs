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
    // --- terminal interface ---
    home_title: "Accueil",
    sessions_count: |n| format!("{n} entretien(s)"),
    study_summary: |themes, questions, codes| {
        format!("Grille : {themes} thèmes, {questions} questions · Livre de codes : {codes} codes")
    },
    no_sessions_tui: "Aucun entretien pour l'instant. Appuyez sur n pour commencer un entretien.",
    col_coverage: "grille",
    too_small: "Terminal trop petit : agrandissez la fenêtre.",
    help_title: " Raccourcis ",
    help_close: " une touche pour fermer ",
    setup_title: "Nouvel entretien",
    setup_interviewer: "Enquêteur·rice",
    setup_pseudonym: "Pseudonyme",
    setup_location: "Lieu",
    setup_consent: "Consentement recueilli",
    setup_need_interviewer: "Indiquez le nom de l'enquêteur·rice.",
    setup_need_pseudonym: "Indiquez un pseudonyme pour le·la répondant·e (jamais son nom).",
    setup_need_consent: "Sans consentement recueilli (o), l'entretien ne peut pas être enregistré.",
    interview_with: "Entretien",
    grid_title: " Grille ",
    grid_empty: "La grille de cette étude est vide.",
    skipped: "passée",
    covered: "traitée",
    answer: "Réponse",
    answer_yes_no: "oui / non",
    answer_number: "un nombre",
    answer_choice: "une option",
    answer_choices: "plusieurs options",
    answer_scale: "une échelle",
    yes: "Oui",
    no: "Non",
    number_expected: |c| format!("Un nombre est attendu : « {c} » refusé."),
    not_a_number: |s| format!("« {s} » n'est pas un nombre."),
    nothing_said_yet: "Rien de noté sur cette question pour l'instant.",
    notes: "Notes",
    speaker_respondent: "Répondant·e",
    speaker_interviewer: "Enquêteur·rice",
    saved: "enregistré",
    typing: "saisie",
    not_saved: "NON ENREGISTRÉ",
    no_consent_notes: "Pas de consentement enregistré pour cet entretien : aucune note ne peut y être prise.",
    read_only_notes: "Entretien en lecture seule : un autre grille l'écrit.",
    session_locked: "Cet entretien est ouvert dans un autre grille : lecture seule ici.",
    no_session_open: "Aucun entretien ouvert : rien n'a été enregistré.",
    picker_title: " Coder le segment ",
    picker_no_match: "Aucun code ne correspond.",
    skip_reason: " Passer la question : raison ",
    jump_title: " Aller à une question ",
    finish_title: " Terminer l'entretien ",
    all_covered: "Toutes les questions ont été traitées.",
    uncovered_count: |n| format!("{n} question(s) non traitée(s) :"),
    situations_title: |n| format!(" Situations de l'entretien ({n}) "),
    no_situations: "Aucune situation décrite pour l'instant (n pour en ajouter une).",
    situation_title: " Situation décrite ",
    situation_label: "Intitulé",
    situation_needs_label: "Donnez un intitulé court à la situation.",
    and_more: |n| format!("  … et {n} autre(s)"),
    // Importing transcripts.
    import_done: |n, s| format!("{n} entretien(s) importé(s) ({s} segment(s))."),
    import_nothing_written: |bad, all| {
        format!("Rien n'a été importé : {bad} fichier(s) sur {all} à corriger.")
    },
    import_reading: "lecture",
    import_writing: "écriture",
    import_consent_unknown: "Consentement non enregistré (inconnu) : ajoutez --consent given si \
        le consentement a été recueilli lors de l'entretien.",
    import_bad_date: |d| {
        format!(
            "date « {d} » illisible : écrivez 2021-04-12, 2021-04-12 10:02 ou 2021-04-12T10:02:00+02:00"
        )
    },
    import_segments: "segments",
    import_source: "fichier",
    import_not_utf8: |f, o, l, c| {
        format!("{f} : ce fichier n'est pas en UTF-8 (octet {o}, ligne {l}, colonne {c}).")
    },
    import_looks_like: |e, cmd| {
        format!(" Il semble être en {e} ; convertissez-le avec `{cmd}` et importez la copie.")
    },
    import_unknown_encoding: " Son encodage n'a pas été reconnu ; enregistrez-le en UTF-8 depuis \
        votre éditeur et importez la copie.",
    import_empty: |f| format!("{f} : le fichier est vide."),
    import_no_text: |f| {
        format!(
            "{f} : aucun texte à importer (seulement des titres, des temps ou des sous-titres vides)."
        )
    },
    import_unreadable: |f, e| format!("{f} : lecture impossible : {e}"),
    import_twice: |f| format!("{f} : donné deux fois."),
    import_respondent_for_many: "--respondent nomme un·e seul·e répondant·e : importez un seul \
        fichier avec (sinon le nom de chaque fichier sert de pseudonyme).",
    import_unknown_attribute: |k, known| {
        format!("attribut « {k} » inconnu de study.json (attributs : {known})")
    },
    import_bad_attribute: |k, m| format!("attribut « {k} » : {m}"),
    import_attribute_syntax: |g| format!("« {g} » : écrivez --attr clé=valeur"),
    import_unknown_question: |k| format!("aucune question « {k} » dans la grille"),
    import_write_failed: |e| format!("échec de l'écriture, rien n'a été importé : {e}"),
    import_pseudonym_from_file: "Pseudonyme tiré du nom de chaque fichier : vérifiez qu'aucun \
        ne contient un vrai nom (sinon, --respondent PSEUDO).",
    // --- coding, codebook, retrieval ---
    all_coders: "tous",
    coder: "codeur·se",
    coding_title: "Codage",
    choose_memo: " Mémo sur quel codage ? ",
    choose_remove: " Retirer quel codage ? ",
    codes_here: "Codes ici",
    none: "aucun",
    segment: "Segment",
    situation_here: "Situation",
    selected_chars: |n| format!("Sélection : {n} caractère(s)"),
    empty_transcript: "Cet entretien n'a pas encore de texte.",
    no_question: "Hors grille",
    attach_question: " Rattacher le segment à une question (↑↓ Entrée) ",
    memo_title: " Mémo du codage (Entrée) ",
    edit_title: " Corriger le texte du segment ",
    link_situation: " Lier l'extrait à une situation ",
    new_situation: "+ Nouvelle situation…",
    codebook_title: "Livre de codes",
    codes_count: |n| format!("{n} codes"),
    code_name: "Nom",
    code_slug: "Chemin (identifiant dans les requêtes)",
    code_colour: "Couleur (#rrggbb)",
    code_description: "Description",
    code_use_when: "Quand l'utiliser",
    code_dont_use_when: "Quand ne pas l'utiliser",
    code_example: "Exemple",
    code_new_title: " Nouveau code ",
    code_edit_title: " Modifier le code ",
    new_code_name: "Nouveau code",
    pick_parent: " Déplacer sous… ",
    pick_merge: " Fusionner dans… (ses codages y passent) ",
    pick_move_codings: " Déplacer ses codages vers… ",
    delete_title: " Supprimer le code ",
    excerpts_of: "Extraits codés",
    excerpts_count: |n| format!("{n} extrait(s)"),
    with_subcodes: "avec sous-codes",
    without_subcodes: "sans sous-codes",
    no_excerpts: "Aucun extrait n'est codé ainsi.",
    // Analysis and exports (issue 6).
    // --- statistics screen ---
    stats_title: "Statistiques",
    stats_frequencies: "Fréquences des codes",
    stats_answers: "Réponses aux questions fermées",
    stats_base: |s, r| format!("{s} entretien(s), {r} répondant·e(s)"),
    col_code: "code",
    col_excerpts: "extraits",
    col_sessions: "entretiens",
    col_respondents: "répondants",
    col_words: "mots",
    stats_top_codes: " Codes les plus cités (répondant·es) ",
    stats_answered: |a, n, none| {
        format!("  {a} réponse(s) sur {n} répondant·e(s), {none} sans réponse — % des réponses")
    },
    stats_summary: |n, sum, min, med, max, unit| {
        format!("  {n} réponse(s) · total {sum} {unit} · min {min} · médiane {med} · max {max}")
    },
    stats_multi: "  Plusieurs réponses possibles : les pourcentages ne font pas 100.",
    exported: |p| format!("Exporté : {p}"),
    analysis: &super::analysis::FR_ANALYSIS,
    encryption: &super::encryption::FR_ENCRYPTION,
    access: &super::access::FR_ACCESS,
    cli: &super::cli::FR_CLI,
    import: &super::import::FR_IMPORT,
    store: &super::store::FR_STORE,
    refi: &super::refi::FR_REFI,
    privacy: &super::privacy::FR_PRIVACY,
    problems: &super::problems::FR_PROBLEMS,
    home: &super::home::FR_HOME,
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
            "shallower" => "moins de parenthèses ou de NOT imbriqués",
            "no_open_paren" => "rien : cette « ) » ne ferme aucune parenthèse",
            _ => "un mot, une \"expression\" ou champ:valeur",
        }
        .to_owned()
    },
    // --- search screen ---
    search_title: "Recherche",
    search_hint: "Tapez une requête : mots, \"expressions\", code:proxenetisme/conjugal, secteur:sante, date:2021-04..2021-07… (voir le README)",
    screens: &super::screens::FR_SCREENS,
    questionnaire: &super::questionnaire::FR_QUESTIONNAIRE,
    align: &super::align::FR_ALIGN,
    keys: &super::keys::FR_KEYS,
    report: &super::report::FR_REPORT,
};
