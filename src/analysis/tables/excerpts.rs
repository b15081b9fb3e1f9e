use super::{Counted, group_label, text};
use crate::analysis::excerpts::ExcerptRow;
use crate::analysis::groups;
use crate::analysis::table::{Cell, Report, Table};
use crate::i18n::Texts;
use crate::study::{Speaker, Study};

/// One row per coded excerpt, with one column per respondent attribute: a reading file.
pub fn excerpts_report(rows: &[ExcerptRow], study: &Study, counted: &Counted, t: &Texts) -> Report {
    let a = t.analysis;
    let attributes = &study.meta.respondent_attributes;
    let mut columns = vec![
        text("code", a.code),
        text("code_name", a.name),
        text("date", a.date),
        text("respondent", a.respondent),
    ];
    columns.extend(attributes.iter().map(|at| text(&at.key, &at.label)));
    columns.extend([
        text("question", a.question),
        text("question_text", a.question_text),
        text("speaker", a.speaker),
        text("speaker_name", a.speaker_name),
        text("coder", a.coder),
        text("excerpt", a.excerpt),
        text("memo", a.memo),
        text("quote", t.report.quote_mark),
        text("quote_comment", t.report.quote_comment),
        text("coding", t.report.coding),
    ]);
    let rows = rows
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = vec![
                r.code_path.clone().into(),
                r.code_name.clone().into(),
                r.date.map(|d| d.format("%Y-%m-%d").to_string()).into(),
                r.pseudonym.clone().into(),
            ];
            for at in attributes {
                let value = r.attributes.get(&at.key);
                let cell: Cell = match value {
                    None => Cell::Empty,
                    Some(v) => {
                        let seen = groups::keys_of(Some(v)).into_iter().collect();
                        let labels: Vec<String> = groups::groups(&at.kind, &seen)
                            .iter()
                            .filter(|g| seen.contains(&g.key))
                            .map(|g| group_label(g, t))
                            .collect();
                        labels.join(", ").into()
                    }
                };
                row.push(cell);
            }
            row.extend([
                r.question_key.clone().into(),
                r.question_text.clone().into(),
                match r.speaker {
                    Speaker::Respondent => a.speaker_respondent,
                    Speaker::Interviewer => a.speaker_interviewer,
                }
                .into(),
                r.speaker_name.clone().into(),
                r.coder.clone().into(),
                r.text.clone().into(),
                r.memo.clone().into(),
                match &r.quote {
                    Some(_) => a.yes.into(),
                    None => Cell::Empty,
                },
                r.quote.as_ref().and_then(|q| q.comment.clone()).into(),
                r.coding.to_string().into(),
            ]);
            row
        })
        .collect();
    Report {
        title: a.excerpts_title.into(),
        tables: vec![Table {
            key: "excerpts".into(),
            name: a.excerpts_sheet.into(),
            title: a.excerpts_title.into(),
            notes: counted.coded_notes(Vec::new()),
            columns,
            rows,
        }],
    }
}
