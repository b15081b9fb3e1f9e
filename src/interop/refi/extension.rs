//! `grille.json`: what a grille study holds that QDA-XML has no place for, carried beside
//! `project.qde` in the archives grille writes. Other tools ignore it (and drop it when they
//! write the project again); grille reads it back so that a study moved through a `.qdpx`
//! arrives whole: keys and kinds of attributes and questions, code slugs, where each segment
//! starts and ends in its source, who spoke, when, consent; the question visits recorded live
//! and which segments are the recording's transcript (with its proposals and decisions).
//! Those two are written only for sessions that have them, so that a project without them
//! stays readable by earlier versions of grille (which ignore the whole file otherwise).
//!
//! What QDA-XML does say (codes, codings, memos, attribute values, answers, cases) is always
//! read from `project.qde`, so that changes made in another tool are what is imported.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::study::{
    CodeId, Consent, Grid, Mark, QuestionId, Recording, SegmentId, SessionId, SituationId, Speaker,
    Status, StudyMeta, Time, TranscriptLayer, Visit,
};

/// The file's name in the archive.
pub const FILE: &str = "grille.json";
/// Its format marker: a file of another version is ignored, not misread.
pub const FORMAT: &str = "grille-refi/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub format: String,
    pub study: StudyMeta,
    pub grid: Grid,
    /// Each code's path component (its slug), which a code name alone does not give back.
    pub slugs: BTreeMap<CodeId, String>,
    pub sessions: Vec<SessionExtra>,
}

/// A session's fields beyond its text, codings, memos and respondent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionExtra {
    pub id: SessionId,
    pub interviewer: String,
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub started: Option<Time>,
    #[serde(default)]
    pub ended: Option<Time>,
    #[serde(default)]
    pub location: String,
    pub status: Status,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub current_question: Option<QuestionId>,
    #[serde(default)]
    pub marks: BTreeMap<QuestionId, Mark>,
    /// Situations that are the same person as another (possibly of another session).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub same_person: BTreeMap<SituationId, SituationId>,
    /// The grid's questions as the interviewer went through them live.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    /// The recording's transcript layer: which segments are the transcript (the others are
    /// the live notes), its alignment, proposals and decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptLayer>,
    /// The source's length in chars: segments are trusted only on the text they were made for.
    pub chars: usize,
    pub segments: Vec<SegmentExtra>,
}

/// A segment: its text is chars `[start, end)` of the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentExtra {
    pub id: SegmentId,
    pub start: usize,
    pub end: usize,
    pub speaker: Speaker,
    #[serde(default)]
    pub speaker_label: Option<String>,
    #[serde(default)]
    pub start_time: Option<Time>,
    #[serde(default)]
    pub end_time: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<Recording>,
}

impl SessionExtra {
    /// Whether the segments fit a source of `chars` chars: in order, not overlapping, inside.
    pub fn fits(&self, chars: usize) -> bool {
        self.chars == chars
            && self
                .segments
                .iter()
                .try_fold(0, |at, s| {
                    (s.start >= at && s.start <= s.end && s.end <= chars).then_some(s.end)
                })
                .is_some()
    }
}
