use super::{ReportKeys, ReportTexts, ReportWords};

pub static FR_REPORT: ReportTexts = ReportTexts {
    words: ReportWords {
        report: "Rapport",
        drafted: "Projet de rapport établi par grille le",
        method: "Méthode",
        heard: "Personnes entendues",
        interviews: "entretiens",
        questionnaires: "réponses au questionnaire",
        period: "Période :",
        respondents: "répondant·es",
        value: "valeur",
        not_given: "non renseigné",
        coverage: "Couverture de la grille",
        coverage_note: "Une question est couverte par un entretien quand elle y a des notes, une réponse, ou a été marquée couverte.",
        theme: "thème",
        question: "question",
        covered: "entretiens qui la couvrent",
        covered_pct: "% des entretiens",
        team: "Équipe d'enquête",
        interviewers: "Enquêteur·rices (sessions menées)",
        coders: "Codeur·euses (codages)",
        initials_note: "Les enquêteur·rices et les codeur·euses sont désigné·es par leurs initiales.",
        closed_questions: "Questions fermées",
        codes: "Codes du thème",
        quotes: "Paroles de répondant·es",
        quotes_other: "Autres citations",
        comment: "Note",
        situations: "Situations décrites",
        annex: "Annexe",
        grid: "Grille d'entretien",
        prompts: "Relances",
        codebook: "Livre de codes",
        use_when: "À utiliser quand",
        dont_use_when: "À ne pas utiliser quand",
        example: "Exemple",
        no_quote: "Aucun extrait de ce thème n'est marqué « à citer ».",
        colon: "\u{a0}:",
    },
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
    written: |p| format!("rapport écrit : {p}"),
    charts_written: |n, p| format!("{n} graphique(s) écrit(s) dans {p}"),
    unknown_format: |p| format!("« {p} » : le rapport s'écrit en .html, .docx, .odt ou .md"),
    needs_file: |f| format!("un rapport {f} s'écrit dans un fichier : -o RAPPORT.{f}"),
    template_error: |f, e| format!("le modèle de rapport {f} ne peut pas servir : {e}"),
    template_not_utf8: |f| format!("le modèle de rapport {f} n'est pas en UTF-8"),
    file_stem: "rapport",
    screen_written: |p| format!("Rapport écrit : {p}"),
    screen_written_beside: |p| {
        format!("Rapport écrit sous un nouveau nom, le rapport précédent du jour est gardé : {p}")
    },
    quote_title: " À citer — commentaire facultatif (Entrée) ",
    choose_quote: " Citer quel codage ? ",
    quote_here: "❝ à citer",
    quote_marked: |c| format!("« {c} » : extrait marqué à citer. u : annuler"),
    quote_unmarked: |c| format!("« {c} » : extrait plus à citer. u : annuler"),
    did_quote: |c| format!("extrait de « {c} » marqué à citer"),
    did_unquote: |c| format!("marque à citer retirée de « {c} »"),
    quotes_only: "à citer seulement",
    no_quotes: "Aucun extrait de ce code n'est marqué « à citer » (\" : tous les extraits).",
};

pub static FR_REPORT_KEYS: ReportKeys = ReportKeys {
    write_report: "écrire le rapport de l'étude en HTML dans le dossier courant, sans jamais écraser",
    short_report: "rapport",
    quote_coding: "marquer le codage sous le curseur « à citer » (commentaire facultatif), ou retirer la marque",
    short_quote: "citer",
    save_quote: "marquer « à citer », avec ce commentaire",
    remove_quote: "retirer la marque « à citer »",
    short_unquote: "ne plus citer",
    quotes_only: "n'afficher que les extraits « à citer », ou de nouveau tous",
    short_quotes_only: "à citer",
};
