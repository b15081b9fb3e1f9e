//! Issue 20 as a user runs it: an interview conducted live along the grid (question visits,
//! timed notes, codes applied on the spot), then the transcript of its recording imported
//! `--into` the session; the recording's start found from the words, every cue under the
//! question that was open when it was said, live codings proposed on the right passages, a
//! corrected transcript replacing the first with its codings kept.

mod common;

use std::path::{Path, PathBuf};

use chrono::TimeDelta;
use common::{grille, study_in, time};
use grille::store::StudyDir;
use grille::study::{
    CodeId, Coding, CodingId, Consent, QuestionId, Respondent, Segment, SegmentId, Session,
    SessionChange, Speaker, Study, Time, text,
};

/// One line of the interview: the question it was said under, who said it, the words, and
/// the note typed live about it, with the code applied to the note on the spot.
struct Line {
    question: &'static str,
    interviewer: bool,
    said: &'static str,
    note: Option<(&'static str, Option<&'static str>)>,
}

const fn l(
    question: &'static str,
    interviewer: bool,
    said: &'static str,
    note: Option<(&'static str, Option<&'static str>)>,
) -> Line {
    Line {
        question,
        interviewer,
        said,
        note,
    }
}

/// A fictional interview with a social worker, as the diagnostic grid runs it.
const SCRIPT: &[Line] = &[
    l(
        "presentation",
        true,
        "Pouvez-vous vous présenter en quelques mots ?",
        None,
    ),
    l(
        "presentation",
        false,
        "Je suis assistante sociale au centre communal d'action sociale depuis bientôt douze ans.",
        Some(("AS au CCAS, 12 ans", None)),
    ),
    l(
        "presentation",
        false,
        "Avant j'étais éducatrice spécialisée en prévention dans les quartiers nord.",
        Some(("ancienne éduc spé prévention quartiers nord", None)),
    ),
    l(
        "structure",
        true,
        "Pouvez-vous présenter votre structure et son territoire ?",
        None,
    ),
    l(
        "structure",
        false,
        "Le centre couvre la ville et trois communes rurales autour, avec une permanence au marché.",
        Some(("ville + 3 communes rurales, permanence marché", None)),
    ),
    l(
        "structure",
        false,
        "Nous sommes six travailleurs sociaux pour environ quarante mille habitants.",
        None,
    ),
    l("public", true, "Quel public accompagnez-vous ?", None),
    l(
        "public",
        false,
        "Surtout des familles monoparentales et des personnes isolées au revenu de solidarité.",
        Some((
            "familles monoparentales, isolés au RSA",
            Some("profil/precarite"),
        )),
    ),
    l(
        "public",
        false,
        "De plus en plus de jeunes majeurs sortis de l'aide sociale à l'enfance sans solution de logement.",
        Some((
            "jeunes majeurs sortants ASE sans logement",
            Some("profil/age/jeunes-majeurs"),
        )),
    ),
    l(
        "profils",
        true,
        "Pouvez-vous décrire les personnes que vous avez repérées ?",
        None,
    ),
    l(
        "profils",
        false,
        "Ce sont des jeunes femmes entre dix-huit et vingt-cinq ans, souvent françaises.",
        Some(("jeunes femmes 18-25, françaises", Some("profil/genre"))),
    ),
    l(
        "profils",
        false,
        "Plusieurs ont connu des violences dans l'enfance et des fugues répétées.",
        Some(("violences enfance, fugues", Some("profil/vulnerabilites"))),
    ),
    l(
        "profils",
        false,
        "Une jeune fille mineure aussi, signalée par le collège l'an dernier.",
        Some((
            "une mineure signalée par collège",
            Some("profil/age/mineurs"),
        )),
    ),
    l(
        "lieux",
        true,
        "Dans quels lieux cela se passe-t-il d'après vous ?",
        None,
    ),
    l(
        "lieux",
        false,
        "Principalement dans des appartements loués à la nuit sur les plateformes.",
        Some((
            "appartements loués nuit plateformes",
            Some("lieux/appartement"),
        )),
    ),
    l(
        "lieux",
        false,
        "Il y a aussi un hôtel près de la gare dont le gérant ferme les yeux.",
        Some(("hôtel gare, gérant ferme les yeux", Some("lieux/hotel"))),
    ),
    l(
        "lieux",
        false,
        "Les annonces sont publiées sur internet, sur des sites d'escorte.",
        Some(("annonces internet sites escorte", Some("lieux/internet"))),
    ),
    l(
        "echange_non_financier",
        true,
        "Avez-vous connaissance d'actes sexuels échangés contre autre chose que de l'argent ?",
        None,
    ),
    l(
        "echange_non_financier",
        false,
        "Oui, une jeune femme hébergée par un homme en échange de rapports, elle n'avait nulle part où dormir.",
        Some((
            "hébergée par un homme contre rapports",
            Some("echange-non-financier/logement"),
        )),
    ),
    l(
        "echange_non_financier",
        false,
        "On entend parler aussi de cigarettes ou de recharges téléphoniques données aux plus jeunes.",
        Some((
            "cigarettes, recharges tél aux plus jeunes",
            Some("echange-non-financier/biens"),
        )),
    ),
    l(
        "proxenetisme_formes",
        true,
        "Pouvez-vous décrire les situations où un tiers organise ou profite ?",
        None,
    ),
    l(
        "proxenetisme_formes",
        false,
        "Le petit ami qui gère les annonces et garde l'argent, c'est le cas le plus fréquent.",
        Some((
            "petit ami gère annonces garde argent",
            Some("proxenetisme/conjugal"),
        )),
    ),
    l(
        "proxenetisme_formes",
        false,
        "Un frère aussi, dans une famille, qui conduisait sa sœur aux rendez-vous.",
        Some(("frère conduit sa sœur aux rdv", None)),
    ),
    l(
        "dispositifs",
        true,
        "Quels dispositifs et partenaires connaissez-vous ?",
        None,
    ),
    l(
        "dispositifs",
        false,
        "Je connais le parcours de sortie mais je n'ai jamais orienté personne vers la commission.",
        Some((
            "connaît parcours de sortie, jamais orienté",
            Some("dispositifs/psp"),
        )),
    ),
    l(
        "dispositifs",
        false,
        "Nous travaillons avec le centre de planification et la maison des adolescents.",
        Some((
            "partenaires : planning, maison des ados",
            Some("dispositifs/sante"),
        )),
    ),
    l(
        "besoins_precisions",
        true,
        "Pouvez-vous préciser vos besoins ?",
        None,
    ),
    l(
        "besoins_precisions",
        false,
        "Une formation pour savoir aborder le sujet sans faire fuir les personnes.",
        Some(("formation pour aborder le sujet", Some("besoins/formation"))),
    ),
    l(
        "besoins_precisions",
        false,
        "Et un annuaire à jour des associations spécialisées du département.",
        Some((
            "annuaire associations spécialisées",
            Some("besoins/information"),
        )),
    ),
    l(
        "pistes",
        true,
        "Que faudrait-il mettre en place sur le territoire ?",
        None,
    ),
    l(
        "pistes",
        false,
        "Des maraudes le soir près de la gare et sur les aires d'autoroute.",
        Some((
            "maraudes soir gare, aires autoroute",
            Some("pistes/aller-vers"),
        )),
    ),
    l(
        "pistes",
        false,
        "Un lieu de mise à l'abri pour les jeunes femmes qui veulent partir.",
        Some(("mise à l'abri jeunes femmes", Some("pistes/mise-a-l-abri"))),
    ),
    l(
        "conclusion",
        true,
        "Souhaitez-vous ajouter quelque chose ?",
        None,
    ),
    l(
        "conclusion",
        false,
        "Non, merci de vous intéresser à ce sujet, on se sent souvent seules face à ça.",
        None,
    ),
];

/// The interview's clock: the session starts at 10:00:00; the recorder was switched on 2 min
/// 37 s later, unknown to grille.
const SESSION_START: &str = "2021-09-14T10:00:00+02:00";
const RECORDING_AFTER: i64 = 157;

/// Each line's place in the recording (ms): lines follow each other with a pause, as long as
/// their words take to say.
fn places() -> Vec<(i64, i64)> {
    let mut at = 4_000;
    SCRIPT
        .iter()
        .map(|line| {
            let words = line.said.split_whitespace().count() as i64;
            let span = (words * 380 + 900, at);
            at += span.0 + 1_200;
            (span.1, span.1 + span.0)
        })
        .collect()
}

fn clock(ms_in_recording: i64) -> Time {
    time(SESSION_START) + TimeDelta::milliseconds(RECORDING_AFTER * 1000 + ms_in_recording)
}

fn vtt_time(ms: i64) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// The transcript as a speech-to-text tool writes it: WebVTT with voice tags.
fn vtt(lines: &[&str]) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for ((start, end), (line, said)) in places().iter().zip(SCRIPT.iter().zip(lines)) {
        let who = if line.interviewer {
            "Enquêtrice"
        } else {
            "Mme B."
        };
        out.push_str(&format!(
            "{} --> {}\n<v {who}>{said}\n\n",
            vtt_time(*start),
            vtt_time(*end)
        ));
    }
    out
}

fn question(study: &Study, key: &str) -> QuestionId {
    study.grid.question_by_key(key).unwrap().1.id
}

fn code(study: &Study, path: &str) -> CodeId {
    study.codebook.by_path(path).unwrap().id
}

/// The live session as the interview screen records it: a visit when the interviewer goes to
/// a question (a few seconds before asking it), each note typed a few seconds after the words
/// it paraphrases, the codes applied to notes on the spot. Returns the session and, for each
/// line with a coded note, the live coding's id.
fn conduct(dir: &StudyDir, study: &Study) -> (Session, Vec<(usize, CodingId)>) {
    conduct_as(dir, study, "R07")
}

fn conduct_as(dir: &StudyDir, study: &Study, pseudonym: &str) -> (Session, Vec<(usize, CodingId)>) {
    let mut session = Session::new(
        "Léa Martin".into(),
        Respondent {
            pseudonym: pseudonym.into(),
            attributes: Default::default(),
        },
    );
    session.started = Some(time(SESSION_START));
    session.consent = Some(Consent {
        given: true,
        at: time(SESSION_START),
    });
    let mut writer = dir.create_session(session, study).unwrap();
    let places = places();
    let mut coded = Vec::new();
    let mut on = None;
    for (i, line) in SCRIPT.iter().enumerate() {
        let q = question(study, line.question);
        if on != Some(q) {
            // Pressed a few seconds before asking (the first question: as the session opens).
            let at = clock(places[i].0 - 3_000);
            let resumed = on.is_none();
            writer
                .apply(
                    SessionChange::Visit {
                        question: Some(q),
                        at,
                        resumed,
                    },
                    study,
                )
                .unwrap();
            on = Some(q);
        }
        let Some((note, code_path)) = line.note else {
            continue;
        };
        // Typing starts 3 to 11 s after the words began.
        let lag = 3_000 + (i as i64 * 2_700) % 8_000;
        let start = clock(places[i].0 + lag);
        let segment = Segment {
            id: SegmentId::new(),
            question: Some(q),
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: Some(start),
            end: Some(start + TimeDelta::seconds(12)),
            recording: None,
            text: note.into(),
        };
        let id = segment.id;
        writer
            .apply(
                SessionChange::AddSegment {
                    segment,
                    after: None,
                    before: None,
                },
                study,
            )
            .unwrap();
        if let Some(path) = code_path {
            let coding = Coding {
                id: CodingId::new(),
                segment: id,
                start: 0,
                end: text::char_len(note),
                code: code(study, path),
                coder: "Léa Martin".into(),
                at: start,
                memo: None,
                quote: None,
            };
            coded.push((i, coding.id));
            writer
                .apply(SessionChange::AddCoding { coding }, study)
                .unwrap();
        }
    }
    let end = clock(places.last().unwrap().1 + 5_000);
    writer
        .apply(
            SessionChange::Visit {
                question: None,
                at: end,
                resumed: false,
            },
            study,
        )
        .unwrap();
    writer
        .apply(SessionChange::Finish { at: end }, study)
        .unwrap();
    writer.checkpoint().unwrap();
    (writer.doc().clone(), coded)
}

fn session_file(study: &Path, id: &str) -> serde_json::Value {
    let file = study.join("sessions").join(format!("{id}.json"));
    serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap()
}

fn load(dir: &StudyDir, study: &Study, id: grille::study::SessionId) -> Session {
    dir.load_session(id, study).unwrap().doc
}

fn setup(home: &Path) -> (PathBuf, StudyDir, Study, Session, Vec<(usize, CodingId)>) {
    let root = home.join("etude");
    let (dir, study) = study_in(&root, false);
    let (session, coded) = conduct(&dir, &study);
    (root, dir, study, session, coded)
}

#[test]
fn the_recordings_start_is_found_cues_land_under_their_question_and_live_codes_are_proposed() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, live, coded) = setup(tmp.path());
    let file = tmp.path().join("R07.vtt");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    std::fs::write(&file, vtt(&said)).unwrap();
    let before = std::fs::read(root.join("sessions").join(format!("{}.json", live.id))).unwrap();

    // Without a start: a proposal, nothing written.
    let out = grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stdout.contains("Début de l'enregistrement proposé : 2021-09-14 10:02:"),
        "{stdout}"
    );
    assert!(
        stderr.contains("Rien n'a été écrit") && stderr.contains("--accept"),
        "{stderr}"
    );
    let after = std::fs::read(root.join("sessions").join(format!("{}.json", live.id))).unwrap();
    assert_eq!(before, after, "a proposal writes nothing");

    // Accepted: written, and read back from the session file.
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07", "--accept"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "Transcription ajoutée à l'entretien",
        ));
    let json = session_file(&root, &live.id.to_string());
    let layer = &json["transcript"];
    assert_eq!(layer["source"], "R07.vtt");
    assert_eq!(layer["aligned"]["by"], "matched");
    let start = Time::parse_from_rfc3339(layer["recording_start"].as_str().unwrap()).unwrap();
    let truth = time(SESSION_START) + TimeDelta::seconds(RECORDING_AFTER);
    assert!(
        (start - truth).num_milliseconds().abs() <= 5_000,
        "found {start}, recorded at {truth}"
    );

    let session = load(&dir, &study, live.id);
    let heard: Vec<&Segment> = session
        .segments
        .iter()
        .filter(|s| session.in_transcript(s.id))
        .collect();
    assert_eq!(heard.len(), SCRIPT.len());
    let right = heard
        .iter()
        .zip(SCRIPT)
        .filter(|(s, line)| s.question == Some(question(&study, line.question)))
        .count();
    assert!(
        right * 100 >= SCRIPT.len() * 95,
        "{right} of {} cues under the right question",
        SCRIPT.len()
    );
    // Speakers: the interviewer's label recognised.
    for (s, line) in heard.iter().zip(SCRIPT) {
        let want = if line.interviewer {
            Speaker::Interviewer
        } else {
            Speaker::Respondent
        };
        assert_eq!(s.speaker, want, "{}", s.text);
    }
    // Every live coding proposed, on the passage its note paraphrases.
    let proposals = &session.transcript.as_ref().unwrap().proposals;
    assert_eq!(proposals.len(), coded.len());
    let mut on_target = 0;
    for (line, from) in &coded {
        let p = proposals.iter().find(|p| p.from == *from).unwrap();
        if p.segment == heard[*line].id {
            on_target += 1;
        }
    }
    assert!(
        on_target * 100 >= coded.len() * 90,
        "{on_target} of {} proposals on the right passage",
        coded.len()
    );
    // Nothing coded without a person: the transcript carries no coding yet; tables count the
    // transcript, not the notes.
    assert_eq!(session.counted_codings().count(), 0);
    assert_eq!(
        session.codings.len(),
        coded.len(),
        "live codings stay on the notes"
    );
}

#[test]
fn a_given_offset_places_the_cues_and_a_corrected_transcript_keeps_what_its_words_still_say() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, live, _) = setup(tmp.path());
    let file = tmp.path().join("enregistrement.vtt");
    let mut said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", &live.id.to_string()[..8], "--offset", "+00:02:37"])
        .assert()
        .success();
    let session = load(&dir, &study, live.id);
    let layer = session.transcript.clone().unwrap();
    assert_eq!(layer.recording_start, time("2021-09-14T10:02:37+02:00"));
    assert_eq!(serde_json::to_value(layer.aligned).unwrap()["by"], "given");
    // The analyst codes two transcript passages (as the coding screen does).
    let heard: Vec<Segment> = session
        .segments
        .iter()
        .filter(|s| session.in_transcript(s.id))
        .cloned()
        .collect();
    let hotel = &heard[15]; // "Il y a aussi un hôtel près de la gare…"
    let frere = &heard[22]; // "Un frère aussi…"
    let (mut writer, _) = dir.open_session(live.id, &study).unwrap();
    let span = |s: &Segment, words: &str| {
        let at = s.text.find(words).unwrap();
        let start = s.text[..at].chars().count();
        (start, start + words.chars().count())
    };
    let mut made = Vec::new();
    for (segment, words, path) in [
        (hotel, "un hôtel près de la gare", "lieux/hotel"),
        (
            frere,
            "qui conduisait sa sœur aux rendez-vous",
            "proxenetisme/franco-francais",
        ),
    ] {
        let (start, end) = span(segment, words);
        let coding = Coding {
            id: CodingId::new(),
            segment: segment.id,
            start,
            end,
            code: code(&study, path),
            coder: "Analyste".into(),
            at: time("2021-10-01T09:00:00+02:00"),
            memo: None,
            quote: None,
        };
        made.push(coding.id);
        writer
            .apply(SessionChange::AddCoding { coding }, &study)
            .unwrap();
    }
    writer.checkpoint().unwrap();
    drop(writer);

    // The corrected transcript: a typo fixed before the hotel, the brother's words rewritten.
    said[15] = "Il y a aussi, je crois, un hôtel près de la gare dont le gérant ferme les yeux.";
    said[22] = "Un frère également, dans une famille, qui l'amenait à ses rendez-vous.";
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "1 codage(s) suivent leurs mots ; 1 codage(s)",
        ));
    let json = session_file(&root, &live.id.to_string());
    let codings = json["codings"].as_array().unwrap();
    let kept = codings
        .iter()
        .find(|c| c["id"] == made[0].to_string())
        .expect("the hotel coding follows its words");
    assert!(codings.iter().all(|c| c["id"] != made[1].to_string()));
    let session = load(&dir, &study, live.id);
    let segment = session
        .segment(kept["segment"].as_str().unwrap().parse().unwrap())
        .unwrap();
    assert!(session.in_transcript(segment.id));
    let (start, end) = (
        kept["start"].as_u64().unwrap(),
        kept["end"].as_u64().unwrap(),
    );
    assert_eq!(
        text::slice(&segment.text, start as usize, end as usize),
        Some("un hôtel près de la gare")
    );
    assert_eq!(
        session
            .segments
            .iter()
            .filter(|s| session.in_transcript(s.id))
            .count(),
        SCRIPT.len(),
        "the layer replaced, not added twice"
    );
    // Coverage: each question's transcript text and minutes in the recording, read back
    // from the export (expected figures worked out from the script).
    let out = grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "export",
            "coverage",
            "--json",
        ])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = report["tables"][0]["rows"].as_array().unwrap();
    let row = |key: &str| rows.iter().find(|r| r["question"] == key).unwrap().clone();
    let lieux: Vec<usize> = (0..SCRIPT.len())
        .filter(|i| SCRIPT[*i].question == "lieux")
        .collect();
    let words: usize = lieux
        .iter()
        .map(|i| said[*i].split_whitespace().count())
        .sum();
    let places = places();
    let ms: i64 = lieux.iter().map(|i| places[*i].1 - places[*i].0).sum();
    let r = row("lieux");
    assert_eq!(r["sessions"], 1);
    assert_eq!(r["words"], words);
    assert!(
        (r["minutes"].as_f64().unwrap() - ms as f64 / 60_000.0).abs() < 1e-6,
        "{r}"
    );
    // A question of the grid nobody asked: no text, listed with zeros.
    let r = row("reseaux");
    assert_eq!(
        (r["sessions"].as_u64(), r["words"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(
        report["tables"][0]["notes"]
            .to_string()
            .contains("1 entretien(s)")
    );

    // The same file again: nothing to do.
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success()
        .stderr(predicates::str::contains("déjà celle de l'entretien"));
}

#[test]
fn wrong_uses_are_refused_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, _dir, _study, live, _) = setup(tmp.path());
    let file = tmp.path().join("R07.vtt");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    std::fs::write(&file, vtt(&said)).unwrap();
    let sessions = root.join("sessions");
    let before = common::folder_bytes(&sessions);
    let run = |extra: &[&str]| {
        let mut cmd = grille(tmp.path());
        cmd.args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ]);
        cmd.args(extra);
        cmd.assert()
    };
    run(&["--into", "R99"])
        .code(2)
        .stderr(predicates::str::contains("R99"));
    run(&["--into", "R07", "--offset", "demain"])
        .code(2)
        .stderr(predicates::str::contains("n'est pas un décalage"));
    run(&["--into", "R07", "--offset", "+1", "--accept"]).code(2);
    run(&["--into", "R07", "--accept", "--dry-run"])
        .success()
        .stderr(predicates::str::contains("rien n'a été écrit"));
    // A transcript without times cannot be placed.
    let plain = tmp.path().join("R07.txt");
    std::fs::write(&plain, "ENQ : Bonjour.\nMme B. : Bonjour.\n").unwrap();
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            plain.to_str().unwrap(),
        ])
        .args(["--into", "R07"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("n'a pas de temps"));
    let json = |m: std::collections::BTreeMap<String, Vec<u8>>| {
        m.into_iter()
            .filter(|(k, _)| !k.ends_with(".lock"))
            .collect::<Vec<_>>()
    };
    assert_eq!(json(before), json(common::folder_bytes(&sessions)));
    assert!(live.transcript.is_none());
}

#[test]
fn on_the_coding_screen_notes_are_beside_the_transcript_and_proposals_are_accepted_moved_or_rejected()
 {
    if !common::tmux::required() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, live, _) = setup(tmp.path());
    let file = tmp.path().join("R07.vtt");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success();
    let session = load(&dir, &study, live.id);
    // The proposals in the order `p` visits them: transcript order.
    let mut pending = session.transcript.as_ref().unwrap().proposals.clone();
    pending.sort_by_key(|p| (session.segment_index(p.segment), p.start));
    let (first, second, third) = (&pending[0], &pending[1], &pending[2]);
    let text_of = |id: SegmentId| session.segment(id).unwrap().text.clone();

    let ui = common::tmux::Tmux::start(
        "align-coding",
        &common::tmux::grille_command(tmp.path(), &format!("--study {}", root.display())),
        140,
        45,
    );
    ui.wait_for("R07");
    ui.keys(&["c"]);
    ui.wait_for("Codage R07");
    // Both layers: the transcript, the notes of the same moment beside it.
    let screen = ui.wait_for("Notes prises en direct");
    assert!(screen.contains("transcription et notes"), "{screen}");
    assert!(screen.contains("AS au CCAS, 12 ans"), "{screen}");
    assert!(screen.contains("Je suis assistante sociale"), "{screen}");
    // `t`: the transcript alone, then the notes alone, then both again.
    ui.keys(&["t"]);
    let screen = ui.wait_for("· transcription ");
    assert!(!screen.contains("AS au CCAS"), "{screen}");
    ui.keys(&["t"]);
    let screen = ui.wait_for("notes en direct");
    assert!(screen.contains("AS au CCAS"), "{screen}");
    assert!(!screen.contains("Je suis assistante sociale"), "{screen}");
    ui.keys(&["t"]);
    ui.wait_for("transcription et notes");

    // The first proposal accepted as proposed, the second rejected, the third moved: its
    // selection narrowed by a word before accepting.
    ui.keys(&["p"]);
    ui.wait_for("Proposé depuis le direct");
    ui.keys(&["y"]);
    ui.keys(&["p"]);
    ui.wait_for("Proposé depuis le direct");
    ui.keys(&["n"]);
    ui.keys(&["p"]);
    ui.wait_for("Proposé depuis le direct");
    ui.keys(&["b", "y"]);
    ui.wait_for(&format!("{} proposition(s) en attente", pending.len() - 3));
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);

    // Read back from the session file.
    let json = session_file(&root, &live.id.to_string());
    let layer = &json["transcript"];
    assert_eq!(
        layer["proposals"].as_array().unwrap().len(),
        pending.len() - 3
    );
    let decisions = layer["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 3);
    assert_eq!(decisions[0]["from"], first.from.to_string());
    assert_eq!(decisions[1]["from"], second.from.to_string());
    assert!(decisions[1]["accepted"].is_null(), "rejected");
    assert_eq!(decisions[2]["from"], third.from.to_string());
    let codings = json["codings"].as_array().unwrap();
    let made = |d: &serde_json::Value| {
        codings
            .iter()
            .find(|c| c["id"] == d["accepted"])
            .unwrap_or_else(|| panic!("no coding for {d}"))
            .clone()
    };
    let live_code = |from: CodingId| session.coding(from).unwrap().code.to_string();
    let a = made(&decisions[0]);
    assert_eq!(a["segment"], first.segment.to_string());
    assert_eq!(
        (a["start"].as_u64(), a["end"].as_u64()),
        (Some(first.start as u64), Some(first.end as u64))
    );
    assert_eq!(a["code"], live_code(first.from));
    assert_ne!(
        a["coder"], "Léa Martin",
        "signed by the analyst who accepted"
    );
    let c = made(&decisions[2]);
    assert_eq!(c["segment"], third.segment.to_string());
    assert_eq!(c["start"].as_u64(), Some(third.start as u64));
    let end = c["end"].as_u64().unwrap() as usize;
    assert!(end < third.end && end > third.start, "moved: narrowed");
    let text = text_of(third.segment);
    assert!(text::slice(&text, third.start, end).is_some());
    assert_eq!(c["code"], live_code(third.from));
}

#[test]
fn on_the_coding_screen_u_takes_back_an_acceptance_or_a_rejection() {
    if !common::tmux::required() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, live, _) = setup(tmp.path());
    let file = tmp.path().join("R07.vtt");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success();
    let before = load(&dir, &study, live.id);
    let layer = before.transcript.clone().unwrap();
    let mut pending = layer.proposals.clone();
    pending.sort_by_key(|p| (before.segment_index(p.segment), p.start));
    let first = pending[0].clone();
    let name = study
        .codebook
        .name_of(before.coding(first.from).unwrap().code)
        .unwrap()
        .to_owned();
    let codings_before: Vec<CodingId> = before.codings.iter().map(|c| c.id).collect();
    // What is saved, read back from the study folder (the session file and its journal).
    let saved = || load(&dir, &study, live.id);
    let as_before = |s: &Session| {
        let t = s.transcript.as_ref().unwrap();
        let mut proposals = t.proposals.clone();
        proposals.sort_by_key(|p| (s.segment_index(p.segment), p.start));
        assert_eq!(proposals, pending, "every proposal pending, as imported");
        assert!(t.decisions.is_empty(), "{:?}", t.decisions);
        assert_eq!(
            s.codings.iter().map(|c| c.id).collect::<Vec<_>>(),
            codings_before
        );
    };

    let ui = common::tmux::Tmux::start(
        "align-undo",
        &common::tmux::grille_command(tmp.path(), &format!("--study {}", root.display())),
        140,
        45,
    );
    ui.wait_for("R07");
    ui.keys(&["c"]);
    ui.wait_for("Codage R07");
    // Accepted as proposed: a coding on the passage, the decision recorded.
    ui.keys(&["p"]);
    ui.wait_for("Proposé depuis le direct");
    ui.keys(&["y"]);
    ui.wait_for(&format!("Proposition « {name} » acceptée"));
    let s = saved();
    let t = s.transcript.as_ref().unwrap();
    assert_eq!(t.proposals.len(), pending.len() - 1);
    assert_eq!(t.decisions.len(), 1);
    assert_eq!(t.decisions[0].from, first.from);
    let made = s.coding(t.decisions[0].accepted.unwrap()).unwrap();
    assert_eq!(
        (made.segment, made.start, made.end),
        (first.segment, first.start, first.end)
    );
    // Undone: the proposal pending again, the coding gone.
    ui.keys(&["u"]);
    ui.wait_for(&format!("Annulé : proposition « {name} » acceptée"));
    let s = saved();
    as_before(&s);
    assert!(s.coding(made.id).is_none());
    // Its passage selected again, it is the one `y` or `n` decides: rejected this time, then
    // undone likewise.
    ui.wait_for("Proposé depuis le direct");
    ui.keys(&["n"]);
    ui.wait_for(&format!("Proposition « {name} » rejetée"));
    let s = saved();
    let t = s.transcript.as_ref().unwrap();
    assert_eq!(t.proposals.len(), pending.len() - 1);
    assert_eq!(t.decisions.len(), 1);
    assert_eq!(t.decisions[0].from, first.from);
    assert_eq!(t.decisions[0].accepted, None);
    assert_eq!(
        s.codings.iter().map(|c| c.id).collect::<Vec<_>>(),
        codings_before
    );
    ui.keys(&["u"]);
    ui.wait_for(&format!("Annulé : proposition « {name} » rejetée"));
    as_before(&saved());
    // Nothing more to undo; the proposal, still selected, is accepted for good this time.
    ui.keys(&["u"]);
    ui.wait_for("Rien à annuler");
    ui.keys(&["y"]);
    ui.wait_for(&format!("Proposition « {name} » acceptée"));
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("nouvel entretien");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    drop(ui);
    let s = saved();
    let t = s.transcript.as_ref().unwrap();
    assert_eq!(t.decisions.len(), 1);
    assert_eq!(t.decisions[0].from, first.from);
    assert!(s.coding(t.decisions[0].accepted.unwrap()).is_some());
    // The session file itself, once the journal is folded in at closing, says the same.
    let json = session_file(&root, &live.id.to_string());
    assert_eq!(
        json["transcript"]["decisions"].as_array().unwrap().len(),
        1,
        "{}",
        json["transcript"]
    );
}

/// The rows of the first table of a Markdown export, each as its cells.
fn markdown_rows(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_statistics_screen_shows_the_coverage_that_export_coverage_writes() {
    if !common::tmux::required() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, _, _) = setup(tmp.path());
    // A second interview, its recording transcribed up to the places only.
    conduct_as(&dir, &study, "R08");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    let upto = SCRIPT.iter().position(|l| l.question == "lieux").unwrap() + 1;
    for (who, lines) in [("R07", &said[..]), ("R08", &said[..upto])] {
        let file = tmp.path().join(format!("{who}.vtt"));
        std::fs::write(&file, vtt(lines)).unwrap();
        grille(tmp.path())
            .args([
                "--study",
                root.to_str().unwrap(),
                "import",
                file.to_str().unwrap(),
            ])
            .args(["--into", who, "--offset", "+00:02:37"])
            .assert()
            .success();
    }
    let out = grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "export",
            "coverage",
            "--json",
        ])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = report["tables"][0]["rows"].as_array().unwrap().clone();
    assert_eq!(
        rows.len(),
        study.grid.questions().count() + 1,
        "and off the grid"
    );
    // The figures as the export writes them for a reader (French decimals, its rounding).
    let out = grille(tmp.path())
        .args([
            "--study",
            root.to_str().unwrap(),
            "export",
            "coverage",
            "--format",
            "md",
        ])
        .assert()
        .success();
    let exported = markdown_rows(&String::from_utf8(out.get_output().stdout.clone()).unwrap());
    assert_eq!(exported.len(), rows.len());

    let out_dir = tmp.path().join("exports");
    std::fs::create_dir(&out_dir).unwrap();
    let ui = common::tmux::Tmux::start(
        "align-coverage",
        &common::tmux::grille_command_in(
            tmp.path(),
            &out_dir,
            "",
            &format!("--study {}", root.display()),
        ),
        120,
        45,
    );
    ui.wait_for("R08");
    ui.keys(&["s"]);
    ui.wait_for("Fréquences des codes");
    // Frequencies, answers, situations, reports, saturation, then coverage.
    ui.keys(&["Tab", "Tab", "Tab", "Tab", "Tab"]);
    let screen = ui.wait_settled("Couverture de la grille par les transcriptions");
    assert!(
        screen.contains("Base : 2 entretien(s) dont l'enregistrement est transcrit"),
        "{screen}"
    );
    let mut compared = 0;
    for (row, cells) in rows.iter().zip(&exported) {
        let key = row["question"].as_str().unwrap();
        assert_eq!(cells[0], key);
        let line = screen
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("no row for {key} on:\n{screen}"));
        // From the interviews with text on: n/N, words, minutes, minutes per interview.
        let tokens: Vec<&str> = line
            .split_whitespace()
            .filter(|t| !t.contains('█'))
            .collect();
        let at = tokens
            .iter()
            .rposition(|t| t.contains('/') && t.split('/').all(|n| n.parse::<u32>().is_ok()))
            .unwrap_or_else(|| panic!("no n/N in {line}"));
        assert_eq!(tokens[at], format!("{}/2", cells[2]), "{line}");
        assert_eq!(cells[2], row["sessions"].to_string());
        assert_eq!(tokens[at + 1], cells[3], "{line}");
        assert_eq!(tokens[at + 2], cells[4], "{line}");
        if cells[5].is_empty() {
            assert_eq!(tokens.len(), at + 3, "no mean without text: {line}");
        } else {
            assert_eq!(tokens[at + 3], cells[5], "{line}");
        }
        compared += 1;
    }
    assert_eq!(compared, rows.len());
    // Worked out by hand: the places were said in both interviews, the networks in neither,
    // and what follows the places only in the first.
    let sessions_of = |key: &str| {
        rows.iter().find(|r| r["question"] == key).unwrap()["sessions"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(sessions_of("lieux"), 2);
    assert_eq!(sessions_of("presentation"), 2);
    assert_eq!(sessions_of("reseaux"), 0);
    let after = SCRIPT[upto..]
        .iter()
        .find(|l| l.question != "lieux")
        .unwrap()
        .question;
    assert_eq!(sessions_of(after), 1);
    // `m` writes the table shown: the coverage, as the export does.
    ui.keys(&["m"]);
    ui.wait_for("Exporté");
    let written: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(
        md.contains("Couverture de la grille par les transcriptions"),
        "{md}"
    );
    assert_eq!(markdown_rows(&md), exported);
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("R08");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
}

#[test]
fn the_sessions_lists_tell_notes_transcripts_and_both_apart() {
    if !common::tmux::required() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, _, _) = setup(tmp.path());
    let study_arg = root.to_str().unwrap();
    // R07: conducted live, then its recording's transcript aligned under the notes. R08:
    // conducted live only. R09: a transcript imported as a session of its own.
    let (notes_only, _) = conduct_as(&dir, &study, "R08");
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    let file = tmp.path().join("R07.vtt");
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args(["--study", study_arg, "import", file.to_str().unwrap()])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success();
    let other = tmp.path().join("R09.vtt");
    std::fs::write(&other, vtt(&said[..6])).unwrap();
    grille(tmp.path())
        .args(["--study", study_arg, "import", other.to_str().unwrap()])
        .args(["--respondent", "R09", "--interviewer", "Léa Martin"])
        .assert()
        .success();

    let out = grille(tmp.path())
        .args(["--study", study_arg, "sessions", "--json"])
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let layers = |who: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["respondent"] == who)
            .unwrap_or_else(|| panic!("no {who} in {rows}"))["layers"]
            .clone()
    };
    assert_eq!(layers("R07"), "notes_and_transcript");
    assert_eq!(layers("R08"), "notes");
    assert_eq!(layers("R09"), "transcript");
    // The table says it in words, on each session's line.
    let out = grille(tmp.path())
        .args(["--study", study_arg, "sessions"])
        .assert()
        .success();
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let line = |who: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {who} ")))
            .unwrap_or_else(|| panic!("no {who} in {table}"))
            .to_owned()
    };
    assert!(table.contains(" texte "), "{table}");
    assert!(line("R07").contains("notes+transcr."), "{table}");
    assert!(line("R08").contains(" notes "), "{table}");
    assert!(!line("R08").contains("transcr"), "{table}");
    assert!(line("R09").contains("transcription"), "{table}");
    // The home screen: a column "texte" with the same words.
    let ui = common::tmux::Tmux::start(
        "align-lists",
        &common::tmux::grille_command(tmp.path(), &format!("--study {study_arg}")),
        130,
        30,
    );
    let screen = ui.wait_settled("R09");
    let row = |who: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!(" {who} ")))
            .unwrap_or_else(|| panic!("no {who} on:\n{screen}"))
            .to_owned()
    };
    assert!(screen.contains("texte"), "{screen}");
    assert!(row("R07").contains("notes+transcr."), "{screen}");
    assert!(row("R08").contains(" notes "), "{screen}");
    assert!(!row("R08").contains("transcr"), "{screen}");
    assert!(row("R09").contains("transcription"), "{screen}");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_exit(pid);

    // Listed again once R08's transcript is added: both.
    let r08 = tmp.path().join("R08.vtt");
    std::fs::write(&r08, vtt(&said)).unwrap();
    grille(tmp.path())
        .args(["--study", study_arg, "import", r08.to_str().unwrap()])
        .args([
            "--into",
            &notes_only.id.to_string()[..8],
            "--offset",
            "+00:02:37",
        ])
        .assert()
        .success();
    let out = grille(tmp.path())
        .args(["--study", study_arg, "sessions", "--json"])
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let r08 = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["respondent"] == "R08")
        .unwrap();
    assert_eq!(r08["layers"], "notes_and_transcript");
}

#[test]
fn a_refi_qda_round_trip_carries_the_visits_and_the_transcript_layer_and_says_what_others_lose() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, dir, study, live, _) = setup(tmp.path());
    let study_arg = root.to_str().unwrap();
    let said: Vec<&str> = SCRIPT.iter().map(|l| l.said).collect();
    let file = tmp.path().join("R07.vtt");
    std::fs::write(&file, vtt(&said)).unwrap();
    grille(tmp.path())
        .args(["--study", study_arg, "import", file.to_str().unwrap()])
        .args(["--into", "R07", "--offset", "+00:02:37"])
        .assert()
        .success();
    // One proposal accepted, as the coding screen does: a decision and the coding it made.
    let session = load(&dir, &study, live.id);
    let p = session.transcript.as_ref().unwrap().proposals[0].clone();
    let live_coding = session.coding(p.from).unwrap().clone();
    let (mut writer, _) = dir.open_session(live.id, &study).unwrap();
    writer
        .apply(
            SessionChange::AcceptProposal {
                from: p.from,
                coding: Coding {
                    id: CodingId::new(),
                    segment: p.segment,
                    start: p.start,
                    end: p.end,
                    code: live_coding.code,
                    coder: "Analyste".into(),
                    at: time("2021-10-01T09:00:00+02:00"),
                    memo: None,
                    quote: None,
                },
            },
            &study,
        )
        .unwrap();
    writer.checkpoint().unwrap();
    drop(writer);
    let before = load(&dir, &study, live.id);
    assert_eq!(before.transcript.as_ref().unwrap().decisions.len(), 1);

    let qdpx = tmp.path().join("etude.qdpx");
    grille(tmp.path())
        .args([
            "--study",
            study_arg,
            "export",
            "qdpx",
            "--with-identities",
            "-o",
        ])
        .arg(&qdpx)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "Attention : 1 entretien(s) ont la transcription de leur enregistrement",
        ))
        .stderr(predicates::str::contains("grille.json"));
    let copy = tmp.path().join("copie");
    grille(tmp.path())
        .arg("import")
        .arg(&qdpx)
        .arg("--new")
        .arg(&copy)
        .assert()
        .success();
    let copy_dir = StudyDir::open(&copy).unwrap();
    let copy_study = copy_dir.load_study().unwrap();
    let after = copy_dir.load_session(live.id, &copy_study).unwrap().doc;
    assert_eq!(after.visits, before.visits, "question visits carried");
    assert_eq!(
        after.transcript, before.transcript,
        "the layer, its proposals and decisions"
    );
    assert_eq!(after.layers(), grille::study::Layers::NotesAndTranscript);
    // Counted as the original: the transcript, not the notes twice.
    let ids = |s: &Session| s.counted_segments().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(ids(&after), ids(&before));
    let made = before.transcript.as_ref().unwrap().decisions[0]
        .accepted
        .unwrap();
    assert_eq!(after.coding(made), before.coding(made));
    // The coverage reads the same in both studies.
    let coverage = |at: &Path| {
        let out = grille(tmp.path())
            .args([
                "--study",
                at.to_str().unwrap(),
                "export",
                "coverage",
                "--json",
            ])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v["tables"][0]["rows"].clone()
    };
    assert_eq!(coverage(&copy), coverage(&root));
}
