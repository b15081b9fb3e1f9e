//! The recording's start as the analyst types it: an offset from the interview's start
//! (`+00:04:30`, `-12:05`, `95`) or a time of day on the interview's day.

use chrono::{NaiveTime, TimeDelta};

use crate::interop::import::parse_date;
use crate::study::Time;

/// `±HH:MM:SS`, `±MM:SS` or `±SS` (seconds may have a decimal part).
pub fn parse_offset(s: &str) -> Option<TimeDelta> {
    let s = s.trim();
    let (sign, rest) = match s.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, s.strip_prefix('+').unwrap_or(s)),
    };
    let parts: Vec<&str> = rest.split(':').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let (last, whole) = parts.split_last()?;
    let seconds: f64 = last
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0)?;
    if parts.len() > 1 && seconds >= 60.0 {
        return None;
    }
    let mut total = 0i64;
    for (i, p) in whole.iter().enumerate() {
        let n: i64 = p.parse().ok().filter(|n| *n >= 0)?;
        // Minutes under an hour when hours are given.
        if i == 1 && n >= 60 {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    let ms = total.checked_mul(60_000)? + (seconds * 1000.0).round() as i64;
    Some(TimeDelta::milliseconds(sign * ms))
}

/// `HH:MM[:SS]` on the day of `day` (in its offset), or a date and time as `--date` reads it.
pub fn parse_starts_at(s: &str, day: Option<Time>) -> Option<Time> {
    let s = s.trim();
    for format in ["%H:%M:%S", "%H:%M"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, format) {
            let day = day?;
            let naive = day.date_naive().and_time(t);
            return naive.and_local_timezone(*day.offset()).single();
        }
    }
    parse_date(s)
}

/// `+00:04:13`, `-00:00:30`.
pub fn show_offset(d: TimeDelta) -> String {
    let sign = if d < TimeDelta::zero() { '-' } else { '+' };
    let s = d.num_seconds().abs();
    format!("{sign}{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_as_typed() {
        let secs = |s: &str| parse_offset(s).map(|d| d.num_milliseconds());
        assert_eq!(secs("+00:04:30"), Some(270_000));
        assert_eq!(secs("-12:05"), Some(-725_000));
        assert_eq!(secs("95"), Some(95_000));
        assert_eq!(secs("1:02:03.5"), Some(3_723_500));
        for bad in ["", "+", "4:75", "1:60:00", "a:b", "--3", "1::2"] {
            assert_eq!(secs(bad), None, "{bad}");
        }
        assert_eq!(show_offset(TimeDelta::seconds(-30)), "-00:00:30");
        assert_eq!(show_offset(TimeDelta::seconds(3723)), "+01:02:03");
    }

    #[test]
    fn a_time_of_day_is_on_the_interviews_day() {
        let day = Time::parse_from_rfc3339("2021-04-12T09:58:00+02:00").unwrap();
        let at = parse_starts_at("10:04:13", Some(day)).unwrap();
        assert_eq!(at.to_rfc3339(), "2021-04-12T10:04:13+02:00");
        assert_eq!(parse_starts_at("10:04", None), None);
        assert_eq!(parse_starts_at("demain", Some(day)), None);
    }
}
