use super::ProblemTexts;
use crate::study::problem::{Duplicated, Expected, Found, ProblemKind, ValueProblem};

pub static FR_PROBLEMS: ProblemTexts = ProblemTexts {
    unreadable: |file, at, line, column, what| {
        format!("{file} : illisible en {at} (ligne {line}, colonne {column}) : {what}")
    },
    json_message,
    at: |place, what| format!("{place} : {what}"),
    many: |file, n| format!("{file} : {n} problèmes :"),
    kind,
    value,
    no_situation: |target| format!("aucune situation {target} dans l'étude"),
};

fn kind(p: &ProblemKind) -> String {
    use ProblemKind::*;
    match p {
        BadKey { key } => format!(
            "la clé « {key} » ne doit contenir que des minuscules sans accent, des chiffres, « _ » ou « - »"
        ),
        EmptySpan { start, end } => format!("passage vide ou à l'envers [{start}, {end})"),
        SpanOutOfRange { start, end, len } => format!(
            "le passage [{start}, {end}) dépasse le texte du segment, qui a {len} caractères"
        ),
        SplitsCharacter { offset } => {
            format!("la position {offset} coupe un caractère en deux")
        }
        EndsBeforeStart => "finit avant de commencer".into(),
        UndeclaredAttribute { key } => {
            format!("l'attribut « {key} » n'est pas déclaré dans study.json")
        }
        Value(problem) => value(problem),
        Answer { question, problem } => format!("question « {question} » : {}", value(problem)),
        GroupsNeedChoice => "seul un choix (unique ou multiple) peut regrouper ses options".into(),
        GroupKeyIsOption { key } => {
            format!("la clé de groupe « {key} » est aussi une clé d'option")
        }
        EmptyGroup => "un groupe doit avoir au moins une option".into(),
        NotAnOption { key } => format!("« {key} » n'est pas l'une des options"),
        ChoiceWithoutOptions => "un choix doit avoir au moins une option".into(),
        ScaleBounds { min, max } => {
            format!("le maximum de l'échelle ({max}) doit dépasser son minimum ({min})")
        }
        ConditionUndeclared { attribute } => {
            format!("« {attribute} » n'est pas un attribut déclaré avant celui-ci")
        }
        ConditionNotAValue { is, attribute } => {
            format!("« {is} » n'est pas une valeur de « {attribute} »")
        }
        MisplacedDetail { key, attribute, is } => format!(
            "« {key} » est une précision donnée seulement quand « {attribute} » vaut « {is} »"
        ),
        NoTitle => "l'étude doit avoir un titre".into(),
        TooManyQuickCodes => "neuf codes rapides au plus (Alt+1 à Alt+9)".into(),
        QuickCodeTwice { code } => format!("le code {code} est sur deux touches rapides"),
        QuestionWithoutText => "une question doit avoir un texte".into(),
        ConsentNotYesNo => "la question du consentement doit être une question oui/non".into(),
        ConsentTwice => "une seule question peut recueillir le consentement".into(),
        CodeWithoutName => "un code doit avoir un nom".into(),
        BadColour { colour } => {
            format!("la couleur « {colour} » n'est pas de la forme #rrvvbb")
        }
        NoParentCode { parent } => format!("le code parent {parent} n'existe pas"),
        UnknownQuestion { question } => format!("question inconnue {question}"),
        UnknownSegment { segment } => format!("segment inconnu {segment}"),
        NoLiveCoding { coding } => format!("pas de codage en direct {coding}"),
        NotInTranscript { segment } => {
            format!("le segment {segment} n'est pas dans la transcription")
        }
        CoRespondentWithoutPseudonym => "un·e co-répondant·e doit avoir un pseudonyme".into(),
        CoRespondentIsRespondent { pseudonym } => {
            format!("« {pseudonym} » est le pseudonyme de la personne interrogée")
        }
        NotNormalized => {
            "texte non normalisé (NFC, fins de ligne \\n) : les positions seraient ambiguës".into()
        }
        UnknownCode {
            coding,
            excerpt,
            coder,
            code,
        } => format!("le codage {coding} (« {excerpt} », par {coder}) a un code inconnu {code}"),
        SameAsItself => "une situation ne peut pas être la même personne qu'elle-même".into(),
        Duplicate { what, key } => format!("{} en double : « {key} »", duplicated(*what)),
        IdMismatch { id } => format!("l'identifiant {id} ne correspond pas au nom du fichier"),
    }
}

fn duplicated(what: Duplicated) -> &'static str {
    use Duplicated::*;
    match what {
        GroupKey => "clé de groupe",
        OptionKey => "clé d'option",
        AttributeKey => "clé d'attribut",
        ThemeId => "identifiant de thème",
        ThemeKey => "clé de thème",
        QuestionId => "identifiant de question",
        QuestionKey => "clé de question",
        CodeId => "identifiant de code",
        CodePath => "chemin de code",
        MemoId => "identifiant de mémo",
        Proposal => "proposition",
        CoRespondentPseudonym => "pseudonyme de co-répondant·e",
        SegmentId => "identifiant de segment",
        CodingId => "identifiant de codage",
        SituationId => "identifiant de situation",
    }
}

/// A number as French writes it: a decimal comma.
fn number(n: f64) -> String {
    n.to_string().replace('.', ",")
}

fn value(p: &ValueProblem) -> String {
    use ValueProblem::*;
    match p {
        NotFinite { n } => format!("{} n'est pas un nombre fini", number(*n)),
        OptionTwice { key } => format!("l'option « {key} » est donnée deux fois"),
        NotWhole { n } => format!("{} n'est pas un nombre entier de l'échelle", number(*n)),
        Below { n, min } => format!("{} est sous le minimum {}", number(*n), number(*min)),
        Above { n, max } => format!("{} dépasse le maximum {}", number(*n), number(*max)),
        NotAnOption { key, known } => {
            format!(
                "« {key} » n'est pas l'une des options ({})",
                known.join(", ")
            )
        }
        WrongKind { expected, found } => {
            let expected = match expected {
                Expected::Text => "un texte",
                Expected::YesNo => "oui ou non (true ou false)",
                Expected::Number => "un nombre",
                Expected::Choice => "une clé d'option (choix unique)",
                Expected::Choices => "une liste de clés d'options (choix multiple)",
                Expected::Scale => "un nombre entier de l'échelle",
            };
            let found = match found {
                Found::Bool(b) => format!("le booléen {b}"),
                Found::Number(n) => format!("le nombre {}", number(*n)),
                Found::Text(t) => format!("le texte « {t} »"),
                Found::List => "une liste".to_owned(),
            };
            format!("attendu : {expected} ; trouvé : {found}")
        }
    }
}

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
                .replace("` or `", "` ou `")
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
        assert_eq!(
            json_message("unknown variant `fini`, expected `in_progress` or `done`"),
            "valeur inconnue `fini`, attendu `in_progress` ou `done`"
        );
        assert_eq!(
            value(&ValueProblem::Above { n: 7.5, max: 5.0 }),
            "7,5 dépasse le maximum 5"
        );
        assert_eq!(json_message("a message of ours"), "a message of ours");
    }
}
