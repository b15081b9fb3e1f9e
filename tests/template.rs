//! The built-in template is a real study folder (`templates/diagnostic/`) embedded at build
//! time. These tests keep it what grille itself would write: every embedded file in canonical
//! form, the folder holding nothing else, `grille check` clean on it and on a study made from it;
//! and `grille dev template`, the tool that brings it back after an edit, does what it says.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::grille;
use grille::store::journal;
use grille::store::json;
use grille::store::template::DIAGNOSTIC;
use grille::study::{Codebook, Document, Grid, Session, SessionChange, StudyMeta};
use predicates::prelude::*;

const RUN: &str = "bring it back with `cargo run -- dev template`";

fn template_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/diagnostic")
}

/// `text` is what the serializer writes for the value it holds, with revision 0.
fn assert_canonical<D: Document>(name: &str, text: &str) {
    let doc: D = json::parse(Path::new(name), text.as_bytes())
        .unwrap_or_else(|e| panic!("{name} does not load: {e}; {RUN}"));
    assert_eq!(doc.revision(), 0, "{name}: revision is not 0; {RUN}");
    assert!(
        json::to_pretty(&doc) == text,
        "{name} is not in canonical form; {RUN}"
    );
}

#[test]
fn every_embedded_file_is_in_canonical_form() {
    assert_canonical::<StudyMeta>("study.json", DIAGNOSTIC.study);
    assert_canonical::<Grid>("grid.json", DIAGNOSTIC.grid);
    assert_canonical::<Codebook>("codebook.json", DIAGNOSTIC.codebook);
    assert_eq!(DIAGNOSTIC.examples.len(), 6, "R01 to R06");
    for (name, text) in DIAGNOSTIC.examples {
        assert_canonical::<Session>(name, text);
        let session: Session = json::parse(Path::new(name), text.as_bytes()).unwrap();
        assert_eq!(
            *name,
            format!("{}.json", session.id),
            "a session's file is named by its id"
        );
    }
}

/// Every file under `dir`, relative, folders included.
fn tree(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                todo.push(path);
            }
            found.insert(relative);
        }
    }
    found
}

#[test]
fn the_template_folder_holds_only_what_is_embedded() {
    let mut expected: BTreeSet<String> = ["study.json", "grid.json", "codebook.json", "sessions"]
        .map(String::from)
        .into();
    expected.extend(
        DIAGNOSTIC
            .examples
            .iter()
            .map(|(name, _)| format!("sessions/{name}")),
    );
    // A journal, a lock or an index here means an edit made with grille was not brought back.
    assert_eq!(tree(&template_dir()), expected, "{RUN}");
}

#[test]
fn the_template_folder_and_a_study_made_from_it_check_clean() {
    let home = tempfile::tempdir().unwrap();
    // Read-only: `check` writes nothing, not even in the source tree.
    grille(home.path())
        .args(["--study", template_dir().to_str().unwrap(), "check"])
        .assert()
        .success()
        .stdout("")
        .stderr("Étude valide : 6 entretien(s) vérifié(s), aucun problème.\n");
    grille(home.path())
        .args([
            "dev",
            "template",
            "--check",
            template_dir().to_str().unwrap(),
        ])
        .assert()
        .success();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", "--examples", study.to_str().unwrap()])
        .assert()
        .success();
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "check"])
        .assert()
        .success()
        .stdout("")
        .stderr("Étude valide : 6 entretien(s) vérifié(s), aucun problème.\n");
    // The study is the template's, under an id of its own; the sessions are the template's bytes.
    let made: StudyMeta = json::parse(
        Path::new("study.json"),
        &std::fs::read(study.join("study.json")).unwrap(),
    )
    .unwrap();
    let template: StudyMeta = json::parse(Path::new("t"), DIAGNOSTIC.study.as_bytes()).unwrap();
    assert_ne!(made.id, template.id);
    assert_eq!(made.title, template.title);
    for (name, text) in DIAGNOSTIC.examples {
        assert_eq!(
            std::fs::read_to_string(study.join("sessions").join(name)).unwrap(),
            *text
        );
    }
}

fn copy_template(to: &Path) {
    for relative in tree(&template_dir()) {
        let from = template_dir().join(&relative);
        if from.is_dir() {
            std::fs::create_dir_all(to.join(&relative)).unwrap();
        } else {
            std::fs::copy(&from, to.join(&relative)).unwrap();
        }
    }
}

#[test]
fn the_tool_folds_an_edit_made_with_grille_and_rewrites_what_was_edited_by_hand() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("diagnostic");
    std::fs::create_dir(&dir).unwrap();
    copy_template(&dir);
    let s = dir.to_str().unwrap();

    // An edit made with grille and not folded yet: a journal record, a lock, an index.
    let (name, text) = DIAGNOSTIC.examples[0];
    let session_file = dir.join("sessions").join(name);
    let mut writer = journal::Writer::new(session_file.with_extension("journal"));
    let change = SessionChange::SetLocation {
        location: "Maison des solidarités, Thiers".into(),
    };
    writer.append(1, &change).unwrap();
    std::fs::write(session_file.with_extension("lock"), "").unwrap();
    std::fs::create_dir_all(dir.join("index/x")).unwrap();
    std::fs::write(dir.join("index/x/meta.json"), "{}").unwrap();
    // Edits by hand: compact JSON, a bound written as a float.
    let meta: serde_json::Value = serde_json::from_str(DIAGNOSTIC.study).unwrap();
    std::fs::write(dir.join("study.json"), meta.to_string()).unwrap();
    let grid = DIAGNOSTIC
        .grid
        .replacen("\"min\": 0\n", "\"min\": 0.0\n", 1);
    assert_ne!(grid, DIAGNOSTIC.grid);
    std::fs::write(dir.join("grid.json"), &grid).unwrap();
    // A file grille does not know.
    std::fs::write(dir.join("notes.txt"), "à garder").unwrap();

    let before = tree(&dir);
    grille(home.path())
        .args(["dev", "template", "--check", s])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("study.json"))
        .stderr(predicate::str::contains("grid.json"))
        .stderr(predicate::str::contains(name))
        .stderr(predicate::str::contains("notes.txt"));
    assert_eq!(tree(&dir), before, "--check changes nothing");
    assert_eq!(
        std::fs::read_to_string(dir.join("grid.json")).unwrap(),
        grid
    );

    // The stray file is reported and kept; everything else is made canonical.
    grille(home.path())
        .args(["dev", "template", s])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("notes.txt"));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "à garder"
    );
    std::fs::remove_file(dir.join("notes.txt")).unwrap();
    grille(home.path())
        .args(["dev", "template", s])
        .assert()
        .success();

    assert_eq!(tree(&dir), tree(&template_dir()));
    for file in ["study.json", "grid.json", "codebook.json"] {
        assert_eq!(
            std::fs::read(dir.join(file)).unwrap(),
            std::fs::read(template_dir().join(file)).unwrap(),
            "{file}"
        );
    }
    let mut edited: Session = json::parse(Path::new(name), text.as_bytes()).unwrap();
    edited.apply(&change);
    let written = std::fs::read_to_string(&session_file).unwrap();
    assert_eq!(written, json::to_pretty(&edited));
    assert!(written.contains("\"location\": \"Maison des solidarités, Thiers\""));
    assert!(written.contains("\"revision\": 0,"));
    grille(home.path())
        .args(["dev", "template", "--check", s])
        .assert()
        .success();
}

#[test]
fn the_tool_writes_nothing_when_a_file_breaks_the_rules() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("diagnostic");
    std::fs::create_dir(&dir).unwrap();
    copy_template(&dir);
    // A coding pointing at a code that is not in the codebook, and a compact study.json.
    let (name, text) = DIAGNOSTIC.examples[1];
    let mut session: serde_json::Value = serde_json::from_str(text).unwrap();
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    std::fs::write(dir.join("sessions").join(name), session.to_string()).unwrap();
    let meta: serde_json::Value = serde_json::from_str(DIAGNOSTIC.study).unwrap();
    std::fs::write(dir.join("study.json"), meta.to_string()).unwrap();
    let before = (
        common::folder_bytes(&dir.join("sessions")),
        std::fs::read(dir.join("study.json")).unwrap(),
    );
    grille(home.path())
        .args(["dev", "template", dir.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a un code inconnu 00000000-0000-4000-8000-00000000dead",
        ));
    let after = (
        common::folder_bytes(&dir.join("sessions")),
        std::fs::read(dir.join("study.json")).unwrap(),
    );
    assert!(after == before, "nothing written");
}
