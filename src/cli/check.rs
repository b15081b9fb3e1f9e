//! `grille check`: every file of the study checked, every problem listed.

use anyhow::Result;

use super::Env;
use super::terminal::{out, say};

/// Returns whether the study is sound.
pub fn run(env: &Env) -> Result<bool> {
    let study = env.study()?;
    let report = study.check();
    for note in &report.notes {
        say!("note: {note}");
    }
    let t = env.texts();
    for error in &report.errors {
        out!("{}", error.message(t))?;
    }
    for (pseudonym, kind, files) in &report.shared_pseudonyms {
        let files: Vec<String> = files.iter().map(|f| super::show(f)).collect();
        let kind = t.questionnaire.kind_name(*kind);
        say!(
            "{}",
            (t.analysis.shared_pseudonym)(pseudonym, kind, &files.join(", "))
        );
    }
    if report.is_ok() {
        say!("{}", (t.check_ok)(report.sessions));
    } else {
        say!("{}", (t.check_failed)(report.errors.len()));
    }
    Ok(report.is_ok())
}
