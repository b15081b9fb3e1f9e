//! The pseudonymisation key table (original → pseudonym), kept apart from the study: whoever
//! has the study folder (a copy, a backup, a shared drive) must not have the key back to the
//! names. By default in grille's data folder (`~/.local/share/grille/pseudonyms/<study id>.json`
//! on Linux), in a folder of mode 0700, the file 0600, written atomically; encrypted with the
//! study's key when the study is encrypted, in plaintext otherwise (every command that writes
//! it, and `grille check --privacy`, say which).

use std::path::{Path, PathBuf};

use super::cipher::Codec;
use super::error::Result;
use super::{fs, json};
use crate::study::StudyId;
use crate::study::pseudonym::KeyTable;

/// Where a study's key table is kept unless another file is given.
pub fn default_path(study: StudyId) -> Option<PathBuf> {
    super::paths::data_dir().map(|d| d.join("pseudonyms").join(format!("{study}.json")))
}

/// The key table in `path`, read with the study's codec; a new one for `study` when there is
/// none yet.
pub fn load(path: &Path, study: StudyId, codec: &Codec) -> Result<KeyTable> {
    match fs::read_if_exists(path)? {
        Some(bytes) => json::parse(path, &codec.open(path, bytes)?),
        None => Ok(KeyTable::new(study)),
    }
}

/// Writes the key table whole or not at all, readable by its owner only, its folder created
/// private if needed.
pub fn save(path: &Path, table: &KeyTable, codec: &Codec) -> Result<()> {
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        fs::create_private_dir(dir)?;
    }
    codec.write_atomic(path, json::to_pretty(table).as_bytes())?;
    fs::make_private_file(path)
}
