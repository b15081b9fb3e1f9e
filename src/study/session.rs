//! An interview session: who, when, with what consent, and what was said, answered and coded.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::alignment::{TranscriptLayer, Visit};
use super::format::Format;
use super::ids::{CodeId, CodingId, MemoId, QuestionId, SegmentId, SessionId, SituationId};
use super::value::Value;

/// A moment, with the offset of the place it was recorded in.
pub type Time = DateTime<FixedOffset>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: Format,
    pub id: SessionId,
    /// An interview (`entretien`, the default, not written) or a respondent's answers to a
    /// questionnaire imported from an online form.
    #[serde(default, skip_serializing_if = "SessionKind::is_interview")]
    pub kind: SessionKind,
    /// Number of changes folded into this snapshot; journal records above it are replayed.
    #[serde(default)]
    pub revision: u64,
    /// Who ran the interview; empty when it is not known (an imported transcript that does
    /// not say, editable later).
    pub interviewer: String,
    /// The respondent the session is listed under.
    pub respondent: Respondent,
    /// Other respondents who speak in the session (a parent, a partner, the members of a focus
    /// group), each with their own pseudonym and attributes. A respondent segment whose
    /// `speaker_label` is one of their pseudonyms is theirs; every other respondent segment is
    /// the respondent's (see [`Session::respondent_of`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_respondents: Vec<Respondent>,
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub started: Option<Time>,
    #[serde(default)]
    pub ended: Option<Time>,
    #[serde(default)]
    pub location: String,
    pub status: Status,
    /// Where the transcript came from when it was imported (file name), not typed live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The question the interviewer was on, so a paused session resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_question: Option<QuestionId>,
    #[serde(default)]
    pub segments: Vec<Segment>,
    /// Structured answers to closed questions.
    #[serde(default)]
    pub answers: BTreeMap<QuestionId, Value>,
    /// Questions the interviewer marked as covered or skipped (notes and answers also count as
    /// covering a question; see [`Session::is_covered`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<QuestionId, Mark>,
    #[serde(default)]
    pub codings: Vec<Coding>,
    /// The coder whose codings the tables count for this session when several coded it;
    /// `None`: the first to code it (see [`Session::reference_coder`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_coder: Option<String>,
    #[serde(default)]
    pub memos: Vec<Memo>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    /// When each grid question was entered and left during the live interview.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    /// The recording's transcript, added to the live session and aligned with it by time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptLayer>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Never a real name: respondents are promised anonymity.
    pub pseudonym: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub given: bool,
    pub at: Time,
}

/// What a session records: an interview along the grid, or one respondent's answers to a
/// questionnaire (a row of an online form's export). Tables count either kind or both.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SessionKind {
    #[default]
    #[serde(rename = "entretien")]
    Interview,
    #[serde(rename = "questionnaire")]
    Questionnaire,
}

impl SessionKind {
    pub fn is_interview(&self) -> bool {
        *self == SessionKind::Interview
    }

    /// The key written in the files and typed on the command line.
    pub fn key(self) -> &'static str {
        match self {
            SessionKind::Interview => "entretien",
            SessionKind::Questionnaire => "questionnaire",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Respondent,
    Interviewer,
}

/// A block of transcript: what one speaker said, attached to the question it answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: SegmentId,
    /// The grid question this segment belongs to, if any.
    #[serde(default)]
    pub question: Option<QuestionId>,
    pub speaker: Speaker,
    /// Who spoke, by name or pseudonym, when it says more than the role: the name an imported
    /// transcript gives (`Mme B.`, `S01`), a co-respondent's pseudonym, a second interviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_label: Option<String>,
    #[serde(default, deserialize_with = "super::time::option")]
    pub start: Option<Time>,
    #[serde(default, deserialize_with = "super::time::option")]
    pub end: Option<Time>,
    /// Where the segment is in the interview's recording (an imported transcript's times),
    /// whether or not the recording's date is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<Recording>,
    /// NFC, `\n` line endings; coding offsets count its chars.
    pub text: String,
}

/// A place in a recording: seconds from its start (milliseconds kept).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    #[serde(with = "seconds")]
    pub start: Duration,
    #[serde(
        default,
        with = "optional_seconds",
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<Duration>,
}

/// Durations as a number of seconds in JSON (`75.25`), as transcription tools write them.
mod seconds {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer, de};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        // Whole milliseconds, written without float noise (75.25, not 75.250000001).
        let ms = d.as_millis() as f64;
        s.serialize_f64(ms / 1000.0)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let secs = f64::deserialize(d)?;
        from_secs(secs)
            .ok_or_else(|| de::Error::custom(format!("{secs} is not a time in a recording")))
    }

    pub fn from_secs(secs: f64) -> Option<Duration> {
        (secs.is_finite() && (0.0..1e9).contains(&secs))
            .then(|| Duration::from_millis((secs * 1000.0).round() as u64))
    }
}

mod optional_seconds {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::seconds::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::seconds")] Duration);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

impl Recording {
    /// `+1:02:03` (or `+02:03` under an hour): an offset, never mistaken for a clock time.
    pub fn show(offset: Duration) -> String {
        let secs = offset.as_secs();
        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        if h > 0 {
            format!("+{h}:{m:02}:{s:02}")
        } else {
            format!("+{m:02}:{s:02}")
        }
    }
}

/// A code applied to the span `[start, end)` of a segment's text, counted in chars.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    pub id: CodingId,
    pub segment: SegmentId,
    pub start: usize,
    pub end: usize,
    pub code: CodeId,
    pub coder: String,
    #[serde(deserialize_with = "super::time::deserialize")]
    pub at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
    /// Marked "à citer": the excerpt is to be quoted in the report, under its theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

/// The mark of an excerpt to quote in the report, with the analyst's short comment (why, or
/// where it goes). The report shows the excerpt with the respondent's pseudonym and sector.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A span of a segment, without a code: what a situation links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    pub segment: SegmentId,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub id: MemoId,
    pub author: String,
    pub at: Time,
    /// The segment the memo is about; `None` for a memo on the whole session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentId>,
    pub text: String,
}

/// A person or a situation a respondent described (a case); counted in the study's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: SituationId,
    pub label: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, Value>,
    /// The excerpts that describe it.
    #[serde(default)]
    pub excerpts: Vec<Excerpt>,
    /// Another report of the same person (a situation of this or another session): tables
    /// count the person once. Situation ids are unique across the study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_person_as: Option<SituationId>,
}

/// How the interviewer marked a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Mark {
    Covered,
    Skipped { reason: String },
}

impl Session {
    /// A new, empty session in progress.
    pub fn new(interviewer: String, respondent: Respondent) -> Self {
        Session {
            format: Format,
            id: SessionId::new(),
            kind: SessionKind::Interview,
            revision: 0,
            interviewer,
            respondent,
            co_respondents: Vec::new(),
            consent: None,
            started: None,
            ended: None,
            location: String::new(),
            status: Status::InProgress,
            source: None,
            current_question: None,
            segments: Vec::new(),
            answers: BTreeMap::new(),
            marks: BTreeMap::new(),
            codings: Vec::new(),
            reference_coder: None,
            memos: Vec::new(),
            situations: Vec::new(),
            visits: Vec::new(),
            transcript: None,
        }
    }

    /// The respondent who said a segment: the co-respondent its label names, else the
    /// session's respondent; `None` for the interviewer's segments.
    pub fn respondent_of(&self, segment: &Segment) -> Option<&Respondent> {
        if segment.speaker == Speaker::Interviewer {
            return None;
        }
        let named = segment
            .speaker_label
            .as_deref()
            .and_then(|label| self.co_respondents.iter().find(|r| r.pseudonym == label));
        Some(named.unwrap_or(&self.respondent))
    }

    /// Every respondent of the session: the respondent, then the co-respondents.
    pub fn respondents(&self) -> impl Iterator<Item = &Respondent> {
        std::iter::once(&self.respondent).chain(&self.co_respondents)
    }

    /// The name a segment's speaker goes by: its label, else the respondent's pseudonym or
    /// the interviewer's name (empty when unknown).
    pub fn speaker_name<'a>(&'a self, segment: &'a Segment) -> &'a str {
        match (&segment.speaker_label, segment.speaker) {
            (Some(label), _) => label,
            (None, Speaker::Respondent) => &self.respondent.pseudonym,
            (None, Speaker::Interviewer) => &self.interviewer,
        }
    }

    pub fn segment(&self, id: SegmentId) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    pub fn segment_index(&self, id: SegmentId) -> Option<usize> {
        self.segments.iter().position(|s| s.id == id)
    }

    pub fn coding(&self, id: CodingId) -> Option<&Coding> {
        self.codings.iter().find(|c| c.id == id)
    }

    pub fn situation(&self, id: SituationId) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    /// Whether consent was recorded as given: notes cannot be taken before.
    pub fn has_consent(&self) -> bool {
        self.consent.as_ref().is_some_and(|c| c.given)
    }

    /// A question is covered when it has notes or an answer, or was marked covered.
    pub fn is_covered(&self, question: QuestionId) -> bool {
        matches!(self.marks.get(&question), Some(Mark::Covered))
            || self.answers.contains_key(&question)
            || self
                .segments
                .iter()
                .any(|s| s.question == Some(question) && !s.text.trim().is_empty())
    }

    pub fn is_skipped(&self, question: QuestionId) -> bool {
        matches!(self.marks.get(&question), Some(Mark::Skipped { .. }))
    }

    /// The date the session is known by: its start, else its first segment's time.
    pub fn date(&self) -> Option<Time> {
        self.started
            .or_else(|| self.segments.iter().find_map(|s| s.start))
    }

    /// The coder whose codings count: the one chosen, else the author of the earliest counted
    /// coding (by time, then by order in the file); `None` when nothing is coded.
    pub fn reference_coder(&self) -> Option<&str> {
        if let Some(chosen) = &self.reference_coder {
            return Some(chosen);
        }
        self.counted_codings()
            .enumerate()
            .min_by_key(|(i, c)| (c.at, *i))
            .map(|(_, c)| c.coder.as_str())
    }

    /// The distinct coders of the session's counted codings, in order of their first coding.
    pub fn coders(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut codings: Vec<&Coding> = self.counted_codings().collect();
        codings.sort_by_key(|c| c.at);
        for c in codings {
            if !out.contains(&c.coder.as_str()) {
                out.push(&c.coder);
            }
        }
        out
    }

    /// Total words of the counted segments (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.counted_segments()
            .map(|s| super::text::word_count(&s.text))
            .sum()
    }
}
