//! What can go wrong with the index. A damaged index is never an error the user sees: it is
//! rebuilt from the sessions. What remains is the study itself failing to read, the disk, or
//! another process writing the index.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),

    /// Said once: the error is not also given as the source, which `{:#}` would repeat.
    #[error("search index ({path}): {error}")]
    Tantivy {
        path: String,
        error: tantivy::TantivyError,
    },

    /// Another grille process holds the index writer (it is indexing): try again shortly.
    #[error("the search index is being updated by another grille process; try again in a moment")]
    Busy,
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

impl IndexError {
    /// A tantivy error on the index at `path`. The disk failing under it (full, read-only, not
    /// ours) is the study folder's error, said as such in the user's language and naming the
    /// index folder, not one of tantivy's temporary files.
    pub fn tantivy(path: &std::path::Path, error: tantivy::TantivyError) -> IndexError {
        use std::io::ErrorKind::*;
        if let tantivy::TantivyError::LockFailure(
            tantivy::directory::error::LockError::LockBusy,
            _,
        ) = error
        {
            return IndexError::Busy;
        }
        match io_kind(&error) {
            Some(
                kind @ (StorageFull | QuotaExceeded | FileTooLarge | PermissionDenied
                | ReadOnlyFilesystem),
            ) => IndexError::Store(StoreError::Io {
                path: path.to_path_buf(),
                error: std::io::Error::from(kind),
            }),
            _ => IndexError::Tantivy {
                path: path.display().to_string(),
                error,
            },
        }
    }

    /// The study folder's error under this one, if any.
    pub fn store(&self) -> Option<&StoreError> {
        match self {
            IndexError::Store(e) => Some(e),
            _ => None,
        }
    }
}

/// The kind of the system error under a tantivy error, if it is one (tantivy keeps them behind
/// an `Arc`, not as the error's source).
fn io_kind(error: &tantivy::TantivyError) -> Option<std::io::ErrorKind> {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::{OpenDirectoryError, OpenReadError, OpenWriteError};
    Some(match error {
        T::IoError(e) => e.kind(),
        T::OpenWriteError(OpenWriteError::IoError { io_error, .. })
        | T::OpenReadError(OpenReadError::IoError { io_error, .. })
        | T::OpenDirectoryError(OpenDirectoryError::IoError { io_error, .. }) => io_error.kind(),
        _ => return None,
    })
}

/// Attaches the index folder to a tantivy error.
pub(crate) trait AtIndex<T> {
    fn at_index(self, path: &std::path::Path) -> Result<T>;
}

impl<T> AtIndex<T> for tantivy::Result<T> {
    fn at_index(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|error| IndexError::tantivy(path, error))
    }
}
