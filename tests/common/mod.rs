//! Helpers shared by the integration tests: a real study folder in a temporary directory.
#![allow(dead_code)]

use std::collections::BTreeMap;
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
pub mod layered;
pub mod tmux;
pub mod tui;

/// `grille`, the real binary, with a private home: the default study and the preferences are
/// the test's own, and the interface speaks French.
pub fn grille(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("grille").unwrap();
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("GRILLE_STUDY")
        .env("LANG", "fr_FR.UTF-8");
    cmd
}

/// The names of the files of a folder, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file of a folder with its bytes, to compare a folder before and after.
pub fn folder_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}
