//! Validation of a study's files against each other. Every problem names the JSON path of the
//! value at fault, so that `grille check` can say "sessions/x.json: $.codings[2].end: …".
//!
//! Over 500 lines: every cross-file rule of a study in one place, sharing the JSON-path builder
//! that names the value at fault; split by file kind, rules that span kinds would be duplicated.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

use super::Study;
use super::codebook::Codebook;
use super::grid::Grid;
use super::ids::{CodeId, SegmentId};
use super::meta::{Attribute, StudyMeta};
use super::session::{Session, Time};
use super::text::{self, CharIndex};
use super::value::{OptionGroup, Value, ValueKind};
use std::collections::BTreeMap;

use super::consistency::misplaced_detail;
pub use super::consistency::{check_attribute_values, dangling_person_links, shared_pseudonyms};
use super::problem::{Duplicated, ProblemKind};

/// One thing wrong in a file, at a JSON path (`$.codings[2].end`).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    /// The problem in the user's language: `$.codings[2].end : …`.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        (t.problems.at)(&self.path, &self.kind.message(t))
    }
}

/// The format's English (`grille check`'s words, for scripts and logs).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// Collects problems under a JSON path prefix.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.0.push(Problem {
            path: path.into(),
            kind,
        });
    }

    fn check(&mut self, path: impl Into<String>, result: Result<(), ProblemKind>) {
        if let Err(kind) = result {
            self.add(path, kind);
        }
    }

    /// As [`Problems::unique`] for the items of a list (segments, codings), the path of the
    /// `i`th made only for a duplicate: a session's lists are checked at every reading.
    fn unique_in<K: Eq + Hash + fmt::Display>(
        &mut self,
        keys: impl Iterator<Item = K>,
        path: impl Fn(usize) -> String,
        what: Duplicated,
    ) {
        let mut seen = HashSet::new();
        for (i, key) in keys.enumerate() {
            if seen.contains(&key) {
                let key = key.to_string();
                self.add(path(i), ProblemKind::Duplicate { what, key });
            } else {
                seen.insert(key);
            }
        }
    }

    fn unique<K: Eq + Hash + fmt::Display>(
        &mut self,
        items: impl Iterator<Item = (String, K)>,
        what: Duplicated,
    ) {
        let mut seen = HashSet::new();
        for (path, key) in items {
            let shown = key.to_string();
            if !seen.insert(key) {
                self.add(path, ProblemKind::Duplicate { what, key: shown });
            }
        }
    }
}

// The checks below return the problem's kind; the `check_*` wrappers its English, for the
// changes refused (`ChangeError`), which say it as a plain message.

/// Keys used in queries (`secteur:sante`, `code:proxenetisme/conjugal`): lowercase ASCII
/// letters, digits, `_` and `-`, so that they can be typed without quoting.
pub fn key_problem(key: &str) -> Result<(), ProblemKind> {
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    match ok {
        true => Ok(()),
        false => Err(ProblemKind::BadKey { key: key.into() }),
    }
}

pub fn check_key(key: &str) -> Result<(), String> {
    Ok(key_problem(key)?)
}

/// A span `[start, end)` of chars within `text`, not empty, not splitting a character.
pub fn check_span(text: &str, start: usize, end: usize) -> Result<(), String> {
    Ok(span_problem(&CharIndex::new(text), start, end)?)
}

/// [`check_span`] on a text whose chars are indexed.
fn span_problem(text: &CharIndex, start: usize, end: usize) -> Result<(), ProblemKind> {
    let len = text.len();
    if start >= end {
        return Err(ProblemKind::EmptySpan { start, end });
    }
    if end > len {
        return Err(ProblemKind::SpanOutOfRange { start, end, len });
    }
    for offset in [start, end] {
        if !text.is_grapheme_boundary(offset) {
            return Err(ProblemKind::SplitsCharacter { offset });
        }
    }
    Ok(())
}

/// A segment's times, when both are known: the end is not before the start.
pub fn times_problem(start: Option<Time>, end: Option<Time>) -> Result<(), ProblemKind> {
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(ProblemKind::EndsBeforeStart),
        _ => Ok(()),
    }
}

pub fn check_times(start: Option<Time>, end: Option<Time>) -> Result<(), String> {
    Ok(times_problem(start, end)?)
}

/// A value for the declared attribute `key`.
pub fn check_attribute(defs: &[Attribute], key: &str, value: &Value) -> Result<(), ProblemKind> {
    match defs.iter().find(|a| a.key == key) {
        Some(def) => def.kind.problem(value).map_err(ProblemKind::Value),
        None => Err(ProblemKind::UndeclaredAttribute { key: key.into() }),
    }
}

/// Groups of options: valid keys, unique among options and groups, naming existing options.
fn check_groups(p: &mut Problems, path: &str, kind: &ValueKind, groups: &[OptionGroup]) {
    if groups.is_empty() {
        return;
    }
    if !matches!(kind, ValueKind::Choice { .. } | ValueKind::Choices { .. }) {
        p.add(format!("{path}.groups"), ProblemKind::GroupsNeedChoice);
        return;
    }
    for (i, group) in groups.iter().enumerate() {
        let gpath = format!("{path}.groups[{i}]");
        p.check(format!("{gpath}.key"), key_problem(&group.key));
        if kind.options().iter().any(|o| o.key == group.key) {
            p.add(
                format!("{gpath}.key"),
                ProblemKind::GroupKeyIsOption {
                    key: group.key.clone(),
                },
            );
        }
        if group.options.is_empty() {
            p.add(format!("{gpath}.options"), ProblemKind::EmptyGroup);
        }
        for (j, key) in group.options.iter().enumerate() {
            if !kind.options().iter().any(|o| &o.key == key) {
                p.add(
                    format!("{gpath}.options[{j}]"),
                    ProblemKind::NotAnOption { key: key.clone() },
                );
            }
        }
    }
    p.unique(
        groups
            .iter()
            .enumerate()
            .map(|(i, g)| (format!("{path}.groups[{i}].key"), g.key.as_str())),
        Duplicated::GroupKey,
    );
}

fn check_kind(p: &mut Problems, path: &str, kind: &ValueKind) {
    let options = kind.options();
    if matches!(kind, ValueKind::Choice { .. } | ValueKind::Choices { .. }) && options.is_empty() {
        p.add(format!("{path}.options"), ProblemKind::ChoiceWithoutOptions);
    }
    for (i, option) in options.iter().enumerate() {
        p.check(format!("{path}.options[{i}].key"), key_problem(&option.key));
    }
    p.unique(
        options
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("{path}.options[{i}].key"), o.key.as_str())),
        Duplicated::OptionKey,
    );
    if let ValueKind::Scale { min, max, .. } = kind
        && min >= max
    {
        p.add(
            format!("{path}.max"),
            ProblemKind::ScaleBounds {
                min: *min,
                max: *max,
            },
        );
    }
}

fn check_attributes(p: &mut Problems, base: &str, attrs: &[Attribute]) {
    for (i, attr) in attrs.iter().enumerate() {
        let path = format!("$.{base}[{i}]");
        p.check(format!("{path}.key"), key_problem(&attr.key));
        check_kind(p, &path, &attr.kind);
        check_groups(p, &path, &attr.kind, &attr.groups);
        if let Some(when) = &attr.when {
            match attrs[..i].iter().find(|a| a.key == when.attribute) {
                None => p.add(
                    format!("{path}.when.attribute"),
                    ProblemKind::ConditionUndeclared {
                        attribute: when.attribute.clone(),
                    },
                ),
                Some(parent) => {
                    let known = match &parent.kind {
                        ValueKind::YesNo => when.is == "yes" || when.is == "no",
                        kind => kind.options().iter().any(|o| o.key == when.is),
                    };
                    if !known {
                        p.add(
                            format!("{path}.when.is"),
                            ProblemKind::ConditionNotAValue {
                                is: when.is.clone(),
                                attribute: when.attribute.clone(),
                            },
                        );
                    }
                }
            }
        }
    }
    p.unique(
        attrs
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("$.{base}[{i}].key"), a.key.as_str())),
        Duplicated::AttributeKey,
    );
}

pub fn validate_meta(meta: &StudyMeta) -> Vec<Problem> {
    let mut p = Problems::default();
    if meta.title.trim().is_empty() {
        p.add("$.title", ProblemKind::NoTitle);
    }
    check_attributes(&mut p, "respondent_attributes", &meta.respondent_attributes);
    check_attributes(&mut p, "situation_attributes", &meta.situation_attributes);
    if meta.quick_codes.len() > 9 {
        p.add("$.quick_codes", ProblemKind::TooManyQuickCodes);
    }
    let slots = &meta.quick_codes;
    if let Some((i, Some(id))) = slots
        .iter()
        .enumerate()
        .find(|(i, id)| id.is_some() && slots[..*i].contains(id))
    {
        p.add(
            format!("$.quick_codes[{i}]"),
            ProblemKind::QuickCodeTwice { code: *id },
        );
    }
    p.0
}

pub fn validate_grid(grid: &Grid) -> Vec<Problem> {
    let mut p = Problems::default();
    let mut question_paths = Vec::new();
    for (t, theme) in grid.themes.iter().enumerate() {
        let tpath = format!("$.themes[{t}]");
        p.check(format!("{tpath}.key"), key_problem(&theme.key));
        for (q, question) in theme.questions.iter().enumerate() {
            let qpath = format!("{tpath}.questions[{q}]");
            p.check(format!("{qpath}.key"), key_problem(&question.key));
            if question.text.trim().is_empty() {
                p.add(format!("{qpath}.text"), ProblemKind::QuestionWithoutText);
            }
            check_kind(&mut p, &qpath, &question.kind);
            check_groups(&mut p, &qpath, &question.kind, &question.groups);
            if question.consent && question.kind != crate::study::ValueKind::YesNo {
                p.add(format!("{qpath}.consent"), ProblemKind::ConsentNotYesNo);
            }
            question_paths.push((qpath, question));
        }
    }
    if grid.questions().filter(|(_, q)| q.consent).count() > 1 {
        p.add("$.themes", ProblemKind::ConsentTwice);
    }
    let themes = || grid.themes.iter().enumerate();
    p.unique(
        themes().map(|(i, t)| (format!("$.themes[{i}].id"), t.id)),
        Duplicated::ThemeId,
    );
    p.unique(
        themes().map(|(i, t)| (format!("$.themes[{i}].key"), t.key.as_str())),
        Duplicated::ThemeKey,
    );
    let questions = || question_paths.iter();
    p.unique(
        questions().map(|(path, q)| (format!("{path}.id"), q.id)),
        Duplicated::QuestionId,
    );
    p.unique(
        questions().map(|(path, q)| (format!("{path}.key"), q.key.as_str())),
        Duplicated::QuestionKey,
    );
    p.0
}

/// The JSON path of a code in the nested `codebook.json`: `$.codes[1].children[0]`.
pub fn code_path(book: &Codebook, id: CodeId) -> String {
    let mut steps: Vec<usize> = Vec::new();
    for code in book.ancestry(id) {
        let index = book.children(code.parent).position(|c| c.id == code.id);
        steps.push(index.unwrap_or(0));
    }
    let mut path = String::from("$");
    for (depth, index) in steps.iter().rev().enumerate() {
        let field = if depth == 0 { "codes" } else { "children" };
        path.push_str(&format!(".{field}[{index}]"));
    }
    path
}

pub fn validate_codebook(book: &Codebook) -> Vec<Problem> {
    let mut p = Problems::default();
    for code in &book.codes {
        let path = code_path(book, code.id);
        p.check(format!("{path}.slug"), key_problem(&code.slug));
        if code.name.trim().is_empty() {
            p.add(format!("{path}.name"), ProblemKind::CodeWithoutName);
        }
        if !is_colour(&code.colour) {
            p.add(
                format!("{path}.colour"),
                ProblemKind::BadColour {
                    colour: code.colour.clone(),
                },
            );
        }
        if let Some(parent) = code.parent
            && !book.contains(parent)
        {
            p.add(path.clone(), ProblemKind::NoParentCode { parent });
        }
    }
    p.unique(
        book.codes
            .iter()
            .map(|c| (code_path(book, c.id) + ".id", c.id)),
        Duplicated::CodeId,
    );
    p.unique(
        book.codes.iter().map(|c| {
            (
                code_path(book, c.id) + ".slug",
                book.path(c.id).unwrap_or_default(),
            )
        }),
        Duplicated::CodePath,
    );
    p.0
}

/// `#rrggbb`, as the codebook stores colours.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The segments of a session by id, with their length in chars: each coding, excerpt and memo
/// finds its segment at once (a session of 156,000 segments and 78,000 codings is checked in a
/// fraction of a second, not in seconds), and a long text is counted once, not per coding.
struct SegmentsById<'s>(HashMap<SegmentId, (&'s str, CharIndex<'s>)>);

impl<'s> SegmentsById<'s> {
    fn of(session: &'s Session) -> Self {
        SegmentsById(
            session
                .segments
                .iter()
                .map(|s| (s.id, (s.text.as_str(), CharIndex::new(&s.text))))
                .collect(),
        )
    }

    fn has(&self, id: SegmentId) -> bool {
        self.0.contains_key(&id)
    }

    fn text(&self, id: SegmentId) -> Option<&'s str> {
        self.0.get(&id).map(|(text, _)| *text)
    }

    /// The span checked in its segment; `None` when there is no such segment.
    fn check_span(
        &self,
        id: SegmentId,
        start: usize,
        end: usize,
    ) -> Option<Result<(), ProblemKind>> {
        let (_, chars) = self.0.get(&id)?;
        Some(span_problem(chars, start, end))
    }
}

pub fn validate_session(session: &Session, study: &Study) -> Vec<Problem> {
    let mut p = Problems::default();
    let segments = SegmentsById::of(session);
    for (key, value) in &session.respondent.attributes {
        p.check(
            format!("$.respondent.attributes.{key}"),
            check_attribute(&study.meta.respondent_attributes, key, value),
        );
    }
    check_details(
        &mut p,
        "$.respondent.attributes",
        &study.meta.respondent_attributes,
        &session.respondent.attributes,
    );
    validate_co_respondents(&mut p, session, study);
    if let Some(q) = session.current_question
        && study.grid.question(q).is_none()
    {
        p.add(
            "$.current_question",
            ProblemKind::UnknownQuestion { question: q },
        );
    }
    validate_segments(&mut p, session, study);
    validate_codings(&mut p, session, study, &segments);
    for (question, value) in &session.answers {
        let path = format!("$.answers.{question}");
        match study.grid.question(*question) {
            Some((_, q)) => p.check(
                path,
                q.kind
                    .problem(value)
                    .map_err(|problem| ProblemKind::Answer {
                        question: q.key.clone(),
                        problem,
                    }),
            ),
            None => p.add(
                path,
                ProblemKind::UnknownQuestion {
                    question: *question,
                },
            ),
        }
    }
    for question in session.marks.keys() {
        if study.grid.question(*question).is_none() {
            p.add(
                format!("$.marks.{question}"),
                ProblemKind::UnknownQuestion {
                    question: *question,
                },
            );
        }
    }
    for (i, memo) in session.memos.iter().enumerate() {
        if let Some(seg) = memo.segment
            && !segments.has(seg)
        {
            p.add(
                format!("$.memos[{i}].segment"),
                ProblemKind::UnknownSegment { segment: seg },
            );
        }
    }
    p.unique(
        session
            .memos
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("$.memos[{i}].id"), m.id)),
        Duplicated::MemoId,
    );
    validate_situations(&mut p, session, study, &segments);
    validate_alignment(&mut p, session, study, &segments);
    p.0
}

/// Visits name questions of the grid and end after they begin; the transcript layer lists
/// segments of the session, and its proposals come from live codings onto its own text.
fn validate_alignment(p: &mut Problems, session: &Session, study: &Study, segments: &SegmentsById) {
    for (i, v) in session.visits.iter().enumerate() {
        if study.grid.question(v.question).is_none() {
            p.add(
                format!("$.visits[{i}].question"),
                ProblemKind::UnknownQuestion {
                    question: v.question,
                },
            );
        }
        p.check(
            format!("$.visits[{i}].left"),
            times_problem(Some(v.entered), v.left),
        );
    }
    let Some(layer) = &session.transcript else {
        return;
    };
    for id in &layer.segments {
        if !segments.has(*id) {
            p.add(
                "$.transcript.segments",
                ProblemKind::UnknownSegment { segment: *id },
            );
        }
    }
    for (i, proposal) in layer.proposals.iter().enumerate() {
        let path = format!("$.transcript.proposals[{i}]");
        match session.coding(proposal.from) {
            Some(c) if !layer.has(c.segment) => {}
            _ => p.add(
                format!("{path}.from"),
                ProblemKind::NoLiveCoding {
                    coding: proposal.from,
                },
            ),
        }
        let checked = layer
            .has(proposal.segment)
            .then(|| segments.check_span(proposal.segment, proposal.start, proposal.end))
            .flatten();
        match checked {
            Some(checked) => p.check(path, checked),
            None => p.add(
                format!("{path}.segment"),
                ProblemKind::NotInTranscript {
                    segment: proposal.segment,
                },
            ),
        }
    }
    p.unique(
        layer
            .proposals
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("$.transcript.proposals[{i}].from"), x.from)),
        Duplicated::Proposal,
    );
}

/// Co-respondents: a pseudonym each, distinct from one another and from the respondent's (a
/// segment's label names one of them), attributes of the declared kinds.
fn validate_co_respondents(p: &mut Problems, session: &Session, study: &Study) {
    for (i, co) in session.co_respondents.iter().enumerate() {
        let path = format!("$.co_respondents[{i}]");
        if co.pseudonym.trim().is_empty() {
            p.add(
                format!("{path}.pseudonym"),
                ProblemKind::CoRespondentWithoutPseudonym,
            );
        }
        if co.pseudonym == session.respondent.pseudonym {
            p.add(
                format!("{path}.pseudonym"),
                ProblemKind::CoRespondentIsRespondent {
                    pseudonym: co.pseudonym.clone(),
                },
            );
        }
        for (key, value) in &co.attributes {
            p.check(
                format!("{path}.attributes.{key}"),
                check_attribute(&study.meta.respondent_attributes, key, value),
            );
        }
    }
    p.unique(
        session.co_respondents.iter().enumerate().map(|(i, r)| {
            (
                format!("$.co_respondents[{i}].pseudonym"),
                r.pseudonym.as_str(),
            )
        }),
        Duplicated::CoRespondentPseudonym,
    );
}

fn validate_segments(p: &mut Problems, session: &Session, study: &Study) {
    for (i, seg) in session.segments.iter().enumerate() {
        let path = || format!("$.segments[{i}]");
        if !text::is_normalized(&seg.text) {
            p.add(format!("{}.text", path()), ProblemKind::NotNormalized);
        }
        if let Some(q) = seg.question
            && study.grid.question(q).is_none()
        {
            p.add(
                format!("{}.question", path()),
                ProblemKind::UnknownQuestion { question: q },
            );
        }
        if let Err(kind) = times_problem(seg.start, seg.end) {
            p.add(format!("{}.end", path()), kind);
        }
    }
    p.unique_in(
        session.segments.iter().map(|s| s.id),
        |i| format!("$.segments[{i}].id"),
        Duplicated::SegmentId,
    );
}

fn validate_codings(p: &mut Problems, session: &Session, study: &Study, segments: &SegmentsById) {
    for (i, coding) in session.codings.iter().enumerate() {
        let path = || format!("$.codings[{i}]");
        if !study.codebook.knows(coding.code) {
            let excerpt = segments
                .text(coding.segment)
                .map(|text| excerpt_of(text, coding.start, coding.end))
                .unwrap_or_default();
            p.add(
                format!("{}.code", path()),
                ProblemKind::UnknownCode {
                    coding: coding.id,
                    excerpt,
                    coder: coding.coder.clone(),
                    code: coding.code,
                },
            );
        }
        match segments.check_span(coding.segment, coding.start, coding.end) {
            Some(Ok(())) => {}
            Some(Err(e)) => p.add(path(), e),
            None => p.add(
                format!("{}.segment", path()),
                ProblemKind::UnknownSegment {
                    segment: coding.segment,
                },
            ),
        }
    }
    p.unique_in(
        session.codings.iter().map(|c| c.id),
        |i| format!("$.codings[{i}].id"),
        Duplicated::CodingId,
    );
}

/// The words of a span, shortened for a message.
fn excerpt_of(text: &str, start: usize, end: usize) -> String {
    let words: String = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() > 40 {
        let cut: String = words.chars().take(39).collect();
        format!("{cut}…")
    } else {
        words
    }
}

fn validate_situations(
    p: &mut Problems,
    session: &Session,
    study: &Study,
    segments: &SegmentsById,
) {
    for (i, situation) in session.situations.iter().enumerate() {
        let path = format!("$.situations[{i}]");
        for (key, value) in &situation.attributes {
            p.check(
                format!("{path}.attributes.{key}"),
                check_attribute(&study.meta.situation_attributes, key, value),
            );
        }
        check_details(
            p,
            &format!("{path}.attributes"),
            &study.meta.situation_attributes,
            &situation.attributes,
        );
        if situation.same_person_as == Some(situation.id) {
            p.add(format!("{path}.same_person_as"), ProblemKind::SameAsItself);
        }
        for (j, excerpt) in situation.excerpts.iter().enumerate() {
            let epath = format!("{path}.excerpts[{j}]");
            match segments.check_span(excerpt.segment, excerpt.start, excerpt.end) {
                Some(checked) => p.check(epath, checked),
                None => p.add(
                    format!("{epath}.segment"),
                    ProblemKind::UnknownSegment {
                        segment: excerpt.segment,
                    },
                ),
            }
        }
    }
    p.unique(
        session
            .situations
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("$.situations[{i}].id"), s.id)),
        Duplicated::SituationId,
    );
}

/// Details given while their condition does not hold (checked once every value is known).
fn check_details(
    p: &mut Problems,
    base: &str,
    defs: &[Attribute],
    values: &BTreeMap<String, Value>,
) {
    for (key, kind) in defs.iter().filter_map(|d| misplaced_detail(d, values)) {
        p.add(format!("{base}.{key}"), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::{code, sample};
    use crate::study::ids::{CodingId, SegmentId};
    use crate::study::{Coding, Respondent, Segment, Speaker};

    fn paths(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn keys_spans_and_times() {
        assert!(check_key("police-gendarmerie").is_ok() && check_key("nb_2").is_ok());
        for bad in ["", "Santé", "a b", "é"] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
        let text = "Café 👩‍👧 fin";
        assert!(check_span(text, 0, 4).is_ok());
        assert!(check_span(text, 4, 4).unwrap_err().contains("empty"));
        assert!(check_span(text, 3, 1).unwrap_err().contains("reversed"));
        assert!(
            check_span(text, 0, 99)
                .unwrap_err()
                .contains("has 12 characters")
        );
        assert!(
            check_span(text, 0, 6)
                .unwrap_err()
                .contains("offset 6 splits")
        );
        let at = |s| crate::study::Time::parse_from_rfc3339(s).ok();
        assert!(
            check_times(
                at("2021-04-12T10:00:00+02:00"),
                at("2021-04-12T09:00:00+02:00")
            )
            .is_err()
        );
        assert!(check_times(at("2021-04-12T10:00:00+02:00"), None).is_ok());
    }

    #[test]
    fn a_codebook_with_clashing_paths_bad_colours_and_missing_parents_is_named_by_path() {
        let mut book = sample();
        let p = book.by_path("proxenetisme").unwrap().id;
        book.codes.push(code("conjugal", Some(p)));
        book.codes[0].colour = "rouge".into();
        book.codes
            .push(code("orphelin", Some(crate::study::CodeId::new())));
        let problems = validate_codebook(&book);
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            all.iter()
                .any(|p| p.starts_with("$.codes[0].colour: colour \"rouge\"")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|p| p.contains("duplicate code path \"proxenetisme/conjugal\"")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|p| p.contains("parent code") && p.contains("does not exist")),
            "{all:?}"
        );
        assert!(validate_codebook(&sample()).is_empty());
    }

    #[test]
    fn a_grid_with_twice_the_same_question_key_is_refused() {
        let mut study = crate::analysis::fixture::fixture().study;
        assert!(validate_grid(&study.grid).is_empty());
        let again = study.grid.themes[0].questions[0].clone();
        study.grid.themes[0].questions.push(crate::study::Question {
            id: crate::study::QuestionId::new(),
            ..again
        });
        let problems = validate_grid(&study.grid);
        assert_eq!(paths(&problems), ["$.themes[0].questions[5].key"]);
        assert!(
            problems[0]
                .to_string()
                .contains("duplicate question key \"deja\"")
        );
    }

    #[test]
    fn every_problem_of_a_session_is_named_at_its_json_path() {
        let study = crate::analysis::fixture::fixture().study;
        let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
        let mut s = Session::new(
            "A".into(),
            Respondent {
                pseudonym: "R1".into(),
                attributes: [("secteur".into(), Value::Text("marine".into()))].into(),
            },
        );
        let seg = Segment {
            id: SegmentId::new(),
            question: Some(crate::study::QuestionId::new()),
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: "Bonjour".into(),
        };
        let coding = |code, segment, end| Coding {
            id: CodingId::new(),
            segment,
            start: 0,
            end,
            code,
            coder: "Léa".into(),
            at: crate::study::Time::parse_from_rfc3339("2021-04-12T10:00:00+02:00").unwrap(),
            memo: None,
            quote: None,
        };
        s.codings = vec![
            coding(hotel, seg.id, 3),
            coding(crate::study::CodeId::new(), seg.id, 3),
            coding(hotel, SegmentId::new(), 3),
            coding(hotel, seg.id, 30),
        ];
        s.codings.push(s.codings[0].clone());
        s.segments.push(seg);
        let problems = validate_session(&s, &study);
        assert_eq!(
            paths(&problems),
            [
                "$.respondent.attributes.secteur",
                "$.segments[0].question",
                "$.codings[1].code",
                "$.codings[2].segment",
                "$.codings[3]",
                "$.codings[4].id",
            ]
        );
        let unknown = &problems[2].kind.to_string();
        assert!(
            unknown.starts_with(&format!("coding {} (\"Bon\", by Léa)", s.codings[1].id)),
            "{unknown}"
        );
    }
}
