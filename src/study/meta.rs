//! `study.json`: what the study is and which attributes describe respondents and situations.

use serde::{Deserialize, Serialize};

use super::format::Format;
use super::ids::StudyId;
use super::value::ValueKind;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyMeta {
    pub format: Format,
    pub id: StudyId,
    #[serde(default)]
    pub revision: u64,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Attributes recorded for each respondent (`secteur`, `territoire`…).
    #[serde(default)]
    pub respondent_attributes: Vec<Attribute>,
    /// Attributes recorded for each situation a respondent describes (gender, age band,
    /// places…); the study's headline percentages are counted over them.
    #[serde(default)]
    pub situation_attributes: Vec<Attribute>,
}

/// A declared attribute: its key (used in queries, `secteur:sante`), its label and its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: ValueKind,
}

impl StudyMeta {
    pub fn respondent_attribute(&self, key: &str) -> Option<&Attribute> {
        self.respondent_attributes.iter().find(|a| a.key == key)
    }

    pub fn situation_attribute(&self, key: &str) -> Option<&Attribute> {
        self.situation_attributes.iter().find(|a| a.key == key)
    }
}
