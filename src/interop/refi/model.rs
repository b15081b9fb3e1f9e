//! What a REFI-QDA file holds, as grille reads and writes it: the QDA-XML 1.0 project (and the
//! codebook exchange file, a project with only its `CodeBook`), without the parts grille has no
//! use for (graphs, links, picture, PDF and media sources are counted, not kept).
//!
//! GUIDs are UUIDs. Tools write them upper- or lowercase, with or without braces; a value that
//! is not a UUID at all is turned into one deterministically (see [`guid`]), so references to
//! it still resolve.

use uuid::Uuid;

/// A whole project (`project.qde`), or a codebook (`.qdc`: only `codes` and `sets`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    pub name: String,
    /// The tool that wrote the file (`NVivo for Windows 12.6`, `ATLAS.ti Win 23.4.0`).
    pub origin: String,
    pub created: Option<String>,
    pub users: Vec<User>,
    pub codes: Vec<Code>,
    pub variables: Vec<Variable>,
    pub cases: Vec<Case>,
    pub sources: Vec<TextSource>,
    pub notes: Vec<Note>,
    pub sets: Vec<Set>,
    pub description: String,
    /// Notes about the project as a whole.
    pub note_refs: Vec<Uuid>,
    /// Sources of kinds grille does not read (picture, PDF, audio, video): kind and name.
    pub other_sources: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub guid: Uuid,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub guid: Uuid,
    pub name: String,
    pub codable: bool,
    /// `#rrggbb` (or `#rgb`) as written.
    pub color: Option<String>,
    pub description: String,
    pub note_refs: Vec<Uuid>,
    pub children: Vec<Code>,
    pub line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariableType {
    Text,
    Boolean,
    Integer,
    Float,
    Date,
    DateTime,
}

impl VariableType {
    pub fn parse(s: &str) -> Option<VariableType> {
        Some(match s.trim() {
            "Text" => VariableType::Text,
            "Boolean" => VariableType::Boolean,
            "Integer" => VariableType::Integer,
            "Float" => VariableType::Float,
            "Date" => VariableType::Date,
            "DateTime" => VariableType::DateTime,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            VariableType::Text => "Text",
            VariableType::Boolean => "Boolean",
            VariableType::Integer => "Integer",
            VariableType::Float => "Float",
            VariableType::Date => "Date",
            VariableType::DateTime => "DateTime",
        }
    }

    /// The element a value of this type is written in (`TextValue`…).
    pub fn element(self) -> &'static str {
        match self {
            VariableType::Text => "TextValue",
            VariableType::Boolean => "BooleanValue",
            VariableType::Integer => "IntegerValue",
            VariableType::Float => "FloatValue",
            VariableType::Date => "DateValue",
            VariableType::DateTime => "DateTimeValue",
        }
    }

    pub fn of_element(name: &str) -> Option<VariableType> {
        VariableType::parse(name.strip_suffix("Value")?)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    pub guid: Uuid,
    pub name: String,
    pub kind: VariableType,
    pub description: String,
}

/// A value as written (`true`, `12`, `2021-04-12`, a text), with the type of its element.
#[derive(Clone, Debug, PartialEq)]
pub struct VariableValue {
    pub variable: Uuid,
    pub kind: VariableType,
    pub value: String,
}

/// A case: a respondent (with the sources of their interviews), or anything else described by
/// variables and the selections about it (a situation).
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub guid: Uuid,
    pub name: String,
    pub description: String,
    pub code_refs: Vec<Uuid>,
    pub values: Vec<VariableValue>,
    pub sources: Vec<Uuid>,
    pub selections: Vec<Uuid>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextSource {
    pub guid: Uuid,
    pub name: String,
    pub description: String,
    pub plain_text_path: Option<String>,
    pub rich_text_path: Option<String>,
    /// The text given inline (`PlainTextContent`) instead of a file.
    pub content: Option<String>,
    pub creating_user: Option<Uuid>,
    pub created: Option<String>,
    pub selections: Vec<Selection>,
    /// Codings of the whole source.
    pub codings: Vec<Coding>,
    pub note_refs: Vec<Uuid>,
    pub values: Vec<VariableValue>,
    pub line: usize,
}

/// A span of a source's plain text, `[start, end)` in the unit the producing tool counts in.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub guid: Uuid,
    /// Some tools put the selected text here; it lets an import check the positions.
    pub name: String,
    pub start: i64,
    pub end: i64,
    pub creating_user: Option<Uuid>,
    pub created: Option<String>,
    pub description: String,
    pub codings: Vec<Coding>,
    pub note_refs: Vec<Uuid>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Coding {
    pub guid: Uuid,
    pub code: Uuid,
    pub creating_user: Option<Uuid>,
    pub created: Option<String>,
    pub note_refs: Vec<Uuid>,
}

/// A memo (`Note`): its text inline or in a file of the archive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Note {
    pub guid: Uuid,
    pub name: String,
    pub content: Option<String>,
    pub plain_text_path: Option<String>,
    pub creating_user: Option<Uuid>,
    pub created: Option<String>,
}

/// A group of codes, sources or notes (ATLAS.ti's code groups, MAXQDA's sets).
#[derive(Clone, Debug, PartialEq)]
pub struct Set {
    pub guid: Uuid,
    pub name: String,
    pub description: String,
    pub codes: Vec<Uuid>,
    pub sources: Vec<Uuid>,
    pub notes: Vec<Uuid>,
}

/// The UUID a GUID attribute names: `1FF58B12-…`, `{1ff58b12-…}`; anything else is mapped to
/// a name-based UUID of its text, so that equal values still match.
pub fn guid(raw: &str) -> Uuid {
    let trimmed = raw.trim();
    let bare = trimmed
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(trimmed);
    Uuid::parse_str(bare).unwrap_or_else(|_| Uuid::new_v5(&NOT_A_UUID, trimmed.as_bytes()))
}

/// Namespace of the UUIDs made for GUID values that are not UUIDs.
const NOT_A_UUID: Uuid = Uuid::from_u128(0x6f1c_2a57_93d4_4b0e_9a61_5d0f_43c2_e871);

impl Project {
    /// Every code of the tree, depth first, with its parent.
    pub fn walk_codes(&self) -> Vec<(Option<&Code>, &Code)> {
        fn walk<'a>(
            parent: Option<&'a Code>,
            codes: &'a [Code],
            out: &mut Vec<(Option<&'a Code>, &'a Code)>,
        ) {
            for code in codes {
                out.push((parent, code));
                walk(Some(code), &code.children, out);
            }
        }
        let mut out = Vec::new();
        walk(None, &self.codes, &mut out);
        out
    }

    pub fn user_name(&self, guid: Option<Uuid>) -> Option<&str> {
        let guid = guid?;
        self.users
            .iter()
            .find(|u| u.guid == guid)
            .map(|u| u.name.as_str())
    }

    pub fn note(&self, guid: Uuid) -> Option<&Note> {
        self.notes.iter().find(|n| n.guid == guid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_in_every_written_form() {
        let u = Uuid::parse_str("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294").unwrap();
        assert_eq!(guid("1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"), u);
        assert_eq!(guid("{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}"), u);
        assert_eq!(guid(" 1ff58b12-6f6f-4b0c-8be5-bbdc91f55294 "), u);
        assert_eq!(guid("code-7"), guid("code-7"));
        assert_ne!(guid("code-7"), guid("code-8"));
    }
}
