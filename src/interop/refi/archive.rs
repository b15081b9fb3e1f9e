//! The zip archive of a `.qdpx`: reading entries with the limits that keep a hostile archive
//! harmless, and writing one.
//!
//! Nothing is ever extracted to disk. Still, an archive that names an entry outside itself
//! (`../x`, `/etc/x`, `C:\x`) is refused whole: it was not written by a QDA tool. Entries are
//! read through a byte budget, whatever sizes the archive declares, so a zip bomb stops at the
//! limit instead of filling memory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use super::error::RefiError;

/// At most this many entries (a project has one per source and a few more).
pub const MAX_ENTRIES: usize = 100_000;
/// The largest `project.qde` read.
pub const MAX_PROJECT_BYTES: u64 = 256 << 20;
/// The largest source text or note read.
pub const MAX_TEXT_BYTES: u64 = 64 << 20;
/// The most read from one archive in all.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;

pub struct Archive<R: Read + Seek = File> {
    file: PathBuf,
    zip: ZipArchive<R>,
    /// Entry index by lowercased name with `/` separators.
    by_name: HashMap<String, usize>,
    /// Bytes left to read.
    budget: u64,
}

impl Archive<File> {
    pub fn open(path: &Path) -> Result<Self, RefiError> {
        let file = File::open(path).map_err(|source| RefiError::Read {
            file: path.to_path_buf(),
            source,
        })?;
        Archive::new(path, file)
    }
}

impl<R: Read + Seek> Archive<R> {
    pub fn new(path: &Path, reader: R) -> Result<Self, RefiError> {
        let file = path.to_path_buf();
        let zip = ZipArchive::new(reader).map_err(|e| RefiError::NotZip {
            file: file.clone(),
            message: e.to_string(),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(RefiError::TooManyEntries {
                file,
                limit: MAX_ENTRIES,
            });
        }
        let mut by_name = HashMap::new();
        for (i, name) in zip.file_names().enumerate() {
            if !is_safe(name) {
                return Err(RefiError::UnsafeEntry {
                    file,
                    entry: name.chars().take(200).collect(),
                });
            }
            by_name.entry(key(name)).or_insert(i);
        }
        Ok(Archive {
            file,
            zip,
            by_name,
            budget: MAX_TOTAL_BYTES,
        })
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Whether an entry of this name exists (case ignored, `\` or `/`).
    pub fn find(&self, name: &str) -> Option<String> {
        let i = *self.by_name.get(&key(name))?;
        Some(self.zip.name_for_index(i)?.to_owned())
    }

    /// The names of every entry, as written.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_owned).collect()
    }

    /// Reads an entry (found with [`Archive::find`]) up to `limit` bytes; more is refused.
    pub fn read(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, RefiError> {
        let limit = limit.min(self.budget);
        let too_large = |file: &Path| RefiError::TooLarge {
            file: file.to_path_buf(),
            entry: name.to_owned(),
            limit,
        };
        let i = *self
            .by_name
            .get(&key(name))
            .ok_or_else(|| too_large(&self.file))?;
        let entry = self.zip.by_index(i).map_err(|e| RefiError::NotZip {
            file: self.file.clone(),
            message: format!("{name}: {e}"),
        })?;
        if entry.size() > limit {
            return Err(too_large(&self.file));
        }
        let mut bytes = Vec::new();
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| RefiError::NotZip {
                file: self.file.clone(),
                message: format!("{name}: {e}"),
            })?;
        if bytes.len() as u64 > limit {
            return Err(too_large(&self.file));
        }
        self.budget -= bytes.len() as u64;
        Ok(bytes)
    }
}

/// The name entries are looked up by.
fn key(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches("./")
        .to_lowercase()
}

/// An entry name that stays inside the archive: relative, without `..`, no drive letter.
fn is_safe(name: &str) -> bool {
    let name = name.replace('\\', "/");
    let drive = name.as_bytes().get(1) == Some(&b':');
    !name.starts_with('/')
        && !drive
        && !name.contains('\0')
        && name.split('/').all(|part| part != "..")
}

/// An archive being written: every entry deflated, dated 1980-01-01 (the same study gives the
/// same bytes).
pub struct Writer {
    zip: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
}

impl Default for Writer {
    fn default() -> Self {
        Writer {
            zip: zip::ZipWriter::new(std::io::Cursor::new(Vec::new())),
        }
    }
}

impl Writer {
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> zip::result::ZipResult<()> {
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o600);
        self.zip.start_file(name, options)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    pub fn finish(self) -> zip::result::ZipResult<Vec<u8>> {
        Ok(self.zip.finish()?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = Writer::default();
        for (name, bytes) in entries {
            w.add(name, bytes).unwrap();
        }
        w.finish().unwrap()
    }

    fn open(bytes: Vec<u8>) -> Result<Archive<Cursor<Vec<u8>>>, RefiError> {
        Archive::new(Path::new("t.qdpx"), Cursor::new(bytes))
    }

    #[test]
    fn entries_are_found_whatever_their_case_and_read() {
        let mut a = open(archive(&[
            ("project.qde", b"<x/>"),
            ("Sources/A.txt", b"abc"),
            (".root", b""),
        ]))
        .unwrap();
        assert_eq!(a.find("sources/a.txt").as_deref(), Some("Sources/A.txt"));
        assert_eq!(a.read("sources/a.txt", 10).unwrap(), b"abc");
        assert_eq!(a.read(".root", 10).unwrap(), b"");
        assert!(a.find("missing.txt").is_none());
    }

    #[test]
    fn entries_outside_the_archive_are_refused() {
        for bad in [
            "../evil.txt",
            "sources/../../evil.txt",
            "/etc/passwd",
            "C:\\evil.txt",
            "a\\..\\..\\b",
        ] {
            let err = open(archive(&[("project.qde", b"<x/>"), (bad, b"x")]))
                .err()
                .unwrap();
            assert!(
                matches!(err, RefiError::UnsafeEntry { ref entry, .. } if entry == bad),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn an_entry_larger_than_its_limit_is_refused_as_it_is_read() {
        let big = vec![b'a'; 1 << 20];
        let mut a = open(archive(&[("sources/big.txt", &big)])).unwrap();
        let err = a.read("sources/big.txt", 1000).unwrap_err();
        assert!(
            matches!(err, RefiError::TooLarge { limit: 1000, .. }),
            "{err}"
        );
        assert_eq!(a.read("sources/big.txt", 2 << 20).unwrap().len(), 1 << 20);
    }

    #[test]
    fn an_entry_that_lies_about_its_size_is_still_stopped() {
        let big = vec![b'a'; 1 << 20];
        let mut bytes = archive(&[("sources/big.txt", &big)]);
        // Declare 10 bytes in the local header (offset 22) and the central directory (24).
        let small = 10u32.to_le_bytes();
        for (signature, offset) in [
            ([0x50, 0x4b, 0x03, 0x04], 22),
            ([0x50, 0x4b, 0x01, 0x02], 24),
        ] {
            let at = bytes.windows(4).position(|w| w == signature).unwrap();
            bytes[at + offset..at + offset + 4].copy_from_slice(&small);
        }
        let mut a = open(bytes).unwrap();
        assert!(
            a.read("sources/big.txt", 1000).is_err(),
            "never 1 MiB in memory"
        );
    }

    #[test]
    fn not_a_zip() {
        assert!(matches!(
            open(b"<Project/>".to_vec()),
            Err(RefiError::NotZip { .. })
        ));
    }
}
