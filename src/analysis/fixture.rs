//! A small hand-made study for the tests of the analysis and of the exports. Every figure the
//! tests expect is worked out by hand from what is written here.
//!
//! Codebook (tree order): proxenetisme { conjugal, hotelier }, lieux { hotel }.
//! Respondent attribute `secteur` (choice: sante, social, justice).
//! Situation attributes `genre` (choice: femme, homme), `lieux` (choices: hotel, rue).
//! Grid: `deja` yes/no, `nb` number, `lieux_q` choices (hotel, rue, appartement),
//! `aisance` scale 1–5, `recit` open.
//!
//! Sessions (coders Ana and Bob):
//! - A, R1, sante, done, 2021-04-12
//!   - a1 "Elle vit à l'hôtel avec son compagnon." (38 chars; words at [0,4) [5,8) [9,10)
//!     [11,18) [19,23) [24,27) [28,38))
//!     - conjugal [19,38) Ana ("avec son compagnon.", 3 words)
//!     - lieux/hotel [9,18) Ana ("à l'hôtel", 2 words)
//!   - a2 "Il paie la chambre et prend l'argent." (37 chars; words [0,2) [3,7) [8,10) [11,18)
//!     [19,21) [22,27) [28,37))
//!     - hotelier [0,18) Ana ("Il paie la chambre", 4 words)
//!     - conjugal [19,37) Ana ("et prend l'argent.", 3 words)
//!     - conjugal [22,37) Bob ("prend l'argent.", inside Ana's)
//!   - situations: s1 (femme, lieux hotel+rue) on a1 [0,10); s2 (femme, hotel) on a2 [28,37)
//!   - answers: deja yes, nb 12, lieux_q [hotel, rue], aisance 4
//! - B, R2, social, done, 2021-05-20
//!   - b1 "Des annonces, puis l'hôtel." (27 chars; words [0,3) [4,13) [14,18) [19,27))
//!     - lieux/hotel [19,27) Bob (1 word)
//!     - proxenetisme [0,27) Bob (4 words)
//!   - situation s3 (homme, no place) on b1 [0,5)
//!   - answers: deja yes, nb 3, lieux_q [hotel]
//! - C, R3, social, in progress, 2021-06-01
//!   - c1 "Rien de tel ici." no coding
//!   - situation s4 (no gender, rue) on c1 [0,4)
//!   - answers: deja no, lieux_q [] (answered, no option), aisance 2

use std::collections::BTreeMap;

use crate::study::*;

pub struct Fixture {
    pub study: Study,
    /// A, B, C in that order.
    pub sessions: Vec<Session>,
}

impl Fixture {
    /// The id of a segment by its name in the comment above (`a1`, `a2`, `b1`, `c1`).
    pub fn segment(&self, name: &str) -> (SessionId, SegmentId) {
        let (s, i) = match name {
            "a1" => (0, 0),
            "a2" => (0, 1),
            "b1" => (1, 0),
            "c1" => (2, 0),
            _ => panic!("no fixture segment {name}"),
        };
        let session = &self.sessions[s];
        (session.id, session.segments[i].id)
    }
}

fn options(keys: &[(&str, &str)]) -> Vec<Choice> {
    keys.iter()
        .map(|(k, l)| Choice {
            key: (*k).into(),
            label: (*l).into(),
            unknown: false,
        })
        .collect()
}

fn attribute(key: &str, label: &str, kind: ValueKind) -> Attribute {
    Attribute::new(key, label, kind)
}

fn question(key: &str, text: &str, kind: ValueKind) -> Question {
    Question {
        id: QuestionId::new(),
        key: key.into(),
        text: text.into(),
        prompts: Vec::new(),
        kind,
        groups: Vec::new(),
        consent: false,
    }
}

fn code(slug: &str, name: &str, parent: Option<CodeId>) -> Code {
    Code {
        id: CodeId::new(),
        slug: slug.into(),
        name: name.into(),
        colour: "#aa3355".into(),
        description: String::new(),
        use_when: String::new(),
        dont_use_when: String::new(),
        example: String::new(),
        parent,
    }
}

fn time(s: &str) -> Time {
    Time::parse_from_rfc3339(s).unwrap()
}

fn study() -> Study {
    let meta = StudyMeta {
        format: Format,
        id: StudyId::new(),
        revision: 0,
        title: "Étude test".into(),
        description: String::new(),
        respondent_attributes: vec![attribute(
            "secteur",
            "Secteur",
            ValueKind::Choice {
                options: options(&[
                    ("sante", "Santé"),
                    ("social", "Social"),
                    ("justice", "Justice"),
                ]),
            },
        )],
        situation_attributes: vec![
            attribute(
                "genre",
                "Genre",
                ValueKind::Choice {
                    options: options(&[("femme", "Femme"), ("homme", "Homme")]),
                },
            ),
            attribute(
                "lieux",
                "Lieux",
                ValueKind::Choices {
                    options: options(&[("hotel", "Hôtel"), ("rue", "Rue, route, bois")]),
                },
            ),
        ],
        quick_codes: Vec::new(),
    };
    let grid = Grid {
        format: Format,
        revision: 0,
        themes: vec![Theme {
            id: ThemeId::new(),
            key: "reperage".into(),
            title: "Repérage".into(),
            description: String::new(),
            questions: vec![
                question(
                    "deja",
                    "Avez-vous déjà identifié des personnes ?",
                    ValueKind::YesNo,
                ),
                question(
                    "nb",
                    "Combien de personnes ?",
                    ValueKind::Number {
                        unit: Some("personnes".into()),
                        min: Some(0.0),
                        max: None,
                    },
                ),
                question(
                    "lieux_q",
                    "Dans quels lieux ?",
                    ValueKind::Choices {
                        options: options(&[
                            ("hotel", "Hôtel"),
                            ("rue", "Rue"),
                            ("appartement", "Appartement"),
                        ]),
                    },
                ),
                question(
                    "aisance",
                    "À quel point êtes-vous à l'aise ?",
                    ValueKind::Scale {
                        min: 1,
                        max: 5,
                        min_label: Some("pas du tout".into()),
                        max_label: Some("tout à fait".into()),
                    },
                ),
                question("recit", "Racontez.", ValueKind::Open),
            ],
        }],
    };
    let p = code("proxenetisme", "Proxénétisme", None);
    let c = code("conjugal", "Proxénétisme conjugal", Some(p.id));
    let h = code("hotelier", "Proxénétisme hôtelier", Some(p.id));
    let l = code("lieux", "Lieux", None);
    let lh = code("hotel", "Hôtel", Some(l.id));
    Study {
        meta,
        grid,
        codebook: Codebook {
            revision: 0,
            codes: vec![p, c, h, l, lh],
            ..Default::default()
        },
    }
}

fn session(pseudonym: &str, secteur: &str, status: Status, date: &str) -> Session {
    let mut attributes = BTreeMap::new();
    attributes.insert("secteur".to_owned(), Value::Text(secteur.into()));
    let mut s = Session::new(
        "Camille".into(),
        Respondent {
            pseudonym: pseudonym.into(),
            attributes,
        },
    );
    s.status = status;
    s.started = Some(time(date));
    s
}

fn segment(s: &mut Session, text: &str, question: Option<QuestionId>) -> SegmentId {
    let id = SegmentId::new();
    s.segments.push(Segment {
        id,
        question,
        speaker: Speaker::Respondent,
        speaker_label: None,
        recording: None,
        start: None,
        end: None,
        text: text.into(),
    });
    id
}

fn coding(s: &mut Session, segment: SegmentId, span: (usize, usize), code: CodeId, coder: &str) {
    s.codings.push(Coding {
        id: CodingId::new(),
        segment,
        start: span.0,
        end: span.1,
        code,
        coder: coder.into(),
        at: time("2021-07-01T10:00:00+02:00"),
        memo: None,
        quote: None,
    });
}

fn situation(
    s: &mut Session,
    label: &str,
    attributes: &[(&str, Value)],
    excerpt: (SegmentId, usize, usize),
) {
    s.situations.push(Situation {
        id: SituationId::new(),
        label: label.into(),
        attributes: attributes
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
        excerpts: vec![Excerpt {
            segment: excerpt.0,
            start: excerpt.1,
            end: excerpt.2,
        }],
        same_person_as: None,
    });
}

fn list(keys: &[&str]) -> Value {
    Value::List(keys.iter().map(|k| (*k).to_owned()).collect())
}

pub fn fixture() -> Fixture {
    let study = study();
    let id = |path: &str| study.codebook.by_path(path).unwrap().id;
    let q = |key: &str| study.grid.question_by_key(key).unwrap().1.id;
    let text = |t: &str| Value::Text(t.into());

    let mut a = session("R1", "sante", Status::Done, "2021-04-12T10:00:00+02:00");
    let a1 = segment(
        &mut a,
        "Elle vit à l'hôtel avec son compagnon.",
        Some(q("recit")),
    );
    let a2 = segment(&mut a, "Il paie la chambre et prend l'argent.", None);
    coding(&mut a, a1, (19, 38), id("proxenetisme/conjugal"), "Ana");
    coding(&mut a, a1, (9, 18), id("lieux/hotel"), "Ana");
    coding(&mut a, a2, (0, 18), id("proxenetisme/hotelier"), "Ana");
    coding(&mut a, a2, (19, 37), id("proxenetisme/conjugal"), "Ana");
    coding(&mut a, a2, (22, 37), id("proxenetisme/conjugal"), "Bob");
    situation(
        &mut a,
        "s1",
        &[("genre", text("femme")), ("lieux", list(&["hotel", "rue"]))],
        (a1, 0, 10),
    );
    situation(
        &mut a,
        "s2",
        &[("genre", text("femme")), ("lieux", list(&["hotel"]))],
        (a2, 28, 37),
    );
    a.answers.insert(q("deja"), Value::Bool(true));
    a.answers.insert(q("nb"), Value::Number(12.0));
    a.answers.insert(q("lieux_q"), list(&["hotel", "rue"]));
    a.answers.insert(q("aisance"), Value::Number(4.0));

    let mut b = session("R2", "social", Status::Done, "2021-05-20T14:00:00+02:00");
    let b1 = segment(&mut b, "Des annonces, puis l'hôtel.", None);
    coding(&mut b, b1, (19, 27), id("lieux/hotel"), "Bob");
    coding(&mut b, b1, (0, 27), id("proxenetisme"), "Bob");
    situation(&mut b, "s3", &[("genre", text("homme"))], (b1, 0, 5));
    b.answers.insert(q("deja"), Value::Bool(true));
    b.answers.insert(q("nb"), Value::Number(3.0));
    b.answers.insert(q("lieux_q"), list(&["hotel"]));

    let mut c = session(
        "R3",
        "social",
        Status::InProgress,
        "2021-06-01T09:00:00+02:00",
    );
    let c1 = segment(&mut c, "Rien de tel ici.", None);
    situation(&mut c, "s4", &[("lieux", list(&["rue"]))], (c1, 0, 4));
    c.answers.insert(q("deja"), Value::Bool(false));
    c.answers.insert(q("lieux_q"), list(&[]));
    c.answers.insert(q("aisance"), Value::Number(2.0));

    let fixture = Fixture {
        study,
        sessions: vec![a, b, c],
    };
    for s in &fixture.sessions {
        let problems = crate::study::validate::validate_session(s, &fixture.study);
        assert!(
            problems.is_empty(),
            "fixture session is valid: {problems:?}"
        );
    }
    fixture
}
