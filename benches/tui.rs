//! One frame of the interview screen and one key press, on a session of 2,000 segments; the
//! first frame of the interface on a study of 1,000 sessions, and the list of its sessions;
//! keys and frames of the coding screen on 156,000 segments and on one segment of 5 MB.
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
use grille::tui::coding::CodingScreen;
use grille::tui::interview::Interview;
use grille::tui::msg::{Effect, Intent, Msg};
use grille::tui::runtime::{Runtime, Start};
use grille::tui::screen::Step;
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
            quote: None,
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

/// A generated study, made once and kept in the temporary folder (shared with the search
/// benchmark, which names it the same way).
fn corpus(sessions: usize, words: usize) -> std::path::PathBuf {
    let base = std::env::var_os("GRILLE_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let root = base.join(format!("grille-bench-{sessions}x{words}-seed1"));
    if !root.join("study.json").is_file() {
        let _ = std::fs::remove_dir_all(&root);
        grille::corpus::generate(&root, sessions, words, 1).expect("corpus generates");
    }
    root
}

/// From nothing to the first frame on a big study, and to the frame that lists its sessions
/// (what the first frame waited for before the worker thread).
fn first_frame(c: &mut Criterion) {
    let sessions = std::env::var("GRILLE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let root = corpus(sessions, 8000);
    let now = Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap();
    let open = || {
        let dir = StudyDir::open(&root).unwrap();
        let workspace = Workspace::open(dir, Preferences::default()).unwrap();
        let (tx, answers) = std::sync::mpsc::channel();
        let mut runtime = Runtime::new(workspace, tx);
        let mut app = App::new(Lang::Fr, now);
        runtime.start(&mut app, Start::Home);
        (runtime, app, answers)
    };
    let mut group = c.benchmark_group(format!("study of {sessions} sessions"));
    group.sample_size(10);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    group.bench_function("first frame (open, start, draw)", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let t = std::time::Instant::now();
                let (mut runtime, mut app, answers) = open();
                terminal.draw(|f| runtime.draw(&app, f)).unwrap();
                total += t.elapsed();
                // The worker finishes its reading before the next start, unmeasured.
                while runtime.busy() {
                    let msg = answers.recv().unwrap();
                    runtime.handle(&mut app, msg);
                }
            }
            total
        })
    });
    group.bench_function("frame listing the sessions (worker's answer)", |b| {
        b.iter(|| {
            let (mut runtime, mut app, answers) = open();
            while runtime.busy() {
                let msg = answers.recv().unwrap();
                runtime.handle(&mut app, msg);
            }
            terminal.draw(|f| runtime.draw(&app, f)).unwrap();
            assert_eq!(
                app.screen::<grille::tui::home::Home>().unwrap().rows.len(),
                sessions
            );
        })
    });
    group.finish();
}

/// A session for the coding screen: `count` segments of `words` words each.
fn coding_session(study: &Study, now: Time, count: usize, words: usize) -> Session {
    let mut session = Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: "R98".into(),
            attributes: Default::default(),
        },
    );
    session.started = Some(now);
    let questions: Vec<_> = study.grid.questions().map(|(_, q)| q.id).collect();
    let codes: Vec<_> = study.codebook.codes.iter().map(|c| c.id).collect();
    let sentence = "elle était hébergée à l'hôtel par un homme qui se disait son compagnon ";
    let per = sentence.split(' ').count() - 1;
    for i in 0..count {
        let text = sentence.repeat(words.div_ceil(per));
        let segment = Segment {
            id: SegmentId::new(),
            question: Some(questions[(i / 50) % questions.len()]),
            speaker: Speaker::Respondent,
            speaker_label: None,
            recording: None,
            start: Some(now),
            end: Some(now),
            text: text.trim_end().to_owned(),
        };
        if i % 2 == 0 {
            session.codings.push(Coding {
                id: CodingId::new(),
                segment: segment.id,
                start: 0,
                end: 20,
                code: codes[i % codes.len()],
                coder: "Camille Roux".into(),
                at: now,
                memo: None,
                quote: None,
            });
        }
        session.segments.push(segment);
    }
    session
}

/// The coding screen on a session of 156,000 segments and on one segment of 5 MB: a key
/// (down, then up, so that the cursor stays in place over the iterations), a word move, a
/// page down and back, and a frame. Opening the session (reading its file) is not measured.
fn coding(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = StudyDir::create(&tmp.path().join("s"), &DIAGNOSTIC, false).unwrap();
    let study = dir.load_study().unwrap();
    let now = Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap();
    // 156,000 segments of a sentence; one segment of 5 MB (a million words).
    let many = coding_session(&study, now, 156_000, 12);
    let huge = coding_session(&study, now, 1, 1_000_000);
    assert!(huge.segments[0].text.len() >= 5_000_000);
    let sessions = [("156,000 segments", many), ("one segment of 5 MB", huge)];
    let mut ids = Vec::new();
    for (name, session) in sessions {
        ids.push((name, session.id));
        drop(dir.create_session(session, &study).unwrap());
    }
    let prefs = Preferences {
        coder: Some("Camille Roux".into()),
        ..Preferences::default()
    };
    let mut group = c.benchmark_group("coding screen");
    group.sample_size(20);
    for (name, id) in ids {
        let workspace = Workspace::open(dir.clone(), prefs.clone()).unwrap();
        let (tx, _answers) = std::sync::mpsc::channel();
        let mut runtime = Runtime::new(workspace, tx);
        let mut app = App::new(Lang::Fr, now);
        app.size = (120, 40);
        let opened = std::time::Instant::now();
        runtime.call(&mut app, |_, _| {
            Step::effect(Effect::Open {
                session: id,
                intent: Intent::Coding(None),
            })
        });
        assert!(app.is::<CodingScreen>());
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| runtime.draw(&app, f)).unwrap();
        eprintln!("{name}: opened and first frame in {:?}", opened.elapsed());
        // Somewhere in the middle: 500 rows down.
        for _ in 0..50 {
            runtime.handle(&mut app, Msg::Key(KeyEvent::from(KeyCode::PageDown)));
        }
        let key = |code| Msg::Key(KeyEvent::from(code));
        group.bench_function(format!("{name}: ↓ then ↑"), |b| {
            b.iter(|| {
                runtime.handle(&mut app, key(KeyCode::Down));
                runtime.handle(&mut app, key(KeyCode::Up));
            })
        });
        group.bench_function(format!("{name}: w then b"), |b| {
            b.iter(|| {
                runtime.handle(&mut app, key(KeyCode::Char('w')));
                runtime.handle(&mut app, key(KeyCode::Char('b')));
            })
        });
        group.bench_function(format!("{name}: PgDn then PgUp"), |b| {
            b.iter(|| {
                runtime.handle(&mut app, key(KeyCode::PageDown));
                runtime.handle(&mut app, key(KeyCode::PageUp));
            })
        });
        // A selection drawn over three words and let go: the selected span is worked out
        // (char offsets to bytes) and drawn at each step.
        group.bench_function(format!("{name}: v w w w Esc, with a frame each"), |b| {
            b.iter(|| {
                for code in [
                    KeyCode::Char('v'),
                    KeyCode::Char('w'),
                    KeyCode::Char('w'),
                    KeyCode::Char('w'),
                    KeyCode::Esc,
                ] {
                    runtime.handle(&mut app, key(code));
                    terminal.draw(|f| runtime.draw(&app, f)).unwrap();
                }
                for _ in 0..3 {
                    runtime.handle(&mut app, key(KeyCode::Char('b')));
                }
            })
        });
        // A code applied with its quick key (written to the journal), then undone.
        let alt = |c| {
            Msg::Key(KeyEvent::new(
                KeyCode::Char(c),
                ratatui::crossterm::event::KeyModifiers::ALT,
            ))
        };
        group.bench_function(format!("{name}: Alt+1 then u (code, undo)"), |b| {
            b.iter(|| {
                runtime.handle(&mut app, alt('1'));
                runtime.handle(&mut app, key(KeyCode::Char('u')));
            })
        });
        group.bench_function(format!("{name}: one frame 120×40"), |b| {
            b.iter(|| {
                terminal.draw(|f| runtime.draw(&app, f)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, first_frame, coding);
criterion_main!(benches);
