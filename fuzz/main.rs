//! Fuzz targets: every parser of what grille reads from outside (the study's files and journals,
//! search queries, transcripts, questionnaire responses, REFI-QDA files, the preferences) fed
//! bytes grille did not write. Whatever the bytes, the answer is a value or an error that says
//! what and where, never a panic, a hang or a value grille would refuse later. How to run them
//! and how to add one: `fuzz/README.md`.
//!
//! Each target is a bolero `check!` named after its parser; its kept corpus is
//! `fuzz/__fuzz__/<name>/corpus/`. `cargo test` replays the corpus, then runs each target on
//! generated inputs for a bounded time; `cargo bolero test` runs one under libFuzzer, guided by
//! coverage, for as long as asked.

mod mutation;
mod preferences;
mod query;
mod refi;
mod responses;
mod setup;
mod study_files;
mod transcripts;
