//! `grille import responses` on real exports (`tests/fixtures/questionnaire/`, see its README):
//! each into a study whose grid holds that form's questions, with a mapping file where the
//! headers do not say enough; rows, columns and repeat groups checked against the files.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::grille;
use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaire")
        .join(name)
}

/// A study whose grid is one theme of `questions` ({key, text, kind…}) and whose attributes
/// are the ones given.
fn custom_study(
    questions: Value,
    respondent: Value,
    situation: Value,
) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--template", "empty"])
        .assert()
        .success();
    let mut questions = questions;
    for (i, q) in questions.as_array_mut().unwrap().iter_mut().enumerate() {
        q["id"] = json!(format!("00000000-0000-4000-8000-{:012}", i + 1));
    }
    let grid = json!({
        "format": "grille/3",
        "revision": 0,
        "themes": [{
            "id": "00000000-0000-4000-8000-100000000000",
            "key": "form",
            "title": "Form",
            "questions": questions,
        }],
    });
    std::fs::write(
        study.join("grid.json"),
        serde_json::to_string_pretty(&grid).unwrap(),
    )
    .unwrap();
    let path = study.join("study.json");
    let mut meta: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    meta["respondent_attributes"] = respondent;
    meta["situation_attributes"] = situation;
    std::fs::write(&path, serde_json::to_string_pretty(&meta).unwrap()).unwrap();
    (home, study)
}

fn options(keys_labels: &[(&str, &str)]) -> Value {
    Value::Array(
        keys_labels
            .iter()
            .map(|(k, l)| json!({"key": k, "label": l}))
            .collect(),
    )
}

fn import(home: &Path, study: &Path, file: &Path, map: Option<&str>) -> assert_cmd::assert::Assert {
    let mut cmd = grille(home);
    cmd.args(["--study", study.to_str().unwrap(), "import", "responses"])
        .arg(file);
    if let Some(map) = map {
        let path = home.join("map.toml");
        std::fs::write(&path, map).unwrap();
        cmd.arg("--map").arg(path);
    }
    cmd.assert()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// The questionnaire sessions, by pseudonym.
fn respondents(study: &Path) -> BTreeMap<String, Value> {
    std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str::<Value>(&std::fs::read_to_string(p).unwrap()).unwrap())
        .map(|s| (s["respondent"]["pseudonym"].as_str().unwrap().to_owned(), s))
        .collect()
}

/// Question ids are `…0001`, `…0002` in the order given to `custom_study`.
fn answer(session: &Value, n: usize) -> &Value {
    &session["answers"][format!("00000000-0000-4000-8000-{n:012}")]
}

fn open_answer(session: &Value, n: usize) -> Option<&str> {
    let id = format!("00000000-0000-4000-8000-{n:012}");
    session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["question"] == id.as_str())
        .map(|s| s["text"].as_str().unwrap())
}

#[test]
fn limesurvey_full_text_headings() {
    let (home, study) = custom_study(
        json!([
            {"key": "gender", "text": "How do you identify?", "kind": "choice",
             "options": options(&[("man", "man"), ("woman", "woman"), ("other", "Other")])},
            {"key": "age", "text": "How old are you?", "kind": "number", "min": 0},
            {"key": "education", "kind": "choices",
             "text": "Which educations have you ever done or seem kind of interesting maybe later, when you have time?",
             "options": options(&[("primary", "Primary School"), ("secondary", "Secondary School"),
                                  ("tertiary", "Tertairy School"), ("quartiary", "Quartiary School")])},
            {"key": "mood", "text": "Please describe your current mood.", "kind": "open"},
            {"key": "agree", "text": "do you agree", "kind": "yes_no"},
        ]),
        json!([]),
        json!([]),
    );
    // The consent question's heading is a paragraph: named by its column letter. The address
    // is personal data, left out on purpose.
    let map = r#"
consent = "I"
ignore = ["Please enter your address [Street]", "Please enter your address [Number]",
          "Please enter your address [Postal code]", "Please enter your address [City]"]

[values.gender]
"-oth-" = "other"
"#;
    let file = fixture("limesurvey_survey_998192_R_data_file.csv");
    let done = import(home.path(), &study, &file, Some(map)).success();
    let err = stderr(&done);
    assert!(
        err.contains("CSV (UTF-8, séparateur « , »), 7 réponse(s), 71 colonne(s)"),
        "{err}"
    );
    // 71 columns: 11 imported, 26 of LimeSurvey's own (page, language, seed, dates, timings,
    // file count), 4 ignored by the mapping, 30 listed as not imported.
    assert!(err.contains("Colonnes non reprises (30)"), "{err}");
    assert!(err.contains("M « Which educations have you ever done or seem kind of interes… » → education, option « primary »"), "{err}");
    assert!(
        err.contains("U « Please describe your current mood. » → question mood"),
        "{err}"
    );
    assert!(
        err.contains("1 répondant(s) ont refusé leur consentement (1)"),
        "{err}"
    );
    let people = respondents(&study);
    assert_eq!(
        people.keys().collect::<Vec<_>>(),
        ["1", "4", "5", "6", "7", "8", "9"]
    );
    let refused = &people["1"];
    assert_eq!(refused["consent"]["given"], false);
    assert_eq!(refused["answers"], json!({}));
    let four = &people["4"];
    assert_eq!(four["consent"]["given"], true);
    assert_eq!(answer(four, 1), "man");
    assert_eq!(answer(four, 2), 66);
    assert_eq!(answer(four, 3), &json!(["tertiary"]));
    assert_eq!(open_answer(four, 4), Some("dgggsdfs"));
    assert_eq!(answer(&people["5"], 1), "other");
    assert_eq!(answer(&people["5"], 3), &json!(["primary", "secondary"]));
    // Every box unticked: answered, nothing chosen.
    assert_eq!(answer(&people["7"], 3), &json!([]));
    let nine = &people["9"];
    assert_eq!(answer(nine, 3), &json!(["secondary", "tertiary"]));
    assert_eq!(answer(nine, 5), true);
    assert_eq!(open_answer(nine, 4), Some("4747647"));
    assert!(
        nine["started"]
            .as_str()
            .unwrap()
            .starts_with("2022-03-15T09:56:23")
    );
    assert_eq!(people["6"]["consent"], Value::Null);
}

#[test]
fn google_forms_csv_and_its_sheet_download() {
    let days = options(&[
        ("sunday", "Sunday"),
        ("monday", "Monday"),
        ("tuesday", "Tuesday"),
        ("wednesday", "Wednesday"),
        ("thursday", "Thursday"),
        ("friday", "Friday"),
        ("saturday", "Saturday"),
    ]);
    let (home, study) = custom_study(
        json!([
            {"key": "fruit", "text": "Your fave fruit?", "kind": "choice",
             "options": options(&[("apple", "apple"), ("orange", "orange"), ("banana", "banana")])},
            {"key": "days", "text": "Select all that apply", "kind": "choices", "options": days},
            {"key": "paragraph", "text": "Enter paragraph.", "kind": "open"},
            {"key": "dropdown", "text": "Select from dropdown", "kind": "choice",
             "options": options(&[("a", "option a"), ("b", "option b"), ("c", "option c")])},
            {"key": "scale", "text": "linear scale question type test", "kind": "scale", "min": 1, "max": 5},
        ]),
        json!([]),
        json!([]),
    );
    let map = r#"ignore = ["Tell me your name!"]"#;
    let done = import(
        home.path(),
        &study,
        &fixture("googleforms_responses.csv"),
        Some(map),
    )
    .success();
    let err = stderr(&done);
    assert!(err.contains("5 réponse(s), 4 colonne(s)"), "{err}");
    assert!(!err.contains("Colonnes non reprises"), "{err}");
    let people = respondents(&study);
    assert_eq!(people.len(), 5);
    assert_eq!(answer(&people["Q04"], 1), "banana");
    assert_eq!(
        answer(&people["Q04"], 2),
        &json!(["sunday", "monday", "tuesday", "wednesday"])
    );
    assert!(
        people["Q01"]["started"]
            .as_str()
            .unwrap()
            .starts_with("2023-11-13T16:20:37")
    );

    // The same form's sheet, downloaded as xlsx: serial dates, ", " between checkboxes. Its
    // respondents are numbered too, so they are Q01… again: into another study.
    let (home, study) = custom_study(
        json!([
            {"key": "fruit", "text": "Your fave fruit?", "kind": "choice",
             "options": options(&[("apple", "apple"), ("orange", "orange"), ("banana", "banana")])},
            {"key": "days", "text": "Select all that apply", "kind": "choices", "options": options(&[
                ("sunday", "Sunday"), ("monday", "Monday"), ("tuesday", "Tuesday"), ("wednesday", "Wednesday")])},
            {"key": "paragraph", "text": "Enter paragraph.", "kind": "open"},
            {"key": "dropdown", "text": "Select from dropdown", "kind": "choice",
             "options": options(&[("a", "option a"), ("b", "option b"), ("c", "option c")])},
            {"key": "scale", "text": "linear scale question type test", "kind": "scale", "min": 1, "max": 5},
        ]),
        json!([]),
        json!([]),
    );
    let map = r#"ignore = ["Tell me your name!", "date question type", "time question type"]"#;
    let file = fixture("googleforms_responses_via_sheets.xlsx");
    let done = import(home.path(), &study, &file, Some(map)).success();
    let err = stderr(&done);
    assert!(
        err.contains("classeur, 3 réponse(s), 1 feuille(s)"),
        "{err}"
    );
    let people = respondents(&study);
    assert_eq!(people.len(), 3);
    let first = &people["Q01"];
    assert_eq!(answer(first, 1), "banana");
    assert_eq!(answer(first, 2), &json!(["monday", "tuesday"]));
    assert_eq!(answer(first, 4), "a");
    assert_eq!(answer(&people["Q02"], 5), 5);
    assert!(
        open_answer(first, 3)
            .unwrap()
            .starts_with("testlengthtestlength")
    );
    // 45258.585256… days after 1899-12-30 is 2023-11-28 14:02:46.
    assert!(
        first["started"]
            .as_str()
            .unwrap()
            .starts_with("2023-11-28T14:02:46"),
        "{first}"
    );
}

#[test]
fn kobotoolbox_meeting_form_with_nested_repeat_sheets() {
    let (home, study) = custom_study(
        json!([]),
        json!([]),
        json!([
            {"key": "participant_name", "label": "Participant", "kind": "open"},
            {"key": "comments", "label": "Comments", "kind": "open"},
        ]),
    );
    let map = r#"
[situations]
sheets = ["participants", "feedback"]
"#;
    let file = fixture("kobo_Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14.xlsx");
    let done = import(home.path(), &study, &file, Some(map)).success();
    let err = stderr(&done);
    assert!(
        err.contains("classeur, 5 réponse(s), 4 feuille(s)"),
        "{err}"
    );
    assert!(
        err.contains("feuille « topics_discussed » : 8 ligne(s), rien n'en est repris"),
        "{err}"
    );
    assert!(
        err.contains("feuille « participants » : 8 ligne(s), chacune une situation"),
        "{err}"
    );
    assert!(
        err.contains("feuille « feedback » : 12 ligne(s), chacune une situation"),
        "{err}"
    );
    let people = respondents(&study);
    // Participants by _parent_index: 1 → Charles, julia; 2 → bob; 3 → emma; 4 → lola, amanda,
    // zoe (and a row without a name). Feedback with a comment, through its participant:
    // 1 → rows 1, 2, 4; 2 → row 5; 3 → rows 7, 8; 4 → rows 10, 11, 12.
    let count = |id: &str| people[id]["situations"].as_array().unwrap().len();
    assert_eq!(
        [
            "321169978",
            "321171150",
            "321171598",
            "321173759",
            "321174226"
        ]
        .map(count),
        [5, 2, 3, 6, 0]
    );
    let first = people["321169978"]["situations"].as_array().unwrap();
    assert_eq!(first[1]["label"], "participants 2");
    assert_eq!(first[1]["attributes"], json!({"participant_name": "julia"}));
    assert_eq!(
        first[2]["attributes"],
        json!({"comments": "informative meeting!"})
    );
}

#[test]
fn kobotoolbox_demo_project_with_a_family_repeat() {
    let (home, study) = custom_study(
        json!([
            {"key": "first_color", "text": "First colour", "kind": "choice",
             "options": options(&[("green", "green"), ("yellow", "yellow"), ("pink", "pink"), ("blue", "blue")])},
        ]),
        json!([]),
        json!([
            {"key": "family_member_age", "label": "Age", "kind": "number", "min": 0},
            {"key": "family_member_name", "label": "Name", "kind": "open"},
        ]),
    );
    let map = r#"
ignore = ["Enter_name"]

[columns]
"Rank_the_colors_according_to_preference/_1st_choice" = "first_color"
"#;
    let file = fixture("kobo_DemoProjectDownloadedData.xlsx");
    let done = import(home.path(), &study, &file, Some(map)).success();
    let err = stderr(&done);
    assert!(
        err.contains("feuille « family_members » : 7 ligne(s), chacune une situation"),
        "{err}"
    );
    let people = respondents(&study);
    assert_eq!(people.len(), 5);
    assert_eq!(answer(&people["305592591"], 1), "green");
    assert_eq!(answer(&people["305592599"], 1), "yellow");
    let count = |id: &str| people[id]["situations"].as_array().unwrap().len();
    assert_eq!(
        [
            "305592591",
            "305592599",
            "305592607",
            "305592619",
            "305592625"
        ]
        .map(count),
        [3, 1, 1, 0, 2]
    );
    let family = people["305592591"]["situations"].as_array().unwrap();
    assert_eq!(
        family[1]["attributes"],
        json!({"family_member_age": 36, "family_member_name": "charlotte"})
    );
    let last = people["305592625"]["situations"].as_array().unwrap();
    assert_eq!(
        last[0]["attributes"],
        json!({"family_member_name": "caroline"})
    );
}
