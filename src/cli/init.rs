//! `grille init DIR`: a new study folder from a template.

use std::path::Path;

use anyhow::{Result, bail};

use super::terminal::say;
use super::{Env, show};
use crate::store::{StudyDir, Template};

pub fn run(
    env: &Env,
    dir: &Path,
    template: &str,
    examples: bool,
    encrypt: Option<&[String]>,
) -> Result<()> {
    let Some(template) = Template::by_name(template) else {
        bail!("unknown template \"{template}\" (diagnostic or empty)");
    };
    if let Some(team) = encrypt {
        return super::encryption::init(env, dir, template, examples, team);
    }
    StudyDir::create(dir, template, examples)?;
    say!("{}", (env.texts().study_created)(&show(dir)));
    Ok(())
}
