//! `grille check --repair`: each fix proposed, written only when confirmed, a log of what was
//! dropped; on a study with a hand-edited session, merged and deleted codes, a crash leftover.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::grille;

/// R01's session file.
const R01: &str = "sessions/e9ceda88-5769-5bc8-892b-5b4c1ef02377.json";

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codes_in_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("sessions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            for c in json(&path)["codings"].as_array().unwrap() {
                out.push(c["code"].as_str().unwrap().to_owned());
            }
        }
    }
    out
}

/// A study whose R01 was edited by hand (an unknown code, a span out of its text), where
/// "Appartement" was merged into "Hôtel" and "Rue" deleted with its codings, and a crash left
/// a temporary file. Returns the ids of the merged and deleted codes.
fn damaged(home: &Path) -> (std::path::PathBuf, String, String, serde_json::Value) {
    let root = home.join("etude");
    let (_, study) = common::study_in(&root, true);
    let id = |p: &str| study.codebook.by_path(p).unwrap().id.to_string();
    let (appartement, rue) = (id("lieux/appartement"), id("lieux/rue"));
    let file = root.join(R01);
    let mut session = json(&file);
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    session["codings"][1]["end"] = 100000.into();
    std::fs::write(&file, serde_json::to_string_pretty(&session).unwrap()).unwrap();
    let study_arg = ["--study", root.to_str().unwrap()];
    grille(home)
        .args(study_arg)
        .args(["codebook", "merge", "lieux/appartement", "lieux/hotel"])
        .assert()
        .success();
    grille(home)
        .args(study_arg)
        .args(["codebook", "delete", "lieux/rue", "--remove-codings"])
        .assert()
        .success();
    let leftover = root.join("sessions/.grille-x1y2z3.tmp");
    std::fs::write(&leftover, "{\"half\": ").unwrap();
    // Older than this run.
    assert!(
        std::process::Command::new("touch")
            .args(["-d", "2021-01-01", leftover.to_str().unwrap()])
            .status()
            .unwrap()
            .success()
    );
    (root, appartement, rue, session)
}

#[test]
fn without_a_terminal_or_yes_the_fixes_are_listed_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let (root, _, _, _) = damaged(home.path());
    let before = common::folder_bytes(&root.join("sessions"));
    let out = grille(home.path())
        .args(["--study", root.to_str().unwrap(), "check", "--repair"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("son code 00000000-0000-4000-8000-00000000dead est inconnu — le retirer"),
        "{stdout}"
    );
    assert!(
        stdout.contains("d'un code fusionné : l'écrire sous lieux/hotel"),
        "{stdout}"
    );
    assert!(
        stdout.contains("son code lieux/rue a été supprimé par"),
        "{stdout}"
    );
    assert!(
        stdout.contains(".grille-x1y2z3.tmp : reste d'un arrêt brutal"),
        "{stdout}"
    );
    assert!(stderr.contains("Rien n'a été écrit"), "{stderr}");
    assert!(
        common::folder_bytes(&root.join("sessions")) == before,
        "nothing written"
    );
    assert!(!root.join("repairs").exists());
}

#[test]
fn with_yes_every_fix_is_written_and_the_dropped_codings_are_logged() {
    let home = tempfile::tempdir().unwrap();
    let (root, appartement, rue, session) = damaged(home.path());
    let dropped = session["codings"][0]["id"].as_str().unwrap().to_owned();
    let rue_codings = codes_in_files(&root).iter().filter(|c| **c == rue).count();
    assert!(rue_codings > 0 && codes_in_files(&root).contains(&appartement));
    let out = grille(home.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "check",
            "--repair",
            "--yes",
        ])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains("fichier(s) temporaire(s) supprimé(s)"),
        "{stderr}"
    );
    // The files now say what reading them said: no merged or deleted code is left in them.
    let codes = codes_in_files(&root);
    assert!(!codes.contains(&appartement) && !codes.contains(&rue));
    assert!(!codes.iter().any(|c| c.ends_with("dead")));
    assert!(!root.join("sessions/.grille-x1y2z3.tmp").exists());
    let r01 = json(&root.join(R01));
    assert!(
        r01["codings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != dropped.as_str())
    );
    // Check is clean, without a note about merged codings.
    let check = grille(home.path())
        .args(["--study", root.to_str().unwrap(), "check"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let check = String::from_utf8(check).unwrap();
    assert!(!check.contains("merged codes"), "{check}");
    // The log keeps every dropped coding whole, with its words.
    let logs: Vec<_> = std::fs::read_dir(root.join("repairs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(logs.len(), 1);
    let mode = std::fs::metadata(&logs[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let log = json(&logs[0]);
    let lines = log.as_array().unwrap();
    let first = lines
        .iter()
        .find(|l| l["coding"]["id"] == dropped.as_str())
        .expect("the dropped coding is in the log");
    assert_eq!(first["action"], "dropped");
    assert_eq!(first["why"], "its code is unknown");
    assert_eq!(first["respondent"], "R01");
    assert_eq!(first["coding"], session["codings"][0]);
    assert!(!first["excerpt"].as_str().unwrap().is_empty());
    let from_rue = lines
        .iter()
        .filter(|l| l["coding"]["code"] == rue.as_str())
        .count();
    assert_eq!(from_rue, rue_codings);
    assert!(lines.iter().any(|l| l["action"] == "mapped"));
}

/// In a terminal, each fix is asked for: yes to the first, then quit — exactly one is written.
#[test]
fn in_a_terminal_only_the_fixes_confirmed_are_written() {
    assert!(
        common::tmux::available(),
        "tmux is needed (.ci/run installs it)"
    );
    let home = tempfile::tempdir().unwrap();
    let (root, _, _, _) = damaged(home.path());
    let command = format!(
        "sh -c 'env HOME={h} XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 {bin} --study {root} check --repair; sleep 30'",
        h = home.path().display(),
        bin = env!("CARGO_BIN_EXE_grille"),
        root = root.display(),
    );
    let ui = common::tmux::Tmux::start("repair", &command, 200, 50);
    ui.wait_for("[1/");
    ui.wait_for("Appliquer ?");
    ui.type_text("o");
    ui.keys(&["Enter"]);
    ui.wait_for("[2/");
    ui.type_text("q");
    ui.keys(&["Enter"]);
    ui.wait_for("1 codage(s) réparé(s), 0 fichier(s)");
    drop(ui);
    let logs: Vec<_> = std::fs::read_dir(root.join("repairs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        json(&logs[0]).as_array().unwrap().len(),
        1,
        "one fix written"
    );
    assert!(
        root.join("sessions/.grille-x1y2z3.tmp").exists(),
        "not confirmed"
    );
}

/// Before any repair, the hand-edited R01 is on the home screen, marked, and opens read-only
/// with its problem; trying to code in it writes nothing.
#[test]
fn a_damaged_session_is_listed_and_opens_read_only_with_its_problem() {
    use grille::tui::coding::CodingScreen;
    use grille::tui::home::Home;
    use ratatui::crossterm::event::KeyCode;

    let home = tempfile::tempdir().unwrap();
    let (root, _, _, _) = damaged(home.path());
    let file = root.join(R01);
    let bytes = std::fs::read(&file).unwrap();
    let mut tui = common::tui::Tui::on(
        grille::store::StudyDir::open(&root).unwrap(),
        grille::i18n::Lang::Fr,
        tempfile::tempdir().unwrap(),
    );
    tui.start(grille::tui::runtime::Start::Home);
    let screen = tui.render(140, 30);
    assert!(screen.contains("6 entretien(s)"), "{screen}");
    assert!(screen.contains("⚠ problème"), "{screen}");
    let r01: grille::study::SessionId = "e9ceda88-5769-5bc8-892b-5b4c1ef02377".parse().unwrap();
    let row = tui.screen::<Home>().rows.iter().position(|r| r.id == r01);
    let row = row.expect("R01 is listed");
    assert!(tui.screen::<Home>().rows[row].problem.is_some());
    for _ in 0..row {
        tui.key(KeyCode::Down);
    }
    tui.key(KeyCode::Enter);
    tui.screen::<CodingScreen>();
    assert_eq!(tui.session().id, r01);
    let notice = tui.app.notice.clone().expect("the problem is said");
    assert!(notice.error, "{notice:?}");
    assert!(notice.text.starts_with("lecture seule"), "{notice:?}");
    assert!(
        notice.text.contains("00000000-0000-4000-8000-00000000dead"),
        "{notice:?}"
    );
    // Its text is there to read.
    let text = &tui.session().segments[0].text;
    let first_words: String = text.chars().take(20).collect();
    assert!(tui.render(140, 30).contains(&first_words));

    tui.key(KeyCode::Char('}'));
    tui.key(KeyCode::Char('c'));
    tui.type_text("Hôtel");
    tui.key(KeyCode::Enter);
    drop(tui);
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "nothing written");
    assert!(
        !root
            .join(format!("{}.journal", &R01[..R01.len() - 5]))
            .exists()
    );
}
