//! `grille demo`: a throwaway copy of the example study, private from the start and removed on
//! every way out. Driven in a real terminal (tmux), with a umask that would leave it open.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::tmux::{self, Tmux};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn signal(pid: u32, name: &str) {
    assert!(
        Command::new("kill")
            .args([name, &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn the_demo_folder_is_private_and_removed_on_every_way_out() {
    if !tmux::available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is needed (.ci/run installs it)"
        );
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    for way in ["q", "-INT", "-QUIT", "-TERM", "-HUP"] {
        let home = tempfile::tempdir().unwrap();
        let tmp = home.path().join("tmp");
        std::fs::create_dir(&tmp).unwrap();
        let command = format!(
            "sh -c 'umask 000; exec env TMPDIR={t} HOME={h} XDG_DATA_HOME={h}/data \
             XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {bin} demo'",
            t = tmp.display(),
            h = home.path().display(),
            bin = env!("CARGO_BIN_EXE_grille"),
        );
        let ui = Tmux::start(&format!("demo{way}"), &command, 100, 30);
        ui.wait_for("R06");
        let pid = ui.pid();
        let made: Vec<_> = std::fs::read_dir(&tmp)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(made.len(), 1, "{made:?}");
        let demo = &made[0];
        assert!(
            demo.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("grille-demo-")
        );
        assert_eq!(mode(demo), 0o700, "{way}: the demo folder");
        assert_eq!(mode(&demo.join("etude")), 0o700, "{way}: the study in it");
        match way {
            "q" => ui.keys(&["q"]),
            "-HUP" => ui.close_window(),
            signal_name => signal(pid, signal_name),
        }
        let gone = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(50));
            !Path::new(&format!("/proc/{pid}")).exists()
        });
        assert!(gone, "{way}: grille demo is still running");
        let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
        assert!(left.is_empty(), "{way}: the demo folder was left behind");
    }
}
