//! Encryption at rest from the command line: the passphrase asked once per run (without echo,
//! or from `GRILLE_PASSPHRASE`; a key of the team from `GRILLE_IDENTITY`), `grille init
//! --encrypt`, `grille encrypt`, `grille decrypt`. The passphrase is never stored.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use anyhow::{Result, bail};

use super::terminal::say;
use super::{Env, show};
use crate::store::keys::{WORK_FACTOR_ENV, check_team};
use crate::store::{Protection, StoreError, StudyDir, Template, Unlock};

/// The passphrase, for scripts and tests (an interactive run asks for it instead).
pub const PASSPHRASE_ENV: &str = "GRILLE_PASSPHRASE";
/// A private key file of a team member (age or SSH) that opens the study instead.
pub const IDENTITY_ENV: &str = "GRILLE_IDENTITY";

/// The least length of a new passphrase.
const SHORTEST: usize = 8;

/// How many times a passphrase typed wrong is asked again in a terminal.
const TRIES: usize = 3;

/// Gives an encrypted study its key: from the environment, else asked in the terminal. A
/// plain study is left as it is.
pub fn unlock(env: &Env, dir: &mut StudyDir) -> Result<()> {
    if !dir.needs_key() {
        return Ok(());
    }
    let root = show(dir.root());
    if let Some(file) = std::env::var_os(IDENTITY_ENV).filter(|v| !v.is_empty()) {
        return Ok(dir.unlock(&Unlock::Identity(PathBuf::from(file)))?);
    }
    if let Some(given) = passphrase_from_env() {
        return Ok(dir.unlock(&Unlock::Passphrase(given))?);
    }
    if !std::io::stdin().is_terminal() {
        bail!((env.texts().encryption.no_terminal)(&root));
    }
    let mut tries = 0;
    loop {
        let typed = ask(&(env.texts().encryption.prompt)(&root))?;
        tries += 1;
        match dir.unlock(&Unlock::Passphrase(typed)) {
            Err(StoreError::WrongKey { .. }) if tries < TRIES => {
                eprintln!("{}", (env.texts().encryption.wrong_key)(&root));
            }
            other => return Ok(other?),
        }
    }
}

/// `grille init DIR --encrypt`.
pub fn init(
    env: &Env,
    dir: &Path,
    template: &Template,
    examples: bool,
    team: &[String],
) -> Result<()> {
    let protection = protection(env, team, dir)?;
    StudyDir::create_encrypted(dir, template, examples, &protection)?;
    let t = env.texts().encryption;
    say!("{}", (t.created)(&show(dir)));
    say!("{}", t.keep_passphrase);
    Ok(())
}

/// `grille encrypt`: the study in clear becomes the same study encrypted.
pub fn encrypt(env: &Env, team: &[String]) -> Result<()> {
    let dir = env.study_folder()?;
    if dir.is_encrypted() {
        return Err(StoreError::AlreadyThere {
            path: dir.root().to_path_buf(),
            encrypted: true,
        }
        .into());
    }
    let protection = protection(env, team, dir.root())?;
    let done = dir.encrypt(&protection)?;
    let t = env.texts().encryption;
    say!(
        "{}",
        (t.encrypted)(&show(done.dir.root()), done.files, protection.team.len())
    );
    say!("{}", t.keep_passphrase);
    left_behind(env, &done.left);
    Ok(())
}

/// `grille decrypt`: the encrypted study, opened with its passphrase, written back in clear.
pub fn decrypt(env: &Env) -> Result<()> {
    let dir = env.study_folder()?;
    if !dir.is_encrypted() {
        return Err(StoreError::AlreadyThere {
            path: dir.root().to_path_buf(),
            encrypted: false,
        }
        .into());
    }
    let mut dir = dir;
    unlock(env, &mut dir)?;
    let done = dir.decrypt()?;
    say!(
        "{}",
        (env.texts().encryption.decrypted)(&show(done.dir.root()), done.files)
    );
    left_behind(env, &done.left);
    Ok(())
}

fn left_behind(env: &Env, left: &Option<(PathBuf, String)>) {
    if let Some((path, why)) = left {
        super::terminal::message(&format!(
            "grille: {}",
            (env.texts().encryption.old_copy_left)(&show(path), why)
        ));
    }
}

/// Who will open the new encrypted study: a new passphrase (typed twice, or from the
/// environment) and the team's public keys, each checked.
pub(super) fn protection(env: &Env, team: &[String], root: &Path) -> Result<Protection> {
    let t = env.texts().encryption;
    let keys = team_keys(team)?;
    if let Err((key, why)) = check_team(&keys) {
        bail!((t.bad_recipient)(&key, &why));
    }
    let passphrase = new_passphrase(
        env,
        passphrase_from_env(),
        &(t.no_terminal_new)(&show(root)),
    )?;
    Ok(Protection {
        passphrase,
        team: keys,
        work_factor: work_factor(),
    })
}

/// A new passphrase: `given` (from the environment), else typed twice in the terminal; long
/// enough. `no_terminal`: the error when neither is at hand.
pub(super) fn new_passphrase(
    env: &Env,
    given: Option<SecretString>,
    no_terminal: &str,
) -> Result<SecretString> {
    let t = env.texts().encryption;
    let passphrase = match given {
        Some(given) => given,
        None => {
            if !std::io::stdin().is_terminal() {
                bail!("{no_terminal}");
            }
            let first = ask(t.prompt_new)?;
            let again = ask(t.prompt_again)?;
            if first.expose_secret() != again.expose_secret() {
                bail!(t.mismatch);
            }
            first
        }
    };
    if passphrase.expose_secret().chars().count() < SHORTEST {
        bail!((t.too_short)(SHORTEST));
    }
    Ok(passphrase)
}

/// The passphrase's scrypt work factor asked by the environment (tests), if any.
pub(super) fn work_factor() -> Option<u8> {
    std::env::var(WORK_FACTOR_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
}

/// The public keys given: each `--recipient` is a key, or a file of keys (one a line, `#`
/// for comments, as `age -R` reads them: `~/.ssh/id_ed25519.pub` works).
pub(super) fn team_keys(given: &[String]) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    for item in given {
        let path = Path::new(item);
        if path.is_file() {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", show(path)))?;
            keys.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_owned),
            );
        } else {
            keys.push(item.trim().to_owned());
        }
    }
    Ok(keys)
}

fn passphrase_from_env() -> Option<SecretString> {
    secret_from_env(PASSPHRASE_ENV)
}

/// A secret from the environment variable `name`, if set and not empty.
pub(super) fn secret_from_env(name: &str) -> Option<SecretString> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .map(SecretString::from)
}

/// Asks without echo, in the terminal.
fn ask(prompt: &str) -> Result<SecretString> {
    Ok(SecretString::from(rpassword::prompt_password(prompt)?))
}
