//! Where the command line writes, and what it prints: export targets (an existing file, `-`, a
//! folder, a device, a named pipe), a reader that goes away (`| head`), and control characters
//! from transcripts and file names.

mod common;

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::grille;
use predicates::prelude::*;

fn example_study(home: &Path) -> PathBuf {
    let study = home.join("etude");
    grille(home)
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    study
}

/// The frequencies table as CSV on stdout.
fn frequencies_csv(home: &Path, study: &Path) -> Vec<u8> {
    grille(home)
        .args(["--study", study.to_str().unwrap(), "export", "frequencies"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

#[test]
fn an_existing_export_is_replaced_only_with_force_and_dash_is_stdout() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let s = study.to_str().unwrap();
    let expected = frequencies_csv(home.path(), &study);
    // French conventions: a byte order mark, `;`.
    assert!(expected.starts_with("\u{feff}code;".as_bytes()));

    let file = home.path().join("frequences.csv");
    std::fs::write(&file, "mon tableau de la semaine dernière").unwrap();
    let f = file.to_str().unwrap();
    grille(home.path())
        .args(["--study", s, "export", "frequencies", "-o", f])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "grille: {f} existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre nom\n"
        ));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "mon tableau de la semaine dernière"
    );
    grille(home.path())
        .args(["--study", s, "export", "frequencies", "-o", f, "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains(f));
    assert_eq!(std::fs::read(&file).unwrap(), expected);

    // A chart that exists is refused before the table is written.
    let table = home.path().join("nouveau.csv");
    let chart = home.path().join("frequences.svg");
    std::fs::write(&chart, "<svg/>").unwrap();
    grille(home.path())
        .args(["--study", s, "export", "frequencies"])
        .args([
            "-o",
            table.to_str().unwrap(),
            "--chart",
            chart.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("frequences.svg existe déjà"));
    assert!(!table.exists());
    assert_eq!(std::fs::read_to_string(&chart).unwrap(), "<svg/>");

    // `-o -`: stdout, the same bytes as without -o; a chart beside it goes to its file.
    grille(home.path())
        .args(["--study", s, "export", "frequencies", "-o", "-"])
        .args(["--chart", chart.to_str().unwrap(), "--force"])
        .assert()
        .success()
        .stdout(expected.clone());
    assert!(std::fs::read_to_string(&chart).unwrap().contains("<svg"));
    assert!(!home.path().join("-").exists());
    grille(home.path())
        .args([
            "--study",
            s,
            "export",
            "frequencies",
            "-o",
            "-",
            "--chart",
            "-",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ne peuvent pas aller tous deux sur la sortie standard",
        ));
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_fifo()
}

fn is_char_device(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_char_device()
}

#[test]
fn a_folder_a_device_or_a_named_pipe_is_refused_and_left_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let s = study.to_str().unwrap();
    let export = |target: &Path, force: bool| {
        let mut cmd = grille(home.path());
        cmd.args(["--study", s, "export", "frequencies", "-o"])
            .arg(target);
        if force {
            cmd.arg("--force");
        }
        cmd.assert().code(1).stdout("")
    };

    let pipe = home.path().join("tube.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    // Nobody reads the pipe: opening it would hang; grille must not even try.
    export(&pipe, true).stderr(format!(
        "grille: {} est un tube nommé, pas un fichier ordinaire : grille n'écrit les exports que \
         dans des fichiers ordinaires (-o - pour la sortie standard)\n",
        pipe.display()
    ));
    assert!(is_fifo(&pipe));

    // A device node of our own (as root, as CI runs; the system's /dev/null otherwise, which
    // only root could replace).
    let own_null = home.path().join("null");
    let device = if Command::new("mknod")
        .arg(&own_null)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success())
    {
        own_null
    } else {
        PathBuf::from("/dev/null")
    };
    export(&device, true).stderr(predicate::str::contains(format!(
        "{} est un périphérique, pas un fichier ordinaire",
        device.display()
    )));
    assert!(is_char_device(&device));

    // A folder where a Markdown file was asked for (a CSV of several tables may go to one).
    grille(home.path())
        .args([
            "--study",
            s,
            "export",
            "frequencies",
            "--format",
            "md",
            "-o",
        ])
        .arg(home.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{} est un dossier",
            home.path().display()
        )));
    assert!(home.path().is_dir());
    // A file where a folder of tables was asked for.
    let plain = home.path().join("tableaux");
    std::fs::write(&plain, "à garder").unwrap();
    grille(home.path())
        .args(["--study", s, "export", "answers", "-o"])
        .arg(&plain)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tableaux est un fichier"));
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "à garder");
    std::fs::remove_file(&plain).unwrap();

    let absent = home.path().join("absent/f.csv");
    export(&absent, false).stderr(predicate::str::contains(format!(
        "le dossier {} n'existe pas",
        home.path().join("absent").display()
    )));
    let dangling = home.path().join("lien.csv");
    std::os::unix::fs::symlink(home.path().join("nulle-part"), &dangling).unwrap();
    export(&dangling, true).stderr(predicate::str::contains("lien symbolique vers rien"));
    assert!(!home.path().join("nulle-part").exists());
    let mut names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected = vec!["etude", "lien.csv", "tube.csv"];
    if device != Path::new("/dev/null") {
        expected.push("null");
    }
    expected.sort();
    assert_eq!(names, expected, "no temp file or export left behind");
}

/// The real binary with stdout on a pipe whose reader has already gone.
fn with_reader_gone(home: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_grille"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("GRILLE_STUDY")
        .env("LANG", "fr_FR.UTF-8")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly_with_its_usual_status() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let s = study.to_str().unwrap();
    let transcript =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/R07-foyer.txt");
    let commands: Vec<Vec<&str>> = vec![
        vec!["--study", s, "sessions"],
        vec!["--study", s, "sessions", "--json"],
        vec!["--study", s, "search", "hôtel"],
        vec!["--study", s, "search", "hôtel", "--json"],
        vec!["--study", s, "export", "excerpts"],
        vec![
            "--study",
            s,
            "export",
            "frequencies",
            "-o",
            "-",
            "--format",
            "md",
        ],
        vec!["--study", s, "check"],
        vec!["--study", s, "codebook", "list"],
        vec!["--study", s, "codebook", "list", "--json"],
        vec!["config", "show"],
        vec!["--help"],
        vec![
            "--study",
            s,
            "import",
            transcript.to_str().unwrap(),
            "--interviewer",
            "Camille",
            "--json",
        ],
    ];
    for args in &commands {
        let out = with_reader_gone(home.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panicked")
                && !stderr.contains("Broken pipe")
                && !stderr.contains("os error 32"),
            "{args:?}: {stderr}"
        );
    }
    // The import went through although nobody read its report.
    let sessions = grille(home.path())
        .args(["--study", s, "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let sessions: serde_json::Value = serde_json::from_slice(&sessions).unwrap();
    assert_eq!(sessions.as_array().unwrap().len(), 7);
    // A command that finds problems keeps its status 1.
    let broken = study.join(format!(
        "sessions/{}",
        std::fs::read_dir(study.join("sessions"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".json") && n.len() == 41)
            .unwrap()
    ));
    std::fs::write(&broken, "{").unwrap();
    for command in ["sessions", "check"] {
        let out = with_reader_gone(home.path(), &["--study", s, command]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

#[test]
fn control_characters_from_file_names_and_transcripts_are_escaped_for_people_not_in_json() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let s = study.to_str().unwrap();
    // A file name that clears the screen (it becomes the pseudonym)…
    let name = "R\u{1b}[2Jx";
    let file = home.path().join(format!("{name}.txt"));
    std::fs::write(&file, "ENQ : Bonjour.\nMme B. : Oui.\n").unwrap();
    let out = grille(home.path())
        .args(["--study", s, "import", "--interviewer", "Camille", "--json"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains('\u{1b}').not())
        .get_output()
        .stdout
        .clone();
    let imported: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(imported[0]["respondent"], name);
    // … and a transcript edited elsewhere (a synced folder) that retitles the window and paints
    // red: the importer refuses control bytes, the session file can still hold them.
    let path = study.join(format!(
        "sessions/{}.json",
        imported[0]["id"].as_str().unwrap()
    ));
    let mut session: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    session["segments"][0]["text"] =
        "Bonjour \u{1b}]0;pwned\u{7} et \u{1b}[31mcoquelicot\u{1b}[0m.".into();
    std::fs::write(&path, serde_json::to_string_pretty(&session).unwrap()).unwrap();

    let table = grille(home.path())
        .args(["--study", s, "sessions"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(!table.contains('\u{1b}'), "{table}");
    assert!(table.contains("R\\u{1b}[2Jx"), "{table}");
    let json = grille(home.path())
        .args(["--study", s, "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|row| row["respondent"] == name)
    );

    let found = grille(home.path())
        .args(["--study", s, "search", "bonjour"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let found = String::from_utf8(found).unwrap();
    assert!(
        !found.contains('\u{1b}') && !found.contains('\u{7}'),
        "{found}"
    );
    assert!(
        found.contains("\\u{1b}]0;pwned\\u{7} et \\u{1b}[31mcoquelicot\\u{1b}[0m"),
        "{found}"
    );
    let json = grille(home.path())
        .args(["--study", s, "search", "bonjour", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["hits"][0]["respondent"], name);
    let snippet: String = json["hits"][0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert!(snippet.contains("\u{1b}]0;pwned\u{7}"), "{snippet}");
}

#[test]
fn an_export_removes_the_leftovers_of_an_export_cut_short_in_its_folder() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let exports = home.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    // A whole copy of a table left by an export killed before its rename, and one being written
    // by another grille right now.
    let old = exports.join(".grille-Qw3rTy.tmp");
    let fresh = exports.join(".grille-AsDfGh.tmp");
    let mine = exports.join(".grille-notes.txt");
    std::fs::write(&old, "code;sessions\nlieux/hotel;5\n").unwrap();
    std::fs::write(&fresh, "code;sessions\n").unwrap();
    std::fs::write(&mine, "pas un fichier de grille").unwrap();
    for file in [&old, &mine] {
        let status = Command::new("touch")
            .args(["-d", "2021-01-01"])
            .arg(file)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let table = exports.join("frequences.csv");
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "export",
            "frequencies",
            "-o",
        ])
        .arg(&table)
        .assert()
        .success();
    assert!(!old.exists(), "the leftover is removed");
    assert!(fresh.exists(), "a write under way is left alone");
    assert!(mine.exists(), "only grille's temporary files");
    assert_eq!(
        std::fs::read(&table).unwrap(),
        frequencies_csv(home.path(), &study)
    );
}

/// Runs grille where no file may grow (the signal ignored: writes fail as on a full disk);
/// returns its status and what it said.
fn on_a_full_disk(home: &Path, study: &Path, args: &str) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 0; HOME={h} XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 {bin} --study {s} {args}",
            h = home.display(),
            bin = env!("CARGO_BIN_EXE_grille"),
            s = study.display(),
        ))
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_full_disk_during_an_export_says_so_in_one_sentence_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let table = home.path().join("frequences.csv");
    let (code, err) = on_a_full_disk(
        home.path(),
        &study,
        &format!("export frequencies -o {}", table.display()),
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!(
            "grille: {} n'a pas pu être écrit : le disque est plein ; libérez de la place ou choisissez un autre endroit, puis relancez la commande\n",
            table.display()
        )
    );
    // Nothing half-written stays: neither the table nor a temporary copy.
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".grille-") || n == "frequences.csv")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_full_disk_during_an_import_a_codebook_change_or_an_index_build_is_one_sentence() {
    let home = tempfile::tempdir().unwrap();
    let study = example_study(home.path());
    let full = |p: &Path| {
        format!(
            "{} : le disque est plein (ou votre quota atteint), rien de plus n'a pu y être écrit ; libérez de la place et recommencez",
            p.display()
        )
    };
    let before = common::folder_bytes(&study.join("sessions"));

    // An import: said of the session file it would have made, not of its staging folder.
    let transcript = home.path().join("R20.txt");
    std::fs::write(&transcript, "ENQ : Bonjour.\nR20 : Bonjour.\n").unwrap();
    let (code, err) = on_a_full_disk(
        home.path(),
        &study,
        &format!("import {}", transcript.display()),
    );
    assert_eq!(code, Some(1));
    let sessions = format!("{}/", study.join("sessions").display());
    let line = err
        .lines()
        .find(|l| l.contains("disque est plein"))
        .unwrap_or("");
    assert!(
        line.starts_with(&format!("échec de l'écriture, rien n'a été importé : {sessions}"))
            && line.ends_with(".json : le disque est plein (ou votre quota atteint), rien de plus n'a pu y être écrit ; libérez de la place et recommencez"),
        "{err}"
    );
    assert!(
        !err.contains(".grille-") && !err.contains("os error"),
        "{err}"
    );
    assert_eq!(common::folder_bytes(&study.join("sessions")), before);

    // A code added: the codebook's journal, in French, once.
    let (code, err) = on_a_full_disk(home.path(), &study, "codebook add lieux/camping");
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!("grille: {}\n", full(&study.join("codebook.journal")))
    );

    // The search index built for a first search: the index folder, not tantivy's temporary
    // file, and the system's error not said twice.
    let (code, err) = on_a_full_disk(home.path(), &study, "search hôtel");
    assert_eq!(code, Some(1));
    assert_eq!(err, format!("grille: {}\n", full(&study.join("index"))));
}
