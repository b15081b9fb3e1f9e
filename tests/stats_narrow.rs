//! The statistics screen broken down by sector on an 80×24 terminal and narrower, in the real
//! binary under tmux: the frequency table gives up the columns the export keeps (excerpts,
//! sessions, words) so that two sectors show, with the figures of the file its `c` key writes
//! (read back with the `csv` crate, French conventions); when not even one sector fits, a note
//! says what would make room, never "colonnes 0 à 0"; the saturation tab keeps its runs line
//! however narrow the screen.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::tmux::{self, Tmux};

/// The one CSV file in `dir`, as rows keyed by header.
fn read_csv(dir: &Path) -> Vec<HashMap<String, String>> {
    let names = common::file_names(dir);
    assert_eq!(names.len(), 1, "{names:?}");
    let bytes = std::fs::read(dir.join(&names[0])).unwrap();
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a French CSV starts with a byte order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// A screen line split into its cells (runs of two spaces or more part them), the table's
/// right border left out.
fn cells(line: &str) -> Vec<String> {
    line.trim_end_matches(['│', ' '])
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

fn settled(ui: &Tmux, needle: &str) -> String {
    ui.wait_settled(needle).replace('\u{a0}', " ")
}

#[test]
fn the_statistics_screen_broken_down_on_80_columns_and_narrower() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let exports = home.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let ui = Tmux::start(
        "stats-narrow",
        &tmux::grille_command_in(
            home.path(),
            &exports,
            "",
            &format!("--study {}", root.display()),
        ),
        80,
        24,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["s"]);
    ui.wait_for("Fréquences des codes");
    ui.keys(&["b"]);
    let screen = settled(&ui, "par Secteur");
    // Two of the eight sectors fit beside the codes, their respondents and share.
    assert!(
        screen.contains("colonnes 1 à 2 sur 8 (← → pour les autres)"),
        "{screen}"
    );
    let lines: Vec<&str> = screen.lines().collect();
    let head = lines.iter().position(|l| l.starts_with("code")).unwrap();
    assert_eq!(
        cells(lines[head]),
        ["code ▲", "répondants", "%", "Santé (1)", "Social (1)"],
        "{screen}"
    );

    // The same table written by c, read back: each row of the screen is the file's.
    ui.keys(&["c"]);
    ui.wait_for("Exporté : ");
    let rows = read_csv(&exports);
    let by_name = |name: &str| {
        let found: Vec<_> = rows.iter().filter(|r| r["nom"] == name).collect();
        (found.len() == 1).then(|| found[0])
    };
    let share = |row: &HashMap<String, String>, group: &str| {
        format!(
            "{} · {} %",
            row[&format!("{group} : n")],
            row[&format!("{group} : %")]
        )
    };
    let mut compared = 0;
    for line in &lines[head + 1..] {
        let c = cells(line);
        if c.len() != 5 || c[0].ends_with('…') {
            continue;
        }
        let Some(row) = by_name(&c[0]) else { continue };
        assert_eq!(c[1], row["répondant·es (avec sous-codes)"], "{line}");
        assert_eq!(c[3], share(row, "Santé (1)"), "{line}");
        assert_eq!(c[4], share(row, "Social (1)"), "{line}");
        compared += 1;
    }
    assert!(compared >= 10, "{compared} rows compared on\n{screen}");
    // By hand, from the example study: the hotel code in 5 of the 6 interviews (83 %), among
    // them the health one (R01, Santé) and the social one (R02, Social).
    let hotel = lines
        .iter()
        .find(|l| l.trim_start().starts_with("Hôtel "))
        .unwrap();
    assert_eq!(
        cells(hotel),
        ["Hôtel", "5", "83 %", "1 · 100,0 %", "1 · 100,0 %"]
    );

    // With the intervals no sector fits beside the whole: the note says what makes room, and
    // the share's interval is shown whole (words given up for it).
    ui.keys(&["i"]);
    let screen = settled(&ui, "masquer les intervalles (i)");
    assert!(!screen.contains("colonnes 0 à 0"), "{screen}");
    assert!(
        screen.contains("écran trop étroit pour les 8 colonnes de la ventilation : élargir le terminal ou\nmasquer les intervalles (i)"),
        "{screen}"
    );
    assert!(screen.contains("100,0 % [61,0 ; 100,0]"), "{screen}");
    assert!(!screen.contains(" mots "), "{screen}");

    // The answers tab says the same under each question its columns do not fit.
    ui.keys(&["Tab"]);
    let screen = settled(&ui, "Avez-vous déjà identifié");
    assert!(!screen.contains("colonnes 0 à 0"), "{screen}");
    assert!(
        screen.contains("  écran trop étroit pour les 8 colonnes"),
        "{screen}"
    );
    assert!(
        screen.contains("6 réponse(s) sur 6 répondant·e(s)"),
        "{screen}"
    );

    // 60 columns, intervals hidden: the frequencies keep one sector at least.
    ui.resize(60, 24);
    // Answers → situations → reports → saturation → coverage → frequencies.
    ui.keys(&["i", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    let screen = settled(&ui, "Santé (1)");
    assert!(!screen.contains("colonnes 0 à 0"), "{screen}");
    assert!(screen.contains("colonnes 1 à 1 sur 8"), "{screen}");
    assert!(screen.contains("Santé (1)"), "{screen}");

    // 44 columns, the narrowest grille draws: no sector, said so, the respondents still there.
    ui.resize(44, 24);
    let screen = settled(&ui, "ventilation");
    assert!(!screen.contains("colonnes 0 à 0"), "{screen}");
    assert!(
        screen.contains(
            "écran trop étroit pour les 8 colonnes de la\nventilation : élargir le terminal"
        ),
        "{screen}"
    );
    let lines: Vec<&str> = screen.lines().collect();
    let head = lines.iter().position(|l| l.starts_with("code")).unwrap();
    assert_eq!(
        cells(lines[head]),
        ["code ▲", "répondants", "%"],
        "{screen}"
    );

    // The saturation tab's runs, whole on 80 columns and on 44.
    ui.resize(80, 24);
    ui.keys(&["Tab", "Tab", "Tab", "Tab"]);
    let screen = settled(&ui, "Saturation non atteinte");
    assert!(screen.contains("série : 5–6 : 2 (5,6 %)"), "{screen}");
    assert!(screen.contains("des codes de la base."), "{screen}");
    ui.resize(44, 24);
    let screen = settled(&ui, "série : 5–6 : 2");
    assert!(screen.contains("série : 5–6 : 2 (5,6 %)"), "{screen}");
    assert!(screen.contains("2021-07-09"), "{screen}");

    let pid = ui.pid();
    ui.resize(80, 24);
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}
