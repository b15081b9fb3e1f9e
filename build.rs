//! Embeds the example sessions of the built-in template (`templates/diagnostic/sessions/`) in the
//! binary (for `grille demo`, `grille init --examples` and the tests), whatever their file names.

use std::fmt::Write;
use std::path::Path;

const SESSIONS: &str = "templates/diagnostic/sessions";

fn main() {
    println!("cargo::rerun-if-changed={SESSIONS}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SESSIONS);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("templates/diagnostic/sessions/ holds the example sessions")
        .map(|e| e.expect("readable example sessions").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut code = String::from("&[\n");
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    code.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("example_sessions.rs");
    std::fs::write(out, code).unwrap();
}
