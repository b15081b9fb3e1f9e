//! The few file operations a study needs, done so that nothing is lost or exposed: private
//! permissions (the material is sensitive), atomic replacement, fsync before acknowledging.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::error::{IoContext, Result};

/// Creates a folder (and its parents) readable by its owner only.
pub fn create_private_dir(path: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
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

/// Replaces `path` with `bytes` atomically: a reader or a crash sees the old file or the new
/// one, never a mix. Temp file in the same folder, fsync, rename, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent(path);
    // tempfile creates the file with mode 0600.
    let mut tmp = tempfile::Builder::new()
        .prefix(".grille-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .at(dir)?;
    tmp.write_all(bytes).at(tmp.path().to_path_buf())?;
    tmp.as_file().sync_all().at(tmp.path().to_path_buf())?;
    tmp.persist(path).map_err(|e| e.error).at(path)?;
    sync_dir(dir)
}

/// Creates a new file with `bytes`, failing if it exists, durably.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = private_options()
        .write(true)
        .create_new(true)
        .open(path)
        .at(path)?;
    file.write_all(bytes).at(path)?;
    file.sync_all().at(path)?;
    sync_dir(parent(path))
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
}
