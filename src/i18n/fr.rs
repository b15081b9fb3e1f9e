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
