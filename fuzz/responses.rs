//! Questionnaire response exports, as `grille import responses` reads them: a CSV or a workbook
//! (the bytes say which) planned against the example study, without a mapping file and with one
//! that renames values and situation fields. Whatever the bytes: a plan whose new sessions the
//! study accepts (an import never fails later on a session it made), or an error naming the file
//! that can be written in either language, never a panic.

use std::path::Path;

use bolero::check;
use grille::interop::responses::{Mapping, prepare, read_bytes};
use grille::study::validate::validate_session;

use crate::mutation::mutated;
use crate::setup::{Example, texts};

const MAPPING: &str = r#"
[values.secteur]
A1 = "sante"
"Police" = "police-gendarmerie"

[values.lieux]
SQ001 = "appartement"

[situations]
label = "Personne {n}"
fields = { sexe = "genre", tranche = "age" }
"#;

fn read(example: &Example, bytes: &[u8]) {
    let file = Path::new("reponses.csv");
    let mapped = Mapping::parse(Path::new("map.toml"), MAPPING).expect("the mapping reads");
    for mapping in [Mapping::default(), mapped] {
        match read_bytes(file, bytes, &example.study, &mapping, None) {
            Ok(plan) => {
                let _ = plan.unmapped();
                let now = chrono::DateTime::parse_from_rfc3339("2024-01-01T12:00:00+01:00")
                    .expect("a date");
                for session in prepare(&plan, &example.study, &[], now).new {
                    let problems = validate_session(&session, &example.study);
                    assert!(
                        problems.is_empty(),
                        "respondent {}: the session made breaks the study's rules: {problems:?}",
                        session.respondent.pseudonym
                    );
                }
            }
            Err(e) => {
                let _ = e.to_string();
                for t in texts() {
                    let _ = e.message(t);
                }
            }
        }
    }
}

#[test]
fn responses() {
    let example = std::panic::AssertUnwindSafe(Example::new());
    check!(name = "responses").for_each(move |bytes: &[u8]| read(&example, bytes));
}

#[test]
fn responses_mutated() {
    let example = std::panic::AssertUnwindSafe(Example::new());
    mutated("responses", move |bytes: &[u8]| read(&example, bytes));
}
