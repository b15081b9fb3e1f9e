use super::CliTexts;

pub static FR_CLI: CliTexts = CliTexts {
    template_rewritten: |f| format!("réécrit sous forme canonique : {f}"),
    template_removed: |f| format!("supprimé : {f}"),
    template_would_rewrite: |f| format!("pas sous forme canonique : {f}"),
    template_would_remove: |f| format!("à supprimer : {f}"),
    template_stray: |f| format!("pas un fichier de l'étude, laissé tel quel : {f}"),
    template_canonical: |d| format!("{d} : sous forme canonique, vérification sans erreur"),
    template_written: |d| format!("{d} : désormais sous forme canonique, vérification sans erreur"),
    template_run: |d| {
        format!("lancez `cargo run -- dev template {d}` pour le remettre sous forme canonique")
    },
    import_consent_refused: "--consent refused : la transcription d'un entretien sans consentement ne peut pas être importée ; rien n'a été écrit",
    target_exists: |f| {
        format!("{f} existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre nom")
    },
    target_folder: |f| format!("{f} est un dossier : donnez le nom d'un fichier dans ce dossier"),
    target_not_folder: |f| {
        format!(
            "{f} est un fichier : donnez le nom d'un dossier pour les tableaux (ou un .zip), ou supprimez-le"
        )
    },
    target_device: |f| {
        format!(
            "{f} est un périphérique, pas un fichier ordinaire : grille n'écrit les exports que dans des fichiers ordinaires (-o - pour la sortie standard)"
        )
    },
    target_pipe: |f| {
        format!(
            "{f} est un tube nommé, pas un fichier ordinaire : grille n'écrit les exports que dans des fichiers ordinaires (-o - pour la sortie standard)"
        )
    },
    target_socket: |f| {
        format!(
            "{f} est une socket, pas un fichier ordinaire : grille n'écrit les exports que dans des fichiers ordinaires (-o - pour la sortie standard)"
        )
    },
    target_dangling: |f| {
        format!("{f} est un lien symbolique vers rien : supprimez-le ou choisissez un autre nom")
    },
    target_no_folder: |f, d| {
        format!(
            "{f} ne peut pas être écrit : le dossier {d} n'existe pas ; créez-le ou choisissez un autre endroit"
        )
    },
    target_disk_full: |f| {
        format!(
            "{f} n'a pas pu être écrit : le disque est plein ; libérez de la place ou choisissez un autre endroit, puis relancez la commande"
        )
    },
    target_denied: |f| {
        format!(
            "{f} n'a pas pu être écrit : permission refusée ; choisissez un dossier où vous pouvez écrire"
        )
    },
    target_read_only: |f| {
        format!(
            "{f} n'a pas pu être écrit : le disque est en lecture seule ; choisissez un autre endroit"
        )
    },
    target_failed: |f, e| {
        format!(
            "{f} n'a pas pu être écrit ({e}) ; vérifiez l'emplacement, puis relancez la commande"
        )
    },
    target_two_stdout: "le tableau et le graphique ne peuvent pas aller tous deux sur la sortie standard : donnez un fichier à -o ou à --chart",
};
