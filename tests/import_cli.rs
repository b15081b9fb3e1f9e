//! `grille import` as a user runs it: the real binary, a temporary study and home, the fixtures
//! of tests/fixtures/import.

mod common;

use common::grille;

use std::path::{Path, PathBuf};

use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn init(home: &Path, examples: bool) -> PathBuf {
    let study = home.join("etude");
    let mut cmd = grille(home);
    cmd.args(["init", study.to_str().unwrap()]);
    if examples {
        cmd.arg("--examples");
    }
    cmd.assert().success();
    study
}

fn sessions_json(home: &Path, study: &Path) -> Vec<serde_json::Value> {
    let out = grille(home)
        .args(["--study", study.to_str().unwrap(), "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn cli_imports_one_transcript_with_its_respondent_and_attributes() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), false);
    let out = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "import"])
        .arg(fixture("R07-foyer.txt"))
        .args([
            "--respondent",
            "R07",
            "--interviewer",
            "Camille Roux",
            "--attr",
            "secteur=social",
            "--attr",
            "fonction=Éducatrice",
            "--date",
            "2021-04-14T10:00:00+02:00",
            "--consent",
            "given",
            "--json",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 entretien(s) importé(s) (7 segment(s)).",
        ))
        .stderr(predicate::str::contains("Consentement").not())
        .stderr(predicate::str::contains("Pseudonyme").not())
        .get_output()
        .stdout
        .clone();
    let imported: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(imported[0]["respondent"], "R07");
    assert_eq!(imported[0]["segments"], 7);
    assert_eq!(imported[0]["source"], "R07-foyer.txt");
    assert_eq!(imported[0]["started"], "2021-04-14T10:00:00+02:00");

    let rows = sessions_json(home.path(), &study);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["id"], imported[0]["id"]);
    assert_eq!(r["respondent"], "R07");
    assert_eq!(r["interviewer"], "Camille Roux");
    assert_eq!(r["attributes"]["secteur"], "social");
    assert_eq!(r["attributes"]["fonction"], "Éducatrice");
    assert_eq!(r["status"], "done");
    assert_eq!(r["segments"], 7);
    assert_eq!(r["codings"], 0);
    assert_eq!(r["date"], "2021-04-14T10:00:00+02:00");
    assert_eq!(r["source"], "R07-foyer.txt");
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "check"])
        .assert()
        .success();
}

#[test]
fn cli_refuses_a_latin1_file_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let before = common::folder_bytes(&study.join("sessions"));
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "import",
            "--interviewer",
            "Camille",
        ])
        .arg(fixture("latin1-hotel.txt"))
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "ce fichier n'est pas en UTF-8 (octet 12, ligne 1, colonne 13)",
        ))
        .stderr(predicate::str::contains(
            "Il semble être en windows-1252 (Latin-1)",
        ))
        .stderr(predicate::str::contains("iconv -f WINDOWS-1252 -t UTF-8"))
        .stderr(predicate::str::contains(
            "Rien n'a été importé : 1 fichier(s) sur 1 à corriger.",
        ));
    assert_eq!(common::folder_bytes(&study.join("sessions")), before);
}

#[test]
fn cli_batch_with_one_bad_file_imports_nothing_then_the_good_ones_land() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let s = study.to_str().unwrap();
    let before = common::folder_bytes(&study.join("sessions"));
    grille(home.path())
        .args(["--study", s, "import", "--interviewer", "Camille"])
        .args([
            fixture("R09-whisper.srt"),
            fixture("vide.txt"),
            fixture("R10-voix.vtt"),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("vide.txt : le fichier est vide."))
        .stderr(predicate::str::contains(
            "Rien n'a été importé : 1 fichier(s) sur 3",
        ));
    assert_eq!(common::folder_bytes(&study.join("sessions")), before);
    assert_eq!(sessions_json(home.path(), &study).len(), 6);

    grille(home.path())
        .args([
            "--study",
            s,
            "--lang",
            "en",
            "import",
            "--interviewer",
            "Camille",
        ])
        .args([fixture("R09-whisper.srt"), fixture("R10-voix.vtt")])
        .assert()
        .success()
        .stdout(predicate::str::contains("R09-whisper").and(predicate::str::contains("R10-voix")))
        .stderr(predicate::str::contains(
            "2 session(s) imported (6 segment(s)).",
        ))
        .stderr(predicate::str::contains("Consent not recorded"))
        .stderr(predicate::str::contains(
            "Pseudonyms taken from the file names",
        ));
    let rows = sessions_json(home.path(), &study);
    assert_eq!(rows.len(), 8);
    let r10 = rows.iter().find(|r| r["respondent"] == "R10-voix").unwrap();
    assert_eq!(r10["segments"], 3);
    assert_eq!(r10["source"], "R10-voix.vtt");
}

#[test]
fn cli_wrong_usage_exits_2_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), false);
    let s = study.to_str().unwrap();
    let file = fixture("R07-foyer.txt");
    // An interviewer label no speaker of the file has.
    grille(home.path())
        .args(["--study", s, "import", "--interviewer-label", "S09"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--interviewer-label « S09 » : aucun·e locuteur·rice de ce nom (trouvés : ENQ, Mme B., Enquêtrice)",
        ));
    // --respondent with two files.
    grille(home.path())
        .args([
            "--study",
            s,
            "import",
            "--interviewer",
            "C",
            "--respondent",
            "R1",
        ])
        .args([&file, &fixture("R09-whisper.srt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--respondent nomme un·e seul·e répondant·e",
        ));
    // An attribute the study does not declare, a value not among the options, a bad date.
    for args in [
        ["--attr", "age=30"],
        ["--attr", "secteur=cuisine"],
        ["--date", "12/04/2021"],
        ["--question", "inconnue"],
    ] {
        grille(home.path())
            .args(["--study", s, "import", "--interviewer", "C"])
            .args(args)
            .arg(&file)
            .assert()
            .code(2);
    }
    // No file at all: clap's usage error.
    grille(home.path())
        .args(["--study", s, "import"])
        .assert()
        .code(2);
    grille(home.path())
        .args(["import", "--help"])
        .assert()
        .success();
    assert!(sessions_json(home.path(), &study).is_empty());
}
