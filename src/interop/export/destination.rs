//! Where an export's files land. Each is a regular file written atomically and readable by its
//! owner only. A destination is checked before anything is written, and again at the write: an
//! existing file is replaced only when asked (and a file made in the meantime never is); a
//! device, a named pipe or a socket is refused and left as it is (an atomic write replaces what
//! is at the path, and as root that would swap `/dev/null` for a file); a symbolic link is
//! followed to the file it names. Stdout is the front end's to write.

use std::fs::FileType;
use std::io;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use crate::store::{StoreError, fs};

/// What a path is, when it is not a regular file or a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Device,
    Pipe,
    Socket,
}

/// Why an export cannot be written where it was asked to. Each names the path as given.
#[derive(Debug, thiserror::Error)]
pub enum DestinationError {
    #[error("{}: already exists", path.display())]
    Exists { path: PathBuf },
    /// A folder where a file was asked for.
    #[error("{}: is a folder", path.display())]
    Folder { path: PathBuf },
    /// A file where a folder of tables was asked for.
    #[error("{}: is a file, not a folder", path.display())]
    NotFolder { path: PathBuf },
    #[error("{}: is not a regular file ({kind:?})", path.display())]
    Special { path: PathBuf, kind: Special },
    #[error("{}: is a symbolic link to nothing", path.display())]
    Dangling { path: PathBuf },
    #[error("{}: the folder {} does not exist", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// What is at a path.
enum Found {
    Nothing,
    /// A regular file, the link resolved.
    File(PathBuf),
    Folder,
}

/// Checks that a file can be written at `path`: nothing there yet (in a folder that exists), or
/// a regular file when `replace`.
pub fn check_file(path: &Path, replace: bool) -> Result<(), DestinationError> {
    match find(path)? {
        Found::Nothing => Ok(()),
        Found::File(_) if replace => Ok(()),
        Found::File(_) => Err(DestinationError::Exists {
            path: path.to_path_buf(),
        }),
        Found::Folder => Err(DestinationError::Folder {
            path: path.to_path_buf(),
        }),
    }
}

/// Checks that a folder of files can be made or used at `path`.
pub fn check_folder(path: &Path) -> Result<(), DestinationError> {
    match find(path)? {
        Found::Nothing | Found::Folder => Ok(()),
        Found::File(_) => Err(DestinationError::NotFolder {
            path: path.to_path_buf(),
        }),
    }
}

/// Writes `bytes` at `path`, checked again first: a new file by a no-clobber rename, or (when
/// `replace`) the regular file there, through its link.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<(), DestinationError> {
    let found = find(path)?;
    // What an export cut short (a crash, a full disk) left in this folder: a whole copy of a
    // table of the study, removed at the next export there.
    fs::remove_leftovers(folder_of(path), fs::settled());
    let written = match found {
        Found::Nothing => fs::write_new(path, bytes),
        Found::File(file) if replace => fs::write_atomic(&file, bytes),
        Found::File(_) => {
            return Err(DestinationError::Exists {
                path: path.to_path_buf(),
            });
        }
        Found::Folder => {
            return Err(DestinationError::Folder {
                path: path.to_path_buf(),
            });
        }
    };
    written.map_err(|e| match e {
        StoreError::Io { error, .. } if error.kind() == io::ErrorKind::AlreadyExists => {
            DestinationError::Exists {
                path: path.to_path_buf(),
            }
        }
        StoreError::Io { error, .. } => DestinationError::Write {
            path: path.to_path_buf(),
            source: os_error(error),
        },
        other => DestinationError::Write {
            path: path.to_path_buf(),
            source: io::Error::other(other.to_string()),
        },
    })
}

/// The system's error under the temporary file's: tempfile adds the temporary file's path to
/// its errors, and the message must name the file asked for, not `.grille-XXXX.tmp`.
fn os_error(error: io::Error) -> io::Error {
    let code = error.raw_os_error().or_else(|| {
        std::error::Error::source(error.get_ref()?)?
            .downcast_ref::<io::Error>()?
            .raw_os_error()
    });
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => error,
    }
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn find(path: &Path) -> Result<Found, DestinationError> {
    let write_error = |source| DestinationError::Write {
        path: path.to_path_buf(),
        source,
    };
    let here = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let folder = folder_of(path);
            return if folder.is_dir() {
                Ok(Found::Nothing)
            } else {
                Err(DestinationError::NoFolder {
                    path: path.to_path_buf(),
                    folder: folder.to_path_buf(),
                })
            };
        }
        Err(e) => return Err(write_error(e)),
    };
    let (kind, file) = if here.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(meta) => (
                meta.file_type(),
                std::fs::canonicalize(path).map_err(write_error)?,
            ),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(DestinationError::Dangling {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(write_error(e)),
        }
    } else {
        (here.file_type(), path.to_path_buf())
    };
    if kind.is_file() {
        Ok(Found::File(file))
    } else if kind.is_dir() {
        Ok(Found::Folder)
    } else {
        Err(DestinationError::Special {
            path: path.to_path_buf(),
            kind: special(kind),
        })
    }
}

fn special(kind: FileType) -> Special {
    if kind.is_fifo() {
        Special::Pipe
    } else if kind.is_socket() {
        Special::Socket
    } else {
        Special::Device
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_created_or_replaced_when_asked_only() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("f.csv");
        check_file(&new, false).unwrap();
        write_file(&new, b"a", false).unwrap();
        assert_eq!(std::fs::read(&new).unwrap(), b"a");
        // Made in the meantime: not replaced.
        let err = write_file(&new, b"b", false).unwrap_err();
        assert!(matches!(err, DestinationError::Exists { .. }), "{err}");
        assert!(matches!(
            check_file(&new, false),
            Err(DestinationError::Exists { .. })
        ));
        check_file(&new, true).unwrap();
        write_file(&new, b"c", true).unwrap();
        assert_eq!(std::fs::read(&new).unwrap(), b"c");
        assert!(matches!(
            check_folder(&new),
            Err(DestinationError::NotFolder { .. })
        ));
    }

    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_file(&link, b"new", true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let nowhere = dir.path().join("nowhere.csv");
        std::os::unix::fs::symlink(dir.path().join("absent"), &nowhere).unwrap();
        assert!(matches!(
            check_file(&nowhere, true),
            Err(DestinationError::Dangling { .. })
        ));
    }

    #[test]
    fn folders_devices_and_missing_folders_are_refused_for_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            check_file(dir.path(), true),
            Err(DestinationError::Folder { .. })
        ));
        check_folder(dir.path()).unwrap();
        let absent = dir.path().join("absent/f.csv");
        assert!(matches!(
            check_file(&absent, true),
            Err(DestinationError::NoFolder { folder, .. }) if folder == dir.path().join("absent")
        ));
        assert!(matches!(
            check_file(Path::new("/dev/null"), true),
            Err(DestinationError::Special {
                kind: Special::Device,
                ..
            })
        ));
    }
}
