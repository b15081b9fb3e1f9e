//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// Conduct semi-directive interviews along a grid, code their transcripts, search and export
/// them — in the terminal.
///
/// Without a command, opens the interface on the current study. The study is the folder given by
/// --study, else by GRILLE_STUDY, else the default study (~/.local/share/grille/default on Linux),
/// created on first use.
///
/// Exit codes: 0 success; 1 failure, or problems found by `check`; 2 wrong usage.
#[derive(Debug, Parser)]
#[command(name = "grille", version, max_term_width = 100)]
pub struct Args {
    /// The study folder to work on.
    #[arg(long, global = true, value_name = "DIR")]
    pub study: Option<PathBuf>,

    /// Interface language: fr (default) or en. Also chosen by LANG=en*.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new study folder from a template.
    Init {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        /// `diagnostic` (the grid and codebook of the prostitution diagnostic) or `empty`.
        #[arg(long, default_value = "diagnostic")]
        template: String,
        /// Also copy the template's fictional example sessions.
        #[arg(long)]
        examples: bool,
    },
    /// Check every file of the study; list every problem (exit 1 if any).
    Check,
    /// List the study's sessions.
    Sessions {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Search every session: words, "phrases", AND/OR/NOT, fields (code:, theme:, question:,
    /// speaker:, respondent:, coder:, date:, kind:, any respondent attribute). See README.
    Search {
        /// The query, e.g. `hotel code:proxenetisme` or `"à l'hôtel" date:2021-04..2021-07`.
        query: String,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON for scripts instead of a list.
        #[arg(long)]
        json: bool,
    },
    /// The search index (derived data in the study's index/ folder).
    Index {
        #[command(subcommand)]
        command: IndexCommand,
    },
    /// Open a throwaway copy of the example study (with fictional sessions) to try grille.
    Demo,
    /// Tools for developers (synthetic data for benchmarks).
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Rebuild the search index from the sessions.
    Rebuild,
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write a synthetic study of French-like sessions with codings (deterministic for a seed).
    GenCorpus {
        /// The study folder to create (it must not exist, or be empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Number of sessions.
        #[arg(long, default_value_t = 100)]
        sessions: usize,
        /// Words per session, about.
        #[arg(long, default_value_t = 8000)]
        words: usize,
        /// Seed of the random generator: the same seed writes the same study.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language \"{s}\" (fr or en)"))
}
