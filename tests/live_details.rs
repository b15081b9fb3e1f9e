//! The smaller traps of issue 10, each on the real binary in a real terminal (tmux), at 80×24
//! (the smallest terminal grille is made for) and wider: the status line offers Tab only where
//! Tab reaches an answer; after a `kill -9` grille offers to resume the interview, in French and
//! whole, keeps what was typed and ends the block cut short at its last keystroke saved; the codebook list moves with PgDn, End, G and g; a search
//! snippet shows its match from a whole word; wrapped notes start without a space. What a key
//! saved is read back from the session file.

mod common;

use chrono::SubsecRound;
use std::path::Path;

use common::tmux::{self, Tmux, grille_command};
use grille::study::{Segment, SegmentId, Speaker, Status, Time, Value};

fn interview(home: &Path, root: &Path, respondent: &str) -> String {
    grille_command(
        home,
        &format!(
            "--study {} interview --interviewer Camille --respondent {respondent} --consent given",
            root.display()
        ),
    )
}

/// The last row of the screen: the status line.
fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn the_status_line_offers_tab_only_where_tab_reaches_an_answer() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let (_, consent) = study.grid.question_by_key("consentement").unwrap();
    let (_, open) = study.grid.question_by_key("presentation").unwrap();
    for (width, height) in [(80, 24), (140, 40)] {
        let ui = Tmux::start(
            &format!("tab-{width}"),
            &interview(home.path(), &root, &format!("R{width}")),
            width,
            height,
        );
        // The first question is a closed one (consent): Tab reaches its answer, and says so.
        let screen = ui.wait_settled("Q 1/28");
        assert!(
            status_line(&screen).contains("Tab répondre"),
            "{width}: {screen}"
        );
        // The second is open: nothing to answer, and the status line does not offer it.
        ui.keys(&["C-n"]);
        let screen = ui.wait_settled("Q 2/28");
        assert!(screen.contains("Pouvez-vous vous présenter"), "{screen}");
        assert!(status_line(&screen).contains(" NOTES "), "{screen}");
        assert!(!screen.contains("Tab répondre"), "{width}: {screen}");
        assert!(status_line(&screen).contains("Échap commandes"), "{screen}");
        // Tab pressed all the same is refused with why, and typing goes on in the notes.
        ui.keys(&["Tab"]);
        ui.wait_for("Tab : sans effet ici");
        ui.type_text("Je suis éducatrice de rue.");
        // In command mode, `a` (the answer) is no command on an open question either.
        ui.keys(&["Escape"]);
        ui.wait_for(" COMMANDES ");
        ui.keys(&["a"]);
        ui.wait_for("a : sans effet ici");
        ui.keys(&["i"]);
        ui.wait_for(" NOTES ");
        ui.type_text(" Depuis six ans.");
        ui.wait_for("Depuis six ans.");
        let pid = ui.pid();
        ui.keys(&["C-c"]);
        ui.wait_exit(pid);
    }
    for (id, respondent) in dir.session_ids().unwrap().into_iter().map(|id| {
        let s = dir.load_session(id, &study).unwrap().doc;
        (id, s.respondent.pseudonym.clone())
    }) {
        let session = dir.load_session(id, &study).unwrap().doc;
        let texts: Vec<(&str, _)> = session
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.question))
            .collect();
        assert_eq!(
            texts,
            [("Je suis éducatrice de rue. Depuis six ans.", Some(open.id))],
            "{respondent}"
        );
        // Only the consent given on the command line is an answer: Tab and `a` chose nothing.
        assert_eq!(
            session.answers.len(),
            1,
            "{respondent}: {:?}",
            session.answers
        );
        assert_eq!(session.answers.get(&consent.id), Some(&Value::Bool(true)));
    }
}

#[test]
fn after_a_crash_grille_offers_to_resume_the_interview_and_keeps_the_notes() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let ui = Tmux::start("crash", &interview(home.path(), &root, "R7"), 80, 24);
    ui.wait_for("Q 1/28");
    ui.keys(&["C-n"]);
    ui.wait_for("Q 2/28");
    let first = "Je travaille au CHU, aux urgences, depuis huit ans.";
    let second = "Une jeune femme revient souvent avec le même homme";
    ui.type_text(first);
    ui.keys(&["Enter", "Enter"]);
    ui.type_text(second);
    // The block being typed is not closed; the draft is saved, then grille is killed.
    ui.wait_for("le même homme");
    ui.wait_for("✓ enregistré");
    ui.kill_9();
    drop(ui);
    // The last keystroke saved: the journal's last record, stamped when it was written.
    let id = dir.session_ids().unwrap()[0];
    let journal = std::fs::read_to_string(dir.paths().session(id).journal).unwrap();
    let last: serde_json::Value = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    let op = last["change"]["op"].as_str().unwrap();
    assert!(["add_segment", "edit_text"].contains(&op), "{journal}");
    // Kept to the second, as every time in a session (the journal stamps to the millisecond).
    let last_saved = Time::parse_from_rfc3339(last["at"].as_str().unwrap())
        .unwrap()
        .trunc_subsecs(0);

    // Started again on the home screen: the offer, whole and in French, at 80×24.
    let ui = Tmux::start(
        "crash-again",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        80,
        24,
    );
    let screen = ui.wait_settled("Entretien interrompu");
    let said: String = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(said.contains("L'entretien avec R7"), "{screen}");
    // French punctuation stays with its word (a no-break space): no row starts with ":".
    assert!(said.contains("Le reprendre maintenant\u{a0}?"), "{screen}");
    assert!(
        !screen
            .lines()
            .any(|l| l.trim_start_matches('│').starts_with(':')),
        "{screen}"
    );
    assert!(said.contains("Entrée reprendre"), "{screen}");
    assert!(!screen.contains("Resume"), "{screen}");
    // Enter resumes it on the question it was left on; the notice says nothing is lost, and
    // when the block the crash cut short ends.
    ui.keys(&["Enter"]);
    let screen = ui.wait_settled("Entretien repris après une interruption");
    let said: String = screen.lines().collect::<Vec<_>>().join(" ");
    let ended = format!("finit à {}", last_saved.format("%H:%M:%S"));
    assert!(said.contains(&ended), "{screen}");
    assert!(screen.contains("Entretien R7"), "{screen}");
    assert!(screen.contains("Q 2/28"), "{screen}");
    assert!(screen.contains("le même homme"), "{screen}");
    ui.type_text("Elle ne parle pas français.");
    ui.wait_for("parle pas français.");
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);

    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [first, second, "Elle ne parle pas français."]);
    let (_, q2) = study.grid.question_by_key("presentation").unwrap();
    assert!(session.segments.iter().all(|s| s.question == Some(q2.id)));
    // The blocks closed by hand and on the way out have their end; the one the crash cut
    // short ends when its last keystroke was saved.
    let ends: Vec<bool> = session.segments.iter().map(|s| s.end.is_some()).collect();
    assert_eq!(ends, [true, true, true]);
    assert_eq!(session.segments[1].end, Some(last_saved));
    assert!(session.segments[1].start.unwrap() <= last_saved);
    assert!(last_saved <= session.segments[2].start.unwrap());
    assert!(
        session.ended.is_none(),
        "the interview is still in progress"
    );
}

#[test]
fn the_codebook_list_moves_with_page_down_end_and_g() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (_dir, study) = common::study_in(&root, false);
    // The codes in the list's order, worked out from the codebook file.
    let paths: Vec<String> = study
        .codebook
        .codes
        .iter()
        .map(|c| study.codebook.path(c.id).unwrap())
        .collect();
    assert_eq!(paths.len(), 49);
    for (width, height) in [(80, 24), (120, 40)] {
        let ui = Tmux::start(
            &format!("codebook-{width}"),
            &grille_command(home.path(), &format!("--study {}", root.display())),
            width,
            height,
        );
        ui.wait_for("Accueil");
        ui.keys(&["B"]);
        ui.wait_for("Livre de codes");
        // The code shown on the right is the one selected: its path, then its colour.
        let shows = |i: usize| ui.wait_settled(&format!(" {}  · ", paths[i]));
        shows(0);
        ui.keys(&["PageDown"]);
        shows(10);
        ui.keys(&["PageDown", "PageDown"]);
        // Row 30 is below the first screen at 80×24: the list has scrolled to it.
        let screen = shows(30);
        let label: String = study.codebook.codes[30].name.chars().take(20).collect();
        assert!(screen.contains(&label), "{screen}");
        ui.keys(&["End"]);
        let screen = shows(48);
        assert!(
            !screen.contains("Profil des personnes"),
            "{width}: the list scrolled to its end\n{screen}"
        );
        ui.keys(&["g"]);
        let screen = shows(0);
        assert!(screen.contains("Profil des personnes"), "{screen}");
        ui.keys(&["G"]);
        shows(48);
        ui.keys(&["PageUp"]);
        shows(38);
        ui.keys(&["Home"]);
        shows(0);
        let pid = ui.pid();
        ui.keys(&["C-c"]);
        ui.wait_exit(pid);
    }
}

#[test]
fn a_search_snippet_shows_its_match_from_a_whole_word() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    // A long answer whose searched word comes late: the snippet must be cut before it.
    let text = "Au début elle venait seule à la permanence, pour des soins, puis elle est \
                revenue avec une amie qui ne parlait presque pas, et c'est en discutant de \
                tout et de rien, des enfants, du logement, de la préfecture, qu'elle a fini \
                par dire que l'homme qui la logeait gardait son passeport dans sa voiture.";
    let now = common::time("2021-09-14T10:00:00+02:00");
    let mut session = common::new_session("R30");
    session.started = Some(now);
    session.ended = Some(now);
    session.status = Status::Done;
    session.segments.push(Segment {
        id: SegmentId::new(),
        question: study
            .grid
            .question_by_key("presentation")
            .map(|(_, q)| q.id),
        speaker: Speaker::Respondent,
        speaker_label: None,
        recording: None,
        start: Some(now),
        end: Some(now),
        text: text.into(),
    });
    drop(dir.create_session(session, &study).unwrap());
    let words: Vec<&str> = text.split_whitespace().collect();
    for (width, height) in [(80, 24), (160, 40)] {
        let ui = Tmux::start(
            &format!("snippet-{width}"),
            &grille_command(home.path(), &format!("--study {}", root.display())),
            width,
            height,
        );
        ui.wait_for("R30");
        ui.keys(&["/"]);
        ui.wait_for("Recherche");
        ui.type_text("passeport");
        let screen = ui.wait_settled("1 résultat(s)");
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("R30"))
            .unwrap_or_else(|| panic!("{screen}"));
        let snippet = lines[at + 1].trim();
        assert!(snippet.contains("passeport"), "{width}: {snippet:?}");
        // Cut on the left: an ellipsis, then a whole word of the text.
        let shown = snippet.strip_prefix('…').unwrap_or(snippet);
        let first = shown.split_whitespace().next().unwrap();
        assert!(
            words.contains(&first),
            "{width}: {first:?} is not a word of the text: {snippet:?}"
        );
        // Opened, the hit is on screen in the coding screen; Esc comes back to the results.
        ui.keys(&["Enter"]);
        let screen = ui.wait_settled("Codage R30");
        assert!(screen.contains("passeport"), "{screen}");
        ui.keys(&["Escape"]);
        ui.wait_for("1 résultat(s)");
        let pid = ui.pid();
        ui.keys(&["C-c"]);
        ui.wait_exit(pid);
    }
}

#[test]
fn wrapped_notes_start_without_a_space() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let ui = Tmux::start("wrap", &interview(home.path(), &root, "R8"), 80, 24);
    ui.wait_for("Q 1/28");
    ui.keys(&["C-n"]);
    ui.wait_for("Q 2/28");
    let note = "Elle vit à l'hôtel depuis trois mois, le gérant ferme les yeux et encaisse \
                la chambre chaque semaine sans poser de question, et les voisins ne disent rien";
    ui.type_text(note);
    let screen = ui.wait_settled("disent rien");
    // The rows of the notes box: between its two borders, each starts with a letter.
    let rows: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.split_once("││").map(|(_, r)| r.trim_end_matches('│')))
        .skip_while(|r| !r.starts_with("Elle vit"))
        .take_while(|r| !r.trim().is_empty())
        .collect();
    assert!(rows.len() >= 3, "the note wraps at 80×24:\n{screen}");
    for row in &rows {
        assert!(!row.starts_with(' '), "{row:?}\n{screen}");
    }
    let joined: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
    assert_eq!(
        joined.join(" "),
        note,
        "the rows are the note, word for word"
    );
    // Closed, the block shows in the transcript above, every row indented alike.
    ui.keys(&["Enter", "Enter"]);
    let screen = ui.wait_settled("│  Elle vit à l'hôtel");
    let block: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.split_once('│').map(|(_, r)| r))
        .skip_while(|r| !r.starts_with("Répondant·e "))
        .skip(1)
        .take_while(|r| r.starts_with("  ") && !r.trim().is_empty())
        .collect();
    assert!(block.len() >= 3, "{screen}");
    for row in &block {
        assert!(
            row.starts_with("  ") && !row.starts_with("   "),
            "{row:?}\n{screen}"
        );
    }
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);
    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [note]);
}

#[test]
fn a_merge_offers_neither_the_code_itself_nor_its_sub_codes_and_asks_first() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let row = |path: &str| {
        let id = study.codebook.by_path(path).unwrap().id;
        study
            .codebook
            .codes
            .iter()
            .position(|c| c.id == id)
            .unwrap()
    };
    let ui = Tmux::start(
        "merge",
        &grille_command(home.path(), &format!("--study {}", root.display())),
        80,
        24,
    );
    ui.wait_for("Accueil");
    ui.keys(&["B"]);
    ui.wait_for("Livre de codes");
    // On "Âge" (it has sub-codes): f lists every code but it and its sub-codes.
    for _ in 0..row("profil/age") {
        ui.keys(&["Down"]);
    }
    ui.wait_for(" profil/age  · ");
    ui.keys(&["f"]);
    let screen = ui.wait_settled("Fusionner dans");
    assert!(screen.contains("■ Genre  profil/genre"), "{screen}");
    for own in [
        "profil/age ",
        "profil/age/mineurs",
        "profil/age/jeunes-majeurs",
    ] {
        assert!(
            !screen.lines().any(|l| l.contains(&format!("  {own}"))),
            "{own} offered:\n{screen}"
        );
    }
    ui.keys(&["Escape"]);
    // On "18–25 ans": merged into "Mineur·es" after a question.
    ui.keys(&["Down", "Down"]);
    ui.wait_for(" profil/age/jeunes-majeurs  · ");
    ui.keys(&["f"]);
    ui.wait_for("Fusionner dans");
    ui.type_text("mineur");
    ui.keys(&["Enter"]);
    let screen = ui.wait_settled("Fusionner « 18–25 ans » dans « Mineur·es » ?");
    assert!(screen.contains("u : annuler"), "{screen}");
    assert!(
        dir.load_study()
            .unwrap()
            .codebook
            .by_path("profil/age/jeunes-majeurs")
            .is_some()
    );
    ui.keys(&["Enter"]);
    ui.wait_for("48 codes");
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);
    let book = dir.load_study().unwrap().codebook;
    assert!(book.by_path("profil/age/jeunes-majeurs").is_none());
    assert!(book.by_path("profil/age/mineurs").is_some());
}

#[test]
fn esc_and_commands_typed_in_one_burst_are_commands_not_notes() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let ui = Tmux::start("burst", &interview(home.path(), &root, "R9"), 80, 24);
    ui.wait_for("Q 1/28");
    for _ in 0..4 {
        ui.keys(&["C-n"]);
    }
    ui.wait_for("Q 5/28");
    ui.type_text("Elle en parle peu.");
    ui.wait_for("Elle en parle peu.");
    // Esc, k, k, k, x sent as one write, as a fast typist or a slow link delivers them: the
    // terminal then says Esc+k as Alt+k. Up three questions, then the skip question opens.
    ui.keys(&["Escape", "k", "k", "k", "x"]);
    let screen = ui.wait_settled("Q 2/28");
    assert!(screen.contains("Entrée enregistrer"), "{screen}");
    // Nothing was typed into the notes; cancelled, command mode is still on.
    ui.keys(&["Escape"]);
    let screen = ui.wait_settled(" COMMANDES ");
    assert!(!screen.contains("kkx"), "{screen}");
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);
    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Elle en parle peu."]);
    assert!(session.marks.is_empty(), "{:?}", session.marks);
}
