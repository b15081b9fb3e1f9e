use super::QuestionnaireTexts;

pub static FR_QUESTIONNAIRE: QuestionnaireTexts = QuestionnaireTexts {
    kind: "Type",
    kind_interview: "entretien",
    kind_questionnaire: "questionnaire",
    no_header: |f| format!("{f} : pas de ligne d'en-tête (le fichier est vide ?)"),
    no_responses: |f| format!("{f} : aucune réponse, seulement la ligne d'en-tête"),
    csv_error: |f, row, m| format!("{f}, ligne {row} : CSV illisible : {m}"),
    cell_without_header: |f, sheet, row, col, v| {
        format!(
            "{f}, feuille « {sheet} », ligne {row}, colonne {col} : « {v} » est sous aucun \
             en-tête (une ligne a plus de cellules que l'en-tête : séparateur ou guillemets \
             décalés ?)"
        )
    },
    bad_workbook: |f, m| format!("{f} : classeur illisible : {m}"),
    bad_mapping: |f, place, m| format!("fichier de correspondance {f} : {place}{m}"),
    mapping_place: |l, c| format!("ligne {l}, colonne {c} : "),
    target_unknown: "ni question de la grille ni attribut déclaré dans study.json",
    target_not_multiple: "[OPTION] ne convient qu'à une question à choix multiples",
    bad_target: |col, target, why| {
        format!("correspondance de la colonne « {col} » : « {target} » : {why}")
    },
    no_such_column: |col, headers| {
        format!("pas de colonne « {col} » dans le fichier (colonnes : {headers})")
    },
    duplicate_id: |id, a, b, col| {
        format!(
            "le répondant « {id} » figure aux lignes {a} et {b} (colonne {col}) : chaque ligne \
             doit être une personne différente"
        )
    },
    orphan: |sheet, row, parent, psheet| {
        format!(
            "feuille « {sheet} », ligne {row} : _parent_index « {parent} » ne correspond à \
             aucune ligne de « {psheet} »"
        )
    },
    refused_unmatched: |n| {
        format!(
            "{n} valeur(s) ne correspondent à rien (liste ci-dessus) : rien n'a été importé. \
             Corrigez le fichier, ajoutez-les à la section [values] du fichier de \
             correspondance, ou relancez avec --skip-unmatched pour les laisser de côté."
        )
    },
    session_not_updatable: |p, s, why| {
        format!("répondant « {p} » : la session {s} ne peut pas être mise à jour : {why}")
    },
    nothing_written: "Rien n'a été écrit.",
    read_csv: |f, enc, sep, n, cols| {
        format!("{f} : CSV ({enc}, séparateur {sep}), {n} réponse(s), {cols} colonne(s)")
    },
    read_workbook: |f, n, sheets| format!("{f} : classeur, {n} réponse(s), {sheets} feuille(s)"),
    sheet_situations: |s, n| format!("feuille « {s} » : {n} ligne(s), chacune une situation"),
    sheet_unused: |s, n| format!("feuille « {s} » : {n} ligne(s), rien n'en est repris"),
    columns_title: "Colonnes :",
    to_id: "identifiant du répondant",
    to_date: "date de la réponse",
    to_consent: "consentement",
    to_question: |k| format!("question {k}"),
    to_option: |k, o| format!("{k}, option « {o} »"),
    to_attribute: |k| format!("attribut {k}"),
    to_situation: |n, k| format!("situation {n}, {k}"),
    to_situation_field: |k| format!("situation, {k}"),
    ignored: "ignorée",
    unmapped_title: |n| {
        format!(
            "Colonnes non reprises ({n}) : nommez-les dans le fichier de correspondance \
             ([columns] ou ignore) :"
        )
    },
    unmatched_title: |n| format!("Valeurs sans correspondance ({n}) :"),
    unmatched_line: |row, col, header, v, target, why| {
        format!("  ligne {row}, colonne {col} « {header} » → {target} : « {v} » : {why}")
    },
    why_option: |part, options| format!("« {part} » n'est pas une option ({options})"),
    why_yes_no: "ni oui ni non",
    why_number: "pas un nombre",
    why_range: |b| format!("hors des bornes {b}"),
    bad_date: |row, v| format!("ligne {row} : date « {v} » illisible, laissée inconnue"),
    numbered: |first, last| {
        format!(
            "Aucune colonne ne nomme les répondants (pseudo, id, répondant… ou --id-column) : \
             ils sont numérotés {first} à {last} dans l'ordre du fichier. Un nouvel import les \
             retrouve par ce numéro : gardez l'ordre des lignes."
        )
    },
    col_row: "Ligne",
    col_respondent: "Répondant",
    col_what: "Import",
    col_answers: "Réponses",
    col_attributes: "Attributs",
    col_open: "Ouvertes",
    col_situations: "Situations",
    status_new: "nouveau",
    status_updated: "mis à jour",
    status_unchanged: "inchangé",
    status_refused: "refus",
    summary: |new, up, same, sit, open| {
        format!(
            "Répondants : {new} nouveau(x), {up} mis à jour, {same} inchangé(s) ; {sit} \
             situation(s), {open} réponse(s) ouverte(s)."
        )
    },
    refused: |n, list| {
        format!(
            "{n} répondant(s) ont refusé leur consentement ({list}) : seul ce refus est \
             enregistré, aucune de leurs réponses."
        )
    },
    kept: |p, k| {
        format!(
            "{p} : la réponse ouverte à « {k} » est vide dans le fichier ; celle de l'étude est gardée."
        )
    },
    dry_run: "Essai (--dry-run) : rien n'a été écrit.",
    skipped: |n| {
        format!(
            "--skip-unmatched : {n} valeur(s) sans correspondance laissées de côté (listées ci-dessus)."
        )
    },
    done: |new, up| format!("Importé : {new} nouveau(x) répondant(s), {up} mis à jour."),
};
