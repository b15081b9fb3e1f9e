//! The report as a Word document (docx-rs): real heading styles (Heading 1–6, in Word's
//! navigation pane and table of contents), tables with a bold header row and numbers on the
//! right, quotes in the Quote style, charts as pictures.

use std::collections::BTreeMap;

use docx_rs::{
    AlignmentType, Docx, Paragraph, Pic, Run as DocxRun, SpecialIndentType, Style, StyleType,
    Table as DocxTable, TableCell, TableRow,
};

use super::blocks::{Block, Run, Table};
use super::picture;

/// Widest a picture may be: the text width of an A4 page with 2 cm margins, in EMU.
const MAX_WIDTH_EMU: f64 = 6_120_000.0;
const EMU_PER_PX: f64 = 9_525.0;

pub fn render(blocks: &[Block], charts: &BTreeMap<String, String>) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new();
    for level in 1..=6u8 {
        let size = [40, 32, 28, 24, 22, 22][level as usize - 1];
        doc = doc.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .size(size)
                .bold(),
        );
    }
    doc = doc.add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .italic()
            .indent(Some(567), None, None, None),
    );
    let mut pictures = BTreeMap::new();
    for block in blocks {
        doc = add(doc, block, charts, &mut pictures, None)?;
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| format!("docx: {e}"))?;
    Ok(out.into_inner())
}

fn add(
    mut doc: Docx,
    block: &Block,
    charts: &BTreeMap<String, String>,
    pictures: &mut BTreeMap<String, Vec<u8>>,
    style: Option<&str>,
) -> Result<Docx, String> {
    Ok(match block {
        Block::Heading(level, runs) => doc.add_paragraph(
            paragraph(runs)
                .style(&format!("Heading{level}"))
                .outline_lvl(*level as usize - 1),
        ),
        Block::Paragraph(runs) => {
            let p = paragraph(runs);
            doc.add_paragraph(match style {
                Some(s) => p.style(s),
                None => p,
            })
        }
        Block::Quote(inner) => {
            for b in inner {
                doc = add(doc, b, charts, pictures, Some("Quote"))?;
            }
            doc
        }
        Block::List(items) => {
            for item in items {
                let mut first = true;
                for b in item {
                    match b {
                        Block::Paragraph(runs) => {
                            let mut all = vec![Run {
                                text: if first { "•\t" } else { "\t" }.into(),
                                bold: false,
                                italic: false,
                            }];
                            all.extend(runs.iter().cloned());
                            doc = doc.add_paragraph(paragraph(&all).indent(
                                Some(360),
                                Some(SpecialIndentType::Hanging(360)),
                                None,
                                None,
                            ));
                        }
                        other => doc = add(doc, other, charts, pictures, style)?,
                    }
                    first = false;
                }
            }
            doc
        }
        Block::Table(t) => doc.add_table(table(t)),
        Block::Chart(id) => {
            let Some(svg) = charts.get(id) else {
                return Ok(doc);
            };
            let png = match pictures.get(id) {
                Some(p) => p.clone(),
                None => {
                    let p = picture::png(svg)?;
                    pictures.insert(id.clone(), p.clone());
                    p
                }
            };
            let (w, h) = picture::size(svg).unwrap_or((760.0, 400.0));
            let scale = (MAX_WIDTH_EMU / (w * EMU_PER_PX)).min(1.0);
            let pic = Pic::new_with_dimensions(png, (w * 2.0) as u32, (h * 2.0) as u32).size(
                (w * EMU_PER_PX * scale) as u32,
                (h * EMU_PER_PX * scale) as u32,
            );
            doc.add_paragraph(Paragraph::new().add_run(DocxRun::new().add_image(pic)))
        }
    })
}

fn paragraph(runs: &[Run]) -> Paragraph {
    runs.iter().fold(Paragraph::new(), |p, r| {
        let mut run = DocxRun::new();
        // A tab in the text is a tab stop (the bullet of a list item).
        for (i, part) in r.text.split('\t').enumerate() {
            if i > 0 {
                run = run.add_tab();
            }
            if !part.is_empty() {
                run = run.add_text(part);
            }
        }
        if r.bold {
            run = run.bold();
        }
        if r.italic {
            run = run.italic();
        }
        p.add_run(run)
    })
}

fn table(t: &Table) -> DocxTable {
    let cell = |runs: &[Run], column: usize, header: bool| {
        let mut p = paragraph(runs);
        if header {
            p = runs.iter().fold(Paragraph::new(), |p, r| {
                p.add_run(DocxRun::new().add_text(&r.text).bold())
            });
        }
        if t.right.get(column).copied().unwrap_or(false) {
            p = p.align(AlignmentType::Right);
        }
        TableCell::new().add_paragraph(p)
    };
    let mut rows = vec![TableRow::new(
        t.header
            .iter()
            .enumerate()
            .map(|(i, c)| cell(c, i, true))
            .collect(),
    )];
    rows.extend(t.rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .enumerate()
                .map(|(i, c)| cell(c, i, false))
                .collect(),
        )
    }));
    DocxTable::new(rows)
}
