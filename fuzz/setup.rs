//! A real study to read fuzzed files against: the default template with its example sessions,
//! one per target (targets run in parallel and each rewrites its own files).

use std::path::Path;

use grille::store::StudyDir;
use grille::store::template::DIAGNOSTIC;
use grille::study::{SessionId, Study};

/// R01's session in the example study.
pub const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

pub struct Example {
    pub dir: StudyDir,
    pub study: Study,
    _tmp: tempfile::TempDir,
}

impl Example {
    pub fn new() -> Example {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let dir = StudyDir::create(&tmp.path().join("etude"), &DIAGNOSTIC, true)
            .expect("the template makes a study");
        let study = dir.load_study().expect("the template study loads");
        Example {
            dir,
            study,
            _tmp: tmp,
        }
    }

    pub fn r01() -> SessionId {
        R01.parse().expect("a session id")
    }

    pub fn write(path: &Path, bytes: &[u8]) {
        std::fs::write(path, bytes).expect("the fuzz study is writable");
    }
}

/// The messages of every language: writing an error out must not panic either.
pub fn texts() -> [&'static grille::i18n::Texts; 2] {
    [
        grille::i18n::Lang::Fr.texts(),
        grille::i18n::Lang::En.texts(),
    ]
}
