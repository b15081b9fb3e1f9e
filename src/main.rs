//! The `grille` binary: reads the command line, runs the command, maps the outcome to an exit
//! code (0 success, 1 failure or problems found, 2 wrong usage).

#![warn(clippy::unwrap_used)]

use std::process::ExitCode;

use clap::Parser;

use grille::cli::args::{Args, Command, ConsentArg, ImportWhat};
use grille::cli::{self, Env};
use grille::tui;

fn main() -> ExitCode {
    let args = Args::parse();
    let env = Env::new(args.lang, args.study.clone());
    if args.keys.is_some() && args.command.is_some() {
        cli::terminal::message(&format!(
            "grille: {}",
            env.texts().privacy.keys_flag_placement
        ));
        return ExitCode::from(2);
    }
    let outcome = match args.command {
        Some(Command::Init {
            dir,
            template,
            examples,
            encrypt,
            recipient,
        }) => cli::init::run(
            &env,
            &dir,
            &template,
            examples,
            encrypt.then_some(&recipient[..]),
        )
        .map(|()| true),
        Some(Command::Encrypt { recipient }) => {
            cli::encryption::encrypt(&env, &recipient).map(|()| true)
        }
        Some(Command::Decrypt) => cli::encryption::decrypt(&env).map(|()| true),
        Some(Command::Team { command }) => cli::access::team(&env, command).map(|()| true),
        Some(Command::Passphrase) => cli::access::passphrase(&env).map(|()| true),
        Some(Command::Check {
            privacy: true,
            keys,
            ..
        }) => cli::pseudonymize::audit(&env, keys),
        Some(Command::Check { repair: false, .. }) => cli::check::run(&env),
        Some(Command::Check {
            repair: true, yes, ..
        }) => cli::repair::run(&env, yes),
        Some(Command::Pseudonymize { command, keys }) => {
            cli::pseudonymize::run(&env, command, keys)
        }
        Some(Command::Sessions { json }) => cli::sessions::run(&env, json),
        Some(Command::Situations { command }) => cli::counting::situations(&env, command),
        Some(Command::ReferenceCoder { session, coder }) => {
            cli::counting::reference_coder(&env, &session, coder)
        }
        Some(Command::Search { query, limit, json }) => cli::search::run(&env, &query, limit, json),
        Some(Command::Index { command }) => cli::index::run(&env, command),
        Some(Command::Codebook { command }) => cli::codebook::run(&env, command),
        Some(Command::Dev { command }) => cli::dev::run(&env, command),
        Some(Command::Import(args)) => match &args.what {
            Some(ImportWhat::Responses(responses)) => cli::responses::run(&env, responses),
            None => cli::import::run(&env, &args.transcripts),
        },
        Some(Command::Session { id, interviewer }) => cli::session::run(&env, &id, interviewer),
        Some(Command::Quote {
            coding,
            comment,
            remove,
        }) => cli::quote::run(&env, &coding, comment, remove),
        Some(Command::Report {
            dest,
            by,
            kind,
            template,
        }) => cli::report::run(
            &env,
            cli::report::ReportArgs {
                disclosure: dest.disclosure(),
                output: dest.output,
                force: dest.force,
                by,
                kind,
                template,
            },
        ),
        Some(Command::Config { command }) => cli::config::run(&env, command).map(|()| true),
        Some(Command::Demo) => tui::launch::demo(env.prefs.clone(), env.lang).map(|()| true),
        Some(Command::Interview {
            interviewer,
            respondent,
            location,
            attributes,
            consent,
        }) => env
            .study()
            .and_then(|dir| {
                tui::launch::interview(
                    dir,
                    env.prefs.clone(),
                    env.lang,
                    tui::launch::InterviewArgs {
                        interviewer,
                        respondent,
                        location,
                        attributes,
                        consent: consent.and_then(ConsentArg::given),
                    },
                )
            })
            .map(|()| true),
        Some(Command::Export { what }) => cli::export::run(&env, what),
        None => env
            .study()
            .and_then(|dir| tui::launch::home(dir, env.prefs.clone(), env.lang, args.keys))
            .map(|()| true),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.is::<cli::Usage>() => {
            cli::terminal::message(&format!("grille: {e:#}"));
            ExitCode::from(2)
        }
        Err(e) => {
            // An error of the study folder in the user's language; others as the core said.
            let line = match store_error(&e) {
                Some(store) => format!("grille: {}", store.message(env.texts())),
                None => format!("grille: {e:#}"),
            };
            cli::terminal::message(&line);
            ExitCode::FAILURE
        }
    }
}

/// The study folder's error a command ended on, also under the index's (a full disk while the
/// index was written is the disk's error, said as such).
fn store_error(e: &anyhow::Error) -> Option<&grille::store::StoreError> {
    use grille::index::{IndexError, SearchError};
    e.downcast_ref::<grille::store::StoreError>()
        .or_else(|| e.downcast_ref::<IndexError>().and_then(IndexError::store))
        .or_else(|| match e.downcast_ref::<SearchError>() {
            Some(SearchError::Index(index)) => index.store(),
            _ => None,
        })
}
