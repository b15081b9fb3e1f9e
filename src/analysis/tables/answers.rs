use super::{count, group_label, notes, percent, text};
use crate::analysis::answers::QuestionAnswers;
use crate::analysis::chart::{Bar, BarGroup, Chart};
use crate::analysis::filter::Filter;
use crate::analysis::table::{Cell, Column, ColumnKind, Report, Table};
use crate::i18n::Texts;

/// Two tables: one row per option of each question; one row per numeric question.
pub fn answers_report(answers: &[QuestionAnswers], filter: &Filter, t: &Texts) -> Report {
    let a = t.analysis;
    let mut rows = Vec::new();
    for q in answers.iter().filter(|q| !q.options.is_empty()) {
        for o in &q.options {
            rows.push(vec![
                q.theme.clone().into(),
                q.key.clone().into(),
                q.text.clone().into(),
                (a.kind_name)(q.kind).into(),
                group_label(&o.group, t).into(),
                o.count.into(),
                o.pct_answered.into(),
                o.pct_all.into(),
                q.answered.into(),
                q.not_answered.into(),
            ]);
        }
    }
    let options = Table {
        name: a.answers_sheet.into(),
        title: a.answers_title.into(),
        notes: notes(vec![a.answers_note.into()], filter, t),
        columns: vec![
            text("theme", a.theme),
            text("question", a.question),
            text("text", a.question_text),
            text("kind", a.kind),
            text("answer", a.answer),
            count("n", a.count),
            percent("pct_answered", a.pct_answered),
            percent("pct_all", a.pct_all),
            count("answered", a.answered),
            count("not_answered", a.not_answered),
        ],
        rows,
    };
    let decimal = |key: &str, label: &str| Column::new(key, label, ColumnKind::Decimal);
    let numbers = Table {
        name: a.numbers_sheet.into(),
        title: a.numbers_title.into(),
        notes: notes(Vec::new(), filter, t),
        columns: vec![
            text("theme", a.theme),
            text("question", a.question),
            text("text", a.question_text),
            text("unit", a.unit),
            count("answered", a.answered),
            count("not_answered", a.not_answered),
            decimal("sum", a.sum),
            decimal("min", a.min),
            decimal("median", a.median),
            decimal("max", a.max),
            decimal("mean", a.mean),
        ],
        rows: answers
            .iter()
            .filter(|q| q.kind == "number")
            .map(|q| {
                let s = q.summary.as_ref();
                let n = |f: fn(&crate::analysis::answers::NumberSummary) -> f64| -> Cell {
                    s.map(f).into()
                };
                vec![
                    q.theme.clone().into(),
                    q.key.clone().into(),
                    q.text.clone().into(),
                    q.unit.clone().into(),
                    q.answered.into(),
                    q.not_answered.into(),
                    n(|s| s.sum),
                    n(|s| s.min),
                    n(|s| s.median),
                    n(|s| s.max),
                    n(|s| s.mean),
                ]
            })
            .collect(),
    };
    Report {
        title: a.answers_title.into(),
        tables: vec![options, numbers],
    }
}

/// One group of bars per question with options; percentages over the sessions that answered.
pub fn answers_chart(answers: &[QuestionAnswers], t: &Texts) -> Chart {
    let a = t.analysis;
    let groups = answers
        .iter()
        .filter(|q| !q.options.is_empty())
        .map(|q| {
            let mut note = (a.chart_answers_base)(q.answered, q.sessions, q.not_answered);
            if q.multi {
                note = format!("{note}. {}", a.answers_multi_note);
            }
            BarGroup {
                title: Some(q.text.clone()),
                note: Some(note),
                bars: q
                    .options
                    .iter()
                    .map(|o| Bar {
                        label: group_label(&o.group, t),
                        value: o.count as f64,
                        pct: o.pct_answered,
                    })
                    .collect(),
            }
        })
        .collect();
    Chart {
        title: a.answers_title.into(),
        subtitle: None,
        groups,
    }
}
