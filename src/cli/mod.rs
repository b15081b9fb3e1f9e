//! The command-line front end: one file per command. Commands call the core and format what it
//! returns (a table for people, `--json` for scripts); messages go to stderr.

pub mod access;
pub mod align;
pub mod args;
pub mod check;
pub mod codebook;
pub mod config;
pub mod counting;
pub mod dev;
pub mod encryption;
pub mod export;
pub mod import;
pub mod index;
pub mod init;
pub mod progress;
pub mod pseudonymize;
pub mod quote;
pub mod refi;
pub mod repair;
pub mod report;
pub mod responses;
pub mod search;
pub mod session;
pub mod sessions;
pub mod terminal;

use std::path::{Path, PathBuf};
use terminal::say;

use anyhow::{Context, Result};

use crate::i18n::{Lang, Texts};
use crate::store::paths::{Origin, resolve_study};
use crate::store::template::DIAGNOSTIC;
use crate::store::{Preferences, StudyDir};
use crate::workspace::Workspace;

/// What every command needs: the language, the user's preferences, the `--study` flag.
pub struct Env {
    pub lang: Lang,
    pub prefs: Preferences,
    pub study_flag: Option<PathBuf>,
}

impl Env {
    pub fn new(lang_flag: Option<Lang>, study_flag: Option<PathBuf>) -> Env {
        let prefs = Preferences::load();
        Env {
            lang: Lang::choose(lang_flag, prefs.lang),
            prefs,
            study_flag,
        }
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    /// The study to work on, an encrypted one opened with its passphrase. The default study is created on first use; a folder named by
    /// `--study` or `GRILLE_STUDY` must already be a study (a typo must not create one).
    pub fn study(&self) -> Result<StudyDir> {
        let mut dir = self.study_folder()?;
        encryption::unlock(self, &mut dir)?;
        Ok(dir)
    }

    /// The study folder, an encrypted one not opened yet (its key not asked).
    pub fn study_folder(&self) -> Result<StudyDir> {
        let (root, origin) = resolve_study(self.study_flag.as_deref())
            .context("no data folder on this system: give the study with --study DIR")?;
        if origin == Origin::Default && !root.join("study.json").exists() {
            let dir = StudyDir::open_or_create(&root, &DIAGNOSTIC)?;
            say!("{}", (self.texts().default_study_created)(&show(&root)));
            return Ok(dir);
        }
        Ok(StudyDir::open(&root)?)
    }

    /// The study, open: the one way a command reads or writes it (only `init` and `check`, which
    /// work on folders that are not, or not yet, sound studies, take the [`StudyDir`] itself).
    pub fn workspace(&self) -> Result<Workspace> {
        Workspace::open(self.study()?, self.prefs.clone())
    }
}

/// A command used wrongly, found after parsing the arguments: exit code 2, like clap's errors.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// A path as shown in messages ([`terminal::message`] escapes its control characters).
pub fn show(path: &Path) -> String {
    path.display().to_string()
}
