//! Reading the times of segments and codings, the most frequent values of a session file:
//! chrono's strict RFC 3339 parser first (what grille writes), its general one, as before,
//! for anything else, so that what is accepted and every error message stay the same.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::Time;

struct Rfc3339;

impl Visitor<'_> for Rfc3339 {
    type Value = Time;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        // chrono's words, as the error said before.
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Time, E> {
        Time::parse_from_rfc3339(v)
            .or_else(|_| v.parse())
            .map_err(E::custom)
    }
}

/// A time, for `#[serde(deserialize_with)]`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    d.deserialize_str(Rfc3339)
}

struct Read(Time);

impl<'de> Deserialize<'de> for Read {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(Read)
    }
}

/// A time or `null`, for `#[serde(deserialize_with)]`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
    Ok(Option::<Read>::deserialize(d)?.map(|r| r.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_chrono_reads_them() {
        #[derive(Deserialize)]
        struct Fast {
            #[serde(deserialize_with = "deserialize")]
            at: Time,
            #[serde(default, deserialize_with = "option")]
            end: Option<Time>,
        }
        #[derive(Deserialize)]
        struct Chrono {
            at: Time,
            #[serde(default)]
            end: Option<Time>,
        }
        for t in [
            "2021-06-09T15:56:00+02:00",
            "2021-06-09T15:56:00.123456789-05:30",
            "2021-06-09T15:56:00Z",
            "2021-06-09t15:56:00z",
            "2021-06-09 15:56:00+02:00",
            "2016-12-31T23:59:60Z",
            "2021-06-09T15:56:00-00:00",
            "2021-06-09T15:56:00.1234567891234+02:00",
            "+12021-06-09T15:56:00+02:00",
            "2021-06-09T15:56:00 +02:00",
            "2021-02-30T15:56:00+02:00",
            "2021-06-09T15:56+02:00",
            "demain",
        ] {
            for json in [
                format!(r#"{{"at": "{t}", "end": "{t}"}}"#),
                format!(r#"{{"at": "{t}", "end": null}}"#),
                format!(r#"{{"at": "{t}"}}"#),
                format!(r#"{{"at": 12, "end": "{t}"}}"#),
            ] {
                let fast = serde_json::from_str::<Fast>(&json).map(|f| (f.at, f.end));
                let chrono = serde_json::from_str::<Chrono>(&json).map(|c| (c.at, c.end));
                match (fast, chrono) {
                    (Ok(f), Ok(c)) => assert_eq!(f, c, "{json}"),
                    (Err(f), Err(c)) => assert_eq!(f.to_string(), c.to_string(), "{json}"),
                    (f, c) => panic!("{json}: {:?} / {:?}", f.is_ok(), c.is_ok()),
                }
            }
        }
    }
}
