use super::PrivacyTexts;

pub static FR_PRIVACY: PrivacyTexts = PrivacyTexts {
    with_identities: "ATTENTION : ce fichier contient des identités (noms des enquêteur·rices et des codeur·euses, attributs identifiants), exporté avec --with-identities. Ne pas le diffuser.",
    identifying_attribute: |key| {
        format!(
            "« {key} » est un attribut identifiant : les exports le laissent de côté, sauf avec --with-identities"
        )
    },
    kind_person: "personne",
    kind_place: "lieu",
    kind_phone: "téléphone",
    kind_email: "e-mail",
    kind_address: "adresse",
    kind_age: "âge",
    kind_birth: "date de naissance",
    unreviewed: "à revoir",
    accepted: "acceptée",
    keys_at: |f, sealed| match sealed {
        true => format!(
            "Table de correspondance : {f} (hors du dossier de l'étude, lisible par vous seul·e, chiffrée avec la clé de l'étude)."
        ),
        false => format!(
            "Table de correspondance : {f} (hors du dossier de l'étude, lisible par vous seul·e, NON chiffrée : l'étude ne l'est pas ; gardez-la sur un support protégé)."
        ),
    },
    keys_flag_placement: "--keys avant toute commande va avec l'interface (grille --keys FICHIER) ; pour une commande, donnez-le après elle (grille pseudonymize --keys FICHIER, grille check --privacy --keys FICHIER)",
    keys_other_study: |f| {
        format!("{f} est la table de correspondance d'une autre étude : rien n'a été fait")
    },
    keys_in_study: |f| {
        format!("la table de correspondance ne doit pas être dans le dossier de l'étude : {f}")
    },
    keys_unreadable: |f, e| {
        format!("table de correspondance illisible, {f} : {e} (rien n'a été fait)")
    },
    proposal: |n, total, kind, text, pseudonym, count, sessions| {
        format!(
            "[{n}/{total}] {kind} « {text} » → {pseudonym} : {count} fois, dans {sessions} entretien(s)"
        )
    },
    review_prompt: "Remplacer partout ? [o]ui / [n]on, n'identifie personne / [p]lus tard / [q]uitter :",
    nothing_to_review: "Aucune proposition à revoir.",
    decided: |a, r, l| format!("{a} acceptée(s), {r} rejetée(s), {l} laissée(s) pour plus tard."),
    replaced: |n, s, rebuilt| match rebuilt {
        true => {
            format!("{n} remplacement(s) dans {s} entretien(s) ; index de recherche reconstruit.")
        }
        false => format!(
            "{n} remplacement(s) dans {s} entretien(s) ; index en mémoire (étude chiffrée), à jour à la prochaine recherche."
        ),
    },
    busy: |p| {
        format!("{p} : entretien ouvert ailleurs, laissé tel quel ; relancez quand il sera fermé")
    },
    undone: |n, s| format!("{n} remplacement(s) annulé(s) dans {s} entretien(s)."),
    undo_nothing: "Rien à annuler.",
    undo_lost: |p, r| format!("{r} : {p} introuvable (texte modifié depuis), non rétabli"),
    undo_busy: |s| {
        format!(
            "Rien n'a été annulé : entretien(s) ouvert(s) ailleurs ({s}). Relancez quand ils seront fermés."
        )
    },
    unknown_id: |id| format!("aucune proposition « {id} » (voir grille pseudonymize list)"),
    names_prompt: "Un par ligne, puis une ligne vide (ou Ctrl-D) :",
    list_added: |n, total| format!("{n} ajouté(s) ({total} dans la liste)."),
    ids_or_all: "donnez les identifiants des propositions (grille pseudonymize list) ou --all",
    column_id: "id",
    column_kind: "type",
    column_status: "statut",
    column_count: "fois",
    column_text: "texte",
    column_pseudonym: "pseudonyme",
    column_context: "contexte",
    audit_unreviewed: |n| {
        format!("{n} proposition(s) de pseudonymisation à revoir (grille pseudonymize) :")
    },
    audit_item: |kind, text, n, s| format!("  {kind} « {text} » : {n} fois, dans {s} entretien(s)"),
    audit_permissions: |p, mode| {
        format!("{p} : permissions {mode:04o}, plus larges que 0600 (fichier) / 0700 (dossier)")
    },
    audit_not_encrypted: "L'étude n'est pas chiffrée : qui copie le dossier lit les transcriptions.",
    audit_index: |p| {
        format!(
            "{p} : index de recherche, copie en clair des transcriptions (supprimable, reconstruit à la demande)"
        )
    },
    audit_copy: |p| format!("{p} : copie ou reste de fichier dans le dossier de l'étude"),
    audit_keys: |p| format!("Table de correspondance non chiffrée : {p}"),
    audit_keys_in_study: |p| {
        format!("{p} : une table de correspondance dans le dossier de l'étude")
    },
    audit_clean: "Rien d'identifiant trouvé.",
    audit_found: |n| format!("{n} point(s) à examiner."),
};
