use super::{count, group_label, notes, percent, text};
use crate::analysis::filter::Filter;
use crate::analysis::situations::Situations;
use crate::analysis::table::{Cell, Report, Table};
use crate::i18n::Texts;

/// Three tables: per situation attribute value, per code, per group of respondents.
pub fn situations_report(s: &Situations, filter: &Filter, t: &Texts) -> Report {
    let a = t.analysis;
    let base = (a.situations_base)(s.total);
    let multi = |m: bool| -> Cell { if m { a.yes.into() } else { Cell::Empty } };
    let mut rows = Vec::new();
    for attr in &s.attributes {
        for v in &attr.values {
            rows.push(vec![
                attr.label.clone().into(),
                multi(attr.multi),
                group_label(&v.group, t).into(),
                v.count.into(),
                v.pct.into(),
            ]);
        }
    }
    let by_value = Table {
        name: a.situations_sheet.into(),
        title: a.situations_title.into(),
        notes: notes(vec![base.clone(), a.multi_note.into()], filter, t),
        columns: vec![
            text("attribute", a.attribute),
            text("multi", a.multi),
            text("value", a.value),
            count("situations", a.situations),
            percent("situations_pct", a.situations_pct),
        ],
        rows,
    };
    let all = |label: &str| (a.with_descendants)(label);
    let by_code = Table {
        name: a.situations_codes_sheet.into(),
        title: a.situations_codes_title.into(),
        notes: notes(
            vec![base.clone(), a.situations_codes_note.into()],
            filter,
            t,
        ),
        columns: vec![
            text("code", a.code),
            text("name", a.name),
            count("situations", a.situations),
            percent("situations_pct", a.situations_pct),
            count("situations_with_descendants", &all(a.situations)),
            percent("situations_pct_with_descendants", &all(a.situations_pct)),
        ],
        rows: s
            .codes
            .iter()
            .map(|c| {
                vec![
                    c.path.clone().into(),
                    c.name.clone().into(),
                    c.own.into(),
                    c.own_pct.into(),
                    c.with_descendants.into(),
                    c.with_descendants_pct.into(),
                ]
            })
            .collect(),
    };
    let mut rows = Vec::new();
    for attr in &s.by_respondent {
        for v in &attr.values {
            rows.push(vec![
                attr.label.clone().into(),
                multi(attr.multi),
                group_label(&v.group, t).into(),
                v.respondents.into(),
                v.situations.into(),
                v.pct.into(),
            ]);
        }
    }
    let by_group = Table {
        name: a.situations_groups_sheet.into(),
        title: a.situations_groups_title.into(),
        notes: notes(vec![base, a.situations_groups_note.into()], filter, t),
        columns: vec![
            text("attribute", a.attribute),
            text("multi", a.multi),
            text("value", a.value),
            count("respondents", a.respondents),
            count("situations", a.situations),
            percent("situations_pct", a.situations_pct),
        ],
        rows,
    };
    Report {
        title: a.situations_title.into(),
        tables: vec![by_value, by_code, by_group],
    }
}
