use super::{Counted, count, percent, text};
use crate::analysis::chart::{Curve, CurvePoint};
use crate::analysis::saturation::{Saturation, Verdict};
use crate::analysis::table::{Cell, ColumnKind, Report, Table, format_number};
use crate::i18n::Texts;
use crate::study::Codebook;

/// Two tables: the interviews in order with their new codes, and the runs with the share of
/// new information; the verdict and the method's parameters in the notes.
pub fn saturation_report(
    s: &Saturation,
    book: &Codebook,
    counted: &Counted,
    t: &Texts,
    decimal_comma: bool,
) -> Report {
    let a = t.analysis;
    let p = s.params;
    let threshold = format_number(p.threshold, ColumnKind::Decimal, decimal_comma);
    let mut notes = vec![
        verdict(s, t),
        (a.saturation_method)(p.base, p.run, &threshold, s.base_codes),
        a.saturation_reference.into(),
    ];
    if s.undated > 0 {
        notes.push((a.saturation_undated)(s.undated));
    }
    let interviews = Table {
        key: "saturation".into(),
        name: a.saturation_sheet.into(),
        title: a.saturation_title.into(),
        notes: counted.coded_notes(notes.clone()),
        columns: vec![
            count("number", a.interview_number),
            text("date", a.date),
            text("respondent", a.respondent),
            count("codes", a.codes_used),
            count("new", a.new_codes),
            count("cumulative", a.cumulative_codes),
            text("new_codes", a.new_code_list),
        ],
        rows: s
            .interviews
            .iter()
            .map(|i| {
                let names: Vec<String> = i.new.iter().filter_map(|c| book.path(*c)).collect();
                vec![
                    Cell::from(i.number),
                    i.date.format("%Y-%m-%d").to_string().into(),
                    i.pseudonym.clone().into(),
                    i.codes.into(),
                    i.new.len().into(),
                    i.cumulative.into(),
                    names.join(", ").into(),
                ]
            })
            .collect(),
    };
    let runs = Table {
        key: "saturation-runs".into(),
        name: a.saturation_runs_sheet.into(),
        title: a.saturation_runs_title.into(),
        notes: counted.coded_notes(notes),
        columns: vec![
            text("run", a.run),
            count("new", a.new_codes),
            count("base_codes", a.base_codes),
            percent("new_pct", a.new_information),
            text("within_threshold", a.within_threshold),
        ],
        rows: s
            .runs
            .iter()
            .map(|r| {
                vec![
                    format!("{}–{}", r.first, r.last).into(),
                    r.new.into(),
                    s.base_codes.into(),
                    r.new_pct.into(),
                    if r.within { a.yes } else { a.no }.into(),
                ]
            })
            .collect(),
    };
    Report {
        title: a.saturation_title.into(),
        tables: vec![interviews, runs],
    }
}

/// The verdict as a sentence.
pub fn verdict(s: &Saturation, t: &Texts) -> String {
    let a = t.analysis;
    match s.verdict {
        Verdict::Reached { at, first, last } => (a.saturation_reached)(at, first, last),
        Verdict::NotReached => a.saturation_not_reached.into(),
        Verdict::TooFew => (a.saturation_too_few)(s.interviews.len(), s.params.base + s.params.run),
        Verdict::NoBase => a.saturation_no_base.into(),
    }
}

/// The cumulative curve of distinct codes, new codes as bars, the base shaded.
pub fn saturation_curve(s: &Saturation, t: &Texts) -> Curve {
    let a = t.analysis;
    Curve {
        title: a.saturation_title.into(),
        subtitle: Some(verdict(s, t)),
        x_label: a.interview_number.into(),
        line_label: a.cumulative_codes.into(),
        bar_label: a.new_codes.into(),
        points: s
            .interviews
            .iter()
            .map(|i| CurvePoint {
                label: i.number.to_string(),
                cumulative: i.cumulative as f64,
                new: i.new.len() as f64,
            })
            .collect(),
        base: s.params.base.min(s.interviews.len()),
        mark: match s.verdict {
            Verdict::Reached { at, .. } => Some(at),
            _ => None,
        },
        mark_label: match s.verdict {
            Verdict::Reached { at, .. } => Some((a.saturation_mark)(at)),
            _ => None,
        },
    }
}
