//! Whether a session was being written when its process died: its journal still holds changes
//! and no process holds its lock. The interface then offers to resume it.

use std::time::Duration;

use super::StudyDir;
use super::lock::{Holder, Lock};
use crate::study::SessionId;

impl StudyDir {
    /// The session's writer died before closing it (a crash, a power cut, `kill -9`): changes
    /// wait in its journal and no running process writes it.
    pub fn interrupted(&self, id: SessionId) -> bool {
        let paths = self.paths().session(id);
        let pending =
            std::fs::symlink_metadata(&paths.journal).is_ok_and(|m| m.is_file() && m.len() > 0);
        // A writer still running holds the lock: a shared hold is refused.
        pending && Lock::acquire_shared(&paths.lock, &paths.file, Duration::ZERO).is_ok()
    }

    /// The process that writes a session, as it describes itself in its lock file.
    pub fn holder(&self, id: SessionId) -> Option<Holder> {
        let paths = self.paths().session(id);
        let bytes = super::fs::read(&paths.lock).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::StudyDir;
    use crate::store::template::DIAGNOSTIC;
    use crate::study::{Respondent, Segment, SegmentId, Session, SessionChange, Speaker};

    #[test]
    fn a_session_left_with_changes_in_its_journal_is_interrupted_unless_its_writer_runs() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("s"), &DIAGNOSTIC, false).unwrap();
        let study = dir.load_study().unwrap();
        let session = Session::new("C".into(), Respondent::default());
        let id = session.id;
        let mut writer = dir.create_session(session, &study).unwrap();
        assert!(!dir.interrupted(id), "nothing in the journal");
        let segment = Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            recording: None,
            start: None,
            end: None,
            text: "note".into(),
        };
        let add = SessionChange::AddSegment {
            segment,
            after: None,
            before: None,
        };
        writer.apply(add, &study).unwrap();
        assert!(!dir.interrupted(id), "its writer is running");
        // The process dies: its lock goes with it, its journal stays (as it was before a clean
        // close would have folded it).
        let paths = dir.paths().session(id);
        let journal = std::fs::read(&paths.journal).unwrap();
        drop(writer);
        std::fs::write(&paths.journal, journal).unwrap();
        assert!(dir.interrupted(id));
    }
}
