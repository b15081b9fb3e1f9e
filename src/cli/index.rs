//! `grille index rebuild`, and opening the index for the other commands with its notes.

use anyhow::Result;

use super::Env;
use super::args::IndexCommand;
use super::progress::Bar;
use super::terminal::say;
use crate::i18n::Texts;
use crate::index::{Index, Rebuilt};
use crate::workspace::Workspace;

pub fn run(env: &Env, command: IndexCommand) -> Result<bool> {
    match command {
        IndexCommand::Rebuild => {
            let ws = env.workspace()?;
            // Opened quietly: built or caught up on opening, or rebuilt now, either way it is
            // the rebuild that was asked, and each session it could not read is said once.
            let mut index = ws.open_index(&mut Bar::default())?;
            if index.opened().rebuilt.is_none() {
                index.rebuild(&mut Bar::default())?;
            }
            say_skipped(env.texts(), &index);
            say!("{}", (env.texts().index_done)(index.held().count()));
            Ok(index.opened().skipped.is_empty())
        }
    }
}

pub fn reason(t: &Texts, why: &Rebuilt) -> String {
    match why {
        Rebuilt::Missing => t.index_why_missing.to_owned(),
        Rebuilt::InMemory => t.encryption.index_in_memory.to_owned(),
        Rebuilt::OtherVersion => t.index_why_version.to_owned(),
        Rebuilt::DefinitionChanged => t.index_why_definition.to_owned(),
        Rebuilt::Incomplete => t.index_why_incomplete.to_owned(),
        Rebuilt::Damaged(e) => (t.index_why_damaged)(e),
        Rebuilt::Asked => t.index_why_asked.to_owned(),
    }
}

/// Opens the study's index (rebuilding or catching it up, with a progress bar) and says on
/// stderr what that did.
pub fn open(env: &Env, ws: &Workspace) -> Result<Index> {
    let t = env.texts();
    let index = ws.open_index(&mut Bar::default())?;
    let opened = index.opened();
    // An encrypted study's index is made at every opening: nothing worth saying each time.
    if let Some(why) = opened.rebuilt.as_ref().filter(|w| **w != Rebuilt::InMemory) {
        say!("{}", (t.index_rebuilt)(&reason(t, why)));
    } else if opened.updated + opened.removed > 0 {
        say!("{}", (t.index_caught_up)(opened.updated, opened.removed));
    }
    if opened.busy {
        say!("{}", t.index_busy_stale);
    }
    say_skipped(t, &index);
    Ok(index)
}

/// The sessions the index could not read, each with why, in the user's language.
fn say_skipped(t: &Texts, index: &Index) {
    for (id, error) in &index.opened().skipped {
        say!("{}", (t.index_skipped)(&id.to_string(), &error.message(t)));
    }
}
