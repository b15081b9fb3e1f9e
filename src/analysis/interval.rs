//! Proportions with their 95 % confidence interval (Wilson score interval).
//!
//! Wilson's interval stays inside [0, 1] and behaves at 0 % and 100 % and on small bases, where
//! the textbook p ± 1.96·√(p(1−p)/n) gives negative bounds or a zero-width interval; it is what
//! Newcombe (1998) and Brown, Cai & DasGupta (2001) recommend for a single proportion. For k
//! successes out of n, with z = 1.959964 (two-sided 95 %) and p = k/n:
//!
//! ```text
//! centre = (p + z²/2n) / (1 + z²/n)
//! half   = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
//! ```

use serde::Serialize;

/// The 97.5th percentile of the standard normal distribution.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A share of a base: its percentage and 95 % interval, all in 0–100; `None` on an empty base.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Proportion {
    pub pct: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Proportion {
    /// `k` out of `n`.
    pub fn of(k: usize, n: usize) -> Proportion {
        match wilson(k, n) {
            Some((low, high)) => Proportion {
                pct: Some(k as f64 * 100.0 / n as f64),
                low: Some(low * 100.0),
                high: Some(high * 100.0),
            },
            None => Proportion::default(),
        }
    }
}

/// The 95 % Wilson score interval of `k` out of `n`, as fractions; `None` when `n` is 0.
pub fn wilson(k: usize, n: usize) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k.min(n) as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // At 0 and n the bound is exactly 0 or 1 (the formula gives it up to rounding).
    let low = if k == 0.0 { 0.0 } else { centre - half };
    let high = if k == n { 1.0 } else { centre + half };
    Some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounded(k: usize, n: usize) -> (f64, f64) {
        let (l, h) = wilson(k, n).unwrap();
        ((l * 1e4).round() / 1e4, (h * 1e4).round() / 1e4)
    }

    /// The four examples of Newcombe (1998), "Two-sided confidence intervals for the single
    /// proportion: comparison of seven methods", Statistics in Medicine 17, table I, method 3
    /// (score interval without continuity correction), to four decimals.
    #[test]
    fn newcombe_1998_published_bounds() {
        assert_eq!(rounded(81, 263), (0.2553, 0.3662));
        assert_eq!(rounded(15, 148), (0.0624, 0.1605));
        assert_eq!(rounded(0, 20), (0.0, 0.1611));
        assert_eq!(rounded(1, 29), (0.0061, 0.1718));
    }

    /// The diagnostic's headline: 52 of 79 respondents (66 %) have identified someone; worked
    /// by hand: p = 0.65823, z²/n = 0.048627, centre = (0.65823 + 0.024314) / 1.048627 =
    /// 0.65090, half = 1.959964 / 1.048627 × √(0.0028479 + 0.00015388) = 0.10242, so
    /// [54.85 %; 75.33 %], printed [55 ; 75].
    #[test]
    fn the_diagnostic_headline_by_hand() {
        let p = Proportion::of(52, 79);
        assert!((p.pct.unwrap() - 65.8228).abs() < 1e-3);
        assert!((p.low.unwrap() - 54.848).abs() < 1e-2, "{p:?}");
        assert!((p.high.unwrap() - 75.332).abs() < 1e-2, "{p:?}");
        assert_eq!(Proportion::of(3, 0), Proportion::default());
        let all = Proportion::of(7, 7);
        assert_eq!(all.high, Some(100.0));
    }
}
