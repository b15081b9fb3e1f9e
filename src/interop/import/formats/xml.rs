//! A small tree of an XML document, built with quick-xml: the XML formats (ELAN, Transcriber,
//! Word, LibreOffice, noScribe's XHTML) are read by walking it. Names are local (no prefix),
//! entities resolved, text kept as written.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::super::defect::Defect;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An XML file that does not parse, and the line of the trouble.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub line: usize,
    pub defect: Defect,
}

/// Parses `text` into its root element. `html` tolerates what XHTML writers leave (end tags
/// that do not match, HTML entities such as `&nbsp;`).
pub fn parse(text: &str, html: bool) -> Result<Element, Broken> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = !html;
    let mut stack: Vec<Element> = vec![Element::default()];
    let broken = |reader: &Reader<&[u8]>, message: String| Broken {
        line: line_of(text, reader.buffer_position() as usize),
        defect: Defect::Syntax(message),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| broken(&reader, e.to_string()))?;
        match event {
            Event::Start(start) => {
                stack.push(element(&start, reader.decoder()).map_err(|m| broken(&reader, m))?)
            }
            Event::Empty(start) => {
                let el = element(&start, reader.decoder()).map_err(|m| broken(&reader, m))?;
                push(&mut stack, Node::Element(el));
            }
            Event::End(_) if stack.len() > 1 => {
                let done = stack.pop().expect("checked");
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| broken(&reader, e.to_string()))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| broken(&reader, e.to_string()))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| broken(&reader, e.to_string()))?;
                let resolved: Cow<str> = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string().into(),
                    _ => match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(s) => s.into(),
                        None if html && name == "nbsp" => "\u{a0}".into(),
                        None if html => format!("&{name};").into(),
                        None => return Err(broken(&reader, format!("unknown entity &{name};"))),
                    },
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {} // declarations, comments, processing instructions, doctype
        }
    }
    // Elements left open (tolerated in HTML) are closed at the end.
    while stack.len() > 1 {
        let done = stack.pop().expect("checked");
        push(&mut stack, Node::Element(done));
    }
    let root = stack.pop().expect("the document node");
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| Broken {
            line: 1,
            defect: Defect::Missing("the root element".into()),
        })
}

fn element(start: &BytesStart, decoder: quick_xml::encoding::Decoder) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr
            .decode_and_unescape_value(decoder)
            .map(Cow::into_owned)
            .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).into_owned());
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn push(stack: &mut [Element], node: Node) {
    stack.last_mut().expect("never empty").children.push(node);
}

/// Text is appended to the text node before it: entities split a text into several events.
fn push_text(stack: &mut [Element], text: &str) {
    let children = &mut stack.last_mut().expect("never empty").children;
    if let Some(Node::Text(last)) = children.last_mut() {
        last.push_str(text);
    } else {
        children.push(Node::Text(text.to_owned()));
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    pub fn first<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
        self.all(name).next()
    }

    /// Every element named `name` under this one, at any depth, in document order.
    pub fn descendants<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Element>) {
        for child in self.elements() {
            if child.name == name {
                out.push(child);
            }
            child.descendants(name, out);
        }
    }

    /// All the text under this element, as written.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = std::str::from_utf8(head)
        .ok()
        .or_else(|| std::str::from_utf8(&head[..head.iter().position(|&b| b >= 0x80)?]).ok())?;
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_with_entities_attributes_and_prefixes() {
        let root = parse(
            r#"<?xml version="1.0"?><w:doc a="1 &amp; 2"><w:p>l&apos;hôtel &#233;t&#xE9;<![CDATA[ <x> ]]></w:p><w:br/></w:doc>"#,
            false,
        )
        .unwrap();
        assert_eq!(root.name, "doc");
        assert_eq!(root.attr("a"), Some("1 & 2"));
        assert_eq!(root.first("p").unwrap().text(), "l'hôtel été <x> ");
        assert_eq!(root.elements().count(), 2);
    }

    #[test]
    fn broken_xml_is_reported_at_its_line() {
        let err = parse("<a>\n<b>\n</c>\n</a>", false).unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
    }

    #[test]
    fn the_declared_encoding() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<Trans>\xe9"),
            Some("ISO-8859-1".into())
        );
        assert_eq!(declared_encoding(b"<?xml version='1.0'?><a/>"), None);
    }
}
