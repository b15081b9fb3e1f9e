use super::{
    Counted, categorical, count, group_key, group_label, share_cells, share_columns, text,
};
use crate::analysis::categories::Base;
use crate::analysis::chart::{Bar, BarGroup, Chart};
use crate::analysis::interval::Proportion;
use crate::analysis::situations::{AttributeCounts, Situations};
use crate::analysis::table::{Cell, Report, Table};
use crate::analysis::tables::category_label;
use crate::i18n::Texts;
use crate::study::StudyMeta;

/// Three tables: persons per attribute value (or a cross-table by a respondent attribute, over
/// `base`), persons per code, persons per group of respondents.
pub fn situations_report(
    s: &Situations,
    meta: &StudyMeta,
    counted: &Counted,
    base: Base,
    t: &Texts,
) -> Report {
    let a = t.analysis;
    let mut notes = vec![
        (a.persons_base)(s.persons, s.reports, s.reporting, s.respondents),
        a.persons_note.into(),
        a.bases_note.into(),
        a.multi_note.into(),
        a.wilson_note.into(),
    ];
    if s.conflicts > 0 {
        notes.push((a.person_conflicts)(s.conflicts));
    }
    let lead = || {
        vec![
            text("attribute", a.attribute),
            text("applies_to", a.applies_to),
        ]
    };
    let lead_cells = |c: &AttributeCounts| -> Vec<Cell> {
        vec![
            Cell::labelled(&c.key, &c.label),
            condition(c, meta, t).into(),
        ]
    };
    let by_value = match &s.split {
        None => Table {
            key: "situations".into(),
            name: a.situations_sheet.into(),
            title: a.situations_title.into(),
            notes: counted.notes(notes.clone()),
            columns: categorical::columns(lead(), a.value, t),
            rows: s
                .attributes
                .iter()
                .flat_map(|c| categorical::rows(&lead_cells(c), &c.tally, t))
                .collect(),
        },
        Some(split) => {
            let mut blocks = vec![("total".to_owned(), (a.total)(s.persons))];
            blocks.extend(split.columns.iter().map(|c| {
                let label = format!("{} ({})", group_label(&c.group, t), c.members.len());
                (
                    format!("{}_{}", split.attribute, group_key(&c.group)),
                    label,
                )
            }));
            let mut notes = notes.clone();
            notes.push((a.split_persons_note)(&split.label));
            notes.push((a.cross_base_note)(super::base_names(base, t).1));
            let rows = s
                .attributes
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    let mut tallies = vec![&c.tally];
                    tallies.extend(s.columns.iter().map(|col| &col[i].tally));
                    categorical::cross_rows(&lead_cells(c), &tallies, base, t)
                })
                .collect();
            Table {
                key: format!("situations-by-{}", split.attribute),
                name: a.situations_sheet.into(),
                title: (a.cross_title)(a.situations_title, &split.label),
                notes: counted.notes(notes),
                columns: categorical::cross_columns(lead(), a.value, &blocks, base, t),
                rows,
            }
        }
    };
    let all = |label: &str| (a.with_descendants)(label);
    let mut code_columns = vec![
        text("code", a.code),
        text("name", a.name),
        count("persons", a.persons),
    ];
    code_columns.extend(share_columns("persons_pct", a.persons_pct, t));
    code_columns.push(count("persons_with_descendants", &all(a.persons)));
    code_columns.extend(share_columns(
        "persons_pct_with_descendants",
        &all(a.persons_pct),
        t,
    ));
    let by_code = Table {
        key: "situations-codes".into(),
        name: a.situations_codes_sheet.into(),
        title: a.situations_codes_title.into(),
        notes: counted.coded_notes(vec![
            (a.persons_base)(s.persons, s.reports, s.reporting, s.respondents),
            a.situations_codes_note.into(),
        ]),
        columns: code_columns,
        rows: s
            .codes
            .iter()
            .map(|c| {
                let mut row: Vec<Cell> = vec![
                    Cell::labelled(&c.path, &c.path),
                    c.name.clone().into(),
                    c.own.into(),
                ];
                row.extend(share_cells(Some(c.own_share(s.persons))));
                row.push(c.with_descendants.into());
                row.extend(share_cells(Some(c.with_descendants_share(s.persons))));
                row
            })
            .collect(),
    };
    let mut rows = Vec::new();
    for attr in &s.by_respondent {
        for v in &attr.values {
            let mut row = vec![
                Cell::labelled(&attr.key, &attr.label),
                Cell::labelled(group_key(&v.group), group_label(&v.group, t)),
                v.respondents.into(),
                v.reports.into(),
                v.persons.into(),
            ];
            row.extend(share_cells(Some(Proportion::of(v.persons, s.persons))));
            rows.push(row);
        }
    }
    let mut group_columns = vec![
        text("attribute", a.attribute),
        text("value", a.value),
        count("respondents", a.respondents),
        count("situations", a.situations),
        count("persons", a.persons),
    ];
    group_columns.extend(share_columns("persons_pct", a.persons_pct, t));
    let by_group = Table {
        key: "situations-respondents".into(),
        name: a.situations_groups_sheet.into(),
        title: a.situations_groups_title.into(),
        notes: counted.notes(vec![
            (a.persons_base)(s.persons, s.reports, s.reporting, s.respondents),
            a.situations_groups_note.into(),
        ]),
        columns: group_columns,
        rows,
    };
    Report {
        title: a.situations_title.into(),
        tables: vec![by_value, by_code, by_group],
    }
}

/// For a detail attribute, which persons it is about: "Proxénétisme = Oui".
pub fn condition(c: &AttributeCounts, meta: &StudyMeta, t: &Texts) -> Option<String> {
    let (key, value) = c.condition.as_ref()?;
    let parent = meta.situation_attribute(key)?;
    let value = match value.as_str() {
        "yes" => t.analysis.yes,
        "no" => t.analysis.no,
        v => parent.kind.option_label(v).unwrap_or(v),
    };
    Some(format!("{} = {value}", parent.label))
}

/// One group of bars per situation attribute: persons per value, as a share of all persons
/// concerned (the published "at least 56 %"); unknown and not given shown as bars too.
pub fn situations_chart(s: &Situations, meta: &StudyMeta, t: &Texts) -> Chart {
    let a = t.analysis;
    let groups = s
        .attributes
        .iter()
        .map(|c| {
            let mut note = (a.chart_persons_base)(c.tally.bases.all);
            if let Some(cond) = condition(c, meta, t) {
                note = format!("{note} ({cond})");
            }
            if c.multi {
                note = format!("{note}. {}", a.answers_multi_note);
            }
            BarGroup {
                title: Some(c.label.clone()),
                note: Some(note),
                bars: c
                    .tally
                    .rows
                    .iter()
                    .map(|r| Bar {
                        label: category_label(&r.category, t),
                        value: r.n as f64,
                        pct: r.share(&c.tally.bases, Base::All).and_then(|p| p.pct),
                    })
                    .collect(),
            }
        })
        .collect();
    Chart {
        title: a.situations_title.into(),
        subtitle: Some((a.persons_base)(
            s.persons,
            s.reports,
            s.reporting,
            s.respondents,
        )),
        groups,
    }
}
