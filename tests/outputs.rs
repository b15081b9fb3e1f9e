//! What the commands print does not change when they are made faster (issue #14): their
//! outputs on a generated study, compared byte for byte with those the commands printed before
//! the work on scale (in `tests/fixtures/outputs/`, made by `grille` from `main` at the commit
//! named in the README there).
//!
//! An output meant to change is made again with `GRILLE_BLESS=1 cargo test --test outputs`;
//! `GRILLE_OUTPUTS_BIN` runs another binary (the one the fixtures were made with).

mod common;

use std::path::{Path, PathBuf};

/// (name, arguments): every command that reads all the sessions or the index.
const CASES: &[(&str, &[&str])] = &[
    ("sessions", &["sessions"]),
    ("sessions-json", &["sessions", "--json"]),
    ("check", &["check"]),
    ("frequencies", &["export", "frequencies"]),
    (
        "frequencies-by",
        &["export", "frequencies", "--by", "secteur", "--json"],
    ),
    ("answers", &["export", "answers"]),
    ("situations", &["export", "situations"]),
    // Searches list every hit (the limit is above the total): which of several hits of equal
    // score make a shorter list depends on how the index's build shared documents between
    // its threads, and is not what is compared here.
    (
        "search-word",
        &["search", "hôtel date:2021-05..2021-05", "--limit", "50"],
    ),
    (
        "search-accents",
        &["search", "proxenetisme mineures secteur:sante", "--json"],
    ),
    (
        "search-phrase",
        &["search", "\"réseaux sociaux\"", "--limit", "100"],
    ),
    ("search-code", &["search", "code:lieux/hotel kind:excerpt"]),
    (
        "search-filters",
        &[
            "search",
            "secteur:sante date:2021-04..2021-07 logement",
            "--json",
        ],
    ),
    ("search-nothing", &["search", "zzzyyyxxx"]),
    (
        "export-query",
        &["export", "frequencies", "--query", "hôtel"],
    ),
];

fn binary() -> PathBuf {
    std::env::var_os("GRILLE_OUTPUTS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("grille"))
}

fn run(bin: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(bin)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("GRILLE_STUDY")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_commands_print_what_they_printed_before() {
    let bin = binary();
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    // 30 sessions of 2,000 words: every kind of row, codes at every depth, attributes.
    let made = run(
        &bin,
        home.path(),
        &[
            "dev",
            "gen-corpus",
            "--out",
            study.to_str().unwrap(),
            "--sessions",
            "30",
            "--words",
            "2000",
            "--seed",
            "5",
        ],
    );
    assert!(made.status.success());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/outputs");
    let bless = std::env::var_os("GRILLE_BLESS").is_some();
    let mut differ = Vec::new();
    for (name, args) in CASES {
        let mut all = vec!["--study", study.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = run(&bin, home.path(), &all);
        let text = format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .replace(study.to_str().unwrap(), "<study>");
        let file = fixtures.join(format!("{name}.txt"));
        if bless {
            std::fs::write(&file, &text).unwrap();
        } else if std::fs::read_to_string(&file).unwrap() != text {
            differ.push(name);
            std::fs::write(std::env::temp_dir().join(format!("{name}.new.txt")), &text).unwrap();
        }
    }
    assert!(
        differ.is_empty(),
        "outputs changed (the new ones are in the temp folder as NAME.new.txt): {differ:?}"
    );
}
