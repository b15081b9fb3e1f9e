//! What the tables count, set and checked from the command line on the example study: a
//! person described twice, the reference coder of a session coded twice, a pseudonym used by
//! two sessions.

mod common;

use std::path::{Path, PathBuf};

use common::grille;
use predicates::prelude::*;

fn example() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    (home, study)
}

fn run(home: &Path, study: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    grille(home)
        .args(["--study", study.to_str().unwrap()])
        .args(args)
        .assert()
}

fn json(home: &Path, study: &Path, args: &[&str]) -> serde_json::Value {
    let out = run(home, study, args).success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

/// The notes of the persons table: its first note states persons and reports.
fn persons_note(home: &Path, study: &Path) -> String {
    let v = json(
        home,
        study,
        &["export", "situations", "--table", "situations", "--json"],
    );
    v["tables"][0]["notes"][0].as_str().unwrap().to_owned()
}

#[test]
fn a_situation_marked_as_the_same_person_is_counted_once() {
    let (home, study) = example();
    // 15 situations in the six interviews; R05's van on the departmental road is already
    // marked as the same as R03's: 14 persons.
    let list = json(home.path(), &study, &["situations", "list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 15);
    assert!(
        persons_note(home.path(), &study)
            .starts_with("Base : 14 personne(s) décrite(s) dans 15 situation(s) par 6")
    );
    // R01's young woman at a hotel near the station is also R04's high-school girl, say.
    let id = |who: &str, label: &str| -> String {
        rows.iter()
            .find(|r| r["respondent"] == who && r["label"].as_str().unwrap().contains(label))
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let r01 = id("R01", "hôtel près de la gare");
    let r04 = id("R04", "Lycéenne");
    run(
        home.path(),
        &study,
        &["situations", "same-person", &r04[..8], &r01[..8]],
    )
    .success()
    .stderr(predicate::str::contains("une fois"));
    assert!(
        persons_note(home.path(), &study)
            .starts_with("Base : 13 personne(s) décrite(s) dans 15 situation(s)")
    );
    // The link is in R04's session file, read back through the listing.
    let list = json(home.path(), &study, &["situations", "list", "--json"]);
    let marked = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == r04.as_str())
        .unwrap()
        .clone();
    assert_eq!(marked["same_person_as"], r01.as_str());
    // Undone, and a wrong id is a clear error that changes nothing.
    run(
        home.path(),
        &study,
        &["situations", "same-person", &r04, "--none"],
    )
    .success();
    assert!(persons_note(home.path(), &study).contains("14 personne(s)"));
    run(
        home.path(),
        &study,
        &["situations", "same-person", "deadbeef", &r01],
    )
    .code(2)
    .stderr(predicate::str::contains("aucune situation « deadbeef »"));
    run(home.path(), &study, &["check"]).success();
}

#[test]
fn the_reference_coder_of_a_session_coded_twice_is_chosen() {
    let (home, study) = example();
    let conjugal = |args: &[&str]| -> (i64, String) {
        let mut all = vec!["export", "frequencies", "--json"];
        all.extend_from_slice(args);
        let v = json(home.path(), &study, &all);
        let table = &v["tables"][0];
        let row = table["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"]["key"] == "proxenetisme/conjugal")
            .unwrap()
            .clone();
        let notes: Vec<&str> = table["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        (row["excerpts"].as_i64().unwrap(), notes.join("\n"))
    };
    // R02 was coded by Sami Benali (first) and Léa Martin: by default Sami's coding counts,
    // and the note says whose did not, by their initials (the export carries no names).
    let (sami, notes) = conjugal(&[]);
    assert!(
        notes.contains("R02 (S.B., compté·e, L.M., non compté·e)"),
        "{notes}"
    );
    let (pooled, notes) = conjugal(&["--coder", "all"]);
    assert!(notes.contains("réunis"), "{notes}");
    // Léa coded conjugal on one more segment of R02 than Sami (see the agreement test).
    assert_eq!(pooled, sami + 1);
    run(
        home.path(),
        &study,
        &["reference-coder", "R02", "Léa Martin"],
    )
    .success()
    .stderr(predicate::str::contains(
        "R02 : les tableaux comptent le codage de Léa Martin",
    ));
    let (lea, notes) = conjugal(&[]);
    assert_eq!(lea, sami + 1);
    assert!(notes.contains("L.M., compté·e"), "{notes}");
    run(home.path(), &study, &["reference-coder", "R02", "Zoé"])
        .code(1)
        .stderr(predicate::str::contains("Zoé"));
    run(home.path(), &study, &["reference-coder", "R02"]).success();
    assert_eq!(conjugal(&[]).0, sami);
}

/// Writes a copy of the session of `pseudonym` under a new id, without its situations (their
/// ids are unique in the study), of `kind` (`None`: an interview, as the original).
fn copy_session(study: &Path, pseudonym: &str, new: &str, kind: Option<&str>) {
    let sessions = study.join("sessions");
    let original = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains(&format!("\"pseudonym\": \"{pseudonym}\""))
        })
        .unwrap();
    let old = original.file_stem().unwrap().to_str().unwrap().to_owned();
    let text = std::fs::read_to_string(&original)
        .unwrap()
        .replace(&old, new);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["id"] = new.into();
    value["situations"] = serde_json::json!([]);
    if let Some(kind) = kind {
        value["kind"] = kind.into();
    }
    std::fs::write(
        sessions.join(format!("{new}.json")),
        serde_json::to_string_pretty(&value).unwrap(),
    )
    .unwrap();
}

#[test]
fn check_warns_when_a_pseudonym_is_used_by_two_sessions_of_one_kind() {
    let (home, study) = example();
    // A second interview of R01, and a questionnaire of R02 (R02 answering both the interview
    // and the questionnaire: one respondent, no slip).
    copy_session(&study, "R01", "0b0e4a52-6a3e-4c59-9d55-3a4f0c0d0e01", None);
    copy_session(
        &study,
        "R02",
        "0b0e4a52-6a3e-4c59-9d55-3a4f0c0d0e02",
        Some("questionnaire"),
    );
    let out = run(home.path(), &study, &["check"]).success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr
            .contains("le pseudonyme « R01 » est utilisé par plusieurs sessions de type entretien"),
        "{stderr}"
    );
    assert!(!stderr.contains("« R02 »"), "{stderr}");
    assert_eq!(
        stderr.matches("attention : le pseudonyme").count(),
        1,
        "{stderr}"
    );
    // The tables count R01 once and R02 once: 6 respondents over 8 sessions.
    let v = json(home.path(), &study, &["export", "frequencies", "--json"]);
    let note = v["tables"][0]["notes"][0].as_str().unwrap();
    assert!(
        note.starts_with("8 entretien(s), 6 répondant·e(s)"),
        "{note}"
    );
}
