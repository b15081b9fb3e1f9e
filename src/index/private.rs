//! The index folder as tantivy sees it, with every file private (`0600`) whatever the umask:
//! the index stores the full text of every transcript and the respondents' pseudonyms.
//!
//! tantivy's own directory creates segment and lock files with the process's default mode
//! (`0644`, `0666` under `umask 000`); this wrapper narrows each file as soon as it exists. The
//! folder itself is `0700`, so nobody else can open a file in the moment before.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

use crate::store::fs::make_private_file;

#[derive(Clone, Debug)]
pub(super) struct PrivateDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl PrivateDirectory {
    /// Opens the folder at `root` (which must exist) and narrows what it already holds: an
    /// index written by an older grille, or copied without its modes.
    pub fn open(root: &Path) -> Result<Self, OpenDirectoryError> {
        let inner = MmapDirectory::open(root)?;
        if let Ok(entries) = std::fs::read_dir(root) {
            for entry in entries.flatten() {
                if entry.file_type().is_ok_and(|t| t.is_file()) {
                    let _ = make_private_file(&entry.path());
                }
            }
        }
        Ok(PrivateDirectory {
            inner,
            root: root.to_path_buf(),
        })
    }

    fn narrow(&self, path: &Path) -> io::Result<()> {
        make_private_file(&self.root.join(path)).map_err(io::Error::other)
    }
}

impl Directory for PrivateDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let writer = self.inner.open_write(path)?;
        self.narrow(path)
            .map_err(|e| OpenWriteError::wrap_io_error(e, path.to_path_buf()))?;
        Ok(writer)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)?;
        self.narrow(path)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        let held = self.inner.acquire_lock(lock)?;
        self.narrow(&lock.filepath)
            .map_err(LockError::wrap_io_error)?;
        Ok(held)
    }

    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(callback)
    }
}
