//! Capitalised words that look like names and name no one, in French: the people of a place
//! (`les Clermontoises`, `des Lyonnais`, `les Auvergnats`: a place of the lists and a
//! demonym's ending) and hyphenated common phrases (`Monsieur Tout-le-Monde`, `les
//! Sans-Papiers`: every part a known or grammatical word, none a first name). Words are
//! compared folded (lower case, no accents, as [`fold`](crate::study::text::fold) gives them).
//!
//! Each rule errs towards proposing: a surname that happens to be a common phrase or a
//! demonym (`Parisot`, `Bonnet-Blanc`) must still be proposed, so the endings are only those of
//! demonyms and a phrase needs a grammatical word between its parts.

use std::collections::BTreeSet;

/// The forms a folded word may be the inflection of: itself, its singular, and the masculine
/// of both (`clermontoises` → `clermontoise`, `clermontois`).
pub(super) fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    if let Some(singular) = word.strip_suffix('s').or_else(|| word.strip_suffix('x')) {
        out.push(singular.to_owned());
    }
    for i in 0..out.len() {
        if let Some(masculine) = masculine(&out[i]) {
            out.push(masculine);
        }
    }
    out
}

/// The masculine of a feminine demonym or adjective (`lyonnaise` → `lyonnais`, `parisienne`
/// → `parisien`, `auvergnate` → `auvergnat`).
fn masculine(word: &str) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("ienne", "ien"),
        ("eenne", "een"),
        ("oise", "ois"),
        ("aise", "ais"),
        ("aine", "ain"),
        ("ate", "at"),
    ];
    ENDINGS.iter().find_map(|(feminine, masculine)| {
        word.strip_suffix(feminine)
            .map(|stem| format!("{stem}{masculine}"))
    })
}

/// What a demonym ends with, in the masculine singular.
const DEMONYM_ENDINGS: &[&str] = &["ois", "ais", "ien", "een", "ain", "at"];

/// The shortest stem a demonym is recognised from: shorter, too many surnames would match.
const SHORTEST_STEM: usize = 3;

/// The words of place names a demonym may be made from: each place whole, each of its words
/// (`clermont`, `ferrand`, `auvergne`), and a compound place's words run together
/// (`puydome`).
pub(super) fn place_stems<'a>(places: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let mut stems = BTreeSet::new();
    for place in places {
        let folded = crate::study::text::fold(place);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= SHORTEST_STEM)
            .collect();
        stems.extend(words.iter().map(|w| (*w).to_owned()));
        stems.insert(folded.clone());
        if words.len() > 1 {
            stems.insert(words.concat());
        }
    }
    stems
}

/// Whether a folded word (a form given by [`forms`]) is a place's demonym: a stem of `stems`,
/// its final `e` dropped or its last consonant doubled, and a demonym's ending
/// (`clermont`+`ois`, `marseill(e)`+`ais`, `lyon`+`n`+`ais`, `auvergn(e)`+`at`).
pub(super) fn is_demonym(word: &str, stems: &BTreeSet<String>) -> bool {
    DEMONYM_ENDINGS.iter().any(|ending| {
        let Some(stem) = word.strip_suffix(ending) else {
            return false;
        };
        if stem.chars().count() < SHORTEST_STEM {
            return false;
        }
        let doubled = {
            let mut chars = stem.chars().rev();
            match (chars.next(), chars.next()) {
                (Some(a), Some(b)) if a == b && !"aeiouy".contains(a) => {
                    Some(&stem[..stem.len() - a.len_utf8()])
                }
                _ => None,
            }
        };
        stems.contains(stem)
            || stems.contains(&format!("{stem}e"))
            || doubled.is_some_and(|s| stems.contains(s))
    })
}

/// The grammatical words that join a hyphenated common phrase (`tout-le-monde`,
/// `sans-papiers`, `va-et-vient`).
const JOINING: &[&str] = &[
    "le", "la", "les", "l", "de", "du", "des", "d", "en", "et", "a", "au", "aux", "sur", "sous",
    "sans", "t", "tout", "toute", "tous", "toutes", "qu", "que", "ni", "ou",
];

/// Whether a folded hyphenated word is a common phrase: at least one grammatical word among
/// its parts, every other part a known word (`known`), and none a first name.
pub(super) fn is_common_phrase(
    word: &str,
    known: impl Fn(&str) -> bool,
    first_names: &BTreeSet<String>,
) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() >= 2
        && parts.iter().any(|p| JOINING.contains(p))
        && parts
            .iter()
            .all(|p| !p.is_empty() && !first_names.contains(*p))
        && parts.iter().all(|p| JOINING.contains(p) || known(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems() -> BTreeSet<String> {
        place_stems([
            "Clermont-Ferrand",
            "Marseille",
            "Lyon",
            "Cournon-d'Auvergne",
            "Paris",
            "Nice",
            "Puy-de-Dôme",
        ])
    }

    fn demonym(word: &str) -> bool {
        let stems = stems();
        forms(&crate::study::text::fold(word))
            .iter()
            .any(|f| is_demonym(f, &stems))
    }

    #[test]
    fn the_people_of_a_place_in_every_gender_and_number() {
        for word in [
            "Clermontoises",
            "Clermontois",
            "Clermontoise",
            "Marseillaises",
            "Lyonnais",
            "Lyonnaise",
            "Auvergnats",
            "Auvergnate",
            "Parisiens",
            "Parisienne",
            "Niçoises",
            "Puydômois",
        ] {
            assert!(demonym(word), "{word}");
        }
    }

    #[test]
    fn surnames_that_end_like_a_demonym_are_not_one() {
        for word in [
            "Dubois",
            "François",
            "Parisot",
            "Lyonnet",
            "Valois",
            "Benoît",
            "Nicolas",
            "Clerc",
            "Morin",
            "Martin",
        ] {
            assert!(!demonym(word), "{word}");
        }
    }

    #[test]
    fn a_phrase_needs_a_joining_word_and_no_first_name() {
        let known = |w: &str| ["monde", "papiers", "bonnet", "blanc", "vient", "va"].contains(&w);
        let first_names: BTreeSet<String> = ["jean", "marie", "pierre"].map(String::from).into();
        let phrase = |w: &str| is_common_phrase(w, known, &first_names);
        assert!(phrase("tout-le-monde"));
        assert!(phrase("sans-papiers"));
        assert!(phrase("va-et-vient"));
        // Names: a first name in it, no joining word, or a part nobody writes in lower case.
        assert!(!phrase("jean-marie"));
        assert!(!phrase("marie-de-la-croix"));
        assert!(!phrase("bonnet-blanc"));
        assert!(!phrase("dupont-de-la-motte"));
        assert!(!phrase("monde"));
    }
}
