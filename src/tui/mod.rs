//! The terminal interface: one event loop that sleeps until a key, a signal, an answer of the
//! worker or a deadline; the app gives each message to the screen on top, the runtime carries
//! out what the screen asks for, `view` draws. See ARCHITECTURE.md for the picture.

pub mod app;
pub mod chrome;
pub mod codebook;
pub mod coding;
pub mod crosstab;
pub mod ctx;
pub mod frequency_table;
pub mod home;
pub mod interview;
pub mod keymap;
pub mod launch;
pub mod msg;
pub mod pseudonyms;
pub mod retrieval;
pub mod runtime;
pub mod screen;
pub mod search;
pub mod setup;
pub mod stats;
pub mod stats_coverage;
pub mod view;
pub mod widget;
pub mod words;
pub mod worker;

use std::io::stdout;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;
use chrono::Local;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use self::app::App;
use self::msg::Msg;
use self::runtime::{Runtime, Start};
use crate::i18n::Lang;
use crate::workspace::Workspace;

/// Runs the interface until the user leaves. The terminal is restored on every way out: a
/// return, an error, a signal (SIGHUP, SIGTERM, SIGINT, SIGQUIT: saved and left cleanly), a
/// panic (the hook restores the terminal before the message is printed; the loop then saves
/// what every screen holds, the draft being typed first, before grille stops).
///
/// ratatui's own restore reports a failure with `eprintln!`, which panics when the terminal has
/// gone (SIGHUP); inside a panic hook that second panic aborts, and an abort skips every cleanup
/// after it (the demo folder's removal). So the terminal is restored here, ignoring what can no
/// longer be shown, and the panic message goes through std's hook, which never panics.
pub fn run(workspace: Workspace, lang: Lang, start: Start) -> Result<()> {
    let std_hook = std::panic::take_hook();
    let mut terminal = ratatui::init();
    let _ = std::panic::take_hook(); // ratatui's, replaced by the one below
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    std::panic::set_hook(Box::new(move |info| {
        // A panic on the worker is answered on screen; the interface goes on in its terminal.
        if std::thread::current().name() == Some(worker::THREAD) {
            return;
        }
        leave_terminal();
        std_hook(info);
    }));
    let result = event_loop(&mut terminal, workspace, lang, start);
    leave_terminal();
    if terminal.show_cursor().is_err() {
        // The terminal has gone: dropping it would try again, and panic in `eprintln!`.
        std::mem::forget(terminal);
    }
    result
}

/// Mouse capture and bracketed paste off, raw mode and the alternate screen left.
fn leave_terminal() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// The name of the thread reading the terminal.
pub const INPUT_THREAD: &str = "grille-input";

/// Set to make F12 panic: how the tests check that a panic restores the terminal and saves
/// what was typed. Read once when the interface starts.
pub const TEST_PANIC: &str = "GRILLE_TEST_PANIC";

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    workspace: Workspace,
    lang: Lang,
    start: Start,
) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    spawn_signals(tx.clone());
    let size = terminal.size()?;
    let mut app = App::new(lang, now());
    app.size = (size.width, size.height);
    let mut runtime = Runtime::new(workspace, tx);
    let panic_key = std::env::var_os(TEST_PANIC).is_some();
    let ran = catch_unwind(AssertUnwindSafe(|| {
        runtime.start(&mut app, start);
        turn(terminal, &mut runtime, &mut app, &rx, panic_key)
    }));
    match ran {
        Ok(result) => {
            if result.is_err() && !app.quit {
                // The terminal failed (closed under us): leave as on a hang-up, every
                // screen saving what it holds.
                runtime.handle(&mut app, Msg::Hangup);
            }
            runtime.finish();
            result
        }
        Err(_) => {
            // The terminal is restored (the hook did it). Save what can be saved: each
            // screen's leave closes and writes what it holds, as a clean quit does.
            let saved = catch_unwind(AssertUnwindSafe(|| {
                runtime.handle(&mut app, Msg::Hangup);
                runtime.finish();
            }));
            let t = lang.texts();
            Err(anyhow::anyhow!(if saved.is_ok() {
                t.keys.crashed_saved
            } else {
                t.keys.crashed
            }))
        }
    }
}

/// The loop: draw, sleep until a message or the next deadline, handle it.
fn turn(
    terminal: &mut ratatui::DefaultTerminal,
    runtime: &mut Runtime,
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    panic_key: bool,
) -> Result<()> {
    while !app.quit {
        if let Err(gone) = terminal.draw(|frame| runtime.draw(app, frame)) {
            // The terminal is gone (the window closed): what was read from it is kept.
            drain(runtime, app, rx);
            return Err(gone.into());
        }
        // Sleep until input or the next deadline: an idle screen costs no CPU.
        let msg = match app.next_deadline() {
            Some(deadline) => {
                let wait = (deadline - now()).to_std().unwrap_or(Duration::ZERO);
                match rx.recv_timeout(wait) {
                    Ok(msg) => msg,
                    Err(mpsc::RecvTimeoutError::Timeout) => Msg::Tick,
                    Err(mpsc::RecvTimeoutError::Disconnected) => Msg::Hangup,
                }
            }
            None => rx.recv().unwrap_or(Msg::Hangup),
        };
        if panic_key && matches!(&msg, Msg::Key(k) if k.code == event::KeyCode::F(12)) {
            panic!("{TEST_PANIC}: F12");
        }
        if matches!(msg, Msg::Hangup) {
            drain(runtime, app, rx);
            return Ok(());
        }
        app.now = now();
        runtime.handle(app, msg);
        // A stream of input (a long paste, mouse motion) must not hold back a due save.
        if app.next_deadline().is_some_and(|d| d <= now()) {
            app.now = now();
            runtime.handle(app, Msg::Tick);
        }
    }
    Ok(())
}

/// How long the way out waits for keys already read from the terminal: the input thread hands
/// them over one by one, microseconds apart.
const DRAIN_GAP: Duration = Duration::from_millis(100);
/// The longest the way out waits in all, however fast keys keep coming.
const DRAIN_MAX: Duration = Duration::from_secs(1);

/// The way out on a hang-up or a signal: the keys grille has already read (queued behind the
/// signal, or behind a frame the closed terminal refused) go into the notes first, without
/// drawing, then every screen saves what it holds. Keys the terminal still held when the window
/// closed cannot be had: the kernel drops them with the hang-up (a read gives end of file).
fn drain(runtime: &mut Runtime, app: &mut App, rx: &mpsc::Receiver<Msg>) {
    let until = std::time::Instant::now() + DRAIN_MAX;
    while !app.quit {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(DRAIN_GAP.min(left)) {
            Ok(Msg::Hangup) => {}
            Ok(msg) => {
                app.now = now();
                runtime.handle(app, msg);
            }
            Err(_) => break,
        }
    }
    app.now = now();
    runtime.handle(app, Msg::Hangup);
}

fn now() -> crate::study::Time {
    Local::now().fixed_offset()
}

/// Reads terminal events on their own thread (blocking: no polling).
fn spawn_input(tx: mpsc::Sender<Msg>) {
    // Named, so that a test can tell how much of the terminal it has read (/proc/…/task).
    let thread = std::thread::Builder::new().name(INPUT_THREAD.into());
    let _ = thread.spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) => Msg::Key(key),
                Ok(Event::Mouse(mouse)) => Msg::Mouse(mouse),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                // The terminal is gone.
                Err(_) => Msg::Hangup,
            };
            let hangup = matches!(msg, Msg::Hangup);
            if tx.send(msg).is_err() || hangup {
                return;
            }
        }
    });
}

/// SIGHUP (the window closed), SIGTERM, and SIGINT or SIGQUIT sent from outside (in raw mode the
/// keys send none) save and leave cleanly, as the quit key does.
fn spawn_signals(tx: mpsc::Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])
    else {
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Msg::Hangup).is_err() {
                return;
            }
        }
    });
}
