use super::ReportTexts;

pub static FR_REPORT: ReportTexts = ReportTexts {
    coding_not_found: |p| {
        format!(
            "aucun codage dont l'identifiant commence par « {p} » (grille search --json les donne)"
        )
    },
    coding_ambiguous: |p, n| {
        format!(
            "{n} codages ont un identifiant qui commence par « {p} » : donnez-en plus de caractères"
        )
    },
    session_busy: |s| {
        format!("l'entretien {s} est ouvert en écriture ailleurs : réessayez quand il sera fermé")
    },
    quote_set: |r, c, x| format!("à citer : {r} · {c} · « {x} »"),
    quote_removed: |r, c, x| format!("plus à citer : {r} · {c} · « {x} »"),
    quote_comment: "commentaire de la citation",
    coding: "codage",
    quote_mark: "à citer",
};
