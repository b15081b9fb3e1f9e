//! The `"format": "grille/1"` marker every study file starts with.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// The one format version this build reads and writes.
pub const FORMAT: &str = "grille/1";

/// Marks a file as grille format 1; any other value is refused with a message naming it, so a
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
        if found == FORMAT {
            Ok(Format)
        } else {
            Err(de::Error::custom(format!(
                "unsupported format \"{found}\": this version of grille reads \"{FORMAT}\""
            )))
        }
    }
}
