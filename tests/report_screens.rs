//! Quotes and the report on the screens, typed into the real binary in tmux: `r` on the
//! statistics screen writes the study's report as a new HTML file (never over an earlier one)
//! and says where; `"` on the coding screen marks the coding under the cursor "à citer" with a
//! comment, Ctrl+D in its popup removes the mark, `u` puts it back; `"` on the list of a code's
//! excerpts lists only those marked, and a mark removed in the transcript opened from there is
//! gone from the list on the way back. The files are then read back.

mod common;

use std::path::Path;

use common::tmux::{self, Tmux};
use serde_json::Value as Json;

const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

/// grille started in `dir` (where the screens write their files), as the coder `moi`.
fn grille_in(home: &Path, dir: &Path, args: &str) -> String {
    tmux::grille_command_in(home, dir, "USER=moi", args)
}

#[test]
fn r_on_the_statistics_screen_writes_the_report_beside_and_never_over_the_last() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let out = home.path().join("rapports");
    std::fs::create_dir(&out).unwrap();
    let ui = Tmux::start(
        "report-stats",
        &grille_in(home.path(), &out, &format!("--study {}", root.display())),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["s"]);
    let screen = ui.wait_for("Fréquences des codes");
    assert!(screen.contains("r rapport"), "the footer lists r: {screen}");
    ui.keys(&["r"]);
    let screen = ui.wait_for("Rapport écrit : ");
    let day = chrono::Local::now().format("%Y-%m-%d");
    let first = format!("grille-rapport-{day}.html");
    assert!(screen.contains(&first), "{screen}");
    assert_eq!(common::file_names(&out), std::slice::from_ref(&first));
    let html = std::fs::read_to_string(out.join(&first)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..200]);
    assert!(html.contains("<h2>Méthode</h2>"), "{html}");
    assert!(html.contains("<h2>Annexe</h2>"), "{html}");
    // Without identities, always: the team as initials (3 interviews each), no name, no
    // identifying attribute (the function of R05 is "Sage-femme"), no warning.
    assert!(html.contains("C.R. (3), S.B. (3)"), "{html}");
    for never in [
        "Camille Roux",
        "Sami Benali",
        "Léa Martin",
        "Sage-femme",
        "ATTENTION",
    ] {
        assert!(!html.contains(never), "{never} is in the screen's report");
    }
    // One of the example's quotes, with its pseudonym.
    assert!(html.contains("R03"), "{html}");
    let marked = format!("{html}\n<!-- relu par l'équipe -->\n");
    std::fs::write(out.join(&first), &marked).unwrap();

    ui.keys(&["r"]);
    let second = format!("grille-rapport-{day}-2.html");
    let screen = ui.wait_for("le rapport précédent du jour est gardé");
    assert!(screen.contains(&second), "{screen}");
    assert_eq!(common::file_names(&out), [second.clone(), first.clone()]);
    assert_eq!(std::fs::read_to_string(out.join(&first)).unwrap(), marked);
    assert_eq!(std::fs::read_to_string(out.join(&second)).unwrap(), html);

    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}

#[test]
fn a_coding_is_marked_to_quote_unmarked_and_the_excerpts_list_filters_on_it() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, true);
    let before = dir.load_session(R01.parse().unwrap(), &study).unwrap().doc;
    let ui = Tmux::start(
        "report-quote",
        &grille_in(
            home.path(),
            home.path(),
            &format!("--study {}", root.display()),
        ),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for("Codage R01");
    assert!(screen.contains("\" citer"), "the footer lists \": {screen}");
    // A coding of the first two words with the first quick code: the cursor stays on it.
    let first = &before.segments[0].text;
    let two_words: String = first.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let chars = two_words.chars().count();
    let quick = study.quick_codes()[0].unwrap();
    let quick_name = study.codebook.get(quick).unwrap().name.clone();
    ui.keys(&["v", "w", "w", "M-1"]);
    ui.wait_for(&format!("■ {quick_name} : {chars} caractère(s) codé(s)"));
    let ours = |session: &Json| -> Json {
        let found: Vec<&Json> = session["codings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["coder"] == "moi")
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0]["segment"], before.segments[0].id.to_string());
        assert_eq!(found[0]["code"], quick.to_string());
        found[0].clone()
    };
    assert!(ours(&load(&root)).get("quote").is_none());

    // " opens the mark's comment; Enter marks it with the comment.
    ui.type_text("\"");
    ui.wait_for("À citer — commentaire facultatif");
    ui.type_text("rappel du cadre, pour l'introduction");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for("extrait marqué à citer");
    assert!(
        screen.contains("❝ à citer\u{a0}: rappel du cadre"),
        "the side panel shows the mark and its comment: {screen}"
    );
    let coding = ours(&load(&root));
    assert_eq!(
        coding["quote"],
        serde_json::json!({"comment": "rappel du cadre, pour l'introduction"})
    );

    // " again shows the comment; Ctrl+D removes the mark; u puts it back as it was.
    ui.type_text("\"");
    let screen = ui.wait_for("À citer — commentaire facultatif");
    assert!(
        screen.contains("rappel du cadre, pour l'introduction"),
        "{screen}"
    );
    assert!(screen.contains("Ctrl+D ne plus citer"), "{screen}");
    ui.keys(&["C-d"]);
    ui.wait_for("extrait plus à citer");
    assert!(ours(&load(&root)).get("quote").is_none());
    ui.keys(&["u"]);
    ui.wait_for("Annulé : marque à citer retirée");
    assert_eq!(ours(&load(&root))["quote"], coding["quote"]);

    // The excerpts of the quick code: all of them, then " for those marked only, ours
    // among them. Expected counts worked out from the files.
    let path = study.codebook.path(quick).unwrap();
    let (mut all, mut quoted) = (0, 0);
    for entry in std::fs::read_dir(root.join("sessions")).unwrap() {
        let file = entry.unwrap().path();
        // The session files, not their journals (named after the same id).
        if file.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let id = file.file_stem().unwrap().to_str().unwrap().parse().unwrap();
        let session = dir.load_session(id, &study).unwrap().doc;
        for c in &session.codings {
            let p = study.codebook.path(c.code).unwrap();
            if p == path || p.starts_with(&format!("{path}/")) {
                all += 1;
                quoted += usize::from(c.quote.is_some());
            }
        }
    }
    assert!(quoted >= 1 && quoted < all, "{quoted} of {all}");
    let at = study
        .codebook
        .tree()
        .iter()
        .position(|(_, c)| c.id == quick)
        .unwrap();
    ui.keys(&["B"]);
    ui.wait_for("Livre de codes");
    for _ in 0..at {
        ui.keys(&["Down"]);
    }
    ui.keys(&["Enter"]);
    let screen = ui.wait_for(&format!("Extraits codés « {quick_name} »"));
    assert!(screen.contains(&format!("{all} extrait(s)")), "{screen}");
    assert!(
        screen.contains("\" à citer"),
        "the footer lists \": {screen}"
    );
    ui.type_text("\"");
    let screen = ui.wait_for("à citer seulement");
    assert!(screen.contains(&format!("{quoted} extrait(s)")), "{screen}");
    assert!(screen.contains(&format!("« {two_words} »")), "{screen}");
    assert!(
        screen.contains("❝ à citer\u{a0}: rappel du cadre"),
        "{screen}"
    );
    // Ours is the first listed (R01 is the earliest interview): opened in its transcript, its
    // mark removed there, the list read again on the way back no longer has it.
    ui.keys(&["Enter"]);
    ui.wait_for("Codage R01");
    ui.type_text("\"");
    ui.wait_for("À citer — commentaire facultatif");
    ui.keys(&["C-d"]);
    ui.wait_for("extrait plus à citer");
    assert!(ours(&load(&root)).get("quote").is_none());
    // The excerpt opened is selected: the first Esc clears the selection, the second goes back.
    // (Sent apart: two Esc bytes together read as Alt+Esc.)
    ui.keys(&["Escape"]);
    ui.keys(&["Escape"]);
    let screen = ui.wait_for(&format!("{} extrait(s)", quoted - 1));
    assert!(screen.contains("à citer seulement"), "{screen}");
    assert!(!screen.contains(&format!("« {two_words} »")), "{screen}");
    ui.type_text("\"");
    let screen = ui.wait_for(&format!("{all} extrait(s)"));
    assert!(!screen.contains("à citer seulement"), "{screen}");

    let pid = ui.pid();
    for _ in 0..3 {
        ui.keys(&["Escape"]);
    }
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}

/// The session file of R01 with its journal folded in, as `grille` reads it.
fn load(root: &Path) -> Json {
    let dir = grille::store::StudyDir::open(root).unwrap();
    let study = dir.load_study().unwrap();
    let session = dir.load_session(R01.parse().unwrap(), &study).unwrap().doc;
    serde_json::to_value(session).unwrap()
}
