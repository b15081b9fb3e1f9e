//! Imports: transcripts typed or transcribed elsewhere become sessions. Word and LibreOffice
//! documents, plain text and Markdown, subtitles, and the files of transcription tools (Otter,
//! noScribe, oTranscribe, f4/f5, Whisper, Praat, ELAN, Transcriber).
//!
//! Each reader turns a file into a [`Transcript`]: turns with the speaker label the file
//! gives, times from the start of the recording. [`cast::Cast`] then decides who is the
//! interviewer, the respondent and any co-respondent, and [`session`] makes the session.
//!
//! Each file makes one new session, `done`, its segments attached to no question (the analyst
//! attaches them while coding). A batch lands whole or not at all: every file is read and
//! checked first, then [`StudyDir::import_sessions`] writes them all or none. A file already
//! imported (the same transcript from the same file, as after an import killed halfway) is
//! recognised and skipped, never duplicated.

pub mod cast;
pub mod conventions;
pub mod cue_times;
pub mod defect;
pub mod encoding;
pub mod error;
pub mod formats;
pub mod headings;
pub mod options;
pub mod sniff;
pub mod subtitles;
pub mod txt;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use cast::{Cast, Role};
pub use defect::Defect;
pub use error::{ImportError, ImportErrors};
pub use formats::Kind;
pub use options::{
    ImportOptions, local_time, parse_attributes, parse_date, parse_speaker_names, question_by_key,
    split_attributes,
};

use crate::store::StudyDir;
use crate::study::text::fold;
use crate::study::{
    Consent, Memo, MemoId, Recording, Respondent, Segment, SegmentId, Session, SessionId, Speaker,
    Status, Study, Time, text,
};

/// What a reader finds in a transcript: one segment-to-be, its times counted from the start of
/// the recording, its speaker's label as the file writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Turn {
    pub label: Option<String>,
    pub start: Option<Duration>,
    pub end: Option<Duration>,
    pub text: String,
}

/// A transcript as read from its file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transcript {
    pub turns: Vec<Turn>,
    /// Labels the file itself gives the interviewer's role (ELAN's participant `interviewer`,
    /// a line `Interviewer = S00`).
    pub declared: Vec<String>,
    /// What the file says before anyone speaks (a title, the tool's notes): kept as a memo.
    pub header: Vec<String>,
    /// The document's headings: the index of the first turn after each, and its text (hints
    /// of the grid question the turns under it answer, see [`headings`]).
    pub headings: Vec<(usize, String)>,
}

#[cfg(test)]
impl Transcript {
    /// (label, start in ms, text) of each turn: what reader tests compare.
    pub fn summary(&self) -> Vec<(Option<&str>, Option<u128>, &str)> {
        self.turns
            .iter()
            .map(|t| {
                (
                    t.label.as_deref(),
                    t.start.map(|d| d.as_millis()),
                    t.text.as_str(),
                )
            })
            .collect()
    }
}

/// A file read into a session, with the speakers found in it.
#[derive(Clone, Debug)]
pub struct Read {
    pub file: PathBuf,
    pub session: Session,
    pub cast: Cast,
    /// The transcript's headings (see [`Transcript::headings`]).
    pub headings: Vec<(usize, String)>,
}

/// A file whose transcript is already in the study.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Already {
    pub file: PathBuf,
    pub session: SessionId,
    pub respondent: String,
}

/// What a batch did: the sessions written (or that would be, in a dry run), the files skipped
/// because the study has them already, and leftovers of interrupted imports removed.
#[derive(Debug, Default)]
pub struct Outcome {
    pub imported: Vec<Read>,
    pub already: Vec<Already>,
    pub leftovers_removed: Vec<PathBuf>,
}

/// Reads one transcript into a new session (nothing is written).
pub fn import_file(file: &Path, options: &ImportOptions) -> Result<Session, ImportError> {
    read_file(file, options).map(|read| read.session)
}

/// Reads one transcript into a new session and the speakers found in it.
pub fn read_file(file: &Path, options: &ImportOptions) -> Result<Read, ImportError> {
    let kind = Kind::of(file).ok_or_else(|| ImportError::Unsupported {
        file: file.to_path_buf(),
    })?;
    let bytes = std::fs::read(file).map_err(|source| ImportError::Read {
        file: file.to_path_buf(),
        source,
    })?;
    read_bytes(kind, file, &bytes, options)
}

/// Reads a transcript of `kind` given as bytes, `file` naming it (and the respondent, when no
/// pseudonym is given): what [`read_file`] does once the file is read, and what the fuzz
/// targets feed.
pub fn read_bytes(
    kind: Kind,
    file: &Path,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Read, ImportError> {
    let mut known: Vec<&str> = Vec::new();
    known.extend(options.interviewer.as_deref());
    known.extend(options.interviewer_label.as_deref());
    let transcript = formats::read(kind, file, bytes, &known)?;
    check_times(file, &transcript)?;
    if transcript.turns.is_empty() {
        return Err(ImportError::NoText {
            file: file.to_path_buf(),
        });
    }
    let hints = cast::Hints {
        interviewer_label: options.interviewer_label.as_deref(),
        interviewer_name: options.interviewer.as_deref(),
    };
    let mut cast =
        Cast::of(&transcript, hints).map_err(|e| ImportError::UnknownInterviewerLabel {
            file: file.to_path_buf(),
            label: e.label,
            found: e.found.join(", "),
        })?;
    // `--speaker "Mère=R07"` with R07 the session's pseudonym: that speaker is its respondent.
    let pseudonym = session_pseudonym(file, options);
    if let Some((label, _)) = options
        .speaker_names
        .iter()
        .find(|(_, name)| *name == pseudonym)
    {
        cast.prefer_respondent(label);
    }
    let session = session(file, &transcript, &cast, options);
    Ok(Read {
        file: file.to_path_buf(),
        session,
        cast,
        headings: transcript.headings,
    })
}

/// A turn that ends before it starts is a damaged file, named as such (not a session file
/// refused later).
fn check_times(file: &Path, transcript: &Transcript) -> Result<(), ImportError> {
    for turn in &transcript.turns {
        if let (Some(start), Some(end)) = (turn.start, turn.end)
            && end < start
        {
            let text: String = turn.text.chars().take(40).collect();
            return Err(ImportError::Malformed {
                file: file.to_path_buf(),
                line: None,
                defect: Defect::EndsBeforeStart {
                    text,
                    start: Recording::show(start),
                    end: Recording::show(end),
                },
            });
        }
    }
    Ok(())
}

/// The respondent's pseudonym: `--respondent`, else the file's name without its extension.
fn session_pseudonym(file: &Path, options: &ImportOptions) -> String {
    match &options.respondent {
        Some(p) => p.clone(),
        None => text::normalize(
            file.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .trim(),
        ),
    }
}

/// The session a transcript makes.
fn session(file: &Path, transcript: &Transcript, cast: &Cast, options: &ImportOptions) -> Session {
    let name = |s: &std::ffi::OsStr| text::normalize(s.to_string_lossy().trim());
    let pseudonym = session_pseudonym(file, options);
    let interviewer = options
        .interviewer
        .clone()
        .or_else(|| cast.interviewer_name().map(text::normalize))
        .or_else(|| options.interviewer_preference.clone())
        .unwrap_or_default();
    let mut session = Session::new(
        interviewer,
        Respondent {
            pseudonym: pseudonym.clone(),
            attributes: options.attributes.clone(),
        },
    );
    // The name a speaker's segments keep: the one given with `--speaker`, else the file's.
    let renamed = |found: &cast::Found| -> Option<String> {
        let given = options.speaker_names.iter().find(|(label, _)| {
            fold(label) == fold(&found.label)
                || found
                    .name
                    .as_deref()
                    .is_some_and(|n| fold(n) == fold(label))
        });
        match given {
            Some((_, name)) => Some(name.clone()),
            None => found.name.as_deref().map(text::normalize),
        }
    };
    for found in cast
        .speakers
        .iter()
        .filter(|s| s.role == Role::CoRespondent)
    {
        let co = renamed(found).unwrap_or_else(|| text::normalize(&found.label));
        if co != pseudonym && !session.co_respondents.iter().any(|r| r.pseudonym == co) {
            let attributes = options
                .co_attributes
                .iter()
                .find(|(who, _)| fold(who) == fold(&co) || fold(who) == fold(&found.label))
                .map(|(_, a)| a.clone())
                .unwrap_or_default();
            session.co_respondents.push(Respondent {
                pseudonym: co,
                attributes,
            });
        }
    }
    let start = options.start;
    // A time too far for the calendar (a corrupt hour field) is dropped rather than invented.
    let at = |offset: Option<Duration>| -> Option<Time> {
        let delta = chrono::TimeDelta::from_std(offset?).ok()?;
        start?.checked_add_signed(delta)
    };
    session.segments = transcript
        .turns
        .iter()
        .map(|turn| {
            let found = turn.label.as_deref().and_then(|l| cast.get(l));
            let role = found.map_or(Role::Respondent, |f| f.role);
            let name = found.and_then(renamed);
            Segment {
                id: SegmentId::new(),
                question: options.question,
                speaker: match role {
                    Role::Interviewer => Speaker::Interviewer,
                    Role::Respondent | Role::CoRespondent => Speaker::Respondent,
                },
                speaker_label: name,
                start: at(turn.start),
                end: at(turn.end),
                recording: turn.start.map(|start| Recording {
                    start,
                    end: turn.end,
                }),
                text: text::normalize(turn.text.trim()),
            }
        })
        .collect();
    session.started = start;
    session.ended = session
        .segments
        .iter()
        .filter_map(|s| s.end.or(s.start))
        .max();
    session.status = Status::Done;
    let now = options.now;
    session.consent = options.consent_given.then_some(Consent {
        given: true,
        at: start.unwrap_or(now),
    });
    if !transcript.header.is_empty() {
        session.memos.push(Memo {
            id: MemoId::new(),
            author: session.interviewer.clone(),
            at: now,
            segment: None,
            text: text::normalize(&transcript.header.join("\n")),
        });
    }
    session.source = file.file_name().map(name);
    session
}

/// The names given with `--speaker` or `--attr NAME:…` that no file of the batch has.
fn unknown_speakers(reads: &[Read], options: &ImportOptions) -> Vec<ImportError> {
    let mut found: Vec<String> = Vec::new();
    for f in reads.iter().flat_map(|r| r.cast.speakers.iter()) {
        if !found.contains(&f.label) {
            found.push(f.label.clone());
        }
    }
    let names: Vec<&str> = reads
        .iter()
        .flat_map(|r| {
            r.session
                .segments
                .iter()
                .filter_map(|s| s.speaker_label.as_deref())
        })
        .collect();
    let known = |l: &str| {
        found.iter().any(|f| fold(f) == fold(l)) || names.iter().any(|n| fold(n) == fold(l))
    };
    let given = options
        .speaker_names
        .iter()
        .map(|(label, _)| label)
        .chain(options.co_attributes.iter().map(|(who, _)| who));
    given
        .filter(|l| !known(l))
        .map(|l| ImportError::UnknownSpeaker {
            label: l.clone(),
            found: found.join(", "),
        })
        .collect()
}

/// Whether `existing` holds the transcript `new` was read from: the same file name and the
/// same words said by the same speakers.
fn same_transcript(existing: &Session, new: &Session) -> bool {
    existing.source.is_some()
        && existing.source == new.source
        && existing.segments.len() == new.segments.len()
        && existing.segments.iter().zip(&new.segments).all(|(a, b)| {
            a.text == b.text && a.speaker == b.speaker && a.speaker_label == b.speaker_label
        })
}

/// Imports a batch of transcripts into the study: every file is read and checked, then all the
/// new sessions are written, or none. A file whose transcript the study already holds is
/// skipped and reported. `on_file` is called after each file is read (progress). With
/// `dry_run`, nothing is written. On error, every problem found, and nothing was written.
pub fn import_files(
    dir: &StudyDir,
    study: &Study,
    files: &[PathBuf],
    options: &ImportOptions,
    on_file: &mut dyn FnMut(&Path),
) -> Result<Outcome, ImportErrors> {
    if options.respondent.is_some() && files.len() > 1 {
        return Err(ImportError::RespondentForMany.into());
    }
    let mut errors = Vec::new();
    let mut reads = Vec::new();
    let mut seen = HashSet::new();
    for file in files {
        let same = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        if !seen.insert(same) {
            errors.push(ImportError::Twice { file: file.clone() });
            continue;
        }
        match read_file(file, options) {
            Ok(read) => reads.push(read),
            Err(e) => errors.push(e),
        }
        on_file(file);
    }
    if errors.is_empty() {
        errors.extend(unknown_speakers(&reads, options));
    }
    if !errors.is_empty() {
        return Err(ImportErrors(errors));
    }
    let store = |e: crate::store::StoreError| ImportErrors(vec![e.into()]);
    let existing = dir.sources(study).map_err(store)?;
    let mut outcome = Outcome::default();
    for mut read in reads {
        if options.question.is_none() {
            headings::attach(&mut read.session, &read.headings, &study.grid);
        }
        match existing.iter().find(|s| same_transcript(s, &read.session)) {
            Some(s) => outcome.already.push(Already {
                file: read.file,
                session: s.id,
                respondent: s.respondent.pseudonym.clone(),
            }),
            None => outcome.imported.push(read),
        }
    }
    if !options.dry_run {
        let sessions: Vec<Session> = outcome.imported.iter().map(|r| r.session.clone()).collect();
        dir.import_sessions(&sessions, study).map_err(store)?;
        outcome.leftovers_removed = dir.remove_interrupted_imports();
    }
    Ok(outcome)
}
