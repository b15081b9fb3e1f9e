//! The interface: `grille` (the current study), `grille demo` (a throwaway copy of the example
//! study), `grille interview` (a new session straight away).

use anyhow::{Result, bail};

use super::Env;
use crate::store::StudyDir;
use crate::store::template::DIAGNOSTIC;
use crate::study::Study;
use crate::tui::runtime::Start;
use crate::tui::setup::{Prepared, Setup};
use crate::workspace::Workspace;

pub fn home(env: &Env) -> Result<()> {
    let workspace = Workspace::open(env.study()?, env.prefs.clone())?;
    crate::tui::run(workspace, env.lang, Start::Home)
}

/// A copy of the template with its example sessions in a temporary folder, removed on exit.
pub fn demo(env: &Env) -> Result<()> {
    let tmp = tempfile::Builder::new().prefix("grille-demo-").tempdir()?;
    let root = tmp.path().join("etude");
    let dir = StudyDir::create(&root, &DIAGNOSTIC, true)?;
    eprintln!("{}", (env.texts().demo_at)(&root.display().to_string()));
    let workspace = Workspace::open(dir, env.prefs.clone())?;
    crate::tui::run(workspace, env.lang, Start::Home)
}

/// What `grille interview` may be given on the command line.
pub struct InterviewArgs {
    pub interviewer: Option<String>,
    pub respondent: Option<String>,
    pub location: Option<String>,
    pub attributes: Vec<String>,
    pub consent: Option<String>,
}

pub fn interview(env: &Env, args: InterviewArgs) -> Result<()> {
    let workspace = Workspace::open(env.study()?, env.prefs.clone())?;
    let prepared = prepared(&workspace.study, args, env)?;
    let setup = Setup::prepared(&workspace.study, &prepared, env.texts());
    let now = chrono::Local::now().fixed_offset();
    // Everything given: the interview starts at once; otherwise the form opens filled in.
    let start = match setup.session(&workspace.study, now, env.texts()) {
        Ok(session) => Start::NewSession(Box::new(session)),
        Err(_) => Start::Setup(Box::new(setup)),
    };
    crate::tui::run(workspace, env.lang, start)
}

fn prepared(study: &Study, args: InterviewArgs, env: &Env) -> Result<Prepared> {
    let attributes = study
        .meta
        .parse_attributes(&args.attributes)
        .map_err(|e| anyhow::anyhow!("--attr {e}"))?;
    let consent = match args.consent.as_deref().map(str::to_lowercase).as_deref() {
        None => None,
        Some("given" | "oui" | "yes" | "donne" | "donné") => Some(true),
        Some("refused" | "non" | "no" | "refuse" | "refusé") => Some(false),
        Some(other) => bail!("--consent {other}: expected given or refused"),
    };
    Ok(Prepared {
        interviewer: args.interviewer.or_else(|| env.prefs.interviewer.clone()),
        respondent: args.respondent,
        location: args.location,
        attributes,
        consent,
    })
}
