//! Encryption at rest: the one layer between the store and the disk that turns a study's bytes
//! into ciphertext and back. The store holds a [`Codec`] (plaintext by default) and passes every
//! whole file it reads or writes, and every journal record it appends, through it; nothing
//! above the store knows whether a study is encrypted.
//!
//! An encrypted study has a random 256-bit study key (wrapped with age in `study.key`, see
//! [`super::keys`]). Each file is `MAGIC`, a random 192-bit nonce and the XChaCha20-Poly1305
//! ciphertext of its bytes; each journal record is one line, `~` and the base64 of a nonce
//! and the ciphertext of the record, so the journal stays append-only and a record cut short by
//! a crash fails its authentication and is the torn last line it always was. The file's name
//! is authenticated with its content: a session's file copied over another's is refused.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use super::error::{Result, StoreError};
use super::fs;

/// How an encrypted file starts: says what it is to a person who opens it, and lets a plain
/// study refuse an encrypted file (and the other way round) with a clear message.
pub const MAGIC: &[u8] = b"grille-encrypted-v1\n";

/// How an encrypted journal record starts (a plain one starts with `{`).
const LINE_MARK: u8 = b'~';

const NONCE_LEN: usize = 24;

/// The key every file of an encrypted study is encrypted with. Wiped from memory when dropped;
/// never written anywhere but wrapped in `study.key`.
pub struct StudyKey(Zeroizing<[u8; 32]>);

impl StudyKey {
    /// A new random key, from the operating system's generator.
    pub fn generate() -> StudyKey {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        let mut bytes = Zeroizing::new([0u8; 32]);
        bytes.copy_from_slice(&key);
        StudyKey(bytes)
    }

    /// A key from its 32 bytes (as unwrapped from `study.key`).
    pub fn from_bytes(bytes: &[u8]) -> Option<StudyKey> {
        let mut key = Zeroizing::new([0u8; 32]);
        (bytes.len() == 32).then(|| {
            key.copy_from_slice(bytes);
            StudyKey(key)
        })
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.0[..]
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_ref().into())
    }
}

/// What the store does to the bytes of a study's files.
#[derive(Clone, Default)]
pub enum Codec {
    /// A study in plaintext: bytes go to the disk as they are.
    #[default]
    Plain,
    /// An encrypted study opened without its key yet: every read and write is refused.
    Locked,
    /// An encrypted study with its key.
    Sealed(Arc<StudyKey>),
}

impl std::fmt::Debug for Codec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Codec::Plain => "Plain",
            Codec::Locked => "Locked",
            Codec::Sealed(_) => "Sealed",
        })
    }
}

/// Two codecs are the same when they encrypt alike (the same key, or none).
impl PartialEq for Codec {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Codec::Plain, Codec::Plain) | (Codec::Locked, Codec::Locked) => true,
            (Codec::Sealed(a), Codec::Sealed(b)) => a.bytes() == b.bytes(),
            _ => false,
        }
    }
}

impl Codec {
    pub fn sealed(key: StudyKey) -> Codec {
        Codec::Sealed(Arc::new(key))
    }

    /// Whether the study's files are encrypted (with the key at hand or not).
    pub fn is_encrypted(&self) -> bool {
        !matches!(self, Codec::Plain)
    }

    /// Reads a whole file of the study and gives back its plaintext.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>> {
        self.key(path)?;
        self.open(path, fs::read(path)?)
    }

    /// Replaces a file of the study atomically with `plain`, encrypted if the study is.
    pub fn write_atomic(&self, path: &Path, plain: &[u8]) -> Result<()> {
        fs::write_atomic(path, &self.seal(path, plain)?)
    }

    /// Creates a file of the study (which must not exist) holding `plain`.
    pub fn write_new(&self, path: &Path, plain: &[u8]) -> Result<()> {
        fs::write_new(path, &self.seal(path, plain)?)
    }

    /// The bytes to write for a whole file holding `plain`.
    pub fn seal<'a>(&self, path: &Path, plain: &'a [u8]) -> Result<Cow<'a, [u8]>> {
        let Some(key) = self.key(path)? else {
            return Ok(Cow::Borrowed(plain));
        };
        let aad = aad(b"file:", path);
        let (nonce, sealed) = encrypt(key, plain, &aad);
        let mut out = Vec::with_capacity(MAGIC.len() + NONCE_LEN + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(Cow::Owned(out))
    }

    /// The plaintext of a whole file as read from the disk.
    pub fn open(&self, path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>> {
        let encrypted = bytes.starts_with(MAGIC);
        let Some(key) = self.key(path)? else {
            return match encrypted {
                true => Err(StoreError::Encrypted {
                    path: path.to_path_buf(),
                }),
                false => Ok(bytes),
            };
        };
        if !encrypted {
            return Err(StoreError::NotEncrypted {
                path: path.to_path_buf(),
            });
        }
        let rest = &bytes[MAGIC.len()..];
        let undecryptable = || StoreError::Undecryptable {
            path: path.to_path_buf(),
        };
        if rest.len() < NONCE_LEN {
            return Err(undecryptable());
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        decrypt(key, nonce, sealed, &aad(b"file:", path)).ok_or_else(undecryptable)
    }

    /// One journal record as the line to append (without its newline).
    pub fn seal_line<'a>(&self, path: &Path, record: &'a [u8]) -> Result<Cow<'a, [u8]>> {
        let Some(key) = self.key(path)? else {
            return Ok(Cow::Borrowed(record));
        };
        let (nonce, sealed) = encrypt(key, record, &aad(b"record:", path));
        let mut both = nonce.to_vec();
        both.extend_from_slice(&sealed);
        let mut line = vec![LINE_MARK];
        line.extend_from_slice(STANDARD.encode(both).as_bytes());
        Ok(Cow::Owned(line))
    }

    /// The record a journal line holds (without its newline); `None` when the line cannot be
    /// decrypted: torn by a crash if it is the last one, damaged otherwise.
    pub fn open_line<'a>(&self, path: &Path, line: &'a [u8]) -> Result<Option<Cow<'a, [u8]>>> {
        let Some(key) = self.key(path)? else {
            if line.first() == Some(&LINE_MARK) {
                return Err(StoreError::Encrypted {
                    path: path.to_path_buf(),
                });
            }
            return Ok(Some(Cow::Borrowed(line)));
        };
        let Some(encoded) = line.strip_prefix(&[LINE_MARK]) else {
            return Ok(None);
        };
        let Ok(both) = STANDARD.decode(encoded) else {
            return Ok(None);
        };
        if both.len() < NONCE_LEN {
            return Ok(None);
        }
        let (nonce, sealed) = both.split_at(NONCE_LEN);
        Ok(decrypt(key, nonce, sealed, &aad(b"record:", path)).map(Cow::Owned))
    }

    /// The key, `None` for a plain study; a locked study refuses.
    fn key(&self, path: &Path) -> Result<Option<&StudyKey>> {
        match self {
            Codec::Plain => Ok(None),
            Codec::Sealed(key) => Ok(Some(key)),
            Codec::Locked => Err(StoreError::KeyNeeded {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// What is authenticated with a file's content: its kind and its name, without the suffix a
/// journal gets when it is set aside (`x.journal.torn-…` still reads as `x.journal`).
fn aad(kind: &[u8], path: &Path) -> Vec<u8> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.split(".torn-").next().unwrap_or_default();
    [kind, name.as_bytes()].concat()
}

fn encrypt(key: &StudyKey, plain: &[u8], aad: &[u8]) -> ([u8; NONCE_LEN], Vec<u8>) {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let sealed = key
        .cipher()
        .encrypt(&nonce, Payload { msg: plain, aad })
        .expect("XChaCha20-Poly1305 encrypts any message that fits in memory");
    (nonce.into(), sealed)
}

fn decrypt(key: &StudyKey, nonce: &[u8], sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
    key.cipher()
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Codec {
        Codec::sealed(StudyKey::generate())
    }

    #[test]
    fn a_file_reads_back_and_holds_none_of_its_words() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("codebook.json");
        let codec = sealed();
        codec
            .write_new(&path, b"{\"name\": \"Zanzibarite\"}")
            .unwrap();
        let on_disk = std::fs::read(&path).unwrap();
        assert!(on_disk.starts_with(MAGIC));
        assert!(!on_disk.windows(11).any(|w| w == b"Zanzibarite"));
        assert_eq!(codec.read(&path).unwrap(), b"{\"name\": \"Zanzibarite\"}");
    }

    #[test]
    fn another_key_a_flipped_bit_or_another_name_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.json");
        let codec = sealed();
        codec.write_new(&path, b"secret").unwrap();
        assert!(matches!(
            sealed().read(&path),
            Err(StoreError::Undecryptable { .. })
        ));
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(codec.open(&path, bytes).is_err());
        // The same bytes under another session's name.
        let other = tmp.path().join("b.json");
        std::fs::copy(&path, &other).unwrap();
        assert!(matches!(
            codec.read(&other),
            Err(StoreError::Undecryptable { .. })
        ));
    }

    #[test]
    fn plain_and_encrypted_files_are_never_taken_for_each_other() {
        let tmp = tempfile::tempdir().unwrap();
        let plain = tmp.path().join("p.json");
        let secret = tmp.path().join("s.json");
        Codec::Plain.write_new(&plain, b"{}").unwrap();
        let codec = sealed();
        codec.write_new(&secret, b"{}").unwrap();
        assert!(matches!(
            Codec::Plain.read(&secret),
            Err(StoreError::Encrypted { .. })
        ));
        assert!(matches!(
            codec.read(&plain),
            Err(StoreError::NotEncrypted { .. })
        ));
        assert!(matches!(
            Codec::Locked.read(&secret),
            Err(StoreError::KeyNeeded { .. })
        ));
    }

    #[test]
    fn a_record_is_one_line_and_a_cut_one_does_not_open() {
        let path = Path::new("s.journal");
        let codec = sealed();
        let line = codec.seal_line(path, b"{\"rev\":1}").unwrap().into_owned();
        assert!(!line.contains(&b'\n'));
        let opened = codec.open_line(path, &line).unwrap().unwrap();
        assert_eq!(&opened[..], b"{\"rev\":1}");
        for cut in [1, line.len() / 2, line.len() - 1] {
            assert!(codec.open_line(path, &line[..cut]).unwrap().is_none());
        }
        // The aside copy of a journal still opens.
        let aside = Path::new("s.journal.torn-20260101T000000");
        assert!(codec.open_line(aside, &line).unwrap().is_some());
    }
}
