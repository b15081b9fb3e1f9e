//! The coding screen typed into the real binary (tmux), with the traps of issue 10: the coder's
//! name set once and shown, a selection that includes the character under the cursor, a quick
//! code, an undo that says what it undid, a segment deleted (asked first) and brought back.
//! The session file and the preferences are then read back.

mod common;

use std::path::Path;

use common::tmux::{self, Tmux};
use serde_json::Value as Json;

/// The coder's login is `moi`: the name guessed from it is what the screen must mark as guessed.
fn grille_command(home: &Path, args: &str) -> String {
    tmux::grille_command_with(home, "USER=moi", args)
}

const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

#[test]
fn coding_signs_selects_and_undoes_as_the_coder_means() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, true);
    let id = R01.parse().unwrap();
    let before = dir.load_session(id, &study).unwrap().doc;
    let ui = Tmux::start(
        "live-coding",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["Enter"]);
    // A name only guessed from the login is shown as such, with the key to give one.
    let screen = ui.wait_for("Codage R01");
    assert!(
        screen.contains("codeur·se : moi (N : votre nom)"),
        "{screen}"
    );
    ui.keys(&["N"]);
    ui.wait_for("Votre nom de codeur·se");
    ui.keys(&["C-w"]);
    ui.type_text("Lou Martin");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for("Vos codages sont signés « Lou Martin »");
    assert!(screen.contains("codeur·se : Lou Martin"), "{screen}");
    assert!(!screen.contains("N : votre nom"), "{screen}");

    // v then two word moves: the selection ends on the character under the cursor, included.
    let first = &before.segments[0].text;
    let two_words: String = first.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let chars = two_words.chars().count();
    ui.keys(&["v"]);
    ui.keys(&["w"]);
    ui.keys(&["w"]);
    ui.wait_for(&format!("Sélection : {chars} caractère(s)"));
    let quick = study.quick_codes()[0].unwrap();
    let quick_name = study.codebook.get(quick).unwrap().name.clone();
    ui.keys(&["M-1"]);
    ui.wait_for(&format!("■ {quick_name} : {chars} caractère(s) codé(s)"));
    let session = load(&root);
    let added: Vec<&Json> = session["codings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["coder"] == "Lou Martin")
        .collect();
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(added[0]["segment"], before.segments[0].id.to_string());
    assert_eq!(added[0]["code"], quick.to_string());
    assert_eq!(
        (added[0]["start"].as_u64(), added[0]["end"].as_u64()),
        (Some(0), Some(chars as u64))
    );

    // u says what it undid, and the coding is gone from the file.
    ui.keys(&["u"]);
    ui.wait_for(&format!("Annulé : codage « {quick_name} » ajouté"));
    let session = load(&root);
    assert!(
        session["codings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["coder"] != "Lou Martin")
    );
    assert_eq!(
        session["codings"].as_array().unwrap().len(),
        before.codings.len()
    );

    // D asks first; n keeps the segment, D then o deletes it with its codings; u brings both back.
    let segments = before.segments.len();
    ui.keys(&["D"]);
    ui.wait_for("Supprimer le segment 1");
    ui.keys(&["n"]);
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(load(&root)["segments"].as_array().unwrap().len(), segments);
    ui.keys(&["D"]);
    ui.wait_for("Supprimer le segment 1");
    ui.keys(&["o"]);
    ui.wait_for("Segment supprimé avec ses codages");
    let session = load(&root);
    assert_eq!(session["segments"].as_array().unwrap().len(), segments - 1);
    assert!(
        session["segments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != before.segments[0].id.to_string())
    );
    ui.keys(&["u"]);
    ui.wait_for("Annulé : suppression du segment");
    let session = load(&root);
    let ids: Vec<&Json> = session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["id"])
        .collect();
    let expected: Vec<Json> = before
        .segments
        .iter()
        .map(|s| Json::String(s.id.to_string()))
        .collect();
    assert_eq!(
        ids,
        expected.iter().collect::<Vec<_>>(),
        "back in its place"
    );
    assert_eq!(session["segments"][0]["text"], Json::String(first.clone()));
    assert_eq!(
        session["codings"].as_array().unwrap().len(),
        before.codings.len(),
        "its codings back too"
    );

    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    // The name is kept for the next time.
    let prefs: Json = serde_json::from_slice(
        &std::fs::read(home.path().join("config/grille/preferences.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(prefs["coder"], "Lou Martin");
}

/// The session file of R01 with its journal folded in, as `grille` reads it.
fn load(root: &Path) -> Json {
    let dir = grille::store::StudyDir::open(root).unwrap();
    let study = dir.load_study().unwrap();
    let session = dir.load_session(R01.parse().unwrap(), &study).unwrap().doc;
    serde_json::to_value(session).unwrap()
}
