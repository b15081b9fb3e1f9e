//! Pairs that must match and pairs that must not, through the whole French analyzer.

use std::collections::BTreeSet;

use super::*;

fn terms_of(text: &str) -> BTreeSet<String> {
    terms(&mut french(), text)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

/// Whether a one-word query finds a text: one of the query's terms is among the text's terms.
fn finds(query: &str, text: &str) -> bool {
    !terms_of(query).is_disjoint(&terms_of(text))
}

#[test]
fn accents_case_and_inflection_are_ignored() {
    for (query, text) in [
        ("proxenetisme", "Le Proxénétisme conjugal"),
        ("hotel", "Elle vivait à l'hôtel."),
        ("hôtels", "les HOTELS de périphérie"),
        ("securite", "pour sa sécurité"),
        ("sécurités", "securite"),
        ("prostituee", "des femmes prostituées"),
        ("mineures", "une mineure"),
        ("hébergée", "hébergées chez un homme"),
        ("logement", "des logements"),
        ("gendarmerie", "les gendarmeries"),
        ("education", "Éducation nationale"),
        ("animatrices", "une animatrice"),
        ("animateur", "les animateurs"),
    ] {
        assert!(finds(query, text), "{query:?} must find {text:?}");
    }
}

#[test]
fn inclusive_forms_are_found_from_plain_words_and_back() {
    for (plain, inclusive) in [
        ("professionnelle", "les professionnel.les du social"),
        ("professionnels", "les professionnel·les du social"),
        ("professionnel", "des professionnel(le)s"),
        ("professionnelles", "professionnel·le·s"),
        ("élue", "les élu.es du territoire"),
        ("élus", "les élu.es du territoire"),
        ("elu", "les élu·e·s"),
        ("interrogée", "les personnes interrogé·es"),
        ("interrogés", "interrogé·es"),
        ("mineure", "des mineur.es"),
        ("mineurs", "des mineur.es"),
        ("animatrice", "les animateur.rices"),
        ("animateurs", "les animateur·rices"),
        ("travailleuse", "travailleur·euses sociaux"),
        ("infirmière", "les infirmier·ères scolaires"),
        ("citoyennes", "des citoyen·nes"),
        ("étudiante", "étudiant-e-s"),
    ] {
        assert!(finds(plain, inclusive), "{plain:?} must find {inclusive:?}");
        // And the other way round: the inclusive form as a query finds the plain word.
        let form = inclusive
            .split_whitespace()
            .find(|w| w.contains(['.', '·', '(', '-']))
            .unwrap();
        assert!(finds(form, plain), "{form:?} must find {plain:?}");
    }
}

#[test]
fn what_must_not_match() {
    for (query, text) in [
        // The suffix of an inclusive form is not the article `les`.
        ("les", "professionnel.les"),
        ("les", "professionnel·les"),
        // Nor a word after a sentence end.
        ("es", "fin.es"),
        // Different words stay different.
        ("hotel", "hôpital"),
        ("élu", "élève"),
        ("mineur", "minuit"),
        ("proxenetisme", "prostitution"),
        ("logement", "location"),
        ("conjugal", "conjoint"),
        // An elided article is not indexed: `l` finds nothing in `l'hôtel`.
        ("l", "l'hôtel"),
    ] {
        assert!(!finds(query, text), "{query:?} must not find {text:?}");
    }
}

#[test]
fn not_inclusive_writing_splits_into_ordinary_words() {
    assert!(finds("martin", "Dr.Martin"));
    assert!(finds("les", "etc.les"));
    assert!(finds("femme", "sage-femme"));
}

#[test]
fn inclusive_forms_give_two_terms_at_one_position() {
    let got = terms(&mut french(), "des professionnel·les formées");
    assert_eq!(
        got,
        [
            (0, "de".to_string()),
            (1, "professionnel".into()),
            (2, "forme".into())
        ]
    );
    // Masculine and feminine whose stems differ both stay, at the same position.
    // élu·es: élu, élus, élue, élues stem to `elu` and `elus` (the stemmer keeps an `s` after
    // `u`), both at position 1.
    let got = terms(&mut french(), "les élu·es");
    assert_eq!(
        got,
        [(0, "le".to_string()), (1, "elu".into()), (1, "elus".into())]
    );
}

#[test]
fn folding_before_stemming_on_real_sentences() {
    // A sentence from an example session, and the same typed without accents: same terms.
    let accented = "Elle était hébergée à l'hôtel par un homme bien plus âgé, en échange d'actes \
                    sexuels ; c'était le prix du toit, une sécurité qu'elle n'avait pas ailleurs.";
    let plain = "Elle etait hebergee a l'hotel par un homme bien plus age, en echange d'actes \
                 sexuels ; c'etait le prix du toit, une securite qu'elle n'avait pas ailleurs.";
    assert_eq!(terms_of(accented), terms_of(plain));
    // Stemming the accented words first, then folding, would not give that: the French stemmer
    // strips `-ité` but not `-ite`, so `sécurité` and `securite` would part ways.
    let stem_then_fold = |w: &str| {
        let mut a = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::French))
            .filter(AsciiFoldingFilter)
            .build();
        terms(&mut a, w).remove(0).1
    };
    assert_ne!(stem_then_fold("sécurité"), stem_then_fold("securite"));
}

#[test]
fn names_and_keys() {
    let n: Vec<String> = terms(&mut name(), "Léa Martin")
        .into_iter()
        .map(|t| t.1)
        .collect();
    assert_eq!(n, ["lea", "martin"]);
    let k: Vec<String> = terms(&mut key(), "Police-Gendarmerie")
        .into_iter()
        .map(|t| t.1)
        .collect();
    assert_eq!(k, ["police-gendarmerie"]);
}

proptest::proptest! {
    /// Any text (pasted, imported) goes through the analyzer without a panic, and every token
    /// points at a slice of the text.
    #[test]
    fn any_text_is_analyzed(text in "[a-zA-Zéèô·.()'’\\-/ 0-9]{0,40}") {
        let mut a = french();
        let mut stream = a.token_stream(&text);
        while stream.advance() {
            let t = stream.token();
            proptest::prop_assert!(text.get(t.offset_from..t.offset_to).is_some());
        }
    }
}
