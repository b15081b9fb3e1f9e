//! The Puy-de-Dôme diagnostic replayed (79 respondents, 115 persons in 117 reports, written by
//! `grille dev replay` in the built-in template): the published figures come out of `grille
//! export answers --by secteur` and `grille export situations`, as CSV that a French
//! spreadsheet opens as numbers (`;`, a byte order mark, decimal commas), read back here with
//! the `csv` crate.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::grille;

/// A home with the replay in `replay/`.
fn replay() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("replay");
    grille(home.path())
        .args(["dev", "replay", "--out", study.to_str().unwrap()])
        .assert()
        .success();
    (home, study)
}

/// Runs an export to a CSV file and reads it back as records keyed by header.
fn export_csv(home: &Path, study: &Path, args: &[&str]) -> Vec<HashMap<String, String>> {
    let out = home.join("table.csv");
    let _ = std::fs::remove_file(&out);
    grille(home)
        .args(["--study", study.to_str().unwrap(), "export"])
        .args(args)
        .args(["-o", out.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..3], "\u{feff}".as_bytes(), "a byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// A number as a French spreadsheet reads it: a decimal comma, no point.
fn number(cell: &str) -> f64 {
    assert!(!cell.contains('.'), "{cell} has a decimal point");
    cell.replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("{cell:?} is not a number"))
}

fn row<'a>(
    rows: &'a [HashMap<String, String>],
    first: (&str, &str),
    value: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r[first.0] == first.1 && r[value_column(r)] == value)
        .unwrap_or_else(|| panic!("no row {first:?} {value}"))
}

fn value_column(r: &HashMap<String, String>) -> &'static str {
    if r.contains_key("réponse") {
        "réponse"
    } else {
        "valeur"
    }
}

#[test]
fn the_published_questionnaire_figures_by_sector() {
    let (home, study) = replay();
    let rows = export_csv(
        home.path(),
        &study,
        &[
            "answers",
            "--by",
            "secteur",
            "--table",
            "answers-by-secteur",
        ],
    );
    let identified = row(&rows, ("question", "deja_identifie"), "oui");
    // 66 % of the 79 respondents [55 ; 75], as the report writes it.
    assert_eq!(identified["Ensemble (79) : n"], "52");
    let pct = "Ensemble (79) : % des renseignés";
    assert_eq!(identified[pct], "65,8");
    assert_eq!(number(&identified[pct]).round(), 66.0);
    assert_eq!(
        number(&identified[&format!("{pct} : IC 95 % bas")]).round(),
        55.0
    );
    assert_eq!(
        number(&identified[&format!("{pct} : IC 95 % haut")]).round(),
        75.0
    );
    // From 36 % among justice respondents to 82 % in the social sector, each on its base.
    assert_eq!(identified["Justice (11) : n"], "4");
    assert_eq!(identified["Justice (11) : % des renseignés"], "36,4");
    assert_eq!(identified["Social (22) : % des renseignés"], "81,8");
    // The row of bases states each column's base.
    let base = rows
        .iter()
        .find(|r| r["question"] == "deja_identifie" && r["ligne"] == "base")
        .unwrap();
    assert_eq!(base["Justice (11) : n"], "11");

    let rows = export_csv(home.path(), &study, &["answers", "--table", "answers"]);
    let published = [
        ("connait_association", "oui", 54.0),
        ("outille", "non", 87.0),
        ("forme", "non", 87.0),
    ];
    for (question, answer, expected) in published {
        let r = row(&rows, ("question", question), answer);
        assert_eq!(
            number(&r["% de l'ensemble"]).round(),
            expected,
            "{question}"
        );
    }
    // The count of persons identified per respondent adds up to the reports (a minima).
    let rows = export_csv(home.path(), &study, &["answers", "--table", "numbers"]);
    let nb = rows
        .iter()
        .find(|r| r["question"] == "nb_personnes")
        .unwrap();
    assert_eq!(
        (nb["ont répondu"].as_str(), nb["somme"].as_str()),
        ("52", "117")
    );
}

#[test]
fn the_published_profiles_of_the_persons_identified() {
    let (home, study) = replay();
    let rows = export_csv(
        home.path(),
        &study,
        &["situations", "--table", "situations"],
    );
    let all = |attribute: &str, value: &str| -> f64 {
        number(&row(&rows, ("attribut", attribute), value)["% de l'ensemble"])
    };
    // 115 persons (117 reports, two persons described twice), each counted once.
    let women = row(&rows, ("attribut", "Genre"), "Femme");
    assert_eq!(
        (women["n"].as_str(), women["base : ensemble"].as_str()),
        ("79", "115")
    );
    let published = [
        ("Genre", "Femme", 69.0),
        ("Âge", "18–25 ans", 30.0),
        ("Âge", "Mineur·e", 9.0),
        ("Nationalité", "Étrangère", 52.0),
        ("Nationalité", "Française", 45.0),
        ("Lieux", "Appartement ou hôtel", 56.0),
        ("Lieux", "Bars, clubs, discothèques", 14.0),
        ("Lieux", "Structure d'hébergement", 3.0),
        ("Lieux", "Rue, route, bois (prostitution visible)", 8.0),
        ("Proxénétisme", "Oui", 17.0),
        ("Contrepartie non financière", "Oui", 18.0),
    ];
    for (attribute, value, expected) in published {
        assert_eq!(
            all(attribute, value).round(),
            expected,
            "{attribute} {value}"
        );
    }
    // Apartments and hotels: 55,7 % of all persons, 69,6 % of those whose places are known,
    // shown as a group with its two details.
    let group = row(&rows, ("attribut", "Lieux"), "Appartement ou hôtel");
    assert_eq!(group["% de l'ensemble"], "55,7");
    assert_eq!(group["% des connus"], "69,6");
    assert_eq!(group["ligne"], "regroupement");
    assert_eq!(
        row(&rows, ("attribut", "Lieux"), "Hôtel")["ligne"],
        "détail du regroupement"
    );
    // "26 ans et plus", the published category, groups 26–40 and 41+.
    assert_eq!(row(&rows, ("attribut", "Âge"), "26 ans et plus")["n"], "40");
    // Pimping by a partner: at least 14 situations, among the 20 where pimping is "oui".
    let conjugal = row(&rows, ("attribut", "Formes de proxénétisme"), "Conjugal");
    assert_eq!(conjugal["n"], "14");
    assert_eq!(conjugal["concerne"], "Proxénétisme = Oui");
    assert_eq!(conjugal["base : ensemble"], "20");
}
