//! Advisory locks: one writer per file. The operating system releases a lock when its process
//! dies, so a lock file left behind by a crash is harmless. (std's `File::try_lock`, an
//! `flock` on Unix, does what fs4 did before it was in std.)
//!
//! The process holding a lock writes who it is into the lock file (pid, user, host, since when),
//! so that another process refused the lock can say who has it.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::error::{IoContext, Result, StoreError};
use super::fs::{open_regular, private_options};

/// Held while a process writes; dropped, it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

/// The process holding a lock, as it describes itself in the lock file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub user: String,
    pub host: String,
    pub since: String,
}

impl Holder {
    fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("LOGNAME"))
                .unwrap_or_default(),
            host: host_name(),
            since: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// `process 4242 of camille on poste-2, since 2021-09-14 10:02`
    pub fn describe(&self) -> String {
        let mut out = format!("process {}", self.pid);
        if !self.user.is_empty() {
            out.push_str(&format!(" of {}", self.user));
        }
        if !self.host.is_empty() {
            out.push_str(&format!(" on {}", self.host));
        }
        out.push_str(&format!(", since {}", self.since));
        out
    }
}

fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

/// How long a process waits for a lock held briefly by another (a codebook being changed).
pub const BRIEF_WAIT: Duration = Duration::from_secs(5);

impl Lock {
    /// Takes the lock at `path`, or fails at once with [`StoreError::Locked`] naming `guarded`,
    /// the file the lock protects, and the process that holds it.
    pub fn acquire(path: &Path, guarded: &Path) -> Result<Lock> {
        Self::take(path, guarded, false, Duration::ZERO)
    }

    /// Takes the lock, waiting up to `wait` while another process holds it.
    pub fn acquire_waiting(path: &Path, guarded: &Path, wait: Duration) -> Result<Lock> {
        Self::take(path, guarded, false, wait)
    }

    /// A shared lock: any number of readers together, none while a writer holds it.
    pub fn acquire_shared(path: &Path, guarded: &Path, wait: Duration) -> Result<Lock> {
        Self::take(path, guarded, true, wait)
    }

    fn take(path: &Path, guarded: &Path, shared: bool, wait: Duration) -> Result<Lock> {
        let mut options = private_options();
        options.read(true).write(true).create(true).truncate(false);
        let mut file = open_regular(path, &options)?;
        let started = Instant::now();
        loop {
            let tried = if shared {
                file.try_lock_shared()
            } else {
                file.try_lock()
            };
            match tried {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        file: guarded.to_path_buf(),
                        holder: read_holder(&mut file),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(e).at(path),
            }
        }
        if !shared {
            // Who holds it, for the message of the next process refused. Not vital.
            let me = serde_json::to_vec(&Holder::me()).unwrap_or_default();
            let _ = file
                .set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(&me));
        }
        Ok(Lock {
            _file: file,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(4096).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let tmp = tempfile::tempdir().unwrap();
        let lock = tmp.path().join("s.lock");
        let guarded = tmp.path().join("s.json");
        let first = Lock::acquire(&lock, &guarded).unwrap();
        let second = Lock::acquire(&lock, &guarded).unwrap_err();
        assert!(matches!(second, StoreError::Locked { .. }));
        let text = second.to_string();
        assert!(
            text.contains("s.json: being written by another grille"),
            "{text}"
        );
        // The refusal names the process that holds the lock.
        assert!(
            text.contains(&format!("process {}", std::process::id())),
            "{text}"
        );
        drop(first);
        assert!(Lock::acquire(&lock, &guarded).is_ok());
    }

    #[test]
    fn readers_share_a_lock_that_a_writer_waits_for() {
        let tmp = tempfile::tempdir().unwrap();
        let lock = tmp.path().join("c.lock");
        let guarded = tmp.path().join("c.json");
        let a = Lock::acquire_shared(&lock, &guarded, Duration::ZERO).unwrap();
        let b = Lock::acquire_shared(&lock, &guarded, Duration::ZERO).unwrap();
        assert!(Lock::acquire(&lock, &guarded).is_err());
        let released = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop((a, b));
        });
        let writer = Lock::acquire_waiting(&lock, &guarded, Duration::from_secs(5));
        released.join().unwrap();
        assert!(writer.is_ok());
        assert!(Lock::acquire_shared(&lock, &guarded, Duration::from_millis(20)).is_err());
    }
}
