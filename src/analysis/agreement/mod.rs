//! Inter-coder agreement: two coders who coded the same sessions independently.
//!
//! The unit is stated with every result:
//! - [`AgreementUnit::Segment`]: for each segment of the sessions both coders coded, and each
//!   code, whether each coder applied the code somewhere in the segment (present / absent);
//! - [`AgreementUnit::Char`]: the same decision for every char of those segments (a char is
//!   "coded" by a coder when one of their codings of the code covers it).
//!
//! Sessions compared are those where both coders made at least one coding. Codes compared are
//! those either coder applied there (codes nobody used would only add agreement on absence).
//! Per code: percent agreement, Cohen's kappa and Krippendorff's alpha (nominal) over the
//! present/absent decisions. Overall: the same measures over every (unit, code) decision pooled,
//! and the mean of the per-code kappas that are defined.

pub mod measures;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use self::measures::Binary;
use super::filter::Scope;
use super::spans::{self, Span};
use crate::study::{CodeId, SegmentId, Session};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementUnit {
    Segment,
    Char,
}

/// The agreement on one code (or, for [`Agreement::overall`], on all codes pooled).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeAgreement {
    /// `None` for the pooled row.
    pub code: Option<CodeId>,
    pub path: String,
    pub name: String,
    pub counts: Binary,
    pub percent: Option<f64>,
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
}

impl CodeAgreement {
    fn of(code: Option<CodeId>, path: String, name: String, counts: Binary) -> Self {
        CodeAgreement {
            code,
            path,
            name,
            percent: counts.percent(),
            kappa: counts.kappa(),
            alpha: counts.alpha(),
            counts,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    pub unit: AgreementUnit,
    pub coder_a: String,
    pub coder_b: String,
    /// Pseudonyms of the sessions compared.
    pub sessions: Vec<String>,
    /// Units compared per code: segments, or chars.
    pub units: u64,
    pub codes: Vec<CodeAgreement>,
    pub overall: CodeAgreement,
    /// Mean of the per-code kappas that are defined.
    pub mean_kappa: Option<f64>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AgreementError {
    #[error("the two coders must differ (\"{0}\" given twice)")]
    SameCoder(String),
    #[error("no session was coded by both \"{a}\" and \"{b}\"")]
    NoCommonSession { a: String, b: String },
}

/// Compares coders `a` and `b` over the sessions of the scope both of them coded. The scope's
/// coder filter is ignored (the two coders are the filter); its segment filter narrows the
/// units to the matched segments.
pub fn agreement(
    scope: &Scope,
    a: &str,
    b: &str,
    unit: AgreementUnit,
) -> Result<Agreement, AgreementError> {
    if a == b {
        return Err(AgreementError::SameCoder(a.into()));
    }
    let shared: Vec<&Session> = scope
        .sessions
        .iter()
        .copied()
        .filter(|s| {
            s.codings.iter().any(|c| c.coder == a) && s.codings.iter().any(|c| c.coder == b)
        })
        .collect();
    if shared.is_empty() {
        return Err(AgreementError::NoCommonSession {
            a: a.into(),
            b: b.into(),
        });
    }
    let in_scope = |s: &Session, segment: SegmentId| {
        scope
            .filter
            .segments
            .as_ref()
            .is_none_or(|set| set.contains(&(s.id, segment)))
    };
    let used: BTreeSet<CodeId> = shared
        .iter()
        .flat_map(|s| {
            s.codings
                .iter()
                .filter(|c| (c.coder == a || c.coder == b) && in_scope(s, c.segment))
                .map(|c| c.code)
        })
        .collect();
    let mut counts: BTreeMap<CodeId, Binary> =
        used.iter().map(|c| (*c, Binary::default())).collect();
    let mut units = 0u64;
    for session in &shared {
        // Per segment and code, each coder's spans.
        let mut spans_of: HashMap<(SegmentId, CodeId), (Vec<Span>, Vec<Span>)> = HashMap::new();
        for c in &session.codings {
            let entry = spans_of.entry((c.segment, c.code)).or_default();
            if c.coder == a {
                entry.0.push((c.start, c.end));
            } else if c.coder == b {
                entry.1.push((c.start, c.end));
            }
        }
        for segment in session.segments.iter().filter(|g| in_scope(session, g.id)) {
            let size = match unit {
                AgreementUnit::Segment => 1,
                AgreementUnit::Char => segment.text.chars().count() as u64,
            };
            units += size;
            for (code, tally) in counts.iter_mut() {
                let (sa, sb) = spans_of.remove(&(segment.id, *code)).unwrap_or_default();
                tally.add(decide(unit, size, sa, sb));
            }
        }
    }
    let book = &scope.study.codebook;
    let mut pooled = Binary::default();
    let codes: Vec<CodeAgreement> = book
        .tree()
        .into_iter()
        .filter_map(|(_, code)| {
            let c = *counts.get(&code.id)?;
            pooled.add(c);
            Some(CodeAgreement::of(
                Some(code.id),
                book.path(code.id).unwrap_or_default(),
                code.name.clone(),
                c,
            ))
        })
        .collect();
    let kappas: Vec<f64> = codes.iter().filter_map(|c| c.kappa).collect();
    let mean_kappa = (!kappas.is_empty()).then(|| kappas.iter().sum::<f64>() / kappas.len() as f64);
    Ok(Agreement {
        unit,
        coder_a: a.into(),
        coder_b: b.into(),
        sessions: shared
            .iter()
            .map(|s| s.respondent.pseudonym.clone())
            .collect(),
        units,
        codes,
        overall: CodeAgreement::of(None, String::new(), String::new(), pooled),
        mean_kappa,
    })
}

/// The four cases for one code on one segment (`size` chars, or 1 for the segment unit).
fn decide(unit: AgreementUnit, size: u64, a: Vec<Span>, b: Vec<Span>) -> Binary {
    match unit {
        AgreementUnit::Segment => {
            let (x, y) = (!a.is_empty(), !b.is_empty());
            Binary {
                both: (x && y) as u64,
                only_a: (x && !y) as u64,
                only_b: (!x && y) as u64,
                neither: (!x && !y) as u64,
            }
        }
        AgreementUnit::Char => {
            let (ua, ub) = (spans::union(a), spans::union(b));
            let both = spans::common_len(&ua, &ub) as u64;
            let la = spans::len(&ua) as u64;
            let lb = spans::len(&ub) as u64;
            Binary {
                both,
                only_a: la - both,
                only_b: lb - both,
                neither: size.saturating_sub(la + lb - both),
            }
        }
    }
}

/// Pairs of coders who coded the same sessions, with how many: to choose whom to compare.
pub fn coder_pairs<'a>(
    sessions: impl IntoIterator<Item = &'a Session>,
) -> Vec<(String, String, usize)> {
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in sessions {
        let coders: BTreeSet<&str> = s.codings.iter().map(|c| c.coder.as_str()).collect();
        let list: Vec<&str> = coders.into_iter().collect();
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                *pairs.entry(((*a).into(), (*b).into())).or_default() += 1;
            }
        }
    }
    pairs.into_iter().map(|((a, b), n)| (a, b, n)).collect()
}
