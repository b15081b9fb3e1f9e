//! Thematic saturation, as Guest, Namey & Chen assess it ("A simple method to assess and
//! report thematic saturation in qualitative research", PLoS ONE 15(5): e0232076, 2020).
//!
//! Interviews are taken in the order they were held (by date; undated ones are left out and
//! said so). For each, the codes it uses for the first time in the study are its **new codes**
//! (codes as applied, counted codings only: each session's reference coder by default).
//! - **Base**: the first `base` interviews (4 by default); the distinct codes they use are the
//!   denominator of every ratio.
//! - **Runs**: `run` consecutive interviews (2 by default), the first starting right after the
//!   base, each next one a single interview further.
//! - **New information** of a run: its new codes as a percentage of the base's codes.
//! - **Verdict**: saturation is reached at interview N when the run right after N brings no
//!   more than the threshold (5 % by default) of new information; the first such run gives N.
//!   No such run (or too few interviews for one): not reached.

use std::collections::HashSet;

use serde::Serialize;

use super::filter::Scope;
use crate::study::{CodeId, SessionId, Time};

/// The three choices of the method.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Params {
    pub base: usize,
    pub run: usize,
    /// Largest share of new information, in percent, that still counts as saturated.
    pub threshold: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            base: 4,
            run: 2,
            threshold: 5.0,
        }
    }
}

/// One interview in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Interview {
    /// 1 for the first interview held.
    pub number: usize,
    pub session: SessionId,
    pub pseudonym: String,
    pub date: Time,
    /// Distinct codes it uses.
    pub codes: usize,
    /// Codes it uses first, in codebook order.
    pub new: Vec<CodeId>,
    /// Distinct codes used so far, this interview included.
    pub cumulative: usize,
}

/// A run of interviews after the base.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Run {
    /// Numbers of its first and last interviews.
    pub first: usize,
    pub last: usize,
    pub new: usize,
    /// New codes as a percentage of the base's codes; `None` when the base has none.
    pub new_pct: Option<f64>,
    pub within: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// Reached at interview `at`, which the run `first..=last` confirms.
    Reached {
        at: usize,
        first: usize,
        last: usize,
    },
    /// Every run brought more than the threshold.
    NotReached,
    /// Fewer interviews than a base and one run.
    TooFew,
    /// The base uses no code: nothing to compare with.
    NoBase,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Saturation {
    pub params: Params,
    pub interviews: Vec<Interview>,
    /// Kept sessions left out because they have no date to order them by.
    pub undated: usize,
    /// Distinct codes of the base.
    pub base_codes: usize,
    pub runs: Vec<Run>,
    pub verdict: Verdict,
}

/// The saturation assessment of the kept sessions.
pub fn saturation(scope: &Scope, params: Params) -> Saturation {
    let order: Vec<CodeId> = scope
        .study
        .codebook
        .tree()
        .into_iter()
        .map(|(_, c)| c.id)
        .collect();
    let mut dated: Vec<(Time, &crate::study::Session)> = scope
        .sessions
        .iter()
        .filter_map(|s| Some((s.date()?, *s)))
        .collect();
    dated.sort_by_key(|(date, s)| (*date, s.id));
    let mut seen: HashSet<CodeId> = HashSet::new();
    let mut interviews = Vec::with_capacity(dated.len());
    for (i, (date, session)) in dated.iter().enumerate() {
        let used: HashSet<CodeId> = scope.codings(session).map(|c| c.code).collect();
        let new: Vec<CodeId> = order
            .iter()
            .copied()
            .filter(|c| used.contains(c) && !seen.contains(c))
            .collect();
        seen.extend(used.iter().copied());
        interviews.push(Interview {
            number: i + 1,
            session: session.id,
            pseudonym: session.respondent.pseudonym.clone(),
            date: *date,
            codes: used.len(),
            new,
            cumulative: seen.len(),
        });
    }
    assess(params, interviews, scope.sessions.len() - dated.len())
}

/// The runs and the verdict over interviews already counted.
pub fn assess(params: Params, interviews: Vec<Interview>, undated: usize) -> Saturation {
    let base = params.base.max(1);
    let run = params.run.max(1);
    let base_codes = interviews.get(base - 1).map_or(0, |i| i.cumulative);
    let mut runs = Vec::new();
    let mut first = base + 1;
    while first + run - 1 <= interviews.len() {
        let last = first + run - 1;
        let new: usize = interviews[first - 1..last]
            .iter()
            .map(|i| i.new.len())
            .sum();
        let new_pct = (base_codes > 0).then(|| new as f64 * 100.0 / base_codes as f64);
        runs.push(Run {
            first,
            last,
            new,
            new_pct,
            within: new_pct.is_some_and(|p| p <= params.threshold + 1e-9),
        });
        first += 1;
    }
    let verdict = if interviews.len() < base + run {
        Verdict::TooFew
    } else if base_codes == 0 {
        Verdict::NoBase
    } else {
        runs.iter()
            .find(|r| r.within)
            .map_or(Verdict::NotReached, |r| Verdict::Reached {
                at: r.first - 1,
                first: r.first,
                last: r.last,
            })
    };
    Saturation {
        params,
        interviews,
        undated,
        base_codes,
        runs,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Interviews whose new codes are given as counts (ids made up, cumulative summed).
    fn sequence(new: &[usize]) -> Vec<Interview> {
        let date = Time::parse_from_rfc3339("2021-04-12T10:00:00+02:00").unwrap();
        let mut total = 0;
        new.iter()
            .enumerate()
            .map(|(i, &n)| {
                total += n;
                Interview {
                    number: i + 1,
                    session: SessionId::new(),
                    pseudonym: format!("R{}", i + 1),
                    date,
                    codes: n,
                    new: (0..n).map(|_| CodeId::new()).collect(),
                    cumulative: total,
                }
            })
            .collect()
    }

    /// New codes per interview: 8, 5, 4, 3 (base of 4: 20 codes), then 2, 1, 0, 1, 0.
    /// Runs of 2, by hand: 5–6: 3 new = 15 % of 20; 6–7: 1 = 5 % (≤ 5 %: saturation at 5);
    /// 7–8: 1 = 5 %; 8–9: 1 = 5 %.
    #[test]
    fn saturation_on_a_small_sequence_by_hand() {
        let s = assess(Params::default(), sequence(&[8, 5, 4, 3, 2, 1, 0, 1, 0]), 0);
        assert_eq!(s.base_codes, 20);
        let runs: Vec<(usize, usize, usize, f64, bool)> = s
            .runs
            .iter()
            .map(|r| (r.first, r.last, r.new, r.new_pct.unwrap(), r.within))
            .collect();
        assert_eq!(
            runs,
            [
                (5, 6, 3, 15.0, false),
                (6, 7, 1, 5.0, true),
                (7, 8, 1, 5.0, true),
                (8, 9, 1, 5.0, true)
            ]
        );
        assert_eq!(
            s.verdict,
            Verdict::Reached {
                at: 5,
                first: 6,
                last: 7
            }
        );
        // A stricter threshold (0 %) is never met here.
        let strict = Params {
            threshold: 0.0,
            ..Params::default()
        };
        let s = assess(strict, sequence(&[8, 5, 4, 3, 2, 1, 0, 1, 0]), 0);
        assert_eq!(s.verdict, Verdict::NotReached);
        // Base 3, run 3: base 17 codes; runs 4–6: 6/17 = 35.3 %, 5–7: 3/17, 6–8: 2/17 = 11.8 %,
        // 7–9: 1/17 = 5.9 % > 5 %: not reached.
        let other = Params {
            base: 3,
            run: 3,
            threshold: 5.0,
        };
        let s = assess(other, sequence(&[8, 5, 4, 3, 2, 1, 0, 1, 0]), 0);
        assert_eq!(s.base_codes, 17);
        assert_eq!(s.runs.len(), 4);
        assert!((s.runs[3].new_pct.unwrap() - 100.0 / 17.0).abs() < 1e-9);
        assert_eq!(s.verdict, Verdict::NotReached);
    }

    #[test]
    fn too_few_interviews_or_no_code_in_the_base() {
        let s = assess(Params::default(), sequence(&[3, 2, 1, 1, 0]), 0);
        assert_eq!(s.verdict, Verdict::TooFew);
        assert!(s.runs.is_empty());
        let s = assess(Params::default(), sequence(&[0, 0, 0, 0, 1, 0]), 0);
        assert_eq!(s.verdict, Verdict::NoBase);
        assert_eq!(s.runs[0].new_pct, None);
    }
}
