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
    answers_note: "Une ligne par modalité de chaque question fermée ; chaque répondant·e compte \
        une fois, tous ses entretiens réunis. Choix multiples : les % ne totalisent pas 100.",
    answers_multi_note: "Choix multiples : une personne peut cocher plusieurs réponses, les % ne \
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
        format!("Base : {a} répondant·e(s) ayant répondu sur {s} ({n} sans réponse)")
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
    shared_pseudonym: |p, kind, files| {
        format!(
            "attention : le pseudonyme « {p} » est utilisé par plusieurs sessions de type {kind} \
             ({files}) ; les tableaux le comptent comme une seule personne répondante"
        )
    },
    left_out: |n, of, kind, status, dates, query| {
        format!(
            "Entretiens écartés : {n} sur {of} (type : {kind}, statut : {status}, dates : {dates}, \
             recherche sans passage correspondant : {query})."
        )
    },
    coder_counted: |c| format!("{c}, compté·e"),
    coder_not_counted: |c| format!("{c}, non compté·e"),
    coders_reference: |list| {
        format!(
            "Codages comptés : ceux du codeur ou de la codeuse de référence de chaque entretien \
             (le premier à l'avoir codé, sauf choix). Entretiens codés par plusieurs : {list}. \
             Pour réunir tous les codages : --coder all."
        )
    },
    coders_pooled: |list| {
        if list.is_empty() {
            "Codages de tous les codeur·euses réunis.".into()
        } else {
            format!(
                "Codages de tous les codeur·euses réunis (un passage codé par deux personnes \
                 compte une fois). Entretiens codés par plusieurs : {list}."
            )
        }
    },
    coders_named: |names| format!("Codages comptés : ceux de {names} seulement."),
    query_note: |q, n| format!("recherche « {q} » : {n} passage(s)"),
    row: "ligne",
    row_option: "modalité",
    row_group: "regroupement",
    row_member: "détail du regroupement",
    row_unknown: "inconnu",
    row_not_given: "non renseigné",
    row_base: "base",
    pct_of_all: "% de l'ensemble",
    pct_of_given: "% des renseignés",
    pct_of_known: "% des connus",
    ci_low: |c| format!("{c} : IC 95 % bas"),
    ci_high: |c| format!("{c} : IC 95 % haut"),
    base_all: "base : ensemble",
    base_given: "base : renseignés",
    base_known: "base : connus",
    base_row: |b| format!("Base ({b})"),
    answers_base: |n| format!("Base : {n} répondant·e(s), chacun·e compté·e une fois."),
    bases_note: "% de l'ensemble : parmi toutes les unités comptées ; % des renseignés : parmi \
        celles qui ont une réponse (« inconnu » compris) ; % des connus : parmi celles dont la \
        réponse est connue (ni inconnue, ni non renseignée). Un regroupement compte une fois \
        chaque unité qui a l'une de ses modalités.",
    wilson_note: "IC 95 % : intervalle de confiance à 95 % de Wilson.",
    answer_conflicts: |n| {
        format!(
            "{n} réponse(s) différente(s) d'un entretien à l'autre pour un·e même répondant·e : \
             la première réponse connue (par date) est comptée."
        )
    },
    total: |n| format!("Ensemble ({n})"),
    split_note: |label, multi| {
        let mut s = format!("Colonnes : {label} ; chaque colonne a sa propre base.");
        if multi {
            s.push_str(" Une unité peut figurer dans plusieurs colonnes.");
        }
        s
    },
    split_persons_note: |label| {
        format!(
            "Colonnes : {label} des répondant·es qui ont décrit la personne ; une personne \
             décrite par des répondant·es de plusieurs groupes figure dans chacun."
        )
    },
    cross_base_note: |b| format!("Pourcentages : {b} de chaque colonne."),
    cross_title: |title, by| format!("{title}, par {by}"),
    persons_base: |p, r, reporting, respondents| {
        format!(
            "Base : {p} personne(s) décrite(s) dans {r} situation(s) par {reporting} \
             répondant·e(s) sur {respondents}."
        )
    },
    persons_note: "Une personne décrite par plusieurs répondant·es (situations marquées « même \
        personne ») compte une fois ; ses caractéristiques sont la première valeur connue. Un \
        détail (formes de proxénétisme…) est compté parmi les personnes concernées.",
    person_conflicts: |n| {
        format!(
            "{n} personne(s) décrite(s) différemment selon les situations : première valeur connue comptée."
        )
    },
    applies_to: "concerne",
    persons: "personnes",
    persons_pct: "% des personnes",
    chart_persons_base: |n| format!("Base : {n} personne(s)"),
    several_tables: |tables| {
        format!(
            "ce tableau a plusieurs tables ({tables}) et un fichier CSV n'en tient qu'une : \
             écrivez-les dans un dossier (-o DOSSIER/) ou une archive (-o FICHIER.zip), ou \
             choisissez-en une avec --table NOM"
        )
    },
    saturation_title: "Saturation thématique : nouveaux codes par entretien",
    saturation_sheet: "Saturation",
    saturation_runs_title: "Saturation : nouvelles informations par série d'entretiens",
    saturation_runs_sheet: "Séries",
    saturation_method: |base, run, threshold, codes| {
        format!(
            "Méthode de Guest, Namey et Chen (2020) : base de {base} entretien(s) ({codes} \
             code(s) distinct(s)), séries de {run} entretien(s), seuil de nouvelles \
             informations ≤ {threshold} % des codes de la base."
        )
    },
    saturation_reference: "Guest G., Namey E., Chen M. (2020), « A simple method to assess and \
        report thematic saturation in qualitative research », PLoS ONE 15(5) : e0232076. \
        Entretiens dans l'ordre de leurs dates.",
    saturation_undated: |n| {
        format!("{n} entretien(s) sans date écarté(s) : l'ordre des entretiens en dépend.")
    },
    saturation_reached: |at, first, last| {
        format!(
            "Saturation atteinte à l'entretien {at} (les entretiens {first} à {last} apportent peu de nouveaux codes)."
        )
    },
    saturation_not_reached: "Saturation non atteinte : chaque série apporte plus de nouvelles \
        informations que le seuil.",
    saturation_too_few: |n, needed| {
        format!(
            "Saturation non évaluable : {n} entretien(s) daté(s), il en faut au moins {needed} (base et une série)."
        )
    },
    saturation_no_base: "Saturation non évaluable : les entretiens de la base n'ont aucun code.",
    saturation_mark: |at| format!("saturation : entretien {at}"),
    interview_number: "entretien n°",
    codes_used: "codes utilisés",
    new_codes: "nouveaux codes",
    cumulative_codes: "codes distincts cumulés",
    new_code_list: "codes nouveaux",
    run: "série",
    base_codes: "codes de la base",
    new_information: "nouvelles informations (% de la base)",
    within_threshold: "sous le seuil",
    unknown_table: |name, known| {
        format!("pas de table « {name} » dans cet export (tables : {known})")
    },
    decimal_comma: true,
    replay_written: |r, p, n, d| {
        format!("{d} : {r} répondant·es, {p} personnes décrites dans {n} situations")
    },
    situation_id: "situation",
    situation_label: "description",
    same_person: "même personne que",
    same_situation: "une situation ne peut pas être la même personne qu'elle-même",
    same_person_usage: "donnez l'autre situation, ou --none pour défaire le lien",
    counting_saved: "Enregistré : les tableaux compteront cette personne une fois.",
    no_such_situation: |s| {
        format!(
            "aucune situation « {s} » (donnez son identifiant ou ses 8 premiers caractères, voir grille situations)"
        )
    },
    ambiguous_situation: |s| {
        format!("« {s} » désigne plusieurs situations : donnez plus de caractères")
    },
    no_such_session: |s| format!("aucun entretien « {s} » (pseudonyme ou début d'identifiant)"),
    ambiguous_session: |s| {
        format!("« {s} » désigne plusieurs entretiens : donnez le début de son identifiant")
    },
    reference_coder_set: |r, c, all| {
        format!("{r} : les tableaux comptent le codage de {c} (codeur·euses : {all}).")
    },
    reports_title: "Signalements",
    reports_base: |r, p| {
        format!(
            "{r} signalement(s) de {p} personne(s) ; l relie deux signalements d'une même personne"
        )
    },
    same_as: |o| format!("→ même personne que {o}"),
    only_on_reports: "l et u relient les signalements : sur l'onglet Signalements (Tab)",
    report_marked: |r| {
        format!("{r} marqué : choisissez l'autre signalement de la même personne, puis l")
    },
    reports_linked: |r, o| format!("{r} et {o} : une même personne, comptée une fois"),
    report_unlinked: |r| format!("{r} : n'est plus relié à un autre signalement"),
    report_not_linked: "ce signalement n'est relié à aucun autre",
    reference_shown: |c| format!("codage compté : {c}"),
    interval: |low, high| format!("[{low} ; {high}]"),
    broken_down_by: |a| format!("par {a}"),
    more_columns: |from, to, all| format!("colonnes {from} à {to} sur {all} (← → pour les autres)"),
    no_column_fits: |all| {
        format!("écran trop étroit pour les {all} colonnes de la ventilation : élargir le terminal")
    },
    or_hide_intervals: " ou masquer les intervalles (i)",
    columns_dropped: |c| format!("sans {c} (écran étroit)"),
};
