//! A replay of the Puy-de-Dôme diagnostic's questionnaire in the built-in template: 79
//! respondents, 52 of whom identified someone, and the 115 persons they described (117
//! reports: two persons were each described by two respondents and are marked "same person").
//! Made so that grille's tables give the published figures after rounding (see the README
//! and `tests/replay.rs`); no transcript, only answers, attributes and situations. Fixed, not
//! random: every figure below is counted by hand.
//!
//! Published: 66 % have identified someone (52/79), from 36 % in justice (4/11) to 82 % in
//! the social sector (18/22); 54 % know the approved association (43/79); 87 % feel
//! insufficiently equipped (69/79) and 87 % never trained (69/79). Of the 115 persons: 69 %
//! women (79), 30 % aged 18–25 (35), 9 % minors (10), 52 % foreign (60), 45 % French (52);
//! apartments and hotels at least 56 % (64, 69.6 % of the 92 whose places are known), bars
//! and clubs 14 % (16), accommodation 3 % (3), street 8 % (9); pimping 17 % (20, 14 of them
//! by a partner); a non-financial counterpart 18 % (21).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, FixedOffset, TimeZone};

use crate::store::template::DIAGNOSTIC;
use crate::store::{Result, StudyDir};
use crate::study::{Respondent, Session, Situation, SituationId, Status, Study, Value};

/// Sectors: (key, respondents, of whom identified someone).
const SECTORS: [(&str, usize, usize); 7] = [
    ("justice", 11, 4),
    ("social", 22, 18),
    ("sante", 14, 10),
    ("police-gendarmerie", 8, 6),
    ("education", 10, 5),
    ("elu", 6, 3),
    ("associatif", 8, 6),
];

/// Respondents, persons and reports written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replayed {
    pub respondents: usize,
    pub persons: usize,
    pub reports: usize,
}

/// The key of the block `i` falls in: blocks of `n` persons each, in order.
fn block(i: usize, blocks: &[(usize, &'static str)]) -> &'static str {
    let mut start = 0;
    for (n, key) in blocks {
        if i < start + n {
            return key;
        }
        start += n;
    }
    "inconnu"
}

/// The attributes of the `i`th of the 115 persons: the counts above, in blocks (shifted from
/// one attribute to the next, so that they cross).
fn person(i: usize) -> BTreeMap<String, Value> {
    let text = |s: &str| Value::Text(s.into());
    let list = |keys: &[&str]| Value::List(keys.iter().map(|k| (*k).to_owned()).collect());
    let mut a = BTreeMap::new();
    let genre = block(
        i,
        &[(79, "femme"), (20, "homme"), (6, "trans"), (10, "inconnu")],
    );
    a.insert("genre".into(), text(genre));
    let age = block(
        (i + 37) % 115,
        &[
            (10, "mineur"),
            (35, "18-25"),
            (30, "26-40"),
            (10, "41-plus"),
            (30, "inconnu"),
        ],
    );
    a.insert("age".into(), text(age));
    let nationalite = block(
        (i + 71) % 115,
        &[(60, "etrangere"), (52, "francaise"), (3, "inconnue")],
    );
    a.insert("nationalite".into(), text(nationalite));
    // Places: 30 apartment, 20 hotel, 14 both (64 in the group), then 16 bars, 3 facilities,
    // 9 street (28 more known), 23 unknown.
    let lieux: &[&str] = match i {
        0..30 => &["appartement", "internet"],
        30..50 => &["hotel"],
        50..64 => &["appartement", "hotel", "internet"],
        64..80 => &["bar-club"],
        80..83 => &["hebergement"],
        83..92 => &["rue"],
        _ => &["inconnu"],
    };
    a.insert("lieux".into(), list(lieux));
    // Pimping: 20 yes (14 by a partner, 3 hotel, 3 network), 60 no, 35 unknown.
    let m = (i + 11) % 115;
    match m {
        0..20 => {
            a.insert("proxenetisme".into(), text("oui"));
            let kind = match m {
                0..14 => "conjugal",
                14..17 => "hotelier",
                _ => "reseau",
            };
            a.insert("proxenetisme_formes".into(), list(&[kind]));
        }
        20..80 => {
            a.insert("proxenetisme".into(), text("non"));
        }
        _ => {
            a.insert("proxenetisme".into(), text("inconnu"));
        }
    }
    // Non-financial counterpart: 21 yes (12 housing, 6 goods, 3 services), 50 no, 44 unknown.
    let c = (i + 53) % 115;
    match c {
        0..21 => {
            a.insert("contrepartie".into(), text("oui"));
            let kind = match c {
                0..12 => "logement",
                12..18 => "biens",
                _ => "services",
            };
            a.insert("contrepartie_formes".into(), list(&[kind]));
        }
        21..71 => {
            a.insert("contrepartie".into(), text("non"));
        }
        _ => {
            a.insert("contrepartie".into(), text("inconnu"));
        }
    }
    let precarite = block((i + 5) % 115, &[(70, "oui"), (15, "non"), (30, "inconnu")]);
    a.insert("precarite".into(), text(precarite));
    a
}

/// Writes the replay at `root` (which must not exist or be empty).
pub fn replay(root: &Path) -> Result<Replayed> {
    let dir = StudyDir::create(root, &DIAGNOSTIC, false)?;
    let study = dir.load_study()?;
    let q = |key: &str| study.grid.question_by_key(key).map(|(_, q)| q.id);
    let (deja, nb, connait, outille, forme) = (
        q("deja_identifie"),
        q("nb_personnes"),
        q("connait_association"),
        q("outille"),
        q("forme"),
    );
    let offset = FixedOffset::east_opt(2 * 3600).expect("a valid offset");
    let first = offset
        .with_ymd_and_hms(2021, 4, 1, 9, 0, 0)
        .single()
        .expect("a valid date");
    let mut sessions: Vec<Session> = Vec::new();
    let mut identified: Vec<usize> = Vec::new();
    let mut n = 0;
    for (secteur, count, yes) in SECTORS {
        for k in 0..count {
            let mut attributes = BTreeMap::new();
            attributes.insert("secteur".to_owned(), Value::Text(secteur.into()));
            let mut s = Session::new(
                "Questionnaire en ligne".into(),
                Respondent {
                    pseudonym: format!("Q{:03}", n + 1),
                    attributes,
                },
            );
            s.id = crate::study::SessionId(uuid::Uuid::from_u128(0x5e55_0000 + n as u128));
            s.status = Status::Done;
            s.started = Some(first + Duration::days(2 * n as i64));
            let answer = |s: &mut Session, q: Option<crate::study::QuestionId>, v: Value| {
                if let Some(q) = q {
                    s.answers.insert(q, v);
                }
            };
            answer(&mut s, deja, Value::Bool(k < yes));
            if k < yes {
                identified.push(sessions.len());
            }
            // 43 know the association: the first 43 respondents in this order.
            answer(&mut s, connait, Value::Bool(n < 43));
            // 10 feel equipped, 10 were trained (not the same ones).
            answer(&mut s, outille, Value::Bool(n % 8 == 3 && n < 80));
            answer(&mut s, forme, Value::Bool(n % 8 == 5 && n < 80));
            sessions.push(s);
            n += 1;
        }
    }
    // 117 reports over the 52 who identified someone: 2 each, a third for the first 13. The
    // first 115 are the persons; reports 116 and 117 describe persons 3 and 40 again.
    let mut reports: Vec<usize> = Vec::new();
    for round in 0..3 {
        for (r, &s) in identified.iter().enumerate() {
            if round < 2 || r < 13 {
                reports.push(s);
            }
        }
    }
    let mut ids: Vec<SituationId> = Vec::new();
    for (p, &s) in reports.iter().enumerate() {
        let id = SituationId(uuid::Uuid::from_u128(0x517_0000 + p as u128));
        let situation = if p < 115 {
            Situation {
                id,
                label: format!("Personne {}", p + 1),
                attributes: person(p),
                excerpts: Vec::new(),
                same_person_as: None,
            }
        } else {
            // A second description, later and vaguer: the same gender, nothing else known.
            let first = if p == 115 { 3 } else { 40 };
            let mut attributes = BTreeMap::new();
            attributes.insert("genre".into(), person(first)["genre"].clone());
            attributes.insert("age".into(), Value::Text("inconnu".into()));
            Situation {
                id,
                label: format!("Personne {} (décrite une seconde fois)", first + 1),
                attributes,
                excerpts: Vec::new(),
                same_person_as: Some(ids[first]),
            }
        };
        ids.push(id);
        sessions[s].situations.push(situation);
    }
    for s in &mut sessions {
        if let Some(nb) = nb
            && !s.situations.is_empty()
        {
            s.answers
                .insert(nb, Value::Number(s.situations.len() as f64));
        }
    }
    write(&dir, &study, sessions)
}

fn write(dir: &StudyDir, study: &Study, sessions: Vec<Session>) -> Result<Replayed> {
    let respondents = sessions.len();
    let reports: usize = sessions.iter().map(|s| s.situations.len()).sum();
    for s in sessions {
        drop(dir.create_session(s, study)?);
    }
    Ok(Replayed {
        respondents,
        persons: 115,
        reports,
    })
}
