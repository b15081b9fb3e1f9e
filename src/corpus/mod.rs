//! A synthetic study of French-like interview sessions, so that size can be tested without
//! private data: the benchmarks index it, the TUI can be tried on it. Deterministic for a seed.
//!
//! Sessions follow the built-in template: segments attached to its grid questions in order,
//! interviewer questions and respondent answers, several codings per answer (sometimes
//! overlapping), answers to closed questions, respondent attributes and situations.

mod replay;
mod words;

pub use replay::{Replayed, replay};

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, FixedOffset, TimeZone};
use uuid::Uuid;

use crate::store::template::DIAGNOSTIC;
use crate::store::{Result, StudyDir};
use crate::study::{
    CodeId, Coding, CodingId, Consent, Excerpt, Question, Respondent, Segment, SegmentId, Session,
    SessionId, Situation, SituationId, Speaker, Status, Study, Time, Value, ValueKind,
};

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    pub sessions: usize,
    pub segments: usize,
    pub codings: usize,
    pub words: usize,
}

/// Creates a study at `root` (which must not exist or be empty) from the built-in template and
/// writes `sessions` sessions of about `words_per_session` words each. The same seed gives the
/// same files.
pub fn generate(
    root: &Path,
    sessions: usize,
    words_per_session: usize,
    seed: u64,
) -> Result<Generated> {
    let dir = StudyDir::create(root, &DIAGNOSTIC, false)?;
    let study = dir.load_study()?;
    let mut writer = Writer {
        rng: fastrand::Rng::with_seed(seed),
        study: &study,
        codes: study.codebook.codes.iter().map(|c| c.id).collect(),
    };
    let mut total = Generated {
        sessions: 0,
        segments: 0,
        codings: 0,
        words: 0,
    };
    for n in 0..sessions {
        let session = writer.session(n, words_per_session);
        total.sessions += 1;
        total.segments += session.segments.len();
        total.codings += session.codings.len();
        total.words += session.word_count();
        // Goes through the store's checks: generated data is a valid study, nothing less.
        drop(dir.create_session(session, &study)?);
    }
    Ok(total)
}

struct Writer<'a> {
    rng: fastrand::Rng,
    study: &'a Study,
    codes: Vec<CodeId>,
}

impl Writer<'_> {
    fn uuid(&mut self) -> Uuid {
        uuid::Builder::from_random_bytes(self.rng.u128(..).to_le_bytes()).into_uuid()
    }

    fn pick<'w>(&mut self, list: &[&'w str]) -> &'w str {
        list[self.rng.usize(..list.len())]
    }

    fn session(&mut self, n: usize, words: usize) -> Session {
        let interviewer = self.pick(&words::PEOPLE[..3]).to_owned();
        let respondent = Respondent {
            pseudonym: format!("R{:04}", n + 1),
            attributes: self.attributes(true),
        };
        let mut s = Session::new(interviewer.clone(), respondent);
        s.id = SessionId(self.uuid());
        // Interviews from March 2021 to January 2022, as in the diagnostic.
        let zone = FixedOffset::east_opt(2 * 3600).expect("valid offset");
        let day = self.rng.i64(0..300);
        let start: Time = zone
            .with_ymd_and_hms(2021, 3, 1, 9, 0, 0)
            .single()
            .expect("valid date")
            + Duration::days(day)
            + Duration::minutes(self.rng.i64(0..480));
        s.consent = Some(Consent {
            given: true,
            at: start,
        });
        s.started = Some(start);
        s.status = Status::Done;
        s.location = self.pick(words::STRUCTURES).to_owned();
        self.transcript(&mut s, words, start);
        s.ended = s.segments.last().and_then(|seg| seg.end);
        self.answers(&mut s);
        self.codings(&mut s, &interviewer);
        self.situations(&mut s);
        s
    }

    fn transcript(&mut self, s: &mut Session, words: usize, start: Time) {
        let questions: Vec<&Question> = self.study.grid.questions().map(|(_, q)| q).collect();
        let mut written = 0;
        let mut clock = start;
        let mut turn = 0usize;
        while written < words {
            // Walk the grid in order, spreading the words over every question.
            let q = questions[(written * questions.len() / words).min(questions.len() - 1)];
            let speaker = if turn.is_multiple_of(2) {
                Speaker::Interviewer
            } else {
                Speaker::Respondent
            };
            let len = match speaker {
                Speaker::Interviewer => self.rng.usize(8..30),
                Speaker::Respondent => self.rng.usize(60..150),
            };
            let text = self.text(len);
            written += text.split_whitespace().count();
            let end = clock + Duration::seconds(len as i64 / 2 + 5);
            s.segments.push(Segment {
                id: SegmentId(self.uuid()),
                question: Some(q.id),
                speaker,
                speaker_label: None,
                recording: None,
                start: Some(clock),
                end: Some(end),
                text,
            });
            clock = end + Duration::seconds(3);
            turn += 1;
        }
    }

    /// Sentences of `len` words or so: half short function words, half content words drawn
    /// with a Zipf-like law (frequent words first in the list), as in real speech.
    fn text(&mut self, len: usize) -> String {
        let mut out = String::new();
        let mut in_sentence = 0;
        let mut sentence_len = self.rng.usize(6..22);
        for _ in 0..len {
            let word = match self.rng.u8(..10) {
                0..=4 => self.pick(words::FUNCTION),
                5 => self.pick(words::VERBS),
                _ => {
                    // Zipf-like: the square of a uniform draw favours the head of the list.
                    let u = self.rng.f64();
                    words::CONTENT[((u * u) * words::CONTENT.len() as f64) as usize]
                }
            };
            if in_sentence == 0 {
                if !out.is_empty() {
                    out.push(' ');
                }
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(if self.rng.u8(..12) == 0 { ", " } else { " " });
                out.push_str(word);
            }
            in_sentence += 1;
            if in_sentence >= sentence_len {
                out.push_str(if self.rng.u8(..8) == 0 { " ?" } else { "." });
                in_sentence = 0;
                sentence_len = self.rng.usize(6..22);
            }
        }
        if in_sentence > 0 {
            out.push('.');
        }
        out
    }

    fn value(&mut self, kind: &ValueKind) -> Option<Value> {
        Some(match kind {
            ValueKind::Open => return None,
            ValueKind::YesNo => Value::Bool(self.rng.bool()),
            ValueKind::Number { min, max, .. } => {
                let lo = min.unwrap_or(0.0) as i64;
                let hi = max.map(|m| m as i64).unwrap_or(lo + 40).max(lo);
                Value::Number(self.rng.i64(lo..=hi) as f64)
            }
            ValueKind::Scale { min, max, .. } => Value::Number(self.rng.i64(*min..=*max) as f64),
            ValueKind::Choice { options } => {
                Value::Text(options[self.rng.usize(..options.len())].key.clone())
            }
            ValueKind::Choices { options } => {
                let mut keys: Vec<String> = options
                    .iter()
                    .filter(|_| self.rng.u8(..3) == 0)
                    .map(|o| o.key.clone())
                    .collect();
                if keys.is_empty() {
                    keys.push(options[self.rng.usize(..options.len())].key.clone());
                }
                Value::List(keys)
            }
        })
    }

    /// Respondent attributes (`respondent`) or situation attributes.
    fn attributes(&mut self, respondent: bool) -> BTreeMap<String, Value> {
        let declared = if respondent {
            &self.study.meta.respondent_attributes
        } else {
            &self.study.meta.situation_attributes
        };
        let mut out = BTreeMap::new();
        for attr in declared {
            let value = match (&attr.kind, attr.key.as_str()) {
                (ValueKind::Open, "fonction") => {
                    Some(Value::Text(self.pick(words::FONCTIONS).into()))
                }
                (ValueKind::Open, "structure") => {
                    Some(Value::Text(self.pick(words::STRUCTURES).into()))
                }
                (kind, _) => self.value(kind),
            };
            // A detail is only given when its condition holds ("kinds" only when "oui").
            if let Some(v) = value
                && attr.when.as_ref().is_none_or(|w| w.holds(&out))
            {
                out.insert(attr.key.clone(), v);
            }
        }
        out
    }

    fn answers(&mut self, s: &mut Session) {
        for (_, q) in self.study.grid.questions() {
            let value = if q.key == "consentement" {
                Some(Value::Bool(true))
            } else {
                self.value(&q.kind)
            };
            if let Some(v) = value {
                s.answers.insert(q.id, v);
            }
        }
    }

    /// One to three codings on most respondent segments, spans on word boundaries; a second
    /// coder now and then codes the same segment (overlapping spans).
    fn codings(&mut self, s: &mut Session, interviewer: &str) {
        let mut codings = Vec::new();
        for seg in s
            .segments
            .iter()
            .filter(|g| g.speaker == Speaker::Respondent)
        {
            if self.rng.u8(..10) >= 7 {
                continue;
            }
            let starts: Vec<usize> = word_starts(&seg.text);
            for _ in 0..self.rng.usize(1..=3) {
                let from = self.rng.usize(..starts.len());
                let to = (from + self.rng.usize(5..40)).min(starts.len());
                let start = starts[from];
                let end = if to == starts.len() {
                    seg.text.chars().count()
                } else {
                    starts[to] - 1 // before the space
                };
                let coder = if self.rng.u8(..5) == 0 {
                    self.pick(&words::PEOPLE[3..]).to_owned()
                } else {
                    interviewer.to_owned()
                };
                codings.push(Coding {
                    id: CodingId(self.uuid()),
                    segment: seg.id,
                    start,
                    end,
                    code: self.codes[self.rng.usize(..self.codes.len())],
                    coder,
                    at: seg.end.unwrap_or_else(|| s.started.expect("started")),
                    memo: None,
                    quote: None,
                });
            }
        }
        s.codings = codings;
    }

    fn situations(&mut self, s: &mut Session) {
        for _ in 0..self.rng.usize(0..4) {
            let excerpts: Vec<Excerpt> = s
                .codings
                .iter()
                .filter(|_| self.rng.u8(..20) == 0)
                .take(3)
                .map(|c| Excerpt {
                    segment: c.segment,
                    start: c.start,
                    end: c.end,
                })
                .collect();
            let situation = Situation {
                id: SituationId(self.uuid()),
                label: self.pick(words::SITUATION_LABELS).to_owned(),
                attributes: self.attributes(false),
                excerpts,
                same_person_as: None,
            };
            s.situations.push(situation);
        }
    }
}

/// Char offsets where the words of `text` start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.chars().enumerate() {
        if prev_space && !c.is_whitespace() {
            out.push(i);
        }
        prev_space = c.is_whitespace();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_study_and_every_session_is_valid() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        let got = generate(&a, 3, 800, 7).unwrap();
        generate(&b, 3, 800, 7).unwrap();
        assert_eq!(got.sessions, 3);
        assert!(
            got.words >= 3 * 800 && got.words < 3 * 800 + 3 * 150,
            "{got:?}"
        );
        assert!(got.codings > 0);
        let read = |root: &Path| -> Vec<String> {
            let dir = StudyDir::open(root).unwrap();
            let study = dir.load_study().unwrap();
            let ids = dir.session_ids().unwrap();
            ids.iter()
                .map(|id| {
                    // load_session checks the session against the study: it must be valid.
                    let s = dir.load_session(*id, &study).unwrap().doc;
                    crate::store::json::to_pretty(&s)
                })
                .collect()
        };
        let (sa, sb) = (read(&a), read(&b));
        assert_eq!(sa.len(), 3);
        assert_eq!(sa, sb);
        assert!(sa.concat().contains("·"), "inclusive writing appears");
        // Another seed gives other text.
        let c = tmp.path().join("c");
        generate(&c, 3, 800, 8).unwrap();
        assert_ne!(read(&c), sa);
    }

    #[test]
    fn word_starts_count_chars() {
        assert_eq!(word_starts("À l'hôtel,  oui"), [0, 2, 12]);
    }
}
