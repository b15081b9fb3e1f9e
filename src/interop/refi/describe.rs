//! A code's definition, use, don't-use and example in the one `Description` QDA-XML gives a
//! code, as labelled paragraphs other tools show as they are, and read back into their fields.

use crate::i18n::refi::{EN_REFI, FR_REFI, RefiTexts};
use crate::study::Code;

/// The parts of a code's definition.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Definition {
    pub description: String,
    pub use_when: String,
    pub dont_use_when: String,
    pub example: String,
}

impl Definition {
    pub fn of(code: &Code) -> Self {
        Definition {
            description: code.description.clone(),
            use_when: code.use_when.clone(),
            dont_use_when: code.dont_use_when.clone(),
            example: code.example.clone(),
        }
    }
}

/// The definition as one text: the description, then each other part after a blank line,
/// led by its label (`À utiliser : …`).
pub fn compose(d: &Definition, words: &RefiTexts) -> String {
    let mut parts = Vec::new();
    if !d.description.trim().is_empty() {
        parts.push(d.description.trim().to_owned());
    }
    for (label, text) in [
        (words.use_when, &d.use_when),
        (words.dont_use_when, &d.dont_use_when),
        (words.example, &d.example),
    ] {
        if !text.trim().is_empty() {
            parts.push(format!("{label} {}", text.trim()));
        }
    }
    parts.join("\n\n")
}

/// Reads a description back: paragraphs led by a label of either language go to their part,
/// the rest is the description.
pub fn parse(text: &str) -> Definition {
    let mut d = Definition::default();
    let mut current = 0; // 0 description, 1 use, 2 don't use, 3 example
    let mut parts: [Vec<&str>; 4] = Default::default();
    for line in text.lines() {
        let mut rest = line;
        for words in [&FR_REFI, &EN_REFI] {
            for (i, label) in [
                (1, words.use_when),
                (2, words.dont_use_when),
                (3, words.example),
            ] {
                if let Some(r) = line.strip_prefix(label) {
                    current = i;
                    rest = r.trim_start();
                }
            }
        }
        parts[current].push(rest);
    }
    let join = |lines: &[&str]| lines.join("\n").trim().to_owned();
    d.description = join(&parts[0]);
    d.use_when = join(&parts[1]);
    d.dont_use_when = join(&parts[2]);
    d.example = join(&parts[3]);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_and_read_back_in_either_language() {
        let d = Definition {
            description: "Exploitation par le ou la partenaire.\nDeux lignes.".into(),
            use_when: "le conjoint organise".into(),
            dont_use_when: String::new(),
            example: "« c'est son copain qui… »".into(),
        };
        let fr = compose(&d, &FR_REFI);
        assert_eq!(
            fr,
            "Exploitation par le ou la partenaire.\nDeux lignes.\n\nÀ utiliser : le conjoint organise\n\nExemple : « c'est son copain qui… »"
        );
        assert_eq!(parse(&fr), d);
        assert_eq!(parse(&compose(&d, &EN_REFI)), d);
        assert_eq!(
            parse("COVID vay nem COVID").description,
            "COVID vay nem COVID"
        );
        assert_eq!(parse(""), Definition::default());
    }
}
