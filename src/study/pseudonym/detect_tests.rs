//! The detector's tests on French text.

use super::*;

fn found(text: &str) -> Vec<(Kind, String)> {
    let lexicon = Lexicon::new(
        ["Kowalski"],
        ["Chapdes-Beaufort"],
        lowercase_words(text),
        ["Cecler"],
    );
    detect(text, &lexicon)
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect()
}

fn kinds(text: &str, kind: Kind) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn names_with_particles_and_hyphens_are_one_name() {
    let text = "On l'a orientée vers Jean-Marie de la Tour, puis chez Mme Ferrandi et \
                Valéry Giscard d'Estaing est passé voir Pierre-Yves Le Gall.";
    assert_eq!(
        kinds(text, Kind::Person),
        [
            "Jean-Marie de la Tour",
            "Ferrandi",
            "Valéry Giscard d'Estaing",
            "Pierre-Yves Le Gall"
        ]
    );
}

#[test]
fn a_sentence_start_is_not_a_name_unless_a_list_or_a_title_says_so() {
    let text = "Ensuite elle est partie. Dupont ne savait pas. Marie est revenue. \
                « Madame Rose nous a appelés. » Kowalski aussi. Le foyer, le Foyer. \
                Rappeler Mme Ferrandi.";
    assert_eq!(
        kinds(text, Kind::Person),
        ["Marie", "Rose", "Kowalski", "Ferrandi"]
    );
}

#[test]
fn known_words_institutions_and_rejected_words_are_not_names() {
    let text = "Elle est suivie par la Préfecture, le Cecler, la Croix-Rouge et le CCAS, \
                elle a un compte Facebook.";
    assert_eq!(kinds(text, Kind::Person), Vec::<String>::new());
}

#[test]
fn french_phone_numbers_in_every_usual_form() {
    let text = "Son numéro : 06 12 34 56 78, ou le 06.12.34.56.78, le 0612345678, \
                +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 6 12 34 56 78. \
                Mais pas 2018 ni 115 personnes ni 12 34.";
    assert_eq!(
        kinds(text, Kind::Phone),
        [
            "06 12 34 56 78",
            "06.12.34.56.78",
            "0612345678",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "0033 6 12 34 56 78"
        ]
    );
}

#[test]
fn emails_addresses_ages_births_and_places() {
    let text = "Écrivez à jm.delatour@exemple.fr. Elle habite 12 bis rue des Lilas, \
                63000 Clermont-Ferrand, puis 4 avenue Jean Jaurès. Elle a 16 ans, \
                née le 3 mars 2008, une jeune fille de 15 ans, depuis 3 ans. \
                Elle vient de Thiers et de Chapdes-Beaufort.";
    assert_eq!(kinds(text, Kind::Email), ["jm.delatour@exemple.fr"]);
    assert_eq!(
        kinds(text, Kind::Address),
        [
            "12 bis rue des Lilas, 63000 Clermont-Ferrand",
            "4 avenue Jean Jaurès"
        ]
    );
    assert_eq!(kinds(text, Kind::Age), ["16 ans", "15 ans"]);
    assert_eq!(kinds(text, Kind::Birth), ["3 mars 2008"]);
    assert_eq!(kinds(text, Kind::Place), ["Thiers", "Chapdes-Beaufort"]);
}

#[test]
fn the_people_of_a_place_and_common_phrases_are_not_names() {
    let text = "Les Clermontoises et les Clermontois, comme les Lyonnaises, les Auvergnats \
                et les Parisiens, le disent à Monsieur Tout-le-Monde. Les Sans-Papiers du \
                foyer n'ont pas de papiers, des Albanaises et des Nigérianes non plus. Les \
                gens de Chapdes-Beaufort, les Chapdes-Beaufortois. Mais ce sont des noms : \
                Jean-Marie Parisot, Mme Clermontois, le Dr Lyonnet, Bonnet-Blanc (c'est \
                bonnet blanc et blanc bonnet).";
    assert_eq!(
        kinds(text, Kind::Person),
        [
            "Jean-Marie Parisot",
            "Clermontois",
            "Lyonnet",
            "Bonnet-Blanc"
        ]
    );
    assert_eq!(kinds(text, Kind::Place), ["Chapdes-Beaufort"]);
}

#[test]
fn offsets_are_in_chars() {
    let text = "Là-bas, à Thiers";
    let lexicon = Lexicon::new([], [], lowercase_words(text), []);
    let f = detect(text, &lexicon);
    assert_eq!((f[0].start, f[0].end), (10, 16));
}
