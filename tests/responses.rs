//! `grille import responses`: online questionnaires' exports become questionnaire sessions.
//! Every fixture is written here in the shape its tool documents (LimeSurvey, Framaforms,
//! Google Forms, KoboToolbox); the real exports of `tests/fixtures/questionnaire/` are read in
//! `responses_shared.rs`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{folder_bytes, grille};
use predicates::prelude::*;
use serde_json::Value;

/// A study from the default template (no example sessions) in a temporary home.
fn study() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap()])
        .assert()
        .success();
    (home, study)
}

fn import(home: &Path, study: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = grille(home);
    cmd.args(["--study", study.to_str().unwrap(), "import", "responses"])
        .args(args);
    cmd
}

/// The questionnaire sessions on disk, by pseudonym.
fn respondents(study: &Path) -> BTreeMap<String, Value> {
    std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str::<Value>(&std::fs::read_to_string(p).unwrap()).unwrap())
        .filter(|s| s["kind"] == "questionnaire")
        .map(|s| (s["respondent"]["pseudonym"].as_str().unwrap().to_owned(), s))
        .collect()
}

/// Question key → id, from the study's grid.
fn question_ids(study: &Path) -> BTreeMap<String, String> {
    let grid: Value =
        serde_json::from_str(&std::fs::read_to_string(study.join("grid.json")).unwrap()).unwrap();
    grid["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["questions"].as_array().unwrap().clone())
        .map(|q| {
            (
                q["key"].as_str().unwrap().to_owned(),
                q["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A session's answer to a question, by key.
fn answer<'a>(session: &'a Value, ids: &BTreeMap<String, String>, key: &str) -> &'a Value {
    &session["answers"][ids[key].as_str()]
}

/// The text of the session's open answer to a question, by key.
fn open<'a>(session: &'a Value, ids: &BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["question"] == ids[key].as_str())
        .map(|s| s["text"].as_str().unwrap())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The diagnostic's figures from 79 generated respondents, headers = the default grid's keys.

/// 79 respondents: 52 identified someone (66 %), 43 know the association (54 %), 69 do not
/// feel equipped (87 %), 69 never trained (87 %); the 52 described 115 persons in all
/// (`nb_personnes` sums to 115, and as many repeated groups `personneN_…` are filled):
/// 79 women (69 %), 35 aged 18–25 (30 %), 10 minors (9 %), 60 foreign (52 %), 52 French (45 %).
fn diagnostic_csv() -> String {
    let mut header = vec![
        "pseudo",
        "secteur",
        "deja_identifie",
        "nb_personnes",
        "lieux",
        "connait_association",
        "outille",
        "forme",
        "pistes",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect::<Vec<_>>();
    for n in 1..=5 {
        for field in ["genre", "age", "nationalite"] {
            header.push(format!("personne{n}_{field}"));
        }
    }
    let mut lines = vec![header.join(";")];
    let sectors = ["sante", "Social", "Justice", "éducation", "associatif"];
    // Persons: the 52 who identified describe 115: 11 describe 5 (55), 60 more over 41 (19 × 2
    // + 22 × 1 = 60). Persons are numbered 0..115 in order of the rows.
    let mut person = 0;
    for r in 0..79 {
        let identified = r < 52;
        let persons = match r {
            0..=10 => 5,
            11..=29 => 2,
            30..=51 => 1,
            _ => 0,
        };
        let mut cells = vec![
            format!("R{:03}", r + 1),
            sectors[r % 5].to_owned(),
            if identified { "oui" } else { "non" }.to_owned(),
            if identified {
                persons.to_string()
            } else {
                String::new()
            },
            if identified {
                "Hôtels, Appartements"
            } else {
                ""
            }
            .to_owned(),
            if r < 43 { "Oui" } else { "Non" }.to_owned(),
            if r < 69 { "non" } else { "oui" }.to_owned(),
            if r >= 10 { "0" } else { "1" }.to_owned(),
            if r == 0 {
                // A `;` inside a cell: quoted, as every spreadsheet writes it.
                "\"Former les hôteliers; un lieu d'accueil de jour\"".to_owned()
            } else {
                String::new()
            },
        ];
        for n in 0..5 {
            if n < persons {
                let p = person;
                person += 1;
                cells.push(if p < 79 { "femme" } else { "homme" }.into());
                cells.push(
                    match p {
                        0..=9 => "mineur",
                        10..=44 => "18-25",
                        _ => "26-40",
                    }
                    .into(),
                );
                cells.push(
                    match p {
                        0..=59 => "étrangère",
                        60..=111 => "Française",
                        _ => "inconnue",
                    }
                    .into(),
                );
            } else {
                cells.extend([String::new(), String::new(), String::new()]);
            }
        }
        lines.push(cells.join(";"));
    }
    assert_eq!(person, 115);
    lines.join("\r\n") + "\r\n"
}

#[test]
fn seventy_nine_generated_responses_give_the_diagnostic_figures() {
    let (home, study) = study();
    let file = write(home.path(), "reponses.csv", diagnostic_csv().as_bytes());
    // A dry run first: the plan, and nothing written.
    let before = folder_bytes(&study.join("sessions"));
    import(home.path(), &study, &[file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success()
        .stderr(predicate::str::contains("79 réponse(s), 24 colonne(s)"))
        .stderr(predicate::str::contains("séparateur « ; »"))
        .stderr(predicate::str::contains("I « pistes » → question pistes"))
        .stderr(predicate::str::contains(
            "J « personne1_genre » → situation 1, genre",
        ))
        .stderr(predicate::str::contains("79 nouveau(x)"))
        .stderr(predicate::str::contains("115 situation(s)"))
        .stderr(predicate::str::contains("rien n'a été écrit"));
    assert_eq!(folder_bytes(&study.join("sessions")), before);

    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Importé : 79 nouveau(x) répondant(s), 0 mis à jour.",
        ));
    let people = respondents(&study);
    assert_eq!(people.len(), 79);
    let ids = question_ids(&study);
    let r1 = &people["R001"];
    assert_eq!(r1["kind"], "questionnaire");
    assert_eq!(r1["respondent"]["attributes"]["secteur"], "sante");
    assert_eq!(
        people["R004"]["respondent"]["attributes"]["secteur"],
        "education"
    );
    assert_eq!(answer(r1, &ids, "deja_identifie"), true);
    assert_eq!(answer(r1, &ids, "nb_personnes"), 5);
    assert_eq!(
        answer(r1, &ids, "lieux"),
        &serde_json::json!(["appartement", "hotel"])
    );
    assert_eq!(
        open(r1, &ids, "pistes"),
        Some("Former les hôteliers; un lieu d'accueil de jour")
    );
    assert_eq!(r1["situations"].as_array().unwrap().len(), 5);
    assert_eq!(r1["situations"][0]["label"], "Personne 1");
    assert_eq!(
        r1["situations"][0]["attributes"],
        serde_json::json!({"genre": "femme", "age": "mineur", "nationalite": "etrangere"})
    );

    // The published figures, from the questionnaire sessions alone.
    let json = stdout(
        grille(home.path())
            .args(["--study", study.to_str().unwrap(), "export", "answers"])
            .args(["--kind", "questionnaire", "--json"]),
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    let rows: Vec<&Value> = v["tables"][0]["rows"].as_array().unwrap().iter().collect();
    let pct = |question: &str, option: &str| -> f64 {
        let row = rows
            .iter()
            .find(|r| r["question"] == question && r["value"]["key"] == option)
            .unwrap_or_else(|| panic!("{question} {option}: {json}"));
        row["pct_all"].as_f64().unwrap()
    };
    assert_eq!(pct("deja_identifie", "yes").round(), 66.0);
    assert_eq!(pct("connait_association", "yes").round(), 54.0);
    assert_eq!(pct("outille", "no").round(), 87.0);
    assert_eq!(pct("forme", "no").round(), 87.0);
    let numbers = &v["tables"][1]["rows"][0];
    assert_eq!(numbers["sum"], 115.0, "{json}");

    let json = stdout(
        grille(home.path())
            .args(["--study", study.to_str().unwrap(), "export", "situations"])
            .args(["--kind", "questionnaire", "--json"]),
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    let persons = &v["tables"][0];
    let share = |attribute: &str, value: &str| -> (u64, f64) {
        let row = persons["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["attribute"]["key"] == attribute && r["value"]["key"] == value)
            .unwrap_or_else(|| panic!("{attribute} {value}: {json}"));
        (
            row["n"].as_u64().unwrap(),
            row["pct_all"].as_f64().unwrap().round(),
        )
    };
    // 79 of 115 persons are women (68,7 %), 35 aged 18–25 (30,4 %), 10 minors (8,7 %), 60
    // foreign (52,2 %), 52 French (45,2 %): the published 69 %, 30 %, 9 %, 52 %, 45 %.
    assert_eq!(share("genre", "femme"), (79, 69.0));
    assert_eq!(share("age", "18-25"), (35, 30.0));
    assert_eq!(share("age", "mineur"), (10, 9.0));
    assert_eq!(share("nationalite", "etrangere"), (60, 52.0));
    assert_eq!(share("nationalite", "francaise"), (52, 45.0));
    assert_eq!(persons["rows"][0]["base_all"], 115, "{json}");
}

// ---------------------------------------------------------------------------------------------
// Each tool's documented export shape.

/// LimeSurvey, "Export responses" with question codes as headings: every field quoted, a BOM,
/// `Y` for yes and for a checked subquestion `lieux[SQ001]`, answer codes `A1`… for a list.
/// Its codes are not the grid's keys: a mapping file says what they are.
#[test]
fn limesurvey_codes_with_subquestion_columns_and_a_mapping_file() {
    let (home, study) = study();
    let csv = "\u{feff}\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"seed\",\"secteur\",\
\"identifie\",\"nbpers\",\"lieux[SQ001]\",\"lieux[SQ002]\",\"lieux[SQ003]\",\"lieux[other]\",\"pistes\"\r\n\
\"12\",\"2021-05-03 10:12:00\",\"3\",\"fr\",\"1234\",\"A2\",\"Y\",\"3\",\"Y\",\"\",\"Y\",\"\",\"Plus de places d'hébergement\"\r\n\
\"13\",\"2021-05-04 09:00:00\",\"3\",\"fr\",\"99\",\"A1\",\"N\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n\
\"15\",\"\",\"1\",\"fr\",\"7\",\"A3\",\"Y\",\"1\",\"\",\"Y\",\"\",\"un camping\",\"\"\r\n";
    let file = write(home.path(), "results-survey998192.csv", csv.as_bytes());
    let map = write(
        home.path(),
        "limesurvey.toml",
        br#"
[columns]
identifie = "deja_identifie"
nbpers = "nb_personnes"
"lieux[other]" = "ignore"

[values.secteur]
A1 = "sante"
A2 = "social"
A3 = "justice"

[values.lieux]
SQ001 = "appartement"
SQ002 = "hotel"
SQ003 = "rue"
"#,
    );
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--map", map.to_str().unwrap()],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "I « lieux[SQ001] » → lieux, option « appartement »",
    ))
    .stderr(predicate::str::contains(
        "A « id » → identifiant du répondant",
    ));
    let people = respondents(&study);
    let ids = question_ids(&study);
    assert_eq!(people.keys().collect::<Vec<_>>(), ["12", "13", "15"]);
    let r12 = &people["12"];
    assert_eq!(r12["respondent"]["attributes"]["secteur"], "social");
    assert_eq!(answer(r12, &ids, "deja_identifie"), true);
    assert_eq!(answer(r12, &ids, "nb_personnes"), 3);
    assert_eq!(
        answer(r12, &ids, "lieux"),
        &serde_json::json!(["appartement", "rue"])
    );
    assert_eq!(
        open(r12, &ids, "pistes"),
        Some("Plus de places d'hébergement")
    );
    assert!(
        r12["started"]
            .as_str()
            .unwrap()
            .starts_with("2021-05-03T10:12:00")
    );
    assert_eq!(r12["source"], "results-survey998192.csv");
    assert_eq!(r12["interviewer"], "");
    // Nothing ticked and nothing said: no answer to lieux, no segment.
    let r13 = &people["13"];
    assert_eq!(answer(r13, &ids, "deja_identifie"), false);
    assert_eq!(answer(r13, &ids, "lieux"), &Value::Null);
    assert!(r13["segments"].as_array().unwrap().is_empty());
    // An incomplete response (no submit date) is imported, its date unknown.
    assert_eq!(
        answer(&people["15"], &ids, "lieux"),
        &serde_json::json!(["hotel"])
    );
    assert_eq!(people["15"]["started"], Value::Null);
}

/// Framaforms (Drupal Webform): `;`, Windows-1252 (Latin-1), full question texts as headers,
/// options by their labels, the tool's own columns first.
#[test]
fn framaforms_latin1_semicolons_and_question_texts() {
    let (home, study) = study();
    let text = "Serial;SID;Submitted Time;Completed Time;Modified Time;Draft;IP Address;UID;\
Username;Secteur;Avez-vous déjà identifié des personnes en situation ou en risque de \
prostitution ?;Combien de personnes, à peu près, sur trois ans (2018–2020) ?;Connaissez-vous \
l'association agréée pour porter les PSP (Cecler) ?;Selon vous, que faudrait-il mettre en place \
sur le territoire ?\r\n\
1;311;2021-05-03 10:12:00;2021-05-03 10:20:00;2021-05-03 10:20:00;0;(inconnue);0;Anonyme;Santé;\
Oui;4;Non;Des maraudes à l'hôtel, le soir\r\n\
2;315;2021-05-04 11:00:00;2021-05-04 11:05:00;2021-05-04 11:05:00;0;(inconnue);0;Anonyme;\
Éducation;Non;;Oui;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let file = write(home.path(), "framaforms.csv", &bytes);
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--id-column", "Serial"],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "CSV (windows-1252, séparateur « ; »)",
    ))
    .stderr(predicate::str::contains("Colonnes non reprises").not());
    let people = respondents(&study);
    let ids = question_ids(&study);
    let one = &people["1"];
    assert_eq!(one["respondent"]["attributes"]["secteur"], "sante");
    assert_eq!(answer(one, &ids, "deja_identifie"), true);
    assert_eq!(answer(one, &ids, "nb_personnes"), 4);
    assert_eq!(answer(one, &ids, "connait_association"), false);
    assert_eq!(
        open(one, &ids, "pistes"),
        Some("Des maraudes à l'hôtel, le soir")
    );
    assert!(
        one["started"]
            .as_str()
            .unwrap()
            .starts_with("2021-05-03T10:20:00")
    );
    assert_eq!(
        people["2"]["respondent"]["attributes"]["secteur"],
        "education"
    );
}

/// Google Forms' CSV: a timestamp, question texts, checkboxes joined by ", " (with a label
/// that holds commas), no respondent id: respondents are numbered.
#[test]
fn google_forms_multiple_choice_joined_by_commas() {
    let (home, study) = study();
    let csv = "\"Horodateur\",\"Secteur\",\"Dans quels lieux cela se passe-t-il, d'après ce que \
vous savez ?\",\"Pouvez-vous préciser ces besoins ?\"\n\
\"13/11/2023 16:20:37\",\"Social\",\"Appartements, Bars, clubs, discothèques, Hôtels\",\"Une \
formation commune, avec la police\"\n\
\"13/11/2023 16:25:02\",\"Justice\",\"Ne sait pas\",\"\"\n";
    let file = write(home.path(), "Diagnostic (réponses).csv", csv.as_bytes());
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("numérotés Q01 à Q02"));
    let people = respondents(&study);
    let ids = question_ids(&study);
    assert_eq!(
        answer(&people["Q01"], &ids, "lieux"),
        &serde_json::json!(["appartement", "hotel", "bar-club"])
    );
    assert_eq!(
        answer(&people["Q02"], &ids, "lieux"),
        &serde_json::json!(["inconnu"])
    );
    assert_eq!(
        open(&people["Q01"], &ids, "besoins_precisions"),
        Some("Une formation commune, avec la police")
    );
    assert!(
        people["Q01"]["started"]
            .as_str()
            .unwrap()
            .starts_with("2023-11-13T16:20:37")
    );
}

/// Microsoft Forms' "Open in Excel" workbook: `ID`, `Start time`, `Completion time` as date
/// cells, `Email` and `Name` (personal data, left out), question texts, a multiple choice as
/// labels each followed by `;`.
#[test]
fn microsoft_forms_workbook_with_date_cells_and_trailing_semicolons() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    let (home, study) = study();
    let path = home.path().join("Diagnostic partenaires(1-2).xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").unwrap();
    let header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Secteur",
        "Avez-vous déjà identifié des personnes en situation ou en risque de prostitution ?",
        "Dans quels lieux cela se passe-t-il, d'après ce que vous savez ?",
        "De 1 à 5, à quel point êtes-vous à l'aise pour aborder le sujet de la prostitution \
         avec une personne ?",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let when = Format::new().set_num_format("m/d/yy h:mm:ss");
    let rows = [
        ("Social", "Oui", "Hôtels;Rue, routes, bois;", 4.0),
        ("Justice", "Non", "", 2.0),
    ];
    for (r, (sector, identified, places, ease)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        sheet.write_number(row, 0, row as f64).unwrap();
        let start = ExcelDateTime::parse_from_str(&format!("2023-11-1{row} 09:00:00")).unwrap();
        let end = ExcelDateTime::parse_from_str(&format!("2023-11-1{row} 09:12:30")).unwrap();
        sheet
            .write_datetime_with_format(row, 1, &start, &when)
            .unwrap();
        sheet
            .write_datetime_with_format(row, 2, &end, &when)
            .unwrap();
        sheet.write_string(row, 3, "anonymous").unwrap();
        sheet.write_string(row, 4, "").unwrap();
        sheet.write_string(row, 6, *sector).unwrap();
        sheet.write_string(row, 7, *identified).unwrap();
        sheet.write_string(row, 8, *places).unwrap();
        sheet.write_number(row, 9, *ease).unwrap();
    }
    book.save(&path).unwrap();

    import(home.path(), &study, &[path.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "classeur, 2 réponse(s), 1 feuille(s)",
        ))
        .stderr(predicate::str::contains(
            "C « Completion time » → date de la réponse",
        ))
        .stderr(predicate::str::contains("Colonnes non reprises").not());
    let people = respondents(&study);
    let ids = question_ids(&study);
    let one = &people["1"];
    assert_eq!(one["respondent"]["attributes"]["secteur"], "social");
    assert_eq!(answer(one, &ids, "deja_identifie"), true);
    assert_eq!(
        answer(one, &ids, "lieux"),
        &serde_json::json!(["hotel", "rue"])
    );
    assert_eq!(answer(one, &ids, "aisance"), 4);
    assert!(
        one["started"]
            .as_str()
            .unwrap()
            .starts_with("2023-11-11T09:12:30"),
        "{one}"
    );
    assert_eq!(answer(&people["2"], &ids, "lieux"), &Value::Null);
    assert_eq!(answer(&people["2"], &ids, "aisance"), 2);
}

/// KoboToolbox's xlsx ("XML values and headers", `/` in group paths): a multiple choice as
/// option keys separated by spaces, and a repeated group on its own sheet, each row linked to
/// its submission by `_parent_index`.
#[test]
fn kobotoolbox_workbook_with_a_repeated_group_on_its_own_sheet() {
    let (home, study) = study();
    let path = home.path().join("Diagnostic_-_all_versions.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let main = book.add_worksheet();
    main.set_name("Diagnostic").unwrap();
    let header = [
        "start",
        "end",
        "profil/secteur",
        "reperage/deja_identifie",
        "reperage/lieux",
        "pistes",
        "_id",
        "_uuid",
        "_submission_time",
        "_index",
    ];
    for (c, h) in header.iter().enumerate() {
        main.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        [
            "sante",
            "yes",
            "hotel appartement",
            "Former les hôteliers",
            "305592591",
            "1",
        ],
        ["social", "no", "", "", "305592599", "2"],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        main.write_string(r, 0, "2024-03-14T09:51:14.000+01:00")
            .unwrap();
        main.write_string(r, 1, "2024-03-14T09:58:02.000+01:00")
            .unwrap();
        for (c, v) in row[..4].iter().enumerate() {
            main.write_string(r, c as u16 + 2, *v).unwrap();
        }
        main.write_number(r, 6, row[4].parse::<f64>().unwrap())
            .unwrap();
        main.write_string(r, 7, format!("uuid-{r}")).unwrap();
        main.write_string(r, 8, "2024-03-14T08:58:10").unwrap();
        main.write_number(r, 9, row[5].parse::<f64>().unwrap())
            .unwrap();
    }
    let repeat = book.add_worksheet();
    repeat.set_name("personnes").unwrap();
    let header = [
        "personnes/genre",
        "personnes/age",
        "personnes/nationalite",
        "_index",
        "_parent_table_name",
        "_parent_index",
        "_submission__id",
    ];
    for (c, h) in header.iter().enumerate() {
        repeat.write_string(0, c as u16, *h).unwrap();
    }
    let persons = [
        ["femme", "18-25", "etrangere", "1", "1"],
        ["femme", "mineur", "francaise", "2", "1"],
        ["homme", "26-40", "inconnue", "3", "1"],
    ];
    for (r, p) in persons.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in p[..3].iter().enumerate() {
            repeat.write_string(r, c as u16, *value).unwrap();
        }
        repeat
            .write_number(r, 3, p[3].parse::<f64>().unwrap())
            .unwrap();
        repeat.write_string(r, 4, "Diagnostic").unwrap();
        repeat
            .write_number(r, 5, p[4].parse::<f64>().unwrap())
            .unwrap();
        repeat.write_number(r, 6, 305592591.0).unwrap();
    }
    book.save(&path).unwrap();

    import(home.path(), &study, &[path.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "classeur, 2 réponse(s), 2 feuille(s)",
        ))
        .stderr(predicate::str::contains(
            "feuille « personnes » : 3 ligne(s), chacune une situation",
        ));
    let people = respondents(&study);
    let ids = question_ids(&study);
    let first = &people["305592591"];
    assert_eq!(first["respondent"]["attributes"]["secteur"], "sante");
    assert_eq!(answer(first, &ids, "deja_identifie"), true);
    assert_eq!(
        answer(first, &ids, "lieux"),
        &serde_json::json!(["appartement", "hotel"])
    );
    assert_eq!(open(first, &ids, "pistes"), Some("Former les hôteliers"));
    let situations = first["situations"].as_array().unwrap();
    assert_eq!(situations.len(), 3);
    assert_eq!(situations[1]["label"], "personnes 2");
    assert_eq!(
        situations[1]["attributes"],
        serde_json::json!({"genre": "femme", "age": "mineur", "nationalite": "francaise"})
    );
    assert!(
        people["305592599"]["situations"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

// ---------------------------------------------------------------------------------------------
// Dry run, values without a match, re-import, bad input.

const SMALL: &str = "pseudo;secteur;lieux;deja_identifie;Ville;pistes\n\
A1;Santé;Hôtels;oui;Clermont;Des maraudes\n\
A2;Police;Camping, Hôtels;peut-être;Riom;\n\
A3;social;Appartements;non;Thiers;\n";

#[test]
fn a_dry_run_lists_every_unmapped_column_and_unmatched_value_and_a_real_run_refuses() {
    let (home, study) = study();
    let file = write(home.path(), "petit.csv", SMALL.as_bytes());
    let before = folder_bytes(&study.join("sessions"));
    let dry = import(home.path(), &study, &[file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success();
    let err = String::from_utf8(dry.get_output().stderr.clone()).unwrap();
    assert!(err.contains("Colonnes non reprises (1)"), "{err}");
    assert!(err.contains("  E « Ville »"), "{err}");
    assert!(err.contains("Valeurs sans correspondance (3)"), "{err}");
    assert!(
        err.contains("ligne 3, colonne B « secteur » → secteur : « Police » : « Police » n'est pas une option"),
        "{err}"
    );
    assert!(
        err.contains("ligne 3, colonne C « lieux » → lieux : « Camping, Hôtels » : « Camping » n'est pas une option"),
        "{err}"
    );
    assert!(
        err.contains(
            "ligne 3, colonne D « deja_identifie » → deja_identifie : « peut-être » : ni oui ni non"
        ),
        "{err}"
    );
    assert_eq!(folder_bytes(&study.join("sessions")), before);

    // The real run refuses, names the count, writes nothing.
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "3 valeur(s) ne correspondent à rien",
        ))
        .stderr(predicate::str::contains("Rien n'a été écrit."));
    assert_eq!(folder_bytes(&study.join("sessions")), before);

    // --skip-unmatched imports everything else and says what it left out.
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--skip-unmatched"],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains("--skip-unmatched : 3 valeur(s)"));
    let people = respondents(&study);
    let ids = question_ids(&study);
    assert_eq!(people.len(), 3);
    assert_eq!(
        people["A2"]["respondent"]["attributes"],
        serde_json::json!({})
    );
    assert_eq!(answer(&people["A2"], &ids, "lieux"), &Value::Null);
    assert_eq!(answer(&people["A2"], &ids, "deja_identifie"), &Value::Null);
    assert_eq!(
        answer(&people["A1"], &ids, "lieux"),
        &serde_json::json!(["hotel"])
    );
}

#[test]
fn importing_again_updates_the_same_respondents_and_codings_follow_their_words() {
    use grille::store::StudyDir;
    use grille::study::{Coding, CodingId, SessionChange};

    let (home, study) = study();
    let first = "pseudo;secteur;deja_identifie;pistes\n\
A1;sante;oui;Des maraudes le soir\n\
A2;social;non;\n";
    let file = write(home.path(), "vague.csv", first.as_bytes());
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success();
    let people = respondents(&study);
    let id = people["A1"]["id"].as_str().unwrap().parse().unwrap();
    // An analyst codes "maraudes" in A1's open answer.
    let dir = StudyDir::open(&study).unwrap();
    let def = dir.load_study().unwrap();
    let code = def.codebook.codes[0].id;
    {
        let (mut writer, _) = dir.open_session(id, &def).unwrap();
        let segment = writer.doc().segments[0].id;
        writer
            .apply(
                SessionChange::AddCoding {
                    coding: Coding {
                        id: CodingId::new(),
                        segment,
                        start: 4,
                        end: 12,
                        code,
                        coder: "Léa".into(),
                        at: common::time("2021-06-01T10:00:00+02:00"),
                        memo: None,
                        quote: None,
                    },
                },
                &def,
            )
            .unwrap();
    }
    // The export is downloaded again: A1 changed an answer and added words before the coded
    // ones, A2 answered the open question, A3 is new.
    let second = "pseudo;secteur;deja_identifie;pistes\n\
A1;sante;non;Plus de maraudes le soir\n\
A2;social;non;Un accueil de jour\n\
A3;justice;oui;\n";
    std::fs::write(&file, second).unwrap();
    import(home.path(), &study, &[file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 nouveau(x), 2 mis à jour, 0 inchangé(s)",
        ));
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Importé : 1 nouveau(x) répondant(s), 2 mis à jour.",
        ));
    let people = respondents(&study);
    let ids = question_ids(&study);
    assert_eq!(people.len(), 3, "no duplicate");
    let a1 = dir.load_session(id, &def).unwrap().doc;
    assert_eq!(a1.segments.len(), 1);
    assert_eq!(a1.segments[0].text, "Plus de maraudes le soir");
    let coding = &a1.codings[0];
    assert_eq!(
        grille::study::text::slice(&a1.segments[0].text, coding.start, coding.end),
        Some("maraudes")
    );
    assert_eq!(answer(&people["A2"], &ids, "pistes"), &Value::Null);
    assert_eq!(
        open(&people["A2"], &ids, "pistes"),
        Some("Un accueil de jour")
    );
    // The open answers are searched like transcripts, the updated words included.
    let found = stdout(
        grille(home.path())
            .args(["--study", study.to_str().unwrap(), "search", "maraudes"])
            .arg("--json"),
    );
    let hits: Value = serde_json::from_str(&found).unwrap();
    // The segment, and the coded excerpt at its new place.
    let texts: Vec<(String, String)> = hits["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("{found}"))
        .iter()
        .map(|h| {
            let parts = h["snippet"].as_array().unwrap().iter();
            let text = parts.map(|p| p["text"].as_str().unwrap()).collect();
            (h["kind"].as_str().unwrap().to_owned(), text)
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("excerpt".to_owned(), "maraudes".to_owned()),
            ("segment".to_owned(), "Plus de maraudes le soir".to_owned())
        ],
        "{found}"
    );
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "check"])
        .assert()
        .success();
    // A third run with the same file changes nothing.
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 nouveau(x), 0 mis à jour, 3 inchangé(s)",
        ));
}

#[test]
fn bad_input_names_the_row_and_column_and_writes_nothing() {
    let (home, study) = study();
    let before = folder_bytes(&study.join("sessions"));
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "decale.csv",
            b"pseudo;secteur\nA1;sante\nA2;social;en trop\n",
            "ligne 3, colonne C : « en trop » est sous aucun en-tête",
        ),
        (
            "double.csv",
            b"pseudo;secteur\nA1;sante\nA1;social\n",
            "« A1 » figure aux lignes 2 et 3 (colonne A)",
        ),
        ("vide.csv", b"pseudo;secteur\n", "aucune réponse"),
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "image.csv"),
    ];
    for (name, bytes, message) in cases {
        let file = write(home.path(), name, bytes);
        import(home.path(), &study, &[file.to_str().unwrap()])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("Rien n'a été écrit."));
    }
    // A mapping that names a column the file does not have, or a key the study does not know.
    let file = write(
        home.path(),
        "ok.csv",
        b"pseudo;Secteur d'activite\nA1;sante\n",
    );
    let map = write(
        home.path(),
        "m.toml",
        b"[columns]\n\"Secteur\" = \"secteur\"\n",
    );
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--map", map.to_str().unwrap()],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains("pas de colonne « Secteur »"));
    let map = write(
        home.path(),
        "m.toml",
        b"[columns]\n\"Secteur d'activite\" = \"metier\"\n",
    );
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--map", map.to_str().unwrap()],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains(
        "« metier » : ni question de la grille",
    ));
    let map = write(home.path(), "m.toml", b"[columns\n");
    import(
        home.path(),
        &study,
        &[file.to_str().unwrap(), "--map", map.to_str().unwrap()],
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains("m.toml : ligne 1, colonne"));
    assert_eq!(folder_bytes(&study.join("sessions")), before);
}

#[test]
fn consent_is_recorded_and_a_refusal_keeps_no_answer() {
    let (home, study) = study();
    let csv =
        "id;Consentement;secteur;pistes\n1;Oui;sante;Former\n2;Non;social;Rien\n3;;justice;\n";
    let file = write(home.path(), "consent.csv", csv.as_bytes());
    import(home.path(), &study, &[file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 répondant(s) ont refusé leur consentement (2)",
        ));
    let people = respondents(&study);
    let ids = question_ids(&study);
    assert_eq!(people["1"]["consent"]["given"], true);
    assert_eq!(answer(&people["1"], &ids, "consentement"), true);
    let refused = &people["2"];
    assert_eq!(refused["consent"]["given"], false);
    assert_eq!(refused["respondent"]["attributes"], serde_json::json!({}));
    assert!(refused["segments"].as_array().unwrap().is_empty());
    assert_eq!(refused["answers"], serde_json::json!({}));
    assert_eq!(people["3"]["consent"], Value::Null);
}
