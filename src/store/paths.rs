//! Where things are: the files of a study folder, the default study, the user's preferences.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::cipher::Codec;
use super::journaled::DocPaths;
use crate::study::SessionId;

/// The environment variable naming the study folder when `--study` is not given.
pub const STUDY_ENV: &str = "GRILLE_STUDY";

/// The name of the study's changes mark, in its root.
pub const CHANGES_MARK: &str = ".sessions-changed";

/// The study's own layout of `grille report` (a minijinja template of Markdown), in its root.
pub const REPORT_TEMPLATE: &str = "report-template.md";
/// The study's own stylesheet of the HTML report, in its root.
pub const REPORT_STYLE: &str = "report.css";

/// The files of one study folder.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyPaths {
    root: PathBuf,
    /// How the study's files are written (see [`super::cipher`]): in clear by default.
    codec: Codec,
}

impl StudyPaths {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self::with_codec(root, Codec::Plain)
    }

    pub fn with_codec(root: impl Into<PathBuf>, codec: Codec) -> Self {
        StudyPaths {
            root: root.into(),
            codec,
        }
    }

    pub fn codec(&self) -> &Codec {
        &self.codec
    }

    /// A document of the study at `file`, written with the study's codec.
    fn doc(&self, file: PathBuf) -> DocPaths {
        DocPaths {
            codec: self.codec.clone(),
            ..DocPaths::beside(file)
        }
    }

    /// The study's key file (present when the study is encrypted).
    pub fn key_file(&self) -> PathBuf {
        self.root.join(super::keys::KEY_FILE)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn meta(&self) -> DocPaths {
        self.doc(self.root.join("study.json"))
    }

    pub fn grid(&self) -> DocPaths {
        self.doc(self.root.join("grid.json"))
    }

    pub fn codebook(&self) -> DocPaths {
        self.doc(self.root.join("codebook.json"))
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    pub fn session(&self, id: SessionId) -> DocPaths {
        DocPaths {
            changes: Some(self.changes_mark()),
            ..self.doc(self.sessions_dir().join(format!("{id}.json")))
        }
    }

    /// The mark every write to a session replaces (see [`super::stamp::StudyStamp`]).
    pub fn changes_mark(&self) -> PathBuf {
        self.root.join(CHANGES_MARK)
    }

    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    /// Where `grille check --repair` logs what it changed.
    pub fn repairs_dir(&self) -> PathBuf {
        self.root.join("repairs")
    }

    /// Whether `path` is, or would be, one of the study's own files: a definition file, its
    /// journal or lock, anything in `sessions/` or `index/`. Exports must never land there.
    /// Symbolic links and `..` are resolved as far as the path exists.
    pub fn owns(&self, path: &Path) -> bool {
        let (Some(root), Some(target)) = (resolve(&self.root), resolve(path)) else {
            return false;
        };
        let Ok(inside) = target.strip_prefix(&root) else {
            return false;
        };
        let mut parts = inside.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let nested = parts.next().is_some();
        match first.as_deref() {
            Some("sessions" | "index") => true,
            Some(CHANGES_MARK) => true,
            Some(name) if !nested => {
                let stem = name.split('.').next().unwrap_or("");
                ["study", "grid", "codebook"].contains(&stem)
            }
            _ => false,
        }
    }
}

/// A path made absolute with its existing part canonical (the rest appended as given).
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut out = canonical;
            out.extend(rest.iter().rev());
            return Some(out);
        }
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
}

/// Where a study folder was found, to say so in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `--study DIR`
    Flag,
    /// `GRILLE_STUDY`
    Env,
    /// The platform data folder (`~/.local/share/grille/default`).
    Default,
}

/// The study folder to use: `--study`, else `GRILLE_STUDY`, else the default study.
pub fn resolve_study(flag: Option<&Path>) -> Option<(PathBuf, Origin)> {
    if let Some(dir) = flag {
        return Some((dir.to_path_buf(), Origin::Flag));
    }
    if let Some(dir) = std::env::var_os(STUDY_ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(dir), Origin::Env));
    }
    project_dirs().map(|p| (p.data_dir().join("default"), Origin::Default))
}

/// grille's data folder (`~/.local/share/grille`): the default study, the key tables.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|p| p.data_dir().to_path_buf())
}

/// The folder of the user's preferences (`~/.config/grille`).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|p| p.config_dir().to_path_buf())
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "grille")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_study_owns_its_files_not_the_exports_beside_them() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("etude");
        std::fs::create_dir_all(root.join("sessions")).unwrap();
        let paths = StudyPaths::new(&root);
        assert!(paths.owns(&root.join("study.json")));
        assert!(paths.owns(&root.join("codebook.journal")));
        assert!(paths.owns(&root.join("sessions/x.json")));
        assert!(paths.owns(&root.join("sessions/../grid.json")));
        assert!(paths.owns(&root.join("index/meta.json")));
        assert!(!paths.owns(&root.join("frequences.csv")));
        assert!(!paths.owns(&root.join("exports/study.json")));
        assert!(!paths.owns(&tmp.path().join("study.json")));
    }
}
