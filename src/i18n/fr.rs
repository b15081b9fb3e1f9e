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
    keys_home: "↑↓ choisir · Entrée ouvrir · n nouvel entretien · r actualiser · F1 aide · q quitter",
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
};
