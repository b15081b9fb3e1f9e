use super::ProblemTexts;

pub static EN_PROBLEMS: ProblemTexts = ProblemTexts {
    unreadable: |file, at, line, column, what| {
        format!("{file}: at {at} (line {line}, column {column}): {what}")
    },
    json_message: |m| m.to_owned(),
    at: |place, what| format!("{place}: {what}"),
    many: |file, n| format!("{file}: {n} problems:"),
};
