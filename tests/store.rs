//! The study on disk: nothing acknowledged is ever lost, nothing unreadable is ever overwritten.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

use common::{new_session, study_in, time};
use grille::store::{StoreError, StudyDir};
use grille::study::{
    Coding, CodingId, Segment, SegmentId, SessionChange, SessionId, Speaker, Value,
};

fn segment(text: &str) -> Segment {
    Segment {
        id: SegmentId::new(),
        question: None,
        speaker: Speaker::Respondent,
        speaker_label: None,
        recording: None,
        start: Some(time("2021-04-12T10:05:00+02:00")),
        end: None,
        text: text.into(),
    }
}

fn add(text: &str) -> SessionChange {
    SessionChange::AddSegment {
        segment: segment(text),
        after: None,
        before: None,
    }
}

/// The study folder as a process killed now leaves it: files copied while the writer is open.
fn crash_copy(dir: &StudyDir, to: &std::path::Path) -> StudyDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    copy(dir.root(), to);
    StudyDir::open(to).unwrap()
}

fn texts(dir: &StudyDir, study: &grille::study::Study, id: SessionId) -> Vec<String> {
    let loaded = dir.load_session(id, study).unwrap();
    loaded.doc.segments.iter().map(|s| s.text.clone()).collect()
}

#[test]
fn changes_in_the_journal_survive_a_crash_before_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let mut writer = dir.create_session(new_session("R01"), &study).unwrap();
    let id = writer.doc().id;
    writer.apply(add("L'hôtelier a dit…"), &study).unwrap();
    writer
        .apply(add("Elle était hébergée chez lui."), &study)
        .unwrap();
    // The process dies here: no snapshot, no clean close. What it leaves is the disk as it is.
    let dir = crash_copy(&dir, &tmp.path().join("after-crash"));

    let file = dir.paths().session(id);
    let on_disk = std::fs::read_to_string(&file.file).unwrap();
    assert!(
        !on_disk.contains("hôtelier"),
        "the snapshot was not written"
    );
    assert_eq!(
        texts(&dir, &study, id),
        ["L'hôtelier a dit…", "Elle était hébergée chez lui."]
    );

    // Reopening for writing folds the journal into the file and removes it.
    let (writer, notes) = dir.open_session(id, &study).unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("2 change(s) recovered"));
    drop(writer);
    assert!(!file.journal.exists());
    assert!(
        std::fs::read_to_string(&file.file)
            .unwrap()
            .contains("hôtelier")
    );
}

#[test]
fn a_crash_between_snapshot_and_journal_removal_applies_nothing_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let mut writer = dir.create_session(new_session("R01"), &study).unwrap();
    let id = writer.doc().id;
    writer.apply(add("un"), &study).unwrap();
    writer.apply(add("deux"), &study).unwrap();
    let paths = writer.paths().clone();
    let journal = std::fs::read(&paths.journal).unwrap();
    writer.checkpoint().unwrap();
    // As if the process died after the rename but before removing the journal.
    std::fs::write(&paths.journal, journal).unwrap();
    drop(writer);
    assert_eq!(texts(&dir, &study, id), ["un", "deux"]);
}

/// Run as a child process by the test below: writes notes and acknowledges each one.
#[test]
#[ignore = "child process of kill_9_loses_no_acknowledged_change"]
fn crash_child_writes_until_killed() {
    let root =
        std::env::var("GRILLE_CRASH_CHILD").expect("run by kill_9_loses_no_acknowledged_change");
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    let id = dir.session_ids().unwrap()[0];
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    let mut out = std::io::stdout().lock();
    for k in 0.. {
        writer.apply(add(&format!("note {k} — é")), &study).unwrap();
        writeln!(out, "ack {k}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn kill_9_loses_no_acknowledged_change() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("s");
    let (dir, study) = study_in(&root, false);
    let id = dir
        .create_session(new_session("R01"), &study)
        .unwrap()
        .doc()
        .id;

    for round in 0..3 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_child_writes_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env("GRILLE_CRASH_CHILD", &root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut acked = None;
        let stdout = BufReader::new(child.stdout.take().unwrap());
        // Let it run past the automatic checkpoint (every 200 changes) on the second round.
        let stop_at = [37, 260, 5][round];
        for line in stdout.lines() {
            let line = line.unwrap();
            if let Some(k) = line.strip_prefix("ack ") {
                acked = Some(k.parse::<usize>().unwrap());
                if acked == Some(stop_at) {
                    child.kill().unwrap(); // SIGKILL
                    break;
                }
            }
        }
        child.wait().unwrap();
        let acked = acked.expect("the child acknowledged changes");
        let texts = texts(&dir, &study, id);
        let this_round: Vec<&String> = texts.iter().filter(|t| t.starts_with("note ")).collect();
        // Every acknowledged note of every round is there, in order.
        let expected_min: usize = [37, 260, 5][..=round].iter().map(|n| n + 1).sum();
        assert!(
            this_round.len() >= expected_min,
            "round {round}: {} notes, {expected_min} acknowledged (last ack {acked})",
            this_round.len()
        );
    }
}

#[test]
fn a_torn_last_line_is_reported_and_the_rest_recovered() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let mut writer = dir.create_session(new_session("R01"), &study).unwrap();
    let id = writer.doc().id;
    writer.apply(add("avant la coupure"), &study).unwrap();
    let dir = crash_copy(&dir, &tmp.path().join("after-crash"));
    let paths = dir.paths().session(id);
    // Half of a record, as a crash in the middle of write() leaves it.
    let mut journal = std::fs::OpenOptions::new()
        .append(true)
        .open(&paths.journal)
        .unwrap();
    journal
        .write_all(br#"{"rev":2,"at":"2021-04-12T10:06:00+02:00","change":{"op":"edit_te"#)
        .unwrap();
    drop(journal);

    let loaded = dir.load_session(id, &study).unwrap();
    assert_eq!(loaded.doc.segments.len(), 1);
    assert_eq!(loaded.torn.as_ref().unwrap().line, 2);
    let report = dir.check();
    assert!(report.is_ok(), "{:?}", report.errors);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("line 2 was cut short")),
        "{:?}",
        report.notes
    );

    // Opening for writing keeps the damaged journal aside and goes on from the good records.
    let (mut writer, notes) = dir.open_session(id, &study).unwrap();
    assert!(notes.iter().any(|n| n.contains("cut short")));
    writer.apply(add("après"), &study).unwrap();
    drop(writer);
    assert_eq!(texts(&dir, &study, id), ["avant la coupure", "après"]);
    let aside: Vec<_> = std::fs::read_dir(dir.paths().sessions_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".journal.torn-"))
        .collect();
    assert_eq!(aside.len(), 1);
}

#[test]
fn a_second_writer_gets_a_clear_refusal_and_can_still_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let mut first = dir.create_session(new_session("R01"), &study).unwrap();
    let id = first.doc().id;
    first.apply(add("écrit par le premier"), &study).unwrap();
    let err = dir.open_session(id, &study).err().expect("refused");
    assert!(matches!(err, StoreError::Locked { .. }));
    // It names the process that writes it (here, this one).
    let pid = format!(
        "being written by another grille (process {}",
        std::process::id()
    );
    assert!(err.to_string().contains(&pid), "{err}");
    // Read-only access sees the first writer's journalled change.
    assert_eq!(texts(&dir, &study, id), ["écrit par le premier"]);
}

#[test]
fn a_corrupt_session_is_reported_and_never_rewritten() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let id = dir
        .create_session(new_session("R01"), &study)
        .unwrap()
        .doc()
        .id;
    let file = dir.paths().session(id).file;
    let good = std::fs::read_to_string(&file).unwrap();
    let broken = good.replacen("\"status\": \"in_progress\"", "\"status\": \"fini\"", 1);
    std::fs::write(&file, &broken).unwrap();

    let err = dir.load_session(id, &study).unwrap_err().to_string();
    assert!(err.contains(&format!("{id}.json: at $.status")), "{err}");
    assert!(err.contains("unknown variant `fini`"), "{err}");
    assert!(dir.open_session(id, &study).is_err());
    let report = dir.check();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn a_session_breaking_the_rules_is_refused_with_every_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let mut writer = dir.create_session(new_session("R01"), &study).unwrap();
    let id = writer.doc().id;
    let seg = segment("Proxénétisme conjugal");
    let seg_id = seg.id;
    writer
        .apply(
            SessionChange::AddSegment {
                segment: seg,
                after: None,
                before: None,
            },
            &study,
        )
        .unwrap();
    let code = study.codebook.by_path("proxenetisme/conjugal").unwrap().id;
    let coding = Coding {
        id: CodingId::new(),
        segment: seg_id,
        start: 0,
        end: 12,
        code,
        coder: "Camille Roux".into(),
        at: time("2021-04-12T10:07:00+02:00"),
        memo: None,
        quote: None,
    };
    writer
        .apply(
            SessionChange::AddCoding {
                coding: coding.clone(),
            },
            &study,
        )
        .unwrap();
    // The model refuses a bad change before it reaches the journal.
    let bad = Coding {
        id: CodingId::new(),
        end: 99,
        ..coding
    };
    let err = writer
        .apply(SessionChange::AddCoding { coding: bad }, &study)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("span [0, 99) is out of range: the segment text has 21 characters"),
        "{err}"
    );
    let (deja, _) = (
        study.grid.question_by_key("deja_identifie").unwrap().1.id,
        (),
    );
    let err = writer
        .apply(
            SessionChange::SetAnswer {
                question: deja,
                value: Some(Value::Number(3.0)),
            },
            &study,
        )
        .unwrap_err();
    assert!(err.to_string().contains("expected true or false"), "{err}");
    drop(writer);

    // A file edited by hand with an unknown code and an offset out of range.
    let file = dir.paths().session(id).file;
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text
        .replace(&code.to_string(), "00000000-0000-4000-8000-000000000001")
        .replace("\"end\": 12", "\"end\": 40");
    std::fs::write(&file, &edited).unwrap();
    let report = dir.check();
    let all: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    let all = all.join("\n");
    assert!(
        all.contains("$.codings[0].code: coding ")
            && all.contains("has an unknown code id 00000000-0000-4000-8000-000000000001"),
        "{all}"
    );
    assert!(
        all.contains("$.codings[0]: span [0, 40) is out of range"),
        "{all}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
}

#[test]
fn files_are_private() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    let (dir, study) = study_in(&root, true);
    let mut writer = dir.create_session(new_session("R01"), &study).unwrap();
    writer.apply(add("x"), &study).unwrap();
    let journal = writer.paths().journal.clone();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&journal), 0o600);
    assert_eq!(mode(writer.lock_path()), 0o600);
    drop(writer);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&dir.paths().sessions_dir()), 0o700);
    for entry in walk(&root) {
        let expected = if entry.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&entry), expected, "{}", entry.display());
    }
}

fn walk(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

#[test]
fn example_sessions_round_trip_byte_for_byte() {
    use grille::store::template::DIAGNOSTIC;
    assert!(
        DIAGNOSTIC.examples.len() >= 4,
        "the template ships example sessions"
    );
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), true);
    for (name, text) in DIAGNOSTIC.examples {
        let id: SessionId = name.trim_end_matches(".json").parse().unwrap();
        let loaded = dir.load_session(id, &study).unwrap();
        assert_eq!(&grille::store::json::to_pretty(&loaded.doc), text, "{name}");
        // Through a writer: one change and back gives the same session.
        let (mut writer, _) = dir.open_session(id, &study).unwrap();
        let before = writer.doc().clone();
        writer
            .apply(
                SessionChange::SetLocation {
                    location: "ailleurs".into(),
                },
                &study,
            )
            .unwrap();
        writer
            .apply(
                SessionChange::SetLocation {
                    location: before.location.clone(),
                },
                &study,
            )
            .unwrap();
        drop(writer);
        let again = dir.load_session(id, &study).unwrap().doc;
        assert_eq!(again.segments, before.segments);
        assert_eq!(again.codings, before.codings);
        assert_eq!(again.revision, before.revision + 2);
    }
}

#[test]
fn the_grid_and_the_study_description_are_journalled_like_sessions() {
    use grille::study::Replace;
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), false);
    let (mut grid, _) = dir.open_grid().unwrap();
    let mut edited = study.grid.clone();
    edited.themes[0].title = "Présentation, consentement et cadre".into();
    grid.apply(Replace::Replace { with: edited }, &()).unwrap();
    let (mut meta, _) = dir.open_meta().unwrap();
    let mut described = study.meta.clone();
    described.title = "Diagnostic 2022".into();
    meta.apply(Replace::Replace { with: described }, &())
        .unwrap();
    // Killed before any snapshot: the journals give both edits back.
    let after = crash_copy(&dir, &tmp.path().join("after-crash"))
        .load_study()
        .unwrap();
    assert_eq!(
        after.grid.themes[0].title,
        "Présentation, consentement et cadre"
    );
    assert_eq!(after.meta.title, "Diagnostic 2022");
    // A grid that breaks the rules is refused before the journal.
    let mut broken = study.grid.clone();
    broken.themes[1].key = broken.themes[0].key.clone();
    assert!(grid.apply(Replace::Replace { with: broken }, &()).is_err());
}

#[test]
fn sessions_of_formats_1_to_4_are_read_and_written_back_as_format_5() {
    for older in ["grille/1", "grille/2", "grille/3", "grille/4"] {
        older_session_is_read_and_written_back(older);
    }
}

fn older_session_is_read_and_written_back(older: &str) {
    use grille::store::template::DIAGNOSTIC;
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("s"), true);
    let (name, text) = DIAGNOSTIC.examples[0];
    let id: SessionId = name.trim_end_matches(".json").parse().unwrap();
    // The same session as an older grille wrote it: only the marker differs.
    let old = text.replacen(
        &format!("\"{}\"", grille::study::FORMAT),
        &format!("\"{older}\""),
        1,
    );
    assert_ne!(old, text);
    let file = dir.paths().session(id).file;
    std::fs::write(&file, &old).unwrap();
    let loaded = dir.load_session(id, &study).unwrap().doc;
    assert!(loaded.co_respondents.is_empty());
    assert!(loaded.segments.iter().all(|s| s.recording.is_none()));
    assert_eq!(loaded.kind, grille::study::SessionKind::Interview);
    assert!(loaded.visits.is_empty() && loaded.transcript.is_none());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        old,
        "reading writes nothing"
    );
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    writer
        .apply(
            SessionChange::SetLocation {
                location: "ailleurs".into(),
            },
            &study,
        )
        .unwrap();
    writer.checkpoint().unwrap();
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.starts_with("{\n  \"format\": \"grille/5\","),
        "{written}"
    );
}
