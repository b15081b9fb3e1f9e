//! What the keys about counting do (the statistics screen's breakdown, intervals and columns;
//! the coding screen's reference coder), in both languages: kept with the analysis words
//! rather than in the big list of keys.

/// Referenced from [`KeysTexts::stats`](crate::i18n::KeysTexts).
pub struct StatsKeys {
    pub by: &'static str,
    pub short_by: &'static str,
    pub intervals: &'static str,
    pub columns: &'static str,
    pub link: &'static str,
    pub unlink: &'static str,
    /// On the coding screen.
    pub reference_coder: &'static str,
    pub one_coder: &'static str,
}

pub static FR_STATS_KEYS: StatsKeys = StatsKeys {
    by: "ventiler par un attribut des répondant·es (une colonne par valeur, comme export --by) ; \
         encore : l'attribut suivant, puis aucun",
    short_by: "ventiler",
    intervals: "montrer ou cacher les intervalles de confiance à 95 % (Wilson)",
    columns: "colonnes précédentes ou suivantes d'un tableau ventilé",
    link: "signalements : marquer celui-ci, puis l sur un autre : la même personne, comptée une \
           fois",
    unlink: "signalements : celui-ci n'est plus la même personne qu'un autre",
    reference_coder: "codeur·se de référence de l'entretien (celui ou celle dont les tableaux \
                      comptent le codage) : le ou la suivant·e",
    one_coder: "un·e seul·e codeur·se dans cet entretien : son codage est celui compté",
};

pub static EN_STATS_KEYS: StatsKeys = StatsKeys {
    by: "break down by a respondent attribute (a column per value, as export --by); again: the \
         next attribute, then none",
    short_by: "break down",
    intervals: "show or hide the 95 % confidence intervals (Wilson)",
    columns: "previous or next columns of a broken-down table",
    link: "reports: mark this one, then l on another: the same person, counted once",
    unlink: "reports: this one is no longer the same person as another",
    reference_coder: "the session's reference coder (whose coding the tables count): the next one",
    one_coder: "one coder in this session: theirs is the coding counted",
};
