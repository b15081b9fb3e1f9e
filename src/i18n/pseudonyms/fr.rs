use super::PseudonymScreenTexts;

pub static FR_PSEUDONYMS: PseudonymScreenTexts = PseudonymScreenTexts {
    title: "Pseudonymisation",
    section: "Propositions de pseudonymes",
    open: "Pseudonymiser : revoir les noms, lieux, numéros proposés",
    previous: "Proposition précédente",
    next: "Proposition suivante",
    first: "Première proposition",
    last: "Dernière proposition",
    previous_occurrence: "Occurrence précédente (son contexte)",
    next_occurrence: "Occurrence suivante (son contexte)",
    accept: "Accepter : remplacer partout, toutes ses occurrences",
    reject: "Rejeter : n'identifie personne, ne plus proposer",
    later: "Plus tard : défaire la décision",
    accept_kind: "Accepter toutes les propositions non décidées de cette sorte",
    accept_text: "Accepter ce texte dans toutes ses sortes (personne, lieu…)",
    apply: "Remplacer partout ce qui est accepté",
    undo: "Annuler le dernier remplacement",
    reload: "Relire les entretiens",
    back: "Retour à l'accueil (les décisions sont gardées)",
    short_accept: "accepter",
    short_reject: "rejeter",
    short_later: "plus tard",
    short_apply: "remplacer",
    short_undo: "annuler",
    short_back: "retour",
    loading: "Lecture des entretiens…",
    empty: "Aucune proposition à revoir : rien d'identifiant trouvé, ou tout est décidé et remplacé.",
    counts: |n, a, r, u| {
        format!(" {n} proposition(s) : {a} acceptée(s), {r} rejetée(s), {u} à décider ")
    },
    undecided: "à décider",
    accepted: "acceptée",
    rejected: "rejetée",
    col_kind: "Sorte",
    col_text: "Texte",
    col_pseudonym: "Pseudonyme",
    col_where: "Où",
    where_found: |n, s| format!("{n} fois, {s} ent."),
    occurrence: |i, n, who, place| format!(" Occurrence {i}/{n} — {who}, {place} "),
    in_transcript: "transcription",
    in_memo: "mémo",
    in_coding_memo: "mémo d'un codage",
    in_situation: "nom d'une situation",
    accepted_many: |n, what| format!("{n} proposition(s) acceptée(s) : {what}"),
    not_applied: |n| {
        format!(
            "{n} acceptée(s) pas encore remplacée(s) : R pour remplacer (la décision est gardée)"
        )
    },
};
