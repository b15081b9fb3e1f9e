//! What the statistics screen's own keys do (breakdown, intervals, columns, persons), in both
//! languages: kept with the analysis words rather than in the big list of keys.

/// Referenced from [`KeysTexts::stats`](crate::i18n::KeysTexts).
pub struct StatsKeys {
    pub by: &'static str,
    pub short_by: &'static str,
    pub intervals: &'static str,
    pub columns: &'static str,
}

pub static FR_STATS_KEYS: StatsKeys = StatsKeys {
    by: "ventiler par un attribut des répondant·es (une colonne par valeur, comme export --by) ; \
         encore : l'attribut suivant, puis aucun",
    short_by: "ventiler",
    intervals: "montrer ou cacher les intervalles de confiance à 95 % (Wilson)",
    columns: "colonnes précédentes ou suivantes d'un tableau ventilé",
};

pub static EN_STATS_KEYS: StatsKeys = StatsKeys {
    by: "break down by a respondent attribute (a column per value, as export --by); again: the \
         next attribute, then none",
    short_by: "break down",
    intervals: "show or hide the 95 % confidence intervals (Wilson)",
    columns: "previous or next columns of a broken-down table",
};
