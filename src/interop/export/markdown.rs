//! Markdown: each table under its title, its notes as a paragraph, numbers right-aligned; what
//! a report in Markdown (or a README) takes as it is.

use super::Options;
use crate::analysis::table::{ColumnKind, Report, format_cell};

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    for (i, table) in report.tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("## {}\n\n", escape(&table.title)));
        if !table.notes.is_empty() {
            out.push_str(&table.notes.join(" "));
            out.push_str("\n\n");
        }
        let header: Vec<String> = table.columns.iter().map(|c| escape(&c.label)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        let rule: Vec<&str> = table
            .columns
            .iter()
            .map(|c| {
                if c.kind == ColumnKind::Text {
                    "---"
                } else {
                    "--:"
                }
            })
            .collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for row in &table.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&table.columns)
                .map(|(cell, col)| escape(&format_cell(cell, col.kind, options.decimal_comma)))
                .collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

/// Keeps a cell on one line and its pipes from ending the cell.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}
