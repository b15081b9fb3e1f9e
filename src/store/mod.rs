//! The study folder on disk. This is the only code that reads or writes a study's files.

mod access;
pub mod canonical;
mod check_error;
pub mod cipher;
mod convert;
pub mod error;
pub mod fs;
mod interrupted;
pub mod journal;
pub mod journaled;
pub mod json;
pub mod keys;
pub mod lock;
mod parallel;

pub use access::TeamChange;
pub use check_error::CheckError;
pub use convert::Converted;
pub use error::{Result, StoreError};
pub use journaled::{DocPaths, Journaled, Loaded, Recovery};
pub use keys::{Protection, Unlock};
pub mod paths;
pub mod preferences;
pub mod privacy;
pub mod pseudonym_keys;
pub mod stamp;
pub mod study_dir;
pub mod summaries;
mod sweep;
pub mod template;

pub use paths::{Origin, StudyPaths};
pub use preferences::Preferences;
pub use stamp::{DefinitionStamp, FileStamp, SessionStamp, StudyStamp};
pub use study_dir::{CheckReport, SessionRead, SessionWriter, StudyDir};
pub use template::Template;
