//! Every way out of the interface leaves the terminal as it was and keeps what was typed:
//! SIGINT and SIGQUIT sent from outside (as SIGTERM and SIGHUP), and a panic. grille runs in
//! tmux under a shell that, once grille is gone, writes its exit status and the terminal's
//! settings (`stty -a`) to files; tmux says whether the pane is still on the alternate screen
//! or reporting the mouse.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux};

/// A shell that runs grille, then records how it ended and the terminal it left.
fn wrapped(home: &Path, args: &str, env: &str) -> (String, PathBuf, PathBuf) {
    let rc = home.join("rc");
    let stty = home.join("stty");
    let grille = format!(
        "env HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {env} {bin} {args}",
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_grille"),
    );
    let script = format!(
        "sh -c '{grille}; echo $? > {rc}; stty -a > {stty}; sleep 60'",
        rc = rc.display(),
        stty = stty.display()
    );
    (script, rc, stty)
}

/// Waits for a file the shell writes once grille has ended.
fn wait_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "grille did not end: no {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Types a sentence and, as soon as the screen shows it (before the draft is saved), stops
/// grille with `stop`; then checks the terminal and the session.
fn stopped_while_typing(name: &str, env: &str, stop: impl FnOnce(&Tmux), status: &str) {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, false);
    let (script, rc, stty) = wrapped(
        home.path(),
        &format!(
            "--study {} interview --interviewer Camille --respondent R30 --consent given",
            root.display()
        ),
        env,
    );
    let ui = Tmux::start(name, &script, 100, 30);
    ui.wait_for("Q 1/");
    let said = "Elle a dit que le gérant prenait la moitié";
    stop(&ui);
    assert_eq!(wait_file(&rc).trim(), status, "exit status");
    let settings = wait_file(&stty);
    // Cooked again: line editing and echo on, as the shell needs them.
    assert!(
        settings.contains(" icanon") && settings.contains(" echo "),
        "the terminal is left raw:\n{settings}"
    );
    assert!(
        ui.terminal_restored(),
        "alternate screen or mouse reporting left on"
    );
    drop(ui);
    let id = dir.session_ids().unwrap()[0];
    let session = dir.load_session(id, &study).unwrap().doc;
    let texts: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [said], "what was typed is saved");
}

fn type_then_signal(ui: &Tmux, signal: &str) {
    let pid = ui.child_pid();
    ui.type_then("Elle a dit que le gérant prenait la moitié", &[]);
    ui.wait_for("la moitié");
    Tmux::signal(pid, signal);
}

#[test]
fn sigint_from_outside_saves_what_was_typed_and_restores_the_terminal() {
    if !tmux::required() {
        return;
    }
    stopped_while_typing("sigint", "", |ui| type_then_signal(ui, "INT"), "0");
}

#[test]
fn sigquit_from_outside_saves_what_was_typed_and_restores_the_terminal() {
    if !tmux::required() {
        return;
    }
    stopped_while_typing("sigquit", "", |ui| type_then_signal(ui, "QUIT"), "0");
}

#[test]
fn a_panic_restores_the_terminal_and_saves_the_draft() {
    if !tmux::required() {
        return;
    }
    // F12 panics when GRILLE_TEST_PANIC is set; pressed right after the last key typed,
    // before the draft's save is due.
    stopped_while_typing(
        "panic",
        &format!("{}=1", grille::tui::TEST_PANIC),
        |ui| ui.type_then("Elle a dit que le gérant prenait la moitié", &["F12"]),
        "1",
    );
}

#[test]
fn ctrl_c_with_a_fifo_where_a_session_should_be_hangs_nothing_and_restores_the_terminal() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, study) = common::study_in(&root, true);
    // A FIFO as a session file, and one as the journal of a session (R01): a read of either
    // would wait for a writer that never comes.
    let r01 = dir
        .session_ids()
        .unwrap()
        .into_iter()
        .find(|id| {
            dir.load_session(*id, &study)
                .unwrap()
                .doc
                .respondent
                .pseudonym
                == "R01"
        })
        .unwrap();
    let fifo = root.join("sessions/11111111-2222-4333-8444-555555555555.json");
    let journal = dir.paths().session(r01).journal;
    for path in [&fifo, &journal] {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.unwrap().success());
    }
    let (script, rc, stty) = wrapped(home.path(), &format!("--study {}", root.display()), "");
    let ui = Tmux::start("fifo", &script, 80, 24);
    // Both are listed with their problem, the other sessions with them.
    let screen = ui.wait_settled("R06");
    assert_eq!(screen.matches("⚠ problème").count(), 2, "{screen}");
    // Opened, each says what it is, in the interface's language, and leaves the screen usable.
    ui.keys(&["End", "Enter"]);
    ui.wait_for("tube nommé (FIFO)");
    ui.keys(&["Up", "Enter"]);
    let screen = ui.wait_for("tube nommé (FIFO)");
    assert!(!screen.contains("named pipe"), "{screen}");
    // A session beside them opens and closes; then Ctrl+C leaves at once, cleanly.
    ui.keys(&["Home", "Enter"]);
    ui.wait_for("Codage R02");
    let started = Instant::now();
    ui.keys(&["C-c"]);
    assert_eq!(wait_file(&rc).trim(), "0", "exit status");
    assert!(started.elapsed() < Duration::from_secs(5));
    let settings = wait_file(&stty);
    assert!(
        settings.contains(" icanon") && settings.contains(" echo "),
        "the terminal is left raw:\n{settings}"
    );
    assert!(
        ui.terminal_restored(),
        "alternate screen or mouse reporting left on"
    );
    drop(ui);
    // The FIFOs are left as they were.
    use std::os::unix::fs::FileTypeExt;
    for path in [&fifo, &journal] {
        assert!(
            std::fs::symlink_metadata(path)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
}
