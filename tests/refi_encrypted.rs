//! `grille import PROJECT.qdpx --new DIR --encrypt` (issue 19): a project from another tool
//! lands directly in an encrypted study, no byte of it in clear on the disk, and opens with the
//! passphrase or a team member's key.

mod common;
mod refi_support;

use std::path::Path;

use age::secrecy::ExposeSecret;
use common::{file_names, files_holding};
use predicates::prelude::*;
use refi_support::fixture;

const PASSPHRASE: &str = "un cheval de Troie bleu";

/// Words of the NVivo project: a transcript's word, a source's name (a session's pseudonym),
/// a code's name. None must be found in any file of the encrypted study.
const WORDS: [&str; 3] = ["emberhulladék", "videos_selection", "Oltás típusa"];

fn grille(home: &Path) -> assert_cmd::Command {
    let mut cmd = common::grille(home);
    cmd.env("GRILLE_SCRYPT_WORK_FACTOR", "10")
        .env("GRILLE_PASSPHRASE", PASSPHRASE)
        .env_remove("GRILLE_IDENTITY");
    cmd
}

#[test]
fn an_nvivo_project_imported_encrypted_leaves_no_word_in_clear_and_opens_with_its_keys() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let member = age::x25519::Identity::generate();
    let identity = home.join("alix.key");
    std::fs::write(&identity, member.to_string().expose_secret()).unwrap();
    let into = home.join("oltas");
    let before = file_names(home);
    grille(home)
        .arg("import")
        .arg(fixture("nvivo12.6_win_oltas0517.qdpx"))
        .arg("--new")
        .arg(&into)
        .args(["--encrypt", "--recipient"])
        .arg(member.to_public().to_string())
        .assert()
        .success()
        .stderr(predicate::str::contains("Étude chiffrée créée"))
        .stderr(predicate::str::contains("303 codage(s)"));
    assert!(into.join("study.key").is_file());
    assert!(!into.join("index").exists());
    for word in WORDS {
        assert_eq!(files_holding(&into, word), Vec::<std::path::PathBuf>::new());
    }
    // Nothing was staged in clear beside it and left there.
    let mut expected = before.clone();
    expected.push("oltas".into());
    expected.sort();
    assert_eq!(file_names(home), expected);

    // Opened with the passphrase: both sources, their codes; with the member's key the same.
    let sessions = grille(home)
        .arg("--study")
        .arg(&into)
        .args(["sessions", "--json"])
        .output()
        .unwrap();
    assert!(sessions.status.success(), "{sessions:?}");
    let listed = String::from_utf8(sessions.stdout).unwrap();
    assert!(listed.contains("videos_selection") && listed.contains("videos_10_selected"));
    grille(home)
        .env_remove("GRILLE_PASSPHRASE")
        .env("GRILLE_IDENTITY", &identity)
        .arg("--study")
        .arg(&into)
        .args(["codebook", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Oltás típusa"));
    // Searched (its index built in memory), still nothing written in clear.
    grille(home)
        .arg("--study")
        .arg(&into)
        .args(["search", "emberhulladék"])
        .assert()
        .success()
        .stdout(predicate::str::contains("videos_"));
    for word in WORDS {
        assert_eq!(files_holding(&into, word), Vec::<std::path::PathBuf>::new());
    }

    // The same import without --encrypt does write the words (the check above can fail).
    let plain = home.join("clair");
    grille(home)
        .arg("import")
        .arg(fixture("nvivo12.6_win_oltas0517.qdpx"))
        .arg("--new")
        .arg(&plain)
        .assert()
        .success();
    assert!(!files_holding(&plain, WORDS[0]).is_empty());
}

#[test]
fn a_passphrase_too_short_creates_nothing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let before = file_names(home);
    grille(home)
        .env("GRILLE_PASSPHRASE", "court")
        .arg("import")
        .arg(fixture("nvivo12.6_win_oltas0517.qdpx"))
        .args(["--new", "oltas", "--encrypt"])
        .current_dir(home)
        .assert()
        .failure()
        .stderr(predicate::str::contains("trop courte"));
    assert_eq!(file_names(home), before);
    // --encrypt is for a new study only.
    grille(home)
        .arg("import")
        .arg(fixture("nvivo12.6_win_oltas0517.qdpx"))
        .arg("--encrypt")
        .assert()
        .code(2);
}
