//! The real binary in a real terminal: tmux, driven with send-keys, read with capture-pane.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

/// Whether tmux is installed (`.ci/run` installs it).
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether a test that drives the real binary can run: without tmux it is skipped on a
/// developer's machine, and fails under CI (`CI` set, as `.ci/run` does), where a skip would
/// hide that the end-to-end tests never ran.
pub fn required() -> bool {
    if available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tmux is not installed: the end-to-end tests cannot run under CI"
    );
    eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
    false
}

/// The shell command that runs the real binary in a pane: a private home (its own default study
/// and preferences), the French interface and a colour terminal.
pub fn grille_command(home: &Path, args: &str) -> String {
    grille_command_with(home, "", args)
}

/// As [`grille_command`], with more `NAME=value` variables set for the binary.
pub fn grille_command_with(home: &Path, env: &str, args: &str) -> String {
    format!(
        "env HOME={h} {env} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {bin} {args}",
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_grille"),
    )
}

/// As [`grille_command_with`], the binary started in `dir` (where the screens write their
/// exports and reports).
pub fn grille_command_in(home: &Path, dir: &Path, env: &str, args: &str) -> String {
    format!(
        "sh -c 'cd {d} && exec {command}'",
        d = dir.display(),
        command = grille_command_with(home, env, args),
    )
}

impl Tmux {
    /// Starts `command` (run with `exec`, so the pane's process is the command itself) in a
    /// detached session of its own tmux server.
    pub fn start(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let socket = format!("grille-test-{name}-{}", std::process::id());
        let tmux = Tmux { socket };
        tmux.run(&["kill-server"]);
        let ok = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &format!("exec {command}"),
        ]);
        assert!(ok, "tmux new-session failed");
        tmux
    }

    fn run(&self, args: &[&str]) -> bool {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// The terminal resized, as a user drags the window's corner: the program gets SIGWINCH.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        assert!(self.run(&["resize-window", "-t", "main", "-x", &w, "-y", &h]));
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Keys by tmux name (`Enter`, `C-n`, `Escape`…).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.run(&args));
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Text typed as is.
    pub fn type_text(&self, text: &str) {
        assert!(self.run(&["send-keys", "-t", "main", "-l", text]));
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Text typed, then keys pressed at once after it, with no pause before or after: faster
    /// than the draft's save.
    pub fn type_then(&self, text: &str, keys: &[&str]) {
        assert!(self.run(&["send-keys", "-t", "main", "-l", text]));
        if !keys.is_empty() {
            let mut args = vec!["send-keys", "-t", "main"];
            args.extend_from_slice(keys);
            assert!(self.run(&args));
        }
    }

    /// A click of the left button on the cell at column `x`, row `y` (from 0), sent as the
    /// terminal sends it (SGR mouse mode, which grille turns on).
    pub fn click(&self, x: u16, y: u16) {
        let (x, y) = (x + 1, y + 1);
        let press = format!("\x1b[<0;{x};{y}M");
        let release = format!("\x1b[<0;{x};{y}m");
        assert!(self.run(&["send-keys", "-t", "main", "-l", &press]));
        assert!(self.run(&["send-keys", "-t", "main", "-l", &release]));
        std::thread::sleep(Duration::from_millis(120));
    }

    /// A tmux format about the pane (`#{alternate_on}`…).
    pub fn display(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "main",
                format,
            ])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Whether the pane's terminal is back to normal: not on the alternate screen, no mouse
    /// reporting of any kind.
    pub fn terminal_restored(&self) -> bool {
        self.display(
            "#{alternate_on}#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}",
        ) == "00000"
    }

    /// The pid of the first child of the program in the pane (grille, run by a shell).
    pub fn child_pid(&self) -> u32 {
        let shell = self.pid();
        let start = Instant::now();
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
                .unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no child of {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn capture(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "main"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `needle`; panics with the screen after 10 s.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {needle:?} on:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `needle`, then until it stops changing (a frame can be
    /// caught half written on a loaded machine): the screen to make assertions on.
    pub fn wait_settled(&self, needle: &str) -> String {
        self.wait_for(needle);
        let start = Instant::now();
        let mut last = self.capture();
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let now = self.capture();
            if now == last && now.contains(needle) {
                return now;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the screen never settled on {needle:?}:\n{now}"
            );
            last = now;
        }
    }

    /// The pid of the program in the pane.
    pub fn pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "main",
                "#{pane_pid}",
            ])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a pid")
    }

    /// Waits until the program in the pane has exited; panics after 10 s.
    pub fn wait_exit(&self, pid: u32) {
        let start = Instant::now();
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "grille (pid {pid}) is still running"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// How many bytes the thread named `thread` of process `pid` has read (its `rchar`):
    /// for grille's input thread, how much of the terminal's input it has taken.
    pub fn bytes_read(pid: u32, thread: &str) -> u64 {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process runs");
        for task in tasks.flatten() {
            let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if comm.trim_end() != thread {
                continue;
            }
            let io = std::fs::read_to_string(task.path().join("io")).unwrap_or_default();
            return io
                .lines()
                .find_map(|l| l.strip_prefix("rchar: "))
                .and_then(|n| n.trim().parse().ok())
                .expect("rchar in /proc/…/io");
        }
        panic!("no thread {thread} in process {pid}");
    }

    /// Closes the terminal window: the program gets SIGHUP.
    pub fn close_window(&self) {
        assert!(self.run(&["kill-session", "-t", "main"]));
    }

    /// A signal sent from outside to a process (`INT`, `QUIT`…).
    pub fn signal(pid: u32, name: &str) {
        assert!(
            Command::new("kill")
                .args([&format!("-{name}"), &pid.to_string()])
                .status()
                .unwrap()
                .success()
        );
    }

    /// `kill -9` of the program: no chance to save anything.
    pub fn kill_9(&self) {
        let pid = self.pid();
        assert!(
            Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status()
                .unwrap()
                .success()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
