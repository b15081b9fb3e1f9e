//! The `"format": "grille/5"` marker every study file starts with.
//!
//! Version 2 added what imported transcripts need: co-respondents, segment positions in the
//! recording, an interviewer that may be unknown. Version 3 added the session kind (a
//! questionnaire's respondent beside the interviews). Version 4 added the alignment of a
//! recording's transcript with the live session (question visits, the transcript layer).
//! Version 5 added the quote mark on a coding ("à citer"). An older file is a valid current file
//! with none of these, so it is read as it is and written back in the current version when it
//! next changes (see `docs/format.md`, "Versions"); an older grille refuses a newer file by
//! its marker instead of misreading it.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// The format version this build writes.
pub const FORMAT: &str = "grille/5";

/// The older versions this build reads, each a subset of the current one.
pub const OLDER: &[&str] = &["grille/1", "grille/2", "grille/3", "grille/4"];

/// Marks a file as grille format; an unknown value is refused with a message naming it, so a
/// file from a newer grille is never misread and then overwritten.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Format;

impl Serialize for Format {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT)
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let found = String::deserialize(d)?;
        if found == FORMAT || OLDER.contains(&found.as_str()) {
            Ok(Format)
        } else {
            Err(de::Error::custom(format!(
                "unsupported format \"{found}\": this version of grille reads \"{FORMAT}\" and \
                 older ({})",
                OLDER.join(", ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_versions_are_read_and_the_current_one_written() {
        for old in [
            "\"grille/1\"",
            "\"grille/2\"",
            "\"grille/3\"",
            "\"grille/4\"",
        ] {
            let old: Format = serde_json::from_str(old).unwrap();
            assert_eq!(serde_json::to_string(&old).unwrap(), "\"grille/5\"");
        }
        let err = serde_json::from_str::<Format>("\"grille/9\"").unwrap_err();
        assert!(err.to_string().contains("grille/9"), "{err}");
    }
}
