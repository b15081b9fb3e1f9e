//! Writing a planned import through the store, all or none.
//!
//! Into a new study: every file is staged and the folder renamed into place at once
//! ([`StudyDir::create_with`]). Into the current study: `study.json` (attributes added), then
//! the codebook (codes added, journalled), then the sessions all together
//! ([`StudyDir::import_sessions`]); if a later step fails, the earlier ones are taken back, so
//! the study is left as it was.

use std::path::Path;

use super::error::RefiError;
use super::import::Plan;
use crate::store::{Protection, StudyDir};
use crate::study::{CodebookChange, Replace, Study};

/// Writes the import into a new study folder at `root`.
pub fn into_new(
    root: &Path,
    plan: &Plan,
    protection: Option<&Protection>,
) -> Result<StudyDir, RefiError> {
    Ok(StudyDir::create_with(
        root,
        &plan.study,
        &plan.sessions,
        protection,
    )?)
}

/// Writes the import into the study at `dir`, whose definition was `before` when it was planned.
pub fn into_existing(dir: &StudyDir, before: &Study, plan: &Plan) -> Result<(), RefiError> {
    let mut meta = None;
    if plan.meta_changed {
        let (mut writer, _) = dir.open_meta()?;
        writer.apply(
            Replace::Replace {
                with: plan.study.meta.clone(),
            },
            &(),
        )?;
        meta = Some(writer);
    }
    let undo_meta = |meta: Option<crate::store::Journaled<crate::study::StudyMeta>>| {
        if let Some(mut writer) = meta {
            let _ = writer.apply(
                Replace::Replace {
                    with: before.meta.clone(),
                },
                &(),
            );
        }
    };
    let (mut book, _) = match dir.open_codebook() {
        Ok(opened) => opened,
        Err(e) => {
            undo_meta(meta);
            return Err(e.into());
        }
    };
    let mut added = Vec::new();
    let mut failure = None;
    for code in &plan.added_codes {
        match book.apply(
            CodebookChange::AddCode {
                code: code.clone(),
                after: None,
                // Not one of the codebook's operations to undo one by one: the import is
                // one act, and the codes stay a plain part of the tree.
                signed: None,
            },
            &(),
        ) {
            Ok(_) => added.push(code.id),
            Err(e) => {
                failure = Some(RefiError::from(e));
                break;
            }
        }
    }
    if failure.is_none()
        && let Err(e) = dir.import_sessions(&plan.sessions, &plan.study)
    {
        failure = Some(e.into());
    }
    if let Some(e) = failure {
        // Children were added after their parents: removed before them.
        for id in added.into_iter().rev() {
            let _ = book.apply(CodebookChange::RemoveCode { id }, &());
        }
        undo_meta(meta);
        return Err(e);
    }
    Ok(())
}
