//! The command line, as clap reads it.
//!
//! Over 500 lines: the whole command line as clap declares it: one struct per command with the
//! help text `--help` prints; split, the help a user reads at once would be scattered.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::interop::export::Format;

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

    /// With the interface (no command): the pseudonymisation key table (original →
    /// pseudonym) its screen reads and writes, if not in its default place — as
    /// `grille pseudonymize --keys FILE`; never inside the study.
    // Its own id: `pseudonymize`'s global `--keys` would otherwise hand its value up here.
    #[arg(long = "keys", id = "interface_keys", value_name = "FILE")]
    pub keys: Option<PathBuf>,

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
        /// Encrypt every file of the study with a passphrase (asked twice, or GRILLE_PASSPHRASE).
        #[arg(long)]
        encrypt: bool,
        /// With --encrypt: also let this team member open the study with their key — an age
        /// public key (age1…), an SSH public key, or a file of such keys, one a line. Repeatable.
        #[arg(long, value_name = "KEY", requires = "encrypt")]
        recipient: Vec<String>,
    },
    /// Encrypt every file of the study (it must be closed everywhere): a passphrase (asked
    /// twice, or GRILLE_PASSPHRASE), and the keys of team members given. All or nothing; the
    /// plaintext copy is removed once the encrypted one is safely on disk.
    Encrypt {
        /// Also let this team member open the study with their key — an age public key (age1…),
        /// an SSH public key, or a file of such keys, one a line. Repeatable.
        #[arg(long, value_name = "KEY")]
        recipient: Vec<String>,
    },
    /// Write an encrypted study back in clear (it must be closed everywhere). All or nothing.
    Decrypt,
    /// Who besides the passphrase opens an encrypted study: team members' public keys (age
    /// or SSH). Without a command: list them. Adding or removing a key rewrites study.key only
    /// (the files are not encrypted again): a copy of the study made before a key is removed
    /// still opens with that key.
    Team {
        #[command(subcommand)]
        command: Option<TeamCommand>,
    },
    /// Change an encrypted study's passphrase: the current one (asked, or GRILLE_PASSPHRASE, or
    /// a team key in GRILLE_IDENTITY), then the new one twice (or GRILLE_NEW_PASSPHRASE).
    /// Rewrites study.key only, at once; a copy made before still opens with the old one.
    Passphrase,
    /// Check every file of the study; list every problem (exit 1 if any).
    Check {
        /// Propose a fix for each coding that cannot count (write a merge into the file, drop a
        /// coding of a deleted or unknown code, or out of its text) and for crash leftovers;
        /// write only what you confirm. Dropped codings are kept in repairs/<time>.json.
        #[arg(long)]
        repair: bool,
        /// With --repair: apply every fix without asking (for scripts).
        #[arg(long, requires = "repair")]
        yes: bool,
        /// Look for what may identify people: proposals of `grille pseudonymize` not reviewed
        /// yet (names, phone numbers, e-mails…), files and folders readable by others, plain
        /// copies of the transcripts (exit 1 if any).
        #[arg(long, conflicts_with = "repair")]
        privacy: bool,
        /// With --privacy: the key table, if not in its default place.
        #[arg(long, value_name = "FILE", requires = "privacy")]
        keys: Option<PathBuf>,
    },
    /// Replace what identifies people in the transcripts with pseudonyms ([PERSONNE-3],
    /// [LIEU-1]), each proposal reviewed by you: names (from the study's list, and capitalised
    /// words that are neither a sentence's first nor a known word), places, phone numbers,
    /// e-mails, street addresses, ages, dates of birth. An accepted one is replaced in every
    /// session, codings staying on their words; the key table (original → pseudonym) is kept
    /// outside the study. Without a command: review the proposals one by one.
    Pseudonymize {
        #[command(subcommand)]
        command: Option<PseudonymizeCommand>,
        /// The key table (original → pseudonym); by default in grille's data folder
        /// (~/.local/share/grille/pseudonyms/<study id>.json), never in the study.
        #[arg(long, value_name = "FILE", global = true)]
        keys: Option<PathBuf>,
    },
    /// List the study's sessions.
    Sessions {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The situations (persons described) of every session, and which are the same person:
    /// tables count a person once however many respondents described them.
    Situations {
        #[command(subcommand)]
        command: Option<SituationsCommand>,
    },
    /// Choose whose codings the tables count in a session coded by several people (by default
    /// the first to code it); without NAME, back to the first.
    ReferenceCoder {
        /// The session: its respondent's pseudonym, or the start of its id.
        session: String,
        /// The coder whose codings count.
        coder: Option<String>,
    },
    /// Import transcripts typed or transcribed elsewhere: each file becomes a new session. All
    /// files are checked first: either all are imported or none. See README for every format.
    ///
    /// Also imports a REFI-QDA codebook (.qdc) or project (.qdpx) from NVivo, ATLAS.ti, MAXQDA,
    /// QualCoder…: codes (merged with the study's), sources as sessions with their codings,
    /// cases as respondents and situations, notes as memos; into this study or, with --new, a
    /// new one. `grille import responses FILE` imports an online questionnaire's responses.
    Import(ImportCommand),
    /// Set what an import could not know about a session: its interviewer.
    Session {
        /// The session's id, or its first characters (as `grille sessions` shows them).
        id: String,
        /// The interviewer's name.
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
    },
    /// Mark a coded excerpt "à citer", to be quoted in the report under its theme (with its
    /// respondent's pseudonym and sector), or unmark it with --remove. Search with quote:yes.
    Quote {
        /// The coding: its id or its first characters (grille search --json, grille export
        /// excerpts).
        coding: String,
        /// A short comment for the report's author (why, or where it goes).
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
        /// Unmark it.
        #[arg(long, conflicts_with = "comment")]
        remove: bool,
    },
    /// Draft the diagnostic's report from the study, theme by theme along the grid: method,
    /// closed questions with bases and intervals, charts, code frequencies, quotes marked "à
    /// citer" (pseudonym and sector only), situations, the grid and codebook in annex. The
    /// study's report-template.md (see --template) lays it out. Without --with-identities,
    /// the attributes the study marks identifying are left out and the team are initials.
    Report {
        /// The file: .html (one self-contained page), .docx, .odt or .md (charts in a folder
        /// beside it); `-` or none: Markdown on stdout.
        #[command(flatten)]
        dest: OutputArgs,
        /// A column per value of a respondent attribute (e.g. secteur) in the tables.
        #[arg(long, value_name = "ATTR")]
        by: Option<String>,
        /// Only interviews (entretien), only questionnaire responses, or both (all).
        #[arg(long, value_enum, default_value_t = KindArg::All, ignore_case = true)]
        kind: KindArg,
        /// Print the built-in template, to copy into the study as report-template.md.
        #[arg(long)]
        template: bool,
    },
    /// Show or set the preferences: the interviewer's and the coder's names, the language.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Export tables for a report (CSV, JSON, Markdown, xlsx) and charts (SVG): frequencies,
    /// situations, answers, co-occurrence, agreement, excerpts.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Open a throwaway copy of the example study (with fictional sessions) to try grille.
    Demo,
    /// Start a new interview at once. Every field of the form can be given in advance; with
    /// the interviewer, the respondent and consent given, the first question opens directly.
    /// Arguments are visible to every local user (`ps`) and stay in the shell's history: for
    /// real interviews, give none and fill the form.
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
        /// `given` when consent was obtained (required to take notes), or `refused`; by
        /// default the form asks.
        #[arg(long, value_enum, ignore_case = true)]
        consent: Option<ConsentArg>,
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
    /// The codebook: list, add, rename, move, merge, delete codes, undo the last change. A code
    /// is named by its path (proxenetisme/conjugal) or its id.
    Codebook {
        #[command(subcommand)]
        command: CodebookCommand,
    },
    /// The search index (derived data in the study's index/ folder).
    Index {
        #[command(subcommand)]
        command: IndexCommand,
    },
    /// Tools for developers (synthetic data for benchmarks).
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
}

/// `grille import FILE...` (transcripts) or `grille import responses FILE`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportCommand {
    #[command(subcommand)]
    pub what: Option<ImportWhat>,
    #[command(flatten)]
    pub transcripts: ImportArgs,
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Responses to an online questionnaire (CSV or xlsx from LimeSurvey, Framaforms, Google
    /// Forms, Microsoft Forms, KoboToolbox, Sphinx): each row becomes a respondent, a session of
    /// kind questionnaire. Columns are found from their headers (a question's key or text, an
    /// attribute's key or label) or a mapping file. All or none; importing the same file again
    /// updates the same respondents. See README, "Questionnaires".
    Responses(ResponsesArgs),
}

/// `grille import responses`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ResponsesArgs {
    /// The export: .csv (any delimiter and common encoding) or .xlsx/.xls/.ods.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// A mapping file (TOML) for columns and values the headers do not name: see README.
    #[arg(long = "map", value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// The column that names respondents (its header or letter); by default a column named
    /// pseudo, id, respondent or répondant, else respondents are numbered Q01, Q02…
    #[arg(long, value_name = "COLUMN")]
    pub id_column: Option<String>,
    /// Show what would be imported, every column left out and every value without a match;
    /// write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import even though some values match nothing: they are left out (and listed).
    #[arg(long)]
    pub skip_unmatched: bool,
    /// Print what was read and done as JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// `grille import`'s arguments for transcripts.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The transcripts: .txt/.md (typed, Otter, f4/f5, TranscribeMe), .docx, .odt, .srt, .vtt,
    /// .html (noScribe), .otr (oTranscribe), .json/.tsv (Whisper), .TextGrid (Praat), .eaf
    /// (ELAN), .trs (Transcriber).
    /// Or one REFI-QDA file: a codebook (.qdc) or a project (.qdpx).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// REFI-QDA: create a new study in DIR from the file instead of importing into the current
    /// study.
    #[arg(long, value_name = "DIR")]
    pub new: Option<PathBuf>,
    /// REFI-QDA with --new: the new study is encrypted from the first byte written (a
    /// passphrase asked twice, or GRILLE_PASSPHRASE): nothing of the project is ever on the
    /// disk in clear.
    #[arg(long, requires = "new")]
    pub encrypt: bool,
    /// With --encrypt: also let this team member open the study with their key — an age
    /// public key (age1…), an SSH public key, or a file of such keys, one a line. Repeatable.
    #[arg(long, value_name = "KEY", requires = "encrypt")]
    pub recipient: Vec<String>,
    /// REFI-QDA: how a code of the file is recognised as one of the study's: by its GUID
    /// (`guid`), or by its GUID or its path of names (`path`). A recognised code is merged.
    #[arg(long, value_enum, default_value = "guid", value_name = "HOW")]
    pub match_codes: MatchArg,
    /// The respondent's pseudonym (one file only); by default each file's name.
    #[arg(long, value_name = "PSEUDO")]
    pub respondent: Option<String>,
    /// Who ran the interviews; by default the name the file gives its interviewer, else the
    /// name saved with `grille config set interviewer`, else unknown.
    #[arg(long, value_name = "NAME")]
    pub interviewer: Option<String>,
    /// The interviewer's speaker label in the files (e.g. S01) when no mark says it; by default
    /// the label with a role mark (ENQ, Interviewer…), else the one who asks most questions.
    #[arg(long, value_name = "LABEL")]
    pub interviewer_label: Option<String>,
    /// A respondent attribute declared in study.json, e.g. --attr secteur=sante (repeatable);
    /// a co-respondent's with their name first: --attr R07-mère:secteur=social.
    #[arg(long = "attr", value_name = "[NAME:]KEY=VALUE")]
    pub attributes: Vec<String>,
    /// The name or pseudonym a speaker's segments keep instead of the file's label, e.g.
    /// --speaker "Marc da Silva=R07-père" (repeatable).
    #[arg(long = "speaker", value_name = "LABEL=NAME")]
    pub speakers: Vec<String>,
    /// Attach every segment to this grid question (by its key); by default none, the analyst
    /// attaches them while coding.
    #[arg(long = "question", value_name = "KEY")]
    pub question: Option<String>,
    /// When the recording started (2021-04-12, 2021-04-12 10:02 or RFC 3339): segment times
    /// are this plus their offset in the file. Without it the interview's date is unknown and
    /// times are offsets from the start of the recording.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// `given` if consent was obtained at the interview; by default none is recorded.
    #[arg(long, value_enum, ignore_case = true, default_value = "unknown")]
    pub consent: ConsentArg,
    /// Add the file to this session (its id, short id or respondent's pseudonym) as the
    /// transcript of its recording, each segment under the question open at its moment.
    #[arg(long, value_name = "SESSION")]
    pub into: Option<String>,
    /// With --into: the recording started this long after the session (±HH:MM:SS).
    #[arg(
        long,
        value_name = "±HH:MM:SS",
        allow_hyphen_values = true,
        requires = "into"
    )]
    pub offset: Option<String>,
    /// With --into: the recording started at this time (HH:MM[:SS] on the session's day, or a
    /// date and time).
    #[arg(
        long,
        value_name = "TIME",
        requires = "into",
        conflicts_with = "offset"
    )]
    pub starts_at: Option<String>,
    /// With --into: accept the recording's start grille proposes from the notes' words.
    #[arg(long, requires = "into", conflicts_with_all = ["offset", "starts_at"])]
    pub accept: bool,
    /// Read and check the files, show the speakers found, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the imported sessions as JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the preferences.
    Show,
    /// Save a preference: `interviewer NAME`, `coder NAME` or `lang fr|en`.
    Set { key: String, value: String },
    /// Forget a preference.
    Unset { key: String },
}

/// `grille pseudonymize`'s commands. Names are never given as arguments (every local user sees
/// a command line in `ps`): proposals are named by their id, lists are read from stdin.
#[derive(Debug, Subcommand)]
pub enum PseudonymizeCommand {
    /// Review each proposal not reviewed yet: accept (replaced everywhere at once), reject (it
    /// names no one: never proposed again), later, or quit. Answers are read from stdin.
    Review,
    /// The proposals with their ids, occurrences and a context.
    List {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Accept proposals by id (as `list` shows them), or every one: replaced everywhere.
    Accept {
        ids: Vec<String>,
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Reject proposals by id: they name no one and are not proposed again.
    Reject {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Replace the accepted originals where they appear again (sessions added since).
    Apply,
    /// Undo the last replacements: the originals are back, their proposals to review again.
    Undo,
    /// Add names to look for everywhere, read from stdin one per line.
    Names,
    /// Add places to look for everywhere, read from stdin one per line.
    Places,
    /// Where the key table is, and what it holds (original → pseudonym).
    Keys {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// `grille team`'s commands.
#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// The team's public keys the study opens with.
    List,
    /// Let team members open the study with their key: an age public key (age1…), an SSH
    /// public key, or a file of such keys, one a line (~/.ssh/id_ed25519.pub works).
    Add {
        #[arg(required = true, value_name = "KEY")]
        keys: Vec<String>,
    },
    /// Stop letting these keys open the study: a key, a file of keys, or the name an SSH key
    /// ends with (camille@poste-2).
    Remove {
        #[arg(required = true, value_name = "KEY")]
        keys: Vec<String>,
    },
}

/// How codes of an imported REFI-QDA file are matched with the study's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatchArg {
    Guid,
    Path,
}

/// What is known of the respondent's consent (`interview`, `import`). French words are
/// accepted too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ConsentArg {
    /// Consent was given: notes may be taken (an import records it as given at the start).
    #[value(alias = "oui", alias = "yes", alias = "donne", alias = "donné")]
    Given,
    /// Consent was refused: no notes may be taken, nothing may be imported.
    #[value(alias = "non", alias = "no", alias = "refuse", alias = "refusé")]
    Refused,
    /// Not known: none is recorded (the interview form asks for it).
    #[value(alias = "inconnu")]
    Unknown,
}

impl ConsentArg {
    /// Given, refused, or not known.
    pub fn given(self) -> Option<bool> {
        match self {
            ConsentArg::Given => Some(true),
            ConsentArg::Refused => Some(false),
            ConsentArg::Unknown => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum CodebookCommand {
    /// Every code with its path, name and codings; then the merged and deleted codes.
    List {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Add a code: `lieux/camping` (under lieux, slug camping) or `lieux/Aire d'accueil`
    /// (a name: the slug is made from it).
    Add {
        #[arg(value_name = "PATH")]
        path: String,
        /// The parent code, when PATH is a single name.
        #[arg(long, value_name = "CODE")]
        parent: Option<String>,
        /// The code's name (default: from PATH).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Rename a code (its id, and so its codings, stay).
    Rename {
        code: String,
        name: String,
        /// A new last part of its path.
        #[arg(long)]
        slug: Option<String>,
    },
    /// Move a code under another, or to the top level.
    Move {
        code: String,
        #[arg(long, value_name = "CODE", conflicts_with = "top")]
        under: Option<String>,
        #[arg(long)]
        top: bool,
    },
    /// Merge a code into another: its codings count under the other from now on.
    Merge { from: String, into: String },
    /// Delete a code. In use, say what becomes of its codings.
    Delete {
        code: String,
        /// Its codings count under this code from now on.
        #[arg(long, value_name = "CODE", conflicts_with = "remove_codings")]
        move_codings_to: Option<String>,
        /// Its codings are removed with it.
        #[arg(long)]
        remove_codings: bool,
    },
    /// Undo the last change of the codebook (made here or in the interface, by anyone).
    Undo,
}

#[derive(Debug, Subcommand)]
pub enum SituationsCommand {
    /// List them (the default): short id, respondent, label, the person it is the same as.
    List {
        /// Print JSON for scripts instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Mark SITUATION as the same person as OTHER (ids or their first 8 characters, as
    /// listed), or --none to undo it.
    SamePerson {
        situation: String,
        #[arg(required_unless_present = "none")]
        other: Option<String>,
        #[arg(long, conflicts_with = "other")]
        none: bool,
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
    /// Write the replay of the Puy-de-Dôme diagnostic's questionnaire (79 respondents, 115
    /// persons in 117 reports) in the built-in template: the published figures come out of
    /// `grille export answers --by secteur` and `grille export situations`.
    Replay {
        /// The study folder to create (it must not exist, or be empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Bring a built-in template folder into canonical form after editing it with grille or by
    /// hand: every file read through the real types (journals folded in) and written back as
    /// grille writes it, revision 0, no journal, lock or index; then checked.
    Template {
        /// The template folder (a study folder).
        #[arg(default_value = "templates/diagnostic", value_name = "DIR")]
        dir: PathBuf,
        /// Change nothing: list what is not in canonical form (exit 1 if anything is).
        #[arg(long)]
        check: bool,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language \"{s}\" (fr or en)"))
}

/// What `grille export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Code frequencies: excerpts, sessions, respondents (n and %), words coded; each code alone
    /// and with its subcodes.
    Frequencies {
        #[command(flatten)]
        out: ExportArgs,
        /// A column per value of a respondent attribute (e.g. secteur): % within each group.
        #[arg(long, value_name = "ATTR")]
        by: Option<String>,
        /// Also draw the most frequent codes as a horizontal bar chart (SVG).
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
        /// Number of codes in the chart.
        #[arg(long, default_value_t = 15, value_name = "N")]
        top: usize,
    },
    /// Persons described in situations (a person reported twice counts once), per attribute
    /// value, per code of their excerpts, per group of respondents; three tables.
    Situations {
        #[command(flatten)]
        out: ExportArgs,
        /// A column per value of a respondent attribute (e.g. secteur), each with its base.
        #[arg(long, value_name = "ATTR")]
        by: Option<String>,
        /// The base of the percentages of a --by table: all persons, those with the value
        /// given, or those whose value is known.
        #[arg(long, value_enum, default_value_t = BaseArg::All)]
        base: BaseArg,
        /// Also draw the persons per attribute value as bar charts (SVG).
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
    },
    /// Answers to the closed questions, one count per respondent: n, % of all, of those who
    /// answered and of the known answers, with 95 % intervals; sum, min, median, max of
    /// numbers. Two tables.
    Answers {
        #[command(flatten)]
        out: ExportArgs,
        /// Only this question (its key, e.g. deja_identifie).
        #[arg(long, value_name = "KEY")]
        question: Option<String>,
        /// A column per value of a respondent attribute (e.g. secteur), each with its base.
        #[arg(long, value_name = "ATTR")]
        by: Option<String>,
        /// The base of the percentages of a --by table: all respondents, those who answered,
        /// or those whose answer is known.
        #[arg(long, value_enum, default_value_t = BaseArg::Given)]
        base: BaseArg,
        /// Also draw the answers as horizontal bar charts (SVG), one block per question.
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
    },
    /// Thematic saturation (Guest, Namey & Chen 2020): new codes per interview in date order,
    /// new information per run after a base, and the verdict. Two tables.
    Saturation {
        #[command(flatten)]
        out: ExportArgs,
        /// Interviews in the base (whose codes are the denominator).
        #[arg(long = "base-size", default_value_t = 4, value_name = "N")]
        base_size: usize,
        /// Interviews in each run.
        #[arg(long = "run-length", default_value_t = 2, value_name = "N")]
        run_length: usize,
        /// Largest share of new codes in a run, in % of the base's codes, that is saturation.
        #[arg(long, default_value_t = 5.0, value_name = "PCT")]
        threshold: f64,
        /// Also draw the cumulative curve of codes (SVG).
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
    },
    /// Co-occurrence: code × code (segments where both occur) or code × session matrix.
    Cooccurrence {
        #[command(flatten)]
        out: ExportArgs,
        /// Codes together in the same segment, or on overlapping spans.
        #[arg(long, value_enum, default_value_t = UnitArg::Segment)]
        unit: UnitArg,
        /// codes: code × code; sessions: excerpts of each code in each session.
        #[arg(long, value_enum, default_value_t = MatrixArg::Codes)]
        matrix: MatrixArg,
    },
    /// Agreement between two coders on the sessions both coded: % agreement, Cohen's kappa,
    /// Krippendorff's alpha, per code and overall.
    Agreement {
        #[command(flatten)]
        out: ExportArgs,
        /// The two coders, as A,B (default: the only pair who coded sessions in common).
        #[arg(long, value_name = "A,B", value_parser = parse_pair)]
        coders: Option<(String, String)>,
        /// segment: code present or absent per segment; char: per character.
        #[arg(long, value_enum, default_value_t = AgreementUnitArg::Segment)]
        unit: AgreementUnitArg,
    },
    /// Which questions of the grid the recordings' transcripts cover (grille import --into),
    /// and how many minutes each took: per question, then per interview and question.
    Coverage {
        #[command(flatten)]
        out: ExportArgs,
    },
    /// Every coded excerpt with its code, session, respondent and question: a reading file.
    Excerpts {
        #[command(flatten)]
        out: ExportArgs,
    },
    #[command(flatten)]
    Refi(RefiExport),
}

/// The study for other qualitative-analysis tools (REFI-QDA: NVivo, ATLAS.ti, MAXQDA,
/// QualCoder…).
#[derive(Debug, Subcommand)]
pub enum RefiExport {
    /// The codebook as a REFI-QDA codebook (.qdc): codes with their hierarchy, colours and
    /// definitions.
    Qdc {
        #[command(flatten)]
        dest: OutputArgs,
    },
    /// The whole study as a REFI-QDA project (.qdpx): codebook and grid, every session as a
    /// text source with its codings, respondents and situations as cases, memos as notes.
    Qdpx {
        /// The archive to write: -o FILE.qdpx.
        #[command(flatten)]
        dest: OutputArgs,
    },
}

/// Where an export goes: one clap type for every export.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Write to this file (atomically, readable by you only); `-` or none: to stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace what -o (and --chart) name if it exists; without it an existing file is kept.
    #[arg(long)]
    pub force: bool,
    /// Put in what identifies people: the attributes the study marks identifying, the names
    /// of interviewers and coders, the interviews' locations. Without it they are left out
    /// and people are given as initials. The file then says that it holds identities.
    #[arg(long)]
    pub with_identities: bool,
}

impl OutputArgs {
    /// Whether the export carries identities.
    pub fn disclosure(&self) -> crate::study::identity::Disclosure {
        use crate::study::identity::Disclosure;
        match self.with_identities {
            true => Disclosure::WithIdentities,
            false => Disclosure::Pseudonymous,
        }
    }

    /// The file asked for; `None` for stdout (no -o, or `-o -`).
    pub fn file(&self) -> Option<&std::path::Path> {
        self.output
            .as_deref()
            .filter(|p| *p != std::path::Path::new("-"))
    }
}

/// Output and filters shared by every export.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// csv, json, md or xlsx (default: from the extension of -o, else csv).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Where it goes. CSV holds one table: for several, -o names a folder (DIR/) or an archive
    /// (FILE.zip), one CSV per table.
    #[command(flatten)]
    pub dest: OutputArgs,
    /// Only this table of the export (its name, e.g. numbers).
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
    /// Start CSV with a byte order mark, yes or no (default: yes in French, where spreadsheets
    /// need it to read accents; no in English).
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes", value_parser = parse_yes_no)]
    pub bom: Option<bool>,
    /// CSV separator: ',', ';' or tab (default: ';' in French, ',' in English).
    #[arg(long, value_parser = parse_separator, value_name = "SEP")]
    pub sep: Option<u8>,
    /// Decimal mark in CSV and Markdown (default: comma in French, point in English).
    #[arg(long, value_enum)]
    pub decimal: Option<DecimalArg>,
    /// Whose codings count: by default each session's reference coder (the first to code
    /// it, unless chosen); `all` pools every coder; or only these coders (repeat, or commas).
    #[arg(long, value_delimiter = ',', value_name = "NAME|all")]
    pub coder: Vec<String>,
    /// Only interviews (entretien), only questionnaire responses, or both (all).
    #[arg(long, value_enum, default_value_t = KindArg::All, ignore_case = true)]
    pub kind: KindArg,
    /// Only sessions with this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only sessions on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only sessions on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only codings in the segments this search query matches (the language of
    /// `grille search`), e.g. --query 'hotel secteur:sante'.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    Segment,
    Overlap,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatrixArg {
    Codes,
    Sessions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgreementUnitArg {
    Segment,
    Char,
}

/// The base of a cross-table's percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BaseArg {
    All,
    #[value(alias = "answered")]
    Given,
    Known,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DecimalArg {
    Point,
    Comma,
}

/// Which sessions a table counts: interviews, questionnaire responses, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    #[value(alias = "interview", alias = "entretiens", alias = "interviews")]
    Entretien,
    #[value(alias = "questionnaires")]
    Questionnaire,
    #[value(alias = "tout", alias = "both")]
    All,
}

impl KindArg {
    /// The kind kept, or `None` for both.
    pub fn kind(self) -> Option<crate::study::SessionKind> {
        match self {
            KindArg::Entretien => Some(crate::study::SessionKind::Interview),
            KindArg::Questionnaire => Some(crate::study::SessionKind::Questionnaire),
            KindArg::All => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Done,
    #[value(name = "in_progress", alias = "in-progress")]
    InProgress,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format \"{s}\" (csv, json, md or xlsx)"))
}

fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s.to_lowercase().as_str() {
        "yes" | "oui" | "y" | "o" | "true" | "1" => Ok(true),
        "no" | "non" | "n" | "false" | "0" => Ok(false),
        _ => Err(format!("\"{s}\": yes or no")),
    }
}

fn parse_separator(s: &str) -> Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "\\t" | "tab" => Ok(b'\t'),
        _ => Err(format!("separator \"{s}\": use ',' or ';'")),
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date YYYY-MM-DD"))
}

fn parse_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_owned(), b.trim().to_owned()))
        }
        _ => Err(format!("\"{s}\": give two coders as A,B")),
    }
}
