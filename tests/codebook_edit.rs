//! Codebook edits that reach into every session: merge, rename, move, delete, and their undo,
//! on the example study, checked on disk.

mod common;

use std::collections::BTreeMap;

use grille::store::{Preferences, StudyDir};
use grille::study::{CodeId, Session};
use grille::workspace::{CodebookEdit, Workspace};

fn workspace() -> (tempfile::TempDir, Workspace) {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = common::study_in(&tmp.path().join("etude"), true);
    let ws = Workspace::open(dir, Preferences::default()).unwrap();
    (tmp, ws)
}

/// Every session as a new process would read it.
fn on_disk(dir: &StudyDir) -> Vec<Session> {
    let study = dir.load_study().unwrap();
    dir.session_ids()
        .unwrap()
        .into_iter()
        .map(|id| dir.load_session(id, &study).unwrap().doc)
        .collect()
}

/// Coding ids per code, over all sessions on disk.
fn codings_by_code(dir: &StudyDir) -> BTreeMap<CodeId, Vec<String>> {
    let mut out: BTreeMap<CodeId, Vec<String>> = BTreeMap::new();
    for s in on_disk(dir) {
        for c in s.codings {
            out.entry(c.code).or_default().push(c.id.to_string());
        }
    }
    for ids in out.values_mut() {
        ids.sort();
    }
    out
}

fn all_files(dir: &StudyDir) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walk(dir.root()) {
        out.insert(entry.display().to_string(), std::fs::read(&entry).unwrap());
    }
    out
}

fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_merge_moves_every_coding_and_undo_puts_them_back() {
    let (_tmp, mut ws) = workspace();
    let book = ws.study.codebook.clone();
    let from = book.by_path("lieux/appartement").unwrap().id;
    let into = book.by_path("lieux/hotel").unwrap().id;
    let before = codings_by_code(&ws.dir);
    let moved = before[&from].clone();
    assert!(!moved.is_empty(), "the example study codes apartments");
    ws.edit_codebook(CodebookEdit::Merge { from, into })
        .unwrap();

    let after = codings_by_code(&ws.dir);
    assert!(!after.contains_key(&from));
    let mut expected: Vec<String> = before[&into].iter().chain(&moved).cloned().collect();
    expected.sort();
    assert_eq!(
        after[&into], expected,
        "every coding of the merged code is now on the target"
    );
    let study = ws.dir.load_study().unwrap();
    assert!(study.codebook.get(from).is_none());
    assert!(ws.dir.check().is_ok());

    // The undo survives a restart: another workspace, as a new grille would open.
    let dir = ws.dir.clone();
    drop(ws);
    let mut ws = Workspace::open(dir, Preferences::default()).unwrap();
    ws.edit_codebook(CodebookEdit::Undo).unwrap();
    assert_eq!(
        codings_by_code(&ws.dir),
        before,
        "undo restores each coding to its code"
    );
    let study = ws.dir.load_study().unwrap();
    assert_eq!(study.codebook.path(from).unwrap(), "lieux/appartement");
}

#[test]
fn a_rename_keeps_the_id_and_every_coding() {
    let (_tmp, mut ws) = workspace();
    let mut code = ws
        .study
        .codebook
        .by_path("proxenetisme/conjugal")
        .unwrap()
        .clone();
    let before = codings_by_code(&ws.dir);
    code.name = "Proxénétisme de couple".into();
    code.slug = "couple".into();
    code.colour = "#aa0000".into();
    ws.edit_codebook(CodebookEdit::Update { code: code.clone() })
        .unwrap();
    let study = ws.dir.load_study().unwrap();
    assert_eq!(study.codebook.path(code.id).unwrap(), "proxenetisme/couple");
    assert_eq!(
        study.codebook.get(code.id).unwrap().name,
        "Proxénétisme de couple"
    );
    assert_eq!(
        codings_by_code(&ws.dir),
        before,
        "ids are stable: codings are untouched"
    );
    assert!(ws.dir.check().is_ok());
}

#[test]
fn deleting_a_code_in_use_is_refused_and_changes_nothing() {
    let (_tmp, mut ws) = workspace();
    let id = ws.study.codebook.by_path("lieux/hotel").unwrap().id;
    let files = all_files(&ws.dir);
    let err = ws
        .edit_codebook(CodebookEdit::Remove { id })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("is used by") && err.contains("coding(s)"),
        "{err}"
    );
    assert_eq!(all_files(&ws.dir), files, "not a byte changed");
    // A parent with sub-codes cannot go either, even through a merge.
    let parent = ws.study.codebook.by_path("lieux").unwrap().id;
    let other = ws.study.codebook.by_path("clients").unwrap().id;
    assert!(
        ws.edit_codebook(CodebookEdit::Merge {
            from: parent,
            into: other
        })
        .is_err()
    );
    assert_eq!(all_files(&ws.dir), files);
}

#[test]
fn deleting_with_its_codings_and_undoing_restores_them() {
    let (_tmp, mut ws) = workspace();
    let id = ws.study.codebook.by_path("lieux/hotel").unwrap().id;
    let before = codings_by_code(&ws.dir);
    ws.edit_codebook(CodebookEdit::Delete { id, move_to: None })
        .unwrap();
    let after = codings_by_code(&ws.dir);
    assert!(!after.contains_key(&id));
    let total = |m: &BTreeMap<CodeId, Vec<String>>| m.values().map(Vec::len).sum::<usize>();
    assert_eq!(total(&after), total(&before) - before[&id].len());
    assert!(ws.dir.check().is_ok());
    ws.edit_codebook(CodebookEdit::Undo).unwrap();
    assert_eq!(codings_by_code(&ws.dir), before);
    let err = ws
        .edit_codebook(CodebookEdit::Undo)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "nothing to undo");
}

#[test]
fn a_code_cannot_move_under_its_own_sub_code() {
    let (_tmp, mut ws) = workspace();
    let book = ws.study.codebook.clone();
    let parent = book.by_path("proxenetisme").unwrap().clone();
    let child = book.by_path("proxenetisme/conjugal").unwrap().id;
    let err = ws
        .edit_codebook(CodebookEdit::Update {
            code: grille::study::Code {
                parent: Some(child),
                ..parent
            },
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("under itself"), "{err}");
    // Moving a leaf elsewhere works and keeps its codings.
    let leaf = book.by_path("proxenetisme/hotelier").unwrap().clone();
    let lieux = book.by_path("lieux").unwrap().id;
    ws.edit_codebook(CodebookEdit::Update {
        code: grille::study::Code {
            parent: Some(lieux),
            ..leaf.clone()
        },
    })
    .unwrap();
    assert_eq!(
        ws.dir.load_study().unwrap().codebook.path(leaf.id).unwrap(),
        "lieux/hotelier"
    );
}

#[test]
fn a_merge_goes_through_while_a_session_is_open_elsewhere_and_that_session_follows_it() {
    let (_tmp, mut ws) = workspace();
    let book = ws.study.codebook.clone();
    let from = book.by_path("lieux/appartement").unwrap().id;
    let into = book.by_path("lieux/hotel").unwrap().id;
    // Another process writes one of the sessions that use the code.
    let holder = on_disk(&ws.dir)
        .into_iter()
        .find(|s| s.codings.iter().any(|c| c.code == from))
        .unwrap();
    let moved: Vec<_> = holder
        .codings
        .iter()
        .filter(|c| c.code == from)
        .map(|c| c.id)
        .collect();
    let other = StudyDir::open(ws.dir.root()).unwrap();
    let (_writer, _) = other.open_session(holder.id, &ws.study).unwrap();
    let file = ws.dir.paths().session(holder.id).file;
    let bytes = std::fs::read(&file).unwrap();
    ws.edit_codebook(CodebookEdit::Merge { from, into })
        .unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the open session is not written"
    );
    let read = on_disk(&ws.dir)
        .into_iter()
        .find(|s| s.id == holder.id)
        .unwrap();
    for id in moved {
        assert_eq!(read.coding(id).unwrap().code, into, "read under the target");
    }
    assert!(ws.dir.check().is_ok());
}
