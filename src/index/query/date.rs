//! Dates in queries: `2021`, `2021-05`, `2021-05-06`, and ranges `2021-04..2021-07` with either
//! end left open (`..2021-07`, `2021-04..`). A range includes the whole of both ends: April to
//! July is 1 April to 31 July. Days are numbers `YYYYMMDD`, as indexed.

use chrono::{Datelike, Months, NaiveDate};

/// Half-open range of days `[from, to)` as `YYYYMMDD` numbers; `None` for an open end.
pub type DayRange = (Option<u64>, Option<u64>);

fn number(date: NaiveDate) -> u64 {
    date.year() as u64 * 10_000 + date.month() as u64 * 100 + date.day() as u64
}

/// The first day of a period and the first day after it.
fn period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
            ))
        }
        [y, m] => {
            let start = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, 1)?;
            Some((start, start.checked_add_months(Months::new(1))?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)?;
            Some((day, day.succ_opt()?))
        }
        _ => None,
    }
}

/// Parses a date or a range; `None` if it is not one (the caller says where).
pub fn parse(text: &str) -> Option<DayRange> {
    let (from, to) = match text.split_once("..") {
        Some((a, b)) => (a, b),
        None => (text, text),
    };
    if from.is_empty() && to.is_empty() {
        return None;
    }
    let start = if from.is_empty() {
        None
    } else {
        Some(period(from)?.0)
    };
    let end = if to.is_empty() {
        None
    } else {
        Some(period(to)?.1)
    };
    if let (Some(s), Some(e)) = (start, end)
        && s >= e
    {
        return None; // reversed range
    }
    Some((start.map(number), end.map(number)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_ranges() {
        assert_eq!(parse("2021-05-06"), Some((Some(20210506), Some(20210507))));
        assert_eq!(parse("2021-05"), Some((Some(20210501), Some(20210601))));
        assert_eq!(parse("2021-12"), Some((Some(20211201), Some(20220101))));
        assert_eq!(parse("2021"), Some((Some(20210101), Some(20220101))));
        assert_eq!(
            parse("2021-04..2021-07"),
            Some((Some(20210401), Some(20210801)))
        );
        assert_eq!(parse("..2021-05-06"), Some((None, Some(20210507))));
        assert_eq!(parse("2021-06.."), Some((Some(20210601), None)));
        for bad in [
            "2021-13",
            "2021-02-30",
            "21-05",
            "hier",
            "..",
            "2021-07..2021-04",
            "2021-5",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
