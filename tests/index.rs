//! The index kept in step with the sessions, and rebuilt whatever happened to it: missing,
//! stale behind its back, of another version, left locked, damaged. Real files, real tantivy.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use grille::index::{Index, Rebuilt, Silent};
use grille::store::{StudyDir, fs, json};
use grille::study::{
    Code, CodeId, CodebookChange, Coding, CodingId, Segment, SegmentId, Session, SessionChange,
    Speaker, Study,
};

fn study() -> (tempfile::TempDir, StudyDir, Study) {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = common::study_in(&tmp.path().join("etude"), true);
    (tmp, dir, study)
}

fn open(dir: &StudyDir, study: &Study) -> Index {
    Index::open(dir, study, &mut Silent).unwrap()
}

fn total(index: &Index, query: &str) -> usize {
    index.search(query, 1).unwrap().total
}

/// The R05 session (the in-progress one).
fn r05(dir: &StudyDir, study: &Study) -> Session {
    dir.session_ids()
        .unwrap()
        .into_iter()
        .map(|id| dir.load_session(id, study).unwrap().doc)
        .find(|s| s.respondent.pseudonym == "R05")
        .unwrap()
}

fn index_files(dir: &StudyDir) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.paths().index_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn built_when_missing_then_reused_and_private() {
    let (_t, dir, study) = study();
    let index = open(&dir, &study);
    assert_eq!(index.opened().rebuilt, Some(Rebuilt::Missing));
    assert_eq!(index.held().count(), 6);
    let mode = std::fs::metadata(dir.paths().index_dir())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o700,
        "derived data about victims stays private"
    );
    drop(index);
    let again = open(&dir, &study);
    let opened = again.opened();
    assert_eq!(
        (
            &opened.rebuilt,
            opened.updated,
            opened.removed,
            opened.skipped.len(),
            opened.busy
        ),
        (&None, 0, 0, 0, false),
        "nothing to do the second time"
    );
    assert_eq!(total(&again, "hotel"), 18);
}

#[test]
fn a_saved_change_is_searchable_at_once() {
    let (_t, dir, study) = study();
    let mut index = open(&dir, &study);
    assert_eq!(total(&index, "trottinette"), 0);
    let id = r05(&dir, &study).id;
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    let question = writer.doc().segments[0].question;
    let segment = Segment {
        id: SegmentId::new(),
        question,
        speaker: Speaker::Respondent,
        speaker_label: None,
        recording: None,
        start: None,
        end: None,
        text: "Une trottinette blanche garée près de l'hôtel.".into(),
    };
    writer
        .apply(
            SessionChange::AddSegment {
                segment: segment.clone(),
                after: None,
                before: None,
            },
            &study,
        )
        .unwrap();
    index.update_session(writer.doc()).unwrap();
    // One segment, no coding: one new document, found without reopening anything.
    assert_eq!(total(&index, "trottinette"), 1);
    assert_eq!(total(&index, "hotel"), 19);
    // Facet counts are cached per index segment; a coding added later is counted all the
    // same: the new segment's document and the coding's excerpt both carry lieux/hotel.
    let hotel_code = study.codebook.by_path("lieux/hotel").unwrap().id;
    writer
        .apply(
            SessionChange::AddCoding {
                coding: Coding {
                    id: CodingId::new(),
                    segment: segment.id,
                    start: 4,
                    end: 15,
                    code: hotel_code,
                    coder: "Camille Roux".into(),
                    at: common::time("2021-07-06T19:00:00+02:00"),
                    memo: None,
                    quote: None,
                },
            },
            &study,
        )
        .unwrap();
    index.update_segment(writer.doc(), segment.id).unwrap();
    let r = index.search("trottinette", 10).unwrap();
    assert_eq!(r.total, 2);
    assert_eq!(
        r.codes,
        [("lieux".to_string(), 2), ("lieux/hotel".to_string(), 2)]
    );
    let held: Vec<_> = index.held().filter(|(s, _)| *s == id).collect();
    assert_eq!(held, [(id, writer.doc().revision)]);

    // Edit that segment only: update_segment replaces its documents.
    writer
        .apply(
            SessionChange::EditText {
                segment: segment.id,
                text: "Une mobylette blanche.".into(),
            },
            &study,
        )
        .unwrap();
    index.update_segment(writer.doc(), segment.id).unwrap();
    assert_eq!(total(&index, "trottinette"), 0);
    assert_eq!(total(&index, "mobylette kind:segment"), 1);
    assert_eq!(total(&index, "hotel"), 18);

    // Reopened (this process's writer let go first): the fold that closing the session did
    // rewrote its file, so it is checked again.
    drop(writer);
    drop(index);
    let index = open(&dir, &study);
    assert_eq!(index.opened().rebuilt, None);
    assert_eq!(
        index.opened().updated,
        1,
        "the fold rewrote the file: checked again"
    );
    assert_eq!(total(&index, "mobylette"), 1);

    let mut index = index;
    index.remove_session(id).unwrap();
    assert_eq!(total(&index, "mobylette"), 0);
}

#[test]
fn sessions_changed_added_or_removed_behind_its_back_are_caught_up() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    // Changed by hand (a text editor, a git pull): R05's first segment rewritten.
    let mut s = r05(&dir, &study);
    s.segments[0].text = "Parlons du covoiturage.".into();
    let file = dir.paths().session(s.id).file;
    fs::write_atomic(&file, json::to_pretty(&s).as_bytes()).unwrap();
    // Added: a new session from another laptop.
    let mut new = common::new_session("R07");
    new.segments.push(Segment {
        id: SegmentId::new(),
        question: None,
        speaker: Speaker::Respondent,
        speaker_label: None,
        recording: None,
        start: None,
        end: None,
        text: "Le covoiturage vers Clermont.".into(),
    });
    drop(dir.create_session(new, &study).unwrap());
    // Removed: R01's file deleted.
    let r01 = dir
        .session_ids()
        .unwrap()
        .into_iter()
        .find(|id| {
            dir.load_session(*id, &study)
                .unwrap()
                .doc
                .respondent
                .pseudonym
                == "R01"
        })
        .unwrap();
    std::fs::remove_file(dir.paths().session(r01).file).unwrap();

    let index = open(&dir, &study);
    let opened = index.opened();
    assert_eq!(
        (opened.rebuilt.clone(), opened.updated, opened.removed),
        (None, 2, 1)
    );
    assert_eq!(total(&index, "covoiturage"), 2);
    assert_eq!(total(&index, "respondent:r01"), 0);
    // R01's three hôtel hits are gone.
    assert_eq!(total(&index, "hotel"), 15);
}

#[test]
fn an_unreadable_session_is_skipped_and_reported_not_fatal() {
    let (_t, dir, study) = study();
    let s = r05(&dir, &study);
    std::fs::write(dir.paths().session(s.id).file, b"{ not json").unwrap();
    let index = open(&dir, &study);
    assert_eq!(index.opened().skipped.len(), 1);
    assert_eq!(index.opened().skipped[0].0, s.id);
    assert_eq!(total(&index, "respondent:r05"), 0);
    assert_eq!(total(&index, "hotel"), 15);
    // Not retried while it stays the same, but said again at each opening (a search never
    // leaves it out silently); retried (and indexed) once repaired.
    drop(index);
    let again = open(&dir, &study);
    assert_eq!(again.opened().updated, 0);
    assert_eq!(again.opened().skipped.len(), 1);
    assert_eq!(again.opened().skipped[0].0, s.id);
    drop(again);
    fs::write_atomic(
        &dir.paths().session(s.id).file,
        json::to_pretty(&s).as_bytes(),
    )
    .unwrap();
    let index = open(&dir, &study);
    assert_eq!(index.opened().updated, 1);
    assert_eq!(total(&index, "hotel"), 18);
}

#[test]
fn a_codebook_change_rebuilds_and_new_paths_are_searchable() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    let (mut codebook, _) = dir.open_codebook().unwrap();
    let mut code = codebook
        .doc()
        .by_path("proxenetisme/conjugal")
        .unwrap()
        .clone();
    code.slug = "partenaire".into();
    codebook
        .apply(CodebookChange::UpdateCode { code, signed: None }, &())
        .unwrap();
    drop(codebook);
    let study = dir.load_study().unwrap();
    let index = open(&dir, &study);
    assert_eq!(index.opened().rebuilt, Some(Rebuilt::DefinitionChanged));
    // The 7 documents of proxenetisme/conjugal (see tests/search.rs) under the new path.
    assert_eq!(total(&index, "code:proxenetisme/partenaire"), 7);
    assert!(index.search("code:proxenetisme/conjugal", 1).is_err());
}

/// Rewrites the payload of tantivy's meta.json (where the manifest lives).
fn edit_payload(dir: &StudyDir, edit: impl Fn(&str) -> String) {
    let meta = dir.paths().index_dir().join("meta.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    let payload = json["payload"].as_str().unwrap().to_owned();
    json["payload"] = serde_json::Value::String(edit(&payload));
    std::fs::write(&meta, serde_json::to_vec(&json).unwrap()).unwrap();
}

#[test]
fn another_version_or_an_interrupted_build_rebuilds() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    let version = format!("\"version\":{}", grille::index::schema::VERSION);
    edit_payload(&dir, |p| p.replacen(&version, "\"version\":99", 1));
    let index = open(&dir, &study);
    assert_eq!(index.opened().rebuilt, Some(Rebuilt::OtherVersion));
    assert_eq!(total(&index, "hotel"), 18);
    drop(index);
    // A build killed before its commit leaves no manifest.
    edit_payload(&dir, |_| "not a manifest".into());
    assert_eq!(
        open(&dir, &study).opened().rebuilt,
        Some(Rebuilt::Incomplete)
    );
}

#[test]
fn lock_files_left_by_a_killed_process_are_harmless() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    // tantivy's lock files, as a process killed while writing leaves them (the OS released
    // the locks themselves).
    for name in [".tantivy-writer.lock", ".tantivy-meta.lock"] {
        std::fs::write(dir.paths().index_dir().join(name), b"").unwrap();
    }
    let mut index = open(&dir, &study);
    assert_eq!(index.opened().rebuilt, None);
    let s = r05(&dir, &study);
    index.update_session(&s).unwrap();
    assert_eq!(total(&index, "hotel"), 18);
}

#[test]
fn a_front_end_holds_the_writer_only_while_it_writes() {
    let (_t, dir, study) = study();
    let mut first = open(&dir, &study);
    let s = r05(&dir, &study);
    first.update_session(&s).unwrap();
    // Another process (`grille index rebuild`, a second front end) can write right after.
    let mut second = open(&dir, &study);
    second.rebuild(&mut Silent).unwrap();
    assert_eq!(total(&second, "hotel"), 18);
    // And the first writes again on top of what the second committed, never over it.
    let mut changed = s.clone();
    changed.segments[0].text = "Parlons du covoiturage.".into();
    first.update_session(&changed).unwrap();
    assert_eq!(total(&first, "covoiturage"), 1);
    assert_eq!(
        first.held().count(),
        6,
        "the rebuild's sessions are all held"
    );
    // The second sees the first's commit once it looks again.
    second.refresh(&mut Silent).unwrap();
    assert_eq!(total(&second, "covoiturage"), 1);
    assert_eq!(total(&second, "hotel"), 18);
}

#[test]
fn a_session_saved_by_another_process_is_seen_by_the_next_search() {
    let (_t, dir, study) = study();
    let mut front_end = open(&dir, &study);
    front_end.update_session(&r05(&dir, &study)).unwrap();
    // A change journalled by another process that does not re-index (an interview screen).
    let id = r05(&dir, &study).id;
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    let first = writer.doc().segments[0].id;
    writer
        .apply(
            SessionChange::EditText {
                segment: first,
                text: "Parlons du covoiturage.".into(),
            },
            &study,
        )
        .unwrap();
    // Opened meanwhile (the command line's search): caught up, not busy.
    let cli = open(&dir, &study);
    assert_eq!((cli.opened().busy, cli.opened().updated), (false, 1));
    assert_eq!(total(&cli, "covoiturage"), 1);
    // The long-lived front end sees it too once it refreshes before searching.
    front_end.refresh(&mut Silent).unwrap();
    assert_eq!(total(&front_end, "covoiturage"), 1);
    drop(writer);
}

#[test]
fn a_write_in_progress_elsewhere_is_waited_for_then_reported_busy() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    // Another process in the middle of a long write: tantivy's writer lock held.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.paths().index_dir().join(".tantivy-writer.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let s = r05(&dir, &study);
    let mut index = open(&dir, &study); // nothing stale: searches without writing
    assert_eq!(total(&index, "hotel"), 18);
    let err = index.update_session(&s).unwrap_err();
    assert!(matches!(err, grille::index::IndexError::Busy), "{err}");
    // A session changed behind its back meanwhile: it opens all the same, says so, and
    // searches what is committed.
    let mut changed = s.clone();
    changed.segments[0].text = "Parlons du covoiturage.".into();
    fs::write_atomic(
        &dir.paths().session(s.id).file,
        json::to_pretty(&changed).as_bytes(),
    )
    .unwrap();
    let stale = open(&dir, &study);
    assert!(stale.opened().busy);
    assert_eq!(total(&stale, "covoiturage"), 0);
    drop(lock);
    let fresh = open(&dir, &study);
    assert_eq!((fresh.opened().busy, fresh.opened().updated), (false, 1));
    assert_eq!(total(&fresh, "covoiturage"), 1);
}

#[test]
fn every_index_file_is_private() {
    let (_t, dir, study) = study();
    let mut index = open(&dir, &study);
    index.update_session(&r05(&dir, &study)).unwrap();
    for file in index_files(&dir) {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
}

fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let middle = bytes.len() / 2;
    let end = (middle + 16).min(bytes.len());
    for b in &mut bytes[middle..end] {
        *b ^= 0xff;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn damaged_files_rebuild_the_index() {
    let (_t, dir, study) = study();
    drop(open(&dir, &study));
    // Bytes flipped in the middle of the largest file of the index (the doc store or the
    // postings): its checksum no longer matches.
    let largest = index_files(&dir)
        .into_iter()
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    damage(&largest);
    let index = open(&dir, &study);
    assert!(
        matches!(&index.opened().rebuilt, Some(Rebuilt::Damaged(why)) if why.contains("damaged files")),
        "{:?}",
        index.opened()
    );
    assert_eq!(total(&index, "hotel"), 18);
    drop(index);

    // A segment file deleted.
    let idx = index_files(&dir)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .unwrap();
    std::fs::remove_file(idx).unwrap();
    let index = open(&dir, &study);
    assert!(matches!(index.opened().rebuilt, Some(Rebuilt::Damaged(_))));
    assert_eq!(total(&index, "hotel"), 18);
    drop(index);

    // meta.json itself garbled.
    std::fs::write(
        dir.paths().index_dir().join("meta.json"),
        b"\x00\x01garbage",
    )
    .unwrap();
    let index = open(&dir, &study);
    assert!(matches!(index.opened().rebuilt, Some(Rebuilt::Damaged(_))));
    assert_eq!(total(&index, "hotel"), 18);
}

#[test]
fn forced_rebuild_keeps_everything_searchable() {
    let (_t, dir, study) = study();
    let mut index = open(&dir, &study);
    index.rebuild(&mut Silent).unwrap();
    assert_eq!(index.opened().rebuilt, Some(Rebuilt::Asked));
    assert_eq!(total(&index, "hotel"), 18);
    assert_eq!(index.held().count(), 6);
}

#[test]
fn counts_per_code_agree_with_the_hits_whatever_the_codebook_size() {
    // Each hit's codes are counted from a bit mask of the codebook's first 63 codes; a hit coded
    // with a later one is counted from its facets. Both must give, for every code, what counting
    // every hit by hand gives (a parent counts its children's hits, each hit once).
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    grille::corpus::generate(&root, 40, 1500, 7).unwrap();
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    // The same codebook behind 60 codes nobody used: most of its codes are beyond the mask.
    let mut wide = study.clone();
    let unused = (0..60).map(|i| Code {
        id: CodeId::new(),
        slug: format!("inutilise-{i}"),
        name: format!("Inutilisé {i}"),
        colour: "#777777".into(),
        description: String::new(),
        use_when: String::new(),
        dont_use_when: String::new(),
        example: String::new(),
        parent: None,
    });
    wide.codebook.codes.splice(0..0, unused);
    let paths: Vec<String> = (study.codebook.codes.iter())
        .map(|c| study.codebook.path(c.id).unwrap())
        .collect();
    for (study, name) in [(&study, "49 codes"), (&wide, "109 codes")] {
        let index = open(&dir, study);
        for query in [
            "hôtel",
            "code:proxenetisme",
            "kind:segment code:lieux",
            "\"réseaux sociaux\" OR mineures",
            "secteur:sante",
        ] {
            let all = index.search(query, 100_000).unwrap();
            assert_eq!(all.total, all.hits.len(), "{name}: {query}");
            assert!(all.total > 0, "{name}: {query}");
            for path in &paths {
                let by_hand = (all.hits.iter())
                    .filter(|h| {
                        (h.codes.iter()).any(|c| c == path || c.starts_with(&format!("{path}/")))
                    })
                    .count() as u64;
                let counted = (all.codes.iter())
                    .find(|(p, _)| p == path)
                    .map_or(0, |(_, n)| *n);
                assert_eq!(counted, by_hand, "{name}: {query}: {path}");
            }
            assert!(
                all.codes.iter().all(|(_, n)| *n > 0),
                "codes with no hit are left out"
            );
        }
    }
}

/// The excerpts of a code as a walk over every session gives them: sessions by date then
/// respondent, segments in transcript order, codings by span.
fn excerpts_by_walking(
    dir: &StudyDir,
    study: &Study,
    codes: &[grille::study::CodeId],
) -> Vec<(String, grille::study::CodingId, String, Option<String>)> {
    let mut sessions: Vec<Session> = dir
        .session_ids()
        .unwrap()
        .into_iter()
        .map(|id| dir.load_session(id, study).unwrap().doc)
        .collect();
    sessions.sort_by_key(|s| (s.date(), s.respondent.pseudonym.clone()));
    let mut out = Vec::new();
    for s in &sessions {
        for seg in &s.segments {
            let mut here: Vec<&Coding> = s
                .codings
                .iter()
                .filter(|c| c.segment == seg.id && codes.contains(&c.code))
                .collect();
            here.sort_by_key(|c| (c.start, c.end)); // stable: codings on one span as listed
            for c in here {
                let text = grille::study::text::slice(&seg.text, c.start, c.end).unwrap();
                out.push((
                    s.respondent.pseudonym.clone(),
                    c.id,
                    text.to_owned(),
                    c.memo.clone(),
                ));
            }
        }
    }
    out
}

#[test]
fn excerpts_of_a_code_come_from_the_index_as_the_sessions_say() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    grille::corpus::generate(&root, 30, 1500, 11).unwrap();
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    // A memo on one coding, to see it come back.
    let id = dir.session_ids().unwrap()[3];
    let (mut writer, _) = dir.open_session(id, &study).unwrap();
    let coding = writer.doc().codings[0].id;
    writer
        .apply(
            SessionChange::SetCodingMemo {
                coding,
                memo: Some("À revoir avec l'équipe".into()),
            },
            &study,
        )
        .unwrap();
    drop(writer);
    let index = open(&dir, &study);
    let parent = study.codebook.by_path("lieux").unwrap().id;
    let child = study.codebook.by_path("lieux/hotel").unwrap().id;
    for (code, descendants, codes) in [
        (parent, true, study.codebook.descendants(parent)),
        (parent, false, vec![parent]),
        (child, false, vec![child]),
    ] {
        let got: Vec<_> = index
            .coded_excerpts(code, descendants)
            .unwrap()
            .into_iter()
            .map(|e| (e.respondent, e.coding, e.text, e.memo))
            .collect();
        let expected = excerpts_by_walking(&dir, &study, &codes);
        assert!(!expected.is_empty() || !descendants);
        assert_eq!(got, expected, "{code} descendants: {descendants}");
    }
    let all = index
        .coded_excerpts(code_of(&dir, &study, id, coding), false)
        .unwrap();
    let memo = all.iter().find(|e| e.coding == coding).unwrap();
    assert_eq!(memo.memo.as_deref(), Some("À revoir avec l'équipe"));
    assert_eq!(memo.session, id);
}

fn code_of(
    dir: &StudyDir,
    study: &Study,
    session: grille::study::SessionId,
    coding: grille::study::CodingId,
) -> grille::study::CodeId {
    let s = dir.load_session(session, study).unwrap().doc;
    s.codings.iter().find(|c| c.id == coding).unwrap().code
}
