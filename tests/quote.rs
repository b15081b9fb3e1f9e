//! `grille quote`: a coded excerpt marked "à citer" (with a comment) through the real binary,
//! then read back from the session file and found by `quote:yes` in the search.
//!
//! In the example study, coding 9678d7dc of R01 (Camille Roux) covers "Je n'ai jamais eu de
//! formation sur la prostitution"; 13da690e of R01 covers "C'est souvent au moment du
//! dépistage que ça sort". Coding 9d8c… and e8c1… are R02's two coders on one span.

mod common;

use std::path::Path;

use serde_json::Value;

const R01: &str = "sessions/e9ceda88-5769-5bc8-892b-5b4c1ef02377.json";

fn study(home: &Path) -> String {
    let study = home.join("etude");
    common::grille(home)
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    study.to_str().unwrap().to_owned()
}

/// The session file as grille left it (journal folded in by the command's checkpoint).
fn coding(study: &str, file: &str, prefix: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(study).join(file)).unwrap();
    let session: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        session["format"], "grille/5",
        "a changed file is written in grille/4"
    );
    session["codings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()
        .clone()
}

fn search(home: &Path, study: &str, query: &str) -> Vec<(String, Option<String>)> {
    let out = common::grille(home)
        .args([
            "--study", study, "search", query, "--json", "--limit", "100",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut hits: Vec<(String, Option<String>)> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert_eq!(h["quote"], true, "{query}: {h}");
            (
                h["kind"].as_str().unwrap().to_owned(),
                h["coding"].as_str().map(|c| c[..8].to_owned()),
            )
        })
        .collect();
    hits.sort();
    hits
}

#[test]
fn an_excerpt_marked_to_quote_is_saved_with_its_comment_and_found_by_quote_yes() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    // The example study marks quotes in other sessions than R01's.
    assert!(search(home.path(), &study, "quote:yes respondent:R01").is_empty());

    let out = common::grille(home.path())
        .args([
            "--study",
            &study,
            "quote",
            "9678d7dc",
            "--comment",
            "  pour la partie formation ",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("à citer : R01 · besoins/formation · « Je n'ai jamais eu de formation sur la prostitution »"),
        "{said}"
    );
    let c = coding(&study, R01, "9678d7dc");
    assert_eq!(
        c["quote"],
        serde_json::json!({ "comment": "pour la partie formation" })
    );
    // Nothing else of the coding changed.
    assert_eq!(
        (c["start"].as_u64(), c["end"].as_u64()),
        (Some(32), Some(82))
    );
    assert!(c.get("memo").is_none());

    // Without a comment: an empty mark.
    common::grille(home.path())
        .args(["--study", &study, "quote", "13DA690E"])
        .assert()
        .success();
    assert_eq!(
        coding(&study, R01, "13da690e")["quote"],
        serde_json::json!({})
    );

    // The excerpts and the segments holding them; French words too.
    let expected = vec![
        ("excerpt".to_owned(), Some("13da690e".to_owned())),
        ("excerpt".to_owned(), Some("9678d7dc".to_owned())),
        ("segment".to_owned(), None),
        ("segment".to_owned(), None),
    ];
    assert_eq!(
        search(home.path(), &study, "quote:yes respondent:R01"),
        expected
    );
    assert_eq!(
        search(home.path(), &study, "citation:oui respondent:R01"),
        expected
    );
    assert_eq!(
        search(
            home.path(),
            &study,
            "formation quote:yes kind:extrait respondent:R01"
        ),
        vec![("excerpt".to_owned(), Some("9678d7dc".to_owned()))]
    );

    // Unmarked: the field is gone from the file, and from the search.
    common::grille(home.path())
        .args(["--study", &study, "quote", "9678d7dc", "--remove"])
        .assert()
        .success();
    assert!(coding(&study, R01, "9678d7dc").get("quote").is_none());
    assert_eq!(
        search(home.path(), &study, "quote:yes kind:excerpt respondent:r01"),
        vec![("excerpt".to_owned(), Some("13da690e".to_owned()))]
    );
}

#[test]
fn a_wrong_coding_or_value_is_a_clear_error_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let before = common::folder_bytes(&Path::new(&study).join("sessions"));
    let out = common::grille(home.path())
        .args(["--study", &study, "quote", "zzzz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("aucun codage dont l'identifiant commence par « zzzz »")
    );
    // Every id starts with one of 16 hex digits: "" or a single digit is ambiguous or absent.
    let out = common::grille(home.path())
        .args(["--study", &study, "quote", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("codages ont un identifiant qui commence par « 0 »")
    );
    let out = common::grille(home.path())
        .args(["--study", &study, "search", "quote:peut-etre"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("quote"));
    assert_eq!(
        before,
        common::folder_bytes(&Path::new(&study).join("sessions"))
    );
}
