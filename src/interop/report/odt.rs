//! The report as an OpenDocument text (LibreOffice): a zip holding `content.xml` with real
//! headings (`text:h` with an outline level, in Heading styles), tables, quotes, and the charts
//! as SVG pictures (LibreOffice draws SVG itself). Written with zip and quick-xml's escaping;
//! the layout of an ODF package is small enough to be ours.

use std::collections::BTreeMap;
use std::io::Write;

use quick_xml::escape::escape;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::blocks::{Block, Run, Table};
use super::picture;

const MIME: &str = "application/vnd.oasis.opendocument.text";
/// Widest a picture may be: the text width of an A4 page with 2 cm margins.
const MAX_WIDTH_CM: f64 = 17.0;

pub fn render(blocks: &[Block], charts: &BTreeMap<String, String>) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    let mut used = Vec::new();
    let mut tables = 0;
    for block in blocks {
        write_block(&mut body, block, charts, &mut used, &mut tables, None);
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="Num" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #999999"/></style:style>
</office:automatic-styles>
<office:body>
<office:text>
{body}</office:text>
</office:body>
</office:document-content>
"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let err = |e: &dyn std::fmt::Display| format!("odt: {e}");
    // The mimetype first and uncompressed, as ODF readers look for it.
    zip.start_file("mimetype", stored).map_err(|e| err(&e))?;
    zip.write_all(MIME.as_bytes()).map_err(|e| err(&e))?;
    let mut manifest = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n",
    );
    manifest.push_str(&format!(
        " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{MIME}\"/>\n"
    ));
    let mut files: Vec<(String, Vec<u8>, &str)> = vec![
        ("content.xml".into(), content.into_bytes(), "text/xml"),
        ("styles.xml".into(), STYLES.as_bytes().to_vec(), "text/xml"),
    ];
    for id in &used {
        if let Some(svg) = charts.get(id) {
            files.push((
                format!("Pictures/{id}.svg"),
                svg.as_bytes().to_vec(),
                "image/svg+xml",
            ));
        }
    }
    for (name, _, media) in &files {
        manifest.push_str(&format!(
            " <manifest:file-entry manifest:full-path=\"{name}\" manifest:media-type=\"{media}\"/>\n"
        ));
    }
    manifest.push_str("</manifest:manifest>\n");
    files.push((
        "META-INF/manifest.xml".into(),
        manifest.into_bytes(),
        "text/xml",
    ));
    for (name, bytes, _) in files {
        zip.start_file(name, deflated).map_err(|e| err(&e))?;
        zip.write_all(&bytes).map_err(|e| err(&e))?;
    }
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}

fn write_block(
    out: &mut String,
    block: &Block,
    charts: &BTreeMap<String, String>,
    used: &mut Vec<String>,
    tables: &mut usize,
    style: Option<&str>,
) {
    match block {
        Block::Heading(level, r) => out.push_str(&format!(
            "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>\n",
            spans(r)
        )),
        Block::Paragraph(r) => out.push_str(&format!(
            "<text:p text:style-name=\"{}\">{}</text:p>\n",
            style.unwrap_or("Text_20_body"),
            spans(r)
        )),
        Block::Quote(inner) => {
            for b in inner {
                write_block(out, b, charts, used, tables, Some("Quotations"));
            }
        }
        Block::List(items) => {
            out.push_str("<text:list text:style-name=\"Bullets\">\n");
            for item in items {
                out.push_str("<text:list-item>\n");
                for b in item {
                    write_block(out, b, charts, used, tables, Some("List_20_Contents"));
                }
                out.push_str("</text:list-item>\n");
            }
            out.push_str("</text:list>\n");
        }
        Block::Table(t) => {
            *tables += 1;
            write_table(out, t, *tables);
        }
        Block::Chart(id) => {
            let Some(svg) = charts.get(id) else { return };
            if !used.contains(id) {
                used.push(id.clone());
            }
            let (w, h) = picture::size(svg).unwrap_or((760.0, 400.0));
            let cm = |px: f64| px * 2.54 / 96.0;
            let scale = (MAX_WIDTH_CM / cm(w)).min(1.0);
            out.push_str(&format!(
                "<text:p text:style-name=\"Text_20_body\"><draw:frame draw:name=\"{id}\" text:anchor-type=\"as-char\" svg:width=\"{:.2}cm\" svg:height=\"{:.2}cm\"><draw:image xlink:href=\"Pictures/{id}.svg\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame></text:p>\n",
                cm(w) * scale,
                cm(h) * scale
            ));
        }
    }
}

fn write_table(out: &mut String, t: &Table, n: usize) {
    let columns = t.header.len();
    out.push_str(&format!(
        "<table:table table:name=\"Table{n}\">\n<table:table-column table:number-columns-repeated=\"{columns}\"/>\n<table:table-header-rows>\n"
    ));
    row(out, t, &t.header, true);
    out.push_str("</table:table-header-rows>\n");
    for r in &t.rows {
        row(out, t, r, false);
    }
    out.push_str("</table:table>\n");
}

fn row(out: &mut String, t: &Table, cells: &[Vec<Run>], header: bool) {
    out.push_str("<table:table-row>");
    for (i, c) in cells.iter().enumerate() {
        let style = if header {
            "Table_20_Heading"
        } else if t.right.get(i).copied().unwrap_or(false) {
            "Num"
        } else {
            "Table_20_Contents"
        };
        out.push_str(&format!(
            "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"{style}\">{}</text:p></table:table-cell>",
            spans(c)
        ));
    }
    out.push_str("</table:table-row>\n");
}

/// Runs as text spans: bold and italic through the automatic styles.
fn spans(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            let text = escape(&r.text);
            match (r.bold, r.italic) {
                (false, false) => text.into_owned(),
                (true, false) => format!("<text:span text:style-name=\"B\">{text}</text:span>"),
                (false, true) => format!("<text:span text:style-name=\"I\">{text}</text:span>"),
                (true, true) => format!("<text:span text:style-name=\"BI\">{text}</text:span>"),
            }
        })
        .collect()
}

/// The named styles: headings (with their outline level, so LibreOffice's navigator and table
/// of contents see them), body text, quotations, table contents and headings.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="20pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:break-before="page"/><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Heading_20_5" style:display-name="Heading 5" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="5" style:class="text"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Heading_20_6" style:display-name="Heading 6" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="6" style:class="text"><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="list"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
</office:document-styles>
"#;
