//! Looking for crash leftovers in `sessions/` only when something was created there since the
//! last look: listing a folder of 10,000 sessions (20,000 entries with their locks) costs
//! several milliseconds, paid by every command when the study is opened.
//!
//! A leftover is a temporary file a killed process left; creating it changed the folder's
//! modification time. So after a look that found none, the folder's time is recorded (in the
//! index folder, derived data like the rest there); while the folder's time is still the one
//! recorded, nothing was created in it since and the look is skipped. The time is recorded only
//! once the folder has been still a while (file times move in ticks: a file created in the same
//! tick would go unseen). Without a record (no index folder, an encrypted study, a record that
//! cannot be read) the folder is looked at every time, as before.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::fs;
use super::study_dir::StudyDir;

/// How long the folder must have been still for its time to be recorded.
const SETTLED: Duration = Duration::from_secs(2);

fn modified_ns(dir: &Path) -> Option<u128> {
    let modified = std::fs::metadata(dir).ok()?.modified().ok()?;
    Some(modified.duration_since(UNIX_EPOCH).ok()?.as_nanos())
}

impl StudyDir {
    fn sweep_record(&self) -> Option<PathBuf> {
        let index = self.paths().index_dir();
        (!self.is_encrypted() && index.is_dir()).then(|| index.join("grille-swept"))
    }

    /// Removes the leftovers in `sessions/` older than `before`, unless nothing was created
    /// there since a look that found none.
    pub(super) fn sweep_sessions(&self, before: SystemTime) -> Vec<PathBuf> {
        let dir = self.paths().sessions_dir();
        let record = self.sweep_record();
        let time = modified_ns(&dir);
        let recorded = record
            .as_deref()
            .and_then(|r| std::fs::read_to_string(r).ok())
            .and_then(|text| text.trim().parse::<u128>().ok());
        if time.is_some() && time == recorded {
            return Vec::new();
        }
        let removed = fs::remove_leftovers(&dir, before);
        let clean = removed.is_empty() && fs::leftovers(&dir).is_empty();
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        if let (true, Some(record), Some(time)) = (clean, record, time)
            && now.saturating_sub(time) > SETTLED.as_nanos()
        {
            // Best effort: without a record, the folder is only looked at again next time.
            let _ = fs::write_atomic(&record, format!("{time}\n").as_bytes());
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::template::DIAGNOSTIC;

    fn age(path: &Path, seconds: u64) {
        let old = SystemTime::now() - Duration::from_secs(seconds);
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(old).unwrap();
    }

    fn age_dir(path: &Path, seconds: u64) {
        let old = SystemTime::now() - Duration::from_secs(seconds);
        std::fs::File::open(path)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }

    #[test]
    fn a_leftover_made_after_a_clean_look_is_still_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("etude"), &DIAGNOSTIC, false).unwrap();
        let sessions = dir.paths().sessions_dir();
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::create_dir_all(dir.paths().index_dir()).unwrap();
        let record = dir.sweep_record().unwrap();
        let later = SystemTime::now() + Duration::from_secs(3600);

        // A folder just changed is looked at, and not recorded.
        assert!(dir.sweep_sessions(later).is_empty());
        assert!(!record.exists());
        // Still a while: recorded, and the next look is skipped.
        age_dir(&sessions, 10);
        assert!(dir.sweep_sessions(later).is_empty());
        assert!(record.exists());

        // A process killed while writing a session leaves its temporary file: the folder's
        // time changes with it, so the next opening looks, and removes it.
        let leftover = sessions.join(format!("{}x{}", fs::TEMP_PREFIX, fs::TEMP_SUFFIX));
        std::fs::write(&leftover, b"{").unwrap();
        age(&leftover, 60);
        assert_eq!(
            dir.sweep_sessions(SystemTime::now()),
            vec![leftover.clone()]
        );
        assert!(!leftover.exists());
    }

    #[test]
    fn a_young_leftover_is_kept_and_looked_at_again() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("etude"), &DIAGNOSTIC, false).unwrap();
        let sessions = dir.paths().sessions_dir();
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::create_dir_all(dir.paths().index_dir()).unwrap();
        let leftover = sessions.join(format!("{}y{}", fs::TEMP_PREFIX, fs::TEMP_SUFFIX));
        std::fs::write(&leftover, b"{").unwrap();
        age_dir(&sessions, 10);
        // Another process may be writing it: kept, and the folder not recorded as clean.
        assert!(
            dir.sweep_sessions(SystemTime::now() - Duration::from_secs(10))
                .is_empty()
        );
        assert!(!dir.sweep_record().unwrap().exists());
        age(&leftover, 60);
        assert_eq!(
            dir.sweep_sessions(SystemTime::now() - Duration::from_secs(10)),
            vec![leftover]
        );
    }
}
