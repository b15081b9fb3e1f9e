//! The mapping file (TOML) for what the headers do not say: which column is which question or
//! attribute, what a value means, what to ignore, how repeated groups are named. Everything in
//! it is optional; see README ("Questionnaires") for an example.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::error::ResponsesError;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The column that names each respondent (its value becomes the pseudonym).
    pub id: Option<String>,
    /// The column with the date the response was submitted.
    pub date: Option<String>,
    /// The column where the respondent gave (or refused) consent.
    pub consent: Option<String>,
    /// Columns left out on purpose (they are not reported as unmapped).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Column (its header, or its letter) → `KEY`, `question:KEY`, `attribute:KEY`,
    /// `situation:KEY`, any of them with `[OPTION]` for a column that holds one option of a
    /// multiple choice, or `ignore`.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Per question or attribute key: value as the file writes it → option key (or the value
    /// to read instead, e.g. `"-oth-" = "autre"`, `"Y" = "oui"`).
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub situations: Situations,
}

/// Repeated groups (`personne1_age`, `personne1_genre` … `personne5_…`, or a repeat sheet):
/// each filled group is a situation of the respondent.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situations {
    /// The label of a situation, `{n}` its number in the group (default "Personne {n}").
    pub label: Option<String>,
    /// Field name in the file (after `personneN_`, or a repeat sheet's column) → situation
    /// attribute key, when they differ.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// Sheets of a workbook whose rows are situations of the response they belong to
    /// (KoboToolbox repeat groups, linked by `_parent_index`). By default, any sheet with a
    /// column that names a situation attribute.
    #[serde(default)]
    pub sheets: Vec<String>,
}

impl Mapping {
    /// Reads a mapping file; a syntax error names its line and column.
    pub fn read(file: &Path) -> Result<Mapping, ResponsesError> {
        let text = std::fs::read_to_string(file).map_err(|e| ResponsesError::Mapping {
            file: file.into(),
            place: None,
            message: e.to_string(),
        })?;
        Self::parse(file, &text)
    }

    pub fn parse(file: &Path, text: &str) -> Result<Mapping, ResponsesError> {
        toml::from_str(text).map_err(|e| {
            let place = e.span().map(|span| {
                let before = text.get(..span.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
                (line, column)
            });
            ResponsesError::Mapping {
                file: file.into(),
                place,
                message: e.message().to_owned(),
            }
        })
    }
}

/// What a `[columns]` entry names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub scope: Scope,
    pub key: String,
    /// `KEY[OPTION]`: the column holds this one option (checked or not).
    pub option: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A grid question or a respondent attribute, whichever has the key (both if both do).
    Any,
    Question,
    Attribute,
    Situation,
}

/// `question:lieux[hotel]` → question `lieux`, option `hotel`; `None` for `ignore`.
pub fn parse_target(target: &str) -> Option<Named> {
    let target = target.trim();
    if target.eq_ignore_ascii_case("ignore") {
        return None;
    }
    let (scope, rest) = match target.split_once(':') {
        Some(("question", rest)) => (Scope::Question, rest),
        Some(("attribute" | "attribut", rest)) => (Scope::Attribute, rest),
        Some(("situation", rest)) => (Scope::Situation, rest),
        _ => (Scope::Any, target),
    };
    let (key, option) = match rest.split_once('[') {
        Some((key, option)) => (key, Some(option.trim_end_matches(']').trim().to_owned())),
        None => (rest, None),
    };
    Some(Named {
        scope,
        key: key.trim().to_owned(),
        option,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_mapping_file_reads() {
        let text = r#"
id = "Response ID"
date = "Date submitted"
consent = "J'accepte"
ignore = ["Seed", "Last page"]

[columns]
"How do you identify?" = "genre"
"Sector" = "attribute:secteur"
"Places [Hotel]" = "lieux[hotel]"

[values.genre]
man = "homme"
"-oth-" = "autre"

[situations]
label = "Personne {n}"
sheets = ["participants"]
fields = { sexe = "genre" }
"#;
        let m = Mapping::parse(Path::new("m.toml"), text).unwrap();
        assert_eq!(m.id.as_deref(), Some("Response ID"));
        assert_eq!(m.ignore, ["Seed", "Last page"]);
        assert_eq!(m.columns["Sector"], "attribute:secteur");
        assert_eq!(m.values["genre"]["-oth-"], "autre");
        assert_eq!(m.situations.fields["sexe"], "genre");
        assert_eq!(m.situations.sheets, ["participants"]);
    }

    #[test]
    fn a_mistake_names_its_line() {
        let err =
            Mapping::parse(Path::new("m.toml"), "id = \"x\"\n[columns]\nfoo = \n").unwrap_err();
        let ResponsesError::Mapping { place, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(place.map(|(line, _)| line), Some(3));
        let err = Mapping::parse(Path::new("m.toml"), "identifiant = \"x\"\n").unwrap_err();
        assert!(err.to_string().contains("identifiant"), "{err}");
    }

    #[test]
    fn targets_name_a_scope_a_key_and_an_option() {
        assert_eq!(parse_target(" ignore "), None);
        assert_eq!(
            parse_target("question:lieux[hotel]"),
            Some(Named {
                scope: Scope::Question,
                key: "lieux".into(),
                option: Some("hotel".into())
            })
        );
        assert_eq!(parse_target("secteur").unwrap().scope, Scope::Any);
        assert_eq!(
            parse_target("situation:age").unwrap().scope,
            Scope::Situation
        );
    }
}
