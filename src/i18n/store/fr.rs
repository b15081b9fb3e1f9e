use super::StoreTexts;

pub static FR_STORE: StoreTexts = StoreTexts {
    status_problem: "⚠ problème",
    col_path: "chemin",
    col_name: "nom",
    retired_line: |path, into, by, day| match into {
        Some(into) => format!("{path} : fusionné dans {into} ({by}, {day})"),
        None => format!("{path} : supprimé avec ses codages ({by}, {day})"),
    },
    code_added: |p| format!("Code ajouté : {p}"),
    code_renamed: |old, new, name| format!("Code renommé : {old} → {new} (« {name} »)"),
    code_moved: |old, new| format!("Code déplacé : {old} → {new}"),
    code_merged: |from, into, n, s| {
        format!(
            "« {from} » fusionné dans « {into} » : {n} codage(s) dans {s} entretien(s) comptent désormais sous « {into} » (grille codebook undo pour annuler)"
        )
    },
    code_deleted: |name, n, s| {
        format!(
            "« {name} » supprimé ; {n} codage(s) dans {s} entretien(s) retirés avec lui (grille codebook undo pour annuler)"
        )
    },
    undone: |what, by| format!("Annulé : {what} (fait par {by})"),
    did_add: |n| format!("l'ajout de « {n} »"),
    did_update: |n| format!("la modification de « {n} »"),
    did_merge: |a, b| format!("la fusion de « {a} » dans « {b} »"),
    did_delete: |n| format!("la suppression de « {n} »"),
    no_such_code: |c| {
        format!("pas de code « {c} » : donnez son chemin (grille codebook list) ou son identifiant")
    },
    move_where: "dites où : --under CODE, ou --top pour le premier niveau",
    parent_twice: "le parent est donné deux fois : dans le chemin et par --parent",
    edit_no_code: |id| format!("pas de code {id} dans le livre de codes"),
    edit_in_use: |name, n, s| {
        format!(
            "« {name} » est utilisé par {n} codage(s) dans {s} entretien(s) : fusionnez-le, ou supprimez-le en déplaçant ou en retirant ses codages"
        )
    },
    edit_into_itself: |n| {
        format!("impossible de fusionner « {n} » dans lui-même ou dans un de ses sous-codes")
    },
    edit_nothing_to_undo: "rien à annuler",
    coded_with_merged: |old, new, by| {
        format!("« {old} » a été fusionné dans « {new} » par {by} : codé avec « {new} »")
    },
    code_deleted_elsewhere: |name, by, at| {
        format!("« {name} » a été supprimé par {by} à {at} : rien n'a été codé")
    },
    unknown_code: |id| format!("code inconnu {id} : rien n'a été codé"),
    codings_removed: |n| format!("{n} codage(s) retiré(s) : tous leurs mots ont été effacés"),
    not_folded: |why| {
        format!("modification enregistrée dans le journal, pas encore dans le fichier : {why}")
    },
    repair_nothing: "Rien à réparer.",
    repair_leftover: |p| format!("{p} : reste d'un arrêt brutal (copie temporaire) — le supprimer"),
    repair_not_asked: "Rien n'a été écrit : relancez dans un terminal pour choisir, ou avec --yes pour tout appliquer.",
    repair_removed: |p| format!("supprimé : {p}"),
    repair_skipped: |who, why| format!("entretien de {who} laissé tel quel : {why}"),
    repair_done: |n, f| {
        format!("{n} codage(s) réparé(s), {f} fichier(s) temporaire(s) supprimé(s).")
    },
    repair_log: |p| {
        format!("Ce qui a été changé ou retiré est gardé dans {p} (de quoi le remettre à la main).")
    },
    repair_prompt: "Appliquer ? [o]ui / [n]on / [t]out / [q]uitter :",
    repair_map: |e, who, into| {
        format!("codage « {e} » ({who}) d'un code fusionné : l'écrire sous {into}")
    },
    repair_drop: |e, who, why| format!("codage « {e} » ({who}) : {why} — le retirer"),
    repair_why_deleted: |path, by| format!("son code {path} a été supprimé par {by}"),
    repair_why_unknown: |id| format!("son code {id} est inconnu"),
    repair_why_segment: "son segment n'est plus dans l'entretien",
    io_full: |p| {
        format!(
            "{p} : le disque est plein (ou votre quota atteint), rien de plus n'a pu y être écrit ; libérez de la place et recommencez"
        )
    },
    io_denied: |p| {
        format!(
            "{p} : accès refusé ; vérifiez que ce dossier vous appartient et qu'on peut y écrire"
        )
    },
    io_read_only: |p| {
        format!(
            "{p} : le disque est en lecture seule ; copiez l'étude dans un dossier où l'on peut écrire"
        )
    },
    io_not_found: |p| format!("{p} : fichier ou dossier introuvable"),
    symlink: |p| {
        format!(
            "{p} : un lien symbolique ; grille ne suit pas les liens dans une étude — remplacez-le par ce qu'il désigne"
        )
    },
    not_regular: |p, what| {
        format!("{p} : {what}, pas un fichier ordinaire ; grille n'y a pas touché — déplacez-le")
    },
    a_folder: "un dossier",
    a_fifo: "un tube nommé (FIFO)",
    a_device: "un périphérique",
    a_special_file: "un fichier spécial",
    locked: |f, who| {
        if who.is_empty() {
            format!("{f} : un autre grille l'écrit ; il est ouvert en lecture seule ici")
        } else {
            format!("{f} : écrit par un autre grille ({who}) ; il est ouvert en lecture seule ici")
        }
    },
    journal_damaged: |f, line, what| format!("{f} : ligne {line} : {what}"),
    not_a_study: |p| {
        format!("{p} : pas une étude grille (pas de study.json) ; créez-en une avec grille init")
    },
    exists: |p| format!("{p} : existe déjà et n'est pas vide"),
    file_exists: |p| format!("{p} : existe déjà ; il n'a pas été remplacé"),
};
