//! A study folder: creating it, loading its definition and sessions, opening them for writing,
//! and checking every file.
//!
//! Over 500 lines: the study folder's single owner (create, load, open for writing, check);
//! keeping every path of the folder in one type is what guarantees nothing else touches it.

use std::path::{Path, PathBuf};

use super::check_error::CheckError;
use super::cipher::{Codec, StudyKey};
use super::error::{IoContext, Result, StoreError};
use super::journaled::{self, DocPaths, Journaled, Loaded};
use super::lock::Lock;
use super::paths::StudyPaths;
use super::template::Template;
use super::{fs, json};
use crate::study::retired::{Followed, follow_records};
use crate::study::validate::{self, Problem};
use crate::study::{Codebook, Document, Grid, Session, SessionId, Study, StudyMeta};

/// A session as read: its codings follow the codebook's records; `problems` (if any) keep it
/// read-only, but it is listed and shown.
#[derive(Debug)]
pub struct SessionRead {
    pub loaded: Loaded<Session>,
    pub followed: Followed,
    pub problems: Vec<Problem>,
}

/// A session open for writing by this process.
pub type SessionWriter = Journaled<Session>;

#[derive(Clone, Debug)]
pub struct StudyDir {
    paths: StudyPaths,
}

impl StudyDir {
    /// Opens an existing study folder (it must hold a `study.json`). An encrypted study (it
    /// holds a `study.key`) opens locked: nothing can be read before [`StudyDir::unlock`].
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let mut paths = StudyPaths::new(root);
        if !paths.meta().file.is_file() {
            return Err(StoreError::NotAStudy {
                path: paths.root().to_path_buf(),
            });
        }
        // Files are opened without following a link (`fs::open_regular`), but a linked folder
        // would take every session, or the index and its full text, outside the study.
        for folder in [paths.sessions_dir(), paths.index_dir(), paths.repairs_dir()] {
            if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(StoreError::Symlink { path: folder });
            }
        }
        if std::fs::symlink_metadata(paths.key_file()).is_ok() {
            paths = StudyPaths::with_codec(paths.root(), Codec::Locked);
        }
        Ok(StudyDir { paths })
    }

    pub(super) fn with_paths(paths: StudyPaths) -> Self {
        StudyDir { paths }
    }

    /// Whether the study's files are encrypted (see [`super::cipher`]).
    pub fn is_encrypted(&self) -> bool {
        self.paths.codec().is_encrypted()
    }

    /// Whether the study is encrypted and its key not given yet.
    pub fn needs_key(&self) -> bool {
        matches!(self.paths.codec(), Codec::Locked)
    }

    /// Opens an encrypted study's key with a passphrase or a key of the team; a wrong one
    /// leaves the study locked and changes nothing. A plain study needs nothing.
    pub fn unlock(&mut self, unlock: &super::keys::Unlock) -> Result<()> {
        if !self.needs_key() {
            return Ok(());
        }
        let key = super::keys::unwrap(&self.paths.key_file(), unlock)?;
        self.paths = StudyPaths::with_codec(self.paths.root(), Codec::sealed(key));
        Ok(())
    }

    /// Creates an encrypted study from a template, like [`StudyDir::create`]: a new study key,
    /// wrapped as `protection` says, and every file encrypted from the first byte written.
    pub fn create_encrypted(
        root: &Path,
        template: &Template,
        with_examples: bool,
        protection: &super::keys::Protection,
    ) -> Result<Self> {
        let key = StudyKey::generate();
        let wrapped =
            super::keys::wrap(&key, protection).map_err(|message| StoreError::KeyFile {
                path: root.join(super::keys::KEY_FILE),
                message,
            })?;
        Self::create_staged(root, Codec::sealed(key), |staged| {
            fs::write_new(&staged.key_file(), &wrapped)?;
            fill_from_template(staged, template, with_examples)
        })
    }

    /// Creates a study folder from a template, with or without its example sessions. The
    /// folder must not exist or be empty. It is built beside its place and renamed into it, so
    /// a failure never leaves a half-made study.
    pub fn create(root: &Path, template: &Template, with_examples: bool) -> Result<Self> {
        Self::create_staged(root, Codec::Plain, |staged| {
            fill_from_template(staged, template, with_examples)
        })
    }

    /// Creates a study folder holding `study` and `sessions` (an imported project), checked
    /// first, built beside its place and renamed into it like [`StudyDir::create`]. With
    /// `protection`, encrypted like [`StudyDir::create_encrypted`]: from the first byte
    /// written, no file of it is ever in clear on the disk.
    pub fn create_with(
        root: &Path,
        study: &Study,
        sessions: &[Session],
        protection: Option<&super::keys::Protection>,
    ) -> Result<Self> {
        let paths = StudyPaths::new(root);
        for (file, problems) in [
            (paths.meta().file, validate::validate_meta(&study.meta)),
            (paths.grid().file, validate::validate_grid(&study.grid)),
            (
                paths.codebook().file,
                validate::validate_codebook(&study.codebook),
            ),
        ] {
            if !problems.is_empty() {
                return Err(StoreError::Invalid { file, problems });
            }
        }
        for session in sessions {
            check_session(&paths.session(session.id).file, session.id, session, study)?;
        }
        let (codec, wrapped) = match protection {
            None => (Codec::Plain, None),
            Some(protection) => {
                let key = StudyKey::generate();
                let wrapped =
                    super::keys::wrap(&key, protection).map_err(|message| StoreError::KeyFile {
                        path: paths.key_file(),
                        message,
                    })?;
                (Codec::sealed(key), Some(wrapped))
            }
        };
        Self::create_staged(root, codec, |staged| {
            if let Some(wrapped) = &wrapped {
                fs::write_new(&staged.key_file(), wrapped)?;
            }
            let codec = staged.codec();
            codec.write_new(&staged.meta().file, json::to_pretty(&study.meta).as_bytes())?;
            codec.write_new(&staged.grid().file, json::to_pretty(&study.grid).as_bytes())?;
            codec.write_new(
                &staged.codebook().file,
                json::to_pretty(&study.codebook).as_bytes(),
            )?;
            for session in sessions {
                codec.write_new(
                    &staged.session(session.id).file,
                    json::to_pretty(session).as_bytes(),
                )?;
            }
            Ok(())
        })
    }

    /// Builds a study in a staging folder beside `root` with `fill`, then renames it into
    /// place: `root` must not exist or be empty, and is left as it was on failure.
    fn create_staged(
        root: &Path,
        codec: Codec,
        fill: impl FnOnce(&StudyPaths) -> Result<()>,
    ) -> Result<Self> {
        if root.exists() && std::fs::read_dir(root).at(root)?.next().is_some() {
            return Err(StoreError::Exists {
                path: root.to_path_buf(),
            });
        }
        let parent = match root.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_private_dir(&parent)?;
        let building = tempfile::Builder::new()
            .prefix(".grille-new-")
            .tempdir_in(&parent)
            .at(&parent)?;
        fs::make_private(building.path())?;
        let staged = StudyPaths::with_codec(building.path(), codec.clone());
        fs::create_private_dir(&staged.sessions_dir())?;
        fill(&staged)?;
        if root.exists() {
            std::fs::remove_dir(root).at(root)?;
        }
        let staged_root = building.keep();
        std::fs::rename(&staged_root, root).at(root)?;
        fs::sync_dir(&parent)?;
        Ok(StudyDir {
            paths: StudyPaths::with_codec(root, codec),
        })
    }

    /// Opens the study at `root`, creating it from `template` (without example sessions) if the
    /// folder does not exist yet: the default study on first use.
    pub fn open_or_create(root: &Path, template: &Template) -> Result<Self> {
        if root.join("study.json").is_file() {
            Self::open(root)
        } else {
            Self::create(root, template, false)
        }
    }

    /// The study's own report template and stylesheet ([`REPORT_TEMPLATE`],
    /// [`REPORT_STYLE`]) as they are on disk, when it has them (never through a link).
    pub fn report_layout(&self) -> Result<[Option<Vec<u8>>; 2]> {
        let root = self.root();
        Ok([
            fs::read_if_exists(&root.join(super::paths::REPORT_TEMPLATE))?,
            fs::read_if_exists(&root.join(super::paths::REPORT_STYLE))?,
        ])
    }

    pub fn paths(&self) -> &StudyPaths {
        &self.paths
    }

    pub fn root(&self) -> &Path {
        self.paths.root()
    }

    /// Loads `study.json`, `grid.json` and `codebook.json` (with their journals) and checks them.
    pub fn load_study(&self) -> Result<Study> {
        Ok(Study {
            meta: load_valid(&self.paths.meta(), validate::validate_meta)?.doc,
            grid: load_valid(&self.paths.grid(), validate::validate_grid)?.doc,
            codebook: load_valid(&self.paths.codebook(), validate::validate_codebook)?.doc,
        })
    }

    /// The ids of the study's sessions, from the file names in `sessions/`, sorted.
    pub fn session_ids(&self) -> Result<Vec<SessionId>> {
        let dir = self.paths.sessions_dir();
        let mut ids = Vec::new();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ids),
            Err(e) => return Err(e).at(&dir),
        };
        for entry in entries {
            let path = entry.at(&dir)?.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Some(id) = path.file_stem().and_then(|s| s.to_str()?.parse().ok())
            {
                ids.push(id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Reads a session (replaying its journal, following the codebook's records) and checks
    /// it against the study; writes nothing. A session that breaks the rules is an error.
    pub fn load_session(&self, id: SessionId, study: &Study) -> Result<Loaded<Session>> {
        let read = self.read_session(id, study)?;
        if read.problems.is_empty() {
            Ok(read.loaded)
        } else {
            Err(StoreError::Invalid {
                file: self.paths.session(id).file,
                problems: read.problems,
            })
        }
    }

    /// Reads a session as [`StudyDir::load_session`] does, but returns it with its problems
    /// rather than refusing it: an error only when the file cannot be read at all.
    pub fn read_session(&self, id: SessionId, study: &Study) -> Result<SessionRead> {
        let paths = self.paths.session(id);
        let mut loaded: Loaded<Session> = journaled::load(&paths, study)?;
        let followed = follow_records(&mut loaded.doc, &study.codebook);
        let problems = session_problems(id, &loaded.doc, study);
        Ok(SessionRead {
            loaded,
            followed,
            problems,
        })
    }

    /// A session as written (its journal replayed), its codings not mapped through the
    /// codebook's records, not checked: what a repair starts from.
    pub fn read_raw_session(&self, id: SessionId, study: &Study) -> Result<Session> {
        Ok(journaled::load(&self.paths.session(id), study)?.doc)
    }

    /// Opens a session for writing even if it breaks the rules: for a repair, whose changes
    /// are each checked like any other.
    pub fn open_session_to_repair(&self, id: SessionId, study: &Study) -> Result<SessionWriter> {
        Ok(Journaled::open(self.paths.session(id), study)?.0)
    }

    /// Writes the log of a repair as `repairs/<time>.json` (a new file, never overwritten);
    /// returns its path.
    pub fn write_repair_log(&self, bytes: &[u8]) -> Result<PathBuf> {
        let dir = self.paths.repairs_dir();
        fs::create_private_dir(&dir)?;
        let stamp = chrono::Local::now().format("%Y-%m-%dT%H-%M-%S");
        let mut path = dir.join(format!("{stamp}.json"));
        let mut n = 2;
        while std::fs::symlink_metadata(&path).is_ok() {
            path = dir.join(format!("{stamp}-{n}.json"));
            n += 1;
        }
        self.paths.codec().write_new(&path, bytes)?;
        Ok(path)
    }

    /// Opens a session for writing. Another process writing it gives [`StoreError::Locked`]:
    /// fall back to [`StudyDir::load_session`] for read-only access.
    pub fn open_session(
        &self,
        id: SessionId,
        study: &Study,
    ) -> Result<(SessionWriter, Vec<String>)> {
        let paths = self.paths.session(id);
        // Check before taking the writer: a session that breaks the rules is never rewritten.
        self.load_session(id, study)?;
        Journaled::open(paths, study)
    }

    /// Writes a new session and opens it for writing.
    pub fn create_session(&self, session: Session, study: &Study) -> Result<SessionWriter> {
        let paths = self.paths.session(session.id);
        check_session(&paths.file, session.id, &session, study)?;
        fs::create_private_dir(&self.paths.sessions_dir())?;
        Journaled::create(paths, session)
    }

    /// Writes new sessions all together, or none of them: the transcripts of an import.
    ///
    /// Every session is checked first; then they are written into a staging folder inside the
    /// study (same file system, files `0600`, fsynced) and renamed into `sessions/` one by one.
    /// If a rename fails, the sessions already moved are removed again, so `sessions/` is left
    /// as it was. (A crash in the middle of the renames can leave some in place; the staging
    /// folder then holds the others and `grille check` names it.)
    pub fn import_sessions(&self, sessions: &[Session], study: &Study) -> Result<()> {
        let sessions_dir = self.paths.sessions_dir();
        for session in sessions {
            check_session(
                &self.paths.session(session.id).file,
                session.id,
                session,
                study,
            )?;
        }
        fs::create_private_dir(&sessions_dir)?;
        let root = self.root();
        // Removed with everything left in it when dropped, on every path out of here.
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(root)
            .at(root)?;
        fs::make_private(staging.path())?;
        // Held until the end: a staging folder whose lock is free was left by an import that
        // died (see `remove_interrupted_imports`).
        let _busy = Lock::acquire(&staging.path().join(STAGING_LOCK), staging.path())?;
        let mut staged = Vec::with_capacity(sessions.len());
        for session in sessions {
            let name = format!("{}.json", session.id);
            let (file, target) = (staging.path().join(&name), sessions_dir.join(name));
            // A full disk is said of the session file to be, not of the staging folder.
            self.paths
                .codec()
                .write_new(&file, json::to_pretty(session).as_bytes())
                .map_err(|e| e.naming(&target))?;
            staged.push((file, target));
        }
        let mut moved: Vec<&Path> = Vec::with_capacity(staged.len());
        for (from, to) in &staged {
            if let Err(e) = move_new(from, to) {
                for done in &moved {
                    let _ = std::fs::remove_file(done);
                }
                let _ = fs::sync_dir(&sessions_dir);
                return Err(e);
            }
            moved.push(to);
        }
        fs::sync_dir(&sessions_dir)?;
        super::stamp::mark_changed(&self.paths.changes_mark());
        Ok(())
    }

    /// The sessions imported from a file (with a `source`), as read now; those that cannot be
    /// read are left out (they are reported by `check`). An import compares its transcripts
    /// with them so that running it again after a crash duplicates nothing.
    pub fn sources(&self, study: &Study) -> Result<Vec<Session>> {
        Ok(self
            .session_ids()?
            .into_iter()
            .filter_map(|id| self.load_session(id, study).ok())
            .map(|loaded| loaded.doc)
            .filter(|s| s.source.is_some())
            .collect())
    }

    /// Removes the staging folders of imports that died while moving their sessions in (no
    /// process holds their lock): they hold copies of transcripts nobody will use, since the
    /// import run again recognises what was placed and places the rest. Returns those removed.
    pub fn remove_interrupted_imports(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.root()) else {
            return Vec::new();
        };
        let mut removed = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let staging = entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGING_PREFIX)
                && entry.file_type().is_ok_and(|t| t.is_dir());
            if !staging {
                continue;
            }
            let free = Lock::acquire(&path.join(STAGING_LOCK), &path).is_ok();
            if free && std::fs::remove_dir_all(&path).is_ok() {
                removed.push(path);
            }
        }
        removed
    }

    /// Opens the codebook for writing (codebook edits are journalled like session changes).
    /// Opens the codebook for writing (codebook edits are journalled like session changes),
    /// waiting a moment if another process is changing it or writing a coding.
    pub fn open_codebook(&self) -> Result<(Journaled<Codebook>, Vec<String>)> {
        Journaled::open_waiting(self.paths.codebook(), &(), super::lock::BRIEF_WAIT)
    }

    /// Reads the codebook (with its journal) and checks it.
    pub fn load_codebook(&self) -> Result<Codebook> {
        Ok(load_valid(&self.paths.codebook(), validate::validate_codebook)?.doc)
    }

    /// A shared hold on the codebook: taken while a coding is checked against the codebook and
    /// written, so that no process changes the codebook in between.
    pub fn hold_codebook(&self) -> Result<super::lock::Lock> {
        let paths = self.paths.codebook();
        super::lock::Lock::acquire_shared(&paths.lock, &paths.file, super::lock::BRIEF_WAIT)
    }

    /// grille's temporary files in the study (crash leftovers, or a write under way).
    pub fn leftovers(&self) -> Vec<PathBuf> {
        self.written_folders()
            .iter()
            .flat_map(|dir| fs::leftovers(dir))
            .collect()
    }

    /// The folders grille writes files into (by a temporary file renamed into place).
    fn written_folders(&self) -> [PathBuf; 3] {
        [
            self.root().to_path_buf(),
            self.paths.sessions_dir(),
            self.paths.repairs_dir(),
        ]
    }

    /// Removes the temporary files that a process killed while writing left in the study
    /// (those older than `before`: a running process may be writing one now). Returns them.
    pub fn remove_leftovers(&self, before: std::time::SystemTime) -> Vec<PathBuf> {
        let mut removed: Vec<PathBuf> = self
            .written_folders()
            .iter()
            .flat_map(|dir| match *dir == self.paths.sessions_dir() {
                true => self.sweep_sessions(before),
                false => fs::remove_leftovers(dir, before),
            })
            .collect();
        // Copies of the whole study left beside it by an interrupted encrypt or decrypt.
        removed.extend(self.remove_interrupted_conversions());
        removed
    }

    /// Opens the grid for writing.
    pub fn open_grid(&self) -> Result<(Journaled<Grid>, Vec<String>)> {
        Journaled::open(self.paths.grid(), &())
    }

    /// Opens `study.json` for writing.
    pub fn open_meta(&self) -> Result<(Journaled<StudyMeta>, Vec<String>)> {
        Journaled::open(self.paths.meta(), &())
    }

    /// Checks every file of the study without writing anything.
    pub fn check(&self) -> CheckReport {
        let mut report = CheckReport::default();
        let meta = report.keep(
            load_valid(&self.paths.meta(), validate::validate_meta),
            &self.paths.meta(),
        );
        let grid = report.keep(
            load_valid(&self.paths.grid(), validate::validate_grid),
            &self.paths.grid(),
        );
        let codebook = report.keep(
            load_valid(&self.paths.codebook(), validate::validate_codebook),
            &self.paths.codebook(),
        );
        let (Some(meta), Some(grid), Some(codebook)) = (meta, grid, codebook) else {
            report
                .notes
                .push("sessions not checked: the study definition has errors".into());
            return report;
        };
        let study = Study {
            meta,
            grid,
            codebook,
        };
        let mut sessions = Vec::new();
        match self.session_ids() {
            Ok(ids) => {
                // Read in parallel; of each session only what the report says is kept, and
                // what the checks across sessions read (not the transcript).
                let parts = self.read_sessions(&ids, &study, |id, read| {
                    let mut part = CheckReport::default();
                    let light = part.session(read, &self.paths.session(id)).map(across_only);
                    (part, light)
                });
                for (part, light) in parts {
                    report.sessions += 1;
                    report.errors.extend(part.errors);
                    report.notes.extend(part.notes);
                    sessions.extend(light);
                }
            }
            Err(e) => report.errors.push(e.into()),
        }
        report.across_sessions(&sessions, |id| self.paths.session(id).file);
        report.stray_files(&self.paths.sessions_dir());
        report.interrupted_imports(self.root());
        report
    }
}

/// A session as the checks across sessions read it (id, respondent, date, situations), without
/// its transcript: `check` on 10,000 sessions holds 10,000 of these, not 10,000 transcripts.
fn across_only(mut session: Session) -> Session {
    session.started = session.date();
    session.segments = Vec::new();
    session.codings = Vec::new();
    session.memos = Vec::new();
    session
}

/// Writes a template's definition files and, if asked, its example sessions into a new study.
fn fill_from_template(staged: &StudyPaths, template: &Template, with_examples: bool) -> Result<()> {
    let codec = staged.codec();
    for (name, text) in template.definition_files()? {
        codec.write_new(&staged.root().join(name), text.as_bytes())?;
    }
    if with_examples {
        for (_, text) in template.examples {
            let session: Session = json::parse(Path::new(template.name), text.as_bytes())?;
            codec.write_new(&staged.session(session.id).file, text.as_bytes())?;
        }
    }
    Ok(())
}

/// The name staging folders of an import start with, in the study's root.
const STAGING_PREFIX: &str = ".grille-import-";

/// The lock an import holds in its staging folder while it moves its sessions in.
const STAGING_LOCK: &str = ".lock";

/// Renames `from` to `to`, which must not exist: a session file is never overwritten.
fn move_new(from: &Path, to: &Path) -> Result<()> {
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(StoreError::FileExists {
            path: to.to_path_buf(),
        });
    }
    std::fs::rename(from, to).at(to)
}

/// Loads a definition file and refuses it if it breaks the rules.
fn load_valid<D: Document<Context = ()>>(
    paths: &DocPaths,
    validate: fn(&D) -> Vec<Problem>,
) -> Result<Loaded<D>> {
    let loaded = journaled::load(paths, &())?;
    let problems = validate(&loaded.doc);
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(StoreError::Invalid {
            file: paths.file.clone(),
            problems,
        })
    }
}

fn session_problems(id: SessionId, session: &Session, study: &Study) -> Vec<Problem> {
    let mut problems = validate::validate_session(session, study);
    if session.id != id {
        problems.insert(
            0,
            Problem {
                path: "$.id".into(),
                kind: crate::study::ProblemKind::IdMismatch {
                    id: session.id.to_string(),
                },
            },
        );
    }
    problems
}

fn check_session(file: &Path, id: SessionId, session: &Session, study: &Study) -> Result<()> {
    let problems = session_problems(id, session, study);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            file: file.to_path_buf(),
            problems,
        })
    }
}

fn is_leftover(name: &str) -> bool {
    name.starts_with(fs::TEMP_PREFIX) && name.ends_with(fs::TEMP_SUFFIX)
}

fn leftover_note(path: &Path) -> String {
    format!(
        "{}: a crash leftover (a temporary copy from a write that was cut short); grille \
         removes it when it next opens the study",
        path.display()
    )
}

/// What `grille check` found: errors (the study is not sound) and notes (recovered journals…).
#[derive(Debug, Default)]
pub struct CheckReport {
    pub errors: Vec<CheckError>,
    pub notes: Vec<String>,
    pub sessions: usize,
    /// Pseudonyms used by several sessions (of the same kind) with those sessions' files:
    /// worth a warning, since tables count a respondent once.
    pub shared_pseudonyms: Vec<(String, crate::study::SessionKind, Vec<std::path::PathBuf>)>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    fn keep<D>(&mut self, loaded: Result<Loaded<D>>, paths: &DocPaths) -> Option<D> {
        match loaded {
            Ok(loaded) => {
                self.notes.extend(loaded.notes(paths));
                Some(loaded.doc)
            }
            Err(StoreError::Invalid { file, problems }) => {
                // One line per problem, so that every one of them is seen.
                for problem in problems {
                    let file = file.clone();
                    self.errors.push(CheckError::Problem { file, problem });
                }
                None
            }
            Err(e) => {
                self.errors.push(e.into());
                None
            }
        }
    }

    /// What holds across sessions: person links to situations that exist (errors), one
    /// session per respondent (warnings).
    fn across_sessions(
        &mut self,
        sessions: &[Session],
        file: impl Fn(SessionId) -> std::path::PathBuf,
    ) {
        for (session, path, target) in validate::dangling_person_links(sessions) {
            self.errors.push(CheckError::NoSituation {
                file: file(session),
                path,
                target,
            });
        }
        for (pseudonym, kind, ids) in validate::shared_pseudonyms(sessions) {
            let files = ids.into_iter().map(&file).collect();
            self.shared_pseudonyms.push((pseudonym, kind, files));
        }
    }

    /// A session as read: its notes and problems. Returns it when it is sound.
    fn session(&mut self, read: Result<SessionRead>, paths: &DocPaths) -> Option<Session> {
        let read = match read {
            Ok(read) => read,
            Err(e) => {
                self.errors.push(e.into());
                return None;
            }
        };
        self.notes.extend(read.loaded.notes(paths));
        let Followed { mapped, dropped } = read.followed;
        if mapped + dropped > 0 {
            self.notes.push(format!(
                "{}: {mapped} coding(s) of merged codes are counted under the code they were \
                 merged into, {dropped} of deleted codes are left out, as the codebook's records \
                 say (`grille check --repair` writes this into the file)",
                paths.file.display()
            ));
        }
        let sound = read.problems.is_empty();
        for problem in read.problems {
            let file = paths.file.clone();
            self.errors.push(CheckError::Problem { file, problem });
        }
        sound.then_some(read.loaded.doc)
    }

    /// Staging folders left by an import that was killed while moving its sessions in, and
    /// temporary files left by a crash.
    fn interrupted_imports(&mut self, root: &Path) {
        let Ok(entries) = std::fs::read_dir(root) else {
            return;
        };
        for entry in entries.flatten() {
            if is_leftover(&entry.file_name().to_string_lossy()) {
                self.notes.push(leftover_note(&entry.path()));
            }
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGING_PREFIX)
            {
                self.notes.push(format!(
                    "{}: left by an interrupted import; the sessions in it were not imported \
                     (run the same import again: it recognises the sessions already placed, \
                     places the others and removes this folder)",
                    entry.path().display()
                ));
            }
        }
    }

    /// Files in `sessions/` that grille does not know: reported, never touched.
    fn stray_files(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let known = path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|stem| {
                    stem.parse::<SessionId>().is_ok()
                        && ["json", "journal", "lock"]
                            .iter()
                            .any(|ext| path.extension().is_some_and(|e| e == *ext))
                });
            // Sessions and journals are read, and their errors reported, with the session.
            let read = known && path.extension().is_some_and(|e| e != "lock");
            let kind = entry.file_type();
            if is_leftover(&name) {
                self.notes.push(leftover_note(&path));
            } else if read {
                continue;
            } else if kind.as_ref().is_ok_and(|k| k.is_symlink()) {
                self.errors.push(StoreError::Symlink { path }.into());
            } else if let Some(what) = kind.as_ref().ok().and_then(fs::what_it_is)
                && known
            {
                self.errors
                    .push(StoreError::NotRegular { path, what }.into());
            } else if name.contains(".journal.torn-") {
                self.notes.push(format!(
                    "{}: a journal set aside after a crash (kept for inspection)",
                    path.display()
                ));
            } else if !known {
                self.notes
                    .push(format!("{}: not a session file, ignored", path.display()));
            }
        }
    }
}
