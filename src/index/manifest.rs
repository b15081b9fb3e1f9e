//! What an index holds, written as the payload of each tantivy commit (so it can never disagree
//! with the documents committed with it): the schema version, a fingerprint of the study
//! definition (code paths, grid keys, attributes are indexed), and for each session the
//! revision and file stamp it was indexed at.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::VERSION;
use crate::store::json;
use crate::store::{SessionStamp, StudyStamp};
use crate::study::{SessionId, Study};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub definition: u64,
    pub sessions: BTreeMap<SessionId, Held>,
    /// The number the next new session gets.
    #[serde(default)]
    pub next_number: u64,
    /// Sessions that could not be read when last tried, with the stamp they had then: tried
    /// again once their files change.
    #[serde(default)]
    pub skipped: BTreeMap<SessionId, SessionStamp>,
    /// The study's stamp when the index last looked at every session (read before looking):
    /// while it has not changed, opening the index looks at no session file.
    #[serde(default)]
    pub study: Option<StudyStamp>,
}

/// A session as the index holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Held {
    /// The session's number in the index, given once and kept while it is indexed.
    pub number: u64,
    pub revision: u64,
    pub stamp: SessionStamp,
    /// The respondent's attributes as `key/value` paths: attribute counts are made from hits
    /// per session (see `tally`).
    #[serde(default)]
    pub attributes: Vec<String>,
}

impl Manifest {
    pub fn new(study: &Study) -> Self {
        Manifest {
            version: VERSION,
            definition: fingerprint(study),
            sessions: BTreeMap::new(),
            next_number: 0,
            skipped: BTreeMap::new(),
            study: None,
        }
    }

    pub fn parse(payload: Option<&str>) -> Option<Manifest> {
        serde_json::from_str(payload?).ok()
    }

    /// The number of a session: the one it has, or the next one.
    pub fn number(&mut self, id: SessionId) -> u64 {
        match self.sessions.get(&id) {
            Some(held) => held.number,
            None => {
                self.next_number += 1;
                self.next_number - 1
            }
        }
    }

    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).expect("a manifest always serialises")
    }
}

/// FNV-1a over the study definition as written on disk: stable across builds and platforms
/// (std's hasher is not), and any change to a code, a key or an attribute changes it.
pub fn fingerprint(study: &Study) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in [
        json::to_pretty(&study.meta),
        json::to_pretty(&study.grid),
        json::to_pretty(&study.codebook),
    ] {
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
