use super::PrivacyTexts;

pub static EN_PRIVACY: PrivacyTexts = PrivacyTexts {
    with_identities: "WARNING: this file holds identities (names of interviewers and coders, identifying attributes), exported with --with-identities. Do not share it.",
    identifying_attribute: |key| {
        format!(
            "\"{key}\" is an identifying attribute: exports leave it out unless --with-identities is given"
        )
    },
    kind_person: "person",
    kind_place: "place",
    kind_phone: "phone",
    kind_email: "e-mail",
    kind_address: "address",
    kind_age: "age",
    kind_birth: "date of birth",
    unreviewed: "to review",
    accepted: "accepted",
    keys_at: |f, sealed| match sealed {
        true => format!(
            "Key table: {f} (outside the study folder, readable by you only, encrypted with the study's key)."
        ),
        false => format!(
            "Key table: {f} (outside the study folder, readable by you only, NOT encrypted: the study is not; keep it on protected storage)."
        ),
    },
    keys_flag_placement: "--keys before any command goes with the interface (grille --keys FILE); for a command, give it after the command (grille pseudonymize --keys FILE, grille check --privacy --keys FILE)",
    keys_other_study: |f| format!("{f} is the key table of another study: nothing was done"),
    keys_in_study: |f| format!("the key table must not be inside the study folder: {f}"),
    keys_unreadable: |f, e| format!("unreadable key table, {f}: {e} (nothing was done)"),
    proposal: |n, total, kind, text, pseudonym, count, sessions| {
        format!(
            "[{n}/{total}] {kind} \"{text}\" → {pseudonym}: {count} time(s), in {sessions} session(s)"
        )
    },
    review_prompt: "Replace everywhere? [y]es / [n]o, it names no one / [l]ater / [q]uit:",
    nothing_to_review: "No proposal to review.",
    decided: |a, r, l| format!("{a} accepted, {r} rejected, {l} left for later."),
    replaced: |n, s, rebuilt| match rebuilt {
        true => format!("{n} replacement(s) in {s} session(s); search index rebuilt."),
        false => format!(
            "{n} replacement(s) in {s} session(s); index in memory (encrypted study), up to date at the next search."
        ),
    },
    busy: |p| format!("{p}: session open elsewhere, left as it is; run again once it is closed"),
    undone: |n, s| format!("{n} replacement(s) undone in {s} session(s)."),
    undo_nothing: "Nothing to undo.",
    undo_lost: |p, r| format!("{r}: {p} not found (text edited since), not restored"),
    undo_busy: |s| {
        format!(
            "Nothing was undone: session(s) open elsewhere ({s}). Run again once they are closed."
        )
    },
    unknown_id: |id| format!("no proposal \"{id}\" (see grille pseudonymize list)"),
    names_prompt: "One per line, then an empty line (or Ctrl-D):",
    list_added: |n, total| format!("{n} added ({total} in the list)."),
    ids_or_all: "give the proposals' ids (grille pseudonymize list) or --all",
    column_id: "id",
    column_kind: "kind",
    column_status: "status",
    column_count: "times",
    column_text: "text",
    column_pseudonym: "pseudonym",
    column_context: "context",
    audit_unreviewed: |n| {
        format!("{n} pseudonymisation proposal(s) to review (grille pseudonymize):")
    },
    audit_item: |kind, text, n, s| format!("  {kind} \"{text}\": {n} time(s), in {s} session(s)"),
    audit_permissions: |p, mode| {
        format!("{p}: permissions {mode:04o}, wider than 0600 (file) / 0700 (folder)")
    },
    audit_not_encrypted: "The study is not encrypted: whoever copies the folder reads the transcripts.",
    audit_index: |p| {
        format!(
            "{p}: search index, a plain copy of the transcripts (can be deleted, rebuilt when needed)"
        )
    },
    audit_copy: |p| format!("{p}: a copy or leftover file in the study folder"),
    audit_keys: |p| format!("Key table not encrypted: {p}"),
    audit_keys_in_study: |p| format!("{p}: a key table inside the study folder"),
    audit_clean: "Nothing identifying found.",
    audit_found: |n| format!("{n} point(s) to look at."),
};
