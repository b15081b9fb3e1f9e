//! Analysis on a 1,000-session synthetic study: loading the sessions from disk, then each table
//! (frequencies, answers, co-occurrence, situations, saturation, agreement; the cross-tables by
//! `secteur` too) on the loaded sessions.
//!
//! The study is made here from the built-in template: ~3,000 words per session in 30 segments,
//! ~45 codings by two coders (some overlapping), answers to every closed question, respondent
//! attributes and 3 situations per session. A small deterministic generator (xorshift) keeps the
//! bench free of extra dependencies.
//!
//! Run: `cargo bench --bench analysis`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use grille::analysis::{self, AgreementUnit, Filter, Unit};
use grille::store::StudyDir;
use grille::store::template::DIAGNOSTIC;
use grille::study::{
    Coding, CodingId, Consent, Excerpt, Respondent, Segment, SegmentId, Session, Situation,
    SituationId, Speaker, Status, Study, Time, Value, ValueKind,
};

const SESSIONS: usize = 1_000;
const SEGMENTS: usize = 30;
const WORDS_PER_SEGMENT: usize = 100;

const WORDS: &[&str] = &[
    "elle",
    "vivait",
    "à",
    "l'hôtel",
    "avec",
    "son",
    "compagnon",
    "qui",
    "prenait",
    "l'argent",
    "des",
    "annonces",
    "sur",
    "internet",
    "nous",
    "avons",
    "orienté",
    "la",
    "personne",
    "vers",
    "l'association",
    "hébergement",
    "contre",
    "services",
    "jeunes",
    "majeures",
    "mineur·es",
    "professionnel·les",
    "réseau",
    "appartement",
    "gendarmerie",
    "accompagnement",
    "précarité",
    "logement",
    "rue",
    "clients",
    "signalement",
    "travailleuse",
    "sociale",
    "parcours",
];

/// xorshift64*: deterministic and good enough to spread codings.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn time(day: usize, minute: usize) -> Time {
    let s = format!(
        "2021-{:02}-{:02}T{:02}:{:02}:00+02:00",
        3 + day / 28 % 9,
        1 + day % 28,
        9 + minute / 60 % 9,
        minute % 60
    );
    Time::parse_from_rfc3339(&s).unwrap()
}

fn session(n: usize, study: &Study, rng: &mut Rng) -> Session {
    let codes: Vec<_> = study.codebook.codes.iter().map(|c| c.id).collect();
    let questions: Vec<_> = study.grid.questions().map(|(_, q)| q.clone()).collect();
    let mut attributes = BTreeMap::new();
    for attr in &study.meta.respondent_attributes {
        let value = match &attr.kind {
            ValueKind::Choice { options } => {
                Value::Text(options[rng.below(options.len())].key.clone())
            }
            _ => Value::Text(format!("texte {}", rng.below(20))),
        };
        attributes.insert(attr.key.clone(), value);
    }
    let mut s = Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: format!("R{n:04}"),
            attributes,
        },
    );
    s.status = if n.is_multiple_of(10) {
        Status::InProgress
    } else {
        Status::Done
    };
    s.started = Some(time(n, 0));
    s.consent = Some(Consent {
        given: true,
        at: time(n, 0),
    });
    for i in 0..SEGMENTS {
        let words: Vec<&str> = (0..WORDS_PER_SEGMENT)
            .map(|_| WORDS[rng.below(WORDS.len())])
            .collect();
        s.segments.push(Segment {
            id: SegmentId::new(),
            question: Some(questions[i % questions.len()].id),
            speaker: if i % 3 == 0 {
                Speaker::Interviewer
            } else {
                Speaker::Respondent
            },
            speaker_label: None,
            recording: None,
            start: None,
            end: None,
            text: words.join(" "),
        });
    }
    let coders = ["Léa Martin", "Sami Benali"];
    for k in 0..45 {
        let seg = &s.segments[rng.below(SEGMENTS)];
        let len = seg.text.chars().count();
        let start = rng.below(len - 60);
        let end = start + 20 + rng.below(40);
        s.codings.push(Coding {
            id: CodingId::new(),
            segment: seg.id,
            start,
            end,
            code: codes[rng.below(codes.len())],
            coder: coders[k % 2].into(),
            at: time(n, 30),
            memo: None,
            quote: None,
        });
    }
    for q in &questions {
        let value = match &q.kind {
            ValueKind::YesNo => Value::Bool(rng.below(3) > 0),
            ValueKind::Number { .. } => Value::Number(rng.below(40) as f64),
            ValueKind::Choice { options } => {
                Value::Text(options[rng.below(options.len())].key.clone())
            }
            ValueKind::Choices { options } => Value::List(
                options
                    .iter()
                    .filter(|_| rng.below(2) == 0)
                    .map(|o| o.key.clone())
                    .collect(),
            ),
            ValueKind::Scale { min, max, .. } => {
                Value::Number((*min + rng.below((max - min + 1) as usize) as i64) as f64)
            }
            ValueKind::Open => continue,
        };
        if rng.below(10) > 0 {
            s.answers.insert(q.id, value);
        }
    }
    for _ in 0..3 {
        let mut attrs = BTreeMap::new();
        for attr in &study.meta.situation_attributes {
            let value = match &attr.kind {
                ValueKind::Choice { options } => {
                    Value::Text(options[rng.below(options.len())].key.clone())
                }
                ValueKind::Choices { options } => {
                    Value::List(vec![options[rng.below(options.len())].key.clone()])
                }
                ValueKind::YesNo => Value::Bool(rng.below(2) == 0),
                _ => continue,
            };
            if attr.when.as_ref().is_none_or(|w| w.holds(&attrs)) {
                attrs.insert(attr.key.clone(), value);
            }
        }
        let seg = &s.segments[rng.below(SEGMENTS)];
        let start = rng.below(200);
        s.situations.push(Situation {
            id: SituationId::new(),
            label: "Situation".into(),
            attributes: attrs,
            excerpts: vec![Excerpt {
                segment: seg.id,
                start,
                end: start + 80,
            }],
            same_person_as: None,
        });
    }
    s
}

fn load(dir: &StudyDir, study: &Study) -> Vec<Session> {
    dir.session_ids()
        .unwrap()
        .into_iter()
        .map(|id| dir.load_session(id, study).unwrap().doc)
        .collect()
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    let dir = StudyDir::create(&root, &DIAGNOSTIC, false).unwrap();
    let study = dir.load_study().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for n in 0..SESSIONS {
        drop(
            dir.create_session(session(n, &study, &mut rng), &study)
                .unwrap(),
        );
    }
    let sessions = load(&dir, &study);
    let words: usize = sessions.iter().map(Session::word_count).sum();
    let codings: usize = sessions.iter().map(|s| s.codings.len()).sum();
    eprintln!(
        "study: {} sessions, {words} words, {codings} codings",
        sessions.len()
    );

    let mut group = c.benchmark_group("analysis_1000_sessions");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("load_sessions", |b| {
        b.iter(|| black_box(load(&dir, &study)))
    });
    let filter = Filter::default();
    let scope = filter.scope(&study, &sessions);
    group.bench_function("frequencies", |b| {
        b.iter(|| black_box(analysis::frequencies(&scope, None).unwrap()))
    });
    group.bench_function("frequencies_by_secteur", |b| {
        b.iter(|| black_box(analysis::frequencies(&scope, Some("secteur")).unwrap()))
    });
    group.bench_function("answers", |b| {
        b.iter(|| black_box(analysis::answers(&scope)))
    });
    group.bench_function("answers_by_secteur", |b| {
        b.iter(|| black_box(analysis::answers_by(&scope, Some("secteur")).unwrap()))
    });
    group.bench_function("cooccurrence_segment", |b| {
        b.iter(|| black_box(analysis::code_matrix(&scope, Unit::Segment)))
    });
    group.bench_function("cooccurrence_overlap", |b| {
        b.iter(|| black_box(analysis::code_matrix(&scope, Unit::Overlap)))
    });
    group.bench_function("code_session_matrix", |b| {
        b.iter(|| black_box(analysis::session_matrix(&scope)))
    });
    group.bench_function("situations", |b| {
        b.iter(|| black_box(analysis::situations(&scope)))
    });
    group.bench_function("situations_by_secteur", |b| {
        b.iter(|| black_box(analysis::situations_by(&scope, Some("secteur")).unwrap()))
    });
    group.bench_function("saturation", |b| {
        b.iter(|| black_box(analysis::saturation::saturation(&scope, Default::default())))
    });
    group.bench_function("agreement_char", |b| {
        b.iter(|| {
            black_box(
                analysis::agreement(&scope, "Léa Martin", "Sami Benali", AgreementUnit::Char)
                    .unwrap(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
