//! What `grille check --privacy` looks for on disk: files and folders of the study readable by
//! others, and plain copies of its material lying in it (editor backups, exports saved in the
//! folder, the search index).

use std::path::{Path, PathBuf};

use super::StudyDir;

/// What the study folder shows.
#[derive(Debug, Default, PartialEq)]
pub struct FileAudit {
    /// Files wider than 0600, folders wider than 0700, with their mode.
    pub wide: Vec<(PathBuf, u32)>,
    /// Backups, copies, exports and leftovers inside the study folder.
    pub copies: Vec<PathBuf>,
    /// The search index folder, when there is one (a plain copy of the transcripts).
    pub index: Option<PathBuf>,
    /// Whether the study's files are encrypted at rest.
    pub encrypted: bool,
}

/// Extensions and endings of what is a copy, not a file of the study.
const COPY_ENDINGS: &[&str] = &[
    "~", ".bak", ".orig", ".old", ".swp", ".tmp", ".csv", ".xlsx", ".ods", ".md", ".txt", ".docx",
    ".odt", ".pdf", ".qdpx", ".zip", ".svg", ".html",
];

/// Walks the study folder (links are not followed).
pub fn audit(dir: &StudyDir) -> FileAudit {
    let mut found = FileAudit {
        encrypted: dir.is_encrypted(),
        ..FileAudit::default()
    };
    let index = dir.paths().index_dir();
    if index.is_dir() {
        found.index = Some(index.clone());
    }
    walk(dir.root(), &index, &mut found);
    found.wide.sort();
    found.copies.sort();
    found
}

/// Whether `file` (a key table) is readable by others: its mode when it is.
pub fn wide_file(file: &Path) -> Option<u32> {
    mode(file).filter(|m| m & 0o077 != 0)
}

fn mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn walk(folder: &Path, index: &Path, found: &mut FileAudit) {
    if let Some(m) = mode(folder).filter(|m| m & 0o077 != 0) {
        found.wide.push((folder.to_path_buf(), m));
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, index, found);
        } else if kind.is_file() {
            if let Some(m) = mode(&path).filter(|m| m & 0o077 != 0) {
                found.wide.push((path.clone(), m));
            }
            let name = entry.file_name().to_string_lossy().to_lowercase();
            let in_index = path.starts_with(index);
            let is_copy = COPY_ENDINGS.iter().any(|e| name.ends_with(e))
                || name.contains("copie")
                || name.contains(" copy")
                || name.contains("(1)");
            if is_copy && !in_index && name != "readme.md" {
                found.copies.push(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn wide_modes_and_copies_are_found() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("etude");
        let dir = StudyDir::create(&root, &crate::store::template::DIAGNOSTIC, false).unwrap();
        std::fs::set_permissions(
            root.join("study.json"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        for (file, text) in [("sessions/x.json~", "{}"), ("frequences.csv", "a;b")] {
            std::fs::write(root.join(file), text).unwrap();
            std::fs::set_permissions(root.join(file), std::fs::Permissions::from_mode(0o644))
                .unwrap();
        }
        let found = audit(&dir);
        // Written with the test's umask (0644), like a file copied in by hand.
        assert_eq!(
            found.wide,
            [
                (root.join("frequences.csv"), 0o644),
                (root.join("sessions/x.json~"), 0o644),
                (root.join("study.json"), 0o644)
            ]
        );
        assert_eq!(
            found.copies,
            [root.join("frequences.csv"), root.join("sessions/x.json~")]
        );
        assert!(!found.encrypted);
    }
}
