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
    /// Import transcripts typed or transcribed elsewhere (.txt, .md, .srt, .vtt): each file
    /// becomes a new session. All files are checked first: either all are imported or none.
    Import {
        /// The transcripts. Text (.txt, .md): speaker turns (`ENQ : …`, `Mme B. : …`) or
        /// paragraphs; subtitles (.srt, .vtt): one segment per cue, with its times.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The respondent's pseudonym (one file only); by default each file's name.
        #[arg(long, value_name = "PSEUDO")]
        respondent: Option<String>,
        /// Who ran the interviews; by default the name saved in the preferences.
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
        /// A respondent attribute declared in study.json, e.g. --attr secteur=sante (repeatable).
        #[arg(long = "attr", value_name = "KEY=VALUE")]
        attributes: Vec<String>,
        /// Attach every segment to this grid question (by its key); by default none, the
        /// analyst attaches them while coding.
        #[arg(long = "question", value_name = "KEY")]
        question: Option<String>,
        /// When the recording started (2021-04-12, 2021-04-12 10:02 or RFC 3339): segment times
        /// are this plus their offset in the file. By default now.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// `given` if consent was obtained at the interview; by default none is recorded.
        #[arg(long, value_enum, default_value = "unknown")]
        consent: ConsentArg,
        /// Print the imported sessions as JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Open a throwaway copy of the example study (with fictional sessions) to try grille.
    Demo,
    /// Start a new interview at once. Every field of the form can be given in advance; with
    /// the interviewer, the respondent and consent given, the first question opens directly.
    Interview {
        /// The interviewer's name (remembered from the last interview otherwise).
        #[arg(long)]
        interviewer: Option<String>,
        /// The respondent's pseudonym (never their name).
        #[arg(long)]
        respondent: Option<String>,
        /// Where the interview takes place.
        #[arg(long)]
        location: Option<String>,
        /// A respondent attribute, KEY=VALUE (e.g. secteur=sante); repeat for several.
        #[arg(long = "attr", value_name = "KEY=VALUE")]
        attributes: Vec<String>,
        /// `given` when consent was obtained (required to take notes), or `refused`.
        #[arg(long)]
        consent: Option<String>,
    },
}

/// What is known of an imported interview's consent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ConsentArg {
    /// Consent was given when the interview was recorded: recorded as given at the start.
    Given,
    /// Not known to grille: no consent recorded.
    Unknown,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language \"{s}\" (fr or en)"))
}
