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
    (
        "answers-table",
        &["export", "answers", "--table", "answers"],
    ),
    ("answers-json", &["export", "answers", "--json"]),
    (
        "answers-by",
        &["export", "answers", "--by", "territoire", "--json"],
    ),
    (
        "situations-table",
        &["export", "situations", "--table", "situations"],
    ),
    ("situations-json", &["export", "situations", "--json"]),
    (
        "situations-by",
        &["export", "situations", "--by", "secteur", "--json"],
    ),
    (
        "frequencies-identities",
        &["export", "frequencies", "--with-identities", "--json"],
    ),
    (
        "frequencies-all-coders",
        &["export", "frequencies", "--coder", "all", "--json"],
    ),
    (
        "frequencies-coder",
        &["export", "frequencies", "--coder", "Nora Haddad"],
    ),
    (
        "frequencies-coder-identities",
        &[
            "export",
            "frequencies",
            "--coder",
            "Nora Haddad",
            "--with-identities",
        ],
    ),
    (
        "frequencies-filtered",
        &[
            "export",
            "frequencies",
            "--status",
            "done",
            "--from",
            "2021-04-01",
            "--json",
        ],
    ),
    (
        "frequencies-chart",
        &[
            "export",
            "frequencies",
            "--top",
            "6",
            "--chart",
            "-",
            "-o",
            "{home}/f.md",
        ],
    ),
    (
        "situations-chart",
        &["export", "situations", "--chart", "-", "-o", "{home}/s.md"],
    ),
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

/// Run again once sessions are damaged (see [`damage`]): each is named and left out, the
/// others counted as before.
const DAMAGED: &[(&str, &[&str])] = &[
    ("sessions", &["sessions"]),
    ("check", &["check"]),
    ("frequencies", &["export", "frequencies", "--json"]),
    (
        "frequencies-identities",
        &["export", "frequencies", "--with-identities", "--json"],
    ),
    ("answers", &["export", "answers", "--table", "answers"]),
    (
        "situations",
        &["export", "situations", "--table", "situations"],
    ),
];

/// Runs each case and compares what it printed with its fixture (`PREFIXNAME.txt`), or writes
/// the fixture (`GRILLE_BLESS`); returns the names of those that differ. `{home}` in an
/// argument is the home folder (outside the study: an export is refused inside it).
fn compare(
    bin: &Path,
    home: &Path,
    study: &Path,
    prefix: &str,
    cases: &[(&str, &[&str])],
) -> Vec<String> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/outputs");
    let bless = std::env::var_os("GRILLE_BLESS").is_some();
    let home_str = home.to_str().unwrap();
    let mut differ = Vec::new();
    for (name, args) in cases {
        let mut all = vec!["--study".to_owned(), study.to_str().unwrap().to_owned()];
        all.extend(args.iter().map(|a| a.replace("{home}", home_str)));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let out = run(bin, home, &all);
        let text = format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .replace(study.to_str().unwrap(), "<study>")
        .replace(home_str, "<home>");
        let name = format!("{prefix}{name}");
        let file = fixtures.join(format!("{name}.txt"));
        if bless {
            std::fs::write(&file, &text).unwrap();
        } else if std::fs::read_to_string(&file).unwrap() != text {
            std::fs::write(std::env::temp_dir().join(format!("{name}.new.txt")), &text).unwrap();
            differ.push(name);
        }
        for made in ["f.md", "s.md"] {
            let _ = std::fs::remove_file(home.join(made));
        }
    }
    differ
}

/// Of the sessions in file-name order: the first gets a coding of a code the codebook lacks
/// (it breaks the rules: unreadable), the second is cut short (not JSON), and the third's
/// codings are by a second coder written with spaces around the name (the same person once
/// the names are given as initials, another without).
fn damage(study: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let edit = |file: &Path, change: &dyn Fn(&mut serde_json::Value)| {
        let mut doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        change(&mut doc);
        std::fs::write(file, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    };
    edit(&files[0], &|doc| {
        doc["codings"][0]["code"] = "00000000-0000-4000-8000-000000000000".into();
    });
    let text = std::fs::read(&files[1]).unwrap();
    std::fs::write(&files[1], &text[..text.len() / 2]).unwrap();
    edit(&files[2], &|doc| {
        let codings = doc["codings"].as_array_mut().unwrap();
        assert!(codings.len() > 4);
        for (i, c) in codings.iter_mut().enumerate() {
            if i % 2 == 1 {
                c["coder"] = " Nora Haddad ".into();
            }
        }
    });
}

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
    let mut differ = compare(&bin, home.path(), &study, "", CASES);
    damage(&study);
    differ.extend(compare(&bin, home.path(), &study, "damaged-", DAMAGED));
    assert!(
        differ.is_empty(),
        "outputs changed (the new ones are in the temp folder as NAME.new.txt): {differ:?}"
    );
}
