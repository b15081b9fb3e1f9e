//! Times as the model keeps them.

use super::Time;

/// Times are kept to the second: enough for a transcript, readable in the files.
pub fn stamp(now: Time) -> Time {
    use chrono::SubsecRound;
    now.trunc_subsecs(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_drop_the_fraction_of_a_second() {
        let t = Time::parse_from_rfc3339("2021-09-14T10:00:07.912+02:00").unwrap();
        assert_eq!(stamp(t).to_rfc3339(), "2021-09-14T10:00:07+02:00");
    }
}
