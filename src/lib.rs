//! grille: conduct semi-directive interviews along a grid, code their transcripts, search them
//! and export what they say. The TUI, the CLI and the tests share this library.
//!
//! Layers, imports pointing down only: `cli` (front end) → `workspace` (the open study) →
//! `analysis`, `index`, `interop` → `store` (the study folder) → `study` (the model, no I/O).
//! `corpus` writes synthetic studies through the store, for benchmarks and trials.

// A panic in the interface loses the draft being typed and may leave the terminal raw: code
// that can fail returns a typed error. Tests may unwrap (clippy.toml).
#![warn(clippy::unwrap_used)]

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod i18n;
pub mod index;
pub mod interop;
pub mod store;
pub mod study;
pub mod tui;
pub mod workspace;
