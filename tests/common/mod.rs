//! Helpers shared by the integration tests: a real study folder in a temporary directory.
#![allow(dead_code)]

use std::path::Path;

use grille::store::StudyDir;
use grille::store::template::DIAGNOSTIC;
use grille::study::{Respondent, Session, Study, Time};

/// A fresh study made from the default template, with its example sessions or without.
pub fn study_in(root: &Path, examples: bool) -> (StudyDir, Study) {
    let dir = StudyDir::create(root, &DIAGNOSTIC, examples).expect("template creates a study");
    let study = dir.load_study().expect("template study loads");
    (dir, study)
}

pub fn time(s: &str) -> Time {
    Time::parse_from_rfc3339(s).expect("valid test time")
}

pub fn new_session(pseudonym: &str) -> Session {
    Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: pseudonym.into(),
            attributes: Default::default(),
        },
    )
}
pub mod tmux;
pub mod tui;
