//! grille: conduct semi-directive interviews along a grid, code their transcripts, search them
//! and export what they say. The TUI, the CLI and the tests share this library.

pub mod cli;
pub mod i18n;
pub mod store;
pub mod study;
pub mod workspace;
