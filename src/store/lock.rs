//! Advisory locks: one writer per file. The operating system releases a lock when its process
//! dies, so a lock file left behind by a crash is harmless. (std's `File::try_lock`, an
//! `flock` on Unix, does what fs4 did before it was in std.)

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use super::error::{IoContext, Result, StoreError};
use super::fs::private_options;

/// Held while a process writes; dropped, it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock at `path`, or fails at once with [`StoreError::Locked`] naming `guarded`,
    /// the file the lock protects.
    pub fn acquire(path: &Path, guarded: &Path) -> Result<Lock> {
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .at(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Lock {
                _file: file,
                path: path.to_path_buf(),
            }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                file: guarded.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(e).at(path),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let tmp = tempfile::tempdir().unwrap();
        let lock = tmp.path().join("s.lock");
        let guarded = tmp.path().join("s.json");
        let first = Lock::acquire(&lock, &guarded).unwrap();
        let second = Lock::acquire(&lock, &guarded).unwrap_err();
        assert!(matches!(second, StoreError::Locked { .. }));
        assert!(
            second
                .to_string()
                .contains("s.json: another grille process")
        );
        drop(first);
        assert!(Lock::acquire(&lock, &guarded).is_ok());
    }
}
