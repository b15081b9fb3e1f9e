//! How wide a text is drawn, estimated without a font file: the advance widths of Helvetica
//! (Adobe's published AFM metrics, which Arial and Liberation Sans share), in thousandths of the
//! font size. Accented letters take their base letter's width. Unknown chars get a generous
//! width, and callers add a margin, so a label is never cut when another sans-serif is used.

use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthChar;

/// Widths of `' '` to `'~'` (32–126), Helvetica regular.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ␠ to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// Width of one char in thousandths of an em.
fn advance(c: char) -> u32 {
    if (' '..='~').contains(&c) {
        return ASCII[c as usize - 32] as u32;
    }
    match c {
        '\u{a0}' | '\u{202f}' => 278,
        '«' | '»' | '–' | '€' => 556,
        '…' | '—' | 'Œ' | 'Æ' => 1000,
        '‘' | '’' | '‚' => 222,
        '“' | '”' | '„' => 333,
        '·' | '•' => 350,
        'œ' => 944,
        'æ' => 889,
        'ß' => 611,
        '°' => 400,
        _ => {
            // An accented letter: its base letter (é → e).
            let base = c.nfd().next().unwrap_or(c);
            if base != c && (' '..='~').contains(&base) {
                ASCII[base as usize - 32] as u32
            } else if c.width() == Some(2) {
                1000
            } else {
                700
            }
        }
    }
}

/// Estimated width of `text` in pixels at `size` px; bold is about 8 % wider.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: u32 = text.chars().map(advance).sum();
    let w = em as f64 * size / 1000.0;
    if bold { w * 1.08 } else { w }
}

/// Splits `text` into lines no wider than `max` px, at spaces; a single word wider than `max`
/// stays whole on its line (the caller widens rather than cut it).
pub fn wrap(text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(&candidate, size, bold) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_helvetica_metrics_and_accents_take_their_base() {
        // "Hôtel": H 722 + o 556 + t 278 + e 556 + l 222 = 2334 thousandths → 23.34 px at 10 px.
        assert!((width("Hôtel", 10.0, false) - 23.34).abs() < 1e-9);
        assert_eq!(width("é", 10.0, false), width("e", 10.0, false));
        assert!(width("Réseaux", 12.0, true) > width("Réseaux", 12.0, false));
    }

    #[test]
    fn wrapping_keeps_every_word_and_never_cuts_one() {
        let text = "Lutte contre le proxénétisme et le recours à la prostitution";
        let lines = wrap(text, 13.0, false, 150.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(width(line, 13.0, false) <= 150.0 || !line.contains(' '));
        }
        assert_eq!(
            wrap("Anticonstitutionnellement", 13.0, false, 20.0).len(),
            1
        );
    }
}
