//! `grille dev …`: tools for developers, hidden from the help.

use std::path::Path;

use anyhow::Result;

use super::args::DevCommand;
use super::terminal::say;
use super::{Env, show};
use crate::corpus;
use crate::store::StudyDir;
use crate::store::canonical::{self, Mode};

/// Returns false (exit 1) when `template --check` finds something to do, or the folder does not
/// check clean.
pub fn run(env: &Env, command: DevCommand) -> Result<bool> {
    match command {
        DevCommand::GenCorpus {
            out,
            sessions,
            words,
            seed,
        } => {
            let got = corpus::generate(&out, sessions, words, seed)?;
            say!(
                "{}",
                (env.texts().corpus_written)(got.sessions, got.words, &show(&out))
            );
            Ok(true)
        }
        DevCommand::Replay { out } => {
            let got = corpus::replay(&out)?;
            say!(
                "{}",
                (env.texts().analysis.replay_written)(
                    got.respondents,
                    got.persons,
                    got.reports,
                    &show(&out)
                )
            );
            Ok(true)
        }
        DevCommand::Template { dir, check } => template(env, &dir, check),
    }
}

fn template(env: &Env, root: &Path, check_only: bool) -> Result<bool> {
    let t = env.texts().cli;
    let dir = StudyDir::open(root)?;
    let mode = if check_only { Mode::Check } else { Mode::Write };
    let found = canonical::canonicalize(&dir, mode)?;
    let (rewritten, removed) = match mode {
        Mode::Check => (t.template_would_rewrite, t.template_would_remove),
        Mode::Write => (t.template_rewritten, t.template_removed),
    };
    for file in &found.rewritten {
        say!("{}", rewritten(&show(file)));
    }
    for file in &found.removed {
        say!("{}", removed(&show(file)));
    }
    for file in &found.strays {
        say!("{}", (t.template_stray)(&show(file)));
    }
    let report = dir.check();
    for error in &report.errors {
        say!("{}", error.message(env.texts()));
    }
    for note in &report.notes {
        say!("{note}");
    }
    if !report.is_ok() || !report.notes.is_empty() || !found.strays.is_empty() {
        // The lines above say what to fix by hand.
        return Ok(false);
    }
    if found.was_canonical() {
        say!("{}", (t.template_canonical)(&show(root)));
        Ok(true)
    } else if mode == Mode::Check {
        say!("{}", (t.template_run)(&show(root)));
        Ok(false)
    } else {
        say!("{}", (t.template_written)(&show(root)));
        Ok(true)
    }
}
