//! The shape shared by the tables of answers and of situations' attributes: one row per
//! category of a [`Tally`], with its count, its share of each base and their 95 % intervals,
//! and the bases themselves; or, in a cross-table, one column block per group of respondents.

use super::{base_names, category_cell, count, role_label, share_cells, share_columns, text};
use crate::analysis::categories::{Base, Tally};
use crate::analysis::table::{Cell, Column};
use crate::i18n::Texts;

const BASES: [Base; 3] = [Base::All, Base::Given, Base::Known];

/// The columns: the caller's, then value, kind of row, n, three shares, three bases.
pub fn columns(mut lead: Vec<Column>, value: &str, t: &Texts) -> Vec<Column> {
    let a = t.analysis;
    lead.push(text("value", value));
    lead.push(text("row", a.row));
    lead.push(count("n", a.count));
    for base in BASES {
        let (key, label) = base_names(base, t);
        lead.extend(share_columns(key, label, t));
    }
    lead.push(count("base_all", a.base_all));
    lead.push(count("base_given", a.base_given));
    lead.push(count("base_known", a.base_known));
    lead
}

/// One row per category, each starting with the caller's cells.
pub fn rows(lead: &[Cell], tally: &Tally, t: &Texts) -> Vec<Vec<Cell>> {
    tally
        .rows
        .iter()
        .map(|r| {
            let mut row = lead.to_vec();
            row.push(category_cell(&r.category, t));
            row.push(role_label(r.category.role, t).into());
            row.push(r.n.into());
            for base in BASES {
                row.extend(share_cells(r.share(&tally.bases, base)));
            }
            row.push(tally.bases.all.into());
            row.push(tally.bases.given.into());
            row.push(tally.bases.known.into());
            row
        })
        .collect()
}

/// A cross-table's columns: the caller's, value, kind of row, then per block (the total
/// first, then each group as `(key, label)`): n and the share of `base` with its interval.
pub fn cross_columns(
    mut lead: Vec<Column>,
    value: &str,
    blocks: &[(String, String)],
    base: Base,
    t: &Texts,
) -> Vec<Column> {
    let a = t.analysis;
    lead.push(text("value", value));
    lead.push(text("row", a.row));
    let (pct_key, pct_label) = base_names(base, t);
    for (key, label) in blocks {
        lead.push(count(&format!("{key}_n"), &(a.group_n)(label)));
        lead.extend(share_columns(
            &format!("{key}_{pct_key}"),
            &format!("{label} : {pct_label}"),
            t,
        ));
    }
    lead
}

/// A cross-table's rows for one question or attribute: first the row of the bases (each
/// block's base of `base` in its n column), then one row per category of the total.
pub fn cross_rows(lead: &[Cell], blocks: &[&Tally], base: Base, t: &Texts) -> Vec<Vec<Cell>> {
    let a = t.analysis;
    let mut out = Vec::new();
    let mut base_row = lead.to_vec();
    base_row.push(Cell::labelled("base", (a.base_row)(base_names(base, t).1)));
    base_row.push(a.row_base.into());
    for tally in blocks {
        base_row.push(tally.bases.get(base).into());
        base_row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
    }
    out.push(base_row);
    let Some(total) = blocks.first() else {
        return out;
    };
    for (i, r) in total.rows.iter().enumerate() {
        let mut row = lead.to_vec();
        row.push(category_cell(&r.category, t));
        row.push(role_label(r.category.role, t).into());
        for tally in blocks {
            let cell = &tally.rows[i];
            row.push(cell.n.into());
            row.extend(share_cells(cell.share(&tally.bases, base)));
        }
        out.push(row);
    }
    out
}
