//! What the tables count, chosen on the screens of the real binary under tmux, then read back
//! from the files saved: the reference coder of a session coded by two people (`R` on the
//! coding screen).

mod common;

use std::path::Path;

use common::tmux::{self, Tmux};

fn grille_command(home: &Path, args: &str) -> String {
    format!(
        "sh -c 'cd {h} && exec env HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {bin} {args}'",
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_grille"),
    )
}

/// The saved file of the session of `pseudonym`, as JSON.
fn session_file(study: &Path, pseudonym: &str) -> serde_json::Value {
    std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(p).unwrap()))
        .map(Result::unwrap)
        .find(|v| v["respondent"]["pseudonym"] == pseudonym)
        .unwrap()
}

#[test]
fn r_on_the_coding_screen_chooses_whose_coding_counts() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    // R02 was coded by Sami Benali first, then Léa Martin: Sami's coding counts by default.
    assert!(session_file(&root, "R02").get("reference_coder").is_none());

    let ui = Tmux::start(
        "reference-coder",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    // R02 is the second session (by date).
    ui.keys(&["Down", "c"]);
    ui.wait_for("Codage R02");
    ui.wait_for("codage compté : Sami Benali");
    ui.keys(&["R"]);
    ui.wait_for("R02 : les tableaux comptent le codage de Léa Martin");
    ui.wait_for("codage compté : Léa Martin");
    // Again: back to the first, the default.
    ui.keys(&["R"]);
    ui.wait_for("R02 : les tableaux comptent le codage de Sami Benali");
    // Undone like a coding: Léa again.
    ui.keys(&["u"]);
    ui.wait_for("codage compté : Léa Martin");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("6 entretien(s)");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    let saved = session_file(&root, "R02");
    assert_eq!(saved["reference_coder"], "Léa Martin");
    // Nothing else of the session changed hands: both coders' codings are still there.
    let coders: std::collections::BTreeSet<&str> = saved["codings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["coder"].as_str().unwrap())
        .collect();
    assert_eq!(coders, ["Léa Martin", "Sami Benali"].into());
    // The tables count Léa's coding now, and say so.
    let out = common::grille(home.path())
        .args(["--study", root.to_str().unwrap()])
        .args(["export", "frequencies", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = v["tables"][0]["notes"].to_string();
    assert!(
        notes.contains("R02 (S.B., non compté·e, L.M., compté·e)"),
        "{notes}"
    );
}
