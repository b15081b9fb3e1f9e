//! How long indexing goes: a progress bar on stderr for the command line (hidden when stderr is
//! not a terminal), nothing for tests; the TUI gives its own.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Told how indexing goes: `begin` with the number of sessions, `step` after each.
pub trait Progress {
    fn begin(&mut self, what: &str, total: usize);
    fn step(&mut self);
    fn end(&mut self);
}

/// No report at all.
pub struct Silent;

impl Progress for Silent {
    fn begin(&mut self, _: &str, _: usize) {}
    fn step(&mut self) {}
    fn end(&mut self) {}
}

/// An indicatif bar on stderr; indicatif hides it when stderr is not a terminal.
#[derive(Default)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Progress for Bar {
    fn begin(&mut self, what: &str, total: usize) {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_owned());
        self.bar = Some(bar);
    }

    fn step(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn end(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
