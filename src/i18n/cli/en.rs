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
    target_exists: |f| {
        format!("{f} already exists: add --force to replace it, or choose another name")
    },
    target_folder: |f| format!("{f} is a folder: give the name of a file in it"),
    target_not_folder: |f| {
        format!("{f} is a file: give the name of a folder for the tables (or a .zip), or remove it")
    },
    target_device: |f| {
        format!(
            "{f} is a device, not a regular file: grille writes exports only to regular files (use -o - for stdout)"
        )
    },
    target_pipe: |f| {
        format!(
            "{f} is a named pipe, not a regular file: grille writes exports only to regular files (use -o - for stdout)"
        )
    },
    target_socket: |f| {
        format!(
            "{f} is a socket, not a regular file: grille writes exports only to regular files (use -o - for stdout)"
        )
    },
    target_dangling: |f| {
        format!("{f} is a symbolic link to nothing: remove it or choose another name")
    },
    target_no_folder: |f, d| {
        format!(
            "{f} cannot be written: the folder {d} does not exist; create it or choose another place"
        )
    },
    target_disk_full: |f| {
        format!(
            "{f} could not be written: the disk is full; free some space or choose another place, then run the command again"
        )
    },
    target_denied: |f| {
        format!("{f} could not be written: permission denied; choose a folder you can write in")
    },
    target_read_only: |f| {
        format!("{f} could not be written: the disk is read-only; choose another place")
    },
    target_failed: |f, e| {
        format!("{f} could not be written ({e}); check the place, then run the command again")
    },
    target_two_stdout: "the table and the chart cannot both go to stdout: give a file to -o or to --chart",
};
