//! `grille config`: the preferences the interface's forms set (the interviewer's and the
//! coder's names, the language), from the command line.

use anyhow::Result;

use super::args::ConfigCommand;
use super::terminal::{out, say};
use super::{Env, Usage};
use crate::i18n::Lang;
use crate::store::Preferences;
use crate::study::text;

pub fn run(env: &Env, command: ConfigCommand) -> Result<()> {
    let t = env.texts();
    let mut prefs = env.prefs.clone();
    match command {
        ConfigCommand::Show => {
            let show = |v: &Option<String>| v.clone().unwrap_or_default();
            out!("interviewer = {}", show(&prefs.interviewer))?;
            out!("coder = {}", show(&prefs.coder))?;
            let lang = prefs.lang.map(|l| match l {
                Lang::Fr => "fr",
                Lang::En => "en",
            });
            out!("lang = {}", lang.unwrap_or_default())?;
            return Ok(());
        }
        ConfigCommand::Set { key, value } => {
            let value = text::normalize(value.trim());
            set(&mut prefs, &key, Some(value.clone()), t)?;
            save(&prefs, t)?;
            say!("{}", (t.import.config_saved)(&key, &value));
        }
        ConfigCommand::Unset { key } => {
            set(&mut prefs, &key, None, t)?;
            save(&prefs, t)?;
            say!("{}", (t.import.config_cleared)(&key));
        }
    }
    Ok(())
}

fn set(
    prefs: &mut Preferences,
    key: &str,
    value: Option<String>,
    t: &crate::i18n::Texts,
) -> Result<()> {
    let value = value.filter(|v| !v.is_empty());
    match key {
        "interviewer" => prefs.interviewer = value,
        "coder" => prefs.coder = value,
        "lang" => {
            prefs.lang = match value {
                None => None,
                Some(v) => {
                    Some(Lang::parse(&v).ok_or_else(|| Usage((t.import.config_unknown_key)(&v)))?)
                }
            }
        }
        other => return Err(Usage((t.import.config_unknown_key)(other)).into()),
    }
    Ok(())
}

fn save(prefs: &Preferences, t: &crate::i18n::Texts) -> Result<()> {
    if prefs.saved_in.is_none() {
        return Err(Usage(t.import.config_nowhere.into()).into());
    }
    prefs.save()?;
    Ok(())
}
