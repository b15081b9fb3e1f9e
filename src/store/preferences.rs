//! The user's preferences, kept in the config folder between sessions: the interviewer's name
//! (asked once, then offered again), the coder's name, the language.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{IoContext, Result};
use super::{fs, json, paths};
use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub interviewer: Option<String>,
    pub coder: Option<String>,
    pub lang: Option<Lang>,
    /// Where these preferences are saved; `None`: they are not (a test, a system without a
    /// config folder).
    #[serde(skip)]
    pub saved_in: Option<PathBuf>,
}

impl Preferences {
    /// The file the preferences live in, if the platform has a config folder.
    pub fn file() -> Option<PathBuf> {
        paths::config_dir().map(|d| d.join("preferences.json"))
    }

    /// Reads the preferences; a missing file gives the defaults.
    pub fn load_from(file: &Path) -> Result<Preferences> {
        match std::fs::read(file) {
            Ok(bytes) => json::parse(file, &bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Preferences::default()),
            Err(e) => Err(e).at(file),
        }
    }

    /// Reads the preferences from the config folder; unreadable preferences are not worth
    /// stopping for, so they give the defaults.
    pub fn load() -> Preferences {
        let Some(file) = Self::file() else {
            return Preferences::default();
        };
        // What a save cut short (a crash, a full disk) left beside the file.
        if let Some(dir) = file.parent() {
            fs::remove_leftovers(dir, fs::settled());
        }
        let mut prefs = Self::load_from(&file).unwrap_or_default();
        prefs.saved_in = Some(file);
        prefs
    }

    pub fn save_to(&self, file: &Path) -> Result<()> {
        if let Some(dir) = file.parent() {
            fs::create_private_dir(dir)?;
        }
        fs::write_atomic(file, json::to_pretty(self).as_bytes())
    }

    pub fn save(&self) -> Result<()> {
        match &self.saved_in {
            Some(file) => self.save_to(file),
            None => Ok(()),
        }
    }

    /// The name codings are signed with: the coder's name, else the interviewer's, else the
    /// login name.
    pub fn coder_name(&self) -> String {
        self.coder
            .clone()
            .or_else(|| self.interviewer.clone())
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| "analyste".into())
    }

    /// Whether that name was given (as coder, or as interviewer: the same person), not
    /// guessed from the login.
    pub fn coder_given(&self) -> bool {
        self.coder.is_some() || self.interviewer.is_some()
    }
}
