use super::{Counted, count, percent, text};
use crate::analysis::agreement::{Agreement, AgreementUnit, CodeAgreement};
use crate::analysis::table::{Cell, Column, ColumnKind, Report, Table, format_number};
use crate::i18n::Texts;

pub fn agreement_report(
    g: &Agreement,
    counted: &Counted,
    t: &Texts,
    decimal_comma: bool,
) -> Report {
    let a = t.analysis;
    let ratio = |key: &str, label: &str| Column::new(key, label, ColumnKind::Ratio);
    let row = |c: &CodeAgreement, path: String, name: String| -> Vec<Cell> {
        vec![
            path.into(),
            name.into(),
            c.counts.both.into(),
            c.counts.only_a.into(),
            c.counts.only_b.into(),
            c.counts.neither.into(),
            c.percent.into(),
            c.kappa.into(),
            c.alpha.into(),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = g
        .codes
        .iter()
        .map(|c| row(c, c.path.clone(), c.name.clone()))
        .collect();
    rows.push(row(&g.overall, a.overall.into(), String::new()));
    let mut list = vec![
        (a.agreement_unit)(g.unit == AgreementUnit::Char, g.units),
        (a.agreement_sessions)(&g.sessions.join(", ")),
        a.agreement_method.into(),
    ];
    if let Some(k) = g.mean_kappa {
        list.push((a.mean_kappa)(&format_number(
            k,
            ColumnKind::Ratio,
            decimal_comma,
        )));
    }
    let title = (a.agreement_title)(&g.coder_a, &g.coder_b);
    Report {
        title: title.clone(),
        tables: vec![Table {
            key: "agreement".into(),
            name: a.agreement_sheet.into(),
            title,
            notes: counted.notes(list),
            columns: vec![
                text("code", a.code),
                text("name", a.name),
                count("both", a.both),
                count("only_a", &(a.only)(&g.coder_a)),
                count("only_b", &(a.only)(&g.coder_b)),
                count("neither", a.neither),
                percent("percent_agreement", a.pct_agreement),
                ratio("kappa", a.kappa),
                ratio("alpha", a.alpha),
            ],
            rows,
        }],
    }
}
