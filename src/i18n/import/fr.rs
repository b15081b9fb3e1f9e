use super::ImportTexts;

pub static FR_IMPORT: ImportTexts = ImportTexts {
    not_text: |f, what| format!("{f} : ce n'est pas une retranscription en texte : {what}"),
    zip: "c'est une archive zip (un .docx, .odt ou .xlsx renommé ?). Redonnez-lui son extension \
        (.docx, .odt) pour l'importer.",
    pdf: "c'est un document PDF. Exportez la retranscription en .docx, .odt ou .txt depuis le \
        logiciel qui l'a produite.",
    old_word: "c'est un document Word 97–2003 (.doc). Enregistrez-le en .docx (Fichier › \
        Enregistrer sous) et importez la copie.",
    rtf: "c'est un document RTF. Enregistrez-le en .docx ou .odt et importez la copie.",
    image: "c'est une image.",
    recording: "c'est un enregistrement audio ou vidéo, pas sa retranscription.",
    executable: "c'est un programme.",
    utf16: |order, cmd| {
        format!(
            "c'est du texte UTF-16 ({order}) sans marque d'ordre des octets. Convertissez-le \
             avec `{cmd}` et importez la copie."
        )
    },
    binary: "c'est un fichier binaire (il contient des octets de contrôle qu'aucun texte ne \
        contient).",
    bad_cue_time: |cue, found| {
        format!(
            "sous-titre n° {cue} : « {found} » n'est pas un horodatage valide (hh:mm:ss.mmm, \
             minutes et secondes de 00 à 59)"
        )
    },
    cue_ends_before_start: |cue, start, end| {
        format!("sous-titre n° {cue} : il finit ({end}) avant de commencer ({start})")
    },
    missing_blank_line: "une ligne de temps dans le texte d'un sous-titre : il manque une ligne \
        vide avant le sous-titre qu'elle commence",
    ends_before_start: |text, start, end| {
        format!("« {text} » finit ({end}) avant de commencer ({start})")
    },
    missing: |what| format!("{what} manque"),
    syntax: |m| format!("fichier endommagé : {m}"),
    malformed_at: |f, l, m| format!("{f} : ligne {l} : {m}"),
    malformed: |f, m| format!("{f} : {m}"),
    unsupported: |f| {
        format!(
            "{f} : format non pris en charge. grille lit .txt, .md, .docx, .odt, .srt, .vtt, \
             .html (noScribe), .otr (oTranscribe), .json et .tsv (Whisper), .TextGrid (Praat), \
             .eaf (ELAN) et .trs (Transcriber)."
        )
    },
    already_imported: |f, id, r| {
        format!("{f} : déjà importé (entretien {id}, {r}) : ignoré, rien n'est dupliqué.")
    },
    leftover_removed: |d| format!("Dossier laissé par une importation interrompue supprimé : {d}"),
    speakers_of: |f| format!("{f} — interlocuteur·rices :"),
    speaker_line: |label, role, lines, questions| {
        format!("  {label} : {role}, {lines} ligne(s), {questions} question(s)")
    },
    role_interviewer: "enquêteur·rice",
    role_respondent: "répondant·e",
    role_co_respondent: "autre répondant·e",
    why_mark: "(marque d'enquêteur·rice)",
    why_given: "(donné par --interviewer-label)",
    why_declared: "(déclaré dans le fichier)",
    why_name: "(nom de l'enquêteur·rice)",
    why_questions: "(pose le plus de questions)",
    no_labels: "  aucun nom de locuteur·rice : tout est attribué au ou à la répondant·e",
    unknown_interviewer_label: |l, found| {
        format!("--interviewer-label « {l} » : aucun·e locuteur·rice de ce nom (trouvés : {found})")
    },
    unknown_speaker: |l, found| {
        format!("« {l} » : aucun·e locuteur·rice de ce nom dans les fichiers (trouvés : {found})")
    },
    dry_run_nothing_written: "Essai (--dry-run) : rien n'a été écrit.",
    times_relative: "Sans --date, les heures sont des décalages depuis le début de \
        l'enregistrement (la date de l'entretien reste inconnue).",
    interviewer_unknown: "Enquêteur·rice inconnu·e : donnez --interviewer NOM, ou enregistrez \
        votre nom avec `grille config set interviewer NOM`.",
    config_saved: |k, v| format!("{k} = {v} (enregistré dans les préférences)"),
    config_cleared: |k| format!("{k} effacé des préférences"),
    config_unknown_key: |k| format!("« {k} » n'est pas une préférence (interviewer, coder, lang)"),
    config_nowhere: "pas de dossier de configuration sur ce système : les préférences ne peuvent \
        pas être enregistrées",
    session_not_found: |id| {
        format!("aucun entretien dont l'identifiant commence par « {id} » (voir grille sessions)")
    },
    session_ambiguous: |id, n| {
        format!("« {id} » désigne {n} entretiens : donnez plus de caractères de l'identifiant")
    },
    session_nothing_to_set: "rien à changer : donnez --interviewer NOM",
    session_busy: |id| {
        format!(
            "l'entretien {id} est ouvert en écriture ailleurs : réessayez une fois qu'il est fermé"
        )
    },
    interviewer_set: |id, r, name| format!("Entretien {id} ({r}) : enquêteur·rice = {name}"),
};
