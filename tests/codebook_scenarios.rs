//! Issue 9: a codebook change never orphans, hides or half-changes an interview. The three
//! scenarios that broke it, replayed as a user would: a code created on the spot then merged
//! and grille killed; two grille on one study; `kill -9` in the middle of a merge.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::tmux::grille_command;
use common::tui::Tui;
use grille::i18n::Lang;
use grille::store::{Preferences, StudyDir};
use grille::study::{CodeId, CodingId, Session, SessionId};
use grille::tui::coding::CodingScreen;
use grille::tui::runtime::Start;
use grille::workspace::{CodebookEdit, Workspace};
use ratatui::crossterm::event::KeyCode;

/// R01, the first example session on the home screen.
const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

fn prefs(name: &str) -> Preferences {
    Preferences {
        interviewer: Some(name.into()),
        ..Default::default()
    }
}

/// What a new grille finds: every session with its codings (as read, records followed),
/// those it could not read, and what `grille check` says.
struct Found {
    sessions: BTreeMap<SessionId, Session>,
    unreadable: usize,
    check_errors: Vec<String>,
}

fn next_start(root: &Path) -> Found {
    let dir = StudyDir::open(root).unwrap();
    let report = dir.check();
    let ws = Workspace::open(dir, prefs("Vérif")).unwrap();
    let (sessions, unreadable) = ws.sessions().unwrap();
    Found {
        sessions: sessions.into_iter().map(|s| (s.id, s)).collect(),
        unreadable: unreadable.len(),
        check_errors: report.errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn codings_of(found: &Found, code: CodeId) -> BTreeSet<CodingId> {
    found
        .sessions
        .values()
        .flat_map(|s| s.codings.iter().filter(|c| c.code == code).map(|c| c.id))
        .collect()
}

fn all_codings(found: &Found) -> BTreeSet<(SessionId, CodingId)> {
    found
        .sessions
        .values()
        .flat_map(|s| s.codings.iter().map(|c| (s.id, c.id)))
        .collect()
}

/// The code a coding of the open session shows under on screen.
fn shown_code(tui: &Tui, coding: CodingId) -> CodeId {
    let code = tui.session().coding(coding).unwrap().code;
    tui.study().codebook.shown(code).unwrap().id
}

/// Types without letting time pass (a fast typist: no tick in between).
fn type_at_once(tui: &mut Tui, text: &str) {
    for c in text.chars() {
        tui.key(KeyCode::Char(c));
    }
}

/// Scenario 1, through the interface: `Ctrl+N` creates a code in the picker, the excerpt is
/// coded with it, `B`, `f` merges it into another; then grille dies without a clean quit.
#[test]
fn a_code_made_on_the_spot_then_merged_survives_a_kill() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    let (dir, _) = common::study_in(&root, true);
    let before = next_start(&root);
    let conjugal = dir
        .load_study()
        .unwrap()
        .codebook
        .by_path("proxenetisme/conjugal")
        .unwrap()
        .id;
    let conjugal_before = codings_of(&before, conjugal);

    let mut tui = Tui::on(dir, Lang::Fr, tempfile::tempdir().unwrap());
    tui.start(Start::Home);
    tui.key(KeyCode::Enter);
    tui.screen::<CodingScreen>();
    assert_eq!(tui.session().id.to_string(), R01);
    tui.key(KeyCode::Char('}'));
    tui.key(KeyCode::Char('c'));
    tui.type_text("Emprise");
    tui.ctrl('n');
    let created = tui.study().codebook.by_path("emprise").unwrap().id;
    let coded = tui
        .session()
        .codings
        .iter()
        .find(|c| c.code == created)
        .expect("coded with the new code")
        .id;

    // B, then down to the new code (last of the tree), f, the target, Enter.
    tui.key(KeyCode::Char('B'));
    let at = tui
        .study()
        .codebook
        .tree()
        .iter()
        .position(|(_, c)| c.id == created)
        .unwrap();
    for _ in 0..at {
        tui.key(KeyCode::Down);
    }
    tui.key(KeyCode::Char('f'));
    tui.type_text("Proxénétisme conjugal");
    tui.key(KeyCode::Enter);
    assert!(tui.study().codebook.get(created).is_some(), "asked first");
    tui.key(KeyCode::Enter);
    assert!(tui.study().codebook.get(created).is_none(), "merged");
    tui.key(KeyCode::Esc);
    tui.screen::<CodingScreen>();
    assert_eq!(
        shown_code(&tui, coded),
        conjugal,
        "the screen shows the coding under its new code"
    );

    // Killed: nothing folded, nothing closed.
    std::mem::forget(tui);

    let after = next_start(&root);
    assert_eq!(after.unreadable, 0);
    assert_eq!(
        after.sessions.len(),
        before.sessions.len(),
        "no session hidden"
    );
    assert!(after.check_errors.is_empty(), "{:?}", after.check_errors);
    let mut expected = conjugal_before.clone();
    expected.insert(coded);
    assert_eq!(
        codings_of(&after, conjugal),
        expected,
        "the merged coding counts under the target"
    );
    // The home screen of the next start lists every interview.
    let mut again = Tui::on(
        StudyDir::open(&root).unwrap(),
        Lang::Fr,
        tempfile::tempdir().unwrap(),
    );
    again.start(Start::Home);
    let screen = again.render(120, 30);
    assert!(
        screen.contains(&format!("{} entretien(s)", before.sessions.len())),
        "{screen}"
    );
    assert!(!screen.contains("⚠"), "{screen}");
}

/// Scenario 2, with two workspaces on one folder as two grille would have: B merges and
/// deletes codes while A, open on an interview, still offers them.
#[test]
fn two_grille_on_one_study_never_hide_an_interview() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    let (dir, study) = common::study_in(&root, true);
    let book = &study.codebook;
    let appartement = book.by_path("lieux/appartement").unwrap().id;
    let hotel = book.by_path("lieux/hotel").unwrap().id;
    let rue = book.by_path("lieux/rue").unwrap().id;
    let before = next_start(&root);

    // A: the interface, coding R01.
    let mut a = Tui::on(dir, Lang::Fr, tempfile::tempdir().unwrap());
    a.start(Start::Home);
    a.key(KeyCode::Enter);
    // A's picker offers "Appartement"...
    a.key(KeyCode::Char('}'));
    a.key(KeyCode::Char('c'));
    type_at_once(&mut a, "Appartement");
    // ... when B, another grille on the same folder, merges it into "Hôtel".
    let mut b = Workspace::open(StudyDir::open(&root).unwrap(), prefs("Sami")).unwrap();
    b.edit_codebook(CodebookEdit::Merge {
        from: appartement,
        into: hotel,
    })
    .unwrap();
    // Coding with it writes it under the code it was merged into, and A says so.
    assert!(a.study().codebook.get(appartement).is_some());
    a.key(KeyCode::Enter);
    let notice = a.app.notice.clone().expect("a notice");
    assert!(
        notice.text.contains("fusionné dans « Hôtel »") && notice.text.contains("Sami"),
        "{notice:?}"
    );
    let r01 = next_start(&root).sessions[&R01.parse().unwrap()].clone();
    let written = r01.codings.last().unwrap();
    assert_eq!(written.code, hotel);
    // The screen took the new codebook in with it.
    assert!(a.study().codebook.get(appartement).is_none());
    assert_eq!(shown_code(&a, written.id), hotel);

    // B deletes "Rue" with its codings while A's picker offers it: the coding is refused,
    // never shown as saved.
    let count = r01.codings.len();
    a.key(KeyCode::Char('}'));
    a.key(KeyCode::Char('c'));
    type_at_once(&mut a, "Rue, routes");
    b.edit_codebook(CodebookEdit::Delete {
        id: rue,
        move_to: None,
    })
    .unwrap();
    a.key(KeyCode::Enter);
    let notice = a.app.notice.clone().expect("a notice");
    assert!(notice.error, "{notice:?}");
    assert!(notice.text.contains("supprimé par Sami"), "{notice:?}");
    let r01 = next_start(&root).sessions[&R01.parse().unwrap()].clone();
    assert_eq!(r01.codings.len(), count, "nothing written");
    assert!(a.app.save_failed);

    // B renames a code; within a second A's screen shows it.
    let mut conjugal = a
        .study()
        .codebook
        .by_path("proxenetisme/conjugal")
        .unwrap()
        .clone();
    conjugal.name = "Proxénétisme de couple".into();
    b.edit_codebook(CodebookEdit::Update {
        code: conjugal.clone(),
    })
    .unwrap();
    a.wait(1100);
    assert_eq!(
        a.study().codebook.get(conjugal.id).unwrap().name,
        "Proxénétisme de couple"
    );

    // Nothing hidden, nothing lost: A's codings are all there, check is clean.
    drop(a);
    let after = next_start(&root);
    assert_eq!(after.unreadable, 0);
    assert_eq!(after.sessions.len(), before.sessions.len());
    assert!(after.check_errors.is_empty(), "{:?}", after.check_errors);
    let lost: Vec<_> = all_codings(&before)
        .into_iter()
        .filter(|(s, c)| {
            let was_rue = before.sessions[s].coding(*c).unwrap().code == rue;
            !was_rue && after.sessions[s].coding(*c).is_none()
        })
        .collect();
    assert!(lost.is_empty(), "{lost:?}");
}

/// Scenario 2 with two processes: the interface holds a session while `grille codebook merge`
/// runs; then A codes with the merged code.
#[test]
fn a_merge_from_another_process_reaches_an_open_interface() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    let (dir, study) = common::study_in(&root, true);
    let appartement = study.codebook.by_path("lieux/appartement").unwrap().id;
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut a = Tui::on(dir, Lang::En, tempfile::tempdir().unwrap());
    a.start(Start::Home);
    a.key(KeyCode::Enter);

    common::grille(tmp.path())
        .args(["--study", root.to_str().unwrap(), "codebook", "merge"])
        .args(["lieux/appartement", "lieux/hotel"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "« Appartement » fusionné dans « Hôtel »",
        ));

    a.wait(1100);
    assert!(a.study().codebook.get(appartement).is_none());
    // The picker offers only codes that exist: "Appartement" is not there any more.
    a.key(KeyCode::Char('}'));
    a.key(KeyCode::Char('c'));
    a.type_text("Hôtel");
    a.key(KeyCode::Enter);
    drop(a);
    let after = next_start(&root);
    assert_eq!(after.unreadable, 0);
    assert!(after.check_errors.is_empty(), "{:?}", after.check_errors);
    assert!(codings_of(&after, appartement).is_empty());
    assert!(!codings_of(&after, hotel).is_empty());
}

/// Copies a study folder (files only, one level of folders).
fn copy_study(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("sessions")).unwrap();
    for dir in [from.to_path_buf(), from.join("sessions")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let rel = path.strip_prefix(from).unwrap();
                std::fs::copy(&path, to.join(rel)).unwrap();
            }
        }
    }
}

/// Scenario 3: `kill -9` at random moments of `grille codebook merge` over 60 sessions, 30
/// times. Each time the next start finds the study wholly before or wholly after the merge,
/// no session hidden, no coding lost, check clean; and after it, the undo is still there.
#[test]
fn a_merge_killed_at_any_moment_is_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let pristine = tmp.path().join("corpus");
    common::grille(tmp.path())
        .args(["dev", "gen-corpus", "--out", pristine.to_str().unwrap()])
        .args(["--sessions", "60", "--words", "600", "--seed", "7"])
        .assert()
        .success();
    // "lieux/hotel" is coded in every session (one more coding each, written as an analyst
    // would), and merged into "lieux/appartement".
    let study = StudyDir::open(&pristine).unwrap().load_study().unwrap();
    let from = study.codebook.by_path("lieux/hotel").unwrap().id;
    let into = study.codebook.by_path("lieux/appartement").unwrap().id;
    {
        let mut ws = Workspace::open(StudyDir::open(&pristine).unwrap(), prefs("Léa")).unwrap();
        for id in ws.dir.session_ids().unwrap() {
            let session = ws.open_current(id).unwrap().session;
            let segment = &session.segments[0];
            let coding = grille::study::Coding {
                id: CodingId::new(),
                segment: segment.id,
                start: 0,
                end: segment.text.chars().count(),
                code: from,
                coder: "Léa".into(),
                at: common::time("2021-09-14T10:00:00+02:00"),
                memo: None,
                quote: None,
            };
            ws.record(grille::study::SessionChange::AddCoding { coding })
                .unwrap();
        }
    }
    let before = next_start(&pristine);
    assert_eq!(before.sessions.len(), 60);
    let reached: BTreeSet<SessionId> = before
        .sessions
        .values()
        .filter(|s| s.codings.iter().any(|c| c.code == from))
        .map(|s| s.id)
        .collect();
    assert_eq!(reached.len(), 60, "the merge reaches every session");
    let moved = codings_of(&before, from);
    let all = all_codings(&before);
    let merge = |root: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_grille"))
            .env("HOME", tmp.path())
            .env("XDG_CONFIG_HOME", tmp.path().join("config"))
            .args(["--study", root.to_str().unwrap(), "codebook", "merge"])
            .args([from.to_string(), into.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a merge takes here, to kill within it.
    let timed = tmp.path().join("timed");
    copy_study(&pristine, &timed);
    let start = Instant::now();
    assert!(merge(&timed).wait().unwrap().success());
    let span = start.elapsed();

    let mut wholly = [0, 0];
    for run in 0..30 {
        let root = tmp.path().join(format!("run-{run}"));
        copy_study(&pristine, &root);
        let mut child = merge(&root);
        let delay = span.mul_f64(fastrand::f64() * 1.2);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        let found = next_start(&root);
        assert_eq!(found.unreadable, 0, "run {run}: a session is hidden");
        assert_eq!(found.sessions.len(), 60, "run {run}");
        assert!(
            found.check_errors.is_empty(),
            "run {run}: {:?}",
            found.check_errors
        );
        assert_eq!(all_codings(&found), all, "run {run}: a coding was lost");
        let (under_from, under_into) = (codings_of(&found, from), codings_of(&found, into));
        if under_from == moved {
            wholly[0] += 1;
        } else {
            assert!(under_from.is_empty(), "run {run}: half merged");
            assert!(moved.is_subset(&under_into), "run {run}: half merged");
            wholly[1] += 1;
            // The undo survived the kill.
            let mut ws = Workspace::open(StudyDir::open(&root).unwrap(), prefs("Vérif")).unwrap();
            ws.edit_codebook(CodebookEdit::Undo).unwrap();
            assert_eq!(codings_of(&next_start(&root), from), moved, "run {run}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
    eprintln!(
        "30 kills in a {span:?} merge: {} before, {} after",
        wholly[0], wholly[1]
    );
    let _ = Duration::ZERO;
}

/// Scenario 1 with the real binary in a terminal: `Ctrl+N`, coded, `B` `f` merged, `kill -9`;
/// the next start lists every interview, `check` is clean, the export counts the coding under
/// the target.
#[test]
fn a_code_made_on_the_spot_then_merged_survives_kill_9_in_a_terminal() {
    assert!(
        common::tmux::available(),
        "tmux is needed (.ci/run installs it)"
    );
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    common::study_in(&root, true);
    let study_arg = format!("--study {}", root.display());
    let frequencies = |home: &Path| -> serde_json::Value {
        let out = common::grille(home)
            .args([
                "--study",
                root.to_str().unwrap(),
                "export",
                "frequencies",
                // Every coder: the coding made here is not by R01's reference coder.
                "--coder",
                "all",
                "--json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let excerpts_of = |table: &serde_json::Value, path: &str| -> i64 {
        let rows = table["tables"][0]["rows"].as_array().unwrap();
        let row = rows
            .iter()
            .find(|r| r["code"]["key"] == path)
            .unwrap_or_else(|| panic!("no row {path}"));
        row["excerpts"].as_i64().unwrap()
    };
    let before = excerpts_of(&frequencies(home.path()), "proxenetisme/conjugal");

    let ui = common::tmux::Tmux::start(
        "merge-kill9",
        &grille_command(home.path(), &study_arg),
        120,
        40,
    );
    ui.wait_for("6 entretien(s)");
    ui.keys(&["Enter"]);
    ui.wait_for("R01");
    ui.keys(&["}", "c"]);
    ui.type_text("Emprise");
    ui.keys(&["C-n"]);
    ui.wait_for("Emprise");
    ui.keys(&["B"]);
    // The new code is the last of the tree.
    for _ in 0..10 {
        ui.keys(&["PageDown"]);
    }
    ui.wait_for("Emprise");
    ui.keys(&["f"]);
    ui.type_text("Proxénétisme conjugal");
    ui.keys(&["Enter"]);
    ui.wait_for("compteront sous");
    ui.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    ui.kill_9();
    drop(ui);

    common::grille(home.path())
        .args(["--study", root.to_str().unwrap(), "check"])
        .assert()
        .success();
    let listed = common::grille(home.path())
        .args(["--study", root.to_str().unwrap(), "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&listed).unwrap();
    assert_eq!(rows.len(), 6, "no session hidden");
    let after = frequencies(home.path());
    assert_eq!(
        excerpts_of(&after, "proxenetisme/conjugal"),
        before + 1,
        "the merged coding counts under the target"
    );
    let ui = common::tmux::Tmux::start(
        "merge-kill9-again",
        &grille_command(home.path(), &study_arg),
        120,
        40,
    );
    let screen = ui.wait_for("6 entretien(s)");
    assert!(!screen.contains("⚠"), "{screen}");
}
