use super::EncryptionTexts;

pub static FR_ENCRYPTION: EncryptionTexts = EncryptionTexts {
    prompt: |p| format!("Phrase de passe de l'étude {p} : "),
    prompt_new: "Nouvelle phrase de passe de l'étude : ",
    prompt_again: "La même, une seconde fois : ",
    mismatch: "les deux phrases de passe diffèrent ; rien n'a été fait",
    too_short: |n| {
        format!("phrase de passe trop courte (au moins {n} caractères) ; rien n'a été fait")
    },
    no_terminal: |p| {
        format!(
            "{p} : l'étude est chiffrée et aucun terminal ne permet de demander sa phrase de passe ; \
             donnez-la dans GRILLE_PASSPHRASE, ou une clé de l'équipe dans GRILLE_IDENTITY"
        )
    },
    no_terminal_new: |p| {
        format!(
            "{p} : aucun terminal ne permet de demander la phrase de passe qui chiffrera l'étude ; \
             donnez-la dans GRILLE_PASSPHRASE ; rien n'a été fait"
        )
    },
    encrypted: |p, n, team| {
        let team = match team {
            0 => String::new(),
            1 => ", clé aussi confiée à 1 membre de l'équipe".into(),
            n => format!(", clé aussi confiée à {n} membres de l'équipe"),
        };
        format!("Étude chiffrée : {p} ({n} fichiers{team}). La copie en clair est supprimée.")
    },
    decrypted: |p, n| {
        format!("Étude déchiffrée : {p} ({n} fichiers), désormais lisible sans phrase de passe.")
    },
    created: |p| format!("Étude chiffrée créée : {p}"),
    keep_passphrase: "Gardez la phrase de passe en lieu sûr : sans elle (ni clé de l'équipe), personne, \
                      pas même grille, ne peut relire l'étude.",
    index_in_memory: "l'étude est chiffrée : son index est construit en mémoire à chaque ouverture, jamais écrit sur le disque",
    old_copy_left: |p, why| {
        format!("la copie d'avant ({p}) n'a pas pu être supprimée ({why}) : supprimez-la vous-même")
    },
    bad_recipient: |k, why| format!("« {k} » : pas une clé publique age ou SSH ({why})"),
    bad_identity: |f, why| format!("{f} : pas une clé privée age ou SSH utilisable ({why})"),
    key_needed: |p| {
        format!(
            "{p} : l'étude est chiffrée ; donnez sa phrase de passe (demandée dans le terminal, ou \
             GRILLE_PASSPHRASE) ou une clé de l'équipe (GRILLE_IDENTITY)"
        )
    },
    wrong_key: |p| {
        format!(
            "{p} : phrase de passe incorrecte (ou clé pour laquelle l'étude n'a pas été chiffrée) ; \
             rien n'a été lu ni modifié"
        )
    },
    key_file_damaged: |p, why| {
        format!(
            "{p} : le fichier de clé de l'étude est abîmé ({why}) ; sans lui l'étude ne peut être \
             déchiffrée — restaurez-le depuis une sauvegarde"
        )
    },
    encrypted_in_plain: |p| {
        format!(
            "{p} : ce fichier est chiffré mais l'étude ne l'est pas (son study.key manque) ; grille \
             l'a laissé tel quel"
        )
    },
    plain_in_encrypted: |p| {
        format!(
            "{p} : ce fichier n'est pas chiffré, dans une étude chiffrée (écrit par un grille qui \
             avait ouvert l'étude avant son chiffrement ?) ; grille l'a laissé tel quel"
        )
    },
    undecryptable: |p| {
        format!(
            "{p} : indéchiffrable (abîmé, ou chiffré avec la clé d'une autre étude) ; grille l'a \
             laissé tel quel"
        )
    },
    unknown_file: |p| {
        format!(
            "{p} : pas un fichier de l'étude ; grille chiffre ou déchiffre toute l'étude ou rien — \
             sortez-le du dossier de l'étude et recommencez"
        )
    },
    already: |p, encrypted| match encrypted {
        true => format!("{p} : l'étude est déjà chiffrée"),
        false => format!("{p} : l'étude n'est pas chiffrée"),
    },
};
