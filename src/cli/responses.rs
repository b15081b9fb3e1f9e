//! `grille import responses FILE`: an online questionnaire's responses become questionnaire
//! sessions, all or none; `--dry-run` shows what would be done and writes nothing.

use anyhow::Result;
use comfy_table::{Cell, CellAlignment, Table, presets};
use serde::Serialize;

use super::args::ResponsesArgs;
use super::{Env, Usage, show};
use crate::i18n::Texts;
use crate::interop::responses::values::Mismatch;
use crate::interop::responses::{
    Mapping, Plan, Prepared, ReadAs, ResponsesError, Role, Target, Unmatched, read_plan, write,
};
use crate::study::{Study, ValueKind, stamp};

/// Returns whether the import was done (or, in a dry run, could be).
pub fn run(env: &Env, args: &ResponsesArgs) -> Result<bool> {
    let t = env.texts();
    let q = t.questionnaire;
    let ws = env.workspace()?;
    let mapping = match &args.map {
        Some(file) => Mapping::read(file).map_err(|e| Usage(e.message(t)))?,
        None => Mapping::default(),
    };
    let failed = |e: ResponsesError| {
        eprintln!("{}", e.message(t));
        eprintln!("{}", q.nothing_written);
        Ok(false)
    };
    let plan = match read_plan(&args.file, &ws.study, &mapping, args.id_column.as_deref()) {
        Ok(plan) => plan,
        Err(e) => return failed(e),
    };
    let now = stamp(chrono::Local::now().fixed_offset());
    let outcome = write::import(
        &ws.dir,
        &ws.study,
        &plan,
        now,
        args.skip_unmatched,
        args.dry_run,
    );
    if args.json {
        let prepared = outcome.as_ref().ok();
        println!(
            "{}",
            serde_json::to_string_pretty(&json(&ws.study, &plan, prepared))?
        );
    } else {
        describe(t, &ws.study, &plan);
    }
    let prepared = match outcome {
        Ok(prepared) => prepared,
        Err(e) => return failed(e),
    };
    if !args.json {
        println!("{}", table(t, &plan, &prepared));
    }
    for (pseudonym, key) in &prepared.kept {
        eprintln!("{}", (q.kept)(pseudonym, key));
    }
    if !prepared.refused.is_empty() {
        eprintln!(
            "{}",
            (q.refused)(prepared.refused.len(), &prepared.refused.join(", "))
        );
    }
    let situations = plan.responses.iter().map(|r| r.situations.len()).sum();
    let open = plan.responses.iter().map(|r| r.open.len()).sum();
    eprintln!(
        "{}",
        (q.summary)(
            prepared.new.len(),
            prepared.updates.len(),
            prepared.unchanged.len(),
            situations,
            open
        )
    );
    if args.dry_run {
        eprintln!("{}", q.dry_run);
        return Ok(true);
    }
    if !plan.unmatched.is_empty() {
        eprintln!("{}", (q.skipped)(plan.unmatched.len()));
    }
    eprintln!("{}", (q.done)(prepared.new.len(), prepared.updates.len()));
    Ok(true)
}

/// How the file was read, what each column fills, what was left out: on stderr.
fn describe(t: &Texts, study: &Study, plan: &Plan) {
    let q = t.questionnaire;
    let file = show(&plan.file);
    let main = &plan.sheets[0];
    eprintln!(
        "{}",
        match &plan.read_as {
            ReadAs::Csv {
                encoding,
                delimiter,
            } => (q.read_csv)(
                &file,
                encoding,
                &delimiter_name(*delimiter),
                plan.responses.len(),
                main.columns.len()
            ),
            ReadAs::Workbook => (q.read_workbook)(&file, plan.responses.len(), plan.sheets.len()),
        }
    );
    for sheet in &plan.sheets[1..] {
        let line = match sheet.role {
            Role::Situations => (q.sheet_situations)(&sheet.name, sheet.rows),
            _ => (q.sheet_unused)(&sheet.name, sheet.rows),
        };
        eprintln!("{line}");
    }
    eprintln!("{}", q.columns_title);
    for sheet in &plan.sheets {
        let prefix = if plan.sheets.len() > 1 {
            format!("{} ", sheet.name)
        } else {
            String::new()
        };
        for c in sheet
            .columns
            .iter()
            .filter(|c| !c.targets.is_empty() || c.ignored)
        {
            let what: Vec<String> = if c.ignored {
                vec![q.ignored.to_owned()]
            } else {
                c.targets
                    .iter()
                    .map(|target| target_name(t, study, target))
                    .collect()
            };
            eprintln!(
                "  {prefix}{} « {} » → {}",
                c.letter,
                crate::interop::responses::columns::short(&c.header),
                what.join(" + ")
            );
        }
    }
    let unmapped = plan.unmapped();
    if !unmapped.is_empty() {
        eprintln!("{}", (q.unmapped_title)(unmapped.len()));
        for (sheet, letter, header) in unmapped {
            let prefix = if plan.sheets.len() > 1 {
                format!("{sheet} ")
            } else {
                String::new()
            };
            eprintln!(
                "  {prefix}{letter} « {} »",
                crate::interop::responses::columns::short(header)
            );
        }
    }
    if !plan.unmatched.is_empty() {
        eprintln!("{}", (q.unmatched_title)(plan.unmatched.len()));
        for u in &plan.unmatched {
            eprintln!("{}", unmatched_line(t, study, u));
        }
    }
    for (row, value) in &plan.bad_dates {
        eprintln!("{}", (q.bad_date)(*row, value));
    }
    let numbered = !main.columns.iter().any(|c| c.targets.contains(&Target::Id));
    if numbered && let (Some(first), Some(last)) = (plan.responses.first(), plan.responses.last()) {
        eprintln!("{}", (q.numbered)(&first.pseudonym, &last.pseudonym));
    }
}

fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".to_owned(),
        d => format!("« {} »", d as char),
    }
}

fn target_name(t: &Texts, study: &Study, target: &Target) -> String {
    use crate::interop::responses::Part;
    let q = t.questionnaire;
    let key = |id| {
        study
            .grid
            .question(id)
            .map(|(_, question)| question.key.clone())
            .unwrap_or_default()
    };
    let part = |p: &Part| match p {
        Part::Is(o) | Part::Unknown(o) => o.clone(),
    };
    match target {
        Target::Id => q.to_id.to_owned(),
        Target::Date => q.to_date.to_owned(),
        Target::Consent => q.to_consent.to_owned(),
        Target::Answer(id) => (q.to_question)(&key(*id)),
        Target::AnswerOption(id, p) => (q.to_option)(&key(*id), &part(p)),
        Target::Attribute(k) => (q.to_attribute)(k),
        Target::AttributeOption(k, p) => (q.to_option)(k, &part(p)),
        Target::Situation { number, attribute } => (q.to_situation)(*number, attribute),
        Target::SituationField(k) => (q.to_situation_field)(k),
    }
}

/// The options a key (question or attribute) takes, for the message of a value without a match.
fn options_of(study: &Study, key: &str) -> String {
    let kind: Option<&ValueKind> = study
        .grid
        .question_by_key(key)
        .map(|(_, q)| &q.kind)
        .or_else(|| study.meta.respondent_attribute(key).map(|a| &a.kind))
        .or_else(|| study.meta.situation_attribute(key).map(|a| &a.kind));
    let keys: Vec<&str> = kind
        .map(|k| k.options().iter().map(|o| o.key.as_str()).collect())
        .unwrap_or_default();
    keys.join(", ")
}

fn why(t: &Texts, study: &Study, u: &Unmatched) -> String {
    let q = t.questionnaire;
    match &u.why {
        Mismatch::Option(part) => (q.why_option)(part, &options_of(study, &u.target)),
        Mismatch::NotYesNo => q.why_yes_no.to_owned(),
        Mismatch::NotNumber => q.why_number.to_owned(),
        Mismatch::OutOfRange(bounds) => (q.why_range)(bounds),
    }
}

fn unmatched_line(t: &Texts, study: &Study, u: &Unmatched) -> String {
    (t.questionnaire.unmatched_line)(
        u.row,
        &u.column,
        &crate::interop::responses::columns::short(&u.header),
        &u.value,
        &u.target,
        &why(t, study, u),
    )
}

/// One line per respondent: what the import does with them.
fn table(t: &Texts, plan: &Plan, prepared: &Prepared) -> Table {
    let q = t.questionnaire;
    let mut table = Table::new();
    table.load_preset(presets::UTF8_BORDERS_ONLY);
    table.set_header(vec![
        q.col_row,
        q.col_respondent,
        q.col_what,
        q.col_answers,
        q.col_attributes,
        q.col_open,
        q.col_situations,
    ]);
    for r in &plan.responses {
        let p = r.pseudonym.as_str();
        let what = if prepared.refused.iter().any(|x| x == p) {
            q.status_refused
        } else if prepared.new.iter().any(|s| s.respondent.pseudonym == p) {
            q.status_new
        } else if prepared.updates.iter().any(|u| u.pseudonym == p) {
            q.status_updated
        } else {
            q.status_unchanged
        };
        let n = |x: usize| Cell::new(x).set_alignment(CellAlignment::Right);
        table.add_row(vec![
            n(r.row),
            Cell::new(p),
            Cell::new(what),
            n(r.answers.len()),
            n(r.attributes.len()),
            n(r.open.len()),
            n(r.situations.len()),
        ]);
    }
    table
}

#[derive(Serialize)]
struct Json<'a> {
    file: String,
    read_as: String,
    columns: Vec<JsonColumn<'a>>,
    unmatched: Vec<JsonUnmatched<'a>>,
    respondents: Vec<JsonRespondent<'a>>,
    /// `None` when the import was refused (see stderr).
    new: Option<usize>,
    updated: Option<usize>,
    unchanged: Option<usize>,
}

#[derive(Serialize)]
struct JsonColumn<'a> {
    sheet: &'a str,
    column: &'a str,
    header: &'a str,
    ignored: bool,
    fills: Vec<String>,
}

#[derive(Serialize)]
struct JsonUnmatched<'a> {
    sheet: &'a str,
    row: usize,
    column: &'a str,
    header: &'a str,
    target: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct JsonRespondent<'a> {
    row: usize,
    pseudonym: &'a str,
    consent: Option<bool>,
    answers: usize,
    attributes: usize,
    open_answers: usize,
    situations: usize,
}

fn json<'a>(study: &Study, plan: &'a Plan, prepared: Option<&Prepared>) -> Json<'a> {
    let t = crate::i18n::Lang::En.texts();
    Json {
        file: show(&plan.file),
        read_as: match &plan.read_as {
            ReadAs::Csv {
                encoding,
                delimiter,
            } => format!("csv {encoding} {}", delimiter_name(*delimiter)),
            ReadAs::Workbook => "workbook".to_owned(),
        },
        columns: plan
            .sheets
            .iter()
            .flat_map(|s| {
                s.columns.iter().map(move |c| JsonColumn {
                    sheet: &s.name,
                    column: &c.letter,
                    header: &c.header,
                    ignored: c.ignored,
                    fills: c.targets.iter().map(|x| target_name(t, study, x)).collect(),
                })
            })
            .collect(),
        unmatched: plan
            .unmatched
            .iter()
            .map(|u| JsonUnmatched {
                sheet: &u.sheet,
                row: u.row,
                column: &u.column,
                header: &u.header,
                target: &u.target,
                value: &u.value,
            })
            .collect(),
        respondents: plan
            .responses
            .iter()
            .map(|r| JsonRespondent {
                row: r.row,
                pseudonym: &r.pseudonym,
                consent: r.consent,
                answers: r.answers.len(),
                attributes: r.attributes.len(),
                open_answers: r.open.len(),
                situations: r.situations.len(),
            })
            .collect(),
        new: prepared.map(|p| p.new.len()),
        updated: prepared.map(|p| p.updates.len()),
        unchanged: prepared.map(|p| p.unchanged.len()),
    }
}
