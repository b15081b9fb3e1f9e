//! The study key's wrappings, in `study.key`: the key encrypted with age for the study's
//! passphrase (scrypt) and, if the team wants it, for the age or SSH public keys of its
//! members. The key itself is never written in clear; the passphrase is never stored.
//!
//! age wants a passphrase wrapping alone in its file, so the file is a small JSON object with
//! one ASCII-armoured age message per wrapping.

use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::cipher::StudyKey;
use super::error::{Result, StoreError};
use super::fs;

/// The key file's name, in the study's root.
pub const KEY_FILE: &str = "study.key";

/// The environment variable the front ends read to lower the passphrase's scrypt work factor
/// (log2 of N), for tests: the default, about one second of work, is what protects a stolen
/// study from guessing.
pub const WORK_FACTOR_ENV: &str = "GRILLE_SCRYPT_WORK_FACTOR";

/// The most work (log2 of scrypt's N) a `study.key` may ask for: 4 GiB of memory and some
/// seconds, above what a second of work on any machine sets. The file says its work factor:
/// one of 30 asked for 1 TiB and aborted every command before this bound.
const MAX_WORK_FACTOR: u8 = 22;

const FORMAT: &str = "grille study key";
const CIPHER: &str = "XChaCha20-Poly1305";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: String,
    version: u32,
    /// How the files are encrypted with the study key.
    cipher: String,
    /// The study key, wrapped for the passphrase (age, scrypt).
    passphrase: String,
    /// The study key, wrapped for the team's public keys (age: X25519 or SSH).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<String>,
    /// The team's public keys, as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    team_keys: Vec<String>,
}

/// Who can open an encrypted study: whoever knows the passphrase, and the team members whose
/// public keys are listed.
pub struct Protection {
    pub passphrase: SecretString,
    /// age (`age1…`) or SSH (`ssh-ed25519 …`, `ssh-rsa …`) public keys.
    pub team: Vec<String>,
    /// The passphrase's scrypt work factor (log2 of N); `None`: about a second of work on this
    /// machine, as age chooses. Lower only for tests (see [`WORK_FACTOR_ENV`]).
    pub work_factor: Option<u8>,
}

/// What opens an encrypted study.
pub enum Unlock {
    Passphrase(SecretString),
    /// A private key file: age (`AGE-SECRET-KEY-…`) or SSH.
    Identity(PathBuf),
}

/// A public key of the team, parsed: an error says why it is not one.
fn recipient(text: &str) -> std::result::Result<Box<dyn age::Recipient + Send>, String> {
    let text = text.trim();
    if text.starts_with("age1") {
        age::x25519::Recipient::from_str(text)
            .map(|r| Box::new(r) as Box<dyn age::Recipient + Send>)
            .map_err(|e| e.to_string())
    } else {
        age::ssh::Recipient::from_str(text)
            .map(|r| Box::new(r) as Box<dyn age::Recipient + Send>)
            .map_err(|e| format!("{e:?}"))
    }
}

/// Checks the team's public keys; the first that is not one, with why.
pub fn check_team(keys: &[String]) -> std::result::Result<(), (String, String)> {
    for key in keys {
        recipient(key).map_err(|why| (key.clone(), why))?;
    }
    Ok(())
}

/// The content of `study.key` for `key`, wrapped as `protection` says.
pub fn wrap(key: &StudyKey, protection: &Protection) -> std::result::Result<Vec<u8>, String> {
    let file = KeyFile {
        format: FORMAT.into(),
        version: 1,
        cipher: CIPHER.into(),
        passphrase: seal_passphrase(key, &protection.passphrase, protection.work_factor)?,
        team: None,
        team_keys: Vec::new(),
    };
    Ok(file.with_team(key, &protection.team)?.to_bytes())
}

impl KeyFile {
    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a key file always serialises");
        bytes.push(b'\n');
        bytes
    }

    /// The same file with the team's wrapping made again for `team` (none: no team wrapping),
    /// the passphrase's kept as it is.
    fn with_team(self, key: &StudyKey, team: &[String]) -> std::result::Result<KeyFile, String> {
        let team_wrapping = if team.is_empty() {
            None
        } else {
            let recipients = team
                .iter()
                .map(|k| recipient(k).map_err(|why| format!("{k}: {why}")))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Some(seal(
                key,
                recipients.iter().map(|r| r.as_ref() as &dyn age::Recipient),
            )?)
        };
        Ok(KeyFile {
            team: team_wrapping,
            team_keys: team.iter().map(|k| k.trim().to_owned()).collect(),
            ..self
        })
    }
}

/// The study key wrapped for a passphrase (age, scrypt).
fn seal_passphrase(
    key: &StudyKey,
    passphrase: &SecretString,
    work_factor: Option<u8>,
) -> std::result::Result<String, String> {
    let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
    if let Some(log_n) = work_factor {
        scrypt.set_work_factor(log_n.clamp(1, MAX_WORK_FACTOR));
    }
    seal(key, std::iter::once(&scrypt as &dyn age::Recipient))
}

/// `study.key` as it is in `bytes`, its team's wrapping made again for `team`: the content to
/// write in its place. The passphrase's wrapping is kept byte for byte.
pub(super) fn rewrap_team(
    path: &Path,
    bytes: &[u8],
    key: &StudyKey,
    team: &[String],
) -> Result<Vec<u8>> {
    let file = parse(path, bytes)?
        .with_team(key, team)
        .map_err(|message| StoreError::KeyFile {
            path: path.to_path_buf(),
            message,
        })?;
    Ok(file.to_bytes())
}

/// `study.key` as it is in `bytes`, the study key wrapped for a new passphrase instead of the
/// old one; the team's wrapping kept byte for byte. The new wrapping is opened again with the
/// new passphrase before it is given back: what will be written is known to open.
pub(super) fn rewrap_passphrase(
    path: &Path,
    bytes: &[u8],
    key: &StudyKey,
    passphrase: &SecretString,
    work_factor: Option<u8>,
) -> Result<Vec<u8>> {
    let damaged = |message: String| StoreError::KeyFile {
        path: path.to_path_buf(),
        message,
    };
    let file = KeyFile {
        passphrase: seal_passphrase(key, passphrase, work_factor).map_err(damaged)?,
        ..parse(path, bytes)?
    };
    let bytes = file.to_bytes();
    let again = unwrap_bytes(path, &bytes, &Unlock::Passphrase(passphrase.clone()))?;
    if again.bytes() != key.bytes() {
        return Err(damaged(
            "the new wrapping does not give the key back".into(),
        ));
    }
    Ok(bytes)
}

/// The key file in `bytes`, of a format this grille reads.
fn parse(path: &Path, bytes: &[u8]) -> Result<KeyFile> {
    let damaged = |message: String| StoreError::KeyFile {
        path: path.to_path_buf(),
        message,
    };
    let file: KeyFile = serde_json::from_slice(bytes).map_err(|e| damaged(e.to_string()))?;
    if file.format != FORMAT || file.version != 1 || file.cipher != CIPHER {
        return Err(damaged(format!(
            "{} version {} with {}, not one this grille reads",
            file.format, file.version, file.cipher
        )));
    }
    Ok(file)
}

/// The study key in `path` (`study.key`), unwrapped with `unlock`.
pub fn unwrap(path: &Path, unlock: &Unlock) -> Result<StudyKey> {
    unwrap_bytes(path, &fs::read(path)?, unlock)
}

/// The study key in `bytes`, the content of `path`, unwrapped with `unlock`.
pub(super) fn unwrap_bytes(path: &Path, bytes: &[u8], unlock: &Unlock) -> Result<StudyKey> {
    let damaged = |message: String| StoreError::KeyFile {
        path: path.to_path_buf(),
        message,
    };
    let file = parse(path, bytes)?;
    let wrong = || StoreError::WrongKey {
        path: path.to_path_buf(),
    };
    let unwrapped = match unlock {
        Unlock::Passphrase(passphrase) => {
            let mut identity = age::scrypt::Identity::new(passphrase.clone());
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            open(
                &file.passphrase,
                std::iter::once(&identity as &dyn age::Identity),
            )
        }
        Unlock::Identity(identity_file) => {
            let Some(team) = &file.team else {
                return Err(wrong());
            };
            let identities =
                identities(identity_file).map_err(|message| StoreError::BadIdentity {
                    path: identity_file.clone(),
                    message,
                })?;
            open(
                team,
                identities.iter().map(|i| i.as_ref() as &dyn age::Identity),
            )
        }
    };
    let bytes = match unwrapped {
        Ok(bytes) => bytes,
        Err(Failure::NotForUs) => return Err(wrong()),
        Err(Failure::Damaged(why)) => return Err(damaged(why)),
    };
    StudyKey::from_bytes(&bytes).ok_or_else(|| damaged("the key has the wrong length".into()))
}

/// The public keys the study key is wrapped for (for `check --privacy` and `grille encrypt`).
pub fn team_keys(path: &Path) -> Result<Vec<String>> {
    team_keys_in(path, &fs::read(path)?)
}

/// The public keys listed in `bytes`, the content of `path`.
pub(super) fn team_keys_in(path: &Path, bytes: &[u8]) -> Result<Vec<String>> {
    Ok(parse(path, bytes)?.team_keys)
}

/// Whether two public keys of the team are the same key: an SSH key's comment (its third
/// word, often `user@host`) does not count.
pub fn same_key(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .take(2)
        .eq(b.split_whitespace().take(2))
}

/// An SSH public key's comment (`camille@poste-2`), if it has one.
pub fn comment(key: &str) -> Option<&str> {
    let mut words = key.trim().splitn(3, char::is_whitespace);
    words.nth(2).map(str::trim).filter(|c| !c.is_empty())
}

fn seal<'a>(
    key: &StudyKey,
    recipients: impl Iterator<Item = &'a dyn age::Recipient>,
) -> std::result::Result<String, String> {
    let encryptor = age::Encryptor::with_recipients(recipients).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let armored =
        ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(|e| e.to_string())?;
    let mut writer = encryptor.wrap_output(armored).map_err(|e| e.to_string())?;
    writer.write_all(key.bytes()).map_err(|e| e.to_string())?;
    writer
        .finish()
        .and_then(|armored| armored.finish())
        .map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("armour is ASCII"))
}

enum Failure {
    /// None of the identities opens it: a wrong passphrase, a key not of the team.
    NotForUs,
    Damaged(String),
}

fn open<'a>(
    armored: &str,
    identities: impl Iterator<Item = &'a dyn age::Identity>,
) -> std::result::Result<Zeroizing<Vec<u8>>, Failure> {
    let decryptor = age::Decryptor::new(ArmoredReader::new(armored.as_bytes()))
        .map_err(|e| Failure::Damaged(e.to_string()))?;
    let mut reader = decryptor.decrypt(identities).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Failure::NotForUs
        }
        other => Failure::Damaged(other.to_string()),
    })?;
    let mut bytes = Zeroizing::new(Vec::new());
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Damaged(e.to_string()))?;
    Ok(bytes)
}

/// The private keys in an identity file: an age identity file, or an SSH private key (its
/// passphrase, if it has one, asked in the terminal).
fn identities(path: &Path) -> std::result::Result<Vec<Box<dyn age::Identity>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if text.contains("-----BEGIN") {
        let name = path.display().to_string();
        let identity = age::ssh::Identity::from_buffer(BufReader::new(text.as_bytes()), Some(name))
            .map_err(|e| e.to_string())?;
        if let age::ssh::Identity::Unsupported(kind) = &identity {
            return Err(format!("{kind:?}"));
        }
        return Ok(vec![Box::new(identity.with_callbacks(Terminal))]);
    }
    age::IdentityFile::from_buffer(BufReader::new(text.as_bytes()))
        .map_err(|e| e.to_string())?
        .into_identities()
        .map_err(|e| e.to_string())
}

/// Asks in the terminal what an encrypted SSH key needs (its own passphrase).
#[derive(Clone)]
struct Terminal;

impl age::Callbacks for Terminal {
    fn display_message(&self, message: &str) {
        eprintln!("{message}");
    }

    fn confirm(&self, _message: &str, _yes: &str, _no: Option<&str>) -> Option<bool> {
        None
    }

    fn request_public_string(&self, _description: &str) -> Option<String> {
        None
    }

    fn request_passphrase(&self, description: &str) -> Option<SecretString> {
        rpassword::prompt_password(format!("{description}: "))
            .ok()
            .map(SecretString::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn protection(passphrase: &str, team: Vec<String>) -> Protection {
        Protection {
            passphrase: SecretString::from(passphrase.to_owned()),
            team,
            work_factor: Some(10),
        }
    }

    #[test]
    fn the_passphrase_and_a_team_key_open_it_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let member = age::x25519::Identity::generate();
        let stranger = age::x25519::Identity::generate();
        let key = StudyKey::generate();
        let bytes = wrap(
            &key,
            &protection(
                "correct horse battery",
                vec![member.to_public().to_string()],
            ),
        )
        .unwrap();
        let path = tmp.path().join(KEY_FILE);
        std::fs::write(&path, &bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("correct horse"));

        let by_passphrase = unwrap(
            &path,
            &Unlock::Passphrase(SecretString::from("correct horse battery".to_owned())),
        )
        .unwrap();
        assert_eq!(by_passphrase.bytes(), key.bytes());
        let identity_file = tmp.path().join("member.txt");
        std::fs::write(&identity_file, member.to_string().expose_secret()).unwrap();
        let by_member = unwrap(&path, &Unlock::Identity(identity_file)).unwrap();
        assert_eq!(by_member.bytes(), key.bytes());

        let wrong = unwrap(
            &path,
            &Unlock::Passphrase(SecretString::from("incorrect horse".to_owned())),
        );
        assert!(matches!(wrong, Err(StoreError::WrongKey { .. })));
        let stranger_file = tmp.path().join("stranger.txt");
        std::fs::write(&stranger_file, stranger.to_string().expose_secret()).unwrap();
        assert!(matches!(
            unwrap(&path, &Unlock::Identity(stranger_file)),
            Err(StoreError::WrongKey { .. })
        ));
    }

    /// The armored age file with its scrypt stanza's work factor set to `log_n`.
    fn with_work_factor(armored: &str, log_n: u8) -> String {
        use base64::Engine;
        use base64::engine::general_purpose::STANDARD;
        let body: String = armored
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let raw = STANDARD.decode(body).unwrap();
        let header_end = raw.windows(4).position(|w| w == b"\n---").unwrap();
        let header = String::from_utf8(raw[..header_end].to_vec()).unwrap();
        let stanza = header
            .lines()
            .find(|l| l.starts_with("-> scrypt "))
            .unwrap();
        let mut words: Vec<&str> = stanza.split(' ').collect();
        let log_n = log_n.to_string();
        *words.last_mut().unwrap() = &log_n;
        let mut out = header.replace(stanza, &words.join(" ")).into_bytes();
        out.extend_from_slice(&raw[header_end..]);
        let encoded = STANDARD.encode(out);
        let lines: Vec<&str> = encoded
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN AGE ENCRYPTED FILE-----\n{}\n-----END AGE ENCRYPTED FILE-----\n",
            lines.join("\n")
        )
    }

    #[test]
    fn a_key_file_asking_for_more_work_than_any_machine_sets_is_damaged_not_a_crash() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(KEY_FILE);
        let bytes = wrap(
            &StudyKey::generate(),
            &protection("correct horse battery", vec![]),
        )
        .unwrap();
        let mut file: KeyFile = serde_json::from_slice(&bytes).unwrap();
        let unlock = Unlock::Passphrase(SecretString::from("correct horse battery".to_owned()));
        // The same file, its work factor said again, still opens: the edit is sound.
        file.passphrase = with_work_factor(&file.passphrase, 10);
        std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();
        assert!(unwrap(&path, &unlock).is_ok());
        // 30: scrypt would ask for 1 TiB of memory (the process aborted).
        file.passphrase = with_work_factor(&file.passphrase, 30);
        std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();
        let started = std::time::Instant::now();
        let refused = unwrap(&path, &unlock);
        assert!(
            matches!(&refused, Err(StoreError::KeyFile { .. })),
            "{:?}",
            refused.err()
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_team_key_that_is_not_one_is_named() {
        let bad = vec!["age1nope".to_owned()];
        let (key, _why) = check_team(&bad).unwrap_err();
        assert_eq!(key, "age1nope");
        assert!(
            check_team(&[
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsKLqeplhpW+uObz5dvMgjz1OxfM/XXUB1VHtZ8uOY2"
                    .to_owned()
            ])
            .is_ok()
        );
    }
}
