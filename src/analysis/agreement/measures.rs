//! Agreement measures between coders: percent agreement, Cohen's kappa and Krippendorff's alpha
//! (nominal). Textbook formulas, checked against published worked examples in the tests.

use std::collections::BTreeMap;

/// Share of units on which two coders agree, from a square confusion matrix
/// (`table[i][j]`: units coder A put in category i and coder B in j). `None` without units.
pub fn percent_agreement(table: &[Vec<f64>]) -> Option<f64> {
    let n: f64 = table.iter().flatten().sum();
    let agree: f64 = (0..table.len()).map(|i| table[i][i]).sum();
    (n > 0.0).then(|| 100.0 * agree / n)
}

/// Cohen's kappa: (p_o − p_e) / (1 − p_e), with p_e from each coder's marginals. `None` when
/// undefined (no units, or both coders put every unit in one same category: p_e = 1).
pub fn cohen_kappa(table: &[Vec<f64>]) -> Option<f64> {
    let n: f64 = table.iter().flatten().sum();
    if n <= 0.0 {
        return None;
    }
    let k = table.len();
    let p_o = (0..k).map(|i| table[i][i]).sum::<f64>() / n;
    let p_e = (0..k)
        .map(|i| {
            let row: f64 = table[i].iter().sum();
            let col: f64 = table.iter().map(|r| r[i]).sum();
            (row / n) * (col / n)
        })
        .sum::<f64>();
    (p_e < 1.0).then(|| (p_o - p_e) / (1.0 - p_e))
}

/// Krippendorff's alpha for nominal data from a coincidence matrix `o[c][k]`:
/// α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. `None` when undefined (fewer than two
/// pairable values, or no variation at all: the expected disagreement is zero).
pub fn alpha_from_coincidences(o: &[Vec<f64>]) -> Option<f64> {
    let totals: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    if n < 2.0 {
        return None;
    }
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..o.len() {
        for k in 0..o.len() {
            if c != k {
                observed += o[c][k];
                expected += totals[c] * totals[k];
            }
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

/// Krippendorff's alpha (nominal) from a reliability data matrix: one row per unit, one value
/// per coder, `None` where a coder gave no value. Units with fewer than two values are not
/// pairable and are left out, as Krippendorff prescribes.
pub fn krippendorff_alpha_nominal<V: Ord>(units: &[Vec<Option<V>>]) -> Option<f64> {
    let mut categories: BTreeMap<&V, usize> = BTreeMap::new();
    for v in units.iter().flatten().flatten() {
        let next = categories.len();
        categories.entry(v).or_insert(next);
    }
    let k = categories.len();
    let mut o = vec![vec![0.0; k]; k];
    for unit in units {
        let values: Vec<usize> = unit.iter().flatten().map(|v| categories[v]).collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        for (i, &a) in values.iter().enumerate() {
            for (j, &b) in values.iter().enumerate() {
                if i != j {
                    o[a][b] += 1.0 / (m - 1) as f64;
                }
            }
        }
    }
    alpha_from_coincidences(&o)
}

/// Two coders, a code present or absent on each unit: the counts of the four cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Binary {
    /// Both coders applied the code.
    pub both: u64,
    pub only_a: u64,
    pub only_b: u64,
    /// Neither did.
    pub neither: u64,
}

impl Binary {
    pub fn units(&self) -> u64 {
        self.both + self.only_a + self.only_b + self.neither
    }

    pub fn add(&mut self, other: Binary) {
        self.both += other.both;
        self.only_a += other.only_a;
        self.only_b += other.only_b;
        self.neither += other.neither;
    }

    /// The confusion matrix, "present" first.
    pub fn table(&self) -> Vec<Vec<f64>> {
        vec![
            vec![self.both as f64, self.only_a as f64],
            vec![self.only_b as f64, self.neither as f64],
        ]
    }

    pub fn percent(&self) -> Option<f64> {
        percent_agreement(&self.table())
    }

    pub fn kappa(&self) -> Option<f64> {
        cohen_kappa(&self.table())
    }

    /// Alpha with two coders and no missing value: each unit adds one pair each way, so
    /// o = [[2·both, only_a + only_b], [only_a + only_b, 2·neither]].
    pub fn alpha(&self) -> Option<f64> {
        let off = (self.only_a + self.only_b) as f64;
        alpha_from_coincidences(&[
            vec![2.0 * self.both as f64, off],
            vec![off, 2.0 * self.neither as f64],
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    /// Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by two
    /// readers A and B. Both yes: 20, both no: 15, A yes B no: 5, A no B yes: 10.
    /// p_o = (20 + 15) / 50 = 0.70; A says yes 25/50 = 0.5, B says yes 30/50 = 0.6;
    /// p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.40.
    #[test]
    fn cohen_kappa_of_the_wikipedia_grant_proposals_example_is_0_40() {
        let table = vec![vec![20.0, 5.0], vec![10.0, 15.0]];
        assert!(close(cohen_kappa(&table).unwrap(), 0.40, 1e-12));
        assert!(close(percent_agreement(&table).unwrap(), 70.0, 1e-12));
        let b = Binary {
            both: 20,
            only_a: 5,
            only_b: 10,
            neither: 15,
        };
        assert!(close(b.kappa().unwrap(), 0.40, 1e-12));
    }

    /// Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School
    /// for Communication, University of Pennsylvania, section C: the example of 4 observers
    /// and 12 units with missing values, nominal data: α = 0.743.
    #[test]
    fn krippendorff_alpha_of_the_2011_nominal_example_with_missing_values_is_0_743() {
        const X: Option<u8> = None;
        let observers: [[Option<u8>; 12]; 4] = [
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(1),
                Some(4),
                Some(1),
                Some(2),
                X,
                X,
                X,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(2),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                X,
                Some(3),
            ],
            [
                X,
                Some(3),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(4),
                Some(2),
                Some(2),
                Some(5),
                Some(1),
                X,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(4),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                Some(1),
                X,
            ],
        ];
        let units: Vec<Vec<Option<u8>>> = (0..12)
            .map(|u| observers.iter().map(|o| o[u]).collect())
            .collect();
        let alpha = krippendorff_alpha_nominal(&units).unwrap();
        assert!(close(alpha, 0.743, 0.0005), "{alpha}");
    }

    #[test]
    fn binary_alpha_matches_the_general_formula_and_undefined_cases_say_so() {
        // 4 units: both, both, only A, neither.
        let b = Binary {
            both: 2,
            only_a: 1,
            only_b: 0,
            neither: 1,
        };
        let units = vec![
            vec![Some(1), Some(1)],
            vec![Some(1), Some(1)],
            vec![Some(1), Some(0)],
            vec![Some(0), Some(0)],
        ];
        let general = krippendorff_alpha_nominal(&units).unwrap();
        assert!(close(b.alpha().unwrap(), general, 1e-12));
        // By hand: o = [[4,1],[1,2]] (present first), n = 8, n_1 = 5, n_0 = 3;
        // α = 1 − 7·2 / (2·5·3) = 1 − 14/30 = 0.5333…
        assert!(close(general, 1.0 - 14.0 / 30.0, 1e-12));
        // Nobody ever applied the code: no variation, kappa and alpha undefined.
        let none = Binary {
            neither: 10,
            ..Binary::default()
        };
        assert_eq!((none.kappa(), none.alpha()), (None, None));
        assert_eq!(none.percent(), Some(100.0));
    }
}
