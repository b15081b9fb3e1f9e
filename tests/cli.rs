//! The command line, run as a user runs it: the real binary, a temporary study and home.

mod common;

use common::grille;

use predicates::prelude::*;

#[test]
fn the_default_study_is_created_on_first_use_and_checks_clean() {
    let home = tempfile::tempdir().unwrap();
    grille(home.path())
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("étude par défaut créée"))
        .stderr(predicate::str::contains("Étude valide : 0 entretien(s)"));
    let root = home.path().join("data/grille/default");
    assert!(root.join("study.json").is_file());
    assert!(root.join("sessions").is_dir());
    // No sessions in the real study: example sessions are for `demo` only.
    assert_eq!(std::fs::read_dir(root.join("sessions")).unwrap().count(), 0);
    // Second run: no creation message.
    grille(home.path())
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("créée").not());
}

#[test]
fn init_with_examples_then_sessions_as_json() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    let out = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    // Sorted by date: R01 on 2021-04-12 first.
    assert_eq!(rows[0]["respondent"], "R01");
    assert_eq!(rows[0]["attributes"]["secteur"], "sante");
    assert_eq!(rows[0]["status"], "done");
    assert_eq!(rows[0]["segments"], 19);
    assert_eq!(rows[0]["codings"], 15);
    let r05 = rows.iter().find(|r| r["respondent"] == "R05").unwrap();
    assert_eq!(r05["status"], "in_progress");
    // A table for people, in French.
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "sessions"])
        .assert()
        .success()
        .stdout(predicate::str::contains("répondant·e").and(predicate::str::contains("en cours")));
    // In English on request.
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "--lang",
            "en",
            "sessions",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("respondent").and(predicate::str::contains("in progress")),
        );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("occupé");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "à garder").unwrap();
    grille(home.path())
        .args(["init", dir.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("existe déjà et n'est pas vide"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

#[test]
fn a_missing_study_folder_is_an_error_not_a_new_study() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("typo");
    grille(home.path())
        .args(["--study", missing.to_str().unwrap(), "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("pas une étude grille"));
    assert!(!missing.exists());
}

#[test]
fn check_lists_every_problem_with_file_and_json_path() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    // R01's session: an unknown code id in one coding, an offset out of range in another.
    let file = study.join("sessions/e9ceda88-5769-5bc8-892b-5b4c1ef02377.json");
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    session["codings"][1]["end"] = 100000.into();
    let edited = serde_json::to_string_pretty(&session).unwrap();
    std::fs::write(&file, &edited).unwrap();

    let out = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2 problème(s) trouvé(s)"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // The file, the coding (its id, its words, its coder) and the code id, in French by
    // default: one line per problem.
    let coding = session["codings"][0]["id"].as_str().unwrap();
    let name = "e9ceda88-5769-5bc8-892b-5b4c1ef02377.json";
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with(&format!(
            "{name} : $.codings[0].code : le codage {coding} (« C'est souvent au moment du \
             dépistage qu… », par Camille Roux) a un code inconnu 00000000-0000-4000-8000-00000000dead"
        )),
        "{out}"
    );
    assert!(
        lines[1].ends_with(&format!(
            "{name} : $.codings[1] : le passage [0, 100000) dépasse le texte du segment, qui a \
             {} caractères",
            segment_length(&session, 1)
        )),
        "{out}"
    );
    // The same in English, as `check` has always printed it.
    let out = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "--lang", "en", "check"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with(&format!(
            "{name}: $.codings[0].code: coding {coding} (\"C'est souvent au moment du dépistage \
             qu…\", by Camille Roux) has an unknown code id 00000000-0000-4000-8000-00000000dead"
        )),
        "{out}"
    );
    assert!(
        lines[1].ends_with(&format!(
            "{name}: $.codings[1]: span [0, 100000) is out of range: the segment text has {} \
             characters",
            segment_length(&session, 1)
        )),
        "{out}"
    );
    // An export leaves the session out and says why, in French.
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "export", "frequencies"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "entretien illisible : {} : 2 problèmes :\n  $.codings[0].code : le codage {coding}",
            file.display()
        )));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);

    // `grille sessions` still lists it, marked, with its problem.
    let listed = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "sessions", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&listed).unwrap();
    let row = rows
        .iter()
        .find(|r| r["id"] == "e9ceda88-5769-5bc8-892b-5b4c1ef02377")
        .expect("the damaged session is listed");
    assert_eq!(row["respondent"], session["respondent"]["pseudonym"]);
    assert!(
        row["problem"]
            .as_str()
            .unwrap()
            .contains("unknown code id 00000000-0000-4000-8000-00000000dead"),
        "{row}"
    );
    let table = grille(home.path())
        .args(["--study", study.to_str().unwrap(), "sessions"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(
        table.contains("e9ceda88") && table.contains("⚠ problème"),
        "{table}"
    );
}

#[test]
fn a_corrupt_session_is_named_and_left_byte_for_byte_unchanged_by_every_command() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    let file = study.join("sessions/a3e75331-a597-521f-85d5-d75e37aabffb.json");
    let text = std::fs::read_to_string(&file).unwrap();
    // Truncated in the middle, as a disk full or a bad copy leaves it.
    let corrupt = &text.as_bytes()[..text.len() / 2];
    std::fs::write(&file, corrupt).unwrap();
    let s = study.to_str().unwrap();
    grille(home.path())
        .args(["--study", s, "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "a3e75331-a597-521f-85d5-d75e37aabffb.json : illisible en $",
        ));
    grille(home.path())
        .args(["--study", s, "sessions", "--json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a3e75331-a597-521f-85d5-d75e37aabffb.json",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), corrupt);
}

#[test]
fn help_exists_for_every_command_and_bad_usage_exits_2() {
    let home = tempfile::tempdir().unwrap();
    for cmd in ["init", "check", "sessions", "demo"] {
        grille(home.path()).args([cmd, "--help"]).assert().success();
    }
    grille(home.path()).arg("--frobnicate").assert().code(2);
    grille(home.path())
        .args(["--lang", "de", "check"])
        .assert()
        .code(2);
}

#[test]
fn consent_is_read_the_same_way_by_interview_and_import() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap()])
        .assert()
        .success();
    let s = study.to_str().unwrap();
    let transcript = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/R07-foyer.txt");
    let transcript = transcript.to_str().unwrap();
    // An unknown word is refused by both, before anything opens.
    for args in [
        vec!["interview", "--consent", "peut-être"],
        vec![
            "import",
            transcript,
            "--interviewer",
            "C",
            "--consent",
            "peut-être",
        ],
    ] {
        grille(home.path())
            .args(["--study", s])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "[possible values: given, refused, unknown]",
            ));
    }
    // A refused consent imports nothing.
    grille(home.path())
        .args(["--study", s, "import", transcript, "--interviewer", "C"])
        .args(["--consent", "refusé"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "la transcription d'un entretien sans consentement ne peut pas être importée",
        ));
    assert_eq!(
        std::fs::read_dir(study.join("sessions")).unwrap().count(),
        0
    );
    // French words, any case, as for `interview`.
    grille(home.path())
        .args(["--study", s, "import", transcript, "--interviewer", "C"])
        .args(["--consent", "Oui", "--date", "2021-04-14T10:00:00+02:00"])
        .assert()
        .success();
    let file = std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let session: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    assert_eq!(
        session["consent"],
        serde_json::json!({"given": true, "at": "2021-04-14T10:00:00+02:00"})
    );
}

/// The length in characters of the text of the segment the `i`th coding of `session` codes.
fn segment_length(session: &serde_json::Value, i: usize) -> usize {
    let segment = &session["codings"][i]["segment"];
    let segments = session["segments"].as_array().unwrap();
    let text = segments.iter().find(|s| &s["id"] == segment).unwrap()["text"]
        .as_str()
        .unwrap();
    text.chars().count()
}
