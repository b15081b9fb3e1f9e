use super::StoreTexts;

pub static EN_STORE: StoreTexts = StoreTexts {
    status_problem: "⚠ problem",
    col_path: "path",
    col_name: "name",
    retired_line: |path, into, by, day| match into {
        Some(into) => format!("{path}: merged into {into} ({by}, {day})"),
        None => format!("{path}: deleted with its codings ({by}, {day})"),
    },
    code_added: |p| format!("Code added: {p}"),
    code_renamed: |old, new, name| format!("Code renamed: {old} → {new} (\"{name}\")"),
    code_moved: |old, new| format!("Code moved: {old} → {new}"),
    code_merged: |from, into, n, s| {
        format!(
            "\"{from}\" merged into \"{into}\": {n} coding(s) in {s} session(s) now count under \"{into}\" (grille codebook undo to undo)"
        )
    },
    code_deleted: |name, n, s| {
        format!(
            "\"{name}\" deleted; {n} coding(s) in {s} session(s) removed with it (grille codebook undo to undo)"
        )
    },
    undone: |what, by| format!("Undone: {what} (done by {by})"),
    did_add: |n| format!("the addition of \"{n}\""),
    did_update: |n| format!("the change of \"{n}\""),
    did_merge: |a, b| format!("the merge of \"{a}\" into \"{b}\""),
    did_delete: |n| format!("the deletion of \"{n}\""),
    no_such_code: |c| format!("no code \"{c}\": give its path (grille codebook list) or its id"),
    move_where: "say where: --under CODE, or --top for the top level",
    parent_twice: "the parent is given twice: in the path and with --parent",
    edit_no_code: |id| format!("no code {id} in the codebook"),
    edit_in_use: |name, n, s| {
        format!(
            "\"{name}\" is used by {n} coding(s) in {s} session(s): merge it, or delete it moving or removing them"
        )
    },
    edit_into_itself: |n| format!("cannot merge \"{n}\" into itself or one of its sub-codes"),
    edit_nothing_to_undo: "nothing to undo",
    coded_with_merged: |old, new, by| {
        format!("\"{old}\" was merged into \"{new}\" by {by}: coded with \"{new}\"")
    },
    code_deleted_elsewhere: |name, by, at| {
        format!("\"{name}\" was deleted by {by} at {at}: nothing was coded")
    },
    unknown_code: |id| format!("unknown code {id}: nothing was coded"),
    codings_removed: |n| format!("{n} coding(s) removed: all their words were deleted"),
    not_folded: |why| format!("change saved in the journal, not yet in the file: {why}"),
    repair_nothing: "Nothing to repair.",
    repair_leftover: |p| format!("{p}: left by a crash (a temporary copy) — remove it"),
    repair_not_asked: "Nothing was written: run it in a terminal to choose, or with --yes to apply everything.",
    repair_removed: |p| format!("removed: {p}"),
    repair_skipped: |who, why| format!("session of {who} left as it was: {why}"),
    repair_done: |n, f| format!("{n} coding(s) repaired, {f} temporary file(s) removed."),
    repair_log: |p| {
        format!("What was changed or dropped is kept in {p} (enough to put it back by hand).")
    },
    repair_prompt: "Apply? [y]es / [n]o / [a]ll / [q]uit:",
    repair_map: |e, who, into| {
        format!("coding \"{e}\" ({who}) of a merged code: write it under {into}")
    },
    repair_drop: |e, who, why| format!("coding \"{e}\" ({who}): {why} — drop it"),
    repair_why_deleted: |path, by| format!("its code {path} was deleted by {by}"),
    repair_why_unknown: |id| format!("its code {id} is unknown"),
    repair_why_segment: "its segment is no longer in the session",
    io_full: |p| {
        format!(
            "{p}: the disk is full (or your quota is reached), nothing more could be written there; free some space and try again"
        )
    },
    io_denied: |p| {
        format!("{p}: permission denied; check that this folder belongs to you and can be written")
    },
    io_read_only: |p| format!("{p}: the disk is read-only; copy the study to a writable folder"),
    io_not_found: |p| format!("{p}: no such file or folder"),
    symlink: |p| {
        format!(
            "{p}: a symbolic link; grille does not follow links inside a study — replace it with what it points to"
        )
    },
    not_regular: |p, what| {
        format!("{p}: {what}, not a regular file; grille left it alone — move it away")
    },
    a_folder: "a folder",
    a_fifo: "a named pipe (FIFO)",
    a_device: "a device",
    a_special_file: "a special file",
    locked: |f, who| {
        if who.is_empty() {
            format!("{f}: another grille process is writing this file; it is open read-only here")
        } else {
            format!("{f}: being written by another grille ({who}); it is open read-only here")
        }
    },
    journal_damaged: |f, line, what| format!("{f}: line {line}: {what}"),
    not_a_study: |p| {
        format!("{p}: not a grille study (no study.json); create one with `grille init`")
    },
    exists: |p| format!("{p}: already exists and is not empty"),
    file_exists: |p| format!("{p}: already exists; it was not overwritten"),
};
