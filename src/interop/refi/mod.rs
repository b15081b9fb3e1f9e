//! REFI-QDA (QDA-XML 1.0): the exchange standard of NVivo, ATLAS.ti, MAXQDA, QualCoder and
//! others. grille writes a study as a project (`.qdpx`: `project.qde` and a plain-text file per
//! session) or its codebook alone (`.qdc`), and imports theirs.
//!
//! - [`xml`]: QDA-XML read safely into [`model`] and written back;
//! - [`archive`]: the zip of a `.qdpx`, read with limits;
//! - [`export`]: a study as a [`model::Project`], [`layout`] for the text of each session;
//! - [`import`]: a file read ([`import::input`]), planned against a study, then written by
//!   [`apply`], all or none; [`positions`] finds how the producing tool counted.

pub mod apply;
pub mod archive;
pub mod describe;
pub mod error;
pub mod export;
pub mod extension;
pub mod import;
pub mod layout;
pub mod model;
pub mod positions;
pub mod xml;

use std::path::Path;

pub use error::RefiError;

use crate::i18n::refi::RefiTexts;
use crate::study::{Session, Study};

/// The `.qdc` of a study's codebook, as bytes.
pub fn codebook_file(study: &Study, words: &RefiTexts) -> Vec<u8> {
    xml::write::codebook(&export::codebook(study, words)).into_bytes()
}

/// The `.qdpx` of a study, as bytes: `project.qde`, `sources/<session id>.txt` and
/// `grille.json`.
pub fn project_file(
    study: &Study,
    sessions: &[Session],
    words: &RefiTexts,
    file: &Path,
) -> Result<Vec<u8>, RefiError> {
    let exported = export::project(study, sessions, words);
    let fail = |e: zip::result::ZipError| RefiError::Write {
        file: file.to_path_buf(),
        message: e.to_string(),
    };
    let mut zip = archive::Writer::default();
    zip.add(
        "project.qde",
        xml::write::project(&exported.project).as_bytes(),
    )
    .map_err(fail)?;
    for (id, text) in &exported.texts {
        zip.add(&format!("sources/{id}.txt"), text.as_bytes())
            .map_err(fail)?;
    }
    let extension = serde_json::to_vec_pretty(&exported.extension).unwrap_or_default();
    zip.add(extension::FILE, &extension).map_err(fail)?;
    zip.finish().map_err(fail)
}
