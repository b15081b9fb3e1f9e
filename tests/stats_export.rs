//! The statistics screen's exports, typed into the real binary in tmux: a second export of the
//! same table on the same day never replaces the first; it gets a new name and the status line
//! says so. Both files are then read back.

mod common;

use common::tmux::{self, Tmux};

#[test]
fn a_second_export_the_same_day_keeps_the_first() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let exports = home.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let ui = Tmux::start(
        "stats-export",
        &tmux::grille_command_in(
            home.path(),
            &exports,
            "",
            &format!("--study {}", root.display()),
        ),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["s"]);
    ui.wait_for("Fréquences des codes");
    // Markdown: the table readable as text.
    ui.keys(&["m"]);
    let screen = ui.wait_for("Exporté : ");
    let day = chrono::Local::now().format("%Y-%m-%d");
    let first = format!("grille-frequencies-{day}.md");
    assert!(screen.contains(&first), "{screen}");
    assert_eq!(common::file_names(&exports), std::slice::from_ref(&first));
    let written = std::fs::read_to_string(exports.join(&first)).unwrap();
    // A mark in the first file: the second export must not replace it.
    let marked = format!("{written}\n<!-- annotated by hand -->\n");
    std::fs::write(exports.join(&first), &marked).unwrap();

    ui.keys(&["m"]);
    let second = format!("grille-frequencies-{day}-2.md");
    let screen = ui.wait_for("l'export précédent du jour est gardé");
    assert!(screen.contains(&second), "{screen}");
    assert_eq!(
        common::file_names(&exports),
        [second.clone(), first.clone()]
    );
    assert_eq!(
        std::fs::read_to_string(exports.join(&first)).unwrap(),
        marked,
        "the first export is kept as it was"
    );
    assert_eq!(
        std::fs::read_to_string(exports.join(&second)).unwrap(),
        written,
        "the second export is the same table"
    );
    assert!(written.contains("| proxenetisme/conjugal |"), "{written}");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}
