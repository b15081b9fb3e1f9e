//! A small element tree read from REFI-QDA XML with quick-xml, with the limits that keep a
//! hostile file from exhausting the machine: no DTD (so no entity expansion), a bounded depth,
//! bounded attribute and text sizes. Names are local (prefixes dropped): tools write the
//! QDA-XML namespaces in several versions (`urn:QDA-XML:project:1.0`, `codebook:0:4`…) or none,
//! and the element names are what matters.

use quick_xml::Reader;
use quick_xml::encoding::Decoder;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// How deep elements may nest. Real files nest codes a dozen deep at most.
pub const MAX_DEPTH: usize = 256;
/// The longest attribute value read (a code name, a selection's quoted text).
pub const MAX_ATTRIBUTE_BYTES: usize = 1 << 20;
/// The longest text of one element (a note, an inline source).
pub const MAX_TEXT_BYTES: usize = 64 << 20;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Element {
    /// The local name (`Code`, not `qda:Code`).
    pub name: String,
    /// Attributes by local name, in document order, values unescaped.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The character data directly inside the element, entities resolved.
    pub text: String,
    /// The line (from 1) the element starts on, for messages.
    pub line: usize,
}

/// Why a document was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum XmlError {
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
    #[error("line {line}: a document type declaration (<!DOCTYPE>); REFI-QDA files have none")]
    Doctype { line: usize },
    #[error("line {line}: unknown entity &{name};")]
    Entity { line: usize, name: String },
    #[error("line {line}: elements nested deeper than {MAX_DEPTH}")]
    TooDeep { line: usize },
    #[error(
        "line {line}: attribute \"{name}\" is longer than {} bytes",
        MAX_ATTRIBUTE_BYTES
    )]
    HugeAttribute { line: usize, name: String },
    #[error(
        "line {line}: text of <{element}> is longer than {} bytes",
        MAX_TEXT_BYTES
    )]
    HugeText { line: usize, element: String },
    #[error("no root element")]
    Empty,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn first(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child named `name` (`<Description>…</Description>`).
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.first(name).map(|e| e.text.as_str())
    }
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    let lines = LineIndex::new(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| XmlError::Malformed {
            line: lines.line(reader.error_position() as usize),
            message: e.to_string(),
        })?;
        let line = || lines.line(at);
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError::TooDeep { line: line() });
                }
                stack.push(element(&start, reader.decoder(), line())?);
            }
            Event::Empty(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError::TooDeep { line: line() });
                }
                let done = element(&start, reader.decoder(), line())?;
                close(&mut stack, &mut root, done, line())?;
            }
            Event::End(_) => {
                let done = stack.pop().ok_or_else(|| XmlError::Malformed {
                    line: line(),
                    message: "closing tag without an opening one".into(),
                })?;
                close(&mut stack, &mut root, done, line())?;
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| malformed(line(), e))?;
                push_text(&mut stack, &s, line())?;
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| malformed(line(), e))?;
                push_text(&mut stack, &s, line())?;
            }
            Event::GeneralRef(r) => {
                let c = resolve(&r, line())?;
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]), line())?;
            }
            Event::DocType(_) => return Err(XmlError::Doctype { line: line() }),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(XmlError::Malformed {
            line: lines.line(text.len()),
            message: format!("<{}> is not closed", open.name),
        });
    }
    root.ok_or(XmlError::Empty)
}

fn malformed(line: usize, e: impl std::fmt::Display) -> XmlError {
    XmlError::Malformed {
        line,
        message: e.to_string(),
    }
}

/// Attaches a finished element to its parent, or makes it the root.
fn close(
    stack: &mut [Element],
    root: &mut Option<Element>,
    done: Element,
    line: usize,
) -> Result<(), XmlError> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None if root.is_none() => *root = Some(done),
        None => {
            return Err(XmlError::Malformed {
                line,
                message: "a second root element".into(),
            });
        }
    }
    Ok(())
}

fn push_text(stack: &mut [Element], s: &str, line: usize) -> Result<(), XmlError> {
    let Some(current) = stack.last_mut() else {
        // Whitespace around the root is allowed; anything else is not XML.
        if s.trim().is_empty() {
            return Ok(());
        }
        return Err(XmlError::Malformed {
            line,
            message: "text outside the root element".into(),
        });
    };
    if current.text.len() + s.len() > MAX_TEXT_BYTES {
        return Err(XmlError::HugeText {
            line,
            element: current.name.clone(),
        });
    }
    current.text.push_str(s);
    Ok(())
}

/// `&lt;` and the other four predefined entities, and character references; anything else
/// would need a DTD, which is refused.
fn resolve(r: &BytesRef, line: usize) -> Result<char, XmlError> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c),
            Ok(None) | Err(_) => Err(XmlError::Malformed {
                line,
                message: format!(
                    "bad character reference &{};",
                    String::from_utf8_lossy(r.as_ref())
                ),
            }),
        };
    }
    let name = r.decode().map_err(|e| malformed(line, e))?;
    match name.as_ref() {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        other => Err(XmlError::Entity {
            line,
            name: other.chars().take(64).collect(),
        }),
    }
}

fn element(start: &BytesStart, decoder: Decoder, line: usize) -> Result<Element, XmlError> {
    let name = local(start.name().as_ref());
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| malformed(line, e))?;
        let key = attr.key.as_ref();
        // Namespace declarations say nothing the reader needs.
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            continue;
        }
        let key = local(key);
        if attr.value.len() > MAX_ATTRIBUTE_BYTES {
            return Err(XmlError::HugeAttribute { line, name: key });
        }
        let value =
            attr.decode_and_unescape_value(decoder)
                .map_err(|e| match e {
                    quick_xml::Error::Escape(
                        quick_xml::escape::EscapeError::UnrecognizedEntity(_, name),
                    ) => XmlError::Entity { line, name },
                    e => malformed(line, e),
                })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        line,
        ..Element::default()
    })
}

/// The local part of a qualified name, as text.
fn local(name: &[u8]) -> String {
    let local = match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(local).into_owned()
}

/// Byte offsets to line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_elements_attributes_and_text_with_entities() {
        let doc = "<?xml version=\"1.0\"?>\n<q:Project xmlns:q=\"urn:QDA-XML:project:1.0\" name=\"A &amp; B\">\n  <q:Description>l&apos;&#233;t&#xE9; &lt;3<![CDATA[ <x> ]]></q:Description>\n  <Code guid=\"1\" name=\"a&#10;b\"/>\n</q:Project>";
        let root = parse(doc).unwrap();
        assert_eq!(root.name, "Project");
        assert_eq!(root.attr("name"), Some("A & B"));
        assert_eq!(root.child_text("Description"), Some("l'été <3 <x> "));
        let code = root.first("Code").unwrap();
        assert_eq!(code.attr("name"), Some("a\nb"));
        assert_eq!(code.line, 4);
    }

    #[test]
    fn refuses_a_dtd_and_unknown_entities() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<Project name=\"&lol2;\"/>";
        assert_eq!(parse(bomb), Err(XmlError::Doctype { line: 2 }));
        assert!(matches!(
            parse("<Project name=\"&lol;\"/>"),
            Err(XmlError::Entity { name, .. }) if name == "lol"
        ));
        assert!(matches!(
            parse("<Project>&lol;</Project>"),
            Err(XmlError::Entity { name, .. }) if name == "lol"
        ));
    }

    #[test]
    fn refuses_deep_nesting_huge_attributes_and_broken_documents() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(matches!(parse(&deep), Err(XmlError::TooDeep { .. })));
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let huge = format!("<a b=\"{}\"/>", "x".repeat(MAX_ATTRIBUTE_BYTES + 1));
        assert!(matches!(parse(&huge), Err(XmlError::HugeAttribute { .. })));
        assert!(matches!(
            parse("<a><b></a>"),
            Err(XmlError::Malformed { .. })
        ));
        assert!(matches!(parse("<a>"), Err(XmlError::Malformed { .. })));
        assert!(matches!(parse("<a/><b/>"), Err(XmlError::Malformed { .. })));
        assert_eq!(parse("  "), Err(XmlError::Empty));
    }
}
