use super::AnalysisTexts;

pub static FR_ANALYSIS: AnalysisTexts = AnalysisTexts {
    yes: "oui",
    no: "non",
    not_given: "non renseigné",
    code: "code",
    name: "nom",
    with_descendants: |c| format!("{c} (avec sous-codes)"),
    excerpts: "extraits",
    sessions: "entretiens",
    respondents: "répondant·es",
    respondents_pct: "% répondant·es",
    words: "mots codés",
    attribute: "attribut",
    value: "valeur",
    multi: "valeurs multiples",
    situations: "situations",
    situations_pct: "% des situations",
    filters: |f| format!("Filtres : {f}."),
    frequencies_title: "Fréquences des codes",
    frequencies_sheet: "Fréquences",
    frequencies_base: |s, r| {
        format!("{s} entretien(s), {r} répondant·e(s) : base des pourcentages de répondant·es.")
    },
    frequencies_units: "Extraits : passages codés distincts. Mots codés : mots touchés par les \
        passages codés, comptés une fois même quand des codages se chevauchent. « Avec \
        sous-codes » : le code et tous les codes placés sous lui.",
    group_n: |g| format!("{g} : n"),
    group_pct: |g| format!("{g} : %"),
    breakdown_note: |a, multi| {
        let mut s = format!(
            "Répartition par « {a} » (avec sous-codes) : % des répondant·es de chaque groupe."
        );
        if multi {
            s.push_str(" Une personne peut appartenir à plusieurs groupes.");
        }
        s
    },
    situations_title: "Situations par attribut",
    situations_sheet: "Situations",
    situations_base: |n| {
        format!("Base : {n} situation(s) décrite(s) ; % de toutes les situations.")
    },
    multi_note: "Attribut à valeurs multiples : une situation peut en avoir plusieurs, les % ne \
        totalisent pas 100.",
    situations_codes_title: "Situations par code",
    situations_codes_sheet: "Situations par code",
    situations_codes_note: "Une situation compte pour un code quand l'un de ses extraits \
        chevauche un passage codé avec ce code.",
    situations_groups_title: "Situations par groupe de répondant·es",
    situations_groups_sheet: "Situations par groupe",
    situations_groups_note: "Situations rapportées par les répondant·es de chaque groupe.",
    answers_title: "Réponses aux questions fermées",
    answers_sheet: "Réponses",
    answers_note: "% des réponses : parmi les entretiens qui ont répondu à la question ; % de \
        tous : parmi tous les entretiens. Choix multiples : les % ne totalisent pas 100.",
    answers_multi_note: "Choix multiples : un entretien peut cocher plusieurs réponses, les % ne \
        totalisent pas 100.",
    numbers_title: "Réponses numériques",
    numbers_sheet: "Nombres",
    theme: "thème",
    question: "question",
    question_text: "intitulé",
    kind: "type",
    kind_name: |k| match k {
        "yes_no" => "oui/non",
        "number" => "nombre",
        "choice" => "choix unique",
        "choices" => "choix multiples",
        "scale" => "échelle",
        _ => "ouverte",
    },
    answer: "réponse",
    count: "n",
    pct_answered: "% des réponses",
    pct_all: "% de tous",
    answered: "ont répondu",
    not_answered: "sans réponse",
    unit: "unité",
    sum: "somme",
    min: "min",
    median: "médiane",
    max: "max",
    mean: "moyenne",
    cooccurrence_title: |overlap| {
        if overlap {
            "Cooccurrences des codes (passages qui se chevauchent)".into()
        } else {
            "Cooccurrences des codes (même segment)".into()
        }
    },
    cooccurrence_sheet: "Cooccurrences",
    cooccurrence_note: |overlap| {
        format!(
            "Nombre de segments où les deux codes apparaissent{} ; diagonale : segments codés \
             avec le code. Codes pris seuls, sans leurs sous-codes.",
            if overlap {
                " sur des passages qui se chevauchent"
            } else {
                ""
            }
        )
    },
    code_sessions_title: "Codes par entretien",
    code_sessions_sheet: "Codes par entretien",
    code_sessions_note: "Nombre d'extraits (passages codés distincts) de chaque code dans chaque \
        entretien.",
    agreement_title: |a, b| format!("Accord entre codeur·euses : {a} et {b}"),
    agreement_sheet: "Accord",
    agreement_unit: |chars, n| {
        if chars {
            format!(
                "Unité : le caractère ({n} caractères comparés par code) : chaque caractère est codé ou non par chaque codeur·euse."
            )
        } else {
            format!(
                "Unité : le segment ({n} segments comparés par code) : le code est présent ou absent du segment pour chaque codeur·euse."
            )
        }
    },
    agreement_sessions: |s| format!("Entretiens codés par les deux : {s}."),
    agreement_method: "Codes utilisés par au moins l'un·e des deux. « Ensemble » : toutes les \
        décisions (unité × code) réunies. Kappa de Cohen ; alpha de Krippendorff (nominal).",
    both: "les deux",
    only: |c| format!("seulement {c}"),
    neither: "aucun·e",
    pct_agreement: "% d'accord",
    kappa: "kappa de Cohen",
    alpha: "alpha de Krippendorff",
    overall: "Ensemble",
    mean_kappa: |k| format!("Moyenne des kappas par code : {k}."),
    excerpts_title: "Extraits codés",
    excerpts_sheet: "Extraits",
    date: "date",
    respondent: "répondant·e",
    speaker: "locuteur·rice",
    speaker_respondent: "répondant·e",
    speaker_interviewer: "enquêteur·rice",
    speaker_name: "nom du ou de la locuteur·rice",
    coder: "codeur·euse",
    excerpt: "extrait",
    memo: "mémo",
    chart_frequencies_title: "Codes les plus fréquents : répondant·es concerné·es",
    chart_frequencies_base: |n| format!("Base : {n} répondant·e(s) ; codes avec leurs sous-codes"),
    chart_answers_base: |a, s, n| {
        format!("Base : {a} entretien(s) ayant répondu sur {s} ({n} sans réponse)")
    },
    export_written: |p| format!("Export écrit dans {p}"),
    chart_written: |p| format!("Graphique écrit dans {p}"),
    xlsx_needs_file: "le format xlsx s'écrit dans un fichier : ajoutez -o FICHIER.xlsx",
    unknown_coder: |c, known| format!("aucun codage de « {c} » (codeur·euses : {known})"),
    choose_coders: |pairs| {
        if pairs.is_empty() {
            "aucun entretien n'a été codé par deux codeur·euses".into()
        } else {
            format!("précisez les deux codeur·euses avec --coders A,B (paires possibles : {pairs})")
        }
    },
    output_in_study: |p| {
        format!("{p} : refusé, ce fichier appartient à l'étude ; écrivez l'export ailleurs")
    },
    unknown_attribute: |k, known| {
        format!("aucun attribut de répondant·e « {k} » (attributs : {known})")
    },
    unknown_question: |q, known| format!("aucune question fermée « {q} » (questions : {known})"),
    unreadable_sessions: |n| format!("{n} entretien(s) illisible(s) laissé(s) de côté"),
    shared_pseudonym: |p, files| {
        format!(
            "attention : le pseudonyme « {p} » est utilisé par plusieurs entretiens ({files}) ; \
             les tableaux le comptent comme une seule personne répondante"
        )
    },
};
