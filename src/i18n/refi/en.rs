use super::RefiTexts;

pub static EN_REFI: RefiTexts = RefiTexts {
    grid_code: "Interview grid",
    grid_code_description: "The themes and questions of the interview grid (grille). Each passage of an interview is coded with the question it answers.",
    prompts: "Follow-up prompts:",
    use_when: "Use when:",
    dont_use_when: "Don't use when:",
    example: "Example:",
    interviewer_mark: "INT",
    respondent_mark: "RESP",
    source_description: |interviewer, date, location| {
        let mut s = format!("Interview by {interviewer}");
        if !date.is_empty() {
            s.push_str(&format!(" on {date}"));
        }
        if !location.is_empty() {
            s.push_str(&format!(", at {location}"));
        }
        s.push('.');
        s
    },
    someone: "import",
    qdpx_needs_file: "a .qdpx project is an archive: give the file to write with -o FILE.qdpx",
    written: |f| format!("Written: {f}"),
    exported_codes: |codes| format!("{codes} code(s) exported."),
    exported: |codes, sessions, codings| {
        format!("{codes} code(s), {sessions} session(s), {codings} coding(s) exported.")
    },
    unreadable: |f, e| format!("{f}: cannot be read ({e})"),
    unsupported: |f| {
        format!("{f}: grille reads REFI-QDA .qdc codebooks and .qdpx (or .qde) projects")
    },
    not_zip: |f, e| format!("{f}: not a readable zip archive ({e}); a .qdpx project is one"),
    unsafe_entry: |f, e| {
        format!(
            "{f}: the archive holds an entry \"{e}\" that points outside it; refused, nothing was read"
        )
    },
    too_many_entries: |f, n| format!("{f}: the archive holds more than {n} entries; refused"),
    too_large: |f, e, mb| {
        format!("{f}: \"{e}\" unpacks to more than {mb} MiB (a zip bomb?); refused")
    },
    no_project: |f| format!("{f}: no project.qde in the archive; is it a REFI-QDA project?"),
    in_archive: |f, e| format!("{f}: {e}"),
    xml: |d, line, what| format!("{d}, line {line}: {what}"),
    xml_malformed: |m| format!("malformed XML ({m})"),
    xml_doctype: "a document type declaration (<!DOCTYPE>) is refused: REFI-QDA files have none, and it is how entity expansion attacks work",
    xml_entity: |n| format!("unknown entity &{n}; (refused: only XML's five entities are read)"),
    xml_too_deep: |n| format!("elements nested more than {n} deep; refused"),
    xml_huge_attribute: |n, mb| format!("attribute \"{n}\" longer than {mb} MiB; refused"),
    xml_huge_text: |e, mb| format!("text of <{e}> longer than {mb} MiB; refused"),
    xml_empty: "empty document",
    not_utf8: |d, at| {
        format!(
            "{d} is not UTF-8 text ({at}); REFI-QDA is written in UTF-8, or in the encoding \
             the XML declaration names"
        )
    },
    not_utf8_at: |o, l, c| format!("byte {o}, line {l}, column {c}"),
    looks_like: |e| format!("; it looks like {e}"),
    not_refi: |f, root| {
        format!("{f}: the root element is <{root}>, not a QDA-XML <Project> or <CodeBook>")
    },
    project_in_codebook: |f| {
        format!("{f}: this .qdc file holds a whole project; rename it .qde (or import the .qdpx)")
    },
    invalid: |f, p| {
        format!("{f}: the import would make an invalid study, nothing was written: {p}")
    },
    write_failed: |f, e| format!("{f}: cannot be written: {e}"),
    store_failed: |e| format!("writing into the study failed, it was left as it was: {e}"),
    nothing_written: "Nothing was imported.",
    reading: |origin| {
        if origin.is_empty() {
            "REFI-QDA file (tool not named).".to_owned()
        } else {
            format!("REFI-QDA file written by {origin}.")
        }
    },
    imported: |sessions, segments, codings, memos, situations| {
        format!(
            "Imported: {sessions} session(s), {segments} segment(s), {codings} coding(s), {memos} memo(s), {situations} situation(s)."
        )
    },
    codes: |added, merged| {
        format!("Codes: {added} added, {merged} already in the study (merged, not duplicated).")
    },
    code_merged: |name, path| format!("  \"{name}\" merged with {path} (whose name is kept)"),
    attributes_added: |keys| format!("Attributes added to the study: {keys}"),
    sets_as_attribute: |key, names| {
        format!("Sets of sources kept as options of the respondents' attribute \"{key}\": {names}")
    },
    counting: |how, fitting, total| {
        format!(
            "Positions counted in {how} (detected: {fitting} of {total} selection(s) fall on word boundaries that way)."
        )
    },
    counting_code_points: "Unicode characters",
    counting_utf16: "UTF-16 units (an emoji counts two, as in NVivo)",
    crlf_as_one: "CRLF line endings counted as one",
    crlf_as_two: "CRLF line endings counted as two",
    realigned: |n| {
        format!("{n} selection(s) moved onto the text they quote, close to their positions.")
    },
    clipped: |n| {
        format!(
            "{n} coding(s) cut to the segments' text (they also covered a speaker label or a line break)."
        )
    },
    outside: |p| format!("Read from outside the archive: {p}"),
    left_out: |n| format!("{n} item(s) not imported:"),
    skip_source_rich_text: |name, path| {
        format!(
            "  source \"{name}\": only a rich-text file ({path}) is given; grille reads plain text. Export the project with its plain texts, or convert the document to .txt."
        )
    },
    skip_source_not_found: |name, path| format!("  source \"{name}\": file {path} not found"),
    skip_source_no_text: |name| format!("  source \"{name}\": no text"),
    skip_source_not_utf8: |name, path, at| {
        format!("  source \"{name}\": {path} is not UTF-8 ({at})")
    },
    skip_source_too_large: |name, path| format!("  source \"{name}\": {path} is too large"),
    skip_source_exists: |name| {
        format!("  source \"{name}\": already in the study (same id), left as it is")
    },
    skip_other_source: |kind, name| format!("  source \"{name}\" ({kind}): grille reads text only"),
    skip_selection: |guid, source, why| format!("  selection {guid} (source \"{source}\"): {why}"),
    why_not_numbers: "positions that are not whole numbers",
    why_out_of_range: |start, end, len| {
        format!("positions {start}–{end} outside the text ({len} characters) or reversed")
    },
    why_inside_character: |start, end| format!("positions {start}–{end} inside a character"),
    why_quote: |q| format!("the text at these positions is not the text it quotes (\"{q}\")"),
    why_no_text: "covers no interview text (only a label, a time or line breaks)",
    skip_coding: |guid, source, code| {
        format!("  coding {guid} (source \"{source}\"): code {code} is not in the codebook")
    },
    skip_value: |case, variable, value, why| {
        format!("  case \"{case}\", {variable} = \"{value}\": {why}")
    },
    skip_project_note: |name| format!("  project note \"{name}\": grille keeps memos on sessions"),
    skip_set: |name| format!("  set \"{name}\": grille has no groups (its codes are imported)"),
    study_created: |p| format!("Study created in {p}"),
    check_pseudonyms: "Respondents are named after the file's cases or sources: check that these are pseudonyms.",
    consent_unknown: "The consent of the imported interviews is not known to grille: none is recorded.",
    new_only_for_refi: "--new goes with a REFI-QDA file (.qdc, .qdpx)",
    dry_run: "Trial run (--dry-run): nothing was written.",
    one_file: "a REFI-QDA file is imported alone: one .qdc or .qdpx at a time",
};
