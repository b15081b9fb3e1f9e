//! Imports: transcripts typed or transcribed elsewhere (`.txt`, `.md`, `.srt`, `.vtt`) become
//! sessions.
//!
//! Each file makes one new session, `done`, its segments attached to no question (the analyst
//! attaches them while coding). A batch lands whole or not at all: every file is read and
//! checked first, then [`StudyDir::import_sessions`] writes them all or none.

pub mod conventions;
pub mod encoding;
pub mod error;
pub mod options;
pub mod subtitles;
pub mod txt;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use error::{ImportError, ImportErrors};
pub use options::{ImportOptions, parse_attributes, parse_date, question_by_key};

use crate::store::StudyDir;
use crate::study::{
    Consent, Respondent, Segment, SegmentId, Session, Speaker, Status, Study, Time, text,
};

/// What a reader finds in a transcript: one segment-to-be, its times counted from the start of
/// the recording.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    pub speaker: Speaker,
    pub label: Option<String>,
    pub start: Option<Duration>,
    pub end: Option<Duration>,
    pub text: String,
}

/// The kinds of file grille imports, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Srt,
    Vtt,
}

impl Kind {
    pub fn of(file: &Path) -> Option<Kind> {
        let ext = file.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
            "srt" => Some(Kind::Srt),
            "vtt" => Some(Kind::Vtt),
            _ => None,
        }
    }
}

/// Reads one transcript into a new session (nothing is written).
pub fn import_file(file: &Path, options: &ImportOptions) -> Result<Session, ImportError> {
    let kind = Kind::of(file).ok_or_else(|| ImportError::Unsupported {
        file: file.to_path_buf(),
    })?;
    let bytes = std::fs::read(file).map_err(|source| ImportError::Read {
        file: file.to_path_buf(),
        source,
    })?;
    let text = encoding::decode(file, &bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_path_buf(),
        });
    }
    let interviewer = options.interviewer.as_str();
    let malformed = |m: subtitles::Malformed| ImportError::Malformed {
        file: file.to_path_buf(),
        line: m.line,
        message: m.message,
    };
    let turns = match kind {
        Kind::Text => txt::parse(&text, interviewer),
        Kind::Srt => subtitles::parse_srt(&text, interviewer).map_err(malformed)?,
        Kind::Vtt => subtitles::parse_vtt(&text, interviewer).map_err(malformed)?,
    };
    if turns.is_empty() {
        return Err(ImportError::NoText {
            file: file.to_path_buf(),
        });
    }
    Ok(session(file, turns, options))
}

/// The session a transcript's turns make.
fn session(file: &Path, turns: Vec<Turn>, options: &ImportOptions) -> Session {
    let name = |s: &std::ffi::OsStr| text::normalize(s.to_string_lossy().trim());
    let pseudonym = match &options.respondent {
        Some(p) => p.clone(),
        None => name(file.file_stem().unwrap_or_default()),
    };
    let mut session = Session::new(
        options.interviewer.clone(),
        Respondent {
            pseudonym,
            attributes: options.attributes.clone(),
        },
    );
    let start = options.start;
    // A time too far for the calendar (a corrupt hour field) is dropped rather than invented.
    let at = |offset: Option<Duration>| -> Option<Time> {
        let delta = chrono::TimeDelta::from_std(offset?).ok()?;
        start.checked_add_signed(delta)
    };
    session.segments = turns
        .into_iter()
        .map(|turn| Segment {
            id: SegmentId::new(),
            question: options.question,
            speaker: turn.speaker,
            speaker_label: turn.label.map(|l| text::normalize(&l)),
            start: at(turn.start),
            end: at(turn.end),
            text: text::normalize(turn.text.trim()),
        })
        .collect();
    session.started = Some(start);
    session.ended = session
        .segments
        .iter()
        .filter_map(|s| s.end.or(s.start))
        .max();
    session.status = Status::Done;
    session.consent = options.consent_given.then_some(Consent {
        given: true,
        at: start,
    });
    session.source = file.file_name().map(name);
    session
}

/// Imports a batch of transcripts into the study: every file is read and checked, then all the
/// sessions are written, or none. `on_file` is called after each file is read (progress).
/// Returns the sessions written; on error, every problem found, and nothing was written.
pub fn import_files(
    dir: &StudyDir,
    study: &Study,
    files: &[PathBuf],
    options: &ImportOptions,
    on_file: &mut dyn FnMut(&Path),
) -> Result<Vec<Session>, ImportErrors> {
    if options.respondent.is_some() && files.len() > 1 {
        return Err(ImportError::RespondentForMany.into());
    }
    let mut errors = Vec::new();
    let mut sessions = Vec::new();
    let mut seen = HashSet::new();
    for file in files {
        let same = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        if !seen.insert(same) {
            errors.push(ImportError::Twice { file: file.clone() });
            continue;
        }
        match import_file(file, options) {
            Ok(session) => sessions.push(session),
            Err(e) => errors.push(e),
        }
        on_file(file);
    }
    if !errors.is_empty() {
        return Err(ImportErrors(errors));
    }
    dir.import_sessions(&sessions, study)
        .map_err(|e| ImportErrors(vec![e.into()]))?;
    Ok(sessions)
}
