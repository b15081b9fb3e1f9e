//! Repeat sheets (KoboToolbox's repeated groups): each row is a situation of the response it
//! belongs to, found through `_parent_index` (the `_index` of its parent row) and
//! `_parent_table_name` (the parent's sheet), up through nested repeats to the response.

use std::collections::BTreeMap;

use super::columns::{Column, Target};
use super::error::ResponsesError;
use super::mapping::Mapping;
use super::rows::{Found, Situation, Unmatched, situation_value};
use super::sheet::{Row, Sheet};
use super::values::fold;
use crate::study::{Study, text};

/// Adds the situations a repeat sheet describes to the responses they belong to.
pub fn add_situations(
    study: &Study,
    mapping: &Mapping,
    sheets: &[Sheet],
    repeat: &Sheet,
    columns: &[Column],
    found: &mut Found,
) -> Result<(), ResponsesError> {
    let mut counts: BTreeMap<usize, u32> = BTreeMap::new();
    for row in &repeat.rows {
        let response = owner(sheets, repeat, row, 0)?;
        let mut attributes = BTreeMap::new();
        for column in columns.iter().filter(|c| !c.ignored) {
            let raw = repeat.cell(row, column.index).trim();
            for target in &column.targets {
                let Target::SituationField(key) = target else {
                    continue;
                };
                match situation_value(study, mapping, key, raw) {
                    Ok(Some(v)) => {
                        attributes.insert(key.clone(), v);
                    }
                    Ok(None) => {}
                    Err(why) => found.unmatched.push(Unmatched {
                        sheet: repeat.name.clone(),
                        row: row.number,
                        column: column.letter.clone(),
                        header: column.header.clone(),
                        target: key.clone(),
                        value: raw.to_owned(),
                        why,
                    }),
                }
            }
        }
        if attributes.is_empty() {
            continue;
        }
        let n = counts.entry(response).or_default();
        *n += 1;
        let label = match &mapping.situations.label {
            Some(template) => template.replace("{n}", &n.to_string()),
            None => format!("{} {n}", repeat.name),
        };
        found.responses[response].situations.push(Situation {
            label: text::normalize(&label),
            attributes,
        });
    }
    Ok(())
}

/// The position (in the responses sheet) of the response a repeat row belongs to.
fn owner(
    sheets: &[Sheet],
    sheet: &Sheet,
    row: &Row,
    depth: usize,
) -> Result<usize, ResponsesError> {
    let main = &sheets[0];
    let parent_index = cell_of(sheet, row, "_parent_index");
    let orphan = |parent_sheet: &str| ResponsesError::Orphan {
        sheet: sheet.name.clone(),
        row: row.number,
        parent: parent_index.clone().unwrap_or_default(),
        parent_sheet: parent_sheet.to_owned(),
    };
    let Some(parent) = parent_index.clone() else {
        return Err(orphan(&main.name));
    };
    let parent_name = cell_of(sheet, row, "_parent_table_name");
    let parent_sheet = match &parent_name {
        Some(name) if fold(name) != fold(&main.name) => sheets[1..]
            .iter()
            .find(|s| fold(&s.name) == fold(name))
            .ok_or_else(|| orphan(name))?,
        _ => main,
    };
    let position = find_index(parent_sheet, &parent).ok_or_else(|| orphan(&parent_sheet.name))?;
    if std::ptr::eq(parent_sheet, main) {
        return Ok(position);
    }
    // A nested repeat: climb to its parent (never further than there are sheets).
    if depth > sheets.len() {
        return Err(orphan(&parent_sheet.name));
    }
    owner(
        sheets,
        parent_sheet,
        &parent_sheet.rows[position],
        depth + 1,
    )
}

/// The row of `sheet` whose `_index` is `index` (the row's order from 1 without that column).
fn find_index(sheet: &Sheet, index: &str) -> Option<usize> {
    match column_named(sheet, "_index") {
        Some(c) => sheet
            .rows
            .iter()
            .position(|r| sheet.cell(r, c).trim() == index.trim()),
        None => index
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|i| (1..=sheet.rows.len()).contains(i))
            .map(|i| i - 1),
    }
}

fn column_named(sheet: &Sheet, name: &str) -> Option<usize> {
    sheet.headers.iter().position(|h| fold(h) == name)
}

fn cell_of(sheet: &Sheet, row: &Row, name: &str) -> Option<String> {
    column_named(sheet, name)
        .map(|c| sheet.cell(row, c).trim().to_owned())
        .filter(|v| !v.is_empty())
}
