use super::{AlignKeys, AlignTexts};

pub static FR_ALIGN: AlignTexts = AlignTexts {
    one_file: "--into ajoute une seule transcription à un entretien : donnez un seul fichier",
    refi_layers: |n| {
        format!(
            "Attention : {n} entretien(s) ont la transcription de leur enregistrement. Dans le \
             projet, elle suit les notes prises en direct dans la même source, avec ses codages ; \
             les visites des questions, ce qui est transcription ou notes et les propositions du \
             direct ne sont relus que par grille (grille.json). Un autre logiciel y verra un seul \
             texte, où les notes redisent les mêmes propos."
        )
    },
    not_for_refi: "--into s'emploie avec une transcription, pas avec un fichier REFI-QDA",
    bad_offset: |s| {
        format!(
            "« {s} » n'est pas un décalage : écrivez ±HH:MM:SS, par exemple +00:04:30 ou -12:05"
        )
    },
    bad_starts_at: |s| {
        format!(
            "« {s} » n'est pas une heure : écrivez HH:MM[:SS] (le jour de l'entretien) ou une date et une heure"
        )
    },
    session_named: |s, n| {
        format!(
            "« {s} » désigne {n} entretiens : donnez le début de l'identifiant (voir grille sessions)"
        )
    },
    consent_refused: |s| {
        format!(
            "l'entretien {s} enregistre un refus de consentement : aucune transcription ne peut y être ajoutée"
        )
    },
    no_times: "la transcription n'a pas de temps : elle ne peut pas être placée dans l'entretien",
    no_session_start: "l'entretien n'a pas d'heure de début : donnez --starts-at au lieu de --offset",
    no_notes: "l'entretien n'a pas de notes horodatées à comparer : donnez --offset ou --starts-at",
    no_match: "aucune note de l'entretien ne partage de mots avec la transcription : donnez --offset ou --starts-at",
    header: |f, n, id, r| format!("Transcription {f} ({n} segments) → entretien {id} ({r})"),
    proposed: |at, off, c, m, n| {
        format!(
            "Début de l'enregistrement proposé : {at} ({off} après le début de l'entretien), \
             confiance {c} % ({m} notes sur {n} retrouvées dans la transcription)"
        )
    },
    given: |at, off| {
        format!("Début de l'enregistrement : {at} ({off} après le début de l'entretien)")
    },
    counted_transcripts: |n| {
        format!(
            "{n} entretien(s) comptés sur la transcription de leur enregistrement (leurs notes \
             prises en direct ne sont pas comptées en plus)"
        )
    },
    coverage_title: "Couverture de la grille par les transcriptions",
    coverage_sheet: "Couverture",
    coverage_sessions_title: "Couverture par entretien et par question",
    coverage_sessions_sheet: "Couverture par entretien",
    coverage_base: |n| {
        format!(
            "Base : {n} entretien(s) dont l'enregistrement est transcrit et aligné sur la grille"
        )
    },
    coverage_minutes_note: "Minutes : durée dans l'enregistrement des segments placés sous la question (paroles simultanées comptées une fois)",
    coverage_none: "Aucun entretien n'a encore la transcription de son enregistrement. Ajoutez-la \
                    à l'entretien mené en direct : grille import FICHIER --into ENTRETIEN ; ce \
                    tableau dira alors quelles questions de la grille ont du texte et combien de \
                    minutes chacune a pris dans les enregistrements.",
    col_with_text: "Entretiens avec du texte",
    col_layers: "texte",
    layers_notes: "notes",
    layers_both: "notes+transcr.",
    layers_transcript: "transcription",
    layers_answers: "réponses",
    layers_both_short: "n+tr",
    layers_transcript_short: "tr",
    layers_answers_short: "rép",
    col_minutes_mean: "Minutes par entretien",
    col_session: "Entretien",
    layer_both: "transcription et notes",
    layer_transcript: "transcription",
    layer_notes: "notes en direct",
    notes_beside: "Notes prises en direct",
    no_notes_beside: "aucune note à ce moment",
    no_proposals: "Aucune proposition en attente.",
    proposals_pending: |n| format!("{n} proposition(s) en attente (p)"),
    proposal_here: |s| format!("Proposé depuis le direct ({s} %)"),
    proposal_keys: "y accepter · n rejeter · p suivante",
    col_question: "Question",
    col_segments: "Segments",
    col_words: "Mots",
    col_minutes: "Minutes",
    off_grid: "hors grille",
    proposals: |n| {
        format!(
            "{n} codage(s) faits en direct proposés sur la transcription (à accepter, déplacer ou rejeter à l'écran de codage)"
        )
    },
    accept_or_correct: |cmd| {
        format!(
            "Rien n'a été écrit. Pour accepter ce début : {cmd} --accept ; pour le corriger : \
             {cmd} --offset ±HH:MM:SS (ou --starts-at HH:MM:SS)."
        )
    },
    low_confidence: "Confiance faible : vérifiez le début proposé en comparant quelques segments aux notes.",
    unchanged: "Cette transcription est déjà celle de l'entretien : rien n'a été écrit.",
    added: |id, r| format!("Transcription ajoutée à l'entretien {id} ({r})."),
    replaced: |kept, lost, lost_excerpts| {
        format!(
            "Transcription remplacée : {kept} codage(s) suivent leurs mots ; {lost} codage(s) et \
             {lost_excerpts} extrait(s) de situation dont les mots ont disparu sont retirés."
        )
    },
};

pub static FR_ALIGN_KEYS: AlignKeys = AlignKeys {
    section: "Transcription de l'enregistrement",
    layer: "transcription et notes / transcription / notes en direct",
    short_layer: "couches",
    next_proposal: "proposition suivante (codage du direct), son passage sélectionné",
    short_next_proposal: "proposition",
    accept: "accepter la proposition (telle quelle, ou sur la sélection déplacée)",
    reject: "rejeter la proposition",
    no_proposal_here: "Aucune proposition ici (p : la suivante).",
    accepted: |c| format!("Proposition « {c} » acceptée"),
    rejected: |c| format!("Proposition « {c} » rejetée"),
    did_accept: |c| format!("proposition « {c} » acceptée"),
    did_reject: |c| format!("proposition « {c} » rejetée"),
};
