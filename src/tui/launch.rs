//! Starting the interface: on a study (`grille`), on a throwaway copy of the example study
//! (`grille demo`), or on a new interview straight away (`grille interview`). The binary picks
//! this front end; the command line only resolves the study and the preferences.

use anyhow::Result;

use super::runtime::Start;
use super::setup::{Prepared, Setup};
use crate::i18n::Lang;
use crate::store::template::DIAGNOSTIC;
use crate::store::{Preferences, StudyDir};
use crate::study::Study;
use crate::workspace::Workspace;

/// `keys`: the pseudonymisation key table, when not the default one.
pub fn home(
    dir: StudyDir,
    prefs: Preferences,
    lang: Lang,
    keys: Option<std::path::PathBuf>,
) -> Result<()> {
    let mut workspace = Workspace::open(dir, prefs)?;
    workspace.pseudonym_keys = keys;
    super::run(workspace, lang, Start::Home)
}

/// A copy of the template with its example sessions in a temporary folder, private from the
/// start (`0700` whatever the umask) and removed on every way out: quitting, an error, a panic,
/// and the signals the interface turns into a clean exit (SIGHUP, SIGTERM, SIGINT, SIGQUIT).
pub fn demo(prefs: Preferences, lang: Lang) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::Builder::new()
        .prefix("grille-demo-")
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()?;
    let root = tmp.path().join("etude");
    let dir = StudyDir::create(&root, &DIAGNOSTIC, true)?;
    eprintln!("{}", (lang.texts().demo_at)(&root.display().to_string()));
    let workspace = Workspace::open(dir, prefs)?;
    super::run(workspace, lang, Start::Home)
}

/// What `grille interview` may be given on the command line.
pub struct InterviewArgs {
    pub interviewer: Option<String>,
    pub respondent: Option<String>,
    pub location: Option<String>,
    pub attributes: Vec<String>,
    /// Given, refused, or not known (the form asks).
    pub consent: Option<bool>,
}

pub fn interview(dir: StudyDir, prefs: Preferences, lang: Lang, args: InterviewArgs) -> Result<()> {
    let t = lang.texts();
    let workspace = Workspace::open(dir, prefs)?;
    let prepared = prepared(&workspace.study, args, &workspace.prefs)?;
    let setup = Setup::prepared(&workspace.study, &prepared, t);
    let now = chrono::Local::now().fixed_offset();
    // Everything given: the interview starts at once; otherwise the form opens filled in.
    let start = match setup.session(&workspace.study, now, t) {
        Ok(session) => Start::NewSession(Box::new(session)),
        Err(_) => Start::Setup(Box::new(setup)),
    };
    super::run(workspace, lang, start)
}

fn prepared(study: &Study, args: InterviewArgs, prefs: &Preferences) -> Result<Prepared> {
    let attributes = study
        .meta
        .parse_attributes(&args.attributes)
        .map_err(|e| anyhow::anyhow!("--attr {e}"))?;
    Ok(Prepared {
        interviewer: args.interviewer.or_else(|| prefs.interviewer.clone()),
        respondent: args.respondent,
        location: args.location,
        attributes,
        consent: args.consent,
    })
}
