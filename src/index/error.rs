//! What can go wrong with the index. A damaged index is never an error the user sees: it is
//! rebuilt from the sessions. What remains is the study itself failing to read, the disk, or
//! another process writing the index.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("search index ({path}): {source}")]
    Tantivy {
        path: String,
        #[source]
        source: tantivy::TantivyError,
    },

    /// Another grille process holds the index writer (it is indexing): try again shortly.
    #[error("the search index is being updated by another grille process; try again in a moment")]
    Busy,
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

/// Attaches the index folder to a tantivy error.
pub(crate) trait AtIndex<T> {
    fn at_index(self, path: &std::path::Path) -> Result<T>;
}

impl<T> AtIndex<T> for tantivy::Result<T> {
    fn at_index(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|source| match source {
            tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            ) => IndexError::Busy,
            source => IndexError::Tantivy {
                path: path.display().to_string(),
                source,
            },
        })
    }
}
