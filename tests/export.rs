//! `grille export`, run as a user runs it: the real binary on a copy of the example study.

mod common;

use common::grille;

use std::io::Cursor;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use predicates::prelude::*;

/// A temporary home with the example study in `etude/`.
fn example() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    (home, study)
}

fn export(home: &Path, study: &Path, args: &[&str]) -> Command {
    let mut cmd = grille(home);
    cmd.args(["--study", study.to_str().unwrap(), "export"])
        .args(args);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn frequencies_as_markdown_on_stdout() {
    let (home, study) = example();
    let md = stdout(&mut export(
        home.path(),
        &study,
        &["frequencies", "--format", "md"],
    ));
    assert!(md.starts_with("## Fréquences des codes\n"));
    assert!(md.contains("6 entretien(s), 6 répondant·e(s)"));
    // lieux/hotel is coded in R01–R05; R02's two coders coded one same span: 5 excerpts,
    // 5 sessions, 5 of 6 respondents (83,3 %).
    assert!(
        md.contains("| lieux/hotel | Hôtel | 5 | 5 | 5 | 83,3 |"),
        "{md}"
    );
}

#[test]
fn csv_for_french_spreadsheets_is_written_whole_and_private() {
    let (home, study) = example();
    let out = home.path().join("frequences.csv");
    export(
        home.path(),
        &study,
        &[
            "frequencies",
            "--sep",
            ";",
            "--bom",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .assert()
    .success()
    .stdout("")
    .stderr(predicate::str::contains("Export écrit dans"));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("code;nom;extraits;"));
    assert!(text.contains("lieux/hotel;Hôtel;5;5;5;83,3;"), "{text}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn xlsx_needs_a_file_and_reads_back() {
    let (home, study) = example();
    export(home.path(), &study, &["answers", "--format", "xlsx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o FICHIER.xlsx"));
    let out = home.path().join("reponses.xlsx");
    export(
        home.path(),
        &study,
        &["answers", "-o", out.to_str().unwrap()],
    )
    .assert()
    .success();
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["Réponses", "Nombres"]);
    let range = book.worksheet_range("Réponses").unwrap();
    let header: Vec<String> = (0..19)
        .map(|c| range.get_value((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(header[4..8], ["réponse", "ligne", "n", "% de l'ensemble"]);
    assert_eq!(header[10], "% des renseignés");
    // The row of deja_identifie = oui: 4 of the 6 respondents, who all answered.
    let row = (1..range.height() as u32)
        .find(|&r| {
            range.get_value((r, 1)) == Some(&Data::String("deja_identifie".into()))
                && range.get_value((r, 4)) == Some(&Data::String("oui".into()))
        })
        .unwrap();
    assert_eq!(range.get_value((row, 6)), Some(&Data::Float(4.0)));
    match range.get_value((row, 10)) {
        Some(Data::Float(x)) => assert!((x - 4.0 / 6.0).abs() < 1e-12),
        other => panic!("{other:?}"),
    }
}

#[test]
fn agreement_on_r02_between_its_two_coders() {
    let (home, study) = example();
    let json = stdout(&mut export(
        home.path(),
        &study,
        &["agreement", "--coders", "Sami Benali,Léa Martin", "--json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let table = &v["tables"][0];
    let rows = table["rows"].as_array().unwrap();
    // R02, 20 segments, 16 codes used by either coder (30 codings).
    // 11 codes both coders put on the same segment and nowhere else: κ = α = 1.
    // conjugal: both on segment 11, Léa alone on segment 12: both 1, only Léa 1, neither 18;
    //   p_o = 19/20; p_e = 1/20·2/20 + 19/20·18/20 = 0.86; κ = 0.09/0.14 = 9/14.
    // services, vulnerabilites, accueil (Sami alone), accompagnement (Léa alone): κ = 0.
    // Pooled over 20 × 16 = 320 decisions: both 12, only Sami 3, only Léa 2, neither 303;
    //   p_o = 315/320; p_e = (15·14 + 305·306)/320² ; κ = (315·320 − 93540)/(102400 − 93540)
    //   = 7260/8860; α = 1 − 639·(3 + 2)·2/(2·29·611) = 1 − 6390/35438.
    assert_eq!(rows.len(), 17);
    let row = |path: &str| rows.iter().find(|r| r["code"] == path).unwrap();
    assert_eq!(row("profil/precarite")["kappa"], 1.0);
    let conjugal = row("proxenetisme/conjugal");
    assert_eq!(
        (conjugal["both"].as_u64(), conjugal["only_b"].as_u64()),
        (Some(1), Some(1))
    );
    assert!((conjugal["kappa"].as_f64().unwrap() - 9.0 / 14.0).abs() < 1e-12);
    assert_eq!(row("pistes/accueil")["kappa"], 0.0);
    let overall = &rows[16];
    assert_eq!(overall["code"], "Ensemble");
    assert_eq!(
        [
            &overall["both"],
            &overall["only_a"],
            &overall["only_b"],
            &overall["neither"]
        ],
        [12, 3, 2, 303]
    );
    assert!((overall["kappa"].as_f64().unwrap() - 7260.0 / 8860.0).abs() < 1e-12);
    assert!((overall["alpha"].as_f64().unwrap() - (1.0 - 6390.0 / 35438.0)).abs() < 1e-12);
    assert!((overall["percent_agreement"].as_f64().unwrap() - 100.0 * 315.0 / 320.0).abs() < 1e-9);
    let notes = table["notes"].to_string();
    assert!(
        notes.contains("Entretiens codés par les deux : R02"),
        "{notes}"
    );
    // Without --coders: the only pair who coded a session in common.
    let md = stdout(&mut export(
        home.path(),
        &study,
        &["agreement", "--unit", "char", "--format", "md"],
    ));
    assert!(
        md.contains("Accord entre codeur·euses : L.M. et S.B."),
        "{md}"
    );
    assert!(md.contains("Unité : le caractère"));
}

#[test]
fn filters_and_their_errors() {
    let (home, study) = example();
    // R05 is the only session in progress: base 1 respondent.
    let md = stdout(&mut export(
        home.path(),
        &study,
        &["frequencies", "--status", "in_progress", "--format", "md"],
    ));
    assert!(md.contains("1 entretien(s), 1 répondant·e(s)"), "{md}");
    assert!(md.contains("Filtres : statut = en cours."));
    // Sessions from 2021-06-01 on: R04 (06-15), R05 (07-06), R06 (07-09).
    let md = stdout(&mut export(
        home.path(),
        &study,
        &["frequencies", "--from", "2021-06-01", "--format", "md"],
    ));
    assert!(md.contains("3 entretien(s), 3 répondant·e(s)"), "{md}");
    export(home.path(), &study, &["frequencies", "--coder", "Zoé"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "aucun codage de « Zoé » (codeur·euses : C.R., L.M., S.B.)",
        ));
    export(home.path(), &study, &["frequencies", "--by", "age"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "aucun attribut de répondant·e « age »",
        ));
    export(
        home.path(),
        &study,
        &["frequencies", "--from", "12/05/2021"],
    )
    .assert()
    .code(2);
    // --by secteur: a column pair per sector, % within the sector (social: R02 only).
    let csv = stdout(&mut export(
        home.path(),
        &study,
        &["frequencies", "--by", "secteur"],
    ));
    assert!(csv.lines().next().unwrap().contains("Social (1) : %"));
}

#[test]
fn an_export_never_overwrites_a_file_of_the_study() {
    let (home, study) = example();
    let target = study.join("codebook.json");
    let before = std::fs::read(&target).unwrap();
    export(
        home.path(),
        &study,
        &[
            "frequencies",
            "-o",
            target.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains("appartient à l'étude"));
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn charts_excerpts_and_matrices() {
    let (home, study) = example();
    let svg = home.path().join("reponses.svg");
    export(
        home.path(),
        &study,
        &[
            "answers",
            "--question",
            "deja_identifie",
            "--format",
            "md",
            "--chart",
            svg.to_str().unwrap(),
        ],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains("Graphique écrit dans"));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("Avez-vous déjà identifié des personnes"));
    assert!(svg.contains("4 (66,7\u{a0}%)"));
    export(home.path(), &study, &["answers", "--question", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("aucune question fermée « nope »"));
    let persons = home.path().join("personnes.svg");
    export(
        home.path(),
        &study,
        &[
            "situations",
            "--table",
            "situations",
            "--chart",
            persons.to_str().unwrap(),
        ],
    )
    .assert()
    .success();
    let svg = std::fs::read_to_string(&persons).unwrap();
    assert!(svg.contains(">Appartement ou hôtel</text>"), "{svg}");

    // Every counted coding of the six sessions is one row: R02 was coded by two coders and
    // only its reference coder's 15 codings count: 15 + 15 + 15 + 13 + 8 + 13 = 79.
    let json = stdout(&mut export(
        home.path(),
        &study,
        &["excerpts", "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["tables"][0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 79);
    assert!(
        rows.iter()
            .all(|r| !r["excerpt"].as_str().unwrap().is_empty())
    );
    // Attributes by their labels, not their keys.
    assert!(rows.iter().any(|r| r["secteur"] == "Police / gendarmerie"));

    let csv = stdout(&mut export(
        home.path(),
        &study,
        &["cooccurrence", "--matrix", "sessions"],
    ));
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("R01;R02;R03;R04;R05;R06")
    );
    let csv = stdout(&mut export(
        home.path(),
        &study,
        &["cooccurrence", "--unit", "overlap"],
    ));
    assert!(csv.lines().next().unwrap().starts_with("\u{feff}code;nom;"));
}

#[test]
fn a_search_query_narrows_what_is_counted() {
    let (home, study) = example();
    // Only the segments of R01's session: the query keeps R01's session alone (the five
    // others have no matching segment, and the note says so), so the base is 1 respondent.
    // lieux/hotel is coded once there: 1 of 1 = 100 % (Wilson [20,7; 100]); proxénétisme
    // conjugal never (R02 and R03 only): 0 % [0; 79,3].
    let md = stdout(&mut export(
        home.path(),
        &study,
        &["frequencies", "--format", "md", "--query", "respondent:R01"],
    ));
    assert!(
        md.contains("| lieux/hotel | Hôtel | 1 | 1 | 1 | 100,0 | 20,7 | 100,0 |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| proxenetisme/conjugal | Proxénétisme conjugal | 0 | 0 | 0 | 0,0 | 0,0 | 79,3 |"
        ),
        "{md}"
    );
    assert!(md.contains("recherche « respondent:R01 »"), "{md}");
    assert!(md.contains("Entretiens écartés : 5 sur 6"), "{md}");
    // The answers count the same respondent: R01 alone.
    let md = stdout(&mut export(
        home.path(),
        &study,
        &[
            "answers",
            "--table",
            "answers",
            "--format",
            "md",
            "--query",
            "respondent:R01",
        ],
    ));
    assert!(md.contains("Base : 1 répondant·e(s)"), "{md}");
    // A malformed query says where, and nothing is written.
    export(
        home.path(),
        &study,
        &["frequencies", "--query", "hotel code:nulle-part"],
    )
    .assert()
    .code(1)
    .stdout("")
    .stderr(predicate::str::contains("nulle-part").and(predicate::str::contains("^")));
}
