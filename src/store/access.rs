//! Who can open an encrypted study, changed after it was made: team members' public keys added
//! or removed, the passphrase changed. Only `study.key` is rewritten — the study key is wrapped
//! again, the files it encrypts stay as they are — whole or not at all: the new content is made
//! and checked in memory, then replaces the file in one atomic rename. A crash or an error
//! before the rename leaves the wrapping from before, which still opens the study.
//!
//! The study key itself does not change, so a copy of the study made before still opens with a
//! key removed since, or the old passphrase (the commands say so).

use age::secrecy::SecretString;

use super::cipher::{Codec, StudyKey};
use super::error::{Result, StoreError};
use super::fs;
use super::keys;
use super::lock::{BRIEF_WAIT, Lock};
use super::study_dir::StudyDir;

/// What a change of the team did.
#[derive(Debug, Default, PartialEq)]
pub struct TeamChange {
    /// Keys added, or removed, as they were written in `study.key`.
    pub changed: Vec<String>,
    /// Keys given to add that were already there.
    pub already: Vec<String>,
    /// The team's keys now.
    pub team: Vec<String>,
}

impl StudyDir {
    /// The public keys of the team the study key is wrapped for, as given when they were added
    /// (no key needed: they are public).
    pub fn team(&self) -> Result<Vec<String>> {
        self.encrypted_only()?;
        keys::team_keys(&self.paths().key_file())
    }

    /// Wraps the study key for `added` too (each an age or SSH public key; one already there
    /// is left as it is). The study must be open with its key.
    pub fn add_to_team(&self, added: &[String]) -> Result<TeamChange> {
        self.change_team(|team| {
            let mut change = TeamChange::default();
            for key in added {
                let key = key.trim();
                if team.iter().any(|k| keys::same_key(k, key))
                    || change.changed.iter().any(|k| keys::same_key(k, key))
                {
                    change.already.push(key.to_owned());
                } else {
                    change.changed.push(key.to_owned());
                }
            }
            let mut now = team.to_vec();
            now.extend(change.changed.iter().cloned());
            Ok((now, change))
        })
    }

    /// Wraps the study key for the team without `removed`: each a key of the team (its SSH
    /// comment may differ) or the name an SSH key carries (`camille@poste-2`), if one key
    /// only has it. One that is neither changes nothing.
    pub fn remove_from_team(&self, removed: &[String]) -> Result<TeamChange> {
        let key_file = self.paths().key_file();
        self.change_team(|team| {
            let mut change = TeamChange::default();
            for given in removed {
                let given = given.trim();
                let by_key: Vec<&String> =
                    team.iter().filter(|k| keys::same_key(k, given)).collect();
                let by_name: Vec<&String> = team
                    .iter()
                    .filter(|k| keys::comment(k) == Some(given))
                    .collect();
                let found = match (&by_key[..], &by_name[..]) {
                    ([one, ..], _) | ([], [one]) => *one,
                    ([], named) => {
                        return Err(StoreError::NotInTeam {
                            path: key_file.clone(),
                            key: given.to_owned(),
                            matches: named.len(),
                        });
                    }
                };
                if !change.changed.contains(found) {
                    change.changed.push(found.clone());
                }
            }
            let now = team
                .iter()
                .filter(|k| !change.changed.contains(k))
                .cloned()
                .collect();
            Ok((now, change))
        })
    }

    /// Wraps the study key for `passphrase` instead of the one before; the team's wrapping is
    /// kept. The study must be open with its key (the old passphrase, or a key of the team).
    /// `work_factor`: as in [`keys::Protection`].
    pub fn change_passphrase(
        &self,
        passphrase: &SecretString,
        work_factor: Option<u8>,
    ) -> Result<()> {
        self.rewrap(|path, bytes, key| {
            keys::rewrap_passphrase(path, bytes, key, passphrase, work_factor)
        })
    }

    fn change_team(
        &self,
        change: impl FnOnce(&[String]) -> Result<(Vec<String>, TeamChange)>,
    ) -> Result<TeamChange> {
        let mut done = None;
        self.rewrap(|path, bytes, key| {
            let team = keys::team_keys_in(path, bytes)?;
            let (now, mut what) = change(&team)?;
            let new = keys::rewrap_team(path, bytes, key, &now)?;
            what.team = now;
            done = Some(what);
            Ok(new)
        })?;
        Ok(done.unwrap_or_default())
    }

    /// Replaces `study.key` with what `make` gives from its present content and the study key,
    /// under the study's lock (one change at a time, none during `grille encrypt` or
    /// `decrypt`), after checking that the key at hand is the one the files are encrypted with.
    fn rewrap(
        &self,
        make: impl FnOnce(&std::path::Path, &[u8], &StudyKey) -> Result<Vec<u8>>,
    ) -> Result<()> {
        self.encrypted_only()?;
        let Codec::Sealed(key) = self.paths().codec() else {
            return Err(StoreError::KeyNeeded {
                path: self.root().to_path_buf(),
            });
        };
        let meta = self.paths().meta();
        let _held = Lock::acquire_waiting(&meta.lock, &meta.file, BRIEF_WAIT)?;
        // The key opens the study's own files: a wrapping of another key would lock everyone
        // out of the study.
        self.paths().codec().read(&meta.file)?;
        let path = self.paths().key_file();
        let bytes = fs::read(&path)?;
        let new = make(&path, &bytes, key)?;
        fs::write_atomic(&path, &new)
    }

    fn encrypted_only(&self) -> Result<()> {
        if self.is_encrypted() {
            Ok(())
        } else {
            Err(StoreError::AlreadyThere {
                path: self.root().to_path_buf(),
                encrypted: false,
            })
        }
    }
}
