//! End to end: the real binary in tmux, killed with `kill -9` in the middle of an interview.

mod common;

use common::tmux::{self, Tmux, grille_command};
use grille::study::Value;

#[test]
fn an_interview_survives_kill_9() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let (_, deja) = study.grid.question_by_key("deja_identifie").unwrap();
    let (_, nb) = study.grid.question_by_key("nb_personnes").unwrap();
    let study_arg = format!("--study {}", root.display());

    let ui = Tmux::start(
        "kill9",
        &grille_command(
            home.path(),
            &format!(
                "{study_arg} interview --interviewer Camille --respondent R10 --attr secteur=sante --consent given"
            ),
        ),
        120,
        40,
    );
    ui.wait_for("Q 1/28");
    let said = "L'hôtelier a dit… « elle dort là-bas depuis des mois »";
    ui.type_text(said);
    // To "deja_identifie" through the grid outline, then yes.
    ui.keys(&["C-g"]);
    for _ in 0..study.grid.position(deja.id).unwrap() {
        ui.keys(&["Down"]);
    }
    ui.keys(&["Enter"]);
    ui.wait_for("Avez-vous déjà identifié");
    // Answering is an act of its own: Tab to the answer, then the key.
    ui.keys(&["Tab", "o"]);
    ui.wait_for("● Oui");
    // The next question is a number.
    ui.keys(&["C-n"]);
    ui.wait_for("Combien de personnes");
    ui.keys(&["Tab"]);
    ui.type_text("12");
    ui.keys(&["Enter"]);
    ui.wait_for("Réponse enregistrée : 12");
    ui.type_text("Au moins douze, sans doute plus.");
    // Killed as soon as the screen says the last words are saved.
    ui.wait_for("sans doute plus.");
    ui.wait_for("✓ enregistré");
    ui.kill_9();
    drop(ui);

    // Everything typed up to the kill is on disk.
    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [said, "Au moins douze, sans doute plus."]);
    assert_eq!(session.answers.get(&deja.id), Some(&Value::Bool(true)));
    assert_eq!(session.answers.get(&nb.id), Some(&Value::Number(12.0)));

    // Started again, grille resumes the session on the question it was left on.
    let ui = Tmux::start(
        "kill9-again",
        &grille_command(home.path(), &study_arg),
        120,
        40,
    );
    ui.wait_for("R10");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for("Combien de personnes");
    assert!(screen.contains("[ 12"), "{screen}");
    assert!(
        screen.contains("Au moins douze, sans doute plus."),
        "{screen}"
    );
    // Back to the first question, found by typing in the grid's list.
    ui.keys(&["C-g"]);
    ui.type_text("accepte-t-elle");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for("elle dort là-bas");
    assert!(screen.contains("L'hôtelier a dit…"), "{screen}");
    ui.keys(&["C-c"]);
    drop(ui);

    // Second part: the coding screen. Select "L'hôtelier a" (two word ends from the start of
    // the first segment) and code it "proxénétisme conjugal".
    let ui = Tmux::start("coding", &grille_command(home.path(), &study_arg), 120, 40);
    ui.wait_for("R10");
    ui.keys(&["c"]);
    ui.wait_for("Codage R10");
    ui.keys(&["v", "w", "w", "c"]);
    ui.wait_for("Coder le segment");
    ui.type_text("conjugal");
    ui.keys(&["Enter"]);
    ui.keys(&["b"]);
    ui.wait_for("■ Proxénétisme conjugal");
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(["--study", root.to_str().unwrap(), "sessions", "--json"])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["respondent"], "R10");
    assert_eq!(rows[0]["codings"], 1);
    let session = dir.load_session(id, &study).unwrap().doc;
    let coding = &session.codings[0];
    assert_eq!(
        study.codebook.path(coding.code).unwrap(),
        "proxenetisme/conjugal"
    );
    assert_eq!(
        (coding.segment, coding.start, coding.end),
        (session.segments[0].id, 0, 12)
    );
}

#[test]
fn closing_the_terminal_window_saves_and_exits_cleanly() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let ui = Tmux::start(
        "sighup",
        &grille_command(
            home.path(),
            &format!(
                "--study {} interview --interviewer Camille --respondent R11 --consent given",
                root.display()
            ),
        ),
        100,
        30,
    );
    ui.wait_for("Q 1/28");
    let pid = ui.pid();
    ui.type_text("Dernière phrase ");
    ui.wait_for("Dernière phrase");
    // Keys typed in a burst, and the window closed as soon as grille has read them from the
    // terminal, before they are on screen: a frame then fails on the closed terminal, the
    // signal arrives, and the keys still queued inside grille must reach the notes all the
    // same. (Keys the terminal still held when it closed are dropped by the kernel with the
    // hang-up: no program can read them; the test waits until grille has read every byte.)
    let burst = "avant la fermeture : elle dit qu'il garde ses papiers et qu'elle lui doit \
                 encore trois mille euros pour le voyage, « sinon ma mère paiera », a-t-elle \
                 ajouté, puis elle est partie très vite.";
    let before = Tmux::bytes_read(pid, grille::tui::INPUT_THREAD);
    ui.type_then(burst, &[]);
    let start = std::time::Instant::now();
    while Tmux::bytes_read(pid, grille::tui::INPUT_THREAD) < before + burst.len() as u64 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "grille never read the keys"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    ui.close_window();
    // The process goes away by itself, having folded its journal into the session file.
    ui.wait_exit(pid);
    let id = dir.session_ids().unwrap()[0];
    let paths = dir.paths().session(id);
    assert!(
        !paths.journal.exists(),
        "a clean exit folds the journal into the file"
    );
    let session = dir.load_session(id, &study).unwrap().doc;
    assert_eq!(session.segments[0].text, format!("Dernière phrase {burst}"));
    assert!(
        session.segments[0].end.is_some(),
        "the block was closed on the way out"
    );
}

#[test]
fn a_search_from_an_interview_finds_the_note_and_esc_comes_back_to_it() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let ui = Tmux::start(
        "search-back",
        &grille_command(
            home.path(),
            &format!(
                "--study {} interview --interviewer Camille --respondent R12 --consent given",
                root.display()
            ),
        ),
        120,
        40,
    );
    ui.wait_for("Q 1/28");
    ui.type_text("Le gérant de l'hôtel Mistral ferme les yeux.");
    // Search from the interview: the note just typed is found.
    ui.keys(&["C-f"]);
    ui.wait_for("Recherche");
    ui.type_text("mistral");
    ui.wait_for("1 résultat(s)");
    // The hit opens in the coding screen; Esc goes back to the results, Esc again to the
    // interview, where typing goes on in the same block.
    ui.keys(&["Enter"]);
    ui.wait_for("Codage R12");
    ui.keys(&["Escape"]);
    ui.wait_for("1 résultat(s)");
    ui.keys(&["Escape"]);
    ui.wait_for("Entretien R12");
    ui.type_text(" Il touche sa part.");
    ui.wait_for("Il touche sa part.");
    ui.wait_for("✓ enregistré");
    ui.kill_9();
    drop(ui);

    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Le gérant de l'hôtel Mistral ferme les yeux. Il touche sa part."]
    );
}
