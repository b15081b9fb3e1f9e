//! Encryption at rest (issue 19), as a user meets it: `grille init --encrypt`, `grille encrypt`
//! and `grille decrypt` on the real binary, the passphrase from `GRILLE_PASSPHRASE` or typed at
//! the prompt, and the study folder read back byte by byte.

mod common;

use std::path::{Path, PathBuf};

use common::tmux::{self, Tmux};
use common::{files_holding, tree_bytes};
use grille::store::journaled::DocPaths;
use grille::store::template::DIAGNOSTIC;
use grille::store::{Protection, StoreError, StudyDir, Unlock};
use grille::study::{Segment, SegmentId, SessionChange, Speaker};
use predicates::prelude::*;

/// A word no template, example or library holds: if it is found in a file, the file leaks.
const WORD: &str = "Zanzibarite";
const PASSPHRASE: &str = "un cheval de Troie bleu";

/// `grille` with the passphrase given and scrypt made cheap (the tests are not what a thief
/// would attack).
fn grille(home: &Path) -> assert_cmd::Command {
    let mut cmd = common::grille(home);
    cmd.env("GRILLE_SCRYPT_WORK_FACTOR", "10")
        .env("GRILLE_PASSPHRASE", PASSPHRASE)
        .env_remove("GRILLE_IDENTITY");
    cmd
}

fn protection() -> Protection {
    Protection {
        passphrase: PASSPHRASE.to_owned().into(),
        team: Vec::new(),
        work_factor: Some(10),
    }
}

fn unlock(passphrase: &str) -> Unlock {
    Unlock::Passphrase(passphrase.to_owned().into())
}

/// A study with the template's examples and one imported transcript holding [`WORD`].
fn study_with_the_word(home: &Path) -> PathBuf {
    let root = home.join("etude");
    grille(home)
        .args(["init", root.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    let transcript = home.join("R31.txt");
    std::fs::write(
        &transcript,
        format!(
            "[00:00:05] ENQ : Où se passent les rencontres ?\n\
             [00:00:12] Mme K. : Au bar {WORD}, près de la gare, tous les soirs.\n"
        ),
    )
    .unwrap();
    grille(home)
        .args(["--study", root.to_str().unwrap(), "import"])
        .arg(&transcript)
        .args(["--respondent", "R31", "--interviewer", "Camille Roux"])
        .args(["--consent", "given"])
        .assert()
        .success();
    std::fs::remove_file(&transcript).unwrap();
    root
}

fn sessions_json(home: &Path, root: &Path) -> String {
    let out = grille(home)
        .args(["--study", root.to_str().unwrap(), "sessions", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_study_and_no_file_holds_a_word_meanwhile() {
    let home = tempfile::tempdir().unwrap();
    let root = study_with_the_word(home.path());
    let s = root.to_str().unwrap();
    // The plain study, searched once: its index on disk holds the word too.
    grille(home.path())
        .args(["--study", s, "search", WORD])
        .assert()
        .success()
        .stdout(predicate::str::contains("R31"));
    assert!(!files_holding(&root, WORD).is_empty());
    assert!(root.join("index").is_dir());
    let before = sessions_json(home.path(), &root);
    let plain_files = tree_bytes(&root);

    grille(home.path())
        .args(["--study", s, "encrypt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Étude chiffrée"));
    assert!(root.join("study.key").is_file());
    assert_eq!(files_holding(&root, WORD), Vec::<PathBuf>::new());
    assert!(
        !root.join("index").exists(),
        "the plaintext index went with the old copy"
    );
    // Nothing left beside the study either.
    assert_eq!(files_holding(home.path(), WORD), Vec::<PathBuf>::new());
    let siblings: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        siblings.iter().all(|n| !n.contains("grille-convert")),
        "{siblings:?}"
    );
    // Every file of the study is encrypted, and the same files are there.
    for (rel, bytes) in tree_bytes(&root) {
        if rel != Path::new("study.key") && rel.extension().is_none_or(|e| e != "lock") {
            assert!(
                bytes.starts_with(b"grille-encrypted-v1\n"),
                "{} is not encrypted",
                rel.display()
            );
        }
    }
    let documents = |files: &std::collections::BTreeMap<PathBuf, Vec<u8>>| -> Vec<PathBuf> {
        files
            .keys()
            .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.starts_with("index"))
            .cloned()
            .collect()
    };
    assert_eq!(documents(&tree_bytes(&root)), documents(&plain_files));

    // Read, searched (in memory) and checked as before, with the passphrase.
    assert_eq!(sessions_json(home.path(), &root), before);
    grille(home.path())
        .args(["--study", s, "search", WORD])
        .assert()
        .success()
        .stdout(predicate::str::contains("R31"));
    assert!(
        !root.join("index").exists(),
        "an encrypted study's index never touches the disk"
    );
    grille(home.path())
        .args(["--study", s, "check"])
        .assert()
        .success();
    assert_eq!(files_holding(&root, WORD), Vec::<PathBuf>::new());

    // Back in clear: the same sessions, byte for byte the same files.
    grille(home.path())
        .args(["--study", s, "decrypt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Étude déchiffrée"));
    assert!(!root.join("study.key").exists());
    assert_eq!(sessions_json(home.path(), &root), before);
    let after = tree_bytes(&root);
    for rel in documents(&plain_files) {
        assert_eq!(after.get(&rel), plain_files.get(&rel), "{}", rel.display());
    }
    grille(home.path())
        .env_remove("GRILLE_PASSPHRASE")
        .args(["--study", s, "search", WORD])
        .assert()
        .success()
        .stdout(predicate::str::contains("R31"));
}

#[test]
fn a_wrong_passphrase_says_so_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let root = study_with_the_word(home.path());
    let s = root.to_str().unwrap();
    grille(home.path())
        .args(["--study", s, "encrypt"])
        .assert()
        .success();
    let before = tree_bytes(&root);
    for command in [
        vec!["sessions"],
        vec!["decrypt"],
        vec!["search", WORD],
        vec!["check"],
    ] {
        grille(home.path())
            .env("GRILLE_PASSPHRASE", "un cheval de Troie rouge")
            .args(["--study", s])
            .args(&command)
            .assert()
            .failure()
            .stderr(predicate::str::contains("phrase de passe incorrecte"))
            .stdout(predicate::str::contains(WORD).not());
        assert_eq!(tree_bytes(&root), before, "{command:?} changed the study");
    }
    // No passphrase and no terminal to ask it in: said, nothing read.
    grille(home.path())
        .env_remove("GRILLE_PASSPHRASE")
        .args(["--study", s, "sessions"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("GRILLE_PASSPHRASE"));
    // Encrypting twice, or decrypting a plain study, is refused.
    grille(home.path())
        .args(["--study", s, "encrypt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("déjà chiffrée"));
    assert_eq!(tree_bytes(&root), before);
}

#[test]
fn init_encrypt_makes_a_study_encrypted_from_the_first_byte() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    grille(home.path())
        .args(["init", root.to_str().unwrap(), "--encrypt", "--examples"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Étude chiffrée créée"));
    // The examples' pseudonyms are in no file, and read back with the passphrase.
    assert!(files_holding(&root, "\"R03\"").is_empty());
    let listed = sessions_json(home.path(), &root);
    assert!(listed.contains("\"R03\""), "{listed}");
    // A passphrase too short is refused before anything is made.
    let other = home.path().join("autre");
    grille(home.path())
        .env("GRILLE_PASSPHRASE", "court")
        .args(["init", other.to_str().unwrap(), "--encrypt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("trop courte"));
    assert!(!other.exists());
}

#[test]
fn a_team_member_opens_the_study_with_their_own_key() {
    let home = tempfile::tempdir().unwrap();
    let root = study_with_the_word(home.path());
    let s = root.to_str().unwrap();
    let member = age::x25519::Identity::generate();
    use age::secrecy::ExposeSecret;
    let identity = home.path().join("camille.key");
    std::fs::write(&identity, member.to_string().expose_secret()).unwrap();
    grille(home.path())
        .args(["--study", s, "encrypt", "--recipient"])
        .arg(member.to_public().to_string())
        .assert()
        .success()
        .stderr(predicate::str::contains("1 membre de l'équipe"));
    grille(home.path())
        .env_remove("GRILLE_PASSPHRASE")
        .env("GRILLE_IDENTITY", &identity)
        .args(["--study", s, "search", WORD])
        .assert()
        .success()
        .stdout(predicate::str::contains("R31"));
    // A key that is not one is refused before anything is written.
    let plain = home.path().join("autre");
    grille(home.path())
        .args(["init", plain.to_str().unwrap()])
        .assert()
        .success();
    grille(home.path())
        .args([
            "--study",
            plain.to_str().unwrap(),
            "encrypt",
            "--recipient",
            "age1pasunecle",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("pas une clé publique"));
    assert!(!plain.join("study.key").exists());
}

#[test]
fn a_torn_encrypted_record_is_reported_and_the_records_before_it_recovered() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("etude");
    StudyDir::create_encrypted(&root, &DIAGNOSTIC, false, &protection()).unwrap();
    let mut dir = StudyDir::open(&root).unwrap();
    assert!(dir.needs_key());
    assert!(matches!(
        dir.unlock(&unlock("pas la bonne phrase")),
        Err(StoreError::WrongKey { .. })
    ));
    dir.unlock(&unlock(PASSPHRASE)).unwrap();
    assert!(dir.is_encrypted());
    let study = dir.load_study().unwrap();
    let session = common::new_session("R40");
    let id = session.id;
    let mut writer = dir.create_session(session, &study).unwrap();
    let DocPaths { file, journal, .. } = writer.paths().clone();
    let file_before = std::fs::read(&file).unwrap();
    for (i, text) in ["Premier", "Deuxième", &format!("Troisième, {WORD}")]
        .iter()
        .enumerate()
    {
        let segment = Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: (*text).to_owned(),
        };
        writer
            .apply(
                SessionChange::AddSegment {
                    segment,
                    after: None,
                    before: None,
                },
                &study,
            )
            .unwrap();
        assert_eq!(writer.doc().segments.len(), i + 1);
    }
    // A crash: the journal is not folded (the file is as it was before the changes), and a
    // fourth record was written only half.
    let bytes = std::fs::read(&journal).unwrap();
    drop(writer);
    std::fs::write(&file, &file_before).unwrap();
    let last_start = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|b| *b == b'\n')
        .unwrap()
        + 1;
    let last = bytes[last_start..].to_vec();
    let mut torn = bytes.clone();
    torn.extend_from_slice(&last[..last.len() / 2]);
    std::fs::write(&journal, &torn).unwrap();
    assert_eq!(files_holding(&root, WORD), Vec::<PathBuf>::new());

    let read = dir.read_session(id, &study).unwrap();
    assert_eq!(read.loaded.replayed, 3);
    let torn_at = read
        .loaded
        .torn
        .as_ref()
        .expect("the torn record is reported");
    assert_eq!(torn_at.line, 4);
    let texts: Vec<&str> = read
        .loaded
        .doc
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Premier", "Deuxième", &format!("Troisième, {WORD}")]
    );

    // `grille check` says it too, and opening the session for writing recovers it.
    let home = tmp.path();
    grille(home)
        .args(["--study", root.to_str().unwrap(), "check"])
        .assert()
        .success()
        .stderr(predicate::str::contains("3 change(s) recovered"))
        .stderr(predicate::str::contains("line 4 was cut short by a crash"));
    let (writer, notes) = dir.open_session(id, &study).unwrap();
    assert_eq!(writer.doc().segments.len(), 3);
    assert!(notes.iter().any(|n| n.contains("line 4")), "{notes:?}");
    drop(writer);
    assert_eq!(files_holding(&root, WORD), Vec::<PathBuf>::new());
    assert_eq!(dir.load_session(id, &study).unwrap().doc.segments.len(), 3);
}

/// The real interface in tmux: the passphrase typed at the prompt (wrong, then right, never
/// shown), a note typed with the word and found by a search, the window closed. No file of
/// the study, nor any folder beside it, holds the word or the passphrase.
#[test]
fn an_interview_in_an_encrypted_study_leaves_no_word_on_disk() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    StudyDir::create_encrypted(&root, &DIAGNOSTIC, false, &protection()).unwrap();
    let command = format!(
        "env HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 \
         TERM=xterm-256color {bin} --study {root} interview --interviewer Camille \
         --respondent R12 --consent given",
        h = home.path().display(),
        bin = env!("CARGO_BIN_EXE_grille"),
        root = root.display(),
    );
    let ui = Tmux::start("encrypted", &command, 120, 40);
    ui.wait_for("Phrase de passe de l'étude");
    ui.type_text("pas celle-ci");
    ui.keys(&["Enter"]);
    ui.wait_for("phrase de passe incorrecte");
    ui.type_text(PASSPHRASE);
    ui.keys(&["Enter"]);
    ui.wait_for("Q 1/28");
    ui.type_text(&format!("Le bar {WORD} ferme les yeux."));
    ui.keys(&["C-f"]);
    ui.wait_for("Recherche");
    ui.type_text(&WORD.to_lowercase());
    let screen = ui.wait_for("1 résultat(s)");
    assert!(!screen.contains("cheval"), "the passphrase is never echoed");
    ui.keys(&["Escape"]);
    ui.wait_for("Entretien R12");
    ui.type_text(" Fin.");
    ui.wait_for("✓ enregistré");
    let pid = ui.pid();
    ui.close_window();
    ui.wait_exit(pid);
    drop(ui);

    assert_eq!(files_holding(home.path(), WORD), Vec::<PathBuf>::new());
    assert_eq!(
        files_holding(home.path(), "cheval de Troie"),
        Vec::<PathBuf>::new()
    );
    assert!(!root.join("index").exists());
    let mut dir = StudyDir::open(&root).unwrap();
    dir.unlock(&unlock(PASSPHRASE)).unwrap();
    let study = dir.load_study().unwrap();
    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [format!("Le bar {WORD} ferme les yeux. Fin.")]);
}

#[test]
fn a_file_grille_does_not_know_stops_the_encryption_before_anything_is_written() {
    let home = tempfile::tempdir().unwrap();
    let root = study_with_the_word(home.path());
    std::fs::write(root.join("notes-perso.txt"), WORD).unwrap();
    let before = tree_bytes(&root);
    grille(home.path())
        .args(["--study", root.to_str().unwrap(), "encrypt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "notes-perso.txt : pas un fichier de l'étude",
        ));
    assert_eq!(tree_bytes(&root), before);
    assert!(!root.join("study.key").exists());
    let siblings: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        siblings.iter().all(|n| !n.contains("grille-convert")),
        "{siblings:?}"
    );
}

#[test]
fn a_copy_left_beside_the_study_by_a_crash_is_removed_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let root = study_with_the_word(home.path());
    let s = root.to_str().unwrap();
    grille(home.path())
        .args(["--study", s, "encrypt"])
        .assert()
        .success();
    // A crash just after the two folders were exchanged: the plaintext copy is still there.
    let left = home.path().join(".etude.grille-convert-Xy12Ab");
    std::fs::create_dir_all(left.join("sessions")).unwrap();
    std::fs::write(left.join("study.json"), "{}").unwrap();
    std::fs::write(left.join("sessions/x.json"), WORD).unwrap();
    // Another study's copy, or anything else beside it, is not touched.
    let other = home.path().join(".autre.grille-convert-Xy12Ab");
    std::fs::create_dir_all(&other).unwrap();
    grille(home.path())
        .args(["--study", s, "sessions"])
        .assert()
        .success();
    assert!(!left.exists());
    assert!(other.exists());
    assert_eq!(files_holding(home.path(), WORD), Vec::<PathBuf>::new());
}
