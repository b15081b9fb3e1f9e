//! Checking the index files' checksums without reading 850 MB at every search.
//!
//! Opening the index checks that no file of a searched segment is damaged (a damaged index is
//! rebuilt rather than failing in the middle of a search). A segment's files never change once
//! written, so a file whose checksum was verified is recorded with its size and modification
//! time, and read again only when they differ: each file is read once, when it is new.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::store::fs;

/// The record of verified files, in the index folder (tantivy leaves files it did not make
/// alone).
const VERIFIED: &str = "grille-verified.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    len: u64,
    modified_ns: u128,
}

fn seen(file: &Path) -> Option<Seen> {
    let meta = std::fs::metadata(file).ok()?;
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(Seen {
        len: meta.len(),
        modified_ns,
    })
}

fn settled(seen: Seen) -> bool {
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    now.saturating_sub(seen.modified_ns) > 2_000_000_000
}

/// The files of the index's live segments whose checksum is wrong. Files verified before and
/// unchanged since are not read.
pub(super) fn damaged_files(index: &tantivy::Index, root: &Path) -> tantivy::Result<Vec<PathBuf>> {
    let live: HashSet<String> = index
        .load_metas()?
        .segments
        .iter()
        .map(|s| s.id().uuid_string())
        .collect();
    let record_path = root.join(VERIFIED);
    let before: BTreeMap<String, Seen> = std::fs::read(&record_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let mut after = BTreeMap::new();
    let mut bad = Vec::new();
    let entries = std::fs::read_dir(root).map_err(tantivy::TantivyError::from)?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let segment = name.split('.').next().unwrap_or_default();
        if !live.contains(segment) {
            continue;
        }
        let Some(now) = seen(&entry.path()) else {
            continue;
        };
        if before.get(&name) != Some(&now)
            && !index.directory().validate_checksum(Path::new(&name))?
        {
            bad.push(PathBuf::from(&name));
            continue;
        }
        // File times move in ticks: a file written just now could be changed again within the
        // same tick, unseen. Recorded once it has been still a while.
        if settled(now) {
            after.insert(name, now);
        }
    }
    if after != before {
        // Best effort: without a record, the files are only read again next time.
        if let Ok(bytes) = serde_json::to_vec(&after) {
            let _ = fs::write_atomic(&record_path, &bytes);
        }
    }
    bad.sort();
    Ok(bad)
}
