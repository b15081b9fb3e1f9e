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
};
