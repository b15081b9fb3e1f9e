//! The model of a study: its description, grid, codebook and sessions. No I/O here: the store
//! reads and writes files, front ends draw; this module only says what a study is and what
//! changes are valid.

pub mod alignment;
mod alignment_change;
pub mod clock;
pub mod codebook;
pub mod consistency;
pub mod cut_short;
pub mod definition_change;
pub mod document;
pub mod format;
pub mod grid;
pub mod identity;
pub mod ids;
pub mod meta;
pub mod problem;
pub mod pseudonym;
pub mod quick_codes;
pub mod repair;
pub mod retired;
pub mod session;
pub mod session_change;
pub mod summary;
pub mod text;
mod time;
pub mod validate;
pub mod value;

pub use alignment::{Aligned, Covered, Decision, Layers, Proposal, TranscriptLayer, Visit};
pub use clock::stamp;
pub use codebook::{Code, Codebook};
pub use definition_change::{CodebookChange, Replace};
pub use document::{ChangeError, Document, Notice, Outcome};
pub use format::{FORMAT, Format};
pub use grid::{Grid, Question, Theme};
pub use ids::*;
pub use meta::{Attribute, AttributeError, Condition, StudyMeta};
pub use problem::{Duplicated, ProblemKind, ValueProblem};
pub use retired::{Resolution, Retired, Signed, Step, UndoStep};
pub use session::{
    Coding, Consent, Excerpt, Mark, Memo, Quote, Recording, Respondent, Segment, Session,
    SessionKind, Situation, Speaker, Status, Time,
};
pub use session_change::{Linked, Moved, SessionChange, TranscriptChange};
pub use summary::SessionSummary;
pub use validate::Problem;
pub use value::{Choice, OptionGroup, Value, ValueKind};

/// The definition of a study: what every session is checked against.
#[derive(Clone, Debug, PartialEq)]
pub struct Study {
    pub meta: StudyMeta,
    pub grid: Grid,
    pub codebook: Codebook,
}
