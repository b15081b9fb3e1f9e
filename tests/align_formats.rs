//! Issue 20 on transcripts in the formats tools write (the fixtures of `tests/fixtures`, see
//! the README there): a `.srt` from Whisper, a timed text `[hh:mm:ss] Speaker : text` with
//! `(ENQ)` and `Enquêtrice` labels and untimed lines, an ELAN `.eaf` with overlapping turns.
//! For each, the live session that goes with it is built (question visits, timed notes) and the
//! transcript imported `--into` it by the real binary; the recording's start found and the
//! question each segment lands under are worked out by hand.

mod common;

use std::path::{Path, PathBuf};

use chrono::TimeDelta;
use common::{grille, study_in, time};
use grille::store::StudyDir;
use grille::study::{
    Consent, QuestionId, Respondent, Segment, SegmentId, Session, SessionChange, Speaker, Study,
    Time,
};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn q(study: &Study, key: &str) -> QuestionId {
    study.grid.question_by_key(key).unwrap().1.id
}

/// A live session of `pseudonym` started at `started`: the interviewer on each question from
/// its second (counted from the start), off the grid at `end`; each note typed at its second.
fn conduct(
    dir: &StudyDir,
    study: &Study,
    pseudonym: &str,
    started: Time,
    visits: &[(&str, f64)],
    end: f64,
    notes: &[(&str, f64, &str)],
) -> Session {
    let at = |s: f64| started + TimeDelta::milliseconds((s * 1000.0) as i64);
    let mut session = Session::new(
        "Léa Martin".into(),
        Respondent {
            pseudonym: pseudonym.into(),
            attributes: Default::default(),
        },
    );
    session.started = Some(started);
    session.consent = Some(Consent {
        given: true,
        at: started,
    });
    let mut w = dir.create_session(session, study).unwrap();
    for (i, (key, s)) in visits.iter().enumerate() {
        let visit = SessionChange::Visit {
            question: Some(q(study, key)),
            at: at(*s),
            resumed: i == 0,
        };
        w.apply(visit, study).unwrap();
    }
    let off = SessionChange::Visit {
        question: None,
        at: at(end),
        resumed: false,
    };
    w.apply(off, study).unwrap();
    for (key, s, text) in notes {
        let segment = Segment {
            id: SegmentId::new(),
            question: Some(q(study, key)),
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: Some(at(*s)),
            end: Some(at(*s + 8.0)),
            recording: None,
            text: (*text).into(),
        };
        let add = SessionChange::AddSegment {
            segment,
            after: None,
            before: None,
        };
        w.apply(add, study).unwrap();
    }
    w.checkpoint().unwrap();
    w.doc().clone()
}

/// Imports `file` into the session; the JSON report and the session as saved.
fn import(
    home: &Path,
    root: &Path,
    dir: &StudyDir,
    study: &Study,
    live: &Session,
    file: &Path,
    extra: &[&str],
) -> (serde_json::Value, Session) {
    let out = grille(home)
        .args(["--study", root.to_str().unwrap(), "import"])
        .arg(file)
        .args(["--into", &live.respondent.pseudonym, "--json"])
        .args(extra)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["written"], true, "{report}");
    (report, dir.load_session(live.id, study).unwrap().doc)
}

/// The transcript's segments in order: (question key, speaker, start on the clock, text).
fn landed(session: &Session, study: &Study) -> Vec<(String, Speaker, Option<Time>, String)> {
    session
        .segments
        .iter()
        .filter(|s| session.in_transcript(s.id))
        .map(|s| {
            let key = s
                .question
                .and_then(|q| study.grid.question(q))
                .map_or("-".to_owned(), |(_, q)| q.key.clone());
            (key, s.speaker, s.start, s.text.clone())
        })
        .collect()
}

fn seconds_after(a: Time, b: Time) -> f64 {
    (a - b).num_milliseconds() as f64 / 1000.0
}

#[test]
fn a_whisper_srt_finds_its_start_from_the_notes_and_lands_under_the_questions() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = study_in(&root, false);
    let started = time("2021-04-15T14:00:00+02:00");
    // The recorder was started 90 s into the interview. Its three cues (0 s, 4.2 s, 10 s) are
    // said at 14:01:30, 14:01:34.2 and 14:01:40; the interviewer moved to the profiles at
    // 14:01:38, between the second and the third. Notes typed 3, 2 and 4 s after the words.
    let live = conduct(
        &dir,
        &study,
        "R09",
        started,
        &[("presentation", 0.0), ("profils", 98.0)],
        200.0,
        &[
            ("presentation", 93.0, "travaille à la Cimade"),
            ("presentation", 96.2, "depuis 2017, femmes nigérianes"),
            ("profils", 104.0, "arrivent par l'Italie, souvent mineures"),
        ],
    );
    let file = fixture("import/R09-whisper.srt");
    let (report, session) = import(
        home.path(),
        &root,
        &dir,
        &study,
        &live,
        &file,
        &["--accept"],
    );
    let layer = session.transcript.as_ref().unwrap();
    // Each note gives a guess (its moment minus its cue's): 93, 92 and 94 s; the start found
    // is one of them, 2 to 4 s after the true one (the typing lag).
    let found = seconds_after(layer.recording_start, started);
    assert!((92.0..=94.0).contains(&found), "{found} s ({report})");
    assert_eq!(report["notes_matched"], 3, "{report}");
    let got = landed(&session, &study);
    let keys: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(keys, ["presentation", "presentation", "profils"], "{got:?}");
    assert_eq!(
        got[2].3, "Elles arrivent par l'Italie, souvent mineures.",
        "the italics left out"
    );
    // The cue at 10 s of the recording is on the interview's clock at the start found + 10 s.
    assert_eq!(
        got[2].2,
        Some(layer.recording_start + TimeDelta::seconds(10))
    );
}

#[test]
fn a_timed_text_with_enq_labels_and_untimed_lines_lands_each_turn_under_its_question() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = study_in(&root, false);
    let started = time("2021-03-02T10:00:00+01:00");
    // R07-foyer.txt: `[00:00:05] ENQ :` asks about the structure, `[00:00:12] Mme B. :`
    // answers, `(ENQ) Et les jeunes femmes…` (no time) asks about them, `[00:01:15] Mme B.`
    // answers, an untimed paragraph of hers follows, `00:02:40 Enquêtrice : Qu'avez-vous
    // fait ?` and her untimed `Mme B. : Un signalement.`. The recording started 60 s into the
    // interview: 10:01:05, 10:01:12, 10:02:15, 10:03:40. Live: the structure from 10:01:03, the
    // profiles from 10:02:05, the orientation from 10:03:38.
    let live = conduct(
        &dir,
        &study,
        "R07",
        started,
        &[
            ("presentation", 0.0),
            ("structure", 63.0),
            ("profils", 125.0),
            ("orientation", 218.0),
        ],
        300.0,
        &[
            (
                "structure",
                76.0,
                "éducatrice spécialisée foyer d'hébergement, huit ans",
            ),
            (
                "profils",
                139.0,
                "hébergées contre service, difficile à prouver",
            ),
            ("orientation", 225.0, "a fait un signalement"),
        ],
    );
    let file = fixture("import/R07-foyer.txt");
    let (report, session) = import(
        home.path(),
        &root,
        &dir,
        &study,
        &live,
        &file,
        &["--accept"],
    );
    let layer = session.transcript.as_ref().unwrap();
    // Guesses: 76 − 12 = 64 s, 139 − 75 = 64 s (the untimed signalement gives none, its
    // segment has no place in the recording): 4 s after the true start.
    let found = seconds_after(layer.recording_start, started);
    assert!((found - 60.0).abs() <= 5.0, "{found} s ({report})");
    let got = landed(&session, &study);
    let summary: Vec<(&str, Speaker)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
    use Speaker::{Interviewer as I, Respondent as R};
    assert_eq!(
        summary,
        [
            ("structure", I),
            ("structure", R),
            // The untimed (ENQ) question goes with the answer after it.
            ("profils", I),
            ("profils", R),
            // Her untimed paragraph stays with her answer before it.
            ("profils", R),
            ("orientation", I),
            ("orientation", R),
        ],
        "{got:?}"
    );
    assert_eq!(got[2].3, "Et les jeunes femmes que vous accompagnez ?");
    assert_eq!(got[2].2, None, "no time is made up");
    assert_eq!(got[6].3, "Un signalement.");
}

#[test]
fn overlapping_elan_turns_land_together_under_the_question_open_when_they_were_said() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = study_in(&root, false);
    let started = time("2022-06-01T09:00:00+02:00");
    // nzilbb_simultaneous_speech.eaf: p1 speaks 0–5, 5–10 and 10–15 s; p2 speaks over p1's
    // second turn, 5–10 s. Its words are placeholders (w1-1…): nothing for a match, the start
    // is given, 30 s into the interview: turns at 09:00:30, 09:00:35 (both), 09:00:40.
    let live = conduct(
        &dir,
        &study,
        "E12",
        started,
        &[("presentation", 0.0), ("public", 34.0), ("profils", 39.5)],
        60.0,
        &[],
    );
    let file = fixture("formats/eaf/nzilbb_simultaneous_speech.eaf");
    let (report, session) = import(
        home.path(),
        &root,
        &dir,
        &study,
        &live,
        &file,
        &["--offset", "+00:00:30", "--interviewer-label", "p1"],
    );
    assert_eq!(report["aligned"]["by"], "given", "{report}");
    let layer = session.transcript.as_ref().unwrap();
    assert_eq!(layer.recording_start, started + TimeDelta::seconds(30));
    let got = landed(&session, &study);
    let at = |s: i64| Some(started + TimeDelta::seconds(s));
    let summary: Vec<(&str, Speaker, Option<Time>)> =
        got.iter().map(|g| (g.0.as_str(), g.1, g.2)).collect();
    use Speaker::{Interviewer as I, Respondent as R};
    assert_eq!(
        summary,
        [
            ("presentation", I, at(30)),
            ("public", I, at(35)),
            // p2 over p1: the same moment, the same question, both kept.
            ("public", R, at(35)),
            ("profils", I, at(40)),
        ],
        "{got:?}"
    );
    assert_eq!(got[2].3, "w2-6.5 w2-7.5");
}
