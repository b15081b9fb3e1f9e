//! What an index holds, recorded with each tantivy commit (so it can never disagree with the
//! documents committed with it): the schema version, a fingerprint of the study definition
//! (code paths, grid keys, attributes are indexed), and for each session the revision and file
//! stamp it was indexed at.
//!
//! The commit's payload is a small header, read at every opening; the table of sessions (about
//! 250 bytes a session) is in a file of its own beside it, written before the commit and named
//! by the header. In the payload, it was escaped into tantivy's `meta.json` and parsed twice at
//! every opening: a third of a search's time at 10,000 sessions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::schema::VERSION;
use crate::store::{SessionStamp, StudyStamp};
use crate::store::{fs, json};
use crate::study::{SessionId, Study};

#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub version: u32,
    pub definition: u64,
    /// The number the next new session gets.
    pub next_number: u64,
    /// The study's stamp when the index last looked at every session (read before looking):
    /// while it has not changed, opening the index looks at no session file.
    pub study: Option<StudyStamp>,
    /// The attributes of each session number, for the counts of a search.
    pub attributes: Attributes,
    /// The sessions left out because they could not be read (the table's `skipped`), known
    /// without reading the table: every opening says them.
    pub skipped: Vec<SessionId>,
    /// Read from `table_file` when first needed: a search needs none of it.
    table: OnceLock<Table>,
    table_file: Option<PathBuf>,
}

/// The sessions the index holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub sessions: BTreeMap<SessionId, Held>,
    /// Sessions that could not be read when last tried, with the stamp they had then: tried
    /// again once their files change.
    pub skipped: BTreeMap<SessionId, SessionStamp>,
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

/// The attribute paths (`secteur/sante`) of each session number, compactly: each path once,
/// each session a list of path numbers. Derived from the table at each commit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attributes {
    values: Vec<String>,
    of: BTreeMap<u64, Vec<u32>>,
}

impl Attributes {
    fn of_table(table: &Table) -> Attributes {
        let mut values: Vec<String> = Vec::new();
        let mut numbers: BTreeMap<&str, u32> = BTreeMap::new();
        let mut of = BTreeMap::new();
        for held in table.sessions.values() {
            let list = held
                .attributes
                .iter()
                .map(|path| {
                    *numbers.entry(path).or_insert_with(|| {
                        values.push(path.clone());
                        values.len() as u32 - 1
                    })
                })
                .collect();
            of.insert(held.number, list);
        }
        Attributes { values, of }
    }

    /// The attribute paths of session `number`.
    pub fn of(&self, number: u64) -> impl Iterator<Item = &str> {
        self.of
            .get(&number)
            .into_iter()
            .flatten()
            .filter_map(|i| self.values.get(*i as usize).map(String::as_str))
    }
}

/// The payload of a commit.
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    definition: u64,
    #[serde(default)]
    next_number: u64,
    #[serde(default)]
    study: Option<StudyStamp>,
    #[serde(default)]
    attributes: Attributes,
    #[serde(default)]
    skipped: Vec<SessionId>,
    /// The file of the sessions table, in the index folder. (Absent from the payloads of
    /// version 1, which held the table itself: such an index is of another version.)
    #[serde(default)]
    held: String,
}

/// Sessions tables start with this; the current one and those of the last minute are kept
/// (another process may be reading one it just found named).
const TABLE_PREFIX: &str = "grille-held-";

impl Manifest {
    pub fn new(study: &Study) -> Self {
        Manifest {
            version: VERSION,
            definition: fingerprint(study),
            table: OnceLock::from(Table::default()),
            ..Manifest::default()
        }
    }

    /// The manifest of a commit, from its payload; `None` if it is missing or unreadable (a
    /// build that never committed), or if the table it names is missing.
    pub fn read(root: &Path, payload: Option<&str>) -> Option<Manifest> {
        let header: Header = serde_json::from_str(payload?).ok()?;
        let table_file = (header.version == VERSION).then(|| root.join(&header.held));
        if table_file.as_ref().is_some_and(|f| !f.is_file()) {
            return None;
        }
        Some(Manifest {
            version: header.version,
            definition: header.definition,
            next_number: header.next_number,
            study: header.study,
            attributes: header.attributes,
            skipped: header.skipped,
            table: OnceLock::new(),
            table_file,
        })
    }

    /// The sessions the index holds (read on first use).
    pub fn table(&self) -> Result<&Table, String> {
        if let Some(table) = self.table.get() {
            return Ok(table);
        }
        let table = match &self.table_file {
            Some(file) => {
                let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
                serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", file.display()))?
            }
            None => Table::default(),
        };
        Ok(self.table.get_or_init(|| table))
    }

    pub fn table_mut(&mut self) -> Result<&mut Table, String> {
        self.table()?;
        Ok(self.table.get_mut().expect("just read"))
    }

    /// The number of a session: the one it has, or the next one.
    pub fn number(&mut self, id: SessionId) -> Result<u64, String> {
        if let Some(held) = self.table()?.sessions.get(&id) {
            return Ok(held.number);
        }
        self.next_number += 1;
        Ok(self.next_number - 1)
    }

    /// Writes the sessions table (durably, before the commit that names it) and returns the
    /// payload for that commit, with the attributes derived from the table. An index in
    /// memory (`root` is `None`) keeps its table in memory only.
    pub fn write(&mut self, root: Option<&Path>) -> Result<String, String> {
        let table = self.table()?;
        let name = format!("{TABLE_PREFIX}{:016x}.json", fastrand::u64(..));
        if let Some(root) = root {
            let bytes = serde_json::to_vec(table).expect("a sessions table always serialises");
            let file = root.join(&name);
            fs::write_atomic(&file, &bytes).map_err(|e| e.to_string())?;
            self.table_file = Some(file);
        }
        let table = self.table()?;
        let skipped = table.skipped.keys().copied().collect();
        self.attributes = Attributes::of_table(table);
        self.skipped = skipped;
        let header = Header {
            version: self.version,
            definition: self.definition,
            next_number: self.next_number,
            study: self.study.clone(),
            attributes: self.attributes.clone(),
            skipped: self.skipped.clone(),
            held: name,
        };
        Ok(serde_json::to_string(&header).expect("a header always serialises"))
    }

    /// Removes the sessions tables no commit needs any more: all but the one `payload` names
    /// and those written in the last minute. Best effort.
    pub fn clean(root: &Path, payload: &str) {
        let Ok(header) = serde_json::from_str::<Header>(payload) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(root) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let recent = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_none_or(|age| age.as_secs() < 60);
            if name.starts_with(TABLE_PREFIX) && name != header.held && !recent {
                let _ = std::fs::remove_file(entry.path());
            }
        }
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
