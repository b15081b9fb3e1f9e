//! `grille encrypt` and `grille decrypt`: a study rewritten whole, with another codec, all or
//! nothing.
//!
//! Every document of the study is locked (no other grille writes it meanwhile), then every
//! file is rewritten into a new folder beside the study, fsynced and read back; only then are
//! the two folders exchanged in one atomic rename (`renameat2(RENAME_EXCHANGE)`), and the
//! copy from before removed. A crash before the exchange leaves the study as it was; after
//! it, the study converted — never a session in half-written form. A copy left beside the
//! study by a crash is removed by the next opening (see
//! [`StudyDir::remove_interrupted_conversions`]).
//!
//! Not copied: locks, the changes mark, grille's temporary files and the search index (derived
//! data, plaintext in a plain study: it is made again, in memory for an encrypted study).
//! Anything else grille does not know stops the conversion before anything is written.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::cipher::{Codec, StudyKey};
use super::error::{IoContext, Result, StoreError};
use super::fs;
use super::journal;
use super::keys::{self, KEY_FILE, Protection};
use super::lock::Lock;
use super::paths::{CHANGES_MARK, StudyPaths};
use super::study_dir::StudyDir;

/// What a conversion did.
#[derive(Debug)]
pub struct Converted {
    /// The study as it is now (with its key, if it is encrypted).
    pub dir: StudyDir,
    /// Files rewritten.
    pub files: usize,
    /// The copy from before could not be removed: where it is, and why.
    pub left: Option<(PathBuf, String)>,
}

/// A file of the study to rewrite, by its path relative to the root.
enum Part {
    Whole(PathBuf),
    Journal(PathBuf),
}

impl StudyDir {
    /// Encrypts a plain study: a new study key, wrapped as `protection` says.
    pub fn encrypt(&self, protection: &Protection) -> Result<Converted> {
        if self.is_encrypted() {
            return Err(StoreError::AlreadyThere {
                path: self.root().to_path_buf(),
                encrypted: true,
            });
        }
        let key = StudyKey::generate();
        let wrapped = keys::wrap(&key, protection).map_err(|message| StoreError::KeyFile {
            path: self.paths().key_file(),
            message,
        })?;
        self.convert(Codec::sealed(key), Some(wrapped))
    }

    /// Decrypts an encrypted study, opened with its key: afterwards it is plain files.
    pub fn decrypt(&self) -> Result<Converted> {
        if !self.is_encrypted() {
            return Err(StoreError::AlreadyThere {
                path: self.root().to_path_buf(),
                encrypted: false,
            });
        }
        self.convert(Codec::Plain, None)
    }

    /// Removes the copies beside the study left by a conversion that was cut short (no process
    /// converts the study now). Returns those removed.
    pub fn remove_interrupted_conversions(&self) -> Vec<PathBuf> {
        let mut removed = Vec::new();
        let candidates = self.interrupted_conversions();
        if candidates.is_empty() {
            return removed;
        }
        // A conversion holds the study's own lock until it has removed its copy.
        let Ok(_held) = Lock::acquire(&self.paths().meta().lock, &self.paths().meta().file) else {
            return removed;
        };
        for path in candidates {
            let meta = StudyPaths::new(&path).meta();
            let busy = meta.lock.exists() && Lock::acquire(&meta.lock, &meta.file).is_err();
            if !busy && std::fs::remove_dir_all(&path).is_ok() {
                removed.push(path);
            }
        }
        if let Some(parent) = self.root().parent() {
            let _ = fs::sync_dir(parent);
        }
        removed
    }

    /// Folders beside the study left by a conversion (being made, or cut short).
    pub fn interrupted_conversions(&self) -> Vec<PathBuf> {
        let (parent, prefix) = conversion_place(self.root());
        let Ok(entries) = std::fs::read_dir(&parent) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }

    fn convert(&self, target: Codec, key_file: Option<Vec<u8>>) -> Result<Converted> {
        let source = self.paths().codec().clone();
        if self.needs_key() {
            return Err(StoreError::KeyNeeded {
                path: self.root().to_path_buf(),
            });
        }
        // A file grille does not know is refused before anything is touched (locks included),
        // then looked for again under the locks.
        self.parts()?;
        let locks = self.lock_everything()?;
        self.remove_interrupted_conversions_held();
        let parts = self.parts()?;
        let root = self.root();
        let (parent, prefix) = conversion_place(root);
        let building = tempfile::Builder::new()
            .prefix(&prefix)
            .tempdir_in(&parent)
            .at(&parent)?;
        fs::make_private(building.path())?;
        let staged = building.path();
        fs::create_private_dir(&staged.join("sessions"))?;
        for part in &parts {
            let (Part::Whole(rel) | Part::Journal(rel)) = part;
            if let Some(dir) = rel.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_private_dir(&staged.join(dir))?;
            }
            let (from, to) = (root.join(rel), staged.join(rel));
            match part {
                Part::Whole(_) => {
                    let plain = source.read(&from)?;
                    target.write_new(&to, &plain)?;
                    // Read back before the study is replaced: what was written is what it held.
                    if target.read(&to)? != plain {
                        return Err(std::io::Error::other("read back differs")).at(&to);
                    }
                }
                Part::Journal(_) => {
                    let bytes = fs::read(&from)?;
                    fs::write_new(&to, &recode_journal(&source, &target, &from, &bytes)?)?;
                    let before = journal::read_with::<serde_json::Value>(&from, &source)?;
                    let after = journal::read_with::<serde_json::Value>(&to, &target)?;
                    if before.records != after.records
                        || before.torn.is_some() != after.torn.is_some()
                    {
                        return Err(std::io::Error::other("read back differs")).at(&to);
                    }
                }
            }
        }
        if let Some(bytes) = &key_file {
            fs::write_new(&staged.join(KEY_FILE), bytes)?;
        }
        fs::sync_dir(staged)?;
        fs::sync_dir(&staged.join("sessions"))?;
        // From here the old copy is at the staging name: never removed by the TempDir's drop
        // before the exchange is durable.
        let staged = building.keep();
        let old = match exchange(&staged, root) {
            Ok(old) => old,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staged);
                return Err(e);
            }
        };
        fs::sync_dir(&parent)?;
        let left = std::fs::remove_dir_all(&old)
            .and_then(|()| std::fs::File::open(&parent)?.sync_all())
            .err()
            .map(|e| (old.clone(), e.to_string()));
        drop(locks);
        Ok(Converted {
            dir: StudyDir::with_paths(StudyPaths::with_codec(root, target)),
            files: parts.len(),
            left,
        })
    }

    /// Every document's lock, at once or not at all.
    fn lock_everything(&self) -> Result<Vec<Lock>> {
        let paths = self.paths();
        let mut docs = vec![paths.meta(), paths.grid(), paths.codebook()];
        docs.extend(self.session_ids()?.into_iter().map(|id| paths.session(id)));
        docs.iter()
            .map(|doc| Lock::acquire(&doc.lock, &doc.file))
            .collect()
    }

    /// [`StudyDir::remove_interrupted_conversions`] while this process holds the locks.
    fn remove_interrupted_conversions_held(&self) {
        for path in self.interrupted_conversions() {
            let _ = std::fs::remove_dir_all(path);
        }
    }

    /// The files to rewrite; a file grille does not know stops everything.
    fn parts(&self) -> Result<Vec<Part>> {
        let mut parts = Vec::new();
        let root = self.root();
        for (rel, is_dir) in entries(root, Path::new(""))? {
            let name = rel.to_string_lossy().into_owned();
            match name.as_str() {
                _ if skipped(&name) => {}
                "index" if is_dir => {}
                "sessions" | "repairs" if is_dir => {
                    for (inner, inner_dir) in entries(root, &rel)? {
                        let file = inner.file_name().unwrap_or_default().to_string_lossy();
                        let stem = file.split('.').next().unwrap_or_default();
                        let known =
                            name == "repairs" || stem.parse::<crate::study::SessionId>().is_ok();
                        match () {
                            _ if skipped(&file) => {}
                            _ if inner_dir || !known => return Err(unknown(root, &inner)),
                            _ if is_journal(&file) => parts.push(Part::Journal(inner)),
                            _ if file.ends_with(".json") => parts.push(Part::Whole(inner)),
                            _ => return Err(unknown(root, &inner)),
                        }
                    }
                }
                "study.json" | "grid.json" | "codebook.json" if !is_dir => {
                    parts.push(Part::Whole(rel))
                }
                _ if !is_dir
                    && is_journal(&name)
                    && ["study.", "grid.", "codebook."]
                        .iter()
                        .any(|p| name.starts_with(p)) =>
                {
                    parts.push(Part::Journal(rel))
                }
                _ => return Err(unknown(root, &rel)),
            }
        }
        Ok(parts)
    }
}

/// Where conversions of the study at `root` build their copy: beside it, named after it.
fn conversion_place(root: &Path) -> (PathBuf, String) {
    let parent = match root.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = root.file_name().unwrap_or_default().to_string_lossy();
    (parent, format!(".{name}.grille-convert-"))
}

/// Files never carried over: locks, the changes mark, the key of the study as it was, grille's
/// temporary files.
fn skipped(name: &str) -> bool {
    name.ends_with(".lock")
        || name == CHANGES_MARK
        || name == KEY_FILE
        || (name.starts_with(fs::TEMP_PREFIX) && name.ends_with(fs::TEMP_SUFFIX))
}

fn is_journal(name: &str) -> bool {
    name.ends_with(".journal") || name.contains(".journal.torn-")
}

fn unknown(root: &Path, rel: &Path) -> StoreError {
    StoreError::Unknown {
        path: root.join(rel),
    }
}

/// The entries of `root/rel` as paths relative to `root`, with whether each is a folder (a
/// symbolic link is neither: it is refused as unknown by the caller's match).
fn entries(root: &Path, rel: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let dir = root.join(rel);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).at(&dir)? {
        let entry = entry.at(&dir)?;
        let kind = entry.file_type().at(entry.path())?;
        if kind.is_symlink() {
            return Err(StoreError::Symlink { path: entry.path() });
        }
        out.push((rel.join(entry.file_name()), kind.is_dir()));
    }
    out.sort();
    Ok(out)
}

/// A journal's lines, each decoded with `from` and encoded with `to`. A last line cut short by
/// a crash stays a last line without its newline (read as torn, as before); one that cannot
/// be decoded is carried as it is.
fn recode_journal(from: &Codec, to: &Codec, path: &Path, bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let complete = line.ends_with(b"\n");
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        match from.open_line(path, content)? {
            Some(record) => out.extend_from_slice(&to.seal_line(path, &record)?),
            None if !complete => out.extend_from_slice(content),
            None => {
                return Err(StoreError::Journal {
                    file: path.to_path_buf(),
                    line: i + 1,
                    message: "damaged record (it cannot be decrypted); run grille check".into(),
                });
            }
        }
        if complete {
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// Puts `staged` in the place of `root` and returns where the study from before now is. One
/// atomic exchange where the system has it; elsewhere two renames, with a moment between them
/// when `root` is missing (the copy from before is then beside it, under a `.grille-convert-`
/// name).
fn exchange(staged: &Path, root: &Path) -> Result<PathBuf> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, staged, CWD, root, RenameFlags::EXCHANGE) {
        Ok(()) => return Ok(staged.to_path_buf()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
        Err(e) => return Err(std::io::Error::from(e)).at(root),
    }
    let mut old: OsString = staged.as_os_str().to_owned();
    old.push("-old");
    let old = PathBuf::from(old);
    std::fs::rename(root, &old).at(root)?;
    if let Err(e) = std::fs::rename(staged, root) {
        let _ = std::fs::rename(&old, root);
        return Err(e).at(root);
    }
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_keeps_its_records_and_its_torn_tail_both_ways() {
        let path = Path::new("x.journal");
        let sealed = Codec::sealed(StudyKey::generate());
        let plain = b"{\"a\":1}\n{\"b\":2}\n{\"c\"".to_vec();
        let encrypted = recode_journal(&Codec::Plain, &sealed, path, &plain).unwrap();
        assert_eq!(encrypted.iter().filter(|b| **b == b'\n').count(), 2);
        assert!(!encrypted.ends_with(b"\n"), "the torn tail stays torn");
        let back = recode_journal(&sealed, &Codec::Plain, path, &encrypted).unwrap();
        assert_eq!(back, plain);
    }
}
