//! A [`Project`] as QDA-XML text: `project.qde` (namespace `urn:QDA-XML:project:1.0`, elements
//! in the order of the 2019 schema) or a codebook `.qdc` (`urn:QDA-XML:codebook:1.0`).
//!
//! The output depends only on the project: no clock, no random GUID, so that exporting a study
//! twice gives the same bytes.

use uuid::Uuid;

use crate::interop::refi::model::{
    Case, Code, Coding, Note, Project, Selection, Set, TextSource, VariableValue,
};

pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// `project.qde`.
pub fn project(p: &Project) -> String {
    let mut x = Xml::new();
    let mut attrs = vec![("name", p.name.clone()), ("origin", p.origin.clone())];
    if let Some(created) = &p.created {
        attrs.push(("creationDateTime", created.clone()));
    }
    attrs.push(("xmlns", PROJECT_NS.to_owned()));
    x.open("Project", &attrs);
    if !p.users.is_empty() {
        x.open("Users", &[]);
        for u in &p.users {
            x.empty("User", &[("guid", g(u.guid)), ("name", u.name.clone())]);
        }
        x.close("Users");
    }
    if !p.codes.is_empty() {
        x.open("CodeBook", &[]);
        codes(&mut x, &p.codes, true);
        x.close("CodeBook");
    }
    if !p.variables.is_empty() {
        x.open("Variables", &[]);
        for v in &p.variables {
            let attrs = [
                ("guid", g(v.guid)),
                ("name", v.name.clone()),
                ("typeOfVariable", v.kind.name().to_owned()),
            ];
            if v.description.is_empty() {
                x.empty("Variable", &attrs);
            } else {
                x.open("Variable", &attrs);
                x.text("Description", &v.description);
                x.close("Variable");
            }
        }
        x.close("Variables");
    }
    if !p.cases.is_empty() {
        x.open("Cases", &[]);
        for c in &p.cases {
            case(&mut x, c);
        }
        x.close("Cases");
    }
    if !p.sources.is_empty() {
        x.open("Sources", &[]);
        for s in &p.sources {
            source(&mut x, s);
        }
        x.close("Sources");
    }
    if !p.notes.is_empty() {
        x.open("Notes", &[]);
        for n in &p.notes {
            note(&mut x, n);
        }
        x.close("Notes");
    }
    if !p.sets.is_empty() {
        x.open("Sets", &[]);
        for s in &p.sets {
            set(&mut x, s, "targetGUID");
        }
        x.close("Sets");
    }
    if !p.description.is_empty() {
        x.text("Description", &p.description);
    }
    refs(&mut x, "NoteRef", &p.note_refs);
    x.close("Project");
    x.out
}

/// A codebook exchange file: the codes and the sets of codes.
pub fn codebook(p: &Project) -> String {
    let mut x = Xml::new();
    x.open(
        "CodeBook",
        &[
            ("origin", p.origin.clone()),
            ("xmlns", CODEBOOK_NS.to_owned()),
        ],
    );
    codes(&mut x, &p.codes, false);
    if !p.sets.is_empty() {
        x.open("Sets", &[]);
        for s in &p.sets {
            set(&mut x, s, "guid");
        }
        x.close("Sets");
    }
    x.close("CodeBook");
    x.out
}

fn g(id: Uuid) -> String {
    id.hyphenated().to_string()
}

fn codes(x: &mut Xml, list: &[Code], with_notes: bool) {
    x.open("Codes", &[]);
    for c in list {
        code(x, c, with_notes);
    }
    x.close("Codes");
}

fn code(x: &mut Xml, c: &Code, with_notes: bool) {
    let mut attrs = vec![
        ("guid", g(c.guid)),
        ("name", c.name.clone()),
        ("isCodable", c.codable.to_string()),
    ];
    if let Some(color) = &c.color {
        attrs.push(("color", color.clone()));
    }
    // The codebook schema has no notes on codes.
    let note_refs = if with_notes { &c.note_refs[..] } else { &[] };
    if c.description.is_empty() && note_refs.is_empty() && c.children.is_empty() {
        x.empty("Code", &attrs);
        return;
    }
    x.open("Code", &attrs);
    if !c.description.is_empty() {
        x.text("Description", &c.description);
    }
    refs(x, "NoteRef", note_refs);
    for child in &c.children {
        code(x, child, with_notes);
    }
    x.close("Code");
}

fn refs(x: &mut Xml, element: &str, targets: &[Uuid]) {
    for t in targets {
        x.empty(element, &[("targetGUID", g(*t))]);
    }
}

fn values(x: &mut Xml, values: &[VariableValue]) {
    for v in values {
        x.open("VariableValue", &[]);
        x.empty("VariableRef", &[("targetGUID", g(v.variable))]);
        x.text(v.kind.element(), &v.value);
        x.close("VariableValue");
    }
}

fn case(x: &mut Xml, c: &Case) {
    x.open("Case", &[("guid", g(c.guid)), ("name", c.name.clone())]);
    if !c.description.is_empty() {
        x.text("Description", &c.description);
    }
    refs(x, "CodeRef", &c.code_refs);
    values(x, &c.values);
    refs(x, "SourceRef", &c.sources);
    refs(x, "SelectionRef", &c.selections);
    x.close("Case");
}

/// Who made something and when, as the optional attributes every dated element takes.
fn stamp(attrs: &mut Vec<(&'static str, String)>, user: Option<Uuid>, at: &Option<String>) {
    if let Some(user) = user {
        attrs.push(("creatingUser", g(user)));
    }
    if let Some(at) = at {
        attrs.push(("creationDateTime", at.clone()));
    }
}

fn source(x: &mut Xml, s: &TextSource) {
    let mut attrs = vec![("guid", g(s.guid)), ("name", s.name.clone())];
    if let Some(path) = &s.plain_text_path {
        attrs.push(("plainTextPath", path.clone()));
    }
    stamp(&mut attrs, s.creating_user, &s.created);
    x.open("TextSource", &attrs);
    if !s.description.is_empty() {
        x.text("Description", &s.description);
    }
    if let Some(content) = &s.content {
        x.text("PlainTextContent", content);
    }
    for sel in &s.selections {
        selection(x, sel);
    }
    for c in &s.codings {
        coding(x, c);
    }
    refs(x, "NoteRef", &s.note_refs);
    values(x, &s.values);
    x.close("TextSource");
}

fn selection(x: &mut Xml, s: &Selection) {
    let mut attrs = vec![
        ("guid", g(s.guid)),
        ("name", s.name.clone()),
        ("startPosition", s.start.to_string()),
        ("endPosition", s.end.to_string()),
    ];
    stamp(&mut attrs, s.creating_user, &s.created);
    if s.description.is_empty() && s.codings.is_empty() && s.note_refs.is_empty() {
        x.empty("PlainTextSelection", &attrs);
        return;
    }
    x.open("PlainTextSelection", &attrs);
    if !s.description.is_empty() {
        x.text("Description", &s.description);
    }
    for c in &s.codings {
        coding(x, c);
    }
    refs(x, "NoteRef", &s.note_refs);
    x.close("PlainTextSelection");
}

fn coding(x: &mut Xml, c: &Coding) {
    let mut attrs = vec![("guid", g(c.guid))];
    stamp(&mut attrs, c.creating_user, &c.created);
    x.open("Coding", &attrs);
    x.empty("CodeRef", &[("targetGUID", g(c.code))]);
    refs(x, "NoteRef", &c.note_refs);
    x.close("Coding");
}

fn note(x: &mut Xml, n: &Note) {
    let mut attrs = vec![("guid", g(n.guid)), ("name", n.name.clone())];
    if let Some(path) = &n.plain_text_path {
        attrs.push(("plainTextPath", path.clone()));
    }
    stamp(&mut attrs, n.creating_user, &n.created);
    x.open("Note", &attrs);
    if let Some(content) = &n.content {
        x.text("PlainTextContent", content);
    }
    x.close("Note");
}

fn set(x: &mut Xml, s: &Set, member_attr: &str) {
    x.open("Set", &[("guid", g(s.guid)), ("name", s.name.clone())]);
    if !s.description.is_empty() {
        x.text("Description", &s.description);
    }
    for (element, targets) in [
        ("MemberCode", &s.codes),
        ("MemberSource", &s.sources),
        ("MemberNote", &s.notes),
    ] {
        for t in targets {
            x.empty(element, &[(member_attr, g(*t))]);
        }
    }
    x.close("Set");
}

/// Indented XML, escaped as it goes.
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn new() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            depth: 0,
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str(" />\n");
    }

    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name>text</name>` on one line (the text itself may hold line breaks).
    fn text(&mut self, name: &str, text: &str) {
        self.start(name, &[]);
        self.out.push('>');
        escape(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }
}

/// Escapes markup; in attributes also line breaks and tabs (a parser would turn them into
/// spaces). Characters XML 1.0 cannot carry at all (control characters) become U+FFFD.
fn escape(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Whether XML 1.0 allows the character in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::refi::xml::{dom, read};

    #[test]
    fn what_is_written_reads_back_the_same() {
        let project = Project {
            name: "Étude \"test\" & <co>".into(),
            origin: "grille".into(),
            codes: vec![Code {
                guid: Uuid::from_u128(1),
                name: "ligne 1\nligne 2\ttab".into(),
                codable: true,
                color: Some("#aa3355".into()),
                description: "a < b & c\nsuite".into(),
                note_refs: vec![],
                children: vec![Code {
                    guid: Uuid::from_u128(2),
                    name: "enfant \u{1}".into(),
                    codable: false,
                    color: None,
                    description: String::new(),
                    note_refs: vec![],
                    children: vec![],
                    line: 0,
                }],
                line: 0,
            }],
            ..Project::default()
        };
        let xml = super::project(&project);
        let root = dom::parse(&xml).unwrap();
        let (kind, back) = read::project(&root).unwrap();
        assert_eq!(kind, read::Root::Project);
        assert_eq!(back.name, project.name);
        let code = &back.codes[0];
        assert_eq!(code.name, "ligne 1\nligne 2\ttab");
        assert_eq!(code.description, "a < b & c\nsuite");
        assert_eq!(code.color.as_deref(), Some("#aa3355"));
        assert_eq!(
            code.children[0].name, "enfant \u{FFFD}",
            "control characters replaced"
        );
        assert!(!code.children[0].codable);
        let qdc = super::codebook(&project);
        assert!(qdc.contains("xmlns=\"urn:QDA-XML:codebook:1.0\""));
        let (kind, back) = read::project(&dom::parse(&qdc).unwrap()).unwrap();
        assert_eq!(kind, read::Root::CodeBook);
        assert_eq!(back.codes[0].children[0].guid, Uuid::from_u128(2));
    }
}
