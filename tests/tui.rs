//! The interview screen and the home screen, driven key by key through the real update
//! function and runtime, on a real study folder; screens snapshotted in French and English.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::study::{Mark, Speaker, Value};
use grille::tui::coding::CodingScreen;
use grille::tui::home::Home;
use grille::tui::interview::{Focus, Interview};
use grille::tui::setup::Setup;
use ratatui::crossterm::event::KeyCode;

#[test]
fn home_lists_the_sessions_by_date_with_their_state() {
    // The screen itself is snapshotted in screens.rs; here, what the list holds.
    let tui = Tui::home(Lang::Fr, true);
    let home = tui.screen::<Home>();
    let rows: Vec<(&str, &str, usize, usize)> = home
        .rows
        .iter()
        .map(|r| {
            let status = match r.status {
                grille::study::Status::InProgress => "en cours",
                grille::study::Status::Done => "terminé",
            };
            (r.respondent.as_str(), status, r.segments, r.codings)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("R01", "terminé", 19, 15),
            ("R02", "terminé", 20, 30),
            ("R03", "terminé", 20, 15),
            ("R04", "terminé", 17, 13),
            ("R05", "en cours", 13, 8),
            ("R06", "terminé", 17, 13),
        ]
    );
    assert_eq!(home.selected, 0);
}

#[test]
fn the_first_frame_comes_before_the_sessions_are_read() {
    let mut tui = Tui::new(Lang::Fr, true);
    tui.app.now = tui.now;
    tui.runtime
        .start(&mut tui.app, grille::tui::runtime::Start::Home);
    // Nothing waited for the worker: the home screen says it is reading.
    assert!(tui.runtime.busy());
    let screen = tui.render_now(80, 24);
    assert!(screen.contains("Chargement des entretiens…"), "{screen}");
    tui.settle();
    let screen = tui.render(80, 24);
    assert!(screen.contains("R06"), "{screen}");
    assert!(!screen.contains('⟳'), "the work is over: {screen}");
}

#[test]
fn work_in_the_background_shows_on_the_status_line() {
    use grille::tui::msg::{Msg, Progress, Work};
    let mut tui = Tui::home(Lang::Fr, true);
    tui.send(Msg::Progress(Progress {
        what: Work::Indexing,
        done: 120,
        total: 1000,
    }));
    let screen = tui.render(80, 24);
    let status = screen.lines().nth(23).unwrap();
    assert!(status.ends_with("⟳ Indexation 120/1000"), "{status}");
    // Keys are answered meanwhile.
    tui.key(KeyCode::Char('n'));
    assert!(tui.app.is::<Setup>());
}

#[test]
fn setup_requires_a_pseudonym_and_consent() {
    let mut tui = Tui::home(Lang::Fr, false);
    tui.key(KeyCode::Char('n'));
    assert!(tui.app.is::<Setup>());
    let notice = |tui: &Tui| {
        tui.app
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    };
    // Ctrl+S shows every value for review; starting without a pseudonym is refused, with the
    // reason, and the form comes back.
    tui.ctrl('s');
    assert!(tui.screen::<Setup>().form.review);
    tui.key(KeyCode::Enter);
    assert!(tui.app.is::<Setup>());
    assert!(notice(&tui).contains("pseudonyme"), "{}", notice(&tui));
    assert!(!tui.screen::<Setup>().form.review);
    // Pseudonym typed; Tab, one field at a time, to consent; refused there (n).
    tui.key(KeyCode::Tab);
    tui.type_text("R09");
    let last = tui.screen::<Setup>().form.fields.len() - 1;
    while tui.screen::<Setup>().form.focus < last {
        let before = tui.screen::<Setup>().form.focus;
        tui.key(KeyCode::Tab);
        assert_eq!(
            tui.screen::<Setup>().form.focus,
            before + 1,
            "one field a Tab"
        );
    }
    tui.key(KeyCode::Char('n'));
    assert!(tui.app.is::<Setup>(), "choosing never starts anything");
    tui.ctrl('s');
    tui.key(KeyCode::Enter);
    assert!(notice(&tui).contains("consentement"), "{}", notice(&tui));
    assert!(
        tui.dir.session_ids().unwrap().is_empty(),
        "nothing was recorded"
    );
    // Consent given, reviewed, confirmed: the interview starts, the session exists on disk
    // with its consent, and the grid's consent question says yes.
    tui.key(KeyCode::Char('o'));
    assert!(tui.app.is::<Setup>(), "choosing never starts anything");
    tui.key(KeyCode::Enter);
    let review = tui.render(100, 30);
    assert!(review.contains("R09") && review.contains("Oui"), "{review}");
    tui.key(KeyCode::Enter);
    assert!(tui.app.is::<Interview>(), "confirmed, the interview starts");
    let session = tui.on_disk();
    assert_eq!(session.respondent.pseudonym, "R09");
    assert!(session.has_consent());
    let study = tui.study().clone();
    let consent = study.grid.consent_question().unwrap();
    assert_eq!(session.answers.get(&consent.id), Some(&Value::Bool(true)));
}

#[test]
fn typed_notes_are_on_disk_within_the_draft_delay() {
    let mut tui = Tui::interview(Lang::Fr);
    assert_eq!(
        tui.interview_state().focus,
        Focus::Notes,
        "typing starts at once"
    );
    tui.type_text("L'hôtelier a dit… « rien vu »");
    // The last key was typed 100 ms ago; the draft is written 150 ms after the first key not
    // yet saved: 50 ms more and everything typed is on disk.
    assert_eq!(
        tui.on_disk().segments[0].text,
        "L'hôtelier a dit… « rien vu "
    );
    tui.wait(50);
    let on_disk = tui.on_disk();
    assert_eq!(on_disk.segments.len(), 1);
    assert_eq!(on_disk.segments[0].text, "L'hôtelier a dit… « rien vu »");
    assert_eq!(on_disk.segments[0].speaker, Speaker::Respondent);
    tui.type_text(" !");
    tui.wait(150);
    assert_eq!(
        tui.on_disk().segments[0].text,
        "L'hôtelier a dit… « rien vu » !"
    );
}

#[test]
fn enter_twice_closes_the_block_and_the_speaker_toggles() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Première réponse.\n\n");
    tui.ctrl('t');
    tui.type_text("Et ensuite ?");
    tui.ctrl('t');
    tui.type_text("Ensuite elle est partie.");
    tui.wait(200);
    let s = tui.on_disk();
    let said: Vec<(&str, Speaker)> = s
        .segments
        .iter()
        .map(|x| (x.text.as_str(), x.speaker))
        .collect();
    assert_eq!(
        said,
        [
            ("Première réponse.", Speaker::Respondent),
            ("Et ensuite ?", Speaker::Interviewer),
            ("Ensuite elle est partie.", Speaker::Respondent),
        ]
    );
    // Closed blocks have an end time; the one being typed does not yet.
    assert!(s.segments[0].end.is_some() && s.segments[1].end.is_some());
    assert!(s.segments[2].end.is_none());
    insta::assert_snapshot!("interview_fr_80x24", tui.render(80, 24));
}

#[test]
fn closed_questions_take_a_key_and_numbers_refuse_letters() {
    let mut tui = Tui::interview(Lang::En);
    let study = tui.study().clone();
    let (_, deja) = study.grid.question_by_key("deja_identifie").unwrap();
    let (_, nb) = study.grid.question_by_key("nb_personnes").unwrap();
    // Jump to "deja_identifie" with the grid outline.
    tui.ctrl('g');
    let target = study.grid.position(deja.id).unwrap();
    for _ in 0..target {
        tui.key(KeyCode::Down);
    }
    tui.key(KeyCode::Enter);
    assert_eq!(tui.interview_state().question, Some(deja.id));
    // Arriving, the keyboard is in the notes: y is a letter of the notes.
    assert_eq!(tui.interview_state().focus, Focus::Notes);
    tui.key(KeyCode::Tab);
    assert_eq!(tui.interview_state().focus, Focus::Answer);
    tui.key(KeyCode::Char('y'));
    assert_eq!(
        tui.on_disk().answers.get(&deja.id),
        Some(&Value::Bool(true))
    );
    assert_eq!(
        tui.interview_state().focus,
        Focus::Notes,
        "answered: on to the notes"
    );
    // The next question is a number.
    tui.ctrl('n');
    assert_eq!(tui.interview_state().question, Some(nb.id));
    tui.key(KeyCode::Tab);
    tui.type_text("1");
    tui.key(KeyCode::Char('x'));
    let notice = tui.app.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("A number is expected"),
        "{notice:?}"
    );
    tui.type_text("2");
    tui.key(KeyCode::Enter);
    assert_eq!(
        tui.on_disk().answers.get(&nb.id),
        Some(&Value::Number(12.0))
    );
    insta::assert_snapshot!("interview_number_en_200x50", tui.render(200, 50));
}

#[test]
fn skipping_marks_the_question_and_moves_on() {
    let mut tui = Tui::interview(Lang::Fr);
    let first = tui.interview_state().question.unwrap();
    tui.key(KeyCode::Esc);
    tui.key(KeyCode::Char('x'));
    tui.type_text("pas le temps");
    tui.key(KeyCode::Enter);
    let s = tui.on_disk();
    assert_eq!(
        s.marks.get(&first),
        Some(&Mark::Skipped {
            reason: "pas le temps".into()
        })
    );
    assert_ne!(tui.interview_state().question, Some(first));
}

#[test]
fn quick_coding_covers_the_whole_segment_even_as_it_grows() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Son compagnon la");
    tui.alt('1');
    tui.type_text(" fait travailler à l'hôtel.\n\n");
    let s = tui.on_disk();
    assert_eq!(s.codings.len(), 1);
    let c = &s.codings[0];
    let text = &s.segments[0].text;
    assert_eq!(
        (c.start, c.end),
        (0, text.chars().count()),
        "stretched to the whole block"
    );
    assert_eq!(c.coder, "Camille Roux");
}

#[test]
fn a_situation_is_described_and_linked_to_the_segment() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Une jeune femme hébergée contre des actes sexuels.");
    tui.alt('s');
    insta::assert_snapshot!("situation_form_fr_80x24", tui.render(80, 24));
    tui.type_text("Jeune femme hébergée");
    tui.key(KeyCode::Tab);
    tui.key(KeyCode::Char('1')); // genre: first option
    // Ctrl+S shows the values for review; Enter saves.
    tui.ctrl('s');
    insta::assert_snapshot!("situation_review_fr_80x24", tui.render(80, 24));
    assert!(
        tui.on_disk().situations.is_empty(),
        "not saved before review"
    );
    tui.key(KeyCode::Enter);
    let s = tui.on_disk();
    assert_eq!(s.situations.len(), 1);
    let situation = &s.situations[0];
    assert_eq!(situation.label, "Jeune femme hébergée");
    assert_eq!(
        situation.attributes.get("genre"),
        Some(&Value::Text("femme".into()))
    );
    assert_eq!(situation.excerpts.len(), 1);
    assert_eq!(situation.excerpts[0].segment, s.segments[0].id);
}

#[test]
fn pausing_and_resuming_returns_to_the_last_question() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.ctrl('n');
    tui.ctrl('n');
    let third = tui.interview_state().question.unwrap();
    tui.type_text("Notes de la troisième question");
    tui.ctrl('q');
    assert!(tui.app.is::<Home>());
    tui.key(KeyCode::Enter);
    assert_eq!(tui.interview_state().question, Some(third));
    assert_eq!(tui.interview_state().focus, Focus::Notes);
    assert_eq!(
        tui.on_disk().segments[0].text,
        "Notes de la troisième question"
    );
}

#[test]
fn finishing_lists_what_is_not_covered_and_asks() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Présentation faite.");
    tui.key(KeyCode::Esc);
    tui.key(KeyCode::Char('f'));
    insta::assert_snapshot!("finish_fr_80x24", tui.render(80, 24));
    tui.key(KeyCode::Char('n'));
    assert!(tui.app.is::<Interview>(), "n keeps the interview open");
    // Command mode stays on after the question.
    assert_eq!(tui.interview_state().focus, Focus::Command);
    tui.key(KeyCode::Char('f'));
    tui.key(KeyCode::Char('o'));
    assert!(tui.app.is::<Home>());
    let id = tui.dir.session_ids().unwrap()[0];
    let study = tui.dir.load_study().unwrap();
    let s = tui.dir.load_session(id, &study).unwrap().doc;
    assert_eq!(s.status, grille::study::Status::Done);
    assert!(s.ended.is_some());
}

#[test]
fn help_and_picker_render_in_both_languages() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.key(KeyCode::F(1));
    insta::assert_snapshot!("help_interview_fr_80x24", tui.render(80, 24));
    // Every key of every row is on screen whole at 80×24 (scrolled to), none cut.
    let mut seen = tui.render(80, 24);
    for _ in 0..20 {
        tui.key(KeyCode::Down);
        seen.push_str(&tui.render(80, 24));
    }
    for (keys, _) in tui.app.help().iter().flat_map(|s| s.rows.clone()) {
        for key in keys.split("  ") {
            assert!(seen.contains(key), "{key} is not in the help:\n{seen}");
        }
    }
    tui.key(KeyCode::Esc);
    tui.ctrl('o');
    tui.type_text("conj");
    insta::assert_snapshot!("picker_fr_80x24", tui.render(80, 24));
    let mut tui = Tui::interview(Lang::En);
    tui.key(KeyCode::F(1));
    insta::assert_snapshot!("help_interview_en_200x50", tui.render(200, 50));
}

#[test]
fn tiny_terminals_say_so_and_resizing_keeps_the_state() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Texte gardé");
    for (w, h) in [(20, 6), (1, 1), (43, 30), (100, 11), (0, 0)] {
        let screen = tui.render(w, h);
        if w >= 20 && h >= 6 {
            assert!(screen.contains("Terminal trop petit"), "{w}×{h}:\n{screen}");
        }
    }
    let screen = tui.render(80, 24);
    assert!(screen.contains("Texte gardé"));
    assert_eq!(tui.interview_state().draft_text(), "Texte gardé");
}

#[test]
fn a_resumed_session_counts_only_recorded_time() {
    let mut tui = Tui::home(Lang::Fr, true);
    // R05, in progress, recorded on 2021-07-06 from 18:21 (started) to 18:41 (last segment).
    for _ in 0..4 {
        tui.key(KeyCode::Down);
    }
    // Opened in the middle of a second, and typing starts within that second: the new
    // segment's time (kept to the second) is before the opening instant.
    tui.now += chrono::Duration::milliseconds(700);
    tui.key(KeyCode::Enter);
    tui.ctrl('p');
    let before = tui.interview_state().elapsed(tui.session(), tui.now);
    tui.type_text("Elle cite l'hôtel");
    tui.wait(1000);
    let after = tui.interview_state().elapsed(tui.session(), tui.now);
    assert!(before < chrono::Duration::hours(1), "{before}");
    assert_eq!(
        after - before,
        chrono::Duration::milliseconds(100 * 17 + 1000)
    );
    // Left, then resumed the next day: the night is not counted.
    tui.ctrl('q');
    tui.now += chrono::Duration::days(1);
    // Back on the list, the selection is still on the session left.
    let home = tui.screen::<Home>();
    assert_eq!(home.rows[home.selected].respondent, "R05");
    tui.key(KeyCode::Enter);
    let again = tui.interview_state().elapsed(tui.session(), tui.now);
    assert!(
        again >= after && again < after + chrono::Duration::seconds(2),
        "{after} then {again}"
    );
}

#[test]
fn no_note_can_be_taken_without_recorded_consent() {
    let mut tui = Tui::new(Lang::Fr, false);
    // An imported transcript: nobody stated that consent was given.
    let study = tui.dir.load_study().unwrap();
    let session = common::new_session("R12");
    let id = session.id;
    drop(tui.dir.create_session(session, &study).unwrap());
    tui.start(grille::tui::runtime::Start::Home);
    tui.key(KeyCode::Char('i'));
    tui.type_text("note");
    tui.wait(300);
    assert!(
        tui.app
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("consentement"),
        "{:?}",
        tui.app.notice
    );
    assert!(
        tui.dir
            .load_session(id, &study)
            .unwrap()
            .doc
            .segments
            .is_empty()
    );
}

#[test]
fn a_click_on_a_scrolled_session_list_lands_on_the_row_shown() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut tui = Tui::home(Lang::Fr, true);
    // 80×12: room for 5 of the 6 sessions; the last selected, the list shows R02 to R06.
    tui.render(80, 12);
    tui.key(KeyCode::End);
    let screen = tui.render(80, 12);
    let y = screen.lines().position(|l| l.contains("R02")).unwrap() as u16;
    let click = |kind| {
        grille::tui::msg::Msg::Mouse(MouseEvent {
            kind,
            column: 20,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    tui.send(click(MouseEventKind::Down(MouseButton::Left)));
    let home = tui.screen::<Home>();
    assert_eq!(home.rows[home.selected].respondent, "R02");
    // A second click opens it; R02 is finished: on the coding screen.
    tui.send(click(MouseEventKind::Down(MouseButton::Left)));
    assert!(tui.app.is::<CodingScreen>());
}

#[test]
fn keys_are_answered_while_the_sessions_are_read() {
    let mut tui = Tui::new(Lang::Fr, true);
    tui.app.now = tui.now;
    tui.runtime
        .start(&mut tui.app, grille::tui::runtime::Start::Home);
    // `n` before the list has come: the form opens at once.
    tui.runtime.handle(
        &mut tui.app,
        grille::tui::msg::Msg::Key(KeyCode::Char('n').into()),
    );
    assert!(tui.app.is::<Setup>());
    // The list arrives under the form; back on the home screen, it is there.
    tui.settle();
    assert!(tui.app.is::<Setup>());
    tui.key(KeyCode::Esc);
    assert_eq!(tui.screen::<Home>().rows.len(), 6);
}

#[test]
fn an_interview_under_another_session_takes_its_session_back() {
    let mut tui = Tui::home(Lang::Fr, true);
    // R05 is in progress: Enter resumes its interview.
    for _ in 0..4 {
        tui.key(KeyCode::Down);
    }
    tui.key(KeyCode::Enter);
    let r05 = tui.interview_state().id;
    tui.type_text("Elle parle de l'hôtel de la gare.");
    // A search from the interview, and a hit in another session opened for coding: that
    // session is the open one now.
    tui.ctrl('f');
    tui.type_text("dépistage");
    tui.wait(300);
    let hit = tui
        .screen::<grille::tui::search::SearchScreen>()
        .results
        .hits[0]
        .clone();
    assert_ne!(hit.session, r05);
    tui.key(KeyCode::Enter);
    assert_eq!(tui.session().id, hit.session);
    // Back (Esc clears the excerpt's selection first), through the results, to the interview:
    // it has its session again, and typing goes on in the same block.
    while tui.app.is::<CodingScreen>() {
        tui.key(KeyCode::Esc);
    }
    assert!(tui.app.is::<grille::tui::search::SearchScreen>());
    tui.key(KeyCode::Esc);
    assert!(tui.app.is::<Interview>());
    assert_eq!(tui.session().id, r05);
    tui.type_text(" Le gérant sait.");
    tui.wait(200);
    let said: Vec<String> = tui
        .on_disk()
        .segments
        .iter()
        .map(|s| s.text.clone())
        .filter(|t| t.starts_with("Elle parle"))
        .collect();
    assert_eq!(said, ["Elle parle de l'hôtel de la gare. Le gérant sait."]);
}

#[test]
fn back_ends_on_the_home_screen_and_esc_there_leaves() {
    let mut tui = Tui::home(Lang::Fr, true);
    tui.key(KeyCode::Char('B'));
    tui.key(KeyCode::Char('/'));
    assert_eq!(tui.app.depth(), 3);
    tui.key(KeyCode::Esc);
    tui.key(KeyCode::Esc);
    assert!(tui.app.is::<Home>());
    assert!(!tui.app.quit);
    tui.key(KeyCode::Esc);
    assert!(tui.app.quit, "Esc on the home screen leaves grille");
}
