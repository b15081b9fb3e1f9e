use super::QuestionnaireTexts;

pub static EN_QUESTIONNAIRE: QuestionnaireTexts = QuestionnaireTexts {
    kind: "Kind",
    kind_interview: "interview",
    kind_questionnaire: "questionnaire",
    no_header: |f| format!("{f}: no header row (is the file empty?)"),
    no_responses: |f| format!("{f}: no response, only the header row"),
    csv_error: |f, row, m| format!("{f}, row {row}: unreadable CSV: {m}"),
    cell_without_header: |f, sheet, row, col, v| {
        format!(
            "{f}, sheet \"{sheet}\", row {row}, column {col}: \"{v}\" is under no header (a row \
             has more cells than the header: a shifted delimiter or quote?)"
        )
    },
    bad_workbook: |f, m| format!("{f}: unreadable workbook: {m}"),
    bad_mapping: |f, place, m| format!("mapping file {f}: {place}{m}"),
    mapping_place: |l, c| format!("line {l}, column {c}: "),
    target_unknown: "neither a question of the grid nor an attribute declared in study.json",
    target_not_multiple: "[OPTION] only fits a multiple-choice question",
    bad_target: |col, target, why| format!("mapping of column \"{col}\": \"{target}\": {why}"),
    no_such_column: |col, headers| format!("no column \"{col}\" in the file (columns: {headers})"),
    duplicate_id: |id, a, b, col| {
        format!(
            "respondent \"{id}\" is on rows {a} and {b} (column {col}): each row must be a \
             different person"
        )
    },
    orphan: |sheet, row, parent, psheet| {
        format!(
            "sheet \"{sheet}\", row {row}: _parent_index \"{parent}\" matches no row of \
             \"{psheet}\""
        )
    },
    refused_unmatched: |n| {
        format!(
            "{n} value(s) match nothing (listed above): nothing was imported. Fix the file, add \
             them to the [values] section of the mapping file, or run again with \
             --skip-unmatched to leave them out."
        )
    },
    session_not_updatable: |p, s, why| {
        format!("respondent \"{p}\": session {s} cannot be updated: {why}")
    },
    nothing_written: "Nothing was written.",
    read_csv: |f, enc, sep, n, cols| {
        format!("{f}: CSV ({enc}, delimiter {sep}), {n} response(s), {cols} column(s)")
    },
    read_workbook: |f, n, sheets| format!("{f}: workbook, {n} response(s), {sheets} sheet(s)"),
    sheet_situations: |s, n| format!("sheet \"{s}\": {n} row(s), each a situation"),
    sheet_unused: |s, n| format!("sheet \"{s}\": {n} row(s), nothing of it is imported"),
    columns_title: "Columns:",
    to_id: "respondent id",
    to_date: "date of the response",
    to_consent: "consent",
    to_question: |k| format!("question {k}"),
    to_option: |k, o| format!("{k}, option \"{o}\""),
    to_attribute: |k| format!("attribute {k}"),
    to_situation: |n, k| format!("situation {n}, {k}"),
    to_situation_field: |k| format!("situation, {k}"),
    ignored: "ignored",
    unmapped_title: |n| {
        format!("Columns not imported ({n}): name them in the mapping file ([columns] or ignore):")
    },
    unmatched_title: |n| format!("Values without a match ({n}):"),
    unmatched_line: |row, col, header, v, target, why| {
        format!("  row {row}, column {col} \"{header}\" → {target}: \"{v}\": {why}")
    },
    why_option: |part, options| format!("\"{part}\" is not an option ({options})"),
    why_yes_no: "neither yes nor no",
    why_number: "not a number",
    why_range: |b| format!("out of the bounds {b}"),
    bad_date: |row, v| format!("row {row}: date \"{v}\" unreadable, left unknown"),
    numbered: |first, last| {
        format!(
            "No column names the respondents (pseudo, id, respondent… or --id-column): they \
             are numbered {first} to {last} in the file's order. A new import finds them by \
             that number: keep the order of the rows."
        )
    },
    col_row: "Row",
    col_respondent: "Respondent",
    col_what: "Import",
    col_answers: "Answers",
    col_attributes: "Attributes",
    col_open: "Open",
    col_situations: "Situations",
    status_new: "new",
    status_updated: "updated",
    status_unchanged: "unchanged",
    status_refused: "refused",
    summary: |new, up, same, sit, open| {
        format!(
            "Respondents: {new} new, {up} updated, {same} unchanged; {sit} situation(s), {open} \
             open answer(s)."
        )
    },
    refused: |n, list| {
        format!(
            "{n} respondent(s) refused consent ({list}): only the refusal is recorded, none of \
             their answers."
        )
    },
    kept: |p, k| {
        format!("{p}: the open answer to \"{k}\" is empty in the file; the study's is kept.")
    },
    dry_run: "Trial run (--dry-run): nothing was written.",
    skipped: |n| format!("--skip-unmatched: {n} value(s) without a match left out (listed above)."),
    done: |new, up| format!("Imported: {new} new respondent(s), {up} updated."),
};
