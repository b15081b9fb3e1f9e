use super::CliTexts;

pub static EN_CLI: CliTexts = CliTexts {
    template_rewritten: |f| format!("rewritten in canonical form: {f}"),
    template_removed: |f| format!("removed: {f}"),
    template_would_rewrite: |f| format!("not in canonical form: {f}"),
    template_would_remove: |f| format!("to be removed: {f}"),
    template_stray: |f| format!("not a file of the study, left alone: {f}"),
    template_canonical: |d| format!("{d}: in canonical form, checks clean"),
    template_written: |d| format!("{d}: now in canonical form, checks clean"),
    template_run: |d| {
        format!("run `cargo run -- dev template {d}` to bring it into canonical form")
    },
    import_consent_refused: "--consent refused: a transcript of an interview without consent cannot be imported; nothing was written",
};
