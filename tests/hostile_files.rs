//! Issue 12, the study folder: a damaged, linked or special file where a session should be, a
//! revision at its limit, crash leftovers, a full disk, the umask, another process holding a
//! session. Each time: a clear word naming the file, nothing lost, nothing hidden, no hang.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::grille;
use grille::store::{Preferences, StudyDir};
use grille::study::{Segment, SegmentId, SessionChange, SessionId, Speaker};
use grille::workspace::Workspace;

/// R01's session in the example study.
const R01: &str = "e9ceda88-5769-5bc8-892b-5b4c1ef02377";

fn examples(home: &Path) -> PathBuf {
    let root = home.join("etude");
    common::study_in(&root, true);
    root
}

fn sessions_json(home: &Path, root: &Path) -> (Vec<serde_json::Value>, bool) {
    let out = grille(home)
        .args(["--study", root.to_str().unwrap(), "sessions", "--json"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.success(),
    )
}

fn check(home: &Path, root: &Path) -> (String, String, bool) {
    let out = grille(home)
        .args(["--study", root.to_str().unwrap(), "check"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn an_empty_session_file_is_listed_with_its_problem_and_hides_no_other() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let empty = root.join(format!("sessions/{}.json", SessionId::new()));
    std::fs::write(&empty, b"").unwrap();
    let (rows, ok) = sessions_json(home.path(), &root);
    assert!(!ok, "a problem is an exit 1");
    assert_eq!(rows.len(), 7, "the six sessions and the damaged one");
    let damaged = rows.iter().find(|r| r["problem"].is_string()).unwrap();
    assert!(damaged["problem"].as_str().unwrap().contains(".json"));
    let (out, _, ok) = check(home.path(), &root);
    assert!(!ok);
    assert!(out.contains(&empty.display().to_string()), "{out}");
    // The home screen lists it too, marked.
    let mut tui = common::tui::Tui::on(
        StudyDir::open(&root).unwrap(),
        grille::i18n::Lang::Fr,
        tempfile::tempdir().unwrap(),
    );
    tui.start(grille::tui::runtime::Start::Home);
    let screen = tui.render(120, 30);
    assert!(screen.contains("7 entretien(s)"), "{screen}");
    assert!(screen.contains("⚠ problème"), "{screen}");
}

#[test]
fn a_symlinked_session_or_journal_is_refused_and_left_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let outside = home.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    // R01's file kept elsewhere and linked into the study.
    let file = root.join(format!("sessions/{R01}.json"));
    let target = outside.join("r01.json");
    std::fs::rename(&file, &target).unwrap();
    std::os::unix::fs::symlink(&target, &file).unwrap();
    let bytes = std::fs::read(&target).unwrap();
    let (out, _, ok) = check(home.path(), &root);
    assert!(!ok);
    assert!(
        out.contains(&format!(
            "{R01}.json : un lien symbolique ; grille ne suit pas les liens"
        )),
        "{out}"
    );
    let (rows, _) = sessions_json(home.path(), &root);
    assert_eq!(rows.len(), 6, "listed, with its problem");
    let mut ws = Workspace::open(StudyDir::open(&root).unwrap(), Preferences::default()).unwrap();
    assert!(ws.open_current(R01.parse().unwrap()).is_err());
    drop(ws);
    assert!(
        std::fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).unwrap(), bytes);

    // A journal linked outside the study: no note is written there.
    let (dir, study) = (
        StudyDir::open(&root).unwrap(),
        StudyDir::open(&root).unwrap().load_study().unwrap(),
    );
    let writer = dir
        .create_session(common::new_session("R10"), &study)
        .unwrap();
    let id = writer.doc().id;
    drop(writer);
    let journal = dir.paths().session(id).journal;
    let elsewhere = outside.join("notes.txt");
    std::fs::write(&elsewhere, b"").unwrap();
    std::os::unix::fs::symlink(&elsewhere, &journal).unwrap();
    let mut ws = Workspace::open(StudyDir::open(&root).unwrap(), Preferences::default()).unwrap();
    let opened = ws.open_current(id);
    if opened.is_ok() {
        let segment = Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: "Un mot confidentiel".into(),
        };
        let written = ws.record(SessionChange::AddSegment {
            segment,
            after: None,
            before: None,
        });
        assert!(written.is_err(), "a linked journal is never written");
    }
    drop(ws);
    assert_eq!(
        std::fs::read(&elsewhere).unwrap(),
        b"",
        "nothing left the study"
    );
    let (out, _, _) = check(home.path(), &root);
    assert!(out.contains(".journal : un lien symbolique"), "{out}");
}

#[test]
fn a_linked_sessions_or_index_folder_is_refused_and_nothing_is_written_through_it() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    // The sessions kept in a synced folder, linked into the study.
    let synced = home.path().join("synced");
    std::fs::rename(root.join("sessions"), &synced).unwrap();
    std::os::unix::fs::symlink(&synced, root.join("sessions")).unwrap();
    let before = common::folder_bytes(&synced);
    for args in [&["check"][..], &["sessions"], &["search", "hôtel"]] {
        let out = grille(home.path())
            .args(["--study", root.to_str().unwrap(), "--lang", "en"])
            .args(args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("sessions: a symbolic link; grille does not follow links inside a study"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(common::folder_bytes(&synced), before);
    assert!(
        !root.join("index").exists(),
        "no index built from linked sessions"
    );

    // A linked index folder would put the full text outside the study.
    std::fs::remove_file(root.join("sessions")).unwrap();
    std::fs::rename(&synced, root.join("sessions")).unwrap();
    let elsewhere = home.path().join("index-elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("index")).unwrap();
    grille(home.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "--lang",
            "en",
            "search",
            "hôtel",
        ])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("index: a symbolic link"));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn a_fifo_where_a_session_or_journal_should_be_hangs_nothing() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let fifo = root.join(format!("sessions/{}.json", SessionId::new()));
    let journal = root.join(format!("sessions/{R01}.journal"));
    for path in [&fifo, &journal] {
        assert!(
            std::process::Command::new("mkfifo")
                .arg(path)
                .status()
                .unwrap()
                .success()
        );
    }
    // Each command ends (the timeout would fail it) and names what it found.
    let (rows, ok) = sessions_json(home.path(), &root);
    assert!(!ok);
    assert_eq!(rows.len(), 7);
    let (out, _, ok) = check(home.path(), &root);
    assert!(!ok);
    assert!(
        out.contains("un tube nommé (FIFO), pas un fichier ordinaire"),
        "{out}"
    );
    assert!(out.contains(&format!("{R01}.journal")), "{out}");
}

#[test]
fn a_folder_or_a_device_where_a_session_should_be_hangs_nothing() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let folder = root.join(format!("sessions/{}.json", SessionId::new()));
    std::fs::create_dir(&folder).unwrap();
    // /dev/zero's node (as root, as CI runs): a read of it would never end.
    let device = root.join(format!("sessions/{}.json", SessionId::new()));
    let as_root = std::process::Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "5"])
        .status()
        .is_ok_and(|s| s.success());
    let (rows, ok) = sessions_json(home.path(), &root);
    assert!(!ok);
    assert_eq!(rows.len(), if as_root { 8 } else { 7 });
    let (out, _, ok) = check(home.path(), &root);
    assert!(!ok);
    let named = |path: &Path, what: &str| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        out.lines()
            .any(|l| l.contains(&name) && l.contains(&format!("{what}, pas un fichier ordinaire")))
    };
    assert!(named(&folder, "un dossier"), "{out}");
    if as_root {
        assert!(named(&device, "un périphérique"), "{out}");
    }
    assert!(folder.is_dir());
}

#[test]
fn a_revision_at_its_limit_is_damage_not_a_wrap_to_zero() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let file = root.join(format!("sessions/{R01}.json"));
    let text = std::fs::read_to_string(&file).unwrap();
    let mut session: serde_json::Value = serde_json::from_str(&text).unwrap();
    session["revision"] = u64::MAX.into();
    std::fs::write(&file, serde_json::to_string_pretty(&session).unwrap()).unwrap();
    let (out, _, ok) = check(home.path(), &root);
    assert!(!ok);
    assert!(
        out.contains("$.revision") && out.contains("out of range (damaged file)"),
        "{out}"
    );
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    assert!(dir.open_session(R01.parse().unwrap(), &study).is_err());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap().len(),
        serde_json::to_string_pretty(&session).unwrap().len()
    );
}

#[test]
fn crash_leftovers_are_named_by_check_and_removed_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let old = root.join("sessions/.grille-AbC123.tmp");
    let fresh = root.join(".grille-XyZ789.tmp");
    std::fs::write(&old, "{\"id\": \"moitié d'une copie").unwrap();
    std::fs::write(&fresh, "en cours d'écriture").unwrap();
    // A repair log and the preferences, cut short the same way.
    std::fs::create_dir(root.join("repairs")).unwrap();
    let log = root.join("repairs/.grille-Rp4ir1.tmp");
    let config = home.path().join("config/grille");
    std::fs::create_dir_all(&config).unwrap();
    let prefs = config.join(".grille-Pr3fs0.tmp");
    for (file, text) in [(&log, "{\"dropped\": ["), (&prefs, "{\"coder\": \"Lé")] {
        std::fs::write(file, text).unwrap();
    }
    for file in [&old, &log, &prefs] {
        assert!(
            std::process::Command::new("touch")
                .args(["-d", "2021-01-01", file.to_str().unwrap()])
                .status()
                .unwrap()
                .success()
        );
    }
    let (_, err, ok) = check(home.path(), &root);
    assert!(ok, "a leftover is a note, not a problem");
    assert!(
        err.contains(".grille-AbC123.tmp: a crash leftover"),
        "{err}"
    );
    assert!(!err.contains("not a session file"), "{err}");
    // The next grille removes the old one; one written a moment ago may be another's.
    let (rows, _) = sessions_json(home.path(), &root);
    assert_eq!(rows.len(), 6);
    assert!(!old.exists());
    assert!(!log.exists());
    assert!(!prefs.exists());
    assert!(fresh.exists());
}

#[test]
fn every_file_grille_makes_in_a_study_is_private_whatever_the_umask() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let run = |args: &str| {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask 000; HOME={h} XDG_CONFIG_HOME={h}/config {bin} {args}",
                h = home.path().display(),
                bin = env!("CARGO_BIN_EXE_grille"),
            ))
            .output()
            .unwrap();
        assert!(status.status.success(), "{args}: {status:?}");
    };
    let study = format!("--study {}", root.display());
    std::fs::write(home.path().join("t.txt"), "ENQ : Bonjour.\nR : Bonjour.\n").unwrap();
    run(&format!("init {} --examples", root.display()));
    run(&format!("{study} codebook add lieux/camping"));
    run(&format!("{study} codebook merge lieux/camping lieux/rue"));
    run(&format!("{study} search hôtel"));
    run(&format!(
        "{study} import {}",
        home.path().join("t.txt").display()
    ));
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            out.push(p.clone());
            if p.is_dir() {
                walk(&p, out);
            }
        }
    }
    let mut all = Vec::new();
    walk(&root, &mut all);
    assert!(all.iter().any(|p| p.starts_with(root.join("index"))));
    assert!(
        all.iter()
            .any(|p| p.extension().is_some_and(|e| e == "lock"))
    );
    for path in all {
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), expected, "{}", path.display());
    }
    assert_eq!(mode(&root), 0o700);
}

#[test]
fn a_full_disk_when_an_interview_starts_leaves_no_empty_session_file() {
    assert!(
        common::tmux::available(),
        "tmux is needed (.ci/run installs it)"
    );
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let before: Vec<_> = std::fs::read_dir(root.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    // No file may grow (and the signal is ignored: writes fail as on a full
    // disk): the new session file cannot be written whole.
    let command = format!(
        "sh -c \"trap '' XFSZ; ulimit -f 0; env HOME={h} XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {bin} --study {root} interview --interviewer Camille --respondent R99 --consent given\"",
        h = home.path().display(),
        bin = env!("CARGO_BIN_EXE_grille"),
        root = root.display(),
    );
    let ui = common::tmux::Tmux::start("full-disk", &command, 160, 40);
    let screen = ui.wait_for("le disque est plein");
    // One sentence naming the session file, not a temporary one.
    assert!(screen.contains("sessions/"), "{screen}");
    assert!(!screen.contains(".grille-"), "{screen}");
    drop(ui);
    let after: Vec<_> = std::fs::read_dir(root.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(
        after.len(),
        before
            .iter()
            .filter(|n| n.to_string_lossy().ends_with(".json"))
            .count()
    );
    let (rows, ok) = sessions_json(home.path(), &root);
    assert!(ok);
    assert_eq!(rows.len(), 6);
}

#[test]
fn a_repair_names_the_respondent_and_the_process_of_a_session_open_elsewhere() {
    let home = tempfile::tempdir().unwrap();
    let root = examples(home.path());
    let file = root.join(format!("sessions/{R01}.json"));
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    session["codings"][0]["code"] = "00000000-0000-4000-8000-00000000dead".into();
    std::fs::write(&file, serde_json::to_string_pretty(&session).unwrap()).unwrap();
    // Another process (another workspace) holds R01 for writing.
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    let _other = dir
        .open_session_to_repair(R01.parse().unwrap(), &study)
        .unwrap();
    let mut ws = Workspace::open(StudyDir::open(&root).unwrap(), Preferences::default()).unwrap();
    let proposed = ws.repairs().unwrap();
    let done = ws.repair(&proposed).unwrap();
    assert_eq!(done.applied, 0);
    let (who, why) = &done.skipped[0];
    assert_eq!(who, "R01");
    assert!(
        why.contains(&format!("process {}", std::process::id())),
        "{why}"
    );
    // Opened elsewhere, the session opens read-only here, saying who writes it.
    let opened = ws.open_current(R01.parse().unwrap());
    assert!(opened.is_ok_and(|o| o.read_only || o.problem.is_some()));
}
