//! `grille check --repair`: the problems `check` finds, each with a fix proposed and written
//! only when confirmed (`--yes` for scripts); what is dropped is kept in a log.

use std::io::{BufRead, IsTerminal};

use anyhow::Result;

use super::terminal::{out, prompt, say};
use super::{Env, show};
use crate::i18n::Texts;
use crate::study::repair::{Action, Why};
use crate::workspace::{Proposed, Workspace};

/// What the person answered for one fix.
enum Answer {
    Yes,
    No,
    All,
    Quit,
}

/// Returns whether the study is sound afterwards.
pub fn run(env: &Env, yes: bool) -> Result<bool> {
    let t = env.texts();
    let s = t.store;
    // The report first, as `grille check` gives it.
    let sound = super::check::run(env)?;
    let dir = env.study()?;
    let leftovers = dir.leftovers();
    let mut ws = Workspace::open_as_is(dir, env.prefs.clone())?;
    let proposed = ws.repairs()?;
    if proposed.is_empty() && leftovers.is_empty() {
        say!("{}", s.repair_nothing);
        return Ok(sound);
    }
    let total = proposed.len() + leftovers.len();
    let interactive = !yes && std::io::stdin().is_terminal();
    if !yes && !interactive {
        for (i, p) in proposed.iter().enumerate() {
            out!("[{}/{total}] {}", i + 1, describe(p, &ws, t))?;
        }
        for (i, path) in leftovers.iter().enumerate() {
            let n = proposed.len() + i + 1;
            out!("[{n}/{total}] {}", (s.repair_leftover)(&show(path)))?;
        }
        say!("{}", s.repair_not_asked);
        return Ok(false);
    }
    let mut all = yes;
    let mut chosen = Vec::new();
    let mut remove = Vec::new();
    let mut stdin = std::io::stdin().lock();
    let items = proposed
        .iter()
        .map(|p| describe(p, &ws, t))
        .chain(leftovers.iter().map(|l| (s.repair_leftover)(&show(l))));
    for (i, text) in items.enumerate() {
        let answer = if all {
            Answer::Yes
        } else {
            ask(&mut stdin, &format!("[{}/{total}] {text}", i + 1), t)?
        };
        let take = match answer {
            Answer::Yes => true,
            Answer::All => {
                all = true;
                true
            }
            Answer::No => false,
            Answer::Quit => break,
        };
        if take {
            match proposed.get(i) {
                Some(p) => chosen.push(p.clone()),
                None => remove.push(leftovers[i - proposed.len()].clone()),
            }
        }
    }
    let done = ws.repair(&chosen)?;
    for path in &remove {
        if std::fs::remove_file(path).is_ok() {
            say!("{}", (s.repair_removed)(&show(path)));
        }
    }
    for (pseudonym, why) in &done.skipped {
        say!("{}", (s.repair_skipped)(pseudonym, why));
    }
    say!("{}", (s.repair_done)(done.applied, remove.len()));
    if let Some(log) = &done.log {
        say!("{}", (s.repair_log)(&show(log)));
    }
    Ok(ws.dir.check().is_ok())
}

fn ask(stdin: &mut impl BufRead, question: &str, t: &Texts) -> Result<Answer> {
    let s = t.store;
    loop {
        prompt(&format!("{question}\n  {} ", s.repair_prompt));
        let mut line = String::new();
        if stdin.read_line(&mut line)? == 0 {
            return Ok(Answer::Quit);
        }
        let word = line.trim().to_lowercase();
        let first = word.chars().next();
        return Ok(match first {
            Some('o' | 'y') => Answer::Yes,
            Some('n') | None => Answer::No,
            Some('t' | 'a') => Answer::All,
            Some('q') => Answer::Quit,
            _ => continue,
        });
    }
}

/// One proposed fix, for the person deciding.
fn describe(p: &Proposed, ws: &Workspace, t: &Texts) -> String {
    let s = t.store;
    let file = show(&p.file);
    let c = &p.fix.coding;
    let what = match &p.fix.action {
        Action::Map { into, .. } => {
            let into = ws
                .study
                .codebook
                .path(*into)
                .unwrap_or_else(|| into.to_string());
            (s.repair_map)(&p.fix.excerpt, &c.coder, &into)
        }
        Action::Drop(why) => {
            let why = match why {
                Why::CodeDeleted { path, by } => (s.repair_why_deleted)(path, by),
                Why::UnknownCode => (s.repair_why_unknown)(&c.code.to_string()),
                Why::UnknownSegment => s.repair_why_segment.to_owned(),
                Why::BadSpan(message) => message.clone(),
            };
            (s.repair_drop)(&p.fix.excerpt, &c.coder, &why)
        }
    };
    format!("{file} ({}): {what}", p.pseudonym)
}
