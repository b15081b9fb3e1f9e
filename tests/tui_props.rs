//! Random key sequences and terminal sizes: the interface never panics, and what the screen
//! shows as typed is what the session holds on disk.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::tui::interview::Interview;
use grille::tui::msg::Msg;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Clone, Debug)]
enum Action {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Wait(i64),
    Render(u16, u16),
}

fn action() -> impl Strategy<Value = Action> {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let alt = KeyModifiers::ALT;
    let typed = prop::sample::select(vec![
        'a', 'é', 'ô', ' ', '\'', '…', 'e', '\u{301}', '日', '👩', 'q', 'i', 'x', 'o', 'n', '1',
        '5', '?',
    ])
    .prop_map(move |c| Action::Key(KeyCode::Char(c), none));
    let special = prop::sample::select(vec![
        (KeyCode::Enter, none),
        (KeyCode::Backspace, none),
        (KeyCode::Delete, none),
        (KeyCode::Left, none),
        (KeyCode::Right, none),
        (KeyCode::Up, none),
        (KeyCode::Down, none),
        (KeyCode::Home, none),
        (KeyCode::End, none),
        (KeyCode::Esc, none),
        (KeyCode::Tab, none),
        (KeyCode::F(1), none),
        (KeyCode::PageDown, none),
        (KeyCode::PageUp, none),
        (KeyCode::Char('n'), ctrl),
        (KeyCode::Char('p'), ctrl),
        (KeyCode::Char('t'), ctrl),
        (KeyCode::Char('g'), ctrl),
        (KeyCode::Char('o'), ctrl),
        (KeyCode::Char('u'), ctrl),
        (KeyCode::Char('w'), ctrl),
        (KeyCode::Char('1'), alt),
        (KeyCode::Char('s'), alt),
        (KeyCode::Char('l'), alt),
    ])
    .prop_map(|(k, m)| Action::Key(k, m));
    prop_oneof![
        6 => typed,
        4 => special,
        1 => "[a-zé \n]{0,12}".prop_map(Action::Paste),
        2 => (0i64..400).prop_map(Action::Wait),
        1 => (0u16..220, 0u16..60).prop_map(|(w, h)| Action::Render(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_and_never_lose_text(actions in prop::collection::vec(action(), 1..80)) {
        let mut tui = Tui::interview(Lang::Fr);
        for action in actions {
            match action {
                Action::Key(code, mods) => tui.send(Msg::Key(KeyEvent::new(code, mods))),
                Action::Paste(text) => tui.send(Msg::Paste(text)),
                Action::Wait(ms) => tui.wait(ms),
                Action::Render(w, h) => { tui.render(w, h); }
            }
        }
        tui.render(80, 24);
        if !tui.app.is::<Interview>() {
            // Left the interview (q in command mode): the block was closed and saved.
            return Ok(());
        }
        tui.wait(200);
        let on_disk = tui.on_disk();
        let shown = tui.interview_state();
        let held = tui.session();
        // What the interface holds is what the disk holds, segment by segment.
        let texts = |s: &grille::study::Session| -> Vec<(String, String)> {
            s.segments.iter().map(|x| (x.id.to_string(), x.text.clone())).collect()
        };
        prop_assert_eq!(texts(held), texts(&on_disk));
        prop_assert_eq!(&held.answers, &on_disk.answers);
        prop_assert_eq!(&held.codings, &on_disk.codings);
        // The block being typed is on disk as typed (normalised).
        let draft = shown.draft_text();
        match shown.draft.segment {
            Some(id) => prop_assert_eq!(&on_disk.segment(id).unwrap().text, &draft),
            None => prop_assert!(draft.trim().is_empty(), "typed text without a segment: {:?}", draft),
        }
    }
}
