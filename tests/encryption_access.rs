//! Who opens an encrypted study, changed after it was made (issue 19): `grille team add` /
//! `remove` (age and SSH public keys) and `grille passphrase`, on the real binary. Only
//! `study.key` may change; a refused change leaves every byte of the folder as it was.

mod common;

use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use common::tree_bytes;
use predicates::prelude::*;

const PASSPHRASE: &str = "un cheval de Troie bleu";
const NEW_PASSPHRASE: &str = "une jument de Troie verte";
/// In the one transcript of the study: found by a search only when the study opened.
const WORD: &str = "Zanzibarite";

const SSH_PUBLIC: &str = include_str!("fixtures/ssh/camille_ed25519.pub");

/// `grille` with scrypt made cheap and no key or passphrase given.
fn grille(home: &Path) -> assert_cmd::Command {
    let mut cmd = common::grille(home);
    cmd.env("GRILLE_SCRYPT_WORK_FACTOR", "10")
        .env_remove("GRILLE_PASSPHRASE")
        .env_remove("GRILLE_NEW_PASSPHRASE")
        .env_remove("GRILLE_IDENTITY");
    cmd
}

/// `grille --study ROOT` opened with `passphrase`.
fn with_passphrase(home: &Path, root: &Path, passphrase: &str) -> assert_cmd::Command {
    let mut cmd = grille(home);
    cmd.env("GRILLE_PASSPHRASE", passphrase)
        .arg("--study")
        .arg(root);
    cmd
}

/// `grille --study ROOT` opened with a team member's private key file.
fn with_identity(home: &Path, root: &Path, identity: &Path) -> assert_cmd::Command {
    let mut cmd = grille(home);
    cmd.env("GRILLE_IDENTITY", identity)
        .arg("--study")
        .arg(root);
    cmd
}

/// An encrypted study holding one transcript with [`WORD`].
fn encrypted_study(home: &Path) -> PathBuf {
    let root = home.join("etude");
    grille(home)
        .env("GRILLE_PASSPHRASE", PASSPHRASE)
        .args(["init", "--encrypt"])
        .arg(&root)
        .assert()
        .success();
    let transcript = home.join("R31.txt");
    std::fs::write(
        &transcript,
        format!("[00:00:12] Mme K. : Au bar {WORD}, près de la gare.\n"),
    )
    .unwrap();
    with_passphrase(home, &root, PASSPHRASE)
        .arg("import")
        .arg(&transcript)
        .args([
            "--respondent",
            "R31",
            "--interviewer",
            "CR",
            "--consent",
            "given",
        ])
        .assert()
        .success();
    root
}

/// Whether `cmd` opens the study: a search finds the transcript's word.
fn opens(mut cmd: assert_cmd::Command) -> bool {
    let out = cmd.args(["search", WORD]).output().unwrap();
    let found = String::from_utf8_lossy(&out.stdout).contains("R31");
    assert_eq!(out.status.success(), found, "{out:?}");
    if !found {
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("phrase de passe incorrecte"), "{said}");
    }
    found
}

/// Every file of the study but the lock files (which say who held them last), with its bytes.
fn unlocked_files(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = tree_bytes(root);
    files.retain(|path, _| !path.to_string_lossy().ends_with(".lock"));
    files
}

/// Runs `cmd`, which must succeed, and checks that of the study's files only `study.key`
/// changed: the study key is wrapped again, no file is encrypted again.
fn only_the_key_changes(root: &Path, mut cmd: assert_cmd::Command) -> assert_cmd::assert::Assert {
    let before = unlocked_files(root);
    let done = cmd.assert().success();
    assert_eq!(
        changed(&before, &unlocked_files(root)),
        vec![PathBuf::from("study.key")]
    );
    done
}

fn team_listed(home: &Path, root: &Path) -> String {
    let out = grille(home)
        .arg("--study")
        .arg(root)
        .arg("team")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_key_added_opens_the_study_and_once_removed_no_longer_opens_it_but_an_older_copy() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let root = encrypted_study(home);
    let member = age::x25519::Identity::generate();
    let age_public = member.to_public().to_string();
    let identity = home.join("alix.key");
    std::fs::write(&identity, member.to_string().expose_secret()).unwrap();
    let ssh_identity =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ssh/camille_ed25519");
    let ssh_public_file = ssh_identity.with_extension("pub");
    assert!(!opens(with_identity(home, &root, &identity)));
    assert_eq!(team_listed(home, &root), "");

    // An age key given as it is, an SSH key as the file ~/.ssh/id_ed25519.pub would be.
    let mut add = with_passphrase(home, &root, PASSPHRASE);
    add.args(["team", "add", &age_public]).arg(&ssh_public_file);
    only_the_key_changes(&root, add)
        .stderr(predicate::str::contains(format!(
            "Clé ajoutée : {age_public}"
        )))
        .stderr(predicate::str::contains("2 clés d'équipe ouvrent l'étude"));
    assert_eq!(
        team_listed(home, &root),
        format!("  1  {age_public}\n  2  {}\n", SSH_PUBLIC.trim())
    );
    assert!(opens(with_identity(home, &root, &identity)));
    assert!(opens(with_identity(home, &root, &ssh_identity)));
    assert!(opens(with_passphrase(home, &root, PASSPHRASE)));
    // Given again (its comment changed), a key is not added twice.
    let renamed = SSH_PUBLIC.replace("camille@poste-2", "camille@portable");
    with_passphrase(home, &root, PASSPHRASE)
        .args(["team", "add", renamed.trim()])
        .assert()
        .success()
        .stderr(predicate::str::contains("Déjà une clé de l'équipe"));
    assert_eq!(team_listed(home, &root).lines().count(), 2);

    // A copy taken now (a backup, a USB stick).
    let copy = home.join("copie");
    copy_tree(&root, &copy);

    // A team member removes the other's key, by the name the SSH key ends with.
    let mut remove = with_identity(home, &root, &identity);
    remove.args(["team", "remove", "camille@poste-2"]);
    only_the_key_changes(&root, remove)
        .stderr(predicate::str::contains(format!(
            "Clé retirée : {}",
            SSH_PUBLIC.trim()
        )))
        .stderr(predicate::str::contains(
            "toute copie faite avant ce retrait",
        ))
        .stderr(predicate::str::contains(
            "ne propose pas de changer la clé de l'étude",
        ));
    assert!(!opens(with_identity(home, &root, &ssh_identity)));
    assert!(opens(with_identity(home, &root, &identity)));
    // What the message says: the copy from before still opens with the key removed.
    assert!(opens(with_identity(home, &copy, &ssh_identity)));

    // The last key removed, by the key itself: only the passphrase opens the study.
    let mut remove = with_passphrase(home, &root, PASSPHRASE);
    remove.args(["team", "remove", &age_public]);
    only_the_key_changes(&root, remove).stderr(predicate::str::contains(
        "seule la phrase de passe ouvre l'étude",
    ));
    assert!(!opens(with_identity(home, &root, &identity)));
    assert!(opens(with_passphrase(home, &root, PASSPHRASE)));
}

#[test]
fn a_new_passphrase_opens_the_study_and_the_old_one_no_longer_does() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let root = encrypted_study(home);
    let mut change = with_passphrase(home, &root, PASSPHRASE);
    change
        .env("GRILLE_NEW_PASSPHRASE", NEW_PASSPHRASE)
        .arg("passphrase");
    only_the_key_changes(&root, change)
        .stderr(predicate::str::contains("Phrase de passe changée"))
        .stderr(predicate::str::contains(
            "s'ouvre toujours avec l'ancienne phrase de passe",
        ));
    assert!(!opens(with_passphrase(home, &root, PASSPHRASE)));
    assert!(opens(with_passphrase(home, &root, NEW_PASSPHRASE)));
    // A new one too short is refused before anything is written.
    let before = tree_bytes(&root);
    with_passphrase(home, &root, NEW_PASSPHRASE)
        .env("GRILLE_NEW_PASSPHRASE", "court")
        .arg("passphrase")
        .assert()
        .failure()
        .stderr(predicate::str::contains("trop courte"));
    assert_eq!(changed(&before, &tree_bytes(&root)), Vec::<PathBuf>::new());
    // Without a terminal nor GRILLE_NEW_PASSPHRASE: said, nothing written.
    with_passphrase(home, &root, NEW_PASSPHRASE)
        .arg("passphrase")
        .assert()
        .failure()
        .stderr(predicate::str::contains("GRILLE_NEW_PASSPHRASE"));
    assert_eq!(changed(&before, &tree_bytes(&root)), Vec::<PathBuf>::new());
}

#[test]
fn a_wrong_passphrase_or_a_key_not_of_the_team_changes_no_byte() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let root = encrypted_study(home);
    let member = age::x25519::Identity::generate().to_public().to_string();
    with_passphrase(home, &root, PASSPHRASE)
        .args(["team", "add", &member])
        .assert()
        .success();
    let before = tree_bytes(&root);
    let wrong = "pas la bonne phrase";
    for args in [
        vec!["passphrase"],
        vec!["team", "add", SSH_PUBLIC.trim()],
        vec!["team", "remove", &member],
    ] {
        with_passphrase(home, &root, wrong)
            .env("GRILLE_NEW_PASSPHRASE", NEW_PASSPHRASE)
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("phrase de passe incorrecte"));
        assert_eq!(
            changed(&before, &tree_bytes(&root)),
            Vec::<PathBuf>::new(),
            "{args:?}"
        );
    }
    // A key that is not of the team, a name no key has, a key that is not one (the lock taken
    // to change study.key says who took it last: not compared).
    let before = unlocked_files(&root);
    let stranger = age::x25519::Identity::generate().to_public().to_string();
    with_passphrase(home, &root, PASSPHRASE)
        .args(["team", "remove", &stranger])
        .assert()
        .failure()
        .stderr(predicate::str::contains("n'est pas une clé de l'équipe"))
        .stderr(predicate::str::contains("rien n'a été changé"));
    with_passphrase(home, &root, PASSPHRASE)
        .args(["team", "remove", "personne@nulle-part"])
        .assert()
        .failure();
    with_passphrase(home, &root, PASSPHRASE)
        .args(["team", "add", "age1pasunecle"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("pas une clé publique"));
    assert_eq!(
        changed(&before, &unlocked_files(&root)),
        Vec::<PathBuf>::new()
    );
    assert!(opens(with_passphrase(home, &root, PASSPHRASE)));
}

#[test]
fn a_plain_study_has_no_team_to_change() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let root = home.join("claire");
    grille(home).arg("init").arg(&root).assert().success();
    let before = tree_bytes(&root);
    for args in [vec!["team"], vec!["passphrase"]] {
        grille(home)
            .arg("--study")
            .arg(&root)
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("l'étude n'est pas chiffrée"))
            .stderr(predicate::str::contains("grille encrypt"));
    }
    assert_eq!(changed(&before, &tree_bytes(&root)), Vec::<PathBuf>::new());
}

/// The files added, removed or changed between two readings of a folder.
fn changed(
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
    after: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<PathBuf> {
    let mut names: Vec<&PathBuf> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| before.get(*n) != after.get(*n))
        .cloned()
        .collect()
}

/// A copy of a folder, as a backup would make it.
fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in tree_bytes(from) {
        let path = to.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}
