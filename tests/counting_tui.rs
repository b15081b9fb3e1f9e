//! What the tables count, chosen on the screens of the real binary under tmux, then read back
//! from the files saved: the reference coder of a session coded by two people (`R` on the
//! coding screen), and two reports of one person linked (`l` on the statistics screen's reports).

mod common;

use std::path::Path;

use common::tmux::{self, Tmux};

/// grille started in its home folder, where the screens write their files.
fn grille_command(home: &Path, args: &str) -> String {
    tmux::grille_command_in(home, home, "", args)
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

/// A line of the list of reports: (pseudonym, label, linked to another).
fn report_line(line: &str) -> (String, String, bool) {
    let line = line.trim_start_matches(['★', ' ']);
    let mut words = line.split_whitespace();
    let pseudonym = words.next().unwrap().to_owned();
    let date = words.next().unwrap();
    let rest = line[line.find(date).unwrap() + date.len()..].trim();
    let (label, linked) = match rest.split_once("  →") {
        Some((label, _)) => (label.trim(), true),
        None => (rest, false),
    };
    (pseudonym, label.to_owned(), linked)
}

/// The reports listed on the screen, in order.
fn reports_on(screen: &str) -> Vec<(String, String, bool)> {
    screen
        .lines()
        .skip_while(|l| !l.contains("signalement(s) de"))
        .skip(1)
        .take_while(|l| l.trim_start().starts_with(['★', 'R']) || l.starts_with("  R"))
        .map(report_line)
        .collect()
}

#[test]
fn l_on_the_reports_tab_links_two_reports_of_one_person() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let ui = Tmux::start(
        "person-link",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        200,
        50,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["s"]);
    ui.wait_for("Fréquences des codes");
    ui.keys(&["Tab", "Tab", "Tab"]);
    // 15 reports of 14 persons: the example links two reports already.
    let screen = ui.wait_for("15 signalement(s) de 14 personne(s)");
    let reports = reports_on(&screen);
    assert_eq!(reports.len(), 15, "{screen}");
    let first = reports[0].clone();
    assert!(!first.2, "{screen}");
    // The first report of another respondent, linked to nobody.
    let other = reports.iter().position(|r| r.0 != first.0 && !r.2).unwrap();
    let down = vec!["Down"; other];
    ui.keys(&["l"]);
    ui.wait_for("marqué : choisissez l'autre signalement");
    ui.keys(&down);
    ui.keys(&["l"]);
    ui.wait_for("une même personne, comptée une fois");
    ui.wait_for("15 signalement(s) de 13 personne(s)");
    // Undone from the first report with u, then linked again.
    let up = vec!["Up"; other];
    ui.keys(&up);
    ui.keys(&["u"]);
    ui.wait_for("n'est plus relié à un autre signalement");
    ui.wait_for("15 signalement(s) de 14 personne(s)");
    ui.keys(&["l"]);
    ui.wait_for("marqué : choisissez l'autre signalement");
    ui.keys(&down);
    ui.keys(&["l"]);
    let screen = ui.wait_for("15 signalement(s) de 13 personne(s)");
    let linked = &reports_on(&screen)[0];
    assert!(linked.2, "{screen}");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("6 entretien(s)");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    // Read back: the first report's situation names the other's as the same person.
    let situation = |pseudonym: &str, label: &str| -> serde_json::Value {
        session_file(&root, pseudonym)["situations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["label"] == label)
            .unwrap()
            .clone()
    };
    let from = situation(&first.0, &first.1);
    let to = situation(&reports[other].0, &reports[other].1);
    assert_eq!(from["same_person_as"], to["id"]);
    assert!(to.get("same_person_as").is_none());
    // The tables count them once: 13 persons in 15 reports.
    let out = common::grille(home.path())
        .args(["--study", root.to_str().unwrap()])
        .args(["export", "situations", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let note = v["tables"][0]["notes"][0].as_str().unwrap();
    assert!(note.contains("13 personne(s)"), "{note}");
}
