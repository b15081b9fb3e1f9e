//! The interview grid: ordered themes, each with questions and their follow-up prompts.

use serde::{Deserialize, Serialize};

use super::format::Format;
use super::ids::{QuestionId, ThemeId};
use super::value::{OptionGroup, ValueKind};

/// The interview guide followed during a session (`grid.json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub format: Format,
    #[serde(default)]
    pub revision: u64,
    pub themes: Vec<Theme>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: ThemeId,
    /// Readable key used in queries (`theme:lieux`); unique in the grid.
    pub key: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    /// Readable key used in queries and exports (`question:nb_personnes`); unique in the grid.
    pub key: String,
    pub text: String,
    /// Follow-up prompts (relances) the interviewer may use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<String>,
    #[serde(flatten)]
    pub kind: ValueKind,
    /// Options shown together in tables (see [`OptionGroup`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<OptionGroup>,
    /// A yes/no question whose "yes" is the respondent's consent: when an interview starts
    /// with consent given (the form, `--consent given`), it is answered yes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub consent: bool,
}

impl Grid {
    /// Every question with its theme, in grid order.
    pub fn questions(&self) -> impl Iterator<Item = (&Theme, &Question)> {
        self.themes
            .iter()
            .flat_map(|t| t.questions.iter().map(move |q| (t, q)))
    }

    pub fn question(&self, id: QuestionId) -> Option<(&Theme, &Question)> {
        self.questions().find(|(_, q)| q.id == id)
    }

    pub fn question_by_key(&self, key: &str) -> Option<(&Theme, &Question)> {
        self.questions().find(|(_, q)| q.key == key)
    }

    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn theme_by_key(&self, key: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.key == key)
    }

    /// Position of a question in grid order (0-based).
    pub fn position(&self, id: QuestionId) -> Option<usize> {
        self.questions().position(|(_, q)| q.id == id)
    }

    /// The question that records consent, if the grid has one.
    pub fn consent_question(&self) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.consent)
    }

    pub fn question_count(&self) -> usize {
        self.themes.iter().map(|t| t.questions.len()).sum()
    }
}
