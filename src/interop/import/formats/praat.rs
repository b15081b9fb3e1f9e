//! Praat TextGrids, long ("ooTextFile") and short formats alike: one interval tier per
//! speaker, as sociolinguistic corpora keep them. Read as Praat reads its text files: a stream
//! of numbers, quoted strings (`""` inside is a quote) and `<exists>` flags, everything else
//! (`xmin =`, `item [1]:`, comments after `!`) skipped.
//!
//! Tiers that are layers of analysis rather than speakers (`phone`, `word`, `syllable`…) are
//! left out when speaker tiers exist; a file with only such layers keeps the one with the
//! longest labels (the phrase rather than its words). Point tiers (pitch marks) are left out.
//! Turns of every tier are put in time order, overlaps kept.

use super::seconds;
use crate::interop::import::defect::Defect;
use crate::interop::import::{Transcript, Turn};

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Flag,
}

/// A TextGrid that does not parse, and the line of the trouble.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bad {
    pub line: usize,
    pub defect: Defect,
}

fn tokens(text: &str) -> Result<Vec<(Token, usize)>, Bad> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line = 1;
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let at = line;
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some((_, '"')) if chars.peek().is_some_and(|(_, c)| *c == '"') => {
                            chars.next();
                            s.push('"');
                        }
                        Some((_, '"')) => break,
                        Some((_, c)) => {
                            if c == '\n' {
                                line += 1;
                            }
                            s.push(c);
                        }
                        None => {
                            return Err(Bad {
                                line: at,
                                defect: Defect::Syntax("a text is not closed by a quote".into()),
                            });
                        }
                    }
                }
                out.push((Token::Text(s), at));
            }
            '!' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '[' => {
                // `item [1]:`, `intervals [3]:` are positions, not values
                for (_, c) in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '<' => {
                let rest = &text[i..];
                let end = rest.find('>').unwrap_or(rest.len());
                if rest.starts_with("<exists>") || rest.starts_with("<absent>") {
                    out.push((Token::Flag, line));
                }
                for _ in 0..rest[..end].chars().count() {
                    chars.next();
                }
            }
            c if c.is_ascii_digit() || c == '-' || c == '.' => {
                let mut end = i + c.len_utf8();
                while let Some((j, d)) = chars.peek().copied() {
                    if d.is_ascii_digit() || matches!(d, '.' | 'e' | 'E' | '-' | '+') {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Ok(n) = text[i..end].parse::<f64>() {
                    out.push((Token::Number(n), line));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Reads tokens in order.
struct Stream {
    tokens: std::vec::IntoIter<(Token, usize)>,
    line: usize,
}

impl Stream {
    fn next(&mut self, what: &str) -> Result<Token, Bad> {
        match self.tokens.next() {
            Some((token, line)) => {
                self.line = line;
                Ok(token)
            }
            None => Err(Bad {
                line: self.line,
                defect: Defect::Missing(what.to_owned()),
            }),
        }
    }

    fn number(&mut self, what: &str) -> Result<f64, Bad> {
        match self.next(what)? {
            Token::Number(n) => Ok(n),
            _ => Err(self.expected(what)),
        }
    }

    fn text(&mut self, what: &str) -> Result<String, Bad> {
        match self.next(what)? {
            Token::Text(s) => Ok(s),
            _ => Err(self.expected(what)),
        }
    }

    fn count(&mut self, what: &str) -> Result<usize, Bad> {
        let n = self.number(what)?;
        if n < 0.0 || n.fract() != 0.0 || n > 10_000_000.0 {
            return Err(self.expected(what));
        }
        Ok(n as usize)
    }

    fn expected(&self, what: &str) -> Bad {
        Bad {
            line: self.line,
            defect: Defect::Syntax(format!("expected {what}")),
        }
    }
}

struct Tier {
    name: String,
    intervals: Vec<(f64, f64, String)>,
}

const LAYERS: [&str; 14] = [
    "phone",
    "phones",
    "phoneme",
    "phonemes",
    "segment",
    "segments",
    "syllable",
    "syllables",
    "word",
    "words",
    "mau",
    "ort",
    "kan",
    "phrase",
];

pub fn parse(text: &str) -> Result<Transcript, Bad> {
    let mut s = Stream {
        tokens: tokens(text)?.into_iter(),
        line: 1,
    };
    if s.text("the file type")? != "ooTextFile" || s.text("the object class")? != "TextGrid" {
        return Err(Bad {
            line: 1,
            defect: Defect::Syntax("not a TextGrid (File type = \"ooTextFile\")".into()),
        });
    }
    s.number("xmin")?;
    s.number("xmax")?;
    let tiers_exist = matches!(s.next("<exists>")?, Token::Flag);
    let count = if tiers_exist {
        s.count("the number of tiers")?
    } else {
        0
    };
    let mut tiers = Vec::new();
    for _ in 0..count {
        let class = s.text("a tier class")?;
        let name = s.text("a tier name")?;
        s.number("xmin")?;
        s.number("xmax")?;
        let n = s.count("the number of intervals")?;
        let mut intervals = Vec::with_capacity(n.min(100_000));
        for _ in 0..n {
            if class == "IntervalTier" {
                let (from, to) = (s.number("xmin")?, s.number("xmax")?);
                intervals.push((from, to, s.text("a label")?));
            } else {
                s.number("a time")?;
                s.text("a mark")?;
            }
        }
        if class == "IntervalTier" {
            tiers.push(Tier { name, intervals });
        }
    }
    let speakers = speaker_tiers(tiers);
    let several = speakers.len() > 1;
    let mut turns: Vec<Turn> = speakers
        .into_iter()
        .flat_map(|tier| {
            let label = (several || !is_layer(&tier.name))
                .then(|| tier.name.trim().to_owned())
                .filter(|n| !n.is_empty());
            tier.intervals
                .into_iter()
                .filter(|(_, _, text)| !text.trim().is_empty())
                .map(move |(from, to, text)| Turn {
                    label: label.clone(),
                    start: seconds(from),
                    end: seconds(to),
                    text: text.trim().to_owned(),
                })
        })
        .collect();
    // In time order; a stable sort keeps tier order for turns starting together.
    turns.sort_by_key(|t| t.start);
    Ok(Transcript {
        turns,
        ..Transcript::default()
    })
}

fn is_layer(name: &str) -> bool {
    LAYERS.contains(&name.trim().trim_matches('"').to_lowercase().as_str())
}

/// The tiers that are speakers: those that are not layers of analysis, else the layer with the
/// longest labels.
fn speaker_tiers(tiers: Vec<Tier>) -> Vec<Tier> {
    let (layers, speakers): (Vec<Tier>, Vec<Tier>) =
        tiers.into_iter().partition(|t| is_layer(&t.name));
    if !speakers.is_empty() {
        return speakers;
    }
    let mean = |t: &Tier| {
        let labels: Vec<usize> = t
            .intervals
            .iter()
            .map(|(_, _, s)| s.trim().chars().count())
            .filter(|n| *n > 0)
            .collect();
        labels.iter().sum::<usize>() * 1000 / labels.len().max(1)
    };
    layers.into_iter().max_by_key(mean).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_formats_read_alike() {
        let short = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n3\n<exists>\n2\n\
                     \"IntervalTier\"\n\"interviewer\"\n0\n3\n2\n0\n1\n\"Alors ?\"\n1\n3\n\"\"\n\
                     \"IntervalTier\"\n\"participant\"\n0\n3\n2\n0\n1.5\n\"\"\n1.5\n3\n\"Eh bien \"\"oui\"\"\"\n";
        let t = parse(short).unwrap();
        assert_eq!(
            t.summary(),
            vec![
                (Some("interviewer"), Some(0), "Alors ?"),
                (Some("participant"), Some(1500), "Eh bien \"oui\""),
            ]
        );
    }

    #[test]
    fn a_truncated_file_is_reported() {
        let err = parse("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0\n3\n<exists>\n1\n\"IntervalTier\"\n\"a\"\n0\n3\n2\n0\n1\n\"x\"\n").unwrap_err();
        assert!(matches!(err.defect, Defect::Missing(_)), "{err:?}");
    }
}
