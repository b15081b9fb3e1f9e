//! Word (`.docx`) and LibreOffice (`.odt`) documents: a zip of XML, read with `zip` and
//! quick-xml, no converter. Paragraphs, headings, a bold speaker name at the start of a
//! paragraph, and tables of `speaker | text` or `time | text` (or `time | speaker | text`)
//! become lines for the text reader, which finds the turns as it does in a `.txt`.

use std::collections::HashSet;
use std::io::Read as _;

use super::xml::{self, Element, Node};
use crate::interop::import::conventions::{leading_time, split_label};

/// What a document holds, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph {
        text: String,
        /// The bold text the paragraph starts with (a speaker's name, often).
        bold: String,
        heading: bool,
    },
    Row(Vec<String>),
}

/// A document that cannot be read: the zip or the XML inside, with the line when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub line: Option<usize>,
    pub defect: crate::interop::import::Defect,
}

/// The XML file `name` inside the zip `bytes`.
fn part(bytes: &[u8], name: &str) -> Result<String, Unreadable> {
    let zip_error = |e: zip::result::ZipError| Unreadable {
        line: None,
        defect: crate::interop::import::Defect::Syntax(e.to_string()),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(zip_error)?;
    let mut file = archive.by_name(name).map_err(zip_error)?;
    let mut text = String::new();
    file.read_to_string(&mut text).map_err(|e| Unreadable {
        line: None,
        defect: crate::interop::import::Defect::Syntax(format!("{name}: {e}")),
    })?;
    Ok(text)
}

fn tree(text: &str) -> Result<Element, Unreadable> {
    xml::parse(text, false).map_err(|b| Unreadable {
        line: Some(b.line),
        defect: b.defect,
    })
}

/// The blocks of a `.docx`.
pub fn docx(bytes: &[u8]) -> Result<Vec<Block>, Unreadable> {
    let root = tree(&part(bytes, "word/document.xml")?)?;
    let mut blocks = Vec::new();
    if let Some(body) = root.first("body") {
        docx_blocks(body, &mut blocks);
    }
    Ok(blocks)
}

fn docx_blocks(parent: &Element, blocks: &mut Vec<Block>) {
    for el in parent.elements() {
        match el.name.as_str() {
            "p" => blocks.push(docx_paragraph(el)),
            "tbl" => {
                for row in el.all("tr") {
                    let cells = row
                        .all("tc")
                        .map(|cell| {
                            let mut inner = Vec::new();
                            docx_blocks(cell, &mut inner);
                            join_cell(&inner)
                        })
                        .collect();
                    blocks.push(Block::Row(cells));
                }
            }
            // Content controls and tracked insertions hold paragraphs too.
            "sdt" | "sdtContent" | "ins" | "customXml" => docx_blocks(el, blocks),
            _ => {}
        }
    }
}

fn docx_paragraph(p: &Element) -> Block {
    let style = p
        .first("pPr")
        .and_then(|pr| pr.first("pStyle"))
        .and_then(|s| s.attr("val"))
        .unwrap_or("");
    let folded = style.to_ascii_lowercase();
    let heading = folded.starts_with("heading")
        || folded.starts_with("titre")
        || folded == "title"
        || folded.starts_with("berschrift");
    let (mut text, mut bold, mut in_bold_prefix) = (String::new(), String::new(), true);
    docx_runs(p, &mut text, &mut bold, &mut in_bold_prefix);
    Block::Paragraph {
        text,
        bold,
        heading,
    }
}

/// The text of a paragraph's runs (`w:r`, inside links and insertions too; deletions left out)
/// and the bold text it starts with.
fn docx_runs(parent: &Element, text: &mut String, bold: &mut String, in_prefix: &mut bool) {
    for el in parent.elements() {
        match el.name.as_str() {
            "r" => {
                let is_bold = el
                    .first("rPr")
                    .and_then(|pr| pr.first("b"))
                    .is_some_and(|b| !matches!(b.attr("val"), Some("0" | "false" | "off")));
                let mut run = String::new();
                for part in el.elements() {
                    match part.name.as_str() {
                        "t" => run.push_str(&part.text()),
                        "tab" => run.push('\t'),
                        "br" | "cr" => run.push('\n'),
                        _ => {}
                    }
                }
                if *in_prefix && is_bold {
                    bold.push_str(&run);
                } else if !run.trim().is_empty() {
                    *in_prefix = false;
                }
                text.push_str(&run);
            }
            "hyperlink" | "ins" | "smartTag" | "sdt" | "sdtContent" | "fldSimple" => {
                docx_runs(el, text, bold, in_prefix)
            }
            _ => {} // w:del, properties, bookmarks
        }
    }
}

/// The blocks of an `.odt`.
pub fn odt(bytes: &[u8]) -> Result<Vec<Block>, Unreadable> {
    let root = tree(&part(bytes, "content.xml")?)?;
    let bold = odt_bold_styles(&root);
    let mut blocks = Vec::new();
    if let Some(text) = root.first("body").and_then(|b| b.first("text")) {
        odt_blocks(text, &bold, &mut blocks);
    }
    Ok(blocks)
}

/// The automatic styles that make text bold.
fn odt_bold_styles(root: &Element) -> HashSet<String> {
    let mut bold = HashSet::new();
    if let Some(styles) = root.first("automatic-styles") {
        for style in styles.all("style") {
            let is_bold = style
                .first("text-properties")
                .and_then(|p| p.attr("font-weight"))
                .is_some_and(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
            if let (true, Some(name)) = (is_bold, style.attr("name")) {
                bold.insert(name.to_owned());
            }
        }
    }
    bold
}

fn odt_blocks(parent: &Element, bold: &HashSet<String>, blocks: &mut Vec<Block>) {
    for el in parent.elements() {
        match el.name.as_str() {
            "p" | "h" => {
                let (mut text, mut prefix, mut in_prefix) = (String::new(), String::new(), true);
                let para_bold = el.attr("style-name").is_some_and(|s| bold.contains(s));
                odt_text(el, bold, para_bold, &mut text, &mut prefix, &mut in_prefix);
                blocks.push(Block::Paragraph {
                    text,
                    bold: prefix,
                    heading: el.name == "h",
                });
            }
            "table" => {
                let mut rows = Vec::new();
                el.descendants("table-row", &mut rows);
                for row in rows {
                    let cells = row
                        .all("table-cell")
                        .map(|cell| {
                            let mut inner = Vec::new();
                            odt_blocks(cell, bold, &mut inner);
                            join_cell(&inner)
                        })
                        .collect();
                    blocks.push(Block::Row(cells));
                }
            }
            "list" | "list-item" | "section" | "list-header" => odt_blocks(el, bold, blocks),
            _ => {}
        }
    }
}

fn odt_text(
    el: &Element,
    bold: &HashSet<String>,
    is_bold: bool,
    text: &mut String,
    prefix: &mut String,
    in_prefix: &mut bool,
) {
    for node in &el.children {
        let piece = match node {
            Node::Text(t) => t.clone(),
            Node::Element(child) => match child.name.as_str() {
                "s" => " ".repeat(child.attr("c").and_then(|c| c.parse().ok()).unwrap_or(1)),
                "tab" => "\t".into(),
                "line-break" => "\n".into(),
                "span" | "a" => {
                    let span_bold =
                        is_bold || child.attr("style-name").is_some_and(|s| bold.contains(s));
                    odt_text(child, bold, span_bold, text, prefix, in_prefix);
                    continue;
                }
                _ => continue, // notes, annotations, bookmarks
            },
        };
        if *in_prefix && is_bold {
            prefix.push_str(&piece);
        } else if !piece.trim().is_empty() {
            *in_prefix = false;
        }
        text.push_str(&piece);
    }
}

/// A table cell's paragraphs on one line.
fn join_cell(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.trim().to_owned(),
            Block::Row(cells) => cells.join(" "),
        })
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The document as the text reader reads it: a paragraph per block, blank lines between.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let line = match block {
            Block::Paragraph { text, heading, .. } if *heading => {
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                format!("# {text}")
            }
            Block::Paragraph { text, bold, .. } => with_bold_label(text, bold),
            Block::Row(cells) => row_line(cells),
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

/// `**Mme B.** Oui` in Word is `Mme B. : Oui`: a bold name opening a paragraph is a label
/// when it is shaped like one (the text reader still decides over the whole file).
fn with_bold_label(text: &str, bold: &str) -> String {
    let name = bold.trim();
    let rest = text.trim_start()[text.trim_start().len().min(bold.trim_start().len())..].trim();
    let shaped = split_label(&format!("{name} : x")).is_some_and(|(label, _)| label == name);
    if name.is_empty() || name.ends_with(':') || rest.is_empty() || !shaped || rest.starts_with(':')
    {
        return text.trim().to_owned();
    }
    format!("{name} : {rest}")
}

/// A table row: `time | text`, `speaker | text` or `time | speaker | text`.
fn row_line(cells: &[String]) -> String {
    let cells: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let is_time = |c: &str| {
        let c = c.trim_end_matches(':').trim();
        leading_time(c).is_some_and(|(_, rest)| rest.is_empty())
            || leading_time(&format!("[{c}]")).is_some_and(|(_, rest)| rest.is_empty())
    };
    let time = |c: &str| {
        let c = c.trim_end_matches(':').trim();
        match leading_time(c) {
            Some(_) => c.to_owned(),
            None => format!("[{c}]"),
        }
    };
    match cells.as_slice() {
        [] => String::new(),
        [a, b] if is_time(a) => format!("{} {b}", time(a)),
        [a, b] => format!("{} : {b}", a.trim_end_matches(':').trim()),
        [a, b, c] if is_time(a) => format!("{} {} : {c}", time(a), b.trim_end_matches(':').trim()),
        other => other.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_names_and_table_rows_become_labelled_lines() {
        assert_eq!(
            with_bold_label("Mme B. Oui, bien sûr.", "Mme B."),
            "Mme B. : Oui, bien sûr."
        );
        assert_eq!(with_bold_label("ENQ : Alors ?", "ENQ :"), "ENQ : Alors ?");
        // Bold inside a sentence, or a bold sentence, is emphasis.
        assert_eq!(
            with_bold_label(
                "Jamais, vous m'entendez, jamais.",
                "Jamais, vous m'entendez,"
            ),
            "Jamais, vous m'entendez, jamais."
        );
        assert_eq!(
            row_line(&["19m 13s:".into(), "Jump right in.".into()]),
            "19m 13s Jump right in."
        );
        assert_eq!(
            row_line(&["ENQ".into(), "Bonjour.".into()]),
            "ENQ : Bonjour."
        );
        assert_eq!(
            row_line(&["00:01:15".into(), "R03".into(), "Oui.".into()]),
            "00:01:15 R03 : Oui."
        );
        assert_eq!(row_line(&["".into(), "".into()]), "");
    }
}
