//! The few file operations a study needs, done so that nothing is lost or exposed: private
//! permissions (the material is sensitive), atomic replacement, fsync before acknowledging.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::error::{IoContext, Result, StoreError};

/// Creates a folder (and its parents) readable by its owner only.
pub fn create_private_dir(path: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path).at(path)
}

/// Creates a new folder readable by its owner only, failing if anything has that name.
pub fn create_new_private_dir(path: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path).at(path)
}

/// Restricts an existing folder to its owner.
pub fn make_private(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).at(dir)?;
    }
    Ok(())
}

/// Restricts an existing file to its owner (`0600`): for files made by code that does not let
/// us choose their mode at creation (tantivy's).
pub fn make_private_file(file: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(file, fs::Permissions::from_mode(0o600)).at(file)?;
    }
    Ok(())
}

/// Options that create files readable and writable by their owner only.
pub fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Opens a file of the study with `options`, refusing what grille must never open: a symbolic
/// link (not followed, so that nothing is read or written outside the study), a FIFO (which
/// would block), a folder or a device.
pub fn open_regular(path: &Path, options: &OpenOptions) -> Result<File> {
    let mut options = options.clone();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if is_symlink(path) => {
            let _ = e;
            return Err(StoreError::Symlink {
                path: path.to_path_buf(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
            return Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                what: "folder",
            });
        }
        Err(e) => return Err(e).at(path),
    };
    let kind = file.metadata().at(path)?.file_type();
    match what_it_is(&kind) {
        None => Ok(file),
        Some(what) => Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            what,
        }),
    }
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// `None` for a regular file, else what it is, in words.
pub(super) fn what_it_is(kind: &fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        return None;
    }
    Some(if kind.is_dir() {
        "folder"
    } else if kind.is_symlink() {
        "symbolic link"
    } else {
        #[cfg(unix)]
        if kind.is_fifo() {
            return Some("named pipe (FIFO)");
        } else if kind.is_block_device() || kind.is_char_device() {
            return Some("device");
        } else if kind.is_socket() {
            return Some("socket");
        }
        "special file"
    })
}

/// Reads a whole file of the study (see [`open_regular`]).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let mut file = open_regular(path, OpenOptions::new().read(true))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes).at(path)?;
    Ok(bytes)
}

/// Reads a file that may be missing.
pub fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(StoreError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What is at `path` must be absent or a regular file before grille replaces or creates it.
fn check_target(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) => match what_it_is(&meta.file_type()) {
            None => Ok(()),
            Some(_) if meta.file_type().is_symlink() => Err(StoreError::Symlink {
                path: path.to_path_buf(),
            }),
            Some(what) => Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                what,
            }),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).at(path),
    }
}

/// The prefix and suffix of grille's temporary files: what a crash can leave behind.
pub const TEMP_PREFIX: &str = ".grille-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file beside `path` holding `bytes`, fsynced. Errors name `path`.
fn staged(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = parent(path);
    // tempfile creates the file with mode 0600.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .at(path)?;
    tmp.write_all(bytes).at(path)?;
    tmp.as_file().sync_all().at(path)?;
    Ok(tmp)
}

/// Replaces `path` with `bytes` atomically: a reader or a crash sees the old file or the new
/// one, never a mix. Temp file in the same folder, fsync, rename, fsync the folder. A symbolic
/// link or a special file at `path` is refused, never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    check_target(path)?;
    let tmp = staged(path, bytes)?;
    tmp.persist(path).map_err(|e| e.error).at(path)?;
    sync_dir(parent(path))
}

/// Creates a new file with `bytes`, failing if it exists, durably. The file appears whole or
/// not at all: a full disk leaves no empty or cut file behind.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    check_target(path)?;
    let tmp = staged(path, bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error).at(path)?;
    sync_dir(parent(path))
}

/// Removes grille's temporary files in `dir` last modified before `before`: leftovers of a
/// process killed while it wrote. Returns what was removed.
pub fn remove_leftovers(dir: &Path, before: std::time::SystemTime) -> Vec<std::path::PathBuf> {
    let mut removed = Vec::new();
    for path in leftovers(dir) {
        let old = fs::symlink_metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < before);
        if old && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    if !removed.is_empty() {
        let _ = sync_dir(dir);
    }
    removed
}

/// The moment before which a temporary file of grille's is a crash leftover, not a write under
/// way: a write takes less than a few seconds, and one from a moment ago may be another
/// process's. For every folder grille writes into: the study's, and the one an export goes to.
pub fn settled() -> std::time::SystemTime {
    std::time::SystemTime::now() - std::time::Duration::from_secs(10)
}

/// grille's temporary files in `dir` (regular files named `.grille-*.tmp`).
pub fn leftovers(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX))
        })
        .collect();
    out.sort();
    out
}

/// Makes every file under `dir` readable by its owner only (files `0600`, folders `0700`),
/// for files written by a library that does not take a mode (the search index).
pub fn restrict_tree(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(dir).at(dir)?;
        if meta.file_type().is_symlink() {
            return Ok(());
        }
        if meta.is_dir() {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).at(dir)?;
            for entry in fs::read_dir(dir).at(dir)? {
                restrict_tree(&entry.at(dir)?.path())?;
            }
        } else if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o600)).at(dir)?;
        }
    }
    Ok(())
}

/// Makes a rename or a removal in `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).at(dir)?;
    Ok(())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn files_and_folders_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        let f = dir.join("x.json");
        write_atomic(&f, b"{}\n").unwrap();
        assert_eq!(mode(&f), 0o600);
        write_atomic(&f, b"[]\n").unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"[]\n");
        assert_eq!(mode(&f), 0o600);
        let g = dir.join("y.json");
        write_new(&g, b"1").unwrap();
        assert_eq!(mode(&g), 0o600);
        assert!(write_new(&g, b"2").is_err());
        assert_eq!(fs::read(&g).unwrap(), b"1");
        // No temp file is left behind.
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn errors_name_the_file_being_written_never_the_temporary_one() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("missing/codebook.json");
        for err in [
            write_atomic(&target, b"{}").unwrap_err(),
            write_new(&target, b"{}").unwrap_err(),
        ] {
            let text = err.to_string();
            assert!(text.starts_with(&target.display().to_string()), "{text}");
            assert!(!text.contains(TEMP_PREFIX), "{text}");
        }
    }

    #[test]
    fn a_link_or_a_fifo_is_never_opened_nor_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside.json");
        fs::write(&outside, b"dehors").unwrap();
        let link = tmp.path().join("s.json");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        assert!(matches!(read(&link), Err(StoreError::Symlink { .. })));
        assert!(matches!(
            write_atomic(&link, b"{}"),
            Err(StoreError::Symlink { .. })
        ));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&outside).unwrap(), b"dehors");
        let fifo = tmp.path().join("f.journal");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        // Would block for ever if it were opened for reading like a file.
        let err = read(&fifo).unwrap_err().to_string();
        assert!(
            err.contains("named pipe (FIFO), not a regular file"),
            "{err}"
        );
        assert!(matches!(
            read(tmp.path()),
            Err(StoreError::NotRegular { .. })
        ));
    }

    #[test]
    fn old_leftovers_go_and_fresh_ones_stay() {
        let tmp = tempfile::tempdir().unwrap();
        let old = tmp.path().join(".grille-abc.tmp");
        let other = tmp.path().join(".autre.tmp");
        fs::write(&old, b"x").unwrap();
        fs::write(&other, b"y").unwrap();
        assert!(remove_leftovers(tmp.path(), std::time::SystemTime::UNIX_EPOCH).is_empty());
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        assert_eq!(
            remove_leftovers(tmp.path(), later),
            std::slice::from_ref(&old)
        );
        assert!(!old.exists() && other.exists(), "only grille's own");
    }
}
