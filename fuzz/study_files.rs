//! The study folder's own files, as `grille` reads them when it opens a study or a session: a
//! session file, a session's journal, the codebook, the grid and `study.json`. A file that
//! cannot be read is an error naming it; one that reads is written back and read the same.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use bolero::check;
use grille::store::{StudyDir, StudyPaths, json};
use grille::study::{Session, Study};

use crate::mutation::mutated;
use crate::setup::{Example, texts};

/// Reads R01 as opening it would (journal replayed, codebook records followed, checked).
fn read_r01(dir: &StudyDir, study: &Study) {
    match dir.read_session(Example::r01(), study) {
        Ok(read) => {
            let doc = &read.loaded.doc;
            let again: Session =
                json::parse(Path::new("again.json"), json::to_pretty(doc).as_bytes())
                    .expect("a session grille read is written back readable");
            assert_eq!(again.segments.len(), doc.segments.len());
            assert_eq!(again.revision, doc.revision);
        }
        Err(e) => say(&e),
    }
}

fn say(e: &grille::store::StoreError) {
    let _ = e.to_string();
    for t in texts() {
        let _ = e.message(t);
    }
}

fn session_target(example: &Example) -> impl FnMut(&[u8]) {
    let file = example.dir.paths().session(Example::r01()).file;
    let example = AssertUnwindSafe(example);
    move |bytes: &[u8]| {
        Example::write(&file, bytes);
        read_r01(&example.dir, &example.study);
    }
}

#[test]
fn session() {
    let example = Example::new();
    check!(name = "session").for_each(session_target(&example));
}

#[test]
fn session_mutated() {
    let example = Example::new();
    mutated("session", session_target(&example));
}

fn journal_target(example: &Example) -> impl FnMut(&[u8]) {
    let journal = example.dir.paths().session(Example::r01()).journal;
    let example = AssertUnwindSafe(example);
    move |bytes: &[u8]| {
        Example::write(&journal, bytes);
        read_r01(&example.dir, &example.study);
    }
}

#[test]
fn journal() {
    let example = Example::new();
    check!(name = "journal").for_each(journal_target(&example));
}

#[test]
fn journal_mutated() {
    let example = Example::new();
    mutated("journal", journal_target(&example));
}

/// A definition file of the study (codebook, grid, `study.json`) or the codebook's journal: the
/// study loads or says why, and a session is read against what loaded.
fn definition_target(example: &Example, file: PathBuf) -> impl FnMut(&[u8]) {
    let example = AssertUnwindSafe(example);
    move |bytes: &[u8]| {
        Example::write(&file, bytes);
        match example.dir.load_study() {
            Ok(study) => read_r01(&example.dir, &study),
            Err(e) => say(&e),
        }
    }
}

macro_rules! definition_targets {
    ($($name:ident, $mutated:ident: $file:expr;)*) => {$(
        #[test]
        fn $name() {
            let example = Example::new();
            let file = $file(example.dir.paths());
            check!(name = stringify!($name)).for_each(definition_target(&example, file));
        }

        #[test]
        fn $mutated() {
            let example = Example::new();
            let file = $file(example.dir.paths());
            mutated(stringify!($name), definition_target(&example, file));
        }
    )*};
}

definition_targets! {
    codebook, codebook_mutated: |p: &StudyPaths| p.codebook().file;
    codebook_journal, codebook_journal_mutated: |p: &StudyPaths| p.codebook().journal;
    grid, grid_mutated: |p: &StudyPaths| p.grid().file;
    study_meta, study_meta_mutated: |p: &StudyPaths| p.meta().file;
}
