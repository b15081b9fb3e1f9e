//! Keystroke to journal, plain and encrypted side by side: the draft of a note saved as the
//! interview screen saves it (`Workspace::record` of an `EditText`: checked, appended to the
//! journal and fsynced, applied; folded into the file every 200 records), on a session of
//! 2,000 segments; and what opening an encrypted study costs (the passphrase's scrypt).
//! Run: cargo bench --bench encryption

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use grille::store::template::DIAGNOSTIC;
use grille::store::{Preferences, Protection, StudyDir, Unlock};
use grille::study::{Respondent, Segment, SegmentId, Session, SessionChange, Speaker};
use grille::workspace::Workspace;

const PASSPHRASE: &str = "un cheval de Troie bleu";

fn protection(work_factor: Option<u8>) -> Protection {
    Protection {
        passphrase: PASSPHRASE.to_owned().into(),
        team: Vec::new(),
        work_factor,
    }
}

/// A session of `n` segments of about 40 words each.
fn session(n: usize) -> Session {
    let mut session = Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: "R01".into(),
            attributes: Default::default(),
        },
    );
    for i in 0..n {
        session.segments.push(Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: format!(
                "Segment {i}. Elle dit que l'hôtel ferme les yeux, que le gérant touche sa part \
                 et que les jeunes femmes changent de chambre chaque semaine pour ne pas être \
                 repérées par les voisins ni par la police municipale du quartier."
            ),
        });
    }
    session
}

/// A workspace on a new study (encrypted or not) with the session open for writing.
fn workspace(root: &std::path::Path, encrypted: bool) -> (Workspace, SegmentId) {
    let dir = match encrypted {
        true => StudyDir::create_encrypted(root, &DIAGNOSTIC, false, &protection(Some(10))),
        false => StudyDir::create(root, &DIAGNOSTIC, false),
    }
    .unwrap();
    let study = dir.load_study().unwrap();
    let session = session(2000);
    let (id, last) = (session.id, session.segments[1999].id);
    drop(dir.create_session(session, &study).unwrap());
    let mut dir = StudyDir::open(root).unwrap();
    dir.unlock(&Unlock::Passphrase(PASSPHRASE.to_owned().into()))
        .unwrap();
    let mut ws = Workspace::open(dir, Preferences::default()).unwrap();
    ws.open_current(id).unwrap();
    (ws, last)
}

fn keystroke_to_journal(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("keystroke to journal, 2000 segments");
    group.measurement_time(Duration::from_secs(10));
    for (name, encrypted) in [("plain", false), ("encrypted", true)] {
        let (mut ws, segment) = workspace(&tmp.path().join(name), encrypted);
        let mut n = 0u64;
        group.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                ws.record(SessionChange::EditText {
                    segment,
                    text: format!("Une note tapée pendant l'entretien, version {n}."),
                })
                .unwrap()
            })
        });
    }
    group.finish();
}

/// The price of the passphrase, paid once per run: scrypt at the work factor age chooses for
/// about a second on this machine.
fn unlocking(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("s");
    StudyDir::create_encrypted(&root, &DIAGNOSTIC, false, &protection(None)).unwrap();
    let mut group = c.benchmark_group("open an encrypted study");
    group.sample_size(10);
    group.bench_function("passphrase (scrypt, default work factor)", |b| {
        b.iter(|| {
            let mut dir = StudyDir::open(&root).unwrap();
            dir.unlock(&Unlock::Passphrase(PASSPHRASE.to_owned().into()))
                .unwrap();
            dir
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke_to_journal, unlocking);
criterion_main!(benches);
