//! Small things of the notes and the home screen, on the real binary in a real terminal (tmux)
//! at 80×24: Ctrl+Z in the notes takes back a word, not a character (read back from the
//! journal while grille runs, and from the session file after); a session that cannot be read
//! shows why under the list however long its path.

mod common;

use std::time::{Duration, Instant};

use common::tmux::{self, Tmux, grille_command};
use grille::store::StudyDir;
use grille::study::Study;

/// The text of the only session's segments, as the store reads it (file and journal) while
/// grille may be running, once it is `want` (the draft is journalled a moment after a key).
fn texts_become(dir: &StudyDir, study: &Study, want: &[&str]) -> Vec<String> {
    let start = Instant::now();
    loop {
        let id = dir.session_ids().unwrap()[0];
        let session = dir.load_session(id, study).unwrap().doc;
        let texts: Vec<String> = session.segments.iter().map(|s| s.text.clone()).collect();
        if texts == want || start.elapsed() > Duration::from_secs(5) {
            return texts;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn ctrl_z_in_the_notes_takes_back_the_last_word_and_ctrl_y_brings_it_back() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let command = grille_command(
        home.path(),
        &format!(
            "--study {} interview --interviewer Camille --respondent R8 --consent given",
            root.display()
        ),
    );
    let ui = Tmux::start("undo-word", &command, 80, 24);
    ui.wait_for("Q 1/28");
    ui.type_text("Je connais de nom");
    ui.wait_for("Je connais de nom");
    assert_eq!(
        texts_become(&dir, &study, &["Je connais de nom"]),
        ["Je connais de nom"]
    );
    // One Ctrl+Z: the last word goes, with the space before it; the journal has it at once.
    ui.keys(&["C-z"]);
    let screen = ui.wait_settled("Je connais de");
    assert!(!screen.contains("de nom"), "{screen}");
    assert_eq!(
        texts_become(&dir, &study, &["Je connais de"]),
        ["Je connais de"]
    );
    ui.keys(&["C-z"]);
    assert_eq!(texts_become(&dir, &study, &["Je connais"]), ["Je connais"]);
    ui.keys(&["C-y"]);
    assert_eq!(
        texts_become(&dir, &study, &["Je connais de"]),
        ["Je connais de"]
    );
    ui.type_text(" vue.");
    ui.keys(&["Enter", "Enter"]);
    ui.wait_for("Je connais de vue.");
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);

    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    assert_eq!(session.segments.len(), 1);
    assert_eq!(session.segments[0].text, "Je connais de vue.");
    assert!(session.segments[0].end.is_some(), "the block was closed");
}

/// The screen's rows under the list marked ⚠ and those that continue them, as one text each.
fn problems_on(screen: &str) -> Vec<String> {
    let mut problems: Vec<String> = Vec::new();
    for line in screen.lines() {
        if let Some(text) = line.strip_prefix(" ⚠ ") {
            problems.push(text.trim().to_owned());
        } else if let (Some(last), Some(more)) = (problems.last_mut(), line.strip_prefix("   "))
            && !more.trim().is_empty()
        {
            last.push(' ');
            last.push_str(more.trim());
        }
    }
    problems
}

#[test]
fn at_80_columns_the_reason_a_session_is_unreadable_shows_whole_whatever_its_path() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    // A study deep in a shared folder: its path alone is wider than the terminal.
    let root = home
        .path()
        .join("Partage équipe diagnostic départemental prostitution 2021")
        .join("entretiens menés auprès des professionnel·les du Puy-de-Dôme")
        .join("etude");
    let (dir, _study) = common::study_in(&root, true);
    let sessions = root.join("sessions");
    // One session whose status is not a status (it cannot be read), one with a coding of a
    // code the codebook does not have (it is read, and breaks the study's rules).
    let broken = sessions.join("a3e75331-a597-521f-85d5-d75e37aabffb.json");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        text.replacen("\"status\": \"done\"", "\"status\": \"fini\"", 1),
    )
    .unwrap();
    let coded = sessions.join("e9ceda88-5769-5bc8-892b-5b4c1ef02377.json");
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&coded).unwrap()).unwrap();
    let coding = session["codings"][0]["id"].as_str().unwrap().to_owned();
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    std::fs::write(&coded, serde_json::to_string_pretty(&session).unwrap()).unwrap();
    let before = common::folder_bytes(&sessions);

    let command = grille_command(home.path(), &format!("--study '{}'", root.display()));
    let ui = Tmux::start("home-reason", &command, 80, 24);
    let screen = ui.wait_settled("⚠ R01");
    let mut problems = problems_on(&screen);
    problems.sort();
    let mut want = [
        "a3e75331 : illisible en $.status (ligne 22, colonne 18) : valeur inconnue `fini`, \
         attendu `in_progress` ou `done`"
            .to_owned(),
        format!(
            "R01 (e9ceda88) : $.codings[0].code : le codage {coding} (« C'est souvent au moment \
             du dépistage qu… », par Camille Roux) a un code inconnu \
             00000000-0000-4000-8000-00000000dead"
        ),
    ];
    want.sort();
    assert_eq!(problems, want, "{screen}");
    // Both are still listed, marked.
    assert_eq!(screen.matches("⚠ problème").count(), 2, "{screen}");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    assert!(
        common::folder_bytes(&sessions) == before,
        "left as they were"
    );
    drop(dir);
}
