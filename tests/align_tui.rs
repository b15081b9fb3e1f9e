//! Issue 20 on the real binary in tmux: the interview screen records each question's visit as
//! the interviewer moves along the grid (read back from the session file), a pause ends the
//! sitting, and opening the session again begins a new one.

mod common;

use common::tmux::{self, Tmux, grille_command};

#[test]
fn question_visits_are_recorded_live_and_a_resumed_interview_is_a_new_sitting() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let study_arg = format!("--study {}", root.display());
    let keys: Vec<&str> = study
        .grid
        .questions()
        .map(|(_, q)| q.key.as_str())
        .collect();
    let ui = Tmux::start(
        "visits",
        &grille_command(
            home.path(),
            &format!("{study_arg} interview --interviewer Léa --respondent R21 --consent given"),
        ),
        120,
        40,
    );
    ui.wait_for("Q 1/28");
    ui.type_text("Accord pour la prise de notes.");
    ui.keys(&["C-n"]);
    ui.wait_for("Q 2/28");
    ui.type_text("Assistante sociale, douze ans.");
    ui.keys(&["C-n"]);
    ui.wait_for("Q 3/28");
    // Back one question: a second visit of question 2.
    ui.keys(&["C-p"]);
    ui.wait_for("Q 2/28");
    ui.wait_for("✓ enregistré");
    // Paused (Ctrl+Q): the sitting is over, back to the list.
    ui.keys(&["C-q"]);
    ui.wait_for("R21");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    let id = dir.session_ids().unwrap()[0];
    let file = root.join("sessions").join(format!("{id}.json"));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let visits = json["visits"]
        .as_array()
        .expect("visits in the session file");
    let key_of = |v: &serde_json::Value| {
        let q: grille::study::QuestionId = v["question"].as_str().unwrap().parse().unwrap();
        study.grid.question(q).unwrap().1.key.clone()
    };
    let got: Vec<String> = visits.iter().map(key_of).collect();
    assert_eq!(got, [keys[0], keys[1], keys[2], keys[1]]);
    for pair in visits.windows(2) {
        assert_eq!(
            pair[0]["left"], pair[1]["entered"],
            "a visit ends when the next begins"
        );
    }
    let last = visits.last().unwrap();
    assert!(
        last["left"].is_string(),
        "the pause ends the last visit: {last}"
    );
    assert!(visits.iter().all(|v| v["sitting"] == 1));
    let time = |v: &serde_json::Value| {
        grille::study::Time::parse_from_rfc3339(v.as_str().unwrap()).unwrap()
    };
    assert!(time(&last["left"]) >= time(&last["entered"]));

    // Opened again: the interview resumes on question 2, in a second sitting.
    let ui = Tmux::start(
        "visits-again",
        &grille_command(home.path(), &study_arg),
        120,
        40,
    );
    ui.wait_for("R21");
    ui.keys(&["Enter"]);
    ui.wait_for("Q 2/28");
    ui.keys(&["C-n"]);
    ui.wait_for("Q 3/28");
    ui.keys(&["C-c"]);
    drop(ui);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let visits = json["visits"].as_array().unwrap();
    let got: Vec<(String, u64)> = visits
        .iter()
        .map(|v| (key_of(v), v["sitting"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got[4..],
        [(keys[1].to_owned(), 2), (keys[2].to_owned(), 2)],
        "{got:?}"
    );
    // Ctrl+C closes the interface: the last visit is ended too.
    assert!(visits.last().unwrap()["left"].is_string());
}
