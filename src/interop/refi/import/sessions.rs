//! Text sources into sessions: the text into segments (as grille wrote them, from
//! `grille.json`, or one per line), each selection onto the words it covers, its codings into
//! codings (or question attachments), its notes into memos; the source's case into the
//! respondent, the cases of its selections into situations.
//!
//! Over 500 lines: one pass from REFI-QDA text sources to sessions (segments, selections cut onto
//! words, codings, notes, cases); its steps share the position maps built at the start.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime};
use uuid::Uuid;

use super::codes::Target as CodeTarget;
use super::report::{Report, SelectionProblem, Skip};
use super::variables::{Target as VarTarget, convert};
use crate::interop::refi::extension::SessionExtra;
use crate::interop::refi::layout::{self, SegmentText};
use crate::interop::refi::model::{Project, Selection, TextSource, VariableValue};
use crate::interop::refi::positions::{Counted, Counting, Place, quote_matches};
use crate::study::{
    Coding, CodingId, Excerpt, Memo, MemoId, QuestionId, Recording, Respondent, Segment, SegmentId,
    Session, SessionId, Situation, SituationId, Status, Study, Time, text,
};

/// What every source is read with.
pub struct Context<'a> {
    pub study: &'a Study,
    pub project: &'a Project,
    pub codes: &'a HashMap<Uuid, CodeTarget>,
    pub variables: &'a HashMap<Uuid, VarTarget>,
    pub counting: Counting,
    /// Whether the selections' names are quotes of their text (so a mismatch means a wrong place).
    pub quotes: bool,
    pub note_text: &'a dyn Fn(Uuid) -> Option<String>,
    /// Who made a coding or a memo when the file does not say.
    pub someone: &'a str,
    /// When, when the file does not say.
    pub now: Time,
    /// The imported file's name, for the sessions' `source`.
    pub file_name: &'a str,
}

/// A part of the text that becomes a segment.
struct Part {
    start: usize,
    end: usize,
    segment: Segment,
    text: SegmentText,
}

/// Ids already given, so that a GUID used twice still makes distinct ids.
#[derive(Default)]
pub struct Ids {
    used: HashSet<Uuid>,
}

impl Ids {
    fn take(&mut self, wanted: Uuid, salt: &str) -> Uuid {
        let mut id = wanted;
        let mut n = 0;
        while !self.used.insert(id) {
            n += 1;
            id = Uuid::new_v5(&wanted, format!("{salt}{n}").as_bytes());
        }
        id
    }
}

pub fn session(
    cx: &Context,
    source: &TextSource,
    text: &str,
    extra: Option<&SessionExtra>,
    ids: &mut Ids,
    report: &mut Report,
) -> Session {
    let chars: Vec<char> = text.chars().collect();
    let interviewer = extra
        .map(|e| e.interviewer.clone())
        .or_else(|| {
            cx.project
                .user_name(source.creating_user)
                .map(str::to_owned)
        })
        .map(|n| text::normalize(n.trim()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| cx.someone.to_owned());
    let started = match extra {
        Some(e) => e.started,
        None => source.created.as_deref().and_then(parse_time),
    };
    let (respondent, answers) = respondent(cx, source, report);
    let mut parts = parts(
        &chars,
        extra,
        (&interviewer, &respondent.pseudonym),
        started,
        source.guid,
    );
    let counted = Counted::new(&chars, cx.counting);
    let mut codings = Vec::new();
    let mut memos = Vec::new();
    let mut excerpts: HashMap<Uuid, Vec<Excerpt>> = HashMap::new();
    for sel in &source.selections {
        let Some(covered) = place(cx, &counted, &parts, sel, &source.name, report) else {
            continue;
        };
        for coding in &sel.codings {
            match cx.codes.get(&coding.code) {
                None => report.skipped.push(Skip::Coding {
                    guid: coding.guid,
                    source: source.name.clone(),
                    code: coding.code,
                }),
                Some(CodeTarget::Question(q)) => {
                    for (i, _, _) in &covered {
                        parts[*i].segment.question.get_or_insert(*q);
                    }
                }
                Some(CodeTarget::Code(code)) => {
                    let coder = cx
                        .project
                        .user_name(coding.creating_user.or(sel.creating_user))
                        .map(|n| text::normalize(n.trim()))
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| cx.someone.to_owned());
                    let at = coding
                        .created
                        .as_deref()
                        .or(sel.created.as_deref())
                        .and_then(parse_time)
                        .unwrap_or(cx.now);
                    let memo = notes(cx, &coding.note_refs);
                    for (k, (i, start, end)) in covered.iter().enumerate() {
                        codings.push(Coding {
                            id: CodingId(ids.take(coding.guid, &format!("part{k}"))),
                            segment: parts[*i].segment.id,
                            start: *start,
                            end: *end,
                            code: *code,
                            coder: coder.clone(),
                            at,
                            memo: memo.clone(),
                            quote: None,
                        });
                    }
                }
            }
        }
        let first = parts[covered[0].0].segment.id;
        for note in &sel.note_refs {
            if let Some(memo) = memo(cx, ids, *note, Some(first), sel) {
                memos.push(memo);
            }
        }
        excerpts.insert(
            sel.guid,
            covered
                .iter()
                .map(|(i, start, end)| Excerpt {
                    segment: parts[*i].segment.id,
                    start: *start,
                    end: *end,
                })
                .collect(),
        );
    }
    // Codings of the whole source: every segment, whole.
    for coding in &source.codings {
        match cx.codes.get(&coding.code) {
            Some(CodeTarget::Code(code)) => {
                for (k, part) in parts.iter().enumerate() {
                    let len = part.segment.text.chars().count();
                    if len == 0 {
                        continue;
                    }
                    codings.push(Coding {
                        id: CodingId(ids.take(coding.guid, &format!("part{k}"))),
                        segment: part.segment.id,
                        start: 0,
                        end: len,
                        code: *code,
                        coder: cx
                            .project
                            .user_name(coding.creating_user)
                            .unwrap_or(cx.someone)
                            .to_owned(),
                        at: coding
                            .created
                            .as_deref()
                            .and_then(parse_time)
                            .unwrap_or(cx.now),
                        memo: notes(cx, &coding.note_refs),
                        quote: None,
                    });
                }
            }
            Some(CodeTarget::Question(q)) => {
                for part in &mut parts {
                    part.segment.question.get_or_insert(*q);
                }
            }
            None => report.skipped.push(Skip::Coding {
                guid: coding.guid,
                source: source.name.clone(),
                code: coding.code,
            }),
        }
    }
    let dummy = Selection {
        guid: Uuid::nil(),
        name: String::new(),
        start: 0,
        end: 0,
        creating_user: source.creating_user,
        created: source.created.clone(),
        description: String::new(),
        codings: Vec::new(),
        note_refs: Vec::new(),
        line: 0,
    };
    for note in &source.note_refs {
        if let Some(memo) = memo(cx, ids, *note, None, &dummy) {
            memos.push(memo);
        }
    }
    let mut session = Session::new(interviewer, respondent);
    session.id = SessionId(source.guid);
    session.started = started;
    session.status = Status::Done;
    session.source = Some(match source.name.trim() {
        "" => cx.file_name.to_owned(),
        name => format!("{}: {name}", cx.file_name),
    });
    if let Some(e) = extra {
        session.consent = e.consent.clone();
        session.ended = e.ended;
        session.location = e.location.clone();
        session.status = e.status;
        session.source = e.source.clone();
        let known = |q: &QuestionId| cx.study.grid.question(*q).is_some();
        session.current_question = e.current_question.filter(known);
        session.marks = e
            .marks
            .iter()
            .filter(|(q, _)| known(q))
            .map(|(q, m)| (*q, m.clone()))
            .collect();
    }
    let mut situations = situations(cx, source, &excerpts, ids, report);
    if let Some(e) = extra {
        for s in &mut situations {
            s.same_person_as = e.same_person.get(&s.id).copied();
        }
    }
    session.answers = answers;
    session.segments = parts.into_iter().map(|p| p.segment).collect();
    session.situations = situations;
    report.sessions += 1;
    report.segments += session.segments.len();
    report.codings += codings.len();
    report.memos += memos.len();
    report.situations += session.situations.len();
    // Memos in the order of the project's notes (the order they were written in).
    memos.sort_by_key(|m| {
        cx.project
            .notes
            .iter()
            .position(|n| n.guid == m.id.0)
            .unwrap_or(usize::MAX)
    });
    session.codings = codings;
    session.memos = memos;
    if let Some(e) = extra {
        restore_alignment(cx, &mut session, e);
    }
    session
}

/// The visits and the transcript layer `grille.json` carries, when the segments they name came
/// back (the source's text unchanged): a layer whose segments did not is left out, and the
/// session is the plain text of its source.
fn restore_alignment(cx: &Context, session: &mut Session, e: &SessionExtra) {
    session.visits = e
        .visits
        .iter()
        .filter(|v| cx.study.grid.question(v.question).is_some())
        .cloned()
        .collect();
    let Some(layer) = &e.transcript else {
        return;
    };
    if !layer.segments.iter().all(|s| session.segment(*s).is_some()) {
        return;
    }
    let mut layer = layer.clone();
    // A proposal stands on a live coding and a passage that came back as they were.
    layer.proposals.retain(|p| {
        let live = session.coding(p.from).map(|c| c.segment);
        let text = session.segment(p.segment).map(|s| s.text.as_str());
        live.is_some_and(|s| !layer.segments.contains(&s))
            && layer.segments.contains(&p.segment)
            && text.is_some_and(|t| crate::study::text::slice(t, p.start, p.end).is_some())
    });
    session.transcript = Some(layer);
}

/// The segments of a source: as `grille.json` placed them when it fits the text, else a line
/// each.
fn parts(
    chars: &[char],
    extra: Option<&SessionExtra>,
    (interviewer, respondent): (&str, &str),
    started: Option<Time>,
    source: Uuid,
) -> Vec<Part> {
    let part = |start: usize, end: usize, segment: Segment| {
        let text = SegmentText::new(&chars[start..end]);
        Part {
            start,
            end,
            segment: Segment {
                text: text.text.clone(),
                ..segment
            },
            text,
        }
    };
    if let Some(e) = extra.filter(|e| e.fits(chars.len())) {
        return e
            .segments
            .iter()
            .map(|s| {
                part(
                    s.start,
                    s.end,
                    Segment {
                        id: s.id,
                        question: None,
                        speaker: s.speaker,
                        speaker_label: s.speaker_label.clone(),
                        start: s.start_time,
                        end: s.end_time,
                        recording: s.recording,
                        text: String::new(),
                    },
                )
            })
            .collect();
    }
    let at = |offset: Option<Duration>| -> Option<Time> {
        let delta = chrono::TimeDelta::from_std(offset?).ok()?;
        started?.checked_add_signed(delta)
    };
    layout::regions(chars, interviewer, respondent)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            part(
                r.start,
                r.end,
                Segment {
                    id: SegmentId(Uuid::new_v5(&source, format!("segment:{i}").as_bytes())),
                    question: None,
                    speaker: r.speaker,
                    speaker_label: r.label.map(|l| text::normalize(&l)),
                    start: at(r.time),
                    end: None,
                    recording: r.time.map(|start| Recording { start, end: None }),
                    text: String::new(),
                },
            )
        })
        .filter(|p| !p.segment.text.is_empty())
        .collect()
}

/// The segments a selection covers, as `(part, start, end)` in each segment's text; `None`
/// (and the reason in the report) when its place cannot be trusted.
fn place(
    cx: &Context,
    counted: &Counted,
    parts: &[Part],
    sel: &Selection,
    source: &str,
    report: &mut Report,
) -> Option<Vec<(usize, usize, usize)>> {
    let skip = |report: &mut Report, why| {
        report.skipped.push(Skip::Selection {
            guid: sel.guid,
            source: source.to_owned(),
            why,
        });
        None
    };
    if sel.start == i64::MIN || sel.end == i64::MIN {
        return skip(report, SelectionProblem::NotNumbers);
    }
    // A position inside a character (half a UTF-16 pair) widens to the whole character.
    let (a, b) = match (counted.place(sel.start), counted.place(sel.end)) {
        (Place::At(a) | Place::Inside(a), Place::At(b)) if a < b => (a, b),
        (Place::At(a) | Place::Inside(a), Place::Inside(b)) if a <= b => (a, b + 1),
        _ => {
            return skip(
                report,
                SelectionProblem::OutOfRange {
                    start: sel.start,
                    end: sel.end,
                    length: counted.total(),
                },
            );
        }
    };
    let chars = counted.chars;
    let (a, b) =
        if cx.quotes && !sel.name.trim().is_empty() && !quote_matches(&sel.name, &chars[a..b]) {
            match realign(chars, &sel.name, a, b - a) {
                Some(found) => {
                    report.realigned.push(sel.guid);
                    found
                }
                None => {
                    return skip(
                        report,
                        SelectionProblem::QuoteMismatch {
                            quote: sel.name.clone(),
                        },
                    );
                }
            }
        } else {
            (a, b)
        };
    // Parts are in order and apart: the first that ends after `a`, and those after it that
    // start before `b`.
    let first = parts.partition_point(|p| p.end <= a);
    let covered: Vec<(usize, usize, usize)> = parts
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, p)| p.start < b)
        .filter_map(|(i, p)| {
            let (s, e) = p
                .text
                .span(a.max(p.start) - p.start, b.min(p.end) - p.start)?;
            Some((i, s, e))
        })
        .collect();
    if covered.is_empty() {
        return skip(report, SelectionProblem::NoText);
    }
    // Text of the selection outside every segment (a label, a time): it is cut off.
    let mut at = a;
    let mut outside = false;
    for p in parts[first..].iter().take_while(|p| p.start < b) {
        outside |= chars[at..p.start.max(at)]
            .iter()
            .any(|c| !c.is_whitespace());
        at = at.max(p.end);
    }
    outside |= chars[at.min(b)..b].iter().any(|c| !c.is_whitespace());
    if outside {
        report.clipped += 1;
    }
    Some(covered)
}

/// Where a quote really is, near where the positions said: the nearest place its text (less a
/// cut's ellipsis) starts. `len`: the selection's length, kept for a cut quote.
fn realign(chars: &[char], quote: &str, near: usize, len: usize) -> Option<(usize, usize)> {
    let trimmed = quote.trim();
    let (body, cut) = match trimmed
        .strip_suffix('…')
        .or_else(|| trimmed.strip_suffix("..."))
    {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let needle: Vec<char> = body.chars().filter(|c| *c != '\r').collect();
    if needle.is_empty() {
        return None;
    }
    let found = (0..chars.len().saturating_sub(needle.len() - 1))
        .filter(|i| chars[*i] == needle[0] && chars[*i..*i + needle.len()] == needle[..])
        .min_by_key(|i| i.abs_diff(near))?;
    let end = if cut {
        (found + len.max(needle.len())).min(chars.len())
    } else {
        found + needle.len()
    };
    Some((found, end))
}

/// The text of notes, joined (a coding's memo).
fn notes(cx: &Context, refs: &[Uuid]) -> Option<String> {
    let texts: Vec<String> = refs
        .iter()
        .filter_map(|n| (cx.note_text)(*n))
        .map(|t| text::normalize(t.trim()))
        .filter(|t| !t.is_empty())
        .collect();
    (!texts.is_empty()).then(|| texts.join("\n\n"))
}

fn memo(
    cx: &Context,
    ids: &mut Ids,
    note: Uuid,
    segment: Option<SegmentId>,
    sel: &Selection,
) -> Option<Memo> {
    let text = text::normalize((cx.note_text)(note)?.trim());
    if text.is_empty() {
        return None;
    }
    let n = cx.project.note(note);
    let author = cx
        .project
        .user_name(n.and_then(|n| n.creating_user).or(sel.creating_user))
        .map(|a| text::normalize(a.trim()))
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| cx.someone.to_owned());
    let at = n
        .and_then(|n| n.created.as_deref())
        .or(sel.created.as_deref())
        .and_then(parse_time)
        .unwrap_or(cx.now);
    Some(Memo {
        id: MemoId(ids.take(note, "memo")),
        author,
        at,
        segment,
        text,
    })
}

/// The respondent of a source (its case, else its name) with the answers its case gives.
fn respondent(
    cx: &Context,
    source: &TextSource,
    report: &mut Report,
) -> (
    Respondent,
    std::collections::BTreeMap<QuestionId, crate::study::Value>,
) {
    let case = cx
        .project
        .cases
        .iter()
        .find(|c| c.sources.contains(&source.guid));
    let pseudonym = case
        .map(|c| c.name.as_str())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&source.name);
    let case_name = case.map_or(source.name.as_str(), |c| c.name.as_str());
    let mut respondent = Respondent {
        pseudonym: text::normalize(pseudonym.trim()),
        ..Respondent::default()
    };
    let mut answers = std::collections::BTreeMap::new();
    let values = case
        .map(|c| c.values.as_slice())
        .unwrap_or_default()
        .iter()
        .chain(&source.values);
    for v in values {
        match cx.variables.get(&v.variable) {
            Some(VarTarget::Respondent(key)) => {
                let Some(attr) = cx.study.meta.respondent_attribute(key) else {
                    continue;
                };
                if let Some(value) = value(cx, case_name, v, &attr.kind, report) {
                    respondent.attributes.insert(key.clone(), value);
                }
            }
            Some(VarTarget::Answer(q)) => {
                let Some((_, question)) = cx.study.grid.question(*q) else {
                    continue;
                };
                if let Some(value) = value(cx, case_name, v, &question.kind, report) {
                    answers.insert(*q, value);
                }
            }
            Some(VarTarget::Situation(_)) | None => {}
        }
    }
    (respondent, answers)
}

fn value(
    cx: &Context,
    case: &str,
    v: &VariableValue,
    kind: &crate::study::ValueKind,
    report: &mut Report,
) -> Option<crate::study::Value> {
    if v.value.trim().is_empty() {
        return None;
    }
    match convert(kind, &v.value) {
        Ok(value) => Some(value),
        Err(why) => {
            let variable = cx
                .project
                .variables
                .iter()
                .find(|x| x.guid == v.variable)
                .map_or_else(|| v.variable.to_string(), |x| x.name.clone());
            report.skipped.push(Skip::Value {
                case: case.to_owned(),
                variable,
                value: v.value.clone(),
                why,
            });
            None
        }
    }
}

/// The cases made of selections of this source: situations.
fn situations(
    cx: &Context,
    source: &TextSource,
    excerpts: &HashMap<Uuid, Vec<Excerpt>>,
    ids: &mut Ids,
    report: &mut Report,
) -> Vec<Situation> {
    let mut out = Vec::new();
    for case in &cx.project.cases {
        if !case.sources.is_empty() {
            continue;
        }
        let mine: Vec<Excerpt> = case
            .selections
            .iter()
            .filter_map(|s| excerpts.get(s))
            .flatten()
            .copied()
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut situation = Situation {
            id: SituationId(ids.take(case.guid, &source.guid.to_string())),
            label: match text::normalize(case.name.trim()) {
                l if l.is_empty() => "?".to_owned(),
                l => l,
            },
            attributes: Default::default(),
            excerpts: mine,
            same_person_as: None,
        };
        for v in &case.values {
            if let Some(VarTarget::Situation(key)) = cx.variables.get(&v.variable)
                && let Some(attr) = cx.study.meta.situation_attribute(key)
                && let Some(value) = value(cx, &case.name, v, &attr.kind, report)
            {
                situation.attributes.insert(key.clone(), value);
            }
        }
        out.push(situation);
    }
    out
}

/// An `xsd:dateTime` as tools write it, with or without a zone (then taken as UTC).
pub fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s).ok().or_else(|| {
        let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
        Some(naive.and_utc().fixed_offset())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_and_without_a_zone() {
        assert_eq!(
            parse_time("2025-06-18T02:08:15Z").unwrap().to_rfc3339(),
            "2025-06-18T02:08:15+00:00"
        );
        assert_eq!(
            parse_time("2021-04-12T10:02:00+02:00")
                .unwrap()
                .to_rfc3339(),
            "2021-04-12T10:02:00+02:00"
        );
        assert_eq!(
            parse_time("2021-04-12T10:02:00.5").unwrap().to_rfc3339(),
            "2021-04-12T10:02:00.500+00:00"
        );
        assert_eq!(parse_time("hier"), None);
    }

    #[test]
    fn a_quote_found_near_where_it_was_said_to_be() {
        let chars: Vec<char> = "un chat, un chien, un chat".chars().collect();
        assert_eq!(
            realign(&chars, "chat", 20, 4),
            Some((22, 26)),
            "the nearer one"
        );
        assert_eq!(realign(&chars, "chat", 0, 4), Some((3, 7)));
        assert_eq!(
            realign(&chars, "un chi…", 10, 8),
            Some((9, 17)),
            "a cut quote keeps the length"
        );
        assert_eq!(realign(&chars, "oiseau", 0, 6), None);
    }
}
