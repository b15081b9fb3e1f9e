//! `grille codebook` as a script or a team member runs it: list (table and JSON), add, rename,
//! move, merge, delete with or without its codings, undo; a code named by its path or its id.
//! Each result is read back from the study folder, the codings counted from the session files.

mod common;

use std::path::Path;

use common::grille;
use predicates::prelude::*;
use serde_json::Value;

use grille::store::StudyDir;
use grille::study::CodeId;

fn run(home: &Path, study: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    grille(home)
        .args(["--study", study.to_str().unwrap(), "codebook"])
        .args(args)
        .assert()
}

fn listed(home: &Path, study: &Path) -> Value {
    let out = run(home, study, &["list", "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// The listed code at `path`.
fn code<'a>(list: &'a Value, path: &str) -> Option<&'a Value> {
    list["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == path)
}

/// Codings of `code` in the session files as a new process reads them (merge records
/// followed), and the number of sessions they are in.
fn on_disk(study: &Path, code: CodeId) -> (usize, usize) {
    let dir = StudyDir::open(study).unwrap();
    let book = dir.load_study().unwrap();
    let per_session: Vec<usize> = dir
        .session_ids()
        .unwrap()
        .into_iter()
        .map(|id| {
            let s = dir.load_session(id, &book).unwrap().doc;
            s.codings.iter().filter(|c| c.code == code).count()
        })
        .collect();
    (
        per_session.iter().sum(),
        per_session.iter().filter(|n| **n > 0).count(),
    )
}

fn id_of(list: &Value, path: &str) -> CodeId {
    code(list, path).unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn every_codebook_command_on_the_example_study() {
    let home = tempfile::tempdir().unwrap();
    let (h, study) = (home.path(), home.path().join("etude"));
    common::study_in(&study, true);

    // list: every code with its codings, as counted in the sessions.
    let list = listed(h, &study);
    let (hotel, rue) = (id_of(&list, "lieux/hotel"), id_of(&list, "lieux/rue"));
    let counted = |list: &Value, path: &str| {
        let c = code(list, path).unwrap();
        (
            c["codings"].as_u64().unwrap() as usize,
            c["sessions"].as_u64().unwrap() as usize,
        )
    };
    assert_eq!(counted(&list, "lieux/hotel"), on_disk(&study, hotel));
    let (rue_codings, rue_sessions) = on_disk(&study, rue);
    assert!(rue_codings > 0);
    assert_eq!(counted(&list, "lieux/rue"), (rue_codings, rue_sessions));
    assert_eq!(list["retired"], serde_json::json!([]));
    run(h, &study, &["list"])
        .success()
        .stdout(predicate::str::contains("lieux/hotel"))
        .stdout(predicate::str::contains("Hôtel"));

    // add: a slug in the path, or a name and --parent.
    run(h, &study, &["add", "lieux/camping"])
        .success()
        .stderr(predicate::str::contains("Code ajouté : lieux/camping"));
    run(h, &study, &["add", "Aire d'accueil", "--parent", "lieux"])
        .success()
        .stderr(predicate::str::contains(
            "Code ajouté : lieux/aire-d-accueil",
        ));
    run(h, &study, &["add", "lieux/x", "--parent", "lieux"])
        .failure()
        .stderr(predicate::str::contains("le parent est donné deux fois"));
    let list = listed(h, &study);
    assert_eq!(code(&list, "lieux/camping").unwrap()["name"], "Camping");
    assert_eq!(
        code(&list, "lieux/aire-d-accueil").unwrap()["name"],
        "Aire d'accueil"
    );
    assert!(code(&list, "lieux/x").is_none());
    let camping = id_of(&list, "lieux/camping");

    // rename keeps the id; move by path, to the top and under a code named by its id.
    run(
        h,
        &study,
        &["rename", "lieux/camping", "Caravane", "--slug", "caravane"],
    )
    .success()
    .stderr(predicate::str::contains(
        "Code renommé : lieux/camping → lieux/caravane (« Caravane »)",
    ));
    run(h, &study, &["move", "lieux/caravane", "--top"])
        .success()
        .stderr(predicate::str::contains(
            "Code déplacé : lieux/caravane → caravane",
        ));
    let proxenetisme = id_of(&listed(h, &study), "proxenetisme").to_string();
    run(h, &study, &["move", "caravane", "--under", &proxenetisme])
        .success()
        .stderr(predicate::str::contains("→ proxenetisme/caravane"));
    run(h, &study, &["move", "proxenetisme/caravane"])
        .code(2)
        .stderr(predicate::str::contains("--under CODE, ou --top"));
    assert_eq!(id_of(&listed(h, &study), "proxenetisme/caravane"), camping);

    // delete a code in use: refused, nothing changes.
    let codebook = std::fs::read(study.join("codebook.json")).unwrap();
    run(h, &study, &["delete", "lieux/rue"])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "« Rue, routes, bois » est utilisé par {rue_codings} codage(s) dans {rue_sessions} entretien(s)"
        )));
    assert_eq!(
        std::fs::read(study.join("codebook.json")).unwrap(),
        codebook
    );
    assert!(!study.join("codebook.journal").exists());

    // delete moving its codings: they count under the other code, and the record says so.
    let (hotel_codings, _) = on_disk(&study, hotel);
    run(
        h,
        &study,
        &["delete", "lieux/rue", "--move-codings-to", &hotel.to_string()],
    )
    .success()
    .stderr(predicate::str::contains(format!(
        "« Rue, routes, bois » fusionné dans « Hôtel » : {rue_codings} codage(s) dans {rue_sessions} entretien(s)"
    )));
    let list = listed(h, &study);
    assert!(code(&list, "lieux/rue").is_none());
    assert_eq!(on_disk(&study, rue).0, 0);
    assert_eq!(on_disk(&study, hotel).0, hotel_codings + rue_codings);
    assert_eq!(counted(&list, "lieux/hotel").0, hotel_codings + rue_codings);
    let retired = &list["retired"][0];
    assert_eq!(retired["path"], "lieux/rue");
    assert_eq!(retired["into"], "lieux/hotel");
    run(h, &study, &["list"])
        .success()
        .stdout(predicate::str::contains(
            "lieux/rue : fusionné dans lieux/hotel",
        ));

    // undo: the code and its codings are back where they were.
    run(h, &study, &["undo"])
        .success()
        .stderr(predicate::str::contains(
            "Annulé : la fusion de « Rue, routes, bois » dans « Hôtel »",
        ));
    assert_eq!(on_disk(&study, rue), (rue_codings, rue_sessions));
    assert_eq!(on_disk(&study, hotel).0, hotel_codings);
    assert_eq!(listed(h, &study)["retired"], serde_json::json!([]));

    // delete with its codings, then undo; delete a code nobody used.
    run(h, &study, &["delete", "lieux/rue", "--remove-codings"])
        .success()
        .stderr(predicate::str::contains(format!(
            "« Rue, routes, bois » supprimé ; {rue_codings} codage(s)"
        )));
    assert_eq!(on_disk(&study, rue).0, 0);
    assert_eq!(on_disk(&study, hotel).0, hotel_codings, "not moved");
    run(h, &study, &["undo"]).success();
    assert_eq!(on_disk(&study, rue), (rue_codings, rue_sessions));
    run(h, &study, &["delete", "proxenetisme/caravane"]).success();
    assert!(code(&listed(h, &study), "proxenetisme/caravane").is_none());

    // A code nobody knows.
    run(h, &study, &["merge", "lieux/nulle-part", "lieux/hotel"])
        .code(1)
        .stderr(predicate::str::contains("pas de code « lieux/nulle-part »"));
}
