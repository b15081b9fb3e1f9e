//! How long indexing goes, told to whoever shows it: the command line draws a bar
//! (`cli::progress::Bar`), the interface its own, the tests nothing ([`Silent`]).

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
