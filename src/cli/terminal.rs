//! What the command line prints: data on stdout, messages on stderr ([`say!`]). A reader that goes away
//! (`grille sessions | head`) ends the printing quietly, and the command keeps the status it
//! would have had; a message never fails a command (if stderr is gone there is nowhere left to
//! say anything). Messages are shown with their control characters escaped: they quote file
//! names and transcripts.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::study::text::escape_controls;

/// Set once stdout's reader has gone: nothing more is written there.
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// Writes `text` to stdout as it is (escape what it quotes first, if it is for people).
pub fn out_text(text: &str) -> io::Result<()> {
    out_bytes(text.as_bytes())
}

/// Writes bytes to stdout (an export), see [`out_text`].
pub fn out_bytes(bytes: &[u8]) -> io::Result<()> {
    if READER_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            READER_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// `text` and a new line to stdout, see [`out_text`].
pub fn out_line(text: &str) -> io::Result<()> {
    out_text(&format!("{text}\n"))
}

/// A message and a new line to stderr, control characters escaped.
pub fn message(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", escape_controls(text));
}

/// A question on stderr, the answer to be typed on the same line; control characters escaped.
pub fn prompt(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "{}", escape_controls(text)).and_then(|()| stderr.flush());
}

/// `out!("…", args)?`: a line for people on stdout (see [`out_text`]), its control characters
/// escaped. JSON goes through [`out_line`] as it is.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::terminal::out_line(&$crate::study::text::escape_controls(&format!($($arg)*)))
    };
}
pub(crate) use out;

/// `say!("…", args)`: [`message`] with `format!` arguments, where `eprintln!` would be.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::terminal::message(&format!($($arg)*))
    };
}
pub(crate) use say;
