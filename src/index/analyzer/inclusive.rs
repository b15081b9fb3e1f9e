//! French inclusive writing (écriture inclusive): `professionnel·les`, `élu.es`, `animateur.rices`,
//! `élu(e)s`. One written word stands for a masculine and a feminine form; search must find it
//! from either, and find either from it.
//!
//! A suffix is recognised only where French grammar puts it: `les` after a word ending in `l`
//! (professionnel·les), `rice` after `-eur` (animateur·rice), `ère` after `-er`… So `etc.les`
//! or `Dr.Martin` are two words, not one, and the `les` of `professionnel.les` never becomes the
//! article `les`.

/// Characters that join a word and its feminine or plural suffix. `.` and the middle dot are
/// the common forms; `‧ ⋅ • ∙` are what keyboards and word processors put instead; `-` and `/`
/// are older forms (`étudiant-e-s`, `élu/e/s`).
pub fn is_separator(c: char) -> bool {
    matches!(c, '.' | '·' | '‧' | '⋅' | '•' | '∙' | '-' | '/')
}

/// The words an inclusive form stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Forms {
    pub masculine: String,
    pub feminine: String,
    /// Whether the form is plural (`élu·es`): then it also stands for `élus` and `élues`.
    pub plural: bool,
}

impl Forms {
    /// Every word the form stands for, masculine first. The plurals are there because the French
    /// stemmer keeps the `s` after a `u` (`élus` stems to `elus`, `élu` to `elu`).
    pub fn words(&self) -> Vec<String> {
        let mut out = vec![self.masculine.clone()];
        if self.plural && !self.masculine.ends_with(['s', 'x', 'z']) {
            out.push(format!("{}s", self.masculine));
        }
        out.push(self.feminine.clone());
        if self.plural {
            out.push(format!("{}s", self.feminine));
        }
        out
    }
}

/// The masculine and feminine words an inclusive form stands for, if `base` and `suffix` (the
/// letters after the separators, joined: `les`, `es`, `rices`) make one. Lowercase input.
pub fn forms(base: &str, suffix: &str) -> Option<Forms> {
    if base.chars().count() < 2 || !base.chars().all(char::is_alphabetic) {
        return None;
    }
    // A final `s` marks the plural of both forms; it adds nothing to the feminine.
    let (core, plural) = match suffix.strip_suffix('s') {
        Some(core) if !core.is_empty() => (core, true),
        _ => (suffix, false),
    };
    let ends = |end: &str| base.ends_with(end);
    let cut = |n: usize| -> &str {
        let at = base.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        &base[..at]
    };
    let feminine = match core {
        "e" if !ends("e") => format!("{base}e"),
        "le" if ends("l") => format!("{base}le"),
        "ne" if ends("n") => format!("{base}ne"),
        "te" if base == "tou" => {
            return Some(Forms {
                masculine: "tous".into(),
                feminine: "toute".into(),
                plural,
            });
        }
        "te" if ends("t") => format!("{base}te"),
        "fe" if ends("f") => format!("{base}fe"),
        // animateur·rice, acteur·ice, animateur·trice → animatrice, actrice
        "rice" | "ice" | "trice" if ends("teur") => format!("{}rice", cut(3)),
        // travailleur·euse → travailleuse
        "euse" if ends("eur") => format!("{}euse", cut(3)),
        // infirmier·ère → infirmière (also typed without the accent)
        "ère" | "ere" if ends("er") => format!("{}ère", cut(2)),
        // actif·ve → active
        "ve" if ends("f") => format!("{}ve", cut(1)),
        // heureux·se → heureuse
        "se" if ends("x") => format!("{}se", cut(1)),
        _ => return None,
    };
    Some(Forms {
        masculine: base.to_owned(),
        feminine,
        plural,
    })
}

/// Splits a lowercased inclusive token (`professionnel·les`, `élu(e)s`) into its base and its
/// suffix letters, then into its forms.
pub fn forms_of_token(token: &str) -> Option<Forms> {
    let at = token.find(|c: char| is_separator(c) || c == '(')?;
    let base = &token[..at];
    let suffix: String = token[at..].chars().filter(|c| c.is_alphabetic()).collect();
    forms(base, &suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(t: &str) -> Option<(String, String)> {
        forms_of_token(t).map(|f| (f.masculine, f.feminine))
    }

    fn pair(m: &str, w: &str) -> Option<(String, String)> {
        Some((m.into(), w.into()))
    }

    #[test]
    fn the_forms_of_the_field() {
        assert_eq!(
            f("professionnel.les"),
            pair("professionnel", "professionnelle")
        );
        assert_eq!(
            f("professionnel·le·s"),
            pair("professionnel", "professionnelle")
        );
        assert_eq!(
            f("professionnel(le)s"),
            pair("professionnel", "professionnelle")
        );
        assert_eq!(f("élu.es"), pair("élu", "élue"));
        assert_eq!(f("élu·e·s"), pair("élu", "élue"));
        assert_eq!(f("élu(e)s"), pair("élu", "élue"));
        assert_eq!(f("interrogé·es"), pair("interrogé", "interrogée"));
        assert_eq!(f("mineur.es"), pair("mineur", "mineure"));
        assert_eq!(f("animateur.rices"), pair("animateur", "animatrice"));
        assert_eq!(f("animateur·trice"), pair("animateur", "animatrice"));
        assert_eq!(f("acteur·ices"), pair("acteur", "actrice"));
        assert_eq!(f("travailleur·euses"), pair("travailleur", "travailleuse"));
        assert_eq!(f("infirmier·ères"), pair("infirmier", "infirmière"));
        assert_eq!(f("citoyen·nes"), pair("citoyen", "citoyenne"));
        assert_eq!(f("étudiant-e-s"), pair("étudiant", "étudiante"));
        assert_eq!(f("chef·fe"), pair("chef", "cheffe"));
        assert_eq!(f("actif·ve·s"), pair("actif", "active"));
        assert_eq!(f("tou·te·s"), pair("tous", "toute"));
        assert_eq!(f("fin.es"), pair("fin", "fine"));
    }

    #[test]
    fn plural_forms_stand_for_both_plurals() {
        let words = |t: &str| forms_of_token(t).unwrap().words();
        assert_eq!(words("élu·es"), ["élu", "élus", "élue", "élues"]);
        assert_eq!(words("élu·e"), ["élu", "élue"]);
        assert_eq!(words("tou·te·s"), ["tous", "toute", "toutes"]);
    }

    #[test]
    fn what_is_not_inclusive_writing() {
        assert_eq!(f("etc.les"), None, "les after a word not ending in l");
        assert_eq!(f("sage-femme"), None);
        assert_eq!(f("clermont-ferrand"), None);
        assert_eq!(f("et/ou"), None);
        assert_eq!(f("m.es"), None, "one-letter base");
        assert_eq!(f("3.es"), None);
        assert_eq!(f("porte.e"), None, "a feminine e after an e");
        assert_eq!(f("fais-le"), None);
        assert_eq!(f("acteur.s"), None, "a plural alone is not a feminine");
    }
}
