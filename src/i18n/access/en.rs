use super::AccessTexts;

pub static EN_ACCESS: AccessTexts = AccessTexts {
    plain_study: |p| {
        format!(
            "{p}: the study is not encrypted; encrypt it first (grille encrypt), then give keys to \
             the team"
        )
    },
    passphrase_only: |p| format!("{p}: no team keys; only the passphrase opens the study."),
    team_header: |p, n| {
        let keys = match n {
            1 => "1 team key".to_owned(),
            n => format!("{n} team keys"),
        };
        format!("{p}: the study opens with its passphrase and {keys}:")
    },
    added: |k| format!("Key added: {k}"),
    already: |k| format!("Already a key of the team, left as it is: {k}"),
    removed: |k| format!("Key removed: {k}"),
    removed_copies: "Beware: this key no longer opens the study as it is here, but any copy made \
                     before this removal (a backup, a USB stick, a shared folder, a copy sent) \
                     still opens with it: the study key, which encrypts every file, stays the \
                     same. grille does not offer to change the study key (every file of the study \
                     and the pseudonym table would have to be encrypted again).",
    team_now: |n| match n {
        0 => "From now on only the passphrase opens the study.".to_owned(),
        1 => "From now on the passphrase and 1 team key open the study.".to_owned(),
        n => format!("From now on the passphrase and {n} team keys open the study."),
    },
    no_terminal_new: |p| {
        format!(
            "{p}: there is no terminal to ask the new passphrase; give it in \
             GRILLE_NEW_PASSPHRASE (the current one in GRILLE_PASSPHRASE); nothing was done"
        )
    },
    passphrase_changed: |p| {
        format!(
            "Passphrase changed: {p} opens with the new one, no longer with the old one (only \
             study.key was rewritten; the study's files did not change)."
        )
    },
    passphrase_copies: "Beware: any copy of the study made before this change (a backup, a USB \
                        stick, a shared folder) still opens with the old passphrase.",
    not_in_team: |p, k, n| match n {
        0 => format!("{p}: \"{k}\" is not a key of the team; nothing was changed"),
        n => format!(
            "{p}: {n} keys of the team are named \"{k}\"; give the key itself; nothing was changed"
        ),
    },
};
