//! The home screen of the real binary under tmux lists the sessions from the summaries kept
//! beside the index (it never reads every transcript to draw its list), and a session changed
//! behind its back is listed as it is now, not as it was kept.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux, grille_command};

/// The file of the session of `pseudonym`.
fn session_path(study: &Path, pseudonym: &str) -> PathBuf {
    std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .find(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            v["respondent"]["pseudonym"] == pseudonym
        })
        .unwrap()
}

/// The segments and codings shown on the row of `pseudonym` (the last two columns).
fn row_counts(screen: &str, pseudonym: &str) -> Option<(usize, usize)> {
    let line = screen
        .lines()
        .find(|l| l.split_whitespace().any(|w| w == pseudonym))?;
    let numbers: Vec<usize> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    match numbers[..] {
        [.., segments, codings] => Some((segments, codings)),
        _ => None,
    }
}

/// Waits until the row of `pseudonym` shows `counts`; the screen as it was last seen if it
/// never does.
fn wait_counts(ui: &Tmux, pseudonym: &str, counts: (usize, usize)) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let screen = ui.capture();
        if row_counts(&screen, pseudonym) == Some(counts) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(10) {
            return Err(screen);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_session_changed_behind_its_back_is_listed_as_it_is_now() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let r02 = session_path(&root, "R02");
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&r02).unwrap()).unwrap();
    let segments = before["segments"].as_array().unwrap().len();
    let codings = before["codings"].as_array().unwrap().len();
    assert!(codings > 1, "the example R02 is coded");

    // Files still a while are kept as summaries: listed once, then taken from the kept ones.
    std::thread::sleep(Duration::from_millis(2500));
    let listed = common::grille(home.path())
        .args(["--study", root.to_str().unwrap(), "sessions"])
        .output()
        .unwrap();
    assert!(listed.status.success());
    let kept = std::fs::read_to_string(root.join("index/summaries.json")).unwrap();
    assert!(kept.contains("\"R02\""), "R02's summary is kept");

    let ui = Tmux::start(
        "home-summaries",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    wait_counts(&ui, "R02", (segments, codings)).unwrap_or_else(|s| panic!("{s}"));

    // Another program removes a coding from R02 while the list is shown.
    let mut changed = before.clone();
    changed["codings"].as_array_mut().unwrap().pop();
    let written = serde_json::to_string_pretty(&changed).unwrap();
    std::fs::write(&r02, &written).unwrap();
    ui.keys(&["r"]);
    wait_counts(&ui, "R02", (segments, codings - 1)).unwrap_or_else(|s| panic!("{s}"));

    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);
    // Listing wrote nothing into the session: the file is the other program's, byte for byte.
    assert_eq!(std::fs::read_to_string(&r02).unwrap(), written);
}
