use super::ProblemTexts;
use crate::study::problem::{Duplicated, Expected, Found, ProblemKind, ValueProblem};

pub static EN_PROBLEMS: ProblemTexts = ProblemTexts {
    unreadable: |file, at, line, column, what| {
        format!("{file}: at {at} (line {line}, column {column}): {what}")
    },
    json_message: |m| m.to_owned(),
    at: |place, what| format!("{place}: {what}"),
    many: |file, n| format!("{file}: {n} problems:"),
    kind,
    value,
    no_situation: |target| format!("no situation {target} in the study"),
};

/// The words `grille check` has always printed (scripts may read them).
fn kind(p: &ProblemKind) -> String {
    use ProblemKind::*;
    match p {
        BadKey { key } => {
            format!("key \"{key}\" must be lowercase ASCII letters, digits, '_' or '-'")
        }
        EmptySpan { start, end } => format!("empty or reversed span [{start}, {end})"),
        SpanOutOfRange { start, end, len } => {
            format!("span [{start}, {end}) is out of range: the segment text has {len} characters")
        }
        SplitsCharacter { offset } => {
            format!("offset {offset} splits a character (not on a grapheme boundary)")
        }
        EndsBeforeStart => "ends before it starts".into(),
        UndeclaredAttribute { key } => format!("attribute \"{key}\" is not declared in study.json"),
        Value(problem) => value(problem),
        Answer { question, problem } => format!("question \"{question}\": {}", value(problem)),
        GroupsNeedChoice => "only a choice or choices can group its options".into(),
        GroupKeyIsOption { key } => format!("group key \"{key}\" is also an option key"),
        EmptyGroup => "a group needs at least one option".into(),
        NotAnOption { key } => format!("\"{key}\" is not one of the options"),
        ChoiceWithoutOptions => "a choice needs at least one option".into(),
        ScaleBounds { min, max } => format!("scale max {max} must exceed min {min}"),
        ConditionUndeclared { attribute } => {
            format!("\"{attribute}\" is not an attribute declared before this one")
        }
        ConditionNotAValue { is, attribute } => {
            format!("\"{is}\" is not a value of \"{attribute}\"")
        }
        MisplacedDetail { key, attribute, is } => {
            format!("\"{key}\" is a detail given only when \"{attribute}\" is \"{is}\"")
        }
        NoTitle => "the study needs a title".into(),
        TooManyQuickCodes => "at most nine quick codes (Alt+1 to Alt+9)".into(),
        QuickCodeTwice { code } => format!("code {code} is on two quick keys"),
        QuestionWithoutText => "a question needs a text".into(),
        ConsentNotYesNo => "the consent question must be a yes/no question".into(),
        ConsentTwice => "only one question can record consent".into(),
        CodeWithoutName => "a code needs a name".into(),
        BadColour { colour } => format!("colour \"{colour}\" is not of the form #rrggbb"),
        NoParentCode { parent } => format!("parent code {parent} does not exist"),
        UnknownQuestion { question } => format!("unknown question {question}"),
        UnknownSegment { segment } => format!("unknown segment {segment}"),
        NoLiveCoding { coding } => format!("no live coding {coding}"),
        NotInTranscript { segment } => format!("segment {segment} is not in the transcript"),
        CoRespondentWithoutPseudonym => "a co-respondent needs a pseudonym".into(),
        CoRespondentIsRespondent { pseudonym } => {
            format!("\"{pseudonym}\" is the respondent's pseudonym")
        }
        NotNormalized => {
            "text is not normalised (NFC, \\n line endings): offsets would be ambiguous".into()
        }
        UnknownCode {
            coding,
            excerpt,
            coder,
            code,
        } => format!("coding {coding} (\"{excerpt}\", by {coder}) has an unknown code id {code}"),
        SameAsItself => "a situation cannot be the same person as itself".into(),
        Duplicate { what, key } => format!("duplicate {} \"{key}\"", duplicated(*what)),
        IdMismatch { id } => format!("the id {id} does not match the file name"),
    }
}

fn duplicated(what: Duplicated) -> &'static str {
    use Duplicated::*;
    match what {
        GroupKey => "group key",
        OptionKey => "option key",
        AttributeKey => "attribute key",
        ThemeId => "theme id",
        ThemeKey => "theme key",
        QuestionId => "question id",
        QuestionKey => "question key",
        CodeId => "code id",
        CodePath => "code path",
        MemoId => "memo id",
        Proposal => "proposal",
        CoRespondentPseudonym => "co-respondent pseudonym",
        SegmentId => "segment id",
        CodingId => "coding id",
        SituationId => "situation id",
    }
}

fn value(p: &ValueProblem) -> String {
    use ValueProblem::*;
    match p {
        NotFinite { n } => format!("{n} is not a finite number"),
        OptionTwice { key } => format!("option \"{key}\" is given twice"),
        NotWhole { n } => format!("{n} is not a whole number on the scale"),
        Below { n, min } => format!("{n} is below the minimum {min}"),
        Above { n, max } => format!("{n} is above the maximum {max}"),
        NotAnOption { key, known } => {
            format!("\"{key}\" is not one of the options ({})", known.join(", "))
        }
        WrongKind { expected, found } => {
            let expected = match expected {
                Expected::Text => "a text",
                Expected::YesNo => "true or false (yes_no)",
                Expected::Number => "a number",
                Expected::Choice => "one option key (choice)",
                Expected::Choices => "a list of option keys (choices)",
                Expected::Scale => "a whole number on the scale",
            };
            let found = match found {
                Found::Bool(b) => format!("the boolean {b}"),
                Found::Number(n) => format!("the number {n}"),
                Found::Text(t) => format!("the text \"{t}\""),
                Found::List => "a list".to_owned(),
            };
            format!("expected {expected}, found {found}")
        }
    }
}
