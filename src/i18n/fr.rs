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
    keys_home: "↑↓ choisir · Entrée ouvrir · n nouvel entretien · c coder · s statistiques · B codes · q quitter",
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
    keys_setup: "Tab champ suivant · ↑↓ choisir · Entrée valider · Ctrl+S commencer · Échap annuler",
    interview_with: "Entretien",
    grid_title: " Grille ",
    grid_empty: "La grille de cette étude est vide.",
    skipped: "passée",
    covered: "traitée",
    answer: "Réponse",
    answer_yes_no: "o oui · n non",
    answer_number: "un nombre, Entrée pour valider",
    answer_choice: "un chiffre ou ↑↓ Entrée",
    answer_choices: "chiffres ou Espace pour cocher, Entrée pour valider",
    answer_scale: "un chiffre ou ←→ Entrée",
    yes: "Oui",
    no: "Non",
    yes_no_keys: "(o / n)",
    number_keys: "(Entrée pour valider)",
    number_expected: |c| format!("Un nombre est attendu : « {c} » refusé."),
    not_a_number: |s| format!("« {s} » n'est pas un nombre."),
    nothing_said_yet: "Rien de noté sur cette question pour l'instant.",
    notes: "Notes",
    notes_hint: " Entrée×2 nouveau bloc · Ctrl+T locuteur ",
    speaker_respondent: "Répondant·e",
    speaker_interviewer: "Enquêteur·rice",
    saved: "enregistré",
    typing: "saisie",
    not_saved: "NON ENREGISTRÉ",
    no_consent_notes: "Pas de consentement enregistré pour cet entretien : aucune note ne peut y être prise.",
    read_only_notes: "Entretien en lecture seule : un autre grille l'écrit.",
    session_locked: "Cet entretien est ouvert dans un autre grille : lecture seule ici.",
    no_session_open: "Aucun entretien ouvert : rien n'a été enregistré.",
    keys_notes: "Ctrl+N/P question · Ctrl+G grille · Ctrl+O coder · Alt+S situation · Échap commandes · F1 aide",
    keys_answer: "répondre d'une touche · Tab notes · Échap commandes · F1 aide",
    keys_command: "i écrire · j/k question · g grille · c traitée · x passer · s situation · f terminer · q pause · ? aide",
    picker_title: " Coder le segment ",
    picker_keys: " tapez pour filtrer · ↑↓ · Entrée appliquer · Échap ",
    picker_no_match: "Aucun code ne correspond.",
    skip_reason: " Passer la question : raison (Entrée) ",
    jump_title: " Aller à une question (↑↓ Entrée) ",
    finish_title: " Terminer l'entretien ",
    all_covered: "Toutes les questions ont été traitées.",
    uncovered_count: |n| format!("{n} question(s) non traitée(s) :"),
    finish_confirm: "Terminer l'entretien ? o oui · n non",
    situations_title: |n| format!(" Situations de l'entretien ({n}) "),
    situations_keys: " Entrée modifier · n nouvelle · Échap ",
    no_situations: "Aucune situation décrite pour l'instant (n pour en ajouter une).",
    situation_title: " Situation décrite ",
    situation_keys: " Tab champ suivant · Entrée valider · Ctrl+S enregistrer · Échap ",
    situation_label: "Intitulé",
    situation_needs_label: "Donnez un intitulé court à la situation.",
    and_more: |n| format!("  … et {n} autre(s)"),
    help_home: &[
        ("↑ ↓  j k", "choisir un entretien"),
        (
            "Entrée / clic",
            "ouvrir l'entretien (reprendre s'il est en cours)",
        ),
        ("i", "reprendre l'entretien (saisie)"),
        ("c", "coder la transcription"),
        ("s", "statistiques et exports"),
        ("B", "livre de codes"),
        ("n", "nouvel entretien"),
        ("r", "relire les entretiens du disque"),
        ("F1  ?", "cette aide"),
        ("q  Échap", "quitter"),
    ],
    help_setup: &[
        ("Tab  Maj+Tab", "champ suivant / précédent"),
        ("↑ ↓", "choisir une option, changer de champ"),
        ("chiffre", "choisir l'option numérotée"),
        ("o / n", "consentement recueilli ou non"),
        ("Entrée", "valider le champ"),
        ("Ctrl+S", "commencer l'entretien"),
        ("Échap", "annuler"),
    ],
    help_interview: &[
        (
            "(taper)",
            "notes sur la question en cours, enregistrées en continu",
        ),
        (
            "Entrée Entrée",
            "clore le bloc : le suivant est un nouveau segment",
        ),
        (
            "Ctrl+T",
            "changer de locuteur (répondant·e / enquêteur·rice)",
        ),
        ("Ctrl+N  PgDn", "question suivante"),
        ("Ctrl+P  PgUp", "question précédente"),
        ("Alt+PgDn / PgUp", "thème suivant / précédent"),
        ("Ctrl+G", "aller à une question de la grille"),
        ("Tab", "passer des notes à la réponse (questions fermées)"),
        ("Ctrl+O", "coder le segment en cours (filtre par nom)"),
        ("Alt+1…9", "appliquer un code rapide"),
        ("Alt+S", "ajouter une situation liée au segment"),
        ("Alt+L", "liste des situations"),
        ("Échap", "mode commandes (touches simples ci-dessous)"),
        ("i  Entrée", "revenir aux notes"),
        ("j k  J K", "question / thème suivant·e, précédent·e"),
        ("c", "marquer la question traitée"),
        ("x", "passer la question (avec une raison)"),
        ("f", "terminer l'entretien (liste de ce qui reste)"),
        ("q  Ctrl+Q", "pause : quitter, reprendre plus tard"),
        ("clic / molette", "aller à une question / faire défiler"),
        ("Ctrl+C", "enregistrer et quitter grille"),
        ("F1  ?", "cette aide"),
    ],
    // Importing transcripts.
    import_done: |n, s| format!("{n} entretien(s) importé(s) ({s} segment(s))."),
    import_nothing_written: |bad, all| {
        format!("Rien n'a été importé : {bad} fichier(s) sur {all} à corriger.")
    },
    import_reading: "lecture",
    import_writing: "écriture",
    import_consent_unknown: "Consentement non enregistré (inconnu) : ajoutez --consent given si \
        le consentement a été recueilli lors de l'entretien.",
    import_no_interviewer: "Qui a mené les entretiens ? Donnez --interviewer NOM (ou enregistrez \
        votre nom d'enquêteur·rice dans les préférences).",
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
    import_binary: |f, o| {
        format!(
            "{f} : octet nul à l'octet {o} : ce n'est pas un texte UTF-8 (fichier binaire ou UTF-16 ?)."
        )
    },
    import_empty: |f| format!("{f} : le fichier est vide."),
    import_no_text: |f| {
        format!(
            "{f} : aucun texte à importer (seulement des titres, des temps ou des sous-titres vides)."
        )
    },
    import_unsupported: |f| {
        format!("{f} : format non pris en charge (fichiers .txt, .md, .srt ou .vtt).")
    },
    import_malformed: |f, l, m| format!("{f} : ligne {l} : {m}"),
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
    keys_coding: "←→ w b ( ) { } déplacer · v/Maj sélection · c coder · x retirer · m mémo · e corriger · s situation · f codeur · u annuler · B codes · q retour",
    attach_question: " Rattacher le segment à une question (↑↓ Entrée) ",
    memo_title: " Mémo du codage (Entrée) ",
    edit_title: " Corriger le texte du segment ",
    edit_keys: " Ctrl+S enregistrer · Échap annuler · les codages suivent leurs mots ",
    link_situation: " Lier l'extrait à une situation ",
    new_situation: "+ Nouvelle situation…",
    codebook_title: "Livre de codes",
    codes_count: |n| format!("{n} codes"),
    keys_codebook: "↑↓ · a ajouter · A sous-code · e modifier · m déplacer · M à la racine · f fusionner · d supprimer · u annuler · Entrée extraits · q retour",
    code_name: "Nom",
    code_slug: "Chemin (identifiant dans les requêtes)",
    code_colour: "Couleur (#rrggbb)",
    code_description: "Description",
    code_use_when: "Quand l'utiliser",
    code_dont_use_when: "Quand ne pas l'utiliser",
    code_example: "Exemple",
    code_new_title: " Nouveau code ",
    code_edit_title: " Modifier le code ",
    code_form_keys: " Tab/Entrée champ suivant · Ctrl+S enregistrer · Échap annuler ",
    new_code_name: "Nouveau code",
    pick_parent: " Déplacer sous… ",
    pick_merge: " Fusionner dans… (ses codages y passent) ",
    pick_move_codings: " Déplacer ses codages vers… ",
    delete_title: " Supprimer le code ",
    confirm_delete: "o : supprimer (s'il n'est pas utilisé) · m : supprimer en déplaçant ses codages vers un autre code · r : supprimer avec ses codages · Échap : annuler",
    excerpts_of: "Extraits codés",
    excerpts_count: |n| format!("{n} extrait(s)"),
    with_subcodes: "avec sous-codes",
    without_subcodes: "sans sous-codes",
    no_excerpts: "Aucun extrait n'est codé ainsi.",
    keys_retrieval: "↑↓ · Entrée ouvrir dans la transcription · d avec/sans sous-codes · q retour",
    help_coding: &[
        ("← → h l", "caractère précédent / suivant"),
        ("w  b  Ctrl+→ ←", "fin du mot / début du mot"),
        (") (", "fin / début de phrase"),
        ("} {", "segment suivant / précédent"),
        ("↑ ↓ j k  PgUp PgDn", "ligne, page"),
        (
            "g G  Début Fin",
            "début / fin de la transcription, de la ligne",
        ),
        (
            "v  Maj+flèches  glisser",
            "sélectionner un extrait (Échap : annuler)",
        ),
        (
            "c  Entrée",
            "coder la sélection (ou le segment) ; Ctrl+N dans la liste crée un code",
        ),
        ("Alt+1…9", "code rapide"),
        ("x  Suppr", "retirer un codage"),
        ("m", "mémo sur un codage"),
        ("e", "corriger le texte du segment (les codages suivent)"),
        ("s", "lier l'extrait à une situation"),
        ("f", "filtrer par codeur·se"),
        ("a", "rattacher le segment à une question de la grille"),
        ("u", "annuler la dernière action"),
        ("B", "livre de codes"),
        ("q  Échap", "retour à l'accueil"),
    ],
    help_codebook: &[
        ("↑ ↓", "choisir un code"),
        ("a  A", "ajouter un code / un sous-code"),
        ("e  r", "modifier : nom, chemin, couleur, définitions"),
        ("m  M", "déplacer sous un autre code / à la racine"),
        ("f", "fusionner dans un autre code (les codages suivent)"),
        ("d", "supprimer (déplacer ou retirer ses codages)"),
        ("u", "annuler la dernière modification"),
        ("Entrée  l", "extraits codés avec ce code"),
        ("q  Échap", "retour"),
    ],
    help_retrieval: &[
        ("↑ ↓", "choisir un extrait"),
        ("Entrée", "ouvrir l'extrait dans sa transcription"),
        ("d", "inclure ou non les sous-codes"),
        ("q  Échap", "retour au livre de codes"),
    ],
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
        format!("  {a} réponse(s) sur {n} entretien(s), {none} sans réponse — % des réponses")
    },
    stats_summary: |n, sum, min, med, max, unit| {
        format!("  {n} réponse(s) · total {sum} {unit} · min {min} · médiane {med} · max {max}")
    },
    stats_multi: "  Plusieurs réponses possibles : les pourcentages ne font pas 100.",
    keys_stats: "Tab fréquences/réponses · s trier · r inverser · d sous-codes · x xlsx · c csv · m markdown · q retour",
    exported: |p| format!("Exporté : {p}"),
    help_stats: &[
        (
            "Tab",
            "fréquences des codes / réponses aux questions fermées",
        ),
        ("↑ ↓", "parcourir"),
        (
            "s",
            "trier : livre de codes, extraits, entretiens, répondants, mots",
        ),
        ("r", "inverser l'ordre"),
        ("d", "compter avec ou sans les sous-codes"),
        (
            "x  c  m",
            "exporter le tableau en xlsx, CSV (; et BOM) ou Markdown dans le dossier courant",
        ),
        ("q  Échap", "retour"),
    ],
    analysis: &super::analysis::FR_ANALYSIS,
    cli: &super::cli::FR_CLI,
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
    keys_search: "tapez la requête · ↑↓ résultats · Entrée ouvrir dans la transcription · Échap retour · F1 aide",
    help_search: &[
        (
            "(taper)",
            "la requête ; les résultats suivent après une courte pause",
        ),
        (
            "mots  \"expression\"",
            "tous les mots ; une expression exacte (accents et casse ignorés)",
        ),
        ("AND OR NOT  -mot  ( )", "combiner, exclure, grouper"),
        ("mot~  mot~2", "mots proches (fautes de frappe)"),
        ("code:chemin", "extraits codés ainsi, sous-codes compris"),
        (
            "theme: question: speaker:",
            "thème, question (clé), locuteur·rice",
        ),
        (
            "respondent: coder: secteur:…",
            "répondant·e, codeur·se, tout attribut",
        ),
        ("date:2021-04..2021-07", "période (bornes incluses)"),
        ("kind:excerpt|segment", "extraits codés ou segments"),
        (
            "↑ ↓  Entrée",
            "choisir un résultat, l'ouvrir dans sa transcription",
        ),
        ("Échap", "retour à l'écran précédent"),
    ],
    screens: &super::screens::FR_SCREENS,
};
