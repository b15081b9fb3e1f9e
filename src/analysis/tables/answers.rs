use super::{Counted, categorical, category_label, count, text};
use crate::analysis::answers::{Answers, NumberSummary, QuestionAnswers};
use crate::analysis::categories::Base;
use crate::analysis::chart::{Bar, BarGroup, Chart};
use crate::analysis::table::{Cell, Column, ColumnKind, Report, Table};
use crate::analysis::tables::group_label;
use crate::i18n::Texts;

/// The answers: one row per option of each question, and one row per numeric question; with a
/// split, the same as a cross-table (columns per group, percentages over `base`).
pub fn answers_report(a: &Answers, counted: &Counted, base: Base, t: &Texts) -> Report {
    let at = t.analysis;
    let mut notes = vec![
        (at.answers_base)(a.respondents),
        at.answers_note.into(),
        at.bases_note.into(),
        at.wilson_note.into(),
    ];
    let conflicts: usize = a.questions.iter().map(|q| q.conflicts).sum();
    if conflicts > 0 {
        notes.push((at.answer_conflicts)(conflicts));
    }
    let lead = || {
        vec![
            text("theme", at.theme),
            text("question", at.question),
            text("question_text", at.question_text),
            text("kind", at.kind),
        ]
    };
    let lead_cells = |q: &QuestionAnswers| -> Vec<Cell> {
        vec![
            q.theme.clone().into(),
            q.key.clone().into(),
            q.text.clone().into(),
            (at.kind_name)(q.kind).into(),
        ]
    };
    let with_options = a.questions.iter().filter(|q| q.has_options());
    let options = match &a.split {
        None => Table {
            key: "answers".into(),
            name: at.answers_sheet.into(),
            title: at.answers_title.into(),
            notes: counted.notes(notes.clone()),
            columns: categorical::columns(lead(), at.answer, t),
            rows: with_options
                .flat_map(|q| categorical::rows(&lead_cells(q), &q.tally, t))
                .collect(),
        },
        Some(split) => {
            let mut blocks = vec![("total".to_owned(), (at.total)(a.respondents))];
            blocks.extend(split.columns.iter().map(|c| {
                let key = if c.group.key.is_empty() {
                    "not_given"
                } else {
                    &c.group.key
                };
                let label = format!("{} ({})", group_label(&c.group, t), c.members.len());
                (format!("{}_{key}", split.attribute), label)
            }));
            let mut notes = notes.clone();
            notes.push((at.split_note)(&split.label, split.multi));
            notes.push((at.cross_base_note)(super::base_names(base, t).1));
            let rows = a
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.has_options())
                .flat_map(|(i, q)| {
                    let mut tallies = vec![&q.tally];
                    tallies.extend(a.columns.iter().map(|c| &c[i].tally));
                    categorical::cross_rows(&lead_cells(q), &tallies, base, t)
                })
                .collect();
            Table {
                key: format!("answers-by-{}", split.attribute),
                name: at.answers_sheet.into(),
                title: (at.cross_title)(at.answers_title, &split.label),
                notes: counted.notes(notes),
                columns: categorical::cross_columns(lead(), at.answer, &blocks, base, t),
                rows,
            }
        }
    };
    Report {
        title: at.answers_title.into(),
        tables: vec![options, numbers_table(a, counted, t)],
    }
}

/// One row per numeric question (with a split: per question and group).
fn numbers_table(a: &Answers, counted: &Counted, t: &Texts) -> Table {
    let at = t.analysis;
    let decimal = |key: &str, label: &str| Column::new(key, label, ColumnKind::Decimal);
    let mut columns = vec![
        text("theme", at.theme),
        text("question", at.question),
        text("question_text", at.question_text),
        text("unit", at.unit),
    ];
    if let Some(split) = &a.split {
        columns.push(text(&split.attribute, &split.label));
    }
    columns.extend([
        count("respondents", at.respondents),
        count("answered", at.answered),
        count("not_answered", at.not_answered),
        decimal("sum", at.sum),
        decimal("min", at.min),
        decimal("median", at.median),
        decimal("max", at.max),
        decimal("mean", at.mean),
    ]);
    let row = |q: &QuestionAnswers, group: Option<Cell>| -> Vec<Cell> {
        let s = q.summary.as_ref();
        let n = |f: fn(&NumberSummary) -> f64| -> Cell { s.map(f).into() };
        let mut row: Vec<Cell> = vec![
            q.theme.clone().into(),
            q.key.clone().into(),
            q.text.clone().into(),
            q.unit.clone().into(),
        ];
        row.extend(group);
        row.extend([
            q.respondents().into(),
            q.answered().into(),
            q.not_answered().into(),
            n(|s| s.sum),
            n(|s| s.min),
            n(|s| s.median),
            n(|s| s.max),
            n(|s| s.mean),
        ]);
        row
    };
    let mut rows = Vec::new();
    for (i, q) in a.questions.iter().enumerate() {
        if q.kind != "number" {
            continue;
        }
        match &a.split {
            None => rows.push(row(q, None)),
            Some(split) => {
                rows.push(row(
                    q,
                    Some(Cell::labelled("total", (at.total)(a.respondents))),
                ));
                for (column, answers) in split.columns.iter().zip(&a.columns) {
                    let key = if column.group.key.is_empty() {
                        "not_given"
                    } else {
                        &column.group.key
                    };
                    let label = Cell::labelled(key, group_label(&column.group, t));
                    rows.push(row(&answers[i], Some(label)));
                }
            }
        }
    }
    Table {
        key: match &a.split {
            None => "numbers".into(),
            Some(split) => format!("numbers-by-{}", split.attribute),
        },
        name: at.numbers_sheet.into(),
        title: at.numbers_title.into(),
        notes: counted.notes(vec![(at.answers_base)(a.respondents)]),
        columns,
        rows,
    }
}

/// One group of bars per question with options; percentages over the respondents who answered
/// (unknown answers shown, without a bar for "not given").
pub fn answers_chart(answers: &[QuestionAnswers], t: &Texts) -> Chart {
    let a = t.analysis;
    let groups = answers
        .iter()
        .filter(|q| q.has_options())
        .map(|q| {
            let mut note = (a.chart_answers_base)(q.answered(), q.respondents(), q.not_answered());
            if q.multi {
                note = format!("{note}. {}", a.answers_multi_note);
            }
            BarGroup {
                title: Some(q.text.clone()),
                note: Some(note),
                bars: q
                    .tally
                    .rows
                    .iter()
                    .filter(|r| r.category.role.counts_in(Base::Given))
                    .map(|r| Bar {
                        label: category_label(&r.category, t),
                        value: r.n as f64,
                        pct: r.share(&q.tally.bases, Base::Given).and_then(|p| p.pct),
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
