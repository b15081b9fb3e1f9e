//! The element tree of a `project.qde` or a `.qdc` into a [`Project`]. Lenient where tools
//! differ (a missing optional element, `MemberCode guid=` in codebooks and `targetGUID=` in
//! projects, GUIDs in any case), strict only on what makes a file something else.

use uuid::Uuid;

use super::dom::Element;
use crate::interop::refi::model::{
    Case, Code, Coding, Note, Project, Selection, Set, TextSource, User, Variable, VariableType,
    VariableValue, guid,
};

/// Which exchange file a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    Project,
    CodeBook,
}

/// Reads a parsed document. Errs with the root's name when it is neither `<Project>` nor
/// `<CodeBook>`.
pub fn project(root: &Element) -> Result<(Root, Project), String> {
    match root.name.as_str() {
        "Project" => Ok((Root::Project, read_project(root))),
        "CodeBook" => Ok((
            Root::CodeBook,
            Project {
                origin: root.attr("origin").unwrap_or_default().to_owned(),
                codes: codes(root.first("Codes")),
                sets: root
                    .first("Sets")
                    .map(|s| s.all("Set").map(set).collect())
                    .unwrap_or_default(),
                ..Project::default()
            },
        )),
        other => Err(other.to_owned()),
    }
}

fn read_project(root: &Element) -> Project {
    let text = |name: &str| root.attr(name).unwrap_or_default().to_owned();
    let mut project = Project {
        name: text("name"),
        origin: text("origin"),
        created: root.attr("creationDateTime").map(str::to_owned),
        description: root
            .child_text("Description")
            .unwrap_or_default()
            .to_owned(),
        note_refs: refs(root, "NoteRef"),
        ..Project::default()
    };
    if let Some(users) = root.first("Users") {
        project.users = users
            .all("User")
            .map(|u| User {
                guid: guid(u.attr("guid").unwrap_or_default()),
                name: u
                    .attr("name")
                    .or(u.attr("id"))
                    .unwrap_or_default()
                    .to_owned(),
            })
            .collect();
    }
    if let Some(book) = root.first("CodeBook") {
        project.codes = codes(book.first("Codes"));
    }
    if let Some(vars) = root.first("Variables") {
        project.variables = vars.all("Variable").map(variable).collect();
    }
    if let Some(cases) = root.first("Cases") {
        project.cases = cases.all("Case").map(case).collect();
    }
    if let Some(sources) = root.first("Sources") {
        for s in &sources.children {
            match s.name.as_str() {
                "TextSource" => project.sources.push(text_source(s)),
                kind => project.other_sources.push((
                    kind.to_owned(),
                    s.attr("name").unwrap_or_default().to_owned(),
                )),
            }
        }
    }
    if let Some(notes) = root.first("Notes") {
        project.notes = notes.all("Note").map(note).collect();
    }
    if let Some(sets) = root.first("Sets") {
        project.sets = sets.all("Set").map(set).collect();
    }
    project
}

/// The `targetGUID` of every child named `name` (`NoteRef`, `CodeRef`…).
fn refs(e: &Element, name: &str) -> Vec<Uuid> {
    e.all(name)
        .filter_map(|r| r.attr("targetGUID").or(r.attr("guid")))
        .map(guid)
        .collect()
}

fn optional_guid(e: &Element, name: &str) -> Option<Uuid> {
    e.attr(name).filter(|v| !v.trim().is_empty()).map(guid)
}

fn codes(parent: Option<&Element>) -> Vec<Code> {
    parent
        .map(|p| p.all("Code").map(code).collect())
        .unwrap_or_default()
}

fn code(e: &Element) -> Code {
    let name = e.attr("name").unwrap_or_default().to_owned();
    Code {
        // A code without a GUID still gets a stable one, from its name and place.
        guid: match e.attr("guid") {
            Some(g) if !g.trim().is_empty() => guid(g),
            _ => guid(&format!("{name}@{}", e.line)),
        },
        name,
        codable: e
            .attr("isCodable")
            .is_none_or(|v| !matches!(v.trim(), "false" | "0")),
        color: e.attr("color").map(|c| c.trim().to_owned()),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
        note_refs: refs(e, "NoteRef"),
        children: e.all("Code").map(code).collect(),
        line: e.line,
    }
}

fn variable(e: &Element) -> Variable {
    Variable {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        kind: e
            .attr("typeOfVariable")
            .and_then(VariableType::parse)
            .unwrap_or(VariableType::Text),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
    }
}

fn values(e: &Element) -> Vec<VariableValue> {
    e.all("VariableValue")
        .filter_map(|v| {
            let variable = guid(v.first("VariableRef")?.attr("targetGUID")?);
            let (kind, value) = v
                .children
                .iter()
                .find_map(|c| Some((VariableType::of_element(&c.name)?, c.text.clone())))?;
            Some(VariableValue {
                variable,
                kind,
                value,
            })
        })
        .collect()
}

fn case(e: &Element) -> Case {
    Case {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
        code_refs: refs(e, "CodeRef"),
        values: values(e),
        sources: refs(e, "SourceRef"),
        selections: refs(e, "SelectionRef"),
    }
}

fn text_source(e: &Element) -> TextSource {
    let path = |name: &str| {
        e.attr(name)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
    };
    TextSource {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
        plain_text_path: path("plainTextPath"),
        rich_text_path: path("richTextPath"),
        content: e.child_text("PlainTextContent").map(str::to_owned),
        creating_user: optional_guid(e, "creatingUser"),
        created: e.attr("creationDateTime").map(str::to_owned),
        selections: e.all("PlainTextSelection").map(selection).collect(),
        codings: e.all("Coding").map(coding).collect(),
        note_refs: refs(e, "NoteRef"),
        values: values(e),
        line: e.line,
    }
}

/// A position as written; `i64::MIN` when it is not a whole number (reported at import).
fn position(e: &Element, name: &str) -> i64 {
    e.attr(name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(i64::MIN)
}

fn selection(e: &Element) -> Selection {
    Selection {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        start: position(e, "startPosition"),
        end: position(e, "endPosition"),
        creating_user: optional_guid(e, "creatingUser"),
        created: e.attr("creationDateTime").map(str::to_owned),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
        codings: e.all("Coding").map(coding).collect(),
        note_refs: refs(e, "NoteRef"),
        line: e.line,
    }
}

fn coding(e: &Element) -> Coding {
    Coding {
        guid: guid(e.attr("guid").unwrap_or_default()),
        code: e
            .first("CodeRef")
            .and_then(|r| r.attr("targetGUID"))
            .map(guid)
            .unwrap_or(Uuid::nil()),
        creating_user: optional_guid(e, "creatingUser"),
        created: e.attr("creationDateTime").map(str::to_owned),
        note_refs: refs(e, "NoteRef"),
    }
}

fn note(e: &Element) -> Note {
    Note {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        content: e.child_text("PlainTextContent").map(str::to_owned),
        plain_text_path: e
            .attr("plainTextPath")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned),
        creating_user: optional_guid(e, "creatingUser"),
        created: e.attr("creationDateTime").map(str::to_owned),
    }
}

fn set(e: &Element) -> Set {
    Set {
        guid: guid(e.attr("guid").unwrap_or_default()),
        name: e.attr("name").unwrap_or_default().to_owned(),
        description: e.child_text("Description").unwrap_or_default().to_owned(),
        codes: refs(e, "MemberCode"),
        sources: refs(e, "MemberSource"),
        notes: refs(e, "MemberNote"),
    }
}
