//! Every screen, in French and in English, at 80×24 and 200×50, reached by keys through the
//! same app and runtime as the real loop. The snapshots mark the cells whose meaning is in their
//! style (selection, cursor, coded spans, errors) under the text.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::tui::codebook::CodebookScreen;
use grille::tui::coding::CodingScreen;
use grille::tui::home::Home;
use grille::tui::interview::Interview;
use grille::tui::retrieval::RetrievalScreen;
use grille::tui::search::SearchScreen;
use grille::tui::setup::Setup;
use grille::tui::stats::StatsScreen;
use ratatui::crossterm::event::KeyCode;

/// How to reach each screen from the home screen of the example study; panics if the keys
/// led elsewhere.
fn reach(screen: &str, lang: Lang) -> Tui {
    let tui = keys_to(screen, lang);
    let reached = match screen {
        "home" => tui.app.is::<Home>(),
        "setup" => tui.app.is::<Setup>(),
        "interview" => tui.app.is::<Interview>(),
        "coding" => tui.app.is::<CodingScreen>(),
        "codebook" => tui.app.is::<CodebookScreen>(),
        "retrieval" => tui.app.is::<RetrievalScreen>(),
        "stats" => tui.app.is::<StatsScreen>(),
        "search" => tui.app.is::<SearchScreen>(),
        other => panic!("no screen {other}"),
    };
    assert!(reached, "the keys for {screen} led elsewhere");
    tui
}

fn keys_to(screen: &str, lang: Lang) -> Tui {
    if screen == "interview" {
        let mut tui = Tui::interview(lang);
        tui.type_text("Elle vivait à l'hôtel avec son compagnon.\n\n");
        tui.ctrl('t');
        tui.type_text("Depuis quand ?");
        return tui;
    }
    let mut tui = Tui::home(lang, true);
    match screen {
        "home" => {}
        "setup" => tui.key(KeyCode::Char('n')),
        "coding" | "codebook" | "retrieval" => {
            tui.key(KeyCode::Enter);
            for _ in 0..5 {
                tui.key(KeyCode::Char('}'));
            }
            // A selection of two words, shown reversed, over coded text, underlined.
            tui.key(KeyCode::Char('v'));
            tui.key(KeyCode::Char('w'));
            tui.key(KeyCode::Char('w'));
            if screen != "coding" {
                tui.key(KeyCode::Esc);
                tui.key(KeyCode::Char('B'));
                for _ in 0..12 {
                    tui.key(KeyCode::Down);
                }
            }
            if screen == "retrieval" {
                tui.key(KeyCode::Enter);
            }
        }
        "stats" => tui.key(KeyCode::Char('s')),
        "search" => {
            tui.key(KeyCode::Char('/'));
            tui.type_text("hôtel secteur:sante");
            tui.wait(300);
        }
        other => panic!("no screen {other}"),
    }
    tui
}

#[test]
fn every_screen_in_both_languages_at_both_sizes() {
    for screen in [
        "home",
        "setup",
        "interview",
        "coding",
        "codebook",
        "retrieval",
        "stats",
        "search",
    ] {
        for (lang, name) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
            for (w, h) in [(80, 24), (200, 50)] {
                let mut tui = reach(screen, lang);
                insta::assert_snapshot!(
                    format!("{screen}_{name}_{w}x{h}"),
                    tui.render_marked(w, h)
                );
            }
        }
    }
}
