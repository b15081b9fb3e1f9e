//! What can be wrong in a study's files, as typed kinds: validation names each problem by its
//! kind and the values it is about, and the front ends say it in the user's language
//! (`i18n::problems`). `Display` gives the format's English, the words `grille check` has
//! always printed and scripts may read.

use std::fmt;

use super::ids::{CodeId, CodingId, QuestionId, SegmentId};

/// One thing wrong at a JSON path of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A key (of an attribute, an option, a theme…) that cannot be typed in a query.
    BadKey {
        key: String,
    },
    EmptySpan {
        start: usize,
        end: usize,
    },
    SpanOutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    SplitsCharacter {
        offset: usize,
    },
    EndsBeforeStart,
    UndeclaredAttribute {
        key: String,
    },
    /// A value that is not of its attribute's kind.
    Value(ValueProblem),
    /// An answer that is not of its question's kind (the question's key).
    Answer {
        question: String,
        problem: ValueProblem,
    },
    GroupsNeedChoice,
    GroupKeyIsOption {
        key: String,
    },
    EmptyGroup,
    /// A group naming a key that is not one of the options.
    NotAnOption {
        key: String,
    },
    ChoiceWithoutOptions,
    ScaleBounds {
        min: i64,
        max: i64,
    },
    /// A detail's condition naming an attribute not declared before it.
    ConditionUndeclared {
        attribute: String,
    },
    /// A detail's condition naming a value its attribute does not have.
    ConditionNotAValue {
        is: String,
        attribute: String,
    },
    /// A detail given while its condition does not hold.
    MisplacedDetail {
        key: String,
        attribute: String,
        is: String,
    },
    NoTitle,
    TooManyQuickCodes,
    QuickCodeTwice {
        code: CodeId,
    },
    QuestionWithoutText,
    ConsentNotYesNo,
    ConsentTwice,
    CodeWithoutName,
    BadColour {
        colour: String,
    },
    NoParentCode {
        parent: CodeId,
    },
    UnknownQuestion {
        question: QuestionId,
    },
    UnknownSegment {
        segment: SegmentId,
    },
    NoLiveCoding {
        coding: CodingId,
    },
    NotInTranscript {
        segment: SegmentId,
    },
    CoRespondentWithoutPseudonym,
    CoRespondentIsRespondent {
        pseudonym: String,
    },
    NotNormalized,
    /// A coding whose code is not in the codebook, with what it codes and who coded it.
    UnknownCode {
        coding: CodingId,
        excerpt: String,
        coder: String,
        code: CodeId,
    },
    SameAsItself,
    Duplicate {
        what: Duplicated,
        key: String,
    },
    /// A session file whose id is not its file name.
    IdMismatch {
        id: String,
    },
}

/// What is given twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicated {
    GroupKey,
    OptionKey,
    AttributeKey,
    ThemeId,
    ThemeKey,
    QuestionId,
    QuestionKey,
    CodeId,
    CodePath,
    MemoId,
    Proposal,
    CoRespondentPseudonym,
    SegmentId,
    CodingId,
    SituationId,
}

/// A value that is not of the kind declared for it.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueProblem {
    NotFinite {
        n: f64,
    },
    OptionTwice {
        key: String,
    },
    NotWhole {
        n: f64,
    },
    Below {
        n: f64,
        min: f64,
    },
    Above {
        n: f64,
        max: f64,
    },
    /// Not one of the options, with the keys that are.
    NotAnOption {
        key: String,
        known: Vec<String>,
    },
    WrongKind {
        expected: Expected,
        found: Found,
    },
}

/// The kind a value should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    YesNo,
    Number,
    Choice,
    Choices,
    Scale,
}

/// What was found instead.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Bool(bool),
    Number(f64),
    Text(String),
    List,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(crate::i18n::problems::EN_PROBLEMS.kind)(self))
    }
}

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(crate::i18n::problems::EN_PROBLEMS.value)(self))
    }
}

impl ProblemKind {
    /// In the user's language.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        (t.problems.kind)(self)
    }
}

impl ValueProblem {
    /// In the user's language.
    pub fn message(&self, t: &crate::i18n::Texts) -> String {
        (t.problems.value)(self)
    }
}

/// Where a value problem is said as a plain message (a change refused, a REFI-QDA value): the
/// format's English, as before.
impl From<ValueProblem> for String {
    fn from(problem: ValueProblem) -> String {
        problem.to_string()
    }
}

impl From<ProblemKind> for String {
    fn from(problem: ProblemKind) -> String {
        problem.to_string()
    }
}
