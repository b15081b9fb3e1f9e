use super::AccessTexts;

pub static FR_ACCESS: AccessTexts = AccessTexts {
    plain_study: |p| {
        format!(
            "{p} : l'étude n'est pas chiffrée ; chiffrez-la d'abord (grille encrypt), puis donnez \
             des clés à l'équipe"
        )
    },
    passphrase_only: |p| {
        format!("{p} : aucune clé d'équipe ; seule la phrase de passe ouvre l'étude.")
    },
    team_header: |p, n| {
        let keys = match n {
            1 => "1 clé d'équipe".to_owned(),
            n => format!("{n} clés d'équipe"),
        };
        format!("{p} : l'étude s'ouvre avec sa phrase de passe et {keys} :")
    },
    added: |k| format!("Clé ajoutée : {k}"),
    already: |k| format!("Déjà une clé de l'équipe, laissée telle quelle : {k}"),
    removed: |k| format!("Clé retirée : {k}"),
    removed_copies: "Attention : cette clé n'ouvre plus l'étude telle qu'elle est ici, mais toute \
                     copie faite avant ce retrait (sauvegarde, clé USB, dossier partagé, copie \
                     envoyée) s'ouvre toujours avec elle : la clé de l'étude, qui chiffre chaque \
                     fichier, reste la même. grille ne propose pas de changer la clé de l'étude \
                     (il faudrait rechiffrer tous ses fichiers et la table des pseudonymes).",
    team_now: |n| match n {
        0 => "Désormais seule la phrase de passe ouvre l'étude.".to_owned(),
        1 => "Désormais la phrase de passe et 1 clé d'équipe ouvrent l'étude.".to_owned(),
        n => format!("Désormais la phrase de passe et {n} clés d'équipe ouvrent l'étude."),
    },
    no_terminal_new: |p| {
        format!(
            "{p} : aucun terminal ne permet de demander la nouvelle phrase de passe ; donnez-la \
             dans GRILLE_NEW_PASSPHRASE (l'actuelle dans GRILLE_PASSPHRASE) ; rien n'a été fait"
        )
    },
    passphrase_changed: |p| {
        format!(
            "Phrase de passe changée : {p} s'ouvre avec la nouvelle, plus avec l'ancienne \
             (seul study.key a été réécrit ; les fichiers de l'étude n'ont pas changé)."
        )
    },
    passphrase_copies: "Attention : toute copie de l'étude faite avant ce changement (sauvegarde, \
                        clé USB, dossier partagé) s'ouvre toujours avec l'ancienne phrase de passe.",
    not_in_team: |p, k, n| match n {
        0 => format!("{p} : « {k} » n'est pas une clé de l'équipe ; rien n'a été changé"),
        n => format!(
            "{p} : {n} clés de l'équipe s'appellent « {k} » ; donnez la clé elle-même ; rien n'a \
             été changé"
        ),
    },
};
