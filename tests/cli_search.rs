//! `grille search`, `grille index rebuild` and `grille dev gen-corpus`, run as a user runs them.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::grille;
use predicates::prelude::*;

fn example_study(home: &Path) -> PathBuf {
    let study = home.join("etude");
    grille(home)
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    study
}

#[test]
fn search_json_for_scripts() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let out = grille(home.path())
        .args(["--study", study.to_str().unwrap()])
        .args(["search", "\"petit hôtel\" kind:excerpt", "--json"])
        .assert()
        .success()
        // The first search builds the index and says so, on stderr.
        .stderr(predicate::str::contains("index de recherche reconstruit"))
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["query"], "\"petit hôtel\" kind:excerpt");
    assert_eq!(json["total"], 1);
    let hit = &json["hits"][0];
    assert_eq!(hit["kind"], "excerpt");
    assert_eq!(hit["respondent"], "R05");
    assert_eq!(hit["date"], "2021-07-06");
    assert_eq!(hit["theme"], "lieux");
    assert_eq!(hit["question"], "formes");
    assert_eq!(hit["start"], 5);
    assert_eq!(hit["end"], 33);
    assert_eq!(hit["codes"], serde_json::json!(["lieux/hotel"]));
    assert_eq!(
        hit["snippet"][1],
        serde_json::json!({"text": "petit", "highlighted": true})
    );
    assert!(hit["session"].as_str().unwrap().len() == 36);
    assert_eq!(
        json["codes"],
        serde_json::json!([{"code": "lieux", "hits": 1}, {"code": "lieux/hotel", "hits": 1}])
    );
    assert_eq!(json["attributes"][0]["attribute"], "secteur");
    assert_eq!(json["attributes"][0]["value"], "elu");
    // The second search reuses the index silently.
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "search",
            "hotel",
            "--limit",
            "2",
        ])
        .assert()
        .success()
        .stderr(predicate::str::is_empty())
        .stdout(
            predicate::str::contains("18 résultat(s)").and(predicate::str::contains("Par code :")),
        );
}

#[test]
fn a_malformed_query_exits_1_and_points_at_the_mistake() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "search",
            "hôtel secteurr:sante",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "requête invalide, colonne 7 : champ inconnu « secteurr »",
        ))
        .stderr(predicate::str::contains(
            "  hôtel secteurr:sante\n        ^^^^^^^^\n",
        ));
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "--lang",
            "en",
            "search",
            "(hotel OR gare",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "invalid query, column 15: expected here: a closing parenthesis",
        ));
}

/// Whether the index in `study` has a commit grille made (its manifest is the commit's payload);
/// tantivy writes `meta.json` with a null payload when it creates an index.
fn committed(study: &Path) -> Option<bool> {
    let meta = std::fs::read(study.join("index/meta.json")).ok()?;
    let meta: serde_json::Value = serde_json::from_slice(&meta).ok()?;
    Some(!meta["payload"].is_null())
}

fn signal(child: &std::process::Child, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal}");
}

#[test]
fn index_rebuild_and_a_build_killed_midway() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("corpus");
    grille(home.path())
        .args(["dev", "gen-corpus", "--out", study.to_str().unwrap()])
        .args(["--sessions", "40", "--words", "3000", "--seed", "3"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Corpus synthétique : 40 entretien(s)",
        ));
    // Kill the first build of the index while it adds sessions: stopped as soon as the index
    // folder is made, it is killed only if it has not committed yet (else tried again).
    let mut caught = false;
    for _ in 0..5 {
        let _ = std::fs::remove_dir_all(study.join("index"));
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("grille"))
            .args(["--study", study.to_str().unwrap(), "index", "rebuild"])
            .env("HOME", home.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while committed(&study).is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        signal(&child, "-STOP");
        caught = committed(&study) == Some(false);
        signal(&child, "-KILL");
        child.wait().unwrap();
        if caught {
            break;
        }
    }
    assert!(caught, "no build of the index was caught before its commit");
    // The next search finishes the interrupted build, says why, and finds every session.
    let out = grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "search",
            "respondent:r0040",
            "--json",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "index de recherche reconstruit (une construction précédente avait été interrompue)",
        ))
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(json["total"].as_u64().unwrap() > 0);
    assert!(
        json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["respondent"] == "R0040")
    );
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "index", "rebuild"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Index reconstruit : 40 entretien(s).",
        ));
}

/// Every file and folder under `dir` with its mode.
fn modes(dir: &Path) -> Vec<(PathBuf, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        out.push((path.clone(), meta.permissions().mode() & 0o777));
        if meta.is_dir() {
            out.extend(modes(&path));
        }
    }
    out
}

#[test]
fn the_index_is_private_whatever_the_umask() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let bin = assert_cmd::cargo::cargo_bin("grille");
    // Built, then searched, under a umask that would let everyone read and write.
    for args in ["index rebuild", "search hotel"] {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask 000; exec \"$0\" --study \"$1\" {args}"))
            .arg(&bin)
            .arg(&study)
            .env("HOME", home.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{args}");
    }
    let index = study.join("index");
    let found = modes(&index);
    assert!(found.len() > 5, "{found:?}");
    for (path, mode) in found {
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, expected, "{}", path.display());
    }
}

#[test]
fn a_rebuild_and_the_command_line_search_while_another_process_has_written() {
    let home = tempfile::tempdir().unwrap();
    let study_path = example_study(home.path());
    let dir = grille::store::StudyDir::open(&study_path).unwrap();
    let study = dir.load_study().unwrap();
    // A front end (the TUI) that searched and then re-indexed a saved change: it has written
    // to the index and stays open.
    let mut front_end =
        grille::index::Index::open(&dir, &study, &mut grille::index::Silent).unwrap();
    let id = dir.session_ids().unwrap()[0];
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    let segment = writer.doc().segments[0].id;
    writer
        .apply(
            grille::study::SessionChange::EditText {
                segment,
                text: "Parlons du covoiturage.".into(),
            },
            &study,
        )
        .unwrap();
    front_end.update_session(writer.doc()).unwrap();
    grille(home.path())
        .args(["--study", study_path.to_str().unwrap(), "index", "rebuild"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Index reconstruit : 6 entretien(s).",
        ));
    // Another change saved by the front end without re-indexing it (yet): the command line
    // sees it all the same.
    writer
        .apply(
            grille::study::SessionChange::EditText {
                segment,
                text: "Parlons de la trottinette.".into(),
            },
            &study,
        )
        .unwrap();
    let out = grille(home.path())
        .args(["--study", study_path.to_str().unwrap()])
        .args(["search", "trottinette", "--json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("en cours de mise à jour").not())
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["total"], 1);
    drop(writer);
    drop(front_end);
}

/// A session that cannot be read is out of the index: every search says so, with why, not only
/// the one that found it unreadable, and so does an export; once repaired it is found again.
#[test]
fn every_search_says_which_session_it_left_out() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let search = || {
        let out = grille(home.path())
            .args([
                "--study",
                study.to_str().unwrap(),
                "search",
                "hotel",
                "--json",
            ])
            .assert()
            .success()
            .get_output()
            .clone();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            json["total"].as_u64().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (all, _) = search();
    // R05's file, edited by hand: a coding of a code nobody knows.
    let file = study.join("sessions/caddd39d-3a84-597c-a8d0-0bc96249ea75.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut session: serde_json::Value = serde_json::from_str(&text).unwrap();
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    std::fs::write(&file, serde_json::to_string_pretty(&session).unwrap()).unwrap();
    let r05 = session["respondent"]["pseudonym"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(r05, "R05");
    for run in 0..2 {
        let (total, said) = search();
        assert!(total < all, "run {run}: R05's hits are out");
        assert!(
            said.contains("entretien caddd39d-3a84-597c-a8d0-0bc96249ea75 non indexé")
                && said.contains("00000000-0000-4000-8000-00000000dead"),
            "run {run}: {said}"
        );
    }
    // An export says it too (and exits 1): which session, why, how many were left out.
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "export", "frequencies"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("entretien illisible"))
        .stderr(predicate::str::contains(
            "00000000-0000-4000-8000-00000000dead",
        ))
        .stderr(predicate::str::contains(
            "1 entretien(s) illisible(s) laissé(s) de côté",
        ));
    std::fs::write(&file, &text).unwrap();
    let (total, said) = search();
    assert_eq!(total, all);
    assert!(!said.contains("non indexé"), "{said}");
}

/// `grille index` on a study with a damaged session: the session is named with why it is not
/// searchable, in the interface's language (French by default, English once set), the other
/// sessions are indexed, the damaged file is left as it was.
#[test]
fn index_names_a_damaged_session_in_the_users_language() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let sessions = study.join("sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let damaged = &files[0];
    let id = damaged.file_stem().unwrap().to_str().unwrap();
    // Cut short after `{"format": "grille/1",` (line 1, 22 characters): the end of the file
    // comes where the next key was expected, said once.
    let cut = b"{\"format\": \"grille/1\",";
    std::fs::write(damaged, cut).unwrap();
    let rebuild = |lang: Option<&str>| {
        let mut cmd = grille(home.path());
        if let Some(lang) = lang {
            cmd.env("LANG", lang);
        }
        cmd.args(["--study", study.to_str().unwrap(), "index", "rebuild"])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone()
    };
    let path = damaged.display();
    let fr = String::from_utf8(rebuild(None)).unwrap();
    let said = format!(
        "entretien {id} non indexé : {path} : illisible en $ (ligne 1, colonne 22) : \
         fin du fichier là où une valeur était attendue (fichier tronqué ou vide ?)\n"
    );
    assert_eq!(fr.matches(&said).count(), 1, "{fr}");
    let others = files.len() - 1;
    assert!(
        fr.contains(&format!("Index reconstruit : {others} entretien(s).")),
        "{fr}"
    );
    grille(home.path())
        .args(["config", "set", "lang", "en"])
        .assert()
        .success();
    let en = String::from_utf8(rebuild(None)).unwrap();
    let said = format!(
        "session {id} not indexed: {path}: at $ (line 1, column 22): \
         EOF while parsing a value\n"
    );
    assert_eq!(en.matches(&said).count(), 1, "{en}");
    assert_eq!(std::fs::read(damaged).unwrap(), cut, "left as it was");
}
