//! The report's Markdown as blocks a word processor has: headings, paragraphs, quotes, lists,
//! tables and charts, with bold and italic runs. DOCX and ODT are written from these, so the
//! template's layout reaches every format.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 (the title) to 6.
    Heading(u8, Vec<Run>),
    Paragraph(Vec<Run>),
    Quote(Vec<Block>),
    /// One entry per item, each its blocks.
    List(Vec<Vec<Block>>),
    Table(Table),
    /// A chart by its id in the draft.
    Chart(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Right-aligned (numbers) or not, per column.
    pub right: Vec<bool>,
    pub header: Vec<Vec<Run>>,
    pub rows: Vec<Vec<Vec<Run>>>,
}

/// What is being built while the events arrive.
enum Open {
    Blocks(Vec<Block>),
    Runs(Vec<Run>),
    Table(Table, Vec<Vec<Run>>),
}

pub fn parse(markdown: &str) -> Vec<Block> {
    let mut stack: Vec<Open> = vec![Open::Blocks(Vec::new())];
    let (mut bold, mut italic) = (0, 0);
    let mut in_image = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => {
                flush(&mut stack);
                stack.push(Open::Runs(Vec::new()))
            }
            Event::End(TagEnd::Paragraph) => {
                let runs = runs(stack.pop());
                if !runs.is_empty() {
                    push(&mut stack, Block::Paragraph(runs));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let runs = runs(stack.pop());
                push(&mut stack, Block::Heading(level_number(level), runs));
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                flush(&mut stack);
                stack.push(Open::Blocks(Vec::new()))
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut stack);
                let inner = blocks(stack.pop());
                push(&mut stack, Block::Quote(inner));
            }
            Event::End(TagEnd::Item) => {
                flush(&mut stack);
                let inner = blocks(stack.pop());
                // Each item as a one-item list until the list gathers them.
                push(&mut stack, Block::List(vec![inner]));
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut stack);
                let items = blocks(stack.pop())
                    .into_iter()
                    .filter_map(|b| match b {
                        Block::List(mut one) => one.pop(),
                        _ => None,
                    })
                    .collect();
                push(&mut stack, Block::List(items));
            }
            Event::Start(Tag::Table(align)) => {
                flush(&mut stack);
                let right = align.iter().map(|a| *a == Alignment::Right).collect();
                stack.push(Open::Table(
                    Table {
                        right,
                        header: Vec::new(),
                        rows: Vec::new(),
                    },
                    Vec::new(),
                ));
            }
            Event::Start(Tag::TableCell) => stack.push(Open::Runs(Vec::new())),
            Event::End(TagEnd::TableCell) => {
                let cell = runs(stack.pop());
                if let Some(Open::Table(_, row)) = stack.last_mut() {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(Open::Table(t, row)) = stack.last_mut() {
                    t.header = std::mem::take(row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(Open::Table(t, row)) = stack.last_mut() {
                    t.rows.push(std::mem::take(row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(Open::Table(t, _)) = stack.pop() {
                    push(&mut stack, Block::Table(t));
                }
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold -= 1,
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic -= 1,
            Event::Start(Tag::Image { dest_url, .. }) => {
                in_image = true;
                if let Some(id) = dest_url.strip_prefix(super::CHART) {
                    // A chart stands alone: it ends the paragraph it is in.
                    let before = runs(stack.pop());
                    if !before.is_empty() {
                        push(&mut stack, Block::Paragraph(before));
                    }
                    push(&mut stack, Block::Chart(id.to_owned()));
                    stack.push(Open::Runs(Vec::new()));
                }
            }
            Event::End(TagEnd::Image) => in_image = false,
            Event::Text(text) | Event::Code(text) if !in_image => {
                text_run(&mut stack, &text, bold > 0, italic > 0)
            }
            Event::SoftBreak | Event::HardBreak => text_run(&mut stack, " ", bold > 0, italic > 0),
            _ => {}
        }
    }
    flush(&mut stack);
    blocks(stack.pop())
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn runs(open: Option<Open>) -> Vec<Run> {
    match open {
        Some(Open::Runs(r)) => r,
        _ => Vec::new(),
    }
}

fn blocks(open: Option<Open>) -> Vec<Block> {
    match open {
        Some(Open::Blocks(b)) => b,
        Some(Open::Runs(r)) if !r.is_empty() => vec![Block::Paragraph(r)],
        _ => Vec::new(),
    }
}

/// Text a tight list item held without a paragraph, made one when a block starts or ends.
fn flush(stack: &mut Vec<Open>) {
    if let Some(Open::Runs(_)) = stack.last()
        && stack.len() > 1
        && matches!(stack[stack.len() - 2], Open::Blocks(_))
    {
        let r = runs(stack.pop());
        if !r.is_empty() {
            push(stack, Block::Paragraph(r));
        }
    }
}

fn push(stack: &mut [Open], block: Block) {
    if let Some(Open::Blocks(list)) = stack.last_mut() {
        list.push(block);
    }
}

/// Text joins the run it continues (same weight and slant) or starts one; text outside a
/// paragraph (a tight list item) opens one.
fn text_run(stack: &mut Vec<Open>, text: &str, bold: bool, italic: bool) {
    if !matches!(stack.last(), Some(Open::Runs(_))) {
        // Closed by the next block or the end of the item: see `flush`.
        stack.push(Open::Runs(Vec::new()));
    }
    if let Some(Open::Runs(runs)) = stack.last_mut() {
        match runs.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
            _ => runs.push(Run {
                text: text.to_owned(),
                bold,
                italic,
            }),
        }
    }
}
