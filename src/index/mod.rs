//! The search index: French analysis, schema, indexing kept in step with the sessions, and
//! the query language. Derived data in the study's `index/` folder (private, `0700`), always
//! rebuildable from the sessions and never trusted over them.
//!
//! [`Index::open`] checks the index against the study before anything is searched: missing,
//! of another version, damaged (unreadable files, checksum errors), or built for another
//! codebook or grid → rebuilt whole; sessions added, changed or removed behind its back →
//! re-indexed one by one. Then the front end keeps it in step with [`Index::update_session`],
//! [`Index::update_segment`] and [`Index::remove_session`]: each commits and reloads the
//! reader at once, so a note typed is a note found.
//!
//! Over 500 lines: the index's life (open, check against the study, build, keep in step, search)
//! around one writer; the analyzer, schema and query language are already in sub-modules.

pub mod analyzer;
mod disk;
mod documents;
pub mod error;
mod excerpts;
mod manifest;
mod private;
pub mod progress;
pub mod query;
pub mod schema;
mod search;
mod tally;
mod verify;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::schema::Term;
use tantivy::{IndexReader, IndexWriter};

use error::AtIndex;
pub use error::{IndexError, Result};
pub use excerpts::CodedExcerpt;
pub use manifest::fingerprint;
use manifest::{Held, Manifest};
pub use progress::{Progress, Silent};
pub use query::QueryError;
use schema::{Fields, VERSION};
pub use search::{Fragment, Hit, HitKind, SearchError, SearchResults};

use crate::store::{StoreError, StudyDir, StudyStamp};
use crate::study::{SegmentId, Session, SessionId, Study};

/// How the writer is set up. A full build wants threads and memory; an incremental update
/// wants a quick commit, and every commit restarts the writer's threads with fresh arenas of
/// their share of the budget: one thread and the smallest budget make it several times faster
/// (about 20 ms instead of 80 on 1,000 sessions, see BENCHMARKS.md).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Two threads, 64 MB in all.
    Bulk,
    /// One thread, 15 MB (tantivy's least).
    Light,
}

impl Mode {
    fn threads_and_budget(self) -> (usize, usize) {
        match self {
            Mode::Bulk => (2, 64 * 1024 * 1024),
            Mode::Light => (1, 15_000_000),
        }
    }
}

/// The index's record of its sessions could not be read or written: `grille index rebuild`
/// makes it again.
fn damaged_manifest(path: &std::path::Path, why: String) -> IndexError {
    IndexError::Tantivy {
        path: path.display().to_string(),
        error: tantivy::TantivyError::InternalError(format!(
            "the record of indexed sessions is damaged ({why}): rebuild the index (grille index rebuild)"
        )),
    }
}

/// How long a write waits for another process's write to end before the index is said busy.
const BUSY_WAIT: Duration = Duration::from_secs(2);

/// Why the index was rebuilt whole when it was opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Rebuilt {
    /// There was no index yet.
    Missing,
    /// The study is encrypted: its index is built in memory at each opening.
    InMemory,
    /// Made by another version of grille (schema or analysis changed).
    OtherVersion,
    /// The codebook, the grid or the attributes changed since it was built.
    DefinitionChanged,
    /// A build was interrupted (no record of what the index holds).
    Incomplete,
    /// Its files could not be read or are damaged; the reason.
    Damaged(String),
    /// `grille index rebuild`.
    Asked,
}

/// What opening the index did.
#[derive(Clone, Debug, Default)]
pub struct Opened {
    pub rebuilt: Option<Rebuilt>,
    /// Sessions re-indexed because they were added or changed behind the index's back.
    pub updated: usize,
    /// Sessions removed from the index because their file is gone.
    pub removed: usize,
    /// Sessions that could not be read, with the reason: not searchable until repaired. Said
    /// at every opening while they stay so, not only at the one that tried them. The error is
    /// kept typed, to be said in the user's language ([`StoreError::message`]).
    pub skipped: Vec<(SessionId, Arc<StoreError>)>,
    /// Sessions changed behind the index's back could not be re-indexed because another grille
    /// process holds the index writer: searches see the index as that process last committed.
    pub busy: bool,
}

pub struct Index {
    dir: StudyDir,
    study: Study,
    path: PathBuf,
    /// The index of an encrypted study: in memory only, built at each opening.
    in_memory: bool,
    index: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
    writer: Option<(Mode, IndexWriter)>,
    manifest: Manifest,
    opened: Opened,
}

impl Index {
    /// Opens the study's index, rebuilding or catching it up as needed (see the module doc).
    /// Fails only if the study cannot be read, the disk fails, or another process is writing
    /// the index while it needs work ([`IndexError::Busy`]).
    pub fn open(dir: &StudyDir, study: &Study, progress: &mut dyn Progress) -> Result<Index> {
        let path = dir.paths().index_dir();
        let in_memory = dir.is_encrypted();
        if in_memory && path.exists() {
            // An index on disk of an encrypted study holds its words in clear: made before
            // the study was encrypted, or by a grille that did not know. It goes.
            std::fs::remove_dir_all(&path).map_err(|e| crate::store::StoreError::Io {
                path: path.clone(),
                error: e,
            })?;
        }
        let opened = match in_memory {
            true => Err(Rebuilt::InMemory),
            false => disk::open_existing(&path),
        };
        let (mut found, mut rebuilt) = match opened {
            Ok(found) => {
                let why = match &found.manifest {
                    None => Some(Rebuilt::Incomplete),
                    Some(m) if m.version != VERSION => Some(Rebuilt::OtherVersion),
                    Some(m) if m.definition != fingerprint(study) => {
                        Some(Rebuilt::DefinitionChanged)
                    }
                    Some(_) => None,
                };
                (found, why)
            }
            Err(why) => {
                // Derived data: what cannot be read is set aside and made again.
                if path.exists() {
                    std::fs::remove_dir_all(&path).map_err(|e| crate::store::StoreError::Io {
                        path: path.clone(),
                        error: e,
                    })?;
                }
                let found = match in_memory {
                    true => disk::in_memory(&path)?,
                    false => disk::create(&path)?,
                };
                (found, Some(why))
            }
        };
        let mut this = Index {
            dir: dir.clone(),
            study: study.clone(),
            path,
            in_memory,
            manifest: found
                .manifest
                .take()
                .unwrap_or_else(|| Manifest::new(study)),
            index: found.index,
            fields: found.fields,
            reader: found.reader,
            writer: None,
            opened: Opened::default(),
        };
        if let Some(why) = rebuilt.take() {
            this.rebuild(progress)?;
            this.opened.rebuilt = Some(why);
        } else {
            match this.catch_up(progress) {
                Err(IndexError::Busy) => this.opened.busy = true,
                other => other?,
            }
        }
        this.recall_skipped();
        Ok(this)
    }

    /// Sessions left out at an earlier opening and unchanged since are still out of the
    /// index: said again, with why, so that no search leaves one out silently.
    fn recall_skipped(&mut self) {
        let earlier: Vec<SessionId> = self
            .manifest
            .skipped
            .iter()
            .filter(|id| self.opened.skipped.iter().all(|(said, _)| said != *id))
            .copied()
            .collect();
        for id in earlier {
            if !matches!(self.dir.session_stamp(id), Ok(Some(_))) {
                continue; // removed since
            }
            if let Err(e) = self.dir.load_session(id, &self.study) {
                self.opened.skipped.push((id, Arc::new(e)));
            }
        }
    }

    /// What opening did (rebuilt, sessions caught up, sessions skipped), to tell the user.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    pub fn study(&self) -> &Study {
        &self.study
    }

    /// The sessions the index holds, with the revision it holds each at.
    pub fn held(&self) -> impl Iterator<Item = (SessionId, u64)> {
        let held: Vec<(SessionId, u64)> = self.manifest.table().map_or_else(
            |_| Vec::new(),
            |t| t.sessions.iter().map(|(id, h)| (*id, h.revision)).collect(),
        );
        held.into_iter()
    }

    /// Rebuilds the whole index from the sessions (in one commit: until it is done, searches
    /// see the old index).
    pub fn rebuild(&mut self, progress: &mut dyn Progress) -> Result<()> {
        self.writer_in(Mode::Bulk)?
            .delete_all_documents()
            .at_index(&self.path)?;
        // Read before listing: a write after this changes it, and the next opening looks.
        let stamp = self.study_stamp();
        let ids = self.dir.session_ids()?;
        self.manifest = Manifest::new(&self.study);
        self.manifest.study = stamp;
        self.opened = Opened {
            rebuilt: Some(Rebuilt::Asked),
            ..Opened::default()
        };
        progress.begin("index", ids.len());
        for id in ids {
            self.index_from_disk(id)?;
            progress.step();
        }
        progress.end();
        self.commit()?;
        self.release()
    }

    /// Takes a new study definition (codebook, grid, attributes edited): rebuilds if what is
    /// indexed depends on what changed.
    pub fn set_study(&mut self, study: &Study, progress: &mut dyn Progress) -> Result<()> {
        if fingerprint(study) != self.manifest.definition {
            self.study = study.clone();
            self.rebuild(progress)?;
            self.opened.rebuilt = Some(Rebuilt::DefinitionChanged);
        }
        Ok(())
    }

    /// Re-indexes a session after a saved change, searchable on return.
    pub fn update_session(&mut self, session: &Session) -> Result<()> {
        let fields = self.fields;
        // The writer first: taking it takes in what other processes committed.
        self.writer()?;
        let number = self.number(session.id)?;
        let docs = documents::of_session(&fields, &self.study, session, number);
        self.writer()?.delete_term(Term::from_field_text(
            fields.session,
            &session.id.to_string(),
        ));
        self.add(docs)?;
        self.hold(session, number)?;
        self.commit_and_release()
    }

    /// Re-indexes one segment (its text, its codings) after a saved change that touched only
    /// it; anything else about the session changed → [`Index::update_session`].
    pub fn update_segment(&mut self, session: &Session, segment: SegmentId) -> Result<()> {
        let fields = self.fields;
        self.writer()?;
        let number = self.number(session.id)?;
        let docs = match session.segment(segment) {
            Some(seg) => documents::of_segment(&fields, &self.study, (session, number), seg),
            None => Vec::new(), // removed: its documents go
        };
        self.writer()?
            .delete_term(Term::from_field_text(fields.segment, &segment.to_string()));
        self.add(docs)?;
        self.hold(session, number)?;
        self.commit_and_release()
    }

    /// Removes a session from the index (its file was deleted).
    pub fn remove_session(&mut self, id: SessionId) -> Result<()> {
        let field = self.fields.session;
        self.writer()?
            .delete_term(Term::from_field_text(field, &id.to_string()));
        let table = self.table()?;
        table.sessions.remove(&id);
        table.skipped.remove(&id);
        self.commit_and_release()
    }

    /// Takes in what other processes did since this one opened the index or last wrote: their
    /// commits (a rebuild, sessions they re-indexed), then the sessions changed since by
    /// anyone. Cheap when nothing changed; a long-lived front end calls it before a search.
    pub fn refresh(&mut self, progress: &mut dyn Progress) -> Result<()> {
        self.take_latest()?;
        self.opened.busy = false;
        match self.catch_up(progress) {
            Err(IndexError::Busy) => {
                self.opened.busy = true;
                Ok(())
            }
            other => other,
        }
    }

    /// Re-indexes the sessions added or changed since the index last saw them, and drops those
    /// whose file is gone. While the study's stamp is the one the index recorded, nothing is
    /// looked at.
    fn catch_up(&mut self, progress: &mut dyn Progress) -> Result<()> {
        // Read before looking at any file: a write after this changes it.
        let stamp = self.study_stamp();
        if stamp.is_some() && stamp == self.manifest.study {
            return Ok(());
        }
        let (changed, gone) = self.stale()?;
        if changed.is_empty() && gone.is_empty() {
            // Nothing to do: remember the stamp, so that the next opening need not look.
            return match stamp {
                Some(stamp) => {
                    self.writer()?;
                    self.manifest.study = Some(stamp);
                    self.commit_and_release()
                }
                None => Ok(()),
            };
        }
        self.writer_in(if changed.len() > 20 {
            Mode::Bulk
        } else {
            Mode::Light
        })?;
        // Taking the writer took in other processes' commits: what is stale may have shrunk.
        let (changed, gone) = self.stale()?;
        let field = self.fields.session;
        for id in &gone {
            self.writer()?
                .delete_term(Term::from_field_text(field, &id.to_string()));
            let table = self.table()?;
            table.sessions.remove(id);
            table.skipped.remove(id);
        }
        progress.begin("index", changed.len());
        for id in &changed {
            self.writer()?
                .delete_term(Term::from_field_text(field, &id.to_string()));
            self.index_from_disk(*id)?;
            progress.step();
        }
        progress.end();
        self.opened.updated += changed.len();
        self.opened.removed += gone.len();
        self.manifest.study = stamp;
        self.commit_and_release()
    }

    /// The sessions whose files changed since the index took them in (or that are new), and
    /// those it holds whose file is gone: one look at every session file.
    fn stale(&mut self) -> Result<(Vec<SessionId>, Vec<SessionId>)> {
        let ids = self.dir.session_ids()?;
        let mut changed = Vec::new();
        self.table()?;
        let table = self.manifest.table().expect("just read");
        for id in &ids {
            let stamp = self.dir.session_stamp(*id)?;
            let held = table.sessions.get(id).map(|h| h.stamp);
            let skipped = table.skipped.get(id).copied();
            if stamp.is_some() && stamp != held && stamp != skipped {
                changed.push(*id);
            }
        }
        let gone = table
            .sessions
            .keys()
            .chain(table.skipped.keys())
            .filter(|id| ids.binary_search(id).is_err())
            .copied()
            .collect();
        Ok((changed, gone))
    }

    /// The study's stamp; a study without one yet (made before stamps, or by a template) gets
    /// one, so that the next opening can trust it.
    fn study_stamp(&self) -> Option<StudyStamp> {
        self.dir.study_stamp().or_else(|| {
            self.dir.mark_changed();
            self.dir.study_stamp()
        })
    }

    /// Reads a session from disk and adds its documents; an unreadable session is noted and
    /// skipped (it becomes searchable once repaired).
    fn index_from_disk(&mut self, id: SessionId) -> Result<()> {
        let Some(stamp) = self.dir.session_stamp(id)? else {
            return Ok(()); // removed meanwhile
        };
        match self.dir.load_session(id, &self.study) {
            Ok(loaded) => {
                let number = self.number(id)?;
                let docs = documents::of_session(&self.fields, &self.study, &loaded.doc, number);
                self.add(docs)?;
                let table = self.table()?;
                table.skipped.remove(&id);
                table.sessions.insert(
                    id,
                    Held {
                        number,
                        revision: loaded.doc.revision,
                        stamp,
                        attributes: documents::attribute_paths(&loaded.doc),
                    },
                );
            }
            Err(e) => {
                let table = self.table()?;
                table.sessions.remove(&id);
                table.skipped.insert(id, stamp);
                self.opened.skipped.push((id, Arc::new(e)));
            }
        }
        Ok(())
    }

    fn hold(&mut self, session: &Session, number: u64) -> Result<()> {
        if let Some(stamp) = self.dir.session_stamp(session.id)? {
            let table = self.table()?;
            table.skipped.remove(&session.id);
            table.sessions.insert(
                session.id,
                Held {
                    number,
                    revision: session.revision,
                    stamp,
                    attributes: documents::attribute_paths(session),
                },
            );
        }
        Ok(())
    }

    fn add(&mut self, docs: Vec<tantivy::TantivyDocument>) -> Result<()> {
        let path = self.path.clone();
        let writer = self.writer()?;
        for doc in docs {
            writer.add_document(doc).at_index(&path)?;
        }
        Ok(())
    }

    /// The sessions the index holds, read on first need.
    fn table(&mut self) -> Result<&mut manifest::Table> {
        if let Err(e) = self.manifest.table() {
            return Err(self.damaged_manifest(e));
        }
        Ok(self.manifest.table_mut().expect("just read"))
    }

    fn number(&mut self, id: SessionId) -> Result<u64> {
        let path = self.path.clone();
        self.manifest
            .number(id)
            .map_err(|e| damaged_manifest(&path, e))
    }

    fn damaged_manifest(&self, why: String) -> IndexError {
        damaged_manifest(&self.path, why)
    }

    /// The writer open now, else one for incremental updates.
    fn writer(&mut self) -> Result<&mut IndexWriter> {
        match self.writer {
            Some((mode, _)) => self.writer_in(mode),
            None => self.writer_in(Mode::Light),
        }
    }

    /// Lets the writer go once its merges are done (they compact what it wrote), so that other
    /// processes can write: a front end holds the writer only while it writes.
    fn release(&mut self) -> Result<()> {
        if let Some((_, writer)) = self.writer.take() {
            writer.wait_merging_threads().at_index(&self.path)?;
        }
        Ok(())
    }

    fn writer_in(&mut self, mode: Mode) -> Result<&mut IndexWriter> {
        if self.writer.as_ref().is_some_and(|(m, _)| *m != mode) {
            self.release()?;
        }
        if self.writer.is_none() {
            let writer = self.take_writer(mode)?;
            self.writer = Some((mode, writer));
            // Another process may have committed since this one last read the index: build on
            // what it wrote, never over it.
            self.take_latest()?;
        }
        Ok(&mut self.writer.as_mut().expect("just set").1)
    }

    /// Takes tantivy's writer lock, waiting a little while another process holds it: front ends
    /// hold it only for the few milliseconds of a write.
    fn take_writer(&self, mode: Mode) -> Result<IndexWriter> {
        let (threads, budget) = mode.threads_and_budget();
        let started = Instant::now();
        loop {
            match self
                .index
                .writer_with_num_threads(threads, budget)
                .at_index(&self.path)
            {
                Err(IndexError::Busy) if started.elapsed() < BUSY_WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// Reads the latest commit (its manifest, its documents), which another process may have
    /// made. A commit made for another definition or version is left to the next opening.
    fn take_latest(&mut self) -> Result<()> {
        let metas = self.index.load_metas().at_index(&self.path)?;
        if let Some(latest) = Manifest::read(&self.path, metas.payload.as_deref())
            && latest.version == self.manifest.version
            && latest.definition == self.manifest.definition
        {
            self.manifest = latest;
        }
        self.reader.reload().at_index(&self.path)
    }

    fn commit_and_release(&mut self) -> Result<()> {
        self.commit()?;
        self.release()
    }

    /// Commits with the manifest as payload, then reloads the reader by hand so that the change
    /// is searchable on return.
    fn commit(&mut self) -> Result<()> {
        let path = self.path.clone();
        let on_disk = (!self.in_memory).then_some(path.as_path());
        let payload = self
            .manifest
            .write(on_disk)
            .map_err(|e| self.damaged_manifest(e))?;
        let writer = self.writer()?;
        let mut prepared = writer.prepare_commit().at_index(&path)?;
        prepared.set_payload(&payload);
        prepared.commit().at_index(&path)?;
        if !self.in_memory {
            Manifest::clean(&path, &payload);
        }
        self.reader.reload().at_index(&path)
    }
}
