//! The summaries a listing keeps beside the index (issue #14) are never shown stale: a session
//! changed by grille, edited in place by another program (its modification time put back), or
//! damaged is read again; a damaged one is listed with its problem every time; a changed
//! definition makes every session read again. Listings compare with those of a study without
//! any kept summary (the summaries of `Workspace::sessions`, which reads every file).

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;

use grille::store::{Preferences, StudyDir};
use grille::study::{SessionChange, SessionSummary};
use grille::workspace::Workspace;

mod common;

fn open(root: &Path) -> Workspace {
    Workspace::open(StudyDir::open(root).unwrap(), Preferences::default()).unwrap()
}

/// What a listing shows, read from every file (no kept summary), in the listing's order.
fn read_whole(root: &Path) -> (Vec<SessionSummary>, Vec<String>) {
    let ws = open(root);
    let (sessions, unreadable) = ws.sessions().unwrap();
    let summaries = sessions
        .iter()
        .map(|s| SessionSummary::of(s, &ws.study))
        .collect();
    (summaries, unreadable.into_iter().map(|u| u.error).collect())
}

fn listed(root: &Path) -> (Vec<SessionSummary>, Vec<String>) {
    let (summaries, unreadable) = open(root).summaries().unwrap();
    (summaries, unreadable.into_iter().map(|u| u.error).collect())
}

fn kept(root: &Path) -> usize {
    let bytes = std::fs::read(root.join("index/summaries.json")).unwrap_or_default();
    let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    file["sessions"].as_object().map_or(0, |m| m.len())
}

/// Lets the files age past the time under which they are never kept.
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

/// Rewrites `needle` as `replacement` (same length) inside `file`, in place (same inode), and
/// puts its modification time back: only its change time tells.
fn edit_in_place(file: &Path, needle: &str, replacement: &str) {
    assert_eq!(needle.len(), replacement.len());
    let modified = std::fs::metadata(file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    let at = text.find(needle).expect("the text to replace is there");
    let mut f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    f.seek(SeekFrom::Start(at as u64)).unwrap();
    f.write_all(replacement.as_bytes()).unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    assert_eq!(
        std::fs::metadata(file).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn kept_summaries_are_never_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("study");
    grille::corpus::generate(&root, 4, 300, 7).unwrap();

    // Files written just now are not kept: the listing reads them all, and says the same.
    assert_eq!(listed(&root), read_whole(&root));
    assert_eq!(kept(&root), 0);
    settle();
    assert_eq!(listed(&root), read_whole(&root));
    assert_eq!(kept(&root), 4);
    // Listed again from what was kept, the same.
    assert_eq!(listed(&root), read_whole(&root));

    let ids = StudyDir::open(&root).unwrap().session_ids().unwrap();
    let file = |i: usize| root.join("sessions").join(format!("{}.json", ids[i]));

    // 1. Another program edits a pseudonym in place, same size, time put back.
    let before = listed(&root).0;
    let pseudonym = before
        .iter()
        .find(|s| s.id == ids[0])
        .unwrap()
        .pseudonym
        .clone();
    let renamed = format!("Z{}", &pseudonym[1..]);
    edit_in_place(
        &file(0),
        &format!("\"{pseudonym}\""),
        &format!("\"{renamed}\""),
    );
    let (after, unreadable) = listed(&root);
    assert!(unreadable.is_empty());
    assert!(
        after
            .iter()
            .any(|s| s.id == ids[0] && s.pseudonym == renamed)
    );
    assert_eq!((after, unreadable), read_whole(&root));

    // 2. Damage in place (a brace become a letter), time put back: listed with its problem,
    //    at every listing, never from what was kept.
    edit_in_place(&file(1), "\"segments\": [", "\"segments\": x");
    for _ in 0..2 {
        let (sound, unreadable) = listed(&root);
        assert_eq!(sound.len(), 3);
        assert_eq!(unreadable.len(), 1, "{unreadable:?}");
        assert!(
            unreadable[0].contains(&ids[1].to_string()),
            "{unreadable:?}"
        );
        assert_eq!((sound, unreadable), read_whole(&root));
    }
    settle();
    assert_eq!(listed(&root).1.len(), 1);
    edit_in_place(&file(1), "\"segments\": x", "\"segments\": [");
    assert_eq!(listed(&root), read_whole(&root));
    assert_eq!(listed(&root).1.len(), 0);

    // 3. A change through grille (journalled, not folded): the session is read again.
    settle();
    assert_eq!(listed(&root), read_whole(&root));
    {
        let mut ws = open(&root);
        ws.open_current(ids[2]).unwrap();
        ws.record(SessionChange::SetInterviewer {
            interviewer: "Quelqu'un d'autre".into(),
        })
        .unwrap();
        // The process that writes it lists it as it holds it.
        let (own, _) = ws.summaries().unwrap();
        assert!(
            own.iter()
                .any(|s| s.id == ids[2] && s.interviewer == "Quelqu'un d'autre")
        );
        std::mem::forget(ws); // the journal stays as a crash would leave it
    }
    let (after, _) = listed(&root);
    assert!(
        after
            .iter()
            .any(|s| s.id == ids[2] && s.interviewer == "Quelqu'un d'autre")
    );
    assert_eq!(listed(&root), read_whole(&root));

    // 4. A session removed is no longer listed; one copied in is.
    settle();
    assert_eq!(listed(&root), read_whole(&root));
    let moved = tmp.path().join("moved.json");
    std::fs::rename(file(3), &moved).unwrap();
    assert_eq!(listed(&root).0.len(), 3);
    assert_eq!(listed(&root), read_whole(&root));
    std::fs::copy(&moved, file(3)).unwrap();
    assert_eq!(listed(&root).0.len(), 4);
    assert_eq!(listed(&root), read_whole(&root));

    // 5. A definition changed (an attribute renamed in study.json): every session is read
    //    again against it.
    settle();
    assert_eq!(listed(&root), read_whole(&root));
    let meta = root.join("study.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, text.replacen("\"secteur\"", "\"sektor_\"", 1)).unwrap();
    let (sound, unreadable) = listed(&root);
    assert_eq!(sound.len() + unreadable.len(), 4);
    assert_eq!((sound, unreadable), read_whole(&root));
}

#[test]
fn an_encrypted_study_keeps_no_summary() {
    // The summaries hold pseudonyms and attributes: nothing of them is written in clear.
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("study");
    grille::corpus::generate(&root, 3, 100, 3).unwrap();
    let s = root.to_str().unwrap();
    let grille = || {
        let mut cmd = common::grille(home.path());
        cmd.env("GRILLE_SCRYPT_WORK_FACTOR", "10")
            .env("GRILLE_PASSPHRASE", "un cheval de Troie vert")
            .env_remove("GRILLE_IDENTITY");
        cmd
    };
    grille().args(["--study", s, "encrypt"]).assert().success();
    settle();
    let first = grille().args(["--study", s, "sessions"]).assert().success();
    let again = grille().args(["--study", s, "sessions"]).assert().success();
    assert_eq!(first.get_output().stdout, again.get_output().stdout);
    assert!(String::from_utf8_lossy(&again.get_output().stdout).contains('R'));
    assert!(!root.join("index").exists());
}
