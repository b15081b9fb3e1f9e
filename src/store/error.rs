//! What can go wrong with a study on disk. Every error names the file it is about.

use std::io;
use std::path::PathBuf;

use crate::study::{ChangeError, Problem};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operating-system error on `path` (the file the user knows, never a temporary one),
    /// said in one sentence with what to do. The OS error is not a `source`, so that a chain
    /// of causes does not repeat it.
    #[error("{}", io_sentence(path, error))]
    Io { path: PathBuf, error: io::Error },

    /// A symbolic link inside the study: grille does not follow links there.
    #[error(
        "{}: a symbolic link; grille does not follow links inside a study — replace it with what it points to",
        path.display()
    )]
    Symlink { path: PathBuf },

    /// A FIFO, a folder or a device where a file of the study should be: never opened.
    #[error(
        "{}: a {what}, not a regular file; grille left it alone — move it away",
        path.display()
    )]
    NotRegular { path: PathBuf, what: &'static str },

    /// The file is not valid JSON or not of the expected shape.
    #[error("{}: at {json_path} (line {line}, column {column}): {message}", file.display())]
    Parse {
        file: PathBuf,
        json_path: String,
        line: usize,
        column: usize,
        message: String,
    },

    /// The file parsed but breaks the study's rules (unknown code, offset out of range…).
    #[error("{}: {}", file.display(), list(problems))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },

    /// A journal line before the last one is damaged: not a torn write, so nothing is guessed.
    #[error("{}: line {line}: {message}", file.display())]
    Journal {
        file: PathBuf,
        line: usize,
        message: String,
    },

    #[error("{}: {}", file.display(), locked_sentence(holder.as_ref()))]
    Locked {
        file: PathBuf,
        /// The process holding the lock, as it wrote itself into the lock file.
        holder: Option<super::lock::Holder>,
    },

    #[error("{}: {source}", file.display())]
    Change { file: PathBuf, source: ChangeError },

    #[error("{}: not a grille study (no study.json); create one with `grille init`", path.display())]
    NotAStudy { path: PathBuf },

    #[error("{}: already exists and is not empty", path.display())]
    Exists { path: PathBuf },

    #[error("{}: already exists; it was not overwritten", path.display())]
    FileExists { path: PathBuf },

    #[error("no session {0} in this study")]
    NoSession(String),

    /// An encrypted study opened without its key.
    #[error("{}: the study is encrypted; give its passphrase (asked in a terminal, or GRILLE_PASSPHRASE) or a key of the team (GRILLE_IDENTITY)", path.display())]
    KeyNeeded { path: PathBuf },

    /// The passphrase or the key given opens none of the study key's wrappings.
    #[error("{}: wrong passphrase (or a key the study was not encrypted for); nothing was read or changed", path.display())]
    WrongKey { path: PathBuf },

    /// `study.key` cannot be read as a wrapped study key.
    #[error("{}: the study's key file is damaged ({message}); without it the study cannot be decrypted — restore it from a backup", path.display())]
    KeyFile { path: PathBuf, message: String },

    /// `GRILLE_IDENTITY` names a file that holds no usable private key.
    #[error("{}: not a usable age or SSH private key ({message})", path.display())]
    BadIdentity { path: PathBuf, message: String },

    /// An encrypted file in a study that is not encrypted.
    #[error("{}: this file is encrypted but the study is not (its study.key is missing); grille left it as it is", path.display())]
    Encrypted { path: PathBuf },

    /// A plaintext file in an encrypted study.
    #[error("{}: this file is not encrypted, in an encrypted study (written by a grille that opened the study before it was encrypted?); grille left it as it is", path.display())]
    NotEncrypted { path: PathBuf },

    /// An encrypted file that does not decrypt with the study key.
    #[error("{}: cannot be decrypted (damaged, or encrypted with another study's key); grille left it as it is", path.display())]
    Undecryptable { path: PathBuf },

    /// `grille encrypt` / `decrypt` found files it does not know in the study.
    #[error("{}: not a file of the study; grille encrypts or decrypts the whole study or nothing — move it out of the study folder and try again", path.display())]
    Unknown { path: PathBuf },

    /// `grille encrypt` on an encrypted study, `grille decrypt` on a plain one.
    #[error("{}: {}", path.display(), if *encrypted { "the study is already encrypted" } else { "the study is not encrypted" })]
    AlreadyThere { path: PathBuf, encrypted: bool },

    /// `grille team remove` named a key the study key is not wrapped for, or a name (an SSH
    /// key's comment) that `matches` keys of the team have.
    #[error("{}: {key} is not a key of the team ({matches} keys have this name); nothing was changed", path.display())]
    NotInTeam {
        path: PathBuf,
        key: String,
        matches: usize,
    },
}

impl StoreError {
    /// The same error of the disk, naming `target`: what a write staged elsewhere was making.
    pub fn naming(self, target: &std::path::Path) -> StoreError {
        match self {
            StoreError::Io { error, .. } => StoreError::Io {
                path: target.to_path_buf(),
                error,
            },
            other => other,
        }
    }

    /// The error in the user's language: one sentence naming the file, with what to do.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        let s = t.store;
        let e = t.encryption;
        let show = |p: &std::path::Path| p.display().to_string();
        match self {
            StoreError::Io { path, error } => {
                use io::ErrorKind::*;
                let path = show(path);
                match error.kind() {
                    StorageFull | QuotaExceeded | FileTooLarge => (s.io_full)(&path),
                    PermissionDenied => (s.io_denied)(&path),
                    ReadOnlyFilesystem => (s.io_read_only)(&path),
                    NotFound => (s.io_not_found)(&path),
                    _ => format!("{path} : {}", os_text(error)),
                }
            }
            StoreError::Parse {
                file,
                json_path,
                line,
                column,
                message,
            } => (t.problems.unreadable)(
                &show(file),
                json_path,
                *line,
                *column,
                &(t.problems.json_message)(message),
            ),
            StoreError::Invalid { file, problems } => problems_message(t, &show(file), problems),
            StoreError::Symlink { path } => (s.symlink)(&show(path)),
            StoreError::NotRegular { path, what } => {
                let what = match *what {
                    "folder" => s.a_folder,
                    "named pipe (FIFO)" => s.a_fifo,
                    "device" => s.a_device,
                    _ => s.a_special_file,
                };
                (s.not_regular)(&show(path), what)
            }
            StoreError::Locked { file, holder } => (s.locked)(
                &show(file),
                &holder.as_ref().map(|h| h.describe()).unwrap_or_default(),
            ),
            StoreError::Journal {
                file,
                line,
                message,
            } => (s.journal_damaged)(&show(file), *line, message),
            StoreError::NotAStudy { path } => (s.not_a_study)(&show(path)),
            StoreError::Exists { path } => (s.exists)(&show(path)),
            StoreError::FileExists { path } => (s.file_exists)(&show(path)),
            StoreError::KeyNeeded { path } => (e.key_needed)(&show(path)),
            StoreError::WrongKey { path } => (e.wrong_key)(&show(path)),
            StoreError::Encrypted { path } => (e.encrypted_in_plain)(&show(path)),
            StoreError::NotEncrypted { path } => (e.plain_in_encrypted)(&show(path)),
            StoreError::Undecryptable { path } => (e.undecryptable)(&show(path)),
            StoreError::Unknown { path } => (e.unknown_file)(&show(path)),
            StoreError::KeyFile { path, message } => (e.key_file_damaged)(&show(path), message),
            StoreError::BadIdentity { path, message } => (e.bad_identity)(&show(path), message),
            StoreError::AlreadyThere { path, encrypted } => (e.already)(&show(path), *encrypted),
            StoreError::NotInTeam { path, key, matches } => {
                (t.access.not_in_team)(&show(path), key, *matches)
            }
            other => other.to_string(),
        }
    }
}

/// What an I/O error means for the user, and what to do.
fn io_sentence(path: &std::path::Path, error: &io::Error) -> String {
    use io::ErrorKind::*;
    let path = path.display();
    match error.kind() {
        StorageFull | QuotaExceeded | FileTooLarge => format!(
            "{path}: the disk is full (or your quota is reached), nothing more could be written there; free some space and try again"
        ),
        PermissionDenied => format!(
            "{path}: permission denied; check that this folder belongs to you and can be written"
        ),
        ReadOnlyFilesystem => {
            format!("{path}: the disk is read-only; copy the study to a writable folder")
        }
        NotFound => format!("{path}: no such file or folder"),
        _ => format!("{path}: {}", os_text(error)),
    }
}

/// The OS error without its trailing "(os error N)".
fn os_text(error: &io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn locked_sentence(holder: Option<&super::lock::Holder>) -> String {
    match holder {
        Some(h) => format!(
            "being written by another grille ({}); it is open read-only here",
            h.describe()
        ),
        None => "another grille process is writing this file; it is open read-only here".into(),
    }
}

/// A file's problems in the user's language: on one line if one, else one per line.
fn problems_message(t: &crate::i18n::Texts, file: &str, problems: &[Problem]) -> String {
    match problems {
        [one] => (t.problems.at)(file, &one.message(t)),
        many => {
            let lines: Vec<String> = many
                .iter()
                .map(|p| format!("\n  {}", p.message(t)))
                .collect();
            format!("{}{}", (t.problems.many)(file, many.len()), lines.concat())
        }
    }
}

fn list(problems: &[Problem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let lines: Vec<String> = many.iter().map(|p| format!("\n  {p}")).collect();
            format!("{} problems:{}", many.len(), lines.concat())
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Attaches a path to an I/O error.
pub trait IoContext<T> {
    fn at(self, path: impl Into<PathBuf>) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn at(self, path: impl Into<PathBuf>) -> Result<T> {
        self.map_err(|error| StoreError::Io {
            path: path.into(),
            error,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io(kind: io::ErrorKind) -> StoreError {
        StoreError::Io {
            path: PathBuf::from("etude/sessions/x.json"),
            error: io::Error::from(kind),
        }
    }

    #[test]
    fn a_full_disk_is_one_sentence_naming_the_file_with_what_to_do() {
        let full = StoreError::Io {
            path: PathBuf::from("etude/sessions/x.json"),
            error: io::Error::from_raw_os_error(28), // ENOSPC
        };
        assert_eq!(
            full.to_string(),
            "etude/sessions/x.json: the disk is full (or your quota is reached), nothing more \
             could be written there; free some space and try again"
        );
        // As the front ends show it, with its causes: said once.
        let shown = format!("{:#}", anyhow::Error::from(full));
        assert_eq!(shown.matches("disk is full").count(), 1, "{shown}");
        assert!(!shown.contains("os error"), "{shown}");
        assert!(
            io(io::ErrorKind::PermissionDenied)
                .to_string()
                .contains("permission denied; check")
        );
        assert!(
            io(io::ErrorKind::NotFound)
                .to_string()
                .ends_with("x.json: no such file or folder")
        );
    }

    #[test]
    fn the_user_reads_it_in_their_language() {
        let fr = crate::i18n::Lang::Fr.texts();
        let full = StoreError::Io {
            path: PathBuf::from("etude/sessions/x.json"),
            error: io::Error::from_raw_os_error(28),
        };
        let said = full.message(fr);
        assert!(
            said.starts_with("etude/sessions/x.json : le disque est plein"),
            "{said}"
        );
        let fifo = StoreError::NotRegular {
            path: PathBuf::from("s.journal"),
            what: "named pipe (FIFO)",
        };
        assert_eq!(
            fifo.message(fr),
            "s.journal : un tube nommé (FIFO), pas un fichier ordinaire ; grille n'y a pas touché — déplacez-le"
        );
        let locked = StoreError::Locked {
            file: PathBuf::from("s.json"),
            holder: None,
        };
        assert!(locked.message(fr).contains("lecture seule"));
    }
}
