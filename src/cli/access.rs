//! `grille team` and `grille passphrase`: who can open an encrypted study, changed after it
//! was made. The study key is wrapped again; the study's files are not re-encrypted, so copies
//! made before still open the old way (said after every change).

use anyhow::{Result, bail};

use super::args::TeamCommand;
use super::encryption::{self, new_passphrase, secret_from_env, team_keys};
use super::terminal::say;
use super::{Env, show};
use crate::store::StudyDir;
use crate::store::keys::check_team;

/// The new passphrase, for scripts and tests (`GRILLE_PASSPHRASE` holds the current one).
pub const NEW_PASSPHRASE_ENV: &str = "GRILLE_NEW_PASSPHRASE";

/// `grille team [list|add|remove]`.
pub fn team(env: &Env, command: Option<TeamCommand>) -> Result<()> {
    let t = env.texts().access;
    let mut dir = encrypted_study(env)?;
    let root = show(dir.root());
    match command.unwrap_or(TeamCommand::List) {
        TeamCommand::List => {
            let team = dir.team()?;
            if team.is_empty() {
                say!("{}", (t.passphrase_only)(&root));
            } else {
                say!("{}", (t.team_header)(&root, team.len()));
                for (i, key) in team.iter().enumerate() {
                    println!("{:>3}  {key}", i + 1);
                }
            }
        }
        TeamCommand::Add { keys } => {
            let keys = team_keys(&keys)?;
            if let Err((key, why)) = check_team(&keys) {
                bail!((env.texts().encryption.bad_recipient)(&key, &why));
            }
            encryption::unlock(env, &mut dir)?;
            let done = dir.add_to_team(&keys)?;
            for key in &done.already {
                say!("{}", (t.already)(key));
            }
            for key in &done.changed {
                say!("{}", (t.added)(key));
            }
            say!("{}", (t.team_now)(done.team.len()));
        }
        TeamCommand::Remove { keys } => {
            let keys = team_keys(&keys)?;
            encryption::unlock(env, &mut dir)?;
            let done = dir.remove_from_team(&keys)?;
            for key in &done.changed {
                say!("{}", (t.removed)(key));
            }
            say!("{}", (t.team_now)(done.team.len()));
            say!("{}", t.removed_copies);
        }
    }
    Ok(())
}

/// `grille passphrase`: the study opened with its current passphrase (or a key of the team),
/// then the new one asked twice (or `GRILLE_NEW_PASSPHRASE`).
pub fn passphrase(env: &Env) -> Result<()> {
    let t = env.texts().access;
    let mut dir = encrypted_study(env)?;
    let root = show(dir.root());
    encryption::unlock(env, &mut dir)?;
    let new = new_passphrase(
        env,
        secret_from_env(NEW_PASSPHRASE_ENV),
        &(t.no_terminal_new)(&root),
    )?;
    dir.change_passphrase(&new, encryption::work_factor())?;
    say!("{}", (t.passphrase_changed)(&root));
    say!("{}", t.passphrase_copies);
    Ok(())
}

/// The study folder, refused with what to do first when it is not encrypted.
fn encrypted_study(env: &Env) -> Result<StudyDir> {
    let dir = env.study_folder()?;
    if !dir.is_encrypted() {
        bail!((env.texts().access.plain_study)(&show(dir.root())));
    }
    Ok(dir)
}
