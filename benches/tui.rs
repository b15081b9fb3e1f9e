//! One frame of the interview screen and one key press, on a session of 2,000 segments.
//! Run: cargo bench --bench tui

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use grille::i18n::Lang;
use grille::store::template::DIAGNOSTIC;
use grille::store::{Preferences, StudyDir};
use grille::study::{
    Coding, CodingId, Consent, Respondent, Segment, SegmentId, Session, Speaker, Study, Time,
};
use grille::tui::app::App;
use grille::tui::interview::Interview;
use grille::tui::msg::Msg;
use grille::tui::runtime::{Runtime, Start};
use grille::workspace::Workspace;

fn big_session(study: &Study, now: Time) -> Session {
    let mut session = Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: "R99".into(),
            attributes: Default::default(),
        },
    );
    session.started = Some(now);
    session.consent = Some(Consent {
        given: true,
        at: now,
    });
    let questions: Vec<_> = study.grid.questions().map(|(_, q)| q.id).collect();
    let codes: Vec<_> = study.codebook.codes.iter().map(|c| c.id).collect();
    for i in 0..2000 {
        let text = format!(
            "Segment {i} : elle était hébergée à l'hôtel par un homme qui se disait son compagnon, \
             les professionnel·les l'ont repérée au bout de plusieurs mois, sans pouvoir agir."
        );
        let segment = Segment {
            id: SegmentId::new(),
            question: Some(questions[i % questions.len()]),
            speaker: if i % 3 == 0 {
                Speaker::Interviewer
            } else {
                Speaker::Respondent
            },
            speaker_label: None,
            recording: None,
            start: Some(now),
            end: Some(now),
            text,
        };
        session.codings.push(Coding {
            id: CodingId::new(),
            segment: segment.id,
            start: 0,
            end: 20,
            code: codes[i % codes.len()],
            coder: "Camille Roux".into(),
            at: now,
            memo: None,
        });
        session.segments.push(segment);
    }
    session
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = StudyDir::create(&tmp.path().join("s"), &DIAGNOSTIC, false).unwrap();
    let study = dir.load_study().unwrap();
    let now = Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap();
    let session = big_session(&study, now);
    let id = session.id;
    drop(dir.create_session(session, &study).unwrap());
    let workspace = Workspace::open(dir, Preferences::default()).unwrap();
    let (tx, _answers) = std::sync::mpsc::channel();
    let mut runtime = Runtime::new(workspace, tx);
    let mut app = App::new(Lang::Fr, now);
    runtime.start(&mut app, Start::Resume(id));
    assert!(
        app.is::<Interview>(),
        "the session opens in the interview screen"
    );

    for (w, h) in [(80, 24), (200, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("frame {w}x{h}, 2000 segments"), |b| {
            b.iter(|| {
                terminal.draw(|f| runtime.draw(&app, f)).unwrap();
            })
        });
    }
    // A letter then Backspace, so that the notes do not grow with the iterations; the draft is
    // saved by the deadline, not by these keys.
    c.bench_function(
        "two key presses in the notes (é, Backspace), 2000 segments",
        |b| {
            b.iter(|| {
                runtime.handle(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('é'))));
                runtime.handle(&mut app, Msg::Key(KeyEvent::from(KeyCode::Backspace)))
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
