//! Importing a REFI-QDA file into a study, or into a new one.
//!
//! Three steps, so that nothing is written unless everything can be: [`input::read`] reads the
//! file (refusing hostile or broken ones), [`plan`] works out the study that results (codes
//! merged or added, attributes added, a session per text source) and checks it against the
//! study's rules, then [`super::apply`] writes it through the store, all or none.

pub mod codes;
pub mod grid;
pub mod input;
pub mod report;
pub mod sessions;
pub mod sets;
pub mod variables;

use std::collections::{BTreeMap, HashSet};

use uuid::Uuid;

pub use codes::Matching;
pub use input::{Input, Kind, Missing};
pub use report::{Report, SelectionProblem, Skip};

use super::error::RefiError;
use super::extension::Extension;
use super::positions::{self, Counted, Probe};
use crate::study::validate::{self, Problem};
use crate::study::{Code, Codebook, Grid, Session, SessionId, Study, StudyId, StudyMeta, Time};

/// What the user chose.
#[derive(Clone, Debug)]
pub struct Options {
    pub matching: Matching,
    /// The name given to a coding, memo or interview whose author the file does not name.
    pub someone: String,
    /// When a coding or memo was made, when the file does not say.
    pub now: Time,
}

/// The study after the import, and what to write to get there.
pub struct Plan {
    pub study: Study,
    /// Whether `study.json` changes (attributes added).
    pub meta_changed: bool,
    /// Codes to add to the codebook, parents first.
    pub added_codes: Vec<Code>,
    pub sessions: Vec<Session>,
    pub report: Report,
}

/// Works out an import into `existing` (the study and its sessions' ids), or into a new study
/// when it is `None`. Nothing is written.
pub fn plan(
    input: &Input,
    existing: Option<(&Study, &HashSet<SessionId>)>,
    options: &Options,
) -> Result<Plan, RefiError> {
    let project = &input.project;
    let extension = input.extension.as_ref();
    let mut report = Report {
        origin: project.origin.clone(),
        project: input.kind != Kind::Codebook,
        outside: input.outside.clone(),
        ..Report::default()
    };
    let base = match existing {
        Some((study, _)) => study.clone(),
        None => new_study(input, extension),
    };
    let no_slugs = BTreeMap::new();
    let slugs = extension.map_or(&no_slugs, |e| &e.slugs);
    let note_text = |guid: Uuid| -> Option<String> {
        let note = project.note(guid)?;
        note.content
            .clone()
            .or_else(|| input.note_texts.get(&guid).cloned())
    };
    let codes = codes::plan(
        project,
        &base.codebook,
        &base.grid,
        slugs,
        options.matching,
        &note_text,
        &mut report,
    );
    let mut variables = variables::plan(project, &base.meta, &base.grid);
    let known: HashSet<SessionId> = existing.map(|(_, ids)| ids.clone()).unwrap_or_default();
    let becoming: HashSet<Uuid> = project
        .sources
        .iter()
        .filter(|s| !known.contains(&SessionId(s.guid)))
        .filter(|s| matches!(input.texts.get(&s.guid), Some(Ok(_))))
        .map(|s| s.guid)
        .collect();
    let sets = sets::plan(project, &becoming, &mut variables.meta);
    report.attributes_added = variables.added.clone();
    report
        .attributes_added
        .extend(sets.key.clone().filter(|_| sets.added));
    report.sets = sets.key.clone().map(|key| (key, sets.names.clone()));
    let meta_changed = existing.is_none() || variables.meta != base.meta;
    let study = Study {
        meta: variables.meta,
        grid: base.grid,
        codebook: codes.book,
    };
    let readable: Vec<(&super::model::TextSource, Vec<char>)> = project
        .sources
        .iter()
        .filter(|s| !known.contains(&SessionId(s.guid)))
        .filter_map(|s| match input.texts.get(&s.guid) {
            Some(Ok(text)) => Some((s, text.chars().collect())),
            _ => None,
        })
        .collect();
    let detected = detect(&readable);
    // How positions were counted matters only for texts with CR LF or characters beyond the
    // 16-bit range; it is then said.
    report.crlf_seen = readable
        .iter()
        .any(|(_, c)| c.windows(2).any(|w| w == ['\r', '\n']));
    let astral = readable
        .iter()
        .any(|(_, c)| c.iter().any(|c| c.len_utf16() == 2));
    if detected.selections > 0 && (report.crlf_seen || astral) {
        report.counting = Some(detected);
    }
    let cx = sessions::Context {
        study: &study,
        project,
        codes: &codes.targets,
        variables: &variables.targets,
        counting: detected.counting,
        quotes: quotes_are_reliable(&readable, detected.counting),
        note_text: &note_text,
        someone: &options.someone,
        now: options.now,
        file_name: input
            .file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default(),
    };
    let mut ids = sessions::Ids::default();
    let mut sessions = Vec::new();
    for source in &project.sources {
        if known.contains(&SessionId(source.guid)) {
            report.skipped.push(Skip::SourceExists {
                name: source.name.clone(),
            });
            continue;
        }
        let text = match input.texts.get(&source.guid) {
            Some(Ok(text)) => text,
            Some(Err(why)) => {
                report.skipped.push(Skip::Source {
                    name: source.name.clone(),
                    why: why.clone(),
                });
                continue;
            }
            None => continue,
        };
        let extra = extension.and_then(|e| e.sessions.iter().find(|s| s.id.0 == source.guid));
        let mut session = sessions::session(&cx, source, text, extra, &mut ids, &mut report);
        if let Some((key, value)) = sets.value(source.guid) {
            session.respondent.attributes.insert(key, value);
        }
        sessions.push(session);
    }
    for (kind, name) in &project.other_sources {
        report.skipped.push(Skip::OtherSource {
            kind: kind.clone(),
            name: name.clone(),
        });
    }
    for note in &project.note_refs {
        report.skipped.push(Skip::ProjectNote {
            name: project
                .note(*note)
                .map(|n| n.name.clone())
                .unwrap_or_default(),
        });
    }
    for set in project
        .sets
        .iter()
        .filter(|s| !sets.guids.contains(&s.guid))
    {
        report.skipped.push(Skip::Set {
            name: set.name.clone(),
        });
    }
    check(input, &study, &sessions)?;
    Ok(Plan {
        study,
        meta_changed,
        added_codes: codes.added,
        sessions,
        report,
    })
}

/// The study a `--new` import starts from: what `grille.json` says when it is sound, else a
/// title and a grid rebuilt from the grid's codes.
fn new_study(input: &Input, extension: Option<&Extension>) -> Study {
    let project = &input.project;
    let meta = extension
        .map(|e| StudyMeta {
            description: without_warning(&e.study.description).to_owned(),
            ..e.study.clone()
        })
        .filter(|m| validate::validate_meta(m).is_empty())
        .unwrap_or_else(|| StudyMeta {
            format: Default::default(),
            id: StudyId::new(),
            revision: 0,
            title: match project.name.trim() {
                "" => input
                    .file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                name => crate::study::text::normalize(name),
            },
            description: crate::study::text::normalize(without_warning(project.description.trim())),
            respondent_attributes: Vec::new(),
            situation_attributes: Vec::new(),
            quick_codes: Vec::new(),
        });
    let grid = extension
        .map(|e| e.grid.clone())
        .filter(|g| validate::validate_grid(g).is_empty())
        .unwrap_or_else(|| grid::from_branch(project));
    Study {
        meta: StudyMeta {
            revision: 0,
            ..meta
        },
        grid: Grid {
            revision: 0,
            ..grid
        },
        codebook: Codebook::default(),
    }
}

fn probes(source: &super::model::TextSource) -> Vec<Probe<'_>> {
    source
        .selections
        .iter()
        .map(|s| Probe {
            start: s.start,
            end: s.end,
            quote: &s.name,
        })
        .collect()
}

fn detect(readable: &[(&super::model::TextSource, Vec<char>)]) -> positions::Detected {
    let sources: Vec<(&[char], Vec<Probe>)> = readable
        .iter()
        .map(|(s, chars)| (chars.as_slice(), probes(s)))
        .collect();
    positions::detect(&sources)
}

/// Whether the names the selections carry are their text (most match where they are): then a
/// selection whose name does not match is misplaced. Otherwise names are only names.
fn quotes_are_reliable(
    readable: &[(&super::model::TextSource, Vec<char>)],
    counting: positions::Counting,
) -> bool {
    let (mut named, mut matching) = (0, 0);
    for (source, chars) in readable {
        let counted = Counted::new(chars, counting);
        for s in &source.selections {
            if s.name.trim().is_empty() {
                continue;
            }
            named += 1;
            if let Some((a, b)) = counted.range(s.start, s.end)
                && positions::quote_matches(&s.name, &chars[a..b])
            {
                matching += 1;
            }
        }
    }
    named > 0 && matching * 2 > named
}

/// The resulting study must keep every rule: a failure here is a bug or a damaged
/// `grille.json`, and nothing is written.
fn check(input: &Input, study: &Study, sessions: &[Session]) -> Result<(), RefiError> {
    let mut problems: Vec<Problem> = Vec::new();
    problems.extend(validate::validate_meta(&study.meta));
    problems.extend(validate::validate_grid(&study.grid));
    problems.extend(validate::validate_codebook(&study.codebook));
    for s in sessions {
        problems.extend(
            validate::validate_session(s, study)
                .into_iter()
                .map(|p| Problem {
                    path: format!("{}: {}", s.id, p.path),
                    kind: p.kind,
                }),
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RefiError::Invalid {
            file: input.file.clone(),
            problems,
        })
    }
}

/// A project exported `--with-identities` starts its description with a warning saying so
/// (in either language): it is about the file, not part of the study's description.
fn without_warning(description: &str) -> &str {
    [crate::i18n::Lang::Fr, crate::i18n::Lang::En]
        .iter()
        .find_map(|lang| description.strip_prefix(lang.texts().privacy.with_identities))
        .map_or(description, str::trim_start)
}
