//! Helpers shared by the integration tests: a real study folder in a temporary directory.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// Every file under `dir` (recursively) that holds `needle`, as bytes.
pub fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            found.push(path);
        }
    }
    found
}

/// Every file under `dir` with its bytes, recursively, by relative path.
pub fn tree_bytes(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}
