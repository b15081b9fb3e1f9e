//! The words of a file that breaks the format or the study's rules: what `grille check`, the
//! home screen, `grille index` and the exports' notes say about it. The JSON reader's own
//! words (serde_json's fixed messages) are translated here too, so that a French user reads
//! "fin de fichier" rather than "EOF".

mod en;
mod fr;

pub use en::EN_PROBLEMS;
pub use fr::FR_PROBLEMS;

pub struct ProblemTexts {
    /// (file, JSON path, line, column, what the reader said): a file that does not parse.
    pub unreadable: fn(&str, &str, usize, usize, &str) -> String,
    /// The JSON reader's message in the interface's language (unknown ones as they are).
    pub json_message: fn(&str) -> String,
    /// (where: a file or a JSON path, what is wrong there)
    pub at: fn(&str, &str) -> String,
    /// (file, number of problems): the head of a list of problems, one per line after it.
    pub many: fn(&str, usize) -> String,
    /// A problem of a file's content (validation), and a value of the wrong kind.
    pub kind: fn(&crate::study::problem::ProblemKind) -> String,
    pub value: fn(&crate::study::problem::ValueProblem) -> String,
    /// (situation id) named by a "same person as" link.
    pub no_situation: fn(&str) -> String,
}
