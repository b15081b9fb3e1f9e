//! A live interview of the default grid, typed into the real binary in a real terminal (tmux)
//! as an interviewer would, with every trap of issue 10 on the way: sentences typed on yes/no
//! questions (`Je connais…`, `Non, pas…`), Tab then `o`, `Esc k k k x`, digits and Tabs in the
//! situation form, a click on a row of the grid, a 7 on a scale of 1 to 5. Then the session
//! file is read as JSON and every note, answer, situation field and mark is checked.

mod common;

use std::collections::BTreeMap;

use common::tmux::{self, Tmux, grille_command};
use grille::study::{QuestionId, Study, Value};
use serde_json::{Value as Json, json};

fn question(study: &Study, key: &str) -> QuestionId {
    study
        .grid
        .question_by_key(key)
        .unwrap_or_else(|| panic!("the grid has no question {key}"))
        .1
        .id
}

/// The beginning of a question's text, as the screen shows it.
fn text_of(study: &Study, key: &str) -> String {
    let (_, q) = study.grid.question_by_key(key).unwrap();
    q.text.chars().take(24).collect()
}

/// The digit that chooses an option of a situation attribute, from the study itself (the
/// options may be reordered without this test changing).
fn digit(study: &Study, attribute: &str, option: &str) -> String {
    let a = study.meta.situation_attribute(attribute).unwrap();
    let i = a
        .kind
        .options()
        .iter()
        .position(|o| o.key == option)
        .unwrap_or_else(|| panic!("{attribute} has no option {option}"));
    assert!(i < 9, "{attribute}:{option} has no digit");
    (i + 1).to_string()
}

/// The situation form filled as an interviewer does: Tab to each field that applies, digits
/// for its options. Returns the values chosen.
fn fill_situation(ui: &Tmux, study: &Study, wanted: &[(&str, &[&str])]) -> BTreeMap<String, Value> {
    let wanted: BTreeMap<&str, &[&str]> = wanted.iter().copied().collect();
    let mut chosen = BTreeMap::new();
    for a in &study.meta.situation_attributes {
        if a.when.as_ref().is_some_and(|c| !c.holds(&chosen)) {
            // A detail that does not apply: Tab goes past it.
            continue;
        }
        ui.keys(&["Tab"]);
        let Some(options) = wanted.get(a.key.as_str()) else {
            continue;
        };
        for option in *options {
            ui.type_text(&digit(study, &a.key, option));
        }
        let value = if matches!(a.kind, grille::study::ValueKind::Choices { .. }) {
            Value::List(options.iter().map(|o| (*o).to_owned()).collect())
        } else {
            Value::Text(options[0].to_owned())
        };
        chosen.insert(a.key.clone(), value);
    }
    chosen
}

#[test]
fn a_live_interview_lands_every_key_where_it_was_meant() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let total = study.grid.question_count();
    let q = |key: &str| question(&study, key);
    let ui = Tmux::start(
        "live",
        &grille_command(
            home.path(),
            &format!(
                "--study {} interview --interviewer 'Camille Roux' --respondent R21 --attr secteur=social --consent given",
                root.display()
            ),
        ),
        120,
        40,
    );
    ui.wait_for(&format!("Q 1/{total}"));
    // Typing is note-taking from the first key, on the consent question too.
    let screen = ui.wait_for(" NOTES ");
    // The quick codes and their keys, on screen.
    let first = study.quick_codes()[0].unwrap();
    let name = &study.codebook.get(first).unwrap().name;
    assert!(screen.contains(" Alt+ 1 ■ "), "{screen}");
    assert!(screen.contains("Conjugal"), "{name} on the bar:\n{screen}");
    ui.type_text("Accord oral, anonymat rappelé.");
    ui.keys(&["C-n"]);
    ui.wait_for(&text_of(&study, "presentation"));
    ui.type_text("Éducatrice spécialisée au CCAS depuis douze ans.");
    ui.keys(&["Enter", "Enter", "C-t"]);
    ui.type_text("Et votre public ?");

    // Trap 1: a sentence typed on a yes/no question is notes, all of it.
    ui.keys(&["C-g"]);
    ui.type_text("Cecler");
    ui.keys(&["Enter"]);
    ui.wait_for(&text_of(&study, "connait_association"));
    ui.type_text("Je connais de nom seulement.");
    let screen = ui.wait_for("Je connais de nom seulement.");
    assert!(screen.contains(" NOTES "), "{screen}");
    // Answering is an act of its own: Tab, loudly, then a key.
    ui.keys(&["Tab"]);
    ui.wait_for(" RÉPONSE ");
    ui.keys(&["o"]);
    ui.wait_for("Réponse enregistrée : Oui");

    // Trap 2: "Non, pas…" on another yes/no question.
    ui.keys(&["C-g"]);
    ui.type_text("tiers organise");
    ui.keys(&["Enter"]);
    ui.wait_for(&text_of(&study, "proxenetisme_repere"));
    ui.type_text("Non, pas directement… on s'en doute.");
    ui.wait_for("on s'en doute.");
    ui.keys(&["Tab", "n"]);
    ui.wait_for("Réponse enregistrée : Non");

    // Trap 3: Tab then o on the headline question answers it, as on every question.
    ui.keys(&["C-g"]);
    ui.type_text("déjà identifié");
    ui.keys(&["Enter"]);
    ui.wait_for(&text_of(&study, "deja_identifie"));
    ui.keys(&["Tab", "o"]);
    ui.wait_for("Réponse enregistrée : Oui");
    ui.type_text("Trois jeunes femmes en 2020.");
    // A number: letters refused with a word, then the number.
    ui.keys(&["C-n"]);
    ui.wait_for(&text_of(&study, "nb_personnes"));
    ui.keys(&["Tab"]);
    ui.type_text("1x");
    ui.wait_for("Un nombre est attendu");
    ui.type_text("2");
    ui.keys(&["Enter"]);
    ui.wait_for("Réponse enregistrée : 12");
    ui.type_text("Au moins douze.");
    // An answer changed, then cleared.
    ui.keys(&["C-n"]);
    ui.wait_for(&text_of(&study, "frequence"));
    ui.keys(&["Tab", "2"]);
    ui.wait_for("Réponse enregistrée");
    ui.keys(&["Tab", "DC"]);
    ui.wait_for("Réponse effacée.");

    // Trap 4: Esc k k k x — three questions up, then skip it; the mode stays until i.
    ui.keys(&["Escape"]);
    ui.wait_for(" COMMANDES ");
    ui.keys(&["k", "k", "k"]);
    let screen = ui.wait_for(&text_of(&study, "public"));
    assert!(screen.contains(" COMMANDES "), "{screen}");
    ui.keys(&["x"]);
    ui.wait_for("Passer la question");
    ui.type_text("déjà abordé avec la présentation");
    ui.keys(&["Enter"]);
    let screen = ui.wait_for(&text_of(&study, "deja_identifie"));
    assert!(screen.contains(" COMMANDES "), "{screen}");
    ui.keys(&["i"]);
    ui.wait_for(" NOTES ");

    // Trap 5: a click on a row of the grid goes to that row's question, not the one below.
    let screen = ui.capture();
    let profils = text_of(&study, "profils");
    let row = screen
        .lines()
        .position(|l| {
            let left: String = l.chars().take(40).collect();
            left.contains(&profils[..16])
        })
        .unwrap_or_else(|| panic!("no grid row for profils:\n{screen}"));
    ui.click(8, row as u16);
    ui.wait_for(&format!(
        "Q {}/{total}",
        study.grid.position(q("profils")).unwrap() + 1
    ));
    let said = "Une mineure de seize ans, hébergée chez un homme contre des actes sexuels.";
    ui.type_text(said);
    // A quick code shows on the block at once.
    ui.keys(&["M-1"]);
    let quick = study.quick_codes()[0].unwrap();
    let quick_name = study.codebook.get(quick).unwrap().name.clone();
    ui.wait_for(&format!("■ {quick_name} : appliqué au bloc"));

    // Trap 6: the situation form, with digits and Tabs.
    ui.keys(&["M-s"]);
    ui.wait_for("Situation décrite");
    ui.type_text("Mineure hébergée");
    let chosen = fill_situation(
        &ui,
        &study,
        &[
            ("genre", &["femme"]),
            ("age", &["mineur"]),
            ("nationalite", &["francaise"]),
            ("lieux", &["appartement"]),
            ("proxenetisme", &["non"]),
            ("contrepartie", &["oui"]),
            ("contrepartie_formes", &["logement"]),
            ("precarite", &["oui"]),
        ],
    );
    ui.keys(&["Enter"]);
    let review = ui.wait_for("Vérifiez avant d'enregistrer");
    assert!(review.contains("Mineure hébergée"), "{review}");
    ui.keys(&["Enter"]);
    ui.wait_for("Situation « Mineure hébergée » enregistrée");

    // A point off the scale is refused with a word.
    ui.keys(&["C-g"]);
    ui.type_text("aise pour aborder");
    ui.keys(&["Enter"]);
    ui.wait_for(&text_of(&study, "aisance"));
    ui.keys(&["Tab", "7"]);
    ui.wait_for("7 n'est pas sur l'échelle");
    ui.keys(&["4"]);
    ui.wait_for("Réponse enregistrée : 4");

    // Finished; grille leaves, the journal folded into the session file.
    // Esc and f as two presses (sent together, a terminal reads them as Alt+f).
    ui.keys(&["Escape"]);
    ui.wait_for(" COMMANDES ");
    ui.keys(&["f"]);
    ui.wait_for("Terminer l'entretien");
    ui.keys(&["o"]);
    ui.wait_for("nouvel entretien");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    let id = dir.session_ids().unwrap()[0];
    let file = dir.paths().session(id);
    assert!(!file.journal.exists(), "a clean exit folds the journal");
    let session: Json = serde_json::from_slice(&std::fs::read(&file.file).unwrap()).unwrap();
    assert_eq!(session["interviewer"], "Camille Roux");
    assert_eq!(session["respondent"]["pseudonym"], "R21");
    assert_eq!(session["status"], "done");

    // Every note, on its question, said by whom it was said, and nothing else.
    let segments: Vec<(String, String, String)> = session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["question"].as_str().unwrap_or("").to_owned(),
                s["speaker"].as_str().unwrap().to_owned(),
                s["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let id_of = |key: &str| q(key).to_string();
    let expected = [
        (
            "consentement",
            "respondent",
            "Accord oral, anonymat rappelé.",
        ),
        (
            "presentation",
            "respondent",
            "Éducatrice spécialisée au CCAS depuis douze ans.",
        ),
        ("presentation", "interviewer", "Et votre public ?"),
        (
            "connait_association",
            "respondent",
            "Je connais de nom seulement.",
        ),
        (
            "proxenetisme_repere",
            "respondent",
            "Non, pas directement… on s'en doute.",
        ),
        (
            "deja_identifie",
            "respondent",
            "Trois jeunes femmes en 2020.",
        ),
        ("nb_personnes", "respondent", "Au moins douze."),
        ("profils", "respondent", said),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(k, who, text)| (id_of(k), (*who).to_owned(), (*text).to_owned()))
        .collect();
    assert_eq!(segments, expected);
    for s in session["segments"].as_array().unwrap() {
        assert!(s["end"].is_string(), "every block was closed: {s}");
    }

    // Every answer: consent from the command line, the ones given, none cleared or refused.
    let answers = session["answers"].as_object().unwrap();
    let expected = BTreeMap::from([
        (id_of("consentement"), json!(true)),
        (id_of("connait_association"), json!(true)),
        (id_of("proxenetisme_repere"), json!(false)),
        (id_of("deja_identifie"), json!(true)),
        (id_of("nb_personnes"), json!(12)),
        (id_of("aisance"), json!(4)),
    ]);
    let got: BTreeMap<String, Json> = answers
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(got, expected);

    // Marks: the one question skipped, with its reason.
    let marks = session["marks"].as_object().unwrap();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(
        marks[&id_of("public")],
        json!({"status": "skipped", "reason": "déjà abordé avec la présentation"})
    );

    // The quick code on the whole block, signed by the interviewer.
    let codings = session["codings"].as_array().unwrap();
    assert_eq!(codings.len(), 1, "{codings:?}");
    let profils_segment = &session["segments"][7];
    assert_eq!(codings[0]["segment"], profils_segment["id"]);
    assert_eq!(codings[0]["code"], json!(quick.to_string()));
    assert_eq!(codings[0]["start"], json!(0));
    assert_eq!(codings[0]["end"], json!(said.chars().count()));
    assert_eq!(codings[0]["coder"], "Camille Roux");

    // The situation, field by field, linked to the block it was described on.
    let situations = session["situations"].as_array().unwrap();
    assert_eq!(situations.len(), 1);
    let situation = &situations[0];
    assert_eq!(situation["label"], "Mineure hébergée");
    let attributes: BTreeMap<String, Json> = situation["attributes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let expected: BTreeMap<String, Json> = chosen
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap()))
        .collect();
    assert_eq!(attributes, expected);
    assert_eq!(attributes["proxenetisme"], json!("non"));
    assert!(!attributes.contains_key("proxenetisme_formes"));
    assert_eq!(attributes["contrepartie_formes"], json!(["logement"]));
    assert_eq!(
        situation["excerpts"],
        json!([{"segment": profils_segment["id"], "start": 0, "end": said.chars().count()}])
    );

    // The interviewer's name, given on the command line, is remembered: the next interview
    // starts without it.
    let ui = Tmux::start(
        "live-again",
        &grille_command(
            home.path(),
            &format!(
                "--study {} interview --respondent R22 --consent given",
                root.display()
            ),
        ),
        100,
        30,
    );
    ui.wait_for("Entretien R22");
    let pid = ui.pid();
    ui.keys(&["C-c"]);
    ui.wait_exit(pid);
    let ids = dir.session_ids().unwrap();
    let second = ids.iter().find(|i| **i != id).unwrap();
    let study_now = dir.load_study().unwrap();
    let again = dir.load_session(*second, &study_now).unwrap().doc;
    assert_eq!(again.interviewer, "Camille Roux");
}
