use super::EncryptionTexts;

pub static EN_ENCRYPTION: EncryptionTexts = EncryptionTexts {
    prompt: |p| format!("Passphrase of the study {p}: "),
    prompt_new: "New passphrase for the study: ",
    prompt_again: "The same again: ",
    mismatch: "the two passphrases differ; nothing was done",
    too_short: |n| format!("passphrase too short (at least {n} characters); nothing was done"),
    no_terminal: |p| {
        format!(
            "{p}: the study is encrypted and there is no terminal to ask its passphrase; give it \
             in GRILLE_PASSPHRASE, or a key of the team in GRILLE_IDENTITY"
        )
    },
    no_terminal_new: |p| {
        format!(
            "{p}: there is no terminal to ask the passphrase that will encrypt the study; give it \
             in GRILLE_PASSPHRASE; nothing was done"
        )
    },
    encrypted: |p, n, team| {
        let team = match team {
            0 => String::new(),
            1 => ", key also given to 1 team member".into(),
            n => format!(", key also given to {n} team members"),
        };
        format!("Study encrypted: {p} ({n} files{team}). The plaintext copy is removed.")
    },
    decrypted: |p, n| {
        format!("Study decrypted: {p} ({n} files), readable without a passphrase from now on.")
    },
    created: |p| format!("Encrypted study created: {p}"),
    keep_passphrase: "Keep the passphrase somewhere safe: without it (or a team key), nobody, not even \
                      grille, can read the study again.",
    index_in_memory: "the study is encrypted: its index is built in memory at each opening, never written to disk",
    old_copy_left: |p, why| {
        format!("the copy from before ({p}) could not be removed ({why}): remove it yourself")
    },
    bad_recipient: |k, why| format!("\"{k}\": not an age or SSH public key ({why})"),
    bad_identity: |f, why| format!("{f}: not a usable age or SSH private key ({why})"),
    key_needed: |p| {
        format!(
            "{p}: the study is encrypted; give its passphrase (asked in a terminal, or \
             GRILLE_PASSPHRASE) or a key of the team (GRILLE_IDENTITY)"
        )
    },
    wrong_key: |p| {
        format!(
            "{p}: wrong passphrase (or a key the study was not encrypted for); nothing was read or \
             changed"
        )
    },
    key_file_damaged: |p, why| {
        format!(
            "{p}: the study's key file is damaged ({why}); without it the study cannot be \
             decrypted — restore it from a backup"
        )
    },
    encrypted_in_plain: |p| {
        format!(
            "{p}: this file is encrypted but the study is not (its study.key is missing); grille \
             left it as it is"
        )
    },
    plain_in_encrypted: |p| {
        format!(
            "{p}: this file is not encrypted, in an encrypted study (written by a grille that \
             opened the study before it was encrypted?); grille left it as it is"
        )
    },
    undecryptable: |p| {
        format!(
            "{p}: cannot be decrypted (damaged, or encrypted with another study's key); grille \
             left it as it is"
        )
    },
    unknown_file: |p| {
        format!(
            "{p}: not a file of the study; grille encrypts or decrypts the whole study or nothing \
             — move it out of the study folder and try again"
        )
    },
    already: |p, encrypted| match encrypted {
        true => format!("{p}: the study is already encrypted"),
        false => format!("{p}: the study is not encrypted"),
    },
};
