//! Counting what the study holds: code frequencies, situations, answers, co-occurrence,
//! inter-coder agreement, coded excerpts. Pure functions over the model: no I/O, no terminal.
//!
//! Every count starts from a [`Scope`]: the sessions a [`Filter`] keeps (status, dates) and the
//! codings it counts (coders, and the segments a search query matched). [`table`] holds the
//! one table shape every export format and the statistics screen read, and [`tables`] turns
//! each result into tables and charts, in the user's language.

pub mod agreement;
pub mod answers;
pub mod categories;
pub mod chart;
pub mod cooccurrence;
pub mod coverage;
pub mod excerpts;
pub mod filter;
pub mod frequencies;
pub mod groups;
pub mod interval;
pub mod light;
pub mod saturation;
pub mod situations;
pub mod spans;
pub mod split;
pub mod table;
pub mod tables;
pub mod units;

pub use agreement::{Agreement, AgreementError, AgreementUnit, agreement, coder_pairs};
pub use answers::{Answers, QuestionAnswers, answers, answers_by};
pub use categories::Base;
pub use cooccurrence::{CodeMatrix, SessionMatrix, Unit, code_matrix, session_matrix};
pub use excerpts::{ExcerptRow, excerpts};
pub use filter::{Coders, Filter, Scope};
pub use frequencies::{CodeCounts, Frequencies, FrequencyError, SortKey, frequencies};
pub use situations::{Situations, situations, situations_by};

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
