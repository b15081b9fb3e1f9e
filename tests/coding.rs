//! The coding screen and the codebook editor, driven key by key on the example study.

mod common;

use common::tui::Tui;
use grille::i18n::Lang;
use grille::study::{CodeId, SessionId};
use grille::tui::codebook::CodebookScreen;
use grille::tui::coding::{CodingScreen, Pos};
use grille::tui::retrieval::RetrievalScreen;
use grille::tui::stats::StatsScreen;
use ratatui::crossterm::event::KeyCode;

/// R01, the first example session (sage-femme, centre de santé sexuelle).
const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

fn open_r01(lang: Lang) -> Tui {
    let mut tui = Tui::home(lang, true);
    // R01 is first on the home screen (sorted by date); finished, so Enter opens it for coding.
    tui.key(KeyCode::Enter);
    assert!(tui.app.is::<CodingScreen>());
    tui
}

fn coding(tui: &Tui) -> &CodingScreen {
    tui.screen::<CodingScreen>()
}

/// The selection on the coding screen.
fn selection(tui: &Tui) -> Option<(usize, usize, usize)> {
    coding(tui).selection(tui.session())
}

fn code(tui: &Tui, path: &str) -> CodeId {
    tui.study().codebook.by_path(path).unwrap().id
}

fn r01_on_disk(tui: &Tui) -> grille::study::Session {
    let study = tui.dir.load_study().unwrap();
    tui.dir
        .load_session(R01.parse::<SessionId>().unwrap(), &study)
        .unwrap()
        .doc
}

#[test]
fn a_word_range_is_selected_and_coded() {
    let mut tui = open_r01(Lang::Fr);
    // To the 8th segment: "Je dirais une douzaine, au moins. Douze dont je suis sûre…"
    for _ in 0..7 {
        tui.key(KeyCode::Char('}'));
    }
    assert_eq!(coding(&tui).cursor.seg, 7);
    // v, then three word ends: "Je dirais une" (chars 0..13).
    tui.key(KeyCode::Char('v'));
    for _ in 0..3 {
        tui.key(KeyCode::Char('w'));
    }
    assert_eq!(selection(&tui), Some((7, 0, 13)));
    tui.key(KeyCode::Char('c'));
    tui.type_text("conj");
    tui.key(KeyCode::Enter);
    let session = r01_on_disk(&tui);
    let segment = &session.segments[7];
    let coding = session
        .codings
        .iter()
        .find(|c| c.segment == segment.id && c.code == code(&tui, "proxenetisme/conjugal"))
        .unwrap();
    assert_eq!((coding.start, coding.end), (0, 13));
    assert_eq!(coding.coder, "Camille Roux");
    tui.key(KeyCode::Char('b'));
    insta::assert_snapshot!("coding_fr_100x30", tui.render(100, 30));
}

#[test]
fn correcting_coded_text_keeps_codings_on_their_words() {
    let mut tui = open_r01(Lang::Fr);
    let conjugal = code(&tui, "proxenetisme/conjugal");
    let hotel = code(&tui, "lieux/hotel");
    // A segment of our own, coded twice, with French and an emoji sequence.
    let seg = 1;
    tui.on_screen(|screen: &mut CodingScreen, cx| {
        screen.edit_text(
            cx,
            seg,
            "Elle vit à l'hotel avec son compagnon 👩‍👧 depuis mars.",
        );
        screen.undo.clear();
        // "l'hotel" [11, 18): from its first char to its last, both in the selection.
        let coded = |step: grille::tui::screen::Step| step.notice.is_some_and(|n| !n.error);
        screen.anchor = Some(Pos { seg, off: 11 });
        screen.cursor = Pos { seg, off: 17 };
        assert!(coded(screen.apply_code(cx, hotel)));
        // "son compagnon 👩‍👧" [24, 41): the emoji sequence is three chars, 38 to 40; a
        // selection ending on a char of it takes it whole, never splitting it.
        screen.anchor = Some(Pos { seg, off: 24 });
        screen.cursor = Pos { seg, off: 39 };
        assert_eq!(
            screen.selection(cx.session(screen.id).unwrap()),
            Some((seg, 24, 41))
        );
        assert!(coded(screen.apply_code(cx, conjugal)));
        // A situation described by "l'hotel".
        let situation = grille::study::Situation {
            id: grille::study::SituationId::new(),
            label: "Hôtel de la gare".into(),
            attributes: Default::default(),
            excerpts: vec![grille::study::Excerpt {
                segment: cx.session(screen.id).unwrap().segments[seg].id,
                start: 11,
                end: 18,
            }],
            same_person_as: None,
        };
        assert!(screen.record(
            cx,
            vec![grille::study::SessionChange::PutSituation { situation }],
            Vec::new(),
            String::new(),
        ));
    });
    // Correct the text through the screen: accent, a word deleted, text added before.
    tui.key(KeyCode::Char('g'));
    tui.key(KeyCode::Char('}'));
    tui.key(KeyCode::Char('e'));
    let screen = tui.app.screen_mut::<CodingScreen>().unwrap();
    let Some(grille::tui::coding::Popup::Edit { area, .. }) = &mut screen.popup else {
        panic!("edit popup")
    };
    **area = ratatui_textarea::TextArea::from([
        "Depuis mars, elle vit à l'hôtel avec son compagnon 👩‍👧.".to_string(),
    ]);
    tui.ctrl('s');
    let session = r01_on_disk(&tui);
    let segment = &session.segments[seg];
    let span = |c: CodeId| {
        let x = session
            .codings
            .iter()
            .find(|x| x.segment == segment.id && x.code == c)
            .unwrap();
        grille::study::text::slice(&segment.text, x.start, x.end)
            .unwrap()
            .to_owned()
    };
    assert_eq!(span(hotel), "l'hôtel");
    assert_eq!(span(conjugal), "son compagnon 👩‍👧");
    // Deleting every word of a coding removes it, with a notice.
    tui.key(KeyCode::Char('e'));
    let screen = tui.app.screen_mut::<CodingScreen>().unwrap();
    let Some(grille::tui::coding::Popup::Edit { area, .. }) = &mut screen.popup else {
        panic!("edit popup")
    };
    **area = ratatui_textarea::TextArea::from([
        "Depuis mars, elle vit avec son compagnon 👩‍👧.".to_string()
    ]);
    tui.ctrl('s');
    let ours = |s: &grille::study::Session| {
        s.situations
            .iter()
            .find(|x| x.label == "Hôtel de la gare")
            .unwrap()
            .excerpts
            .clone()
    };
    let notice = tui.app.notice.clone().unwrap();
    // Said in the interface's language.
    assert!(notice.text.contains("1 codage(s) retiré(s)"), "{notice:?}");
    let session = r01_on_disk(&tui);
    assert!(
        !session
            .codings
            .iter()
            .any(|x| x.segment == session.segments[seg].id && x.code == hotel)
    );
    assert!(
        ours(&session).is_empty(),
        "its words deleted, the excerpt went with them"
    );
    // Undo brings the text and the coding back exactly.
    tui.key(KeyCode::Char('u'));
    let session = r01_on_disk(&tui);
    let segment = &session.segments[seg];
    assert_eq!(
        segment.text,
        "Depuis mars, elle vit à l'hôtel avec son compagnon 👩‍👧."
    );
    let x = session
        .codings
        .iter()
        .find(|x| x.segment == segment.id && x.code == hotel)
        .unwrap();
    assert_eq!(
        grille::study::text::slice(&segment.text, x.start, x.end).unwrap(),
        "l'hôtel"
    );
    // The situation's excerpt is back on its words too.
    let excerpt = ours(&session)[0];
    assert_eq!(
        grille::study::text::slice(&segment.text, excerpt.start, excerpt.end).unwrap(),
        "l'hôtel"
    );
}

#[test]
fn the_picker_filters_and_can_create_a_code_on_the_spot() {
    let mut tui = open_r01(Lang::Fr);
    tui.key(KeyCode::Char('}'));
    tui.key(KeyCode::Char('c'));
    tui.type_text("hébergé");
    insta::assert_snapshot!("coding_picker_fr_80x24", tui.render(80, 24));
    tui.key(KeyCode::Esc);
    tui.key(KeyCode::Char('c'));
    tui.type_text("Emprise");
    tui.ctrl('n');
    let created = tui
        .study()
        .codebook
        .by_path("emprise")
        .expect("code created")
        .id;
    let session = r01_on_disk(&tui);
    assert!(
        session
            .codings
            .iter()
            .any(|c| c.code == created && c.segment == session.segments[1].id)
    );
    assert!(
        tui.dir
            .load_study()
            .unwrap()
            .codebook
            .get(created)
            .is_some()
    );
}

#[test]
fn codebook_editor_and_retrieval_list() {
    let mut tui = open_r01(Lang::Fr);
    tui.key(KeyCode::Char('B'));
    assert!(tui.app.is::<CodebookScreen>());
    // Down to "Proxénétisme conjugal".
    let target = tui
        .study()
        .codebook
        .tree()
        .iter()
        .position(|(_, c)| c.slug == "conjugal")
        .unwrap();
    for _ in 0..target {
        tui.key(KeyCode::Down);
    }
    insta::assert_snapshot!("codebook_fr_100x30", tui.render(100, 30));
    tui.key(KeyCode::Enter);
    assert!(tui.app.is::<RetrievalScreen>());
    insta::assert_snapshot!("retrieval_fr_100x30", tui.render(100, 30));
    let r = tui.screen::<RetrievalScreen>();
    // Both sessions R02 (two coders) and R03 code proxénétisme conjugal.
    let respondents: std::collections::BTreeSet<&str> =
        r.excerpts.iter().map(|e| e.respondent.as_str()).collect();
    assert_eq!(respondents.into_iter().collect::<Vec<_>>(), ["R02", "R03"]);
    let first = r.excerpts[0].clone();
    tui.key(KeyCode::Enter);
    assert_eq!(coding(&tui).id, first.session);
    let seg = tui.session().segment_index(first.segment).unwrap();
    assert_eq!(selection(&tui), Some((seg, first.start, first.end)));
}

#[test]
fn the_coder_filter_shows_one_coder_at_a_time() {
    let mut tui = Tui::home(Lang::En, true);
    // R02 is second; Sami Benali and Léa Martin both coded it.
    tui.key(KeyCode::Down);
    tui.key(KeyCode::Enter);
    assert_eq!(coding(&tui).coder_filter, None);
    tui.key(KeyCode::Char('f'));
    assert_eq!(coding(&tui).coder_filter.as_deref(), Some("Léa Martin"));
    tui.key(KeyCode::Char('f'));
    assert_eq!(coding(&tui).coder_filter.as_deref(), Some("Sami Benali"));
    insta::assert_snapshot!("coding_filtered_en_200x50", tui.render(200, 50));
    tui.key(KeyCode::Char('f'));
    assert_eq!(coding(&tui).coder_filter, None);
}

#[test]
fn statistics_show_frequencies_and_answers_and_export_them() {
    let mut tui = Tui::home(Lang::Fr, true);
    tui.key(KeyCode::Char('s'));
    assert!(tui.app.is::<StatsScreen>());
    insta::assert_snapshot!("stats_frequencies_fr_120x40", tui.render(120, 40));
    // Sorted by respondents, largest first.
    tui.key(KeyCode::Char('s'));
    tui.key(KeyCode::Char('s'));
    tui.key(KeyCode::Char('s'));
    insta::assert_snapshot!("stats_by_respondents_en_80x24", {
        tui.app.lang = Lang::En;
        tui.render(80, 24)
    });
    tui.key(KeyCode::Tab);
    insta::assert_snapshot!("stats_answers_en_100x40", tui.render(100, 40));
    // The numeric answer's distribution: nb_personnes, values 0 to 25 over the 5 who answered.
    tui.key(KeyCode::Down);
    tui.key(KeyCode::Down);
    tui.key(KeyCode::Down);
    let screen = tui.render(100, 40);
    assert!(screen.contains("Combien de personnes"), "{screen}");
    tui.key(KeyCode::Tab);
    let persons = tui.render(100, 40);
    assert!(
        persons.contains("14 person(s) described in 15 situation(s)"),
        "{persons}"
    );
    assert!(persons.contains("Appartement ou hôtel"), "{persons}");
    insta::assert_snapshot!("stats_persons_fr_100x40", {
        tui.app.lang = Lang::Fr;
        tui.render(100, 40)
    });
    // Every report of a person, where two reports of one person are linked.
    tui.key(KeyCode::Tab);
    let reports = tui.render(100, 40);
    assert!(
        reports.contains("15 signalement(s) de 14 personne(s)"),
        "{reports}"
    );
    tui.key(KeyCode::Tab);
    let saturation = tui.render(100, 40);
    assert!(
        saturation.contains("Saturation non atteinte"),
        "{saturation}"
    );
    insta::assert_snapshot!("stats_saturation_fr_100x40", saturation);
    // The coverage by the recordings' transcripts: none in the example study, and how to add
    // one.
    tui.key(KeyCode::Tab);
    let coverage = tui.render(100, 40);
    assert!(
        coverage.contains("Aucun entretien n'a encore la transcription"),
        "{coverage}"
    );
    assert!(coverage.contains("--into"), "{coverage}");
    // Back to the answers (coverage → frequencies → answers), in English.
    tui.app.lang = Lang::En;
    tui.key(KeyCode::Tab);
    tui.key(KeyCode::Tab);
    // x writes the table shown as xlsx, and says where.
    tui.key(KeyCode::Char('x'));
    let notice = tui.app.notice.clone().unwrap();
    assert!(notice.text.starts_with("Exported: "), "{notice:?}");
    let path = std::path::PathBuf::from(notice.text.trim_start_matches("Exported: "));
    assert_eq!(path.parent().unwrap(), tui.exports);
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("grille-answers-")
    );
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheets = book.sheet_names().to_vec();
    let range = book.worksheet_range(&sheets[0]).unwrap();
    assert!(range.rows().count() > 5, "the answers table has rows");
}

#[test]
fn a_mouse_drag_selects_an_excerpt() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut tui = open_r01(Lang::Fr);
    let screen = tui.render(100, 30);
    // The first segment, by the interviewer: "Rappel du cadre : diagnostic mené pour…"
    let y = screen
        .lines()
        .position(|l| l.contains("Rappel du cadre"))
        .unwrap() as u16;
    let mouse = |kind, column| {
        grille::tui::msg::Msg::Mouse(MouseEvent {
            kind,
            column,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The text starts after the 5 columns of the margin. A drag from "R" to the "u" of "du"
    // (column 13) selects "Rappel du": the char under the mouse where it stops is taken in.
    tui.send(mouse(MouseEventKind::Down(MouseButton::Left), 5));
    tui.send(mouse(MouseEventKind::Drag(MouseButton::Left), 13));
    tui.send(mouse(MouseEventKind::Up(MouseButton::Left), 13));
    assert_eq!(selection(&tui), Some((0, 0, 9)));
    // A click without a drag places the cursor and selects nothing.
    tui.send(mouse(MouseEventKind::Down(MouseButton::Left), 12));
    tui.send(mouse(MouseEventKind::Up(MouseButton::Left), 12));
    assert_eq!(selection(&tui), None);
    assert_eq!(coding(&tui).cursor.off, 7);
}

#[test]
fn a_segment_is_attached_to_another_question_and_back() {
    let mut tui = open_r01(Lang::Fr);
    let before = r01_on_disk(&tui).segments[0].question;
    assert!(before.is_some());
    tui.key(KeyCode::Char('a'));
    // The list opens on the segment's question; the first entry is "outside the grid".
    for _ in 0..40 {
        tui.key(KeyCode::Up);
    }
    tui.key(KeyCode::Enter);
    assert_eq!(r01_on_disk(&tui).segments[0].question, None);
    tui.key(KeyCode::Char('u'));
    assert_eq!(r01_on_disk(&tui).segments[0].question, before);
}
