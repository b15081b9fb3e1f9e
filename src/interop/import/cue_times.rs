//! The timing lines of subtitle files checked before they are parsed: a WebVTT parser skips a
//! cue whose time it cannot read (the W3C algorithm says so), which would drop what was said
//! without a word. Here every `start --> end` line must hold two valid times, the end not
//! before the start, or the file is refused with the cue's number and line.

use std::time::Duration;

use super::defect::Defect;

/// A subtitle file's defect and the line (from 1) it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub defect: Defect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `00:01:02,250` (a dot is accepted too: converters write one).
    Srt,
    /// `00:01:02.250` or `01:02.250`.
    Vtt,
}

/// Checks every timing line of `text`.
pub fn check(text: &str, dialect: Dialect) -> Result<(), Malformed> {
    let mut cue = 0;
    for (i, line) in text.lines().enumerate() {
        let Some((left, right)) = line.split_once("-->") else {
            continue;
        };
        let left = left.trim();
        if !left.starts_with(|c: char| c.is_ascii_digit()) {
            continue; // text that happens to hold an arrow
        }
        cue += 1;
        let at = |defect| Malformed {
            line: i + 1,
            defect,
        };
        let right = right.split_whitespace().next().unwrap_or("");
        let time = |found: &str| {
            parse(found, dialect).ok_or_else(|| {
                at(Defect::BadCueTime {
                    cue,
                    found: found.to_owned(),
                })
            })
        };
        let (start, end) = (time(left)?, time(right)?);
        if end < start {
            return Err(at(Defect::CueEndsBeforeStart {
                cue,
                start: left.to_owned(),
                end: right.to_owned(),
            }));
        }
    }
    Ok(())
}

/// A cue time, if it is one: hours optional in WebVTT, minutes and seconds below 60.
pub fn parse(s: &str, dialect: Dialect) -> Option<Duration> {
    let separators: &[char] = match dialect {
        Dialect::Srt => &[',', '.'],
        Dialect::Vtt => &['.'],
    };
    let (clock, fraction) = s.split_once(separators)?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let fraction_ok = match dialect {
        Dialect::Srt => (1..=3).contains(&fraction.len()),
        Dialect::Vtt => fraction.len() == 3,
    };
    if !digits(fraction) || !fraction_ok {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, sec) = match (parts.as_slice(), dialect) {
        ([h, m, s], _) => (*h, *m, *s),
        ([m, s], Dialect::Vtt) => ("0", *m, *s),
        _ => return None,
    };
    if !(digits(h) && digits(m) && digits(sec)) || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let (h, m, sec): (u64, u64, u64) = (h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?);
    if m >= 60 || sec >= 60 {
        return None;
    }
    let millis: u64 = format!("{fraction:0<3}").parse().ok()?;
    Some(Duration::from_millis(
        h.checked_mul(3_600_000)? + m * 60_000 + sec * 1000 + millis,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_times_in_both_dialects() {
        // 01:02:03.250 = 3723.25 s; 02:03.250 (WebVTT without hours) = 123.25 s.
        let ms = Duration::from_millis;
        assert_eq!(parse("01:02:03.250", Dialect::Vtt), Some(ms(3_723_250)));
        assert_eq!(parse("02:03.250", Dialect::Vtt), Some(ms(123_250)));
        assert_eq!(parse("01:02:03,250", Dialect::Srt), Some(ms(3_723_250)));
        assert_eq!(parse("1:02:03.5", Dialect::Srt), Some(ms(3_723_500)));
        for bad in [
            "00:61:00.000",
            "00:00:0x.000",
            "00:00:60.000",
            "00:00:01,000",
            "1:2.000",
        ] {
            assert_eq!(parse(bad, Dialect::Vtt), None, "{bad}");
        }
        assert_eq!(parse("02:03,250", Dialect::Srt), None);
    }

    #[test]
    fn a_bad_time_is_reported_with_its_cue_and_line() {
        // Line 3 is cue 1's timing, line 6 cue 2's: "00:61:00.000" has 61 minutes.
        let text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n\n00:61:00.000 --> 00:62:00.000\nPerdu\n";
        let err = check(text, Dialect::Vtt).unwrap_err();
        assert_eq!(err.line, 6);
        assert_eq!(
            err.defect,
            Defect::BadCueTime {
                cue: 2,
                found: "00:61:00.000".into()
            }
        );
        let text = "WEBVTT\n\n00:00:0x.000 --> 00:00:05.000 align:start\nAussi\n";
        let err = check(text, Dialect::Vtt).unwrap_err();
        assert_eq!(
            (err.line, err.defect.clone()),
            (
                3,
                Defect::BadCueTime {
                    cue: 1,
                    found: "00:00:0x.000".into()
                }
            )
        );
    }

    #[test]
    fn an_end_before_its_start_is_reported() {
        let text = "1\n00:00:05,000 --> 00:00:02,000\nBonjour\n";
        let err = check(text, Dialect::Srt).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(matches!(
            err.defect,
            Defect::CueEndsBeforeStart { cue: 1, .. }
        ));
        // An arrow in the text is not a timing line.
        assert!(check("1\n00:00:01,000 --> 00:00:02,000\nA --> B\n", Dialect::Srt).is_ok());
    }
}
