//! Where things are: the files of a study folder, the default study, the user's preferences.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::journaled::DocPaths;
use crate::study::SessionId;

/// The environment variable naming the study folder when `--study` is not given.
pub const STUDY_ENV: &str = "GRILLE_STUDY";

/// The files of one study folder.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyPaths {
    root: PathBuf,
}

impl StudyPaths {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        StudyPaths { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn meta(&self) -> DocPaths {
        DocPaths::beside(self.root.join("study.json"))
    }

    pub fn grid(&self) -> DocPaths {
        DocPaths::beside(self.root.join("grid.json"))
    }

    pub fn codebook(&self) -> DocPaths {
        DocPaths::beside(self.root.join("codebook.json"))
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }

    pub fn session(&self, id: SessionId) -> DocPaths {
        DocPaths::beside(self.sessions_dir().join(format!("{id}.json")))
    }

    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
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

/// The folder of the user's preferences (`~/.config/grille`).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|p| p.config_dir().to_path_buf())
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "grille")
}
