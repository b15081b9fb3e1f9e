//! Reading many sessions at once: parsing, journal replay and checks share out over the cores.
//! A study of thousands of sessions is read in the time of its bytes, not of its files one
//! after the other.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::error::Result;
use super::study_dir::{SessionRead, StudyDir};
use crate::study::{SessionId, Study};

/// At most this many reading threads: beyond, the disk and memory bandwidth are the limit.
const MAX_THREADS: usize = 8;

impl StudyDir {
    /// Reads the sessions `ids` (as [`StudyDir::read_session`] does: records followed, problems
    /// found) and hands each result to `keep`, on as many threads as there are cores. What `keep` returns
    /// comes back in the order of `ids`: keep only what is needed (a summary, a count) and a
    /// study larger than memory can be gone through.
    pub fn read_sessions<T, F>(&self, ids: &[SessionId], study: &Study, keep: F) -> Vec<T>
    where
        T: Send,
        F: Fn(SessionId, Result<SessionRead>) -> T + Sync,
    {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, MAX_THREADS)
            .min(ids.len().max(1));
        if threads == 1 {
            return ids
                .iter()
                .map(|id| keep(*id, self.read_session(*id, study)))
                .collect();
        }
        // Sessions differ in size: threads take the next one as they finish, not a fixed share.
        let next = AtomicUsize::new(0);
        let mut parts: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(id) = ids.get(i) else { break };
                            done.push((i, keep(*id, self.read_session(*id, study))));
                        }
                        done
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let mut all: Vec<(usize, T)> = parts.iter_mut().flat_map(std::mem::take).collect();
        all.sort_unstable_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, t)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::StudyDir;
    use crate::store::template::DIAGNOSTIC;

    #[test]
    fn every_session_comes_back_in_order_with_its_own_result() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("s"), &DIAGNOSTIC, true).unwrap();
        let study = dir.load_study().unwrap();
        let mut ids = dir.session_ids().unwrap();
        // One that does not exist: its error comes back in its place.
        let missing = crate::study::SessionId::new();
        ids.insert(2, missing);
        let read = dir.read_sessions(&ids, &study, |id, read| {
            (id, read.map(|r| r.loaded.doc.id).ok())
        });
        assert_eq!(read.len(), ids.len());
        for ((id, got), asked) in read.iter().zip(&ids) {
            assert_eq!(id, asked);
            if *asked == missing {
                assert_eq!(got, &None);
            } else {
                assert_eq!(got, &Some(*asked));
            }
        }
    }
}
