use super::ProblemTexts;

pub static FR_PROBLEMS: ProblemTexts = ProblemTexts {
    unreadable: |file, at, line, column, what| {
        format!("{file} : illisible en {at} (ligne {line}, colonne {column}) : {what}")
    },
    json_message,
    at: |place, what| format!("{place} : {what}"),
    many: |file, n| format!("{file} : {n} problèmes :"),
};

/// serde_json's messages: its fixed syntax messages word for word, the data errors by their
/// fixed parts (the names and values they quote stay as in the file).
fn json_message(m: &str) -> String {
    let fixed = match m {
        "EOF while parsing a list" => "fin du fichier au milieu d'une liste (fichier tronqué ?)",
        "EOF while parsing an object" => "fin du fichier au milieu d'un objet (fichier tronqué ?)",
        "EOF while parsing a string" => "fin du fichier au milieu d'un texte (fichier tronqué ?)",
        "EOF while parsing a value" => {
            "fin du fichier là où une valeur était attendue (fichier tronqué ou vide ?)"
        }
        "expected `:`" => "« : » attendu",
        "expected `,` or `]`" => "« , » ou « ] » attendu",
        "expected `,` or `}`" => "« , » ou « } » attendu",
        "expected ident" => "mot-clé attendu (true, false ou null)",
        "expected value" => "valeur attendue",
        "expected `\"`" => "« \" » attendu",
        "invalid escape" => "séquence d'échappement invalide",
        "invalid number" => "nombre invalide",
        "number out of range" => "nombre hors limites",
        "invalid unicode code point" => "caractère unicode invalide",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle (\\u0000-\\u001F) dans un texte"
        }
        "key must be a string" => "une clé doit être un texte entre guillemets",
        "trailing comma" => "virgule en trop",
        "trailing characters" => "caractères en trop après la fin du document",
        "unexpected end of hex escape" => "séquence \\u incomplète",
        "lone leading surrogate in hex escape" => "séquence \\u incomplète (demi-caractère)",
        "recursion limit exceeded" => "imbrication trop profonde",
        _ => return data_message(m),
    };
    fixed.to_owned()
}

/// serde's data errors: "invalid type: X, expected Y", "missing field `f`"…
fn data_message(m: &str) -> String {
    let prefixes = [
        ("invalid type: ", "type inattendu : "),
        ("invalid value: ", "valeur invalide : "),
        ("invalid length ", "longueur invalide : "),
        ("unknown variant ", "valeur inconnue "),
        ("unknown field ", "champ inconnu "),
        ("missing field ", "champ manquant "),
        ("duplicate field ", "champ en double "),
    ];
    for (en, fr) in prefixes {
        if let Some(rest) = m.strip_prefix(en) {
            let rest = rest
                .replacen(", expected one of ", ", attendu l'un de ", 1)
                .replacen(", expected ", ", attendu ", 1)
                .replacen("there are no variants", "aucune valeur possible", 1)
                .replacen("there are no fields", "aucun champ possible", 1);
            return format!("{fr}{rest}");
        }
    }
    m.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_readers_words_are_in_french() {
        assert_eq!(
            json_message("key must be a string"),
            "une clé doit être un texte entre guillemets"
        );
        assert_eq!(
            json_message("invalid type: string \"douze\", expected usize"),
            "type inattendu : string \"douze\", attendu usize"
        );
        assert_eq!(json_message("missing field `id`"), "champ manquant `id`");
        assert_eq!(json_message("a message of ours"), "a message of ours");
    }
}
