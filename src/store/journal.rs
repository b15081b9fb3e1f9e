//! The append-only journal beside a file: one JSON record per line, each fsynced before the
//! change it carries is acknowledged.

use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, SubsecRound};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::cipher::Codec;
use super::error::{IoContext, Result, StoreError};
use super::fs::{private_options, sync_dir};
use crate::study::Time;

/// One journal line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record<C> {
    /// The revision of the file once this change is applied.
    pub rev: u64,
    pub at: Time,
    pub change: C,
}

/// What reading a journal found.
#[derive(Debug)]
pub struct Read<C> {
    pub records: Vec<Record<C>>,
    /// A last line cut short by a crash: ignored, reported.
    pub torn: Option<Torn>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Torn {
    pub line: usize,
    pub bytes: usize,
}

/// Reads every record of a plain journal; a missing journal is an empty one.
pub fn read<C: DeserializeOwned>(path: &Path) -> Result<Read<C>> {
    read_with(path, &Codec::Plain)
}

/// Reads every record of a journal, each line decrypted by `codec` in an encrypted study.
pub fn read_with<C: DeserializeOwned>(path: &Path, codec: &Codec) -> Result<Read<C>> {
    let bytes = super::fs::read_if_exists(path)?.unwrap_or_default();
    let mut records = Vec::new();
    let mut torn = None;
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let complete = line.ends_with(b"\n");
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        let parsed = match codec.open_line(path, content)? {
            Some(record) => serde_json::from_slice::<Record<C>>(&record).map_err(|e| e.to_string()),
            None => Err("it cannot be decrypted".to_owned()),
        };
        match parsed {
            Ok(record) if complete => records.push(record),
            // Only the last line can have been cut by a crash during its write.
            _ if last => {
                torn = Some(Torn {
                    line: i + 1,
                    bytes: line.len(),
                })
            }
            Ok(_) => unreachable!("only the last line can lack its newline"),
            Err(e) => {
                return Err(StoreError::Journal {
                    file: path.to_path_buf(),
                    line: i + 1,
                    message: format!("damaged record ({e}); nothing after it was applied"),
                });
            }
        }
    }
    Ok(Read { records, torn })
}

/// Appends records durably. The file is created on the first append.
pub struct Writer {
    path: PathBuf,
    codec: Codec,
    file: Option<File>,
    /// A failed append could not be taken back: the journal's end is unknown, so nothing more
    /// is written to it until it is reopened (the file's content stays as it is).
    poisoned: bool,
}

impl Writer {
    /// A writer of a plain journal.
    pub fn new(path: PathBuf) -> Self {
        Self::with_codec(path, Codec::Plain)
    }

    /// A writer whose records are encoded by `codec` (encrypted in an encrypted study).
    pub fn with_codec(path: PathBuf, codec: Codec) -> Self {
        Writer {
            path,
            codec,
            file: None,
            poisoned: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one record as one line and waits until it is on disk.
    pub fn append<C: Serialize>(&mut self, rev: u64, change: &C) -> Result<()> {
        let record = Record {
            rev,
            at: Local::now().fixed_offset().trunc_subsecs(3),
            change,
        };
        let record = serde_json::to_vec(&record).expect("changes always serialise");
        let path = self.path.clone();
        let mut line = self.codec.seal_line(&path, &record)?.into_owned();
        line.push(b'\n');
        if self.poisoned {
            return Err(std::io::Error::other(
                "an earlier write to this journal failed and could not be undone; reopen the session",
            ))
            .at(&path);
        }
        let file = self.open()?;
        let before = file.metadata().at(&path)?.len();
        // One write call for the whole line, so a crash leaves at most a torn last line.
        let written = file.write_all(&line).and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Take the record back, whole: a change that was refused must not be replayed, and
            // the next record must start on a line of its own.
            let undone = file.set_len(before).and_then(|()| file.sync_data());
            if undone.is_err() {
                self.poisoned = true;
            }
            return Err(e).at(&path);
        }
        Ok(())
    }

    fn open(&mut self) -> Result<&mut File> {
        if self.file.is_none() {
            let existed = self.path.exists();
            let mut options = private_options();
            options.create(true).append(true);
            let file = super::fs::open_regular(&self.path, &options)?;
            if !existed && let Some(dir) = self.path.parent() {
                sync_dir(dir)?;
            }
            self.file = Some(file);
        }
        Ok(self.file.as_mut().expect("just opened"))
    }

    /// Removes the journal once its records are folded into the file.
    pub fn remove(&mut self) -> Result<()> {
        self.file = None;
        match std::fs::remove_file(&self.path) {
            Ok(()) => self.path.parent().map_or(Ok(()), sync_dir),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).at(&self.path),
        }
    }

    /// Moves a journal with a torn line aside instead of deleting it: a crash report, and a
    /// last chance for a word that was being written.
    pub fn set_aside(&mut self) -> Result<PathBuf> {
        self.file = None;
        let stamp = Local::now().format("%Y%m%dT%H%M%S");
        let mut aside = self.path.clone().into_os_string();
        aside.push(format!(".torn-{stamp}"));
        let aside = PathBuf::from(aside);
        std::fs::rename(&self.path, &aside).at(&self.path)?;
        self.path.parent().map_or(Ok(()), sync_dir)?;
        Ok(aside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_records_read_back_and_a_torn_tail_is_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("s.journal");
        let mut w = Writer::new(path.clone());
        w.append(1, &"un").unwrap();
        w.append(2, &"deux").unwrap();
        let read: Read<String> = super::read(&path).unwrap();
        assert_eq!(read.records.len(), 2);
        assert_eq!(read.records[1].change, "deux");
        assert!(read.torn.is_none());

        // A crash in the middle of the third write.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(br#"{"rev":3,"at":"2021-04-12T10:0"#)
            .unwrap();
        let read: Read<String> = super::read(&path).unwrap();
        assert_eq!(read.records.len(), 2);
        assert_eq!(read.torn, Some(Torn { line: 3, bytes: 30 }));
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_an_error_naming_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("s.journal");
        std::fs::write(
            &path,
            "{\"rev\":1,\"at\":\"2021-04-12T10:00:00+02:00\",\"change\":\"a\"}\nGARBAGE\n{\"rev\":3,\"at\":\"2021-04-12T10:00:00+02:00\",\"change\":\"c\"}\n",
        )
        .unwrap();
        let err = read::<String>(&path).unwrap_err().to_string();
        assert!(err.contains("s.journal: line 2: damaged record"), "{err}");
    }

    #[test]
    fn an_encrypted_record_cut_short_is_the_torn_tail_and_one_damaged_before_it_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("s.journal");
        let codec = Codec::sealed(super::super::cipher::StudyKey::generate());
        let mut w = Writer::with_codec(path.clone(), codec.clone());
        w.append(1, &"un secret").unwrap();
        w.append(2, &"deux secrets").unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(6).any(|w| w == b"secret"));
        let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
        assert_eq!(lines.len(), 2);
        let read: Read<String> = read_with(&path, &codec).unwrap();
        assert_eq!(read.records[1].change, "deux secrets");

        // A crash in the middle of a third record: the two before it are read.
        let mut torn = bytes.clone();
        torn.extend_from_slice(&lines[1][..lines[1].len() / 2]);
        std::fs::write(&path, &torn).unwrap();
        let read: Read<String> = read_with(&path, &codec).unwrap();
        assert_eq!(read.records.len(), 2);
        assert_eq!(read.torn.map(|t| t.line), Some(3));

        // A flipped byte in the first record is damage, not a crash.
        let mut damaged = bytes.clone();
        damaged[10] ^= 1;
        std::fs::write(&path, &damaged).unwrap();
        let err = read_with::<String>(&path, &codec).unwrap_err().to_string();
        assert!(err.contains("s.journal: line 1: damaged record"), "{err}");
        // Read as a plain journal, it says it is encrypted.
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(
            super::read::<String>(&path),
            Err(StoreError::Encrypted { .. })
        ));
    }

    #[test]
    fn a_missing_journal_is_empty() {
        let read: Read<String> = super::read(Path::new("/nonexistent/x.journal")).unwrap();
        assert!(read.records.is_empty() && read.torn.is_none());
    }
}
