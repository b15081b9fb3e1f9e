use super::RefiTexts;

pub static FR_REFI: RefiTexts = RefiTexts {
    grid_code: "Grille d'entretien",
    grid_code_description: "Les thèmes et questions de la grille d'entretien (grille). Chaque passage d'un entretien est codé avec la question à laquelle il répond.",
    prompts: "Relances :",
    use_when: "À utiliser :",
    dont_use_when: "À ne pas utiliser :",
    example: "Exemple :",
    interviewer_mark: "ENQ",
    respondent_mark: "REP",
    source_description: |interviewer, date, location| {
        let mut s = format!("Entretien mené par {interviewer}");
        if !date.is_empty() {
            s.push_str(&format!(" le {date}"));
        }
        if !location.is_empty() {
            s.push_str(&format!(", lieu : {location}"));
        }
        s.push('.');
        s
    },
    someone: "import",
    qdpx_needs_file: "un projet .qdpx est une archive : donnez le fichier à écrire avec -o FICHIER.qdpx",
    written: |f| format!("Écrit : {f}"),
    exported_codes: |codes| format!("{codes} code(s) exporté(s)."),
    exported: |codes, sessions, codings| {
        format!("{codes} code(s), {sessions} entretien(s), {codings} codage(s) exporté(s).")
    },
    unreadable: |f, e| format!("{f} : illisible ({e})"),
    unsupported: |f| {
        format!("{f} : grille lit les livres de codes .qdc et les projets .qdpx (ou .qde) REFI-QDA")
    },
    not_zip: |f, e| format!("{f} : pas une archive zip lisible ({e}) ; un projet .qdpx en est une"),
    unsafe_entry: |f, e| {
        format!(
            "{f} : l'archive contient une entrée « {e} » qui pointe hors d'elle ; refusée, rien n'a été lu"
        )
    },
    too_many_entries: |f, n| format!("{f} : l'archive contient plus de {n} entrées ; refusée"),
    too_large: |f, e, mb| {
        format!("{f} : « {e} » dépasse {mb} Mo une fois décompressé (bombe zip ?) ; refusé")
    },
    no_project: |f| {
        format!("{f} : pas de project.qde dans l'archive ; est-ce bien un projet REFI-QDA ?")
    },
    in_archive: |f, e| format!("{f} : {e}"),
    xml: |d, line, what| format!("{d}, ligne {line} : {what}"),
    xml_malformed: |m| format!("XML mal formé ({m})"),
    xml_doctype: "déclaration de type de document (<!DOCTYPE>) refusée : les fichiers REFI-QDA n'en ont pas, et elle sert aux attaques par expansion d'entités",
    xml_entity: |n| {
        format!("entité inconnue &{n}; (refusée : seules les cinq entités de XML sont lues)")
    },
    xml_too_deep: |n| format!("éléments imbriqués sur plus de {n} niveaux ; refusé"),
    xml_huge_attribute: |n, mb| format!("attribut « {n} » de plus de {mb} Mo ; refusé"),
    xml_huge_text: |e, mb| format!("texte de <{e}> de plus de {mb} Mo ; refusé"),
    xml_empty: "document vide",
    not_utf8: |d, at| {
        format!(
            "{d} n'est pas un texte UTF-8 ({at}) ; REFI-QDA s'écrit en UTF-8, ou dans l'encodage \
             que nomme la déclaration XML"
        )
    },
    not_utf8_at: |o, l, c| format!("octet {o}, ligne {l}, colonne {c}"),
    looks_like: |e| format!(" ; il semble être en {e}"),
    not_refi: |f, root| {
        format!("{f} : l'élément racine est <{root}>, pas un <Project> ni un <CodeBook> QDA-XML")
    },
    project_in_codebook: |f| {
        format!(
            "{f} : ce fichier .qdc contient un projet entier ; renommez-le en .qde (ou importez le .qdpx)"
        )
    },
    invalid: |f, p| {
        format!("{f} : l'import donnerait une étude invalide, rien n'a été écrit : {p}")
    },
    write_failed: |f, e| format!("{f} : écriture impossible : {e}"),
    store_failed: |e| {
        format!("échec de l'écriture dans l'étude, elle est restée telle quelle : {e}")
    },
    nothing_written: "Rien n'a été importé.",
    reading: |origin| {
        if origin.is_empty() {
            "Fichier REFI-QDA (outil non indiqué).".to_owned()
        } else {
            format!("Fichier REFI-QDA écrit par {origin}.")
        }
    },
    imported: |sessions, segments, codings, memos, situations| {
        format!(
            "Importé : {sessions} entretien(s), {segments} segment(s), {codings} codage(s), {memos} mémo(s), {situations} situation(s)."
        )
    },
    codes: |added, merged| {
        format!(
            "Codes : {added} ajouté(s), {merged} déjà dans l'étude (fusionné(s), non dupliqué(s))."
        )
    },
    code_merged: |name, path| format!("  « {name} » fusionné avec {path} (dont le nom est gardé)"),
    attributes_added: |keys| format!("Attributs ajoutés à l'étude : {keys}"),
    sets_as_attribute: |key, names| {
        format!(
            "Ensembles de sources devenus options de l'attribut « {key} » des répondant·es : {names}"
        )
    },
    counting: |how, fitting, total| {
        format!(
            "Positions comptées en {how} (détecté : {fitting} sélection(s) sur {total} tombent sur des limites de mots ainsi)."
        )
    },
    counting_code_points: "caractères Unicode",
    counting_utf16: "unités UTF-16 (un emoji compte pour deux, comme NVivo)",
    crlf_as_one: "fin de ligne CRLF comptée pour un",
    crlf_as_two: "fin de ligne CRLF comptée pour deux",
    realigned: |n| {
        format!(
            "{n} sélection(s) replacée(s) sur le texte qu'elles citent, tout près de leur position."
        )
    },
    clipped: |n| {
        format!(
            "{n} codage(s) réduit(s) au texte des segments (ils couvraient aussi une étiquette de locuteur ou un saut de ligne)."
        )
    },
    outside: |p| format!("Lu hors de l'archive : {p}"),
    left_out: |n| format!("{n} élément(s) non importé(s) :"),
    skip_source_rich_text: |name, path| {
        format!(
            "  source « {name} » : seul un fichier de texte riche ({path}) est fourni ; grille lit le texte brut. Exportez le projet avec ses textes bruts, ou convertissez le document en .txt."
        )
    },
    skip_source_not_found: |name, path| format!("  source « {name} » : fichier {path} introuvable"),
    skip_source_no_text: |name| format!("  source « {name} » : aucun texte"),
    skip_source_not_utf8: |name, path, at| {
        format!("  source « {name} » : {path} n'est pas en UTF-8 ({at})")
    },
    skip_source_too_large: |name, path| format!("  source « {name} » : {path} est trop volumineux"),
    skip_source_exists: |name| {
        format!("  source « {name} » : déjà dans l'étude (même identifiant), laissée telle quelle")
    },
    skip_other_source: |kind, name| {
        format!("  source « {name} » ({kind}) : grille ne lit que les textes")
    },
    skip_selection: |guid, source, why| format!("  sélection {guid} (source « {source} ») : {why}"),
    why_not_numbers: "positions qui ne sont pas des nombres entiers",
    why_out_of_range: |start, end, len| {
        format!("positions {start}–{end} hors du texte ({len} caractères) ou inversées")
    },
    why_inside_character: |start, end| format!("positions {start}–{end} au milieu d'un caractère"),
    why_quote: |q| format!("le texte à ces positions n'est pas celui qu'elle cite (« {q} »)"),
    why_no_text: "ne couvre aucun texte d'entretien (seulement une étiquette, une heure ou des sauts de ligne)",
    skip_coding: |guid, source, code| {
        format!(
            "  codage {guid} (source « {source} ») : le code {code} n'est pas dans le livre de codes"
        )
    },
    skip_value: |case, variable, value, why| {
        format!("  cas « {case} », {variable} = « {value} » : {why}")
    },
    skip_project_note: |name| {
        format!("  note du projet « {name} » : grille garde les mémos sur les entretiens")
    },
    skip_set: |name| {
        format!("  ensemble « {name} » : grille n'a pas de groupes (ses codes sont importés)")
    },
    study_created: |p| format!("Étude créée dans {p}"),
    check_pseudonyms: "Les répondant·es sont nommé·es d'après les cas ou les sources du fichier : vérifiez que ce sont des pseudonymes.",
    consent_unknown: "Le consentement des entretiens importés n'est pas connu de grille : aucun n'est enregistré.",
    new_only_for_refi: "--new s'utilise avec un fichier REFI-QDA (.qdc, .qdpx)",
    dry_run: "Essai (--dry-run) : rien n'a été écrit.",
    one_file: "un fichier REFI-QDA s'importe seul : un .qdc ou un .qdpx à la fois",
};
