//! `grille dev …`: tools for developers, hidden from the help.

use anyhow::Result;

use super::args::DevCommand;
use super::{Env, show};
use crate::corpus;

pub fn run(env: &Env, command: DevCommand) -> Result<()> {
    match command {
        DevCommand::GenCorpus {
            out,
            sessions,
            words,
            seed,
        } => {
            let got = corpus::generate(&out, sessions, words, seed)?;
            eprintln!(
                "{}",
                (env.texts().corpus_written)(got.sessions, got.words, &show(&out))
            );
            Ok(())
        }
    }
}
