//! The statistics screen broken down by a respondent attribute, in the real binary under tmux:
//! `b` chooses the attribute, `i` shows the 95 % intervals, and every figure of a question's
//! block equals what `grille export answers --by secteur` writes (read back from its French
//! CSV with the `csv` crate); `→` scrolls the columns, keeping the whole.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::tmux::{self, Tmux};

/// grille started in its home folder, where the screens write their files.
fn grille_command(home: &Path, args: &str) -> String {
    tmux::grille_command_in(home, home, "", args)
}

/// The CSV of `export answers --by secteur --question KEY`: headers and rows.
fn exported(
    home: &Path,
    study: &Path,
    question: &str,
) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let out = home.join("answers.csv");
    common::grille(home)
        .args(["--study", study.to_str().unwrap(), "export", "answers"])
        .args(["--by", "secteur", "--question", question])
        .args(["--table", "answers-by-secteur", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (headers, rows)
}

/// The screen's cells of a row as the CSV gives them: `n`, or `n · p % [low ; high]`.
fn expected_cells(row: &HashMap<String, String>, heads: &[String]) -> Vec<String> {
    heads
        .iter()
        .map(|head| {
            let n = &row[&format!("{head} : n")];
            let pct = row
                .iter()
                .find(|(k, _)| k.starts_with(&format!("{head} : %")) && !k.contains("IC 95"))
                .map(|(_, v)| v.clone())
                .unwrap();
            if pct.is_empty() {
                return n.clone();
            }
            let bound = |which: &str| {
                row.iter()
                    .find(|(k, _)| k.starts_with(&format!("{head} : %")) && k.ends_with(which))
                    .map(|(_, v)| v.clone())
                    .unwrap()
            };
            format!(
                "{n} · {pct} % [{} ; {}]",
                bound("IC 95 % bas"),
                bound("IC 95 % haut")
            )
        })
        .collect()
}

/// A screen line split into its cells (runs of two spaces or more part them).
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_screen_broken_down_by_sector_shows_the_figures_of_the_export() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let (headers, rows) = exported(home.path(), &root, "deja_identifie");
    // The heads of the column blocks: "Ensemble (6)", then one per sector with its base.
    let heads: Vec<String> = headers
        .iter()
        .filter_map(|h| h.strip_suffix(" : n").map(str::to_owned))
        .collect();
    assert_eq!(heads[0], "Ensemble (6)");
    assert!(heads.len() > 3, "{heads:?}");

    let ui = Tmux::start(
        "stats-crosstab",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        250,
        60,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["s"]);
    ui.wait_for("Fréquences des codes");
    ui.keys(&["Tab"]);
    ui.wait_for("Avez-vous déjà identifié");
    ui.keys(&["b"]);
    ui.wait_for("par Secteur");
    ui.keys(&["i"]);
    let screen = ui.wait_for("[30,0 ; 90,3]").replace('\u{a0}', " ");
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Avez-vous déjà identifié"))
        .unwrap();
    // Title, the note of who answered, the heads, then the CSV's rows in its order (the bases
    // first).
    assert_eq!(cells(lines[at + 2]), heads, "{screen}");
    for (i, row) in rows.iter().enumerate() {
        let mut want = vec![row["réponse"].clone()];
        want.extend(expected_cells(row, &heads));
        if row["ligne"] == "base" {
            // The line of the bases shows each column's base alone.
            want = vec![row["réponse"].clone()];
            want.extend(heads.iter().map(|h| row[&format!("{h} : n")].clone()));
        }
        assert_eq!(cells(lines[at + 3 + i]), want, "row {i} of\n{screen}");
    }
    // By hand, from the example study: 4 of the 6 respondents have identified someone,
    // 66.7 % [30.0 ; 90.3]; the CSV said so too.
    assert!(
        cells(lines[at + 4]).contains(&"4 · 66,7 % [30,0 ; 90,3]".to_owned()),
        "{screen}"
    );

    // → scrolls the sectors: the first one goes, the whole stays.
    ui.keys(&["Right"]);
    let screen = ui.capture().replace('\u{a0}', " ");
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Avez-vous déjà identifié"))
        .unwrap();
    let shown = cells(lines[at + 2]);
    assert_eq!(shown[0], heads[0], "{screen}");
    assert_eq!(shown[1..], heads[2..], "{screen}");

    // b again: the next attribute (territoire), then none.
    ui.keys(&["b"]);
    ui.wait_for("par Territoire");
    ui.keys(&["b"]);
    let start = std::time::Instant::now();
    while ui.capture().contains(" · par ") {
        assert!(start.elapsed().as_secs() < 10, "{}", ui.capture());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}
