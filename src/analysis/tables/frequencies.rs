use super::{Counted, count, group_key, group_label, share_cells, share_columns, text};
use crate::analysis::chart::{Bar, BarGroup, Chart};
use crate::analysis::frequencies::{Counts, Frequencies};
use crate::analysis::interval::Proportion;
use crate::analysis::table::{Cell, Report, Table};
use crate::i18n::Texts;

pub fn frequencies_report(f: &Frequencies, counted: &Counted, t: &Texts) -> Report {
    let a = t.analysis;
    let all = |label: &str| (a.with_descendants)(label);
    let mut columns = vec![
        text("code", a.code),
        text("name", a.name),
        count("excerpts", a.excerpts),
        count("sessions", a.sessions),
        count("respondents", a.respondents),
    ];
    columns.extend(share_columns("respondents_pct", a.respondents_pct, t));
    columns.extend([
        count("words", a.words),
        count("excerpts_with_descendants", &all(a.excerpts)),
        count("sessions_with_descendants", &all(a.sessions)),
        count("respondents_with_descendants", &all(a.respondents)),
    ]);
    columns.extend(share_columns(
        "respondents_pct_with_descendants",
        &all(a.respondents_pct),
        t,
    ));
    columns.push(count("words_with_descendants", &all(a.words)));
    let mut list = vec![
        (a.frequencies_base)(f.sessions, f.respondents),
        a.frequencies_units.into(),
        a.wilson_note.into(),
    ];
    if let Some(b) = &f.breakdown {
        for (g, size) in b.groups.iter().zip(&b.sizes) {
            let label = format!("{} ({size})", group_label(g, t));
            let key = format!("{}_{}", b.attribute, group_key(g));
            columns.push(count(&format!("{key}_n"), &(a.group_n)(&label)));
            columns.extend(share_columns(
                &format!("{key}_pct"),
                &(a.group_pct)(&label),
                t,
            ));
        }
        list.push((a.breakdown_note)(&b.label, b.multi));
    }
    let rows = f
        .codes
        .iter()
        .map(|c| {
            let mut row: Vec<Cell> = vec![Cell::labelled(&c.path, &c.path), c.name.clone().into()];
            push_counts(&mut row, &c.own, f.respondents);
            push_counts(&mut row, &c.with_descendants, f.respondents);
            if let Some(b) = &f.breakdown {
                for (g, size) in c.by_group.iter().zip(&b.sizes) {
                    row.push(g.respondents.into());
                    row.extend(share_cells(Some(Proportion::of(g.respondents, *size))));
                }
            }
            row
        })
        .collect();
    Report {
        title: a.frequencies_title.into(),
        tables: vec![Table {
            key: "frequencies".into(),
            name: a.frequencies_sheet.into(),
            title: a.frequencies_title.into(),
            notes: counted.coded_notes(list),
            columns,
            rows,
        }],
    }
}

fn push_counts(row: &mut Vec<Cell>, c: &Counts, base: usize) {
    row.push(c.excerpts.into());
    row.push(c.sessions.into());
    row.push(c.respondents.into());
    row.extend(share_cells(Some(Proportion::of(c.respondents, base))));
    row.push(c.words.into());
}

/// The `top` codes by respondents (with descendants), as horizontal bars.
pub fn frequencies_chart(f: &Frequencies, top: usize, t: &Texts) -> Chart {
    let a = t.analysis;
    let bars = f
        .top(top)
        .into_iter()
        .map(|c| Bar {
            label: c.name.clone(),
            value: c.with_descendants.respondents as f64,
            pct: c.with_descendants.respondents_pct,
        })
        .collect();
    Chart {
        title: a.chart_frequencies_title.into(),
        subtitle: Some((a.chart_frequencies_base)(f.respondents)),
        groups: vec![BarGroup {
            title: None,
            note: None,
            bars,
        }],
    }
}
