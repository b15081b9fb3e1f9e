//! Typed identifiers. Every entity of a study carries a UUID so that it maps one-to-one to a
//! REFI-QDA GUID; the newtypes stop a segment id from being passed where a code id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random identifier.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies a study.
    StudyId
);
id_type!(
    /// Identifies a theme of the grid.
    ThemeId
);
id_type!(
    /// Identifies a question of the grid.
    QuestionId
);
id_type!(
    /// Identifies a code of the codebook; stable across renames and moves.
    CodeId
);
id_type!(
    /// Identifies an interview session.
    SessionId
);
id_type!(
    /// Identifies a segment of a transcript.
    SegmentId
);
id_type!(
    /// Identifies a coding (a code applied to an excerpt).
    CodingId
);
id_type!(
    /// Identifies a memo.
    MemoId
);
id_type!(
    /// Identifies a situation (a case described by a respondent).
    SituationId
);
