//! A short live interview (three questions, a timed note on each, two of them coded on the
//! spot) with the transcript of its recording imported `--into` it by the real binary: a
//! session with its two layers and two proposals waiting, for the screens' tests.

use std::path::Path;

use chrono::TimeDelta;
use grille::store::StudyDir;
use grille::study::{
    Coding, CodingId, Consent, Respondent, Segment, SegmentId, Session, SessionChange, Speaker,
    Study, text,
};

use super::{grille, time};

/// The questions, the note typed live on each and the code applied to it, then what the
/// respondent said (the recording starts with the interview: cue `n` at `n` minutes).
pub const LINES: [(&str, &str, Option<&str>, &str); 3] = [
    (
        "presentation",
        "assistante sociale au CCAS",
        None,
        "Je suis assistante sociale au CCAS depuis douze ans.",
    ),
    (
        "public",
        "familles monoparentales au RSA",
        Some("profil/precarite"),
        "Surtout des familles monoparentales au RSA, et des personnes isolées.",
    ),
    (
        "profils",
        "jeunes femmes françaises",
        Some("profil/genre"),
        "Des jeunes femmes de dix-huit à vingt-cinq ans, souvent françaises.",
    ),
];

pub const START: &str = "2024-03-12T10:00:00+01:00";

/// Conducts the interview of respondent `R09` in the study at `root`, then imports its
/// transcript (`home` holds the file); the session as saved.
pub fn layered_session(root: &Path, home: &Path, dir: &StudyDir, study: &Study) -> Session {
    let mut session = Session::new(
        "Léa Martin".into(),
        Respondent {
            pseudonym: "R09".into(),
            attributes: Default::default(),
        },
    );
    session.started = Some(time(START));
    session.consent = Some(Consent {
        given: true,
        at: time(START),
    });
    let mut writer = dir.create_session(session, study).unwrap();
    let minute = |n: i64| time(START) + TimeDelta::minutes(n);
    let mut vtt = String::from("WEBVTT\n\n");
    for (n, (key, note, code, said)) in LINES.iter().enumerate() {
        let n = n as i64;
        let q = study.grid.question_by_key(key).unwrap().1.id;
        let visit = SessionChange::Visit {
            question: Some(q),
            at: minute(n),
            resumed: n == 0,
        };
        writer.apply(visit, study).unwrap();
        let segment = Segment {
            id: SegmentId::new(),
            question: Some(q),
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: Some(minute(n) + TimeDelta::seconds(20)),
            end: Some(minute(n) + TimeDelta::seconds(30)),
            recording: None,
            text: (*note).into(),
        };
        let id = segment.id;
        let add = SessionChange::AddSegment {
            segment,
            after: None,
            before: None,
        };
        writer.apply(add, study).unwrap();
        if let Some(path) = code {
            let coding = Coding {
                id: CodingId::new(),
                segment: id,
                start: 0,
                end: text::char_len(note),
                code: study.codebook.by_path(path).unwrap().id,
                coder: "Léa Martin".into(),
                at: minute(n),
                memo: None,
                quote: None,
            };
            writer
                .apply(SessionChange::AddCoding { coding }, study)
                .unwrap();
        }
        vtt.push_str(&format!(
            "00:{n:02}:10.000 --> 00:{n:02}:40.000\n<v Répondante>{said}\n\n"
        ));
    }
    let end = SessionChange::Visit {
        question: None,
        at: minute(3),
        resumed: false,
    };
    writer.apply(end, study).unwrap();
    writer.checkpoint().unwrap();
    let id = writer.doc().id;
    drop(writer);
    let file = home.join("R09.vtt");
    std::fs::write(&file, vtt).unwrap();
    grille(home)
        .args(["--study", root.to_str().unwrap(), "import"])
        .arg(&file)
        .args(["--into", "R09", "--offset", "+00:00:00"])
        .assert()
        .success();
    dir.load_session(id, study).unwrap().doc
}
