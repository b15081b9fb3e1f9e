//! Every binding declared once: on every screen, in every mode, a key does something exactly
//! when `F1` lists it. Each key of a wide set (letters, digits, signs, Ctrl and Alt with
//! letters and digits, function keys, arrows with Shift, Ctrl and Alt…) is pressed on a screen
//! in a known state; a key `F1` does not list must be refused with a message (never swallowed,
//! never typed where it was not meant), a key it lists must not be.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::tui::codebook::CodebookScreen;
use grille::tui::coding::CodingScreen;
use grille::tui::home::Home;
use grille::tui::interview::popup::Popup;
use grille::tui::interview::{Focus, Interview};
use grille::tui::keymap::key_name;
use grille::tui::msg::Msg;
use grille::tui::pseudonyms::PseudonymScreen;
use grille::tui::retrieval::RetrievalScreen;
use grille::tui::search::SearchScreen;
use grille::tui::setup::Setup;
use grille::tui::stats::StatsScreen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keys pressed on every screen.
fn universe() -> Vec<KeyEvent> {
    let none = KeyModifiers::NONE;
    let mut keys = Vec::new();
    let chars = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain("/?(){}$.,;:'\"!-éà ".chars());
    for c in chars {
        keys.push(KeyEvent::new(KeyCode::Char(c), none));
    }
    for c in ('a'..='z').chain('0'..='9') {
        if c != 'c' {
            keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        }
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    }
    for n in 2..=12 {
        keys.push(KeyEvent::new(KeyCode::F(n), none));
    }
    let specials = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ];
    for code in specials {
        for mods in [
            none,
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
        ] {
            keys.push(KeyEvent::new(code, mods));
        }
    }
    keys.push(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    keys
}

/// What a screen is in: its kind, its mode, whether a popup is open, whether F1 is shown.
fn state(tui: &Tui) -> String {
    let app = &tui.app;
    let kind = if let Some(i) = app.screen::<Interview>() {
        let field = match &i.popup {
            Some(Popup::Situation(form)) => form.form.focus,
            _ => 0,
        };
        format!(
            "interview {:?} popup {} field {field}",
            i.focus,
            i.popup.is_some()
        )
    } else if let Some(c) = app.screen::<CodingScreen>() {
        format!("coding popup {}", c.popup.is_some())
    } else if let Some(c) = app.screen::<CodebookScreen>() {
        format!("codebook popup {}", c.popup.is_some())
    } else if let Some(h) = app.screen::<Home>() {
        format!("home offer {}", h.resume.is_some())
    } else if let Some(s) = app.screen::<Setup>() {
        format!("setup {} review {}", s.form.focus, s.form.review)
    } else if app.is::<RetrievalScreen>() {
        "retrieval".into()
    } else if app.is::<StatsScreen>() {
        "stats".into()
    } else if app.is::<SearchScreen>() {
        "search".into()
    } else if let Some(p) = app.screen::<PseudonymScreen>() {
        format!("pseudonyms {:?}", p.counts())
    } else {
        "other".into()
    };
    format!(
        "{kind} depth {} help {} quit {}",
        app.depth(),
        app.help,
        app.quit
    )
}

/// The key names of every row of `F1` on the screen as it is.
fn help_names(tui: &Tui) -> Vec<String> {
    tui.app
        .help()
        .iter()
        .flat_map(|s| s.rows.iter())
        .flat_map(|(keys, _)| keys.split("  ").map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// Whether `F1` lists the key: by its name, as one of the digits, or as a character typed.
fn listed(names: &[String], key: &KeyEvent, tui: &Tui) -> bool {
    let t = tui.app.texts();
    let name = key_name(key, t);
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let has = |n: &str| names.iter().any(|x| x == n);
    has(&name)
        || matches!(key.code, KeyCode::Char('1'..='9')) && plain && has("1…9")
        || matches!(key.code, KeyCode::Char('1'..='9'))
            && key.modifiers == KeyModifiers::ALT
            && has("Alt+1…9")
        || matches!(key.code, KeyCode::Char(_)) && plain && has(t.keys.typing)
}

/// Whether the key was refused as a key of no table (and not for another reason, such as a 7
/// on a scale of 1 to 5).
fn refused(tui: &Tui, key: &KeyEvent) -> bool {
    let t = tui.app.texts();
    let name = key_name(key, t);
    tui.app.notice.as_ref().is_some_and(|n| {
        n.error
            && [
                format!("{name} : sans effet ici"),
                format!("{name} n'est pas une réponse"),
                format!("{name} n'est pas une commande"),
            ]
            .iter()
            .any(|p| n.text.starts_with(p.as_str()))
    })
}

/// Presses every key of the universe on the screen `build` makes; the screen is made again
/// after a key that changed its state. Returns how many keys were pressed.
fn check(label: &str, build: impl Fn() -> Tui) -> usize {
    let mut tui = build();
    let start = state(&tui);
    let names = help_names(&tui);
    assert!(!names.is_empty(), "{label}: no help");
    let mut problems = Vec::new();
    let keys = universe();
    for key in &keys {
        tui.send(Msg::Key(*key));
        let is_listed = listed(&names, key, &tui);
        let was_refused = refused(&tui, key);
        if is_listed == was_refused {
            let name = key_name(key, tui.app.texts());
            problems.push(format!(
                "{name}: listed {is_listed}, refused {was_refused} ({:?})",
                tui.app.notice
            ));
        }
        if state(&tui) != start {
            tui = build();
        }
    }
    assert!(problems.is_empty(), "{label}:\n{}", problems.join("\n"));
    keys.len()
}

fn interview(focus: Option<char>) -> Tui {
    // On a yes/no question.
    interview_on("deja_identifie", focus)
}

fn interview_on(question: &str, focus: Option<char>) -> Tui {
    let mut tui = Tui::interview(Lang::Fr);
    let study = tui.study().clone();
    let (_, q) = study.grid.question_by_key(question).unwrap();
    tui.on_screen(|i: &mut Interview, cx| i.go_to(cx, q.id));
    tui.type_text("Une note.");
    match focus {
        Some('a') => tui.key(KeyCode::Tab),
        Some('c') => tui.key(KeyCode::Esc),
        _ => {}
    }
    tui
}

#[test]
fn on_the_interview_screen_a_key_works_exactly_when_f1_lists_it() {
    let n = check("notes", || interview(None));
    assert!(n > 200);
    check("answer", || {
        let tui = interview(Some('a'));
        assert_eq!(tui.interview_state().focus, Focus::Answer);
        tui
    });
    check("commands", || {
        let tui = interview(Some('c'));
        assert_eq!(tui.interview_state().focus, Focus::Command);
        tui
    });
    // An open question has no answer: Tab (and `a` in commands) reach nothing, and neither
    // the footer nor F1 offers them.
    check("notes, open question", || {
        interview_on("presentation", None)
    });
    check("commands, open question", || {
        let tui = interview_on("presentation", Some('c'));
        assert_eq!(tui.interview_state().focus, Focus::Command);
        tui
    });
    check("situation form", || {
        let mut tui = interview(None);
        tui.alt('s');
        tui.key(KeyCode::Tab);
        tui
    });
    check("code picker", || {
        let mut tui = interview(None);
        tui.ctrl('o');
        tui
    });
    check("grid outline", || {
        let mut tui = interview(None);
        tui.ctrl('g');
        tui
    });
}

#[test]
fn on_the_other_screens_a_key_works_exactly_when_f1_lists_it() {
    check("home", || Tui::home(Lang::Fr, true));
    check("setup, a text", || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Char('n'));
        tui
    });
    check("setup, a choice", || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Char('n'));
        tui.key(KeyCode::Tab);
        tui.key(KeyCode::Tab);
        tui
    });
    let coding = || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Enter);
        assert!(tui.app.is::<CodingScreen>());
        tui
    };
    check("coding", coding);
    // A session with the recording's transcript: its keys (layers, proposals) are in F1.
    check("coding, transcript", || {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("etude");
        let (dir, study) = common::study_in(&root, false);
        let session = common::layered::layered_session(&root, tmp.path(), &dir, &study);
        assert_eq!(session.transcript.as_ref().unwrap().proposals.len(), 2);
        let mut tui = Tui::on(dir, Lang::Fr, tmp);
        tui.start(grille::tui::runtime::Start::Home);
        tui.key(KeyCode::Char('c'));
        let screen = tui.screen::<CodingScreen>();
        assert!(screen.layered);
        tui
    });
    check("coding, the quote mark", || {
        let mut tui = coding();
        // A coding of the first word with the first quick code, then its quote popup.
        tui.key(KeyCode::Char('v'));
        tui.key(KeyCode::Char('w'));
        tui.alt('1');
        tui.key(KeyCode::Char('"'));
        assert!(tui.app.screen::<CodingScreen>().unwrap().popup.is_some());
        tui
    });
    check("codebook", || {
        let mut tui = coding();
        tui.key(KeyCode::Char('B'));
        tui
    });
    check("retrieval", || {
        let mut tui = coding();
        tui.key(KeyCode::Char('B'));
        tui.key(KeyCode::Down);
        tui.key(KeyCode::Enter);
        assert!(tui.app.is::<RetrievalScreen>());
        tui
    });
    check("statistics", || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Char('s'));
        tui
    });
    check("search", || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Char('/'));
        tui
    });
    check("pseudonymisation", || {
        let mut tui = Tui::home(Lang::Fr, true);
        tui.key(KeyCode::Char('p'));
        let screen = tui.app.screen::<PseudonymScreen>().unwrap();
        assert!(screen.counts().2 > 0, "proposals to review");
        tui
    });
}
