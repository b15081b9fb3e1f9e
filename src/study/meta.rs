//! `study.json`: what the study is and which attributes describe respondents and situations.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::format::Format;
use super::ids::{CodeId, StudyId};
use super::value::{OptionGroup, Value, ValueKind};

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
    /// The codes on Alt+1…9 while interviewing and coding, in key order (`null`: no code on
    /// that key). Empty: the first nine codes without sub-codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quick_codes: Vec<Option<CodeId>>,
}

/// A declared attribute: its key (used in queries, `secteur:sante`), its label and its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: ValueKind,
    /// Options shown together in tables (`appartement` + `hotel` → "Appartement ou hôtel").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<OptionGroup>,
    /// A detail recorded only when another attribute has a value ("kinds of pimping" when
    /// pimping is "oui"): its percentages are over the cases where the condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Whether a value of it could tell who the person is (a name, a phone number, the
    /// structure a professional works in): exports leave it out unless asked. Absent in files
    /// written before it existed: then [`Attribute::is_identifying`] goes by the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifying: Option<bool>,
}

/// Keys that name a person or a way to reach them: an attribute with one of these keys and no
/// `identifying` field (a study written before the field existed) is taken as identifying.
const IDENTIFYING_KEYS: &[&str] = &[
    "nom",
    "prenom",
    "name",
    "first_name",
    "last_name",
    "surname",
    "nom_prenom",
    "contact",
    "telephone",
    "tel",
    "phone",
    "portable",
    "mobile",
    "email",
    "e-mail",
    "mail",
    "courriel",
    "adresse",
    "address",
    "date_naissance",
    "naissance",
    "birth_date",
    "birthdate",
    "dob",
];

/// "Attribute `attribute` holds option `is`": when a detail attribute applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Key of an attribute declared before, in the same list.
    pub attribute: String,
    /// The option key it must hold (`yes` or `no` for a yes/no attribute).
    pub is: String,
}

impl Condition {
    /// Whether the values recorded (a situation's or a respondent's) meet the condition.
    pub fn holds(&self, values: &BTreeMap<String, Value>) -> bool {
        match values.get(&self.attribute) {
            Some(Value::Bool(b)) => self.is == if *b { "yes" } else { "no" },
            Some(v) => v.keys().contains(&self.is.as_str()),
            None => false,
        }
    }
}

/// Why `key=value` respondent attributes given on a command line are refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AttributeError {
    #[error("\"{given}\" is not of the form KEY=VALUE")]
    Syntax { given: String },
    #[error("unknown attribute \"{key}\" (known: {known})")]
    Unknown { key: String, known: String },
    #[error("{key}: {message}")]
    Bad { key: String, message: String },
}

impl StudyMeta {
    /// The keys of the respondent attributes, for messages (`secteur, territoire`).
    pub fn respondent_attribute_keys(&self) -> String {
        let keys: Vec<&str> = self
            .respondent_attributes
            .iter()
            .map(|a| a.key.as_str())
            .collect();
        keys.join(", ")
    }

    /// `key=value` pairs as typed (`secteur=sante`, `secteur=Santé`, `lieux=hotel,rue`) into
    /// values of the kinds this study declares.
    pub fn parse_attributes(
        &self,
        given: &[String],
    ) -> Result<BTreeMap<String, Value>, AttributeError> {
        let mut values = BTreeMap::new();
        for pair in given {
            let Some((key, raw)) = pair.split_once('=') else {
                return Err(AttributeError::Syntax {
                    given: pair.clone(),
                });
            };
            let key = key.trim();
            let Some(attribute) = self.respondent_attribute(key) else {
                return Err(AttributeError::Unknown {
                    key: key.to_owned(),
                    known: self.respondent_attribute_keys(),
                });
            };
            let value = Value::parse_for(&attribute.kind, &super::text::normalize(raw.trim()))
                .map_err(|message| AttributeError::Bad {
                    key: key.to_owned(),
                    message,
                })?;
            values.insert(attribute.key.clone(), value);
        }
        Ok(values)
    }

    pub fn respondent_attribute(&self, key: &str) -> Option<&Attribute> {
        self.respondent_attributes.iter().find(|a| a.key == key)
    }

    pub fn situation_attribute(&self, key: &str) -> Option<&Attribute> {
        self.situation_attributes.iter().find(|a| a.key == key)
    }
}

impl Attribute {
    /// A plain attribute: no groups, no condition.
    pub fn new(key: impl Into<String>, label: impl Into<String>, kind: ValueKind) -> Self {
        Attribute {
            key: key.into(),
            label: label.into(),
            kind,
            groups: Vec::new(),
            when: None,
            identifying: None,
        }
    }

    /// Whether exports leave this attribute out: as the study says, else by its key (`nom`,
    /// `telephone`, `email`… are identifying in a study written before the mark existed).
    pub fn is_identifying(&self) -> bool {
        self.identifying.unwrap_or_else(|| {
            let key = self.key.to_ascii_lowercase().replace('-', "_");
            IDENTIFYING_KEYS.iter().any(|k| key == k.replace('-', "_"))
        })
    }
}
