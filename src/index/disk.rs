//! The index folder: opening what is there (and saying why it cannot be used), creating a new
//! index in a private folder.

use std::path::Path;

use tantivy::{IndexReader, IndexSettings, ReloadPolicy};

use super::error::{AtIndex, IndexError, Result};
use super::manifest::Manifest;
use super::private::PrivateDirectory;
use super::schema::Fields;
use super::verify;
use super::{Rebuilt, analyzer};
use crate::store::fs;

/// An index found on disk, before it is checked against the study.
pub(super) struct Found {
    pub index: tantivy::Index,
    pub fields: Fields,
    pub reader: IndexReader,
    pub manifest: Option<Manifest>,
}

/// Opens the index at `path` and reads what it holds; any failure says why it must be rebuilt.
pub(super) fn open_existing(path: &Path) -> std::result::Result<Found, Rebuilt> {
    if !path.join("meta.json").is_file() {
        return Err(Rebuilt::Missing);
    }
    let damaged = |e: tantivy::TantivyError| Rebuilt::Damaged(e.to_string());
    let directory = PrivateDirectory::open(path).map_err(|e| Rebuilt::Damaged(e.to_string()))?;
    let mut index = tantivy::Index::open(directory).map_err(damaged)?;
    searching_threads(&mut index).map_err(damaged)?;
    analyzer::register(index.tokenizers());
    let fields = Fields::of(&index.schema()).ok_or(Rebuilt::OtherVersion)?;
    // Checksums, so that damaged bytes are found now, not in the middle of a search.
    let bad = verify::damaged_files(&index, path).map_err(damaged)?;
    if !bad.is_empty() {
        let names: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
        return Err(Rebuilt::Damaged(format!(
            "damaged files: {}",
            names.join(", ")
        )));
    }
    let reader = reader(&index).map_err(damaged)?;
    let metas = index.load_metas().map_err(damaged)?;
    Ok(Found {
        manifest: Manifest::read(path, metas.payload.as_deref()),
        index,
        fields,
        reader,
    })
}

/// A new, empty index at `path`, in a private folder.
pub(super) fn create(path: &Path) -> Result<Found> {
    fs::create_private_dir(path)?;
    let (schema, fields) = Fields::schema();
    let directory =
        PrivateDirectory::open(path).map_err(|e| IndexError::tantivy(path, e.into()))?;
    let mut index =
        tantivy::Index::create(directory, schema, IndexSettings::default()).at_index(path)?;
    searching_threads(&mut index).at_index(path)?;
    analyzer::register(index.tokenizers());
    let reader = reader(&index).at_index(path)?;
    Ok(Found {
        index,
        fields,
        reader,
        manifest: None,
    })
}

/// A new, empty index in memory, for an encrypted study: its words never touch the disk.
pub(super) fn in_memory(path: &Path) -> Result<Found> {
    let (schema, fields) = Fields::schema();
    let mut index = tantivy::Index::create_in_ram(schema);
    searching_threads(&mut index).at_index(path)?;
    analyzer::register(index.tokenizers());
    let reader = reader(&index).at_index(path)?;
    Ok(Found {
        index,
        fields,
        reader,
        manifest: None,
    })
}

/// Searches the index's segments in parallel, on up to as many threads as there are cores
/// (at most 4): a search over many hits then takes the time of its largest segment.
fn searching_threads(index: &mut tantivy::Index) -> tantivy::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores > 1 {
        index.set_multithread_executor(cores.min(4))?;
    }
    Ok(())
}

fn reader(index: &tantivy::Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}
