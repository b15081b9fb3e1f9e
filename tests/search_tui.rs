//! The search screen: results as you type, counts beside them, a hit opens its transcript; a
//! note just typed in an interview is found at once.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::tui::coding::CodingScreen;
use grille::tui::home::Home;
use grille::tui::search::SearchScreen;
use ratatui::crossterm::event::KeyCode;

fn search(tui: &Tui) -> &SearchScreen {
    tui.screen::<SearchScreen>()
}

#[test]
fn results_follow_the_query_and_open_in_the_transcript() {
    let mut tui = Tui::home(Lang::Fr, true);
    tui.key(KeyCode::Char('/'));
    tui.type_text("conjugal");
    // Typed 100 ms apart: nothing ran yet; 250 ms after the last key the query runs.
    assert_eq!(search(&tui).results.total, 0);
    tui.wait(200);
    let results = &search(&tui).results;
    assert!(
        results.total > 0,
        "the example study speaks of proxénétisme conjugal"
    );
    // R02 and R03 speak of proxénétisme conjugal; R01's "conseillère conjugale" has the same
    // stem.
    let who: std::collections::BTreeSet<&str> =
        results.hits.iter().map(|h| h.respondent.as_str()).collect();
    assert_eq!(who.into_iter().collect::<Vec<_>>(), ["R01", "R02", "R03"]);
    insta::assert_snapshot!("search_fr_120x40", tui.render(120, 40));
    let hit = search(&tui).results.hits[0].clone();
    tui.key(KeyCode::Enter);
    let c = tui.screen::<CodingScreen>();
    assert_eq!(c.id, hit.session);
    assert_eq!(
        c.cursor.seg,
        tui.session().segment_index(hit.segment).unwrap()
    );
}

#[test]
fn a_malformed_query_says_where_and_esc_goes_back() {
    let mut tui = Tui::home(Lang::En, true);
    tui.key(KeyCode::Char('/'));
    tui.type_text("hotel code:nowhere");
    tui.wait(300);
    let (message, caret) = search(&tui).error.clone().expect("an error");
    assert!(message.contains("nowhere"), "{message}");
    assert_eq!(
        caret.find('^'),
        Some(11),
        "the caret is under the unknown code"
    );
    tui.key(KeyCode::Esc);
    assert!(tui.app.is::<Home>());
}

#[test]
fn a_note_typed_in_an_interview_is_found_at_once() {
    let mut tui = Tui::interview(Lang::Fr);
    tui.type_text("Le gérant de l'hôtel Mistral ferme les yeux.");
    tui.ctrl('f');
    tui.type_text("mistral");
    tui.wait(300);
    let results = &search(&tui).results;
    assert_eq!(results.total, 1, "{results:?}");
    assert_eq!(results.hits[0].respondent, "R07");
    // Back to the interview, where typing goes on.
    tui.key(KeyCode::Esc);
    tui.type_text(" Fin.");
    tui.wait(200);
    assert_eq!(
        tui.on_disk().segments[0].text,
        "Le gérant de l'hôtel Mistral ferme les yeux. Fin."
    );
}
