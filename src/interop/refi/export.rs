//! A study as a REFI-QDA project: its codebook (with the interview grid as a branch of codes),
//! its sessions as text sources with their codings, respondents and situations as cases with
//! their attributes and closed answers as variables, memos as notes.
//!
//! Every GUID is a UUID of the study (a code's, a session's, a coding's id) or derived from one
//! by name (UUID v5), never random: exporting twice gives the same file.
//!
//! Over 500 lines: one REFI-QDA project writer whose parts (codebook, sources, cases, variables,
//! notes) share the GUID map built at the start.

use std::collections::BTreeSet;

use chrono::SecondsFormat;
use uuid::Uuid;

use super::describe::{self, Definition};
use super::extension::{self, Extension, SegmentExtra, SessionExtra};
use super::layout::{self, Marks};
use super::model::{
    self, Case, Coding, Note, Project, Selection, TextSource, User, Variable, VariableType,
    VariableValue,
};
use crate::i18n::refi::RefiTexts;
use crate::study::{CodeId, Codebook, Session, Study, Time, Value, ValueKind};

/// The GUID of the code holding the grid, the same in every study: a tool that merges two
/// projects of one grid merges their grids.
pub const GRID_CODE: Uuid = Uuid::from_u128(0x3c5e_0d7a_9f41_4d2b_8e36_1a7c_52b9_e004);

/// A project ready to be written: the model, each source's text, and grille's own extras.
pub struct Exported {
    pub project: Project,
    /// `(session id, text)`: written as `sources/<id>.txt`.
    pub texts: Vec<(Uuid, String)>,
    pub extension: Extension,
}

/// What the exporting tool is called in the files.
pub fn origin() -> String {
    format!("grille {}", env!("CARGO_PKG_VERSION"))
}

/// The codebook alone, for a `.qdc`.
pub fn codebook(study: &Study, words: &RefiTexts) -> Project {
    Project {
        name: study.meta.title.clone(),
        origin: origin(),
        codes: codes(&study.codebook, None, words),
        ..Project::default()
    }
}

/// The whole study.
pub fn project(study: &Study, sessions: &[Session], words: &RefiTexts) -> Exported {
    let users = Users::new(study, sessions);
    let mut codes = codes(&study.codebook, None, words);
    codes.extend(grid_code(study, words));
    let mut project = Project {
        name: study.meta.title.clone(),
        origin: origin(),
        users: users.list(),
        codes,
        variables: variables(study),
        description: study.meta.description.clone(),
        ..Project::default()
    };
    let mut texts = Vec::new();
    let mut extras = Vec::new();
    for session in sessions {
        let written = layout::write(
            session,
            &Marks {
                interviewer: words.interviewer_mark,
                respondent: words.respondent_mark,
            },
        );
        let (source, notes) = source(session, &written, &users, words);
        project.sources.push(source);
        project.notes.extend(notes);
        project.cases.push(respondent_case(study, session));
        project.cases.extend(situation_cases(study, session));
        extras.push(session_extra(session, &written));
        texts.push((session.id.0, written.text));
    }
    let extension = Extension {
        format: extension::FORMAT.to_owned(),
        study: study.meta.clone(),
        grid: study.grid.clone(),
        slugs: study
            .codebook
            .codes
            .iter()
            .map(|c| (c.id, c.slug.clone()))
            .collect(),
        sessions: extras,
    };
    Exported {
        project,
        texts,
        extension,
    }
}

fn time(t: &Time) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn derived(base: Uuid, what: &str) -> Uuid {
    Uuid::new_v5(&base, what.as_bytes())
}

fn codes(book: &Codebook, parent: Option<CodeId>, words: &RefiTexts) -> Vec<model::Code> {
    book.children(parent)
        .map(|c| model::Code {
            guid: c.id.0,
            name: c.name.clone(),
            codable: true,
            color: Some(c.colour.clone()),
            description: describe::compose(&Definition::of(c), words),
            note_refs: Vec::new(),
            children: codes(book, Some(c.id), words),
            line: 0,
        })
        .collect()
}

/// The grid as codes: a non-codable root, a non-codable code per theme, a code per question
/// that the segments answering it are coded with.
fn grid_code(study: &Study, words: &RefiTexts) -> Option<model::Code> {
    let plain = |guid, name: &str, description: String, codable, children| model::Code {
        guid,
        name: name.to_owned(),
        codable,
        color: None,
        description,
        note_refs: Vec::new(),
        children,
        line: 0,
    };
    let themes: Vec<model::Code> = study
        .grid
        .themes
        .iter()
        .map(|theme| {
            let questions = theme
                .questions
                .iter()
                .map(|q| {
                    let prompts = if q.prompts.is_empty() {
                        String::new()
                    } else {
                        let lines: Vec<String> =
                            q.prompts.iter().map(|p| format!("- {p}")).collect();
                        format!("{}\n{}", words.prompts, lines.join("\n"))
                    };
                    plain(q.id.0, &q.text, prompts, true, Vec::new())
                })
                .collect();
            plain(
                theme.id.0,
                &theme.title,
                theme.description.clone(),
                false,
                questions,
            )
        })
        .collect();
    (!themes.is_empty()).then(|| {
        plain(
            GRID_CODE,
            words.grid_code,
            words.grid_code_description.to_owned(),
            false,
            themes,
        )
    })
}

/// The people of the study, each with a GUID made from the study and their name.
struct Users {
    study: Uuid,
    names: BTreeSet<String>,
}

impl Users {
    fn new(study: &Study, sessions: &[Session]) -> Self {
        let mut names = BTreeSet::new();
        for s in sessions {
            names.insert(s.interviewer.clone());
            names.extend(s.codings.iter().map(|c| c.coder.clone()));
            names.extend(s.memos.iter().map(|m| m.author.clone()));
        }
        names.retain(|n| !n.trim().is_empty());
        Users {
            study: study.meta.id.0,
            names,
        }
    }

    fn guid(&self, name: &str) -> Option<Uuid> {
        self.names
            .contains(name)
            .then(|| derived(self.study, &format!("user:{name}")))
    }

    fn list(&self) -> Vec<User> {
        self.names
            .iter()
            .map(|n| User {
                guid: derived(self.study, &format!("user:{n}")),
                name: n.clone(),
            })
            .collect()
    }
}

pub fn respondent_variable(study: &Study, key: &str) -> Uuid {
    derived(study.meta.id.0, &format!("respondent:{key}"))
}

pub fn situation_variable(study: &Study, key: &str) -> Uuid {
    derived(study.meta.id.0, &format!("situation:{key}"))
}

fn variable_type(kind: &ValueKind) -> VariableType {
    match kind {
        ValueKind::YesNo => VariableType::Boolean,
        ValueKind::Number { .. } => VariableType::Float,
        ValueKind::Scale { .. } => VariableType::Integer,
        ValueKind::Open | ValueKind::Choice { .. } | ValueKind::Choices { .. } => {
            VariableType::Text
        }
    }
}

/// Respondent attributes, situation attributes, then closed questions (GUID: the question's).
fn variables(study: &Study) -> Vec<Variable> {
    let attribute = |guid, a: &crate::study::Attribute| Variable {
        guid,
        name: a.label.clone(),
        kind: variable_type(&a.kind),
        description: String::new(),
    };
    let mut out: Vec<Variable> = study
        .meta
        .respondent_attributes
        .iter()
        .map(|a| attribute(respondent_variable(study, &a.key), a))
        .collect();
    out.extend(
        study
            .meta
            .situation_attributes
            .iter()
            .map(|a| attribute(situation_variable(study, &a.key), a)),
    );
    out.extend(
        study
            .grid
            .questions()
            .filter(|(_, q)| q.kind != ValueKind::Open)
            .map(|(_, q)| Variable {
                guid: q.id.0,
                name: q.key.clone(),
                kind: variable_type(&q.kind),
                description: q.text.clone(),
            }),
    );
    out
}

/// A value as written in its variable's element: labels for options (what people read).
fn value_text(kind: &ValueKind, value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(*n),
        Value::Text(t) => kind.option_label(t).unwrap_or(t).to_owned(),
        Value::List(keys) => keys
            .iter()
            .map(|k| kind.option_label(k).unwrap_or(k))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A number as `xsd:decimal` takes it: `12`, `2.5`, never an exponent.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn value(variable: Uuid, kind: &ValueKind, v: &Value) -> VariableValue {
    VariableValue {
        variable,
        kind: variable_type(kind),
        value: value_text(kind, v),
    }
}

fn respondent_case(study: &Study, session: &Session) -> Case {
    let mut values: Vec<VariableValue> = study
        .meta
        .respondent_attributes
        .iter()
        .filter_map(|a| {
            let v = session.respondent.attributes.get(&a.key)?;
            Some(value(respondent_variable(study, &a.key), &a.kind, v))
        })
        .collect();
    values.extend(study.grid.questions().filter_map(|(_, q)| {
        let v = session.answers.get(&q.id)?;
        (q.kind != ValueKind::Open).then(|| value(q.id.0, &q.kind, v))
    }));
    Case {
        guid: derived(session.id.0, "respondent"),
        name: session.respondent.pseudonym.clone(),
        description: String::new(),
        code_refs: Vec::new(),
        values,
        sources: vec![session.id.0],
        selections: Vec::new(),
    }
}

fn excerpt_guid(situation: Uuid, segment: Uuid, start: usize, end: usize) -> Uuid {
    derived(situation, &format!("excerpt:{segment}:{start}:{end}"))
}

fn situation_cases(study: &Study, session: &Session) -> Vec<Case> {
    session
        .situations
        .iter()
        .map(|s| Case {
            guid: s.id.0,
            name: s.label.clone(),
            description: String::new(),
            code_refs: Vec::new(),
            values: study
                .meta
                .situation_attributes
                .iter()
                .filter_map(|a| {
                    let v = s.attributes.get(&a.key)?;
                    Some(value(situation_variable(study, &a.key), &a.kind, v))
                })
                .collect(),
            sources: Vec::new(),
            selections: s
                .excerpts
                .iter()
                .map(|e| excerpt_guid(s.id.0, e.segment.0, e.start, e.end))
                .collect(),
        })
        .collect()
}

/// The start of the selected text, as some tools show it in a selection's name.
fn quote(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn source(
    session: &Session,
    written: &layout::Written,
    users: &Users,
    words: &RefiTexts,
) -> (TextSource, Vec<Note>) {
    let span_of = |segment| written.spans.iter().find(|(id, _, _)| *id == segment);
    let text_of = |segment, start, end| {
        let seg = session.segment(segment)?;
        crate::study::text::slice(&seg.text, start, end).map(str::to_owned)
    };
    let mut selections = Vec::new();
    let mut notes = Vec::new();
    let select = |guid, segment, start: usize, end: usize, user, at: Option<&Time>| {
        let (_, base, _) = span_of(segment)?;
        Some(Selection {
            guid,
            name: quote(&text_of(segment, start, end)?),
            start: (base + start) as i64,
            end: (base + end) as i64,
            creating_user: user,
            created: at.map(time),
            description: String::new(),
            codings: Vec::new(),
            note_refs: Vec::new(),
            line: 0,
        })
    };
    for c in &session.codings {
        let coder = users.guid(&c.coder);
        let Some(mut sel) = select(
            derived(c.id.0, "selection"),
            c.segment,
            c.start,
            c.end,
            coder,
            Some(&c.at),
        ) else {
            continue;
        };
        let mut coding = Coding {
            guid: c.id.0,
            code: c.code.0,
            creating_user: coder,
            created: Some(time(&c.at)),
            note_refs: Vec::new(),
        };
        if let Some(memo) = c.memo.as_ref().filter(|m| !m.trim().is_empty()) {
            let guid = derived(c.id.0, "memo");
            coding.note_refs.push(guid);
            notes.push(note(guid, memo, coder, Some(&c.at)));
        }
        sel.codings.push(coding);
        selections.push(sel);
    }
    let interviewer = users.guid(&session.interviewer);
    for seg in &session.segments {
        let len = seg.text.chars().count();
        if let (Some(q), true) = (seg.question, len > 0)
            && let Some(mut sel) = select(
                derived(seg.id.0, "question"),
                seg.id,
                0,
                len,
                interviewer,
                None,
            )
        {
            sel.codings.push(Coding {
                guid: derived(seg.id.0, "question-coding"),
                code: q.0,
                creating_user: interviewer,
                created: None,
                note_refs: Vec::new(),
            });
            selections.push(sel);
        }
    }
    let mut note_refs = Vec::new();
    for m in &session.memos {
        let author = users.guid(&m.author);
        notes.push(note(m.id.0, &m.text, author, Some(&m.at)));
        match m.segment {
            None => note_refs.push(m.id.0),
            Some(seg) => {
                // A memo on a segment: a selection of the whole segment carries it (on the
                // source itself when the segment is empty and no selection can).
                let len = session.segment(seg).map_or(0, |s| s.text.chars().count());
                match select(
                    derived(m.id.0, "selection"),
                    seg,
                    0,
                    len,
                    author,
                    Some(&m.at),
                ) {
                    Some(mut sel) if len > 0 => {
                        sel.note_refs.push(m.id.0);
                        selections.push(sel);
                    }
                    _ => note_refs.push(m.id.0),
                }
            }
        }
    }
    for s in &session.situations {
        for e in &s.excerpts {
            let guid = excerpt_guid(s.id.0, e.segment.0, e.start, e.end);
            if let Some(sel) = select(guid, e.segment, e.start, e.end, None, None) {
                selections.push(sel);
            }
        }
    }
    let date = session
        .date()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let name = match date.is_empty() {
        true => session.respondent.pseudonym.clone(),
        false => format!("{} {date}", session.respondent.pseudonym),
    };
    let source = TextSource {
        guid: session.id.0,
        name,
        description: (words.source_description)(&session.interviewer, &date, &session.location),
        plain_text_path: Some(format!("internal://{}.txt", session.id)),
        rich_text_path: None,
        content: None,
        creating_user: interviewer,
        created: session.started.as_ref().map(time),
        selections,
        codings: Vec::new(),
        note_refs,
        values: Vec::new(),
        line: 0,
    };
    (source, notes)
}

fn note(guid: Uuid, text: &str, author: Option<Uuid>, at: Option<&Time>) -> Note {
    let first_line = text.lines().next().unwrap_or_default();
    Note {
        guid,
        name: quote(first_line),
        content: Some(text.to_owned()),
        plain_text_path: None,
        creating_user: author,
        created: at.map(time),
    }
}

fn session_extra(session: &Session, written: &layout::Written) -> SessionExtra {
    SessionExtra {
        id: session.id,
        interviewer: session.interviewer.clone(),
        consent: session.consent.clone(),
        started: session.started,
        ended: session.ended,
        location: session.location.clone(),
        status: session.status,
        source: session.source.clone(),
        current_question: session.current_question,
        marks: session.marks.clone(),
        same_person: session
            .situations
            .iter()
            .filter_map(|s| Some((s.id, s.same_person_as?)))
            .collect(),
        visits: session.visits.clone(),
        transcript: session.transcript.clone(),
        chars: written.text.chars().count(),
        segments: written
            .spans
            .iter()
            .filter_map(|(id, start, end)| {
                let seg = session.segment(*id)?;
                Some(SegmentExtra {
                    id: *id,
                    start: *start,
                    end: *end,
                    speaker: seg.speaker,
                    speaker_label: seg.speaker_label.clone(),
                    start_time: seg.start,
                    end_time: seg.end,
                    recording: seg.recording,
                })
            })
            .collect(),
    }
}
