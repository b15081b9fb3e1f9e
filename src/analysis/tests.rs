//! Every table on the hand-made study of [`super::fixture`]; each expected figure is worked out
//! by hand in the comments from the fixture's description.
//!
//! Over 500 lines: tests only: every table on the hand-made fixture study, each expected figure
//! worked out in comments.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use super::agreement::{AgreementUnit, agreement};
use super::answers::{answers, answers_by};
use super::categories::{Base, Role};
use super::cooccurrence::{Unit, code_matrix, session_matrix};
use super::excerpts::excerpts;
use super::filter::{Coders, Filter};
use super::fixture::fixture;
use super::frequencies::{Counts, SortKey, frequencies};
use super::situations::{situations, situations_by};
use crate::study::Status;

fn counts(
    excerpts: usize,
    sessions: usize,
    respondents: usize,
    base: usize,
    words: usize,
) -> Counts {
    Counts {
        excerpts,
        sessions,
        respondents,
        respondents_pct: Some(respondents as f64 * 100.0 / base as f64),
        words,
    }
}

#[test]
fn frequencies_count_excerpts_sessions_respondents_and_words() {
    let f = fixture();
    let filter = Filter::default();
    let freq = frequencies(&filter.scope(&f.study, &f.sessions), None).unwrap();
    assert_eq!((freq.sessions, freq.respondents), (3, 3));
    let paths: Vec<&str> = freq.codes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "proxenetisme",
            "proxenetisme/conjugal",
            "proxenetisme/hotelier",
            "lieux",
            "lieux/hotel"
        ]
    );
    let row = |p: &str| freq.codes.iter().find(|c| c.path == p).unwrap();
    // proxenetisme alone: b1 [0,27), 1 excerpt in B (R2), 4 words.
    assert_eq!(row("proxenetisme").own, counts(1, 1, 1, 3, 4));
    // With descendants: A has a1 [19,38) and a2 [0,18) [19,37) = 3 spans (Ana's), B has 1
    // (Bob, B's only coder): 4 excerpts, 2 sessions, R1 and R2. Words: a1 3 ("avec son
    // compagnon."), a2 the union [0,18)+[19,37) touches all 7 words, b1 4: 14.
    assert_eq!(row("proxenetisme").with_descendants, counts(4, 2, 2, 3, 14));
    // conjugal: A's reference coder is Ana (her codings come first), so Bob's [22,37) is
    // not counted: 2 spans; words a1 3 + a2 3.
    assert_eq!(row("proxenetisme/conjugal").own, counts(2, 1, 1, 3, 6));
    assert_eq!(row("proxenetisme/hotelier").own, counts(1, 1, 1, 3, 4));
    // lieux is never coded itself; with lieux/hotel under it: a1 "à l'hôtel" (2 words) and
    // b1 "l'hôtel." (1 word), in A and B.
    assert_eq!(
        row("lieux").own,
        Counts {
            respondents_pct: Some(0.0),
            ..Counts::default()
        }
    );
    assert_eq!(row("lieux").with_descendants, counts(2, 2, 2, 3, 3));
    assert_eq!(row("lieux/hotel").own, row("lieux").with_descendants);
}

#[test]
fn coders_reference_by_default_pooled_or_named_on_request() {
    let f = fixture();
    // Pooled: Bob's [22,37) in a2 is a third conjugal span (words still 6: it lies inside
    // Ana's [19,37)), and proxenetisme with descendants has 5 excerpts.
    let all = Filter {
        coders: Coders::All,
        ..Filter::default()
    };
    let freq = frequencies(&all.scope(&f.study, &f.sessions), None).unwrap();
    assert_eq!(freq.codes[1].own, counts(3, 1, 1, 3, 6));
    assert_eq!(freq.codes[0].with_descendants.excerpts, 5);
    // A chosen reference coder: Bob for A; A then has only Bob's conjugal [22,37) (2 words).
    let mut sessions = f.sessions.clone();
    sessions[0].reference_coder = Some("Bob".into());
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &sessions);
    assert_eq!(scope.reference_coder(sessions[0].id), Some("Bob"));
    let freq = frequencies(&scope, None).unwrap();
    assert_eq!(freq.codes[1].own, counts(1, 1, 1, 3, 2));
    assert_eq!(freq.codes[2].own.excerpts, 0); // hotelier was Ana's
    let multi: Vec<(&str, Vec<&str>)> = scope
        .multi_coded()
        .into_iter()
        .map(|(s, c)| (s.respondent.pseudonym.as_str(), c))
        .collect();
    assert_eq!(multi, [("R1", vec!["Ana", "Bob"])]);
}

#[test]
fn filters_narrow_codings_and_sessions_and_a_query_its_sessions_too() {
    let f = fixture();
    // Coder Ana: conjugal keeps her 2 spans (a1, a2), still 6 words; base stays 3 respondents.
    let ana = Filter {
        coders: Coders::Named(BTreeSet::from(["Ana".to_owned()])),
        ..Filter::default()
    };
    let freq = frequencies(&ana.scope(&f.study, &f.sessions), None).unwrap();
    assert_eq!(freq.codes[1].own, counts(2, 1, 1, 3, 6));
    // lieux/hotel: only a1 is Ana's.
    assert_eq!(freq.codes[4].own, counts(1, 1, 1, 3, 2));

    // Done sessions: A and B, 2 respondents, both coded lieux/hotel: 100 %.
    let done = Filter {
        status: Some(Status::Done),
        ..Filter::default()
    };
    let freq = frequencies(&done.scope(&f.study, &f.sessions), None).unwrap();
    assert_eq!(freq.respondents, 2);
    assert_eq!(freq.codes[4].own.respondents_pct, Some(100.0));

    // From 2021-05-01 to 2021-05-31: only B (2021-05-20).
    let may = Filter {
        from: NaiveDate::from_ymd_opt(2021, 5, 1),
        to: NaiveDate::from_ymd_opt(2021, 5, 31),
        ..Filter::default()
    };
    let scope = may.scope(&f.study, &f.sessions);
    assert_eq!(scope.sessions.len(), 1);
    assert_eq!(scope.sessions[0].respondent.pseudonym, "R2");
    assert_eq!((scope.left_out.dates, scope.left_out.total()), (2, 2));

    // A query that matched a2 only: only A has a matching segment, so the base is R1 alone;
    // conjugal keeps a2's span (3 words), lieux/hotel none (a1 did not match).
    let query = Filter {
        segments: Some(HashSet::from([f.segment("a2")])),
        ..Filter::default()
    };
    let scope = query.scope(&f.study, &f.sessions);
    assert_eq!((scope.left_out.query, scope.left_out.of), (2, 3));
    let freq = frequencies(&scope, None).unwrap();
    assert_eq!(freq.respondents, 1);
    assert_eq!(freq.codes[1].own, counts(1, 1, 1, 1, 3));
    assert_eq!(freq.codes[4].own.excerpts, 0);
    // Every table counts the same sessions: the answers of R1 only, its two situations.
    let a = answers(&scope);
    assert_eq!(a[0].tally.bases.all, 1);
    let s = situations(&scope);
    assert_eq!((s.persons, s.reports), (2, 2));
}

#[test]
fn breakdown_gives_the_percentage_within_each_group() {
    let f = fixture();
    let filter = Filter::default();
    let freq = frequencies(&filter.scope(&f.study, &f.sessions), Some("secteur")).unwrap();
    let b = freq.breakdown.as_ref().unwrap();
    let keys: Vec<&str> = b.groups.iter().map(|g| g.key.as_str()).collect();
    // Declared options, justice included although nobody is in it.
    assert_eq!(keys, ["sante", "social", "justice"]);
    assert_eq!(b.sizes, [1, 2, 0]);
    // lieux/hotel: R1 (sante) 1/1 = 100 %, R2 (social) 1/2 = 50 %, justice empty.
    let g: Vec<(usize, Option<f64>)> = freq.codes[4]
        .by_group
        .iter()
        .map(|c| (c.respondents, c.pct))
        .collect();
    assert_eq!(g, [(1, Some(100.0)), (1, Some(50.0)), (0, None)]);
    let err = frequencies(&filter.scope(&f.study, &f.sessions), Some("age")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no respondent attribute \"age\" (known: secteur)"
    );
}

#[test]
fn frequencies_sort_and_top_for_the_statistics_screen() {
    let f = fixture();
    let filter = Filter::default();
    let freq = frequencies(&filter.scope(&f.study, &f.sessions), None).unwrap();
    let by = |key, asc| -> Vec<&str> {
        freq.sorted(key, true, asc)
            .iter()
            .map(|r| r.path.as_str())
            .collect()
    };
    // Excerpts with descendants: proxenetisme 4, conjugal 2, lieux 2, hotel 2, hotelier 1;
    // ties keep codebook order.
    assert_eq!(
        by(SortKey::Excerpts, false),
        [
            "proxenetisme",
            "proxenetisme/conjugal",
            "lieux",
            "lieux/hotel",
            "proxenetisme/hotelier"
        ]
    );
    assert_eq!(by(SortKey::Path, true)[0], "lieux");
    // Top 2 by respondents (2, 2, then 1s), ties by excerpts: proxenetisme (4), then lieux (2).
    let top: Vec<&str> = freq.top(2).iter().map(|r| r.path.as_str()).collect();
    assert_eq!(top, ["proxenetisme", "lieux"]);
}

/// Rows of a tally as (key, role, n).
fn rows(t: &super::categories::Tally) -> Vec<(String, Role, usize)> {
    t.rows
        .iter()
        .map(|r| (r.category.key.clone(), r.category.role, r.n))
        .collect()
}

fn pct(t: &super::categories::Tally, key: &str, base: Base) -> Option<f64> {
    let row = t.rows.iter().find(|r| r.category.key == key)?;
    row.share(&t.bases, base)?.pct
}

#[test]
fn situations_count_persons_per_value_code_and_respondent_group() {
    let f = fixture();
    let filter = Filter::default();
    let s = situations(&filter.scope(&f.study, &f.sessions));
    assert_eq!(
        (s.persons, s.reports, s.reporting, s.respondents),
        (4, 4, 3, 3)
    );
    // genre: s1 s2 femme, s3 homme, s4 not given: bases all 4, given 3, known 3.
    let genre = &s.attributes[0].tally;
    assert_eq!(
        (genre.bases.all, genre.bases.given, genre.bases.known),
        (4, 3, 3)
    );
    assert_eq!(
        rows(genre),
        [
            ("femme".into(), Role::Value, 2),
            ("homme".into(), Role::Value, 1),
            ("".into(), Role::NotGiven, 1)
        ]
    );
    assert_eq!(pct(genre, "femme", Base::All), Some(50.0));
    assert!((pct(genre, "femme", Base::Known).unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(pct(genre, "", Base::All), Some(25.0));
    assert_eq!(pct(genre, "", Base::Given), None);
    // lieux (multi): hotel s1 s2, rue s1 s4, not given s3: 50 + 50 + 25 ≠ 100.
    assert!(s.attributes[1].multi && !s.attributes[0].multi);
    let lieux = &s.attributes[1].tally;
    assert_eq!(
        rows(lieux),
        [
            ("hotel".into(), Role::Value, 2),
            ("rue".into(), Role::Value, 2),
            ("".into(), Role::NotGiven, 1)
        ]
    );
    // Codes: s1's excerpt a1 [0,10) overlaps lieux/hotel [9,18) at char 9; s2's a2 [28,37)
    // overlaps Ana's conjugal [19,37); s3's b1 [0,5) overlaps proxenetisme [0,27); s4 none.
    let code = |p: &str| s.codes.iter().find(|c| c.path == p).unwrap();
    let c = code("proxenetisme");
    assert_eq!((c.own, c.with_descendants), (1, 2)); // s3; s2 and s3
    assert_eq!(c.with_descendants_share(s.persons).pct, Some(50.0));
    assert_eq!(
        (
            code("proxenetisme/conjugal").own,
            code("proxenetisme/hotelier").own
        ),
        (1, 0)
    );
    assert_eq!((code("lieux").own, code("lieux").with_descendants), (0, 1));
    // Per sector: sante (R1) reported s1 s2; social (R2, R3) s3 s4; justice nobody.
    let sectors: Vec<(usize, usize, usize)> = s.by_respondent[0]
        .values
        .iter()
        .map(|v| (v.respondents, v.persons, v.reports))
        .collect();
    assert_eq!(sectors, [(1, 2, 2), (2, 2, 2), (0, 0, 0)]);
}

#[test]
fn a_person_reported_twice_counts_once() {
    let mut f = fixture();
    // C's s4 is the same person as A's s1, and C says "homme" where A said "femme".
    let s1 = f.sessions[0].situations[0].id;
    let s4 = &mut f.sessions[2].situations[0];
    s4.same_person_as = Some(s1);
    s4.attributes
        .insert("genre".into(), crate::study::Value::Text("homme".into()));
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &f.sessions);
    let s = situations(&scope);
    // 4 reports, 3 persons: {s1, s4}, s2, s3, reported by all 3 respondents.
    assert_eq!((s.persons, s.reports, s.reporting), (3, 4, 3));
    // genre: the person {s1, s4} is "femme" (A's report is first by date): femme 2, homme 1;
    // the disagreement is counted.
    let genre = &s.attributes[0].tally;
    assert_eq!(
        rows(genre),
        [
            ("femme".into(), Role::Value, 2),
            ("homme".into(), Role::Value, 1)
        ]
    );
    assert_eq!(s.conflicts, 1);
    // lieux: the person's places are the union of both reports ([hotel, rue] and [rue]):
    // hotel 2 (the person, s2), rue 1, not given 1 (s3), of 3.
    assert_eq!(
        rows(&s.attributes[1].tally),
        [
            ("hotel".into(), Role::Value, 2),
            ("rue".into(), Role::Value, 1),
            ("".into(), Role::NotGiven, 1)
        ]
    );
    // Per sector: sante (R1) the person and s2; social (R2, R3) s3 and the person.
    let sectors: Vec<(usize, usize, usize)> = s.by_respondent[0]
        .values
        .iter()
        .map(|v| (v.respondents, v.persons, v.reports))
        .collect();
    assert_eq!(sectors, [(1, 2, 2), (2, 2, 2), (0, 0, 0)]);
    // Split by sector: the person reported by R1 (sante) and R3 (social) is in both columns.
    let by = situations_by(&scope, Some("secteur")).unwrap();
    let split = by.split.as_ref().unwrap();
    assert!(split.multi);
    let sizes: Vec<usize> = split.columns.iter().map(|c| c.members.len()).collect();
    assert_eq!(sizes, [2, 2, 0]);
    // genre among sante's persons: femme 2 of 2; among social's: femme 1, homme 1.
    assert_eq!(
        pct(&by.columns[0][0].tally, "femme", Base::All),
        Some(100.0)
    );
    assert_eq!(pct(&by.columns[1][0].tally, "femme", Base::All), Some(50.0));
    // A column with nobody has no percentage, on the same rows as the total.
    assert_eq!(by.columns[2][0].tally.rows.len(), genre.rows.len());
    assert_eq!(pct(&by.columns[2][0].tally, "femme", Base::All), None);
}

#[test]
fn answers_count_respondents_and_state_their_bases() {
    let f = fixture();
    let filter = Filter::default();
    let a = answers(&filter.scope(&f.study, &f.sessions));
    let keys: Vec<&str> = a.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys, ["deja", "nb", "lieux_q", "aisance"]); // the open question is left out
    let third = 100.0 / 3.0;
    // deja: yes A B, no C; 3 answered of 3.
    assert_eq!((a[0].answered(), a[0].not_answered()), (3, 0));
    assert_eq!(
        rows(&a[0].tally),
        [
            ("yes".into(), Role::Value, 2),
            ("no".into(), Role::Value, 1)
        ]
    );
    assert!((pct(&a[0].tally, "yes", Base::Given).unwrap() - 2.0 * third).abs() < 1e-9);
    // nb: 12 and 3, C did not answer: sum 15, min 3, median (3 + 12) / 2 = 7.5, max 12.
    assert_eq!((a[1].answered(), a[1].not_answered()), (2, 1));
    let n = a[1].summary.as_ref().unwrap();
    assert_eq!(
        (n.count, n.sum, n.min, n.median, n.max),
        (2, 15.0, 3.0, 7.5, 12.0)
    );
    assert!(!a[1].has_options());
    assert_eq!(a[1].unit.as_deref(), Some("personnes"));
    // lieux_q (multi): hotel A B, rue A, appartement nobody; C's empty list is "not given",
    // as an empty list is everywhere: given 2 of 3.
    assert!(a[2].multi);
    assert_eq!(
        rows(&a[2].tally),
        [
            ("hotel".into(), Role::Value, 2),
            ("rue".into(), Role::Value, 1),
            ("appartement".into(), Role::Value, 0),
            ("".into(), Role::NotGiven, 1)
        ]
    );
    assert_eq!(pct(&a[2].tally, "hotel", Base::Given), Some(100.0));
    assert!((pct(&a[2].tally, "hotel", Base::All).unwrap() - 2.0 * third).abs() < 1e-9);
    // aisance: 4 (A) and 2 (C), B silent: each point 1/2 = 50 % answered, 1/3 of all.
    assert_eq!((a[3].answered(), a[3].not_answered()), (2, 1));
    let points: Vec<(String, usize)> = a[3]
        .tally
        .rows
        .iter()
        .map(|r| (r.category.key.clone(), r.n))
        .collect();
    assert_eq!(
        points,
        [
            ("1".into(), 0),
            ("2".into(), 1),
            ("3".into(), 0),
            ("4".into(), 1),
            ("5".into(), 0),
            ("".into(), 1)
        ]
    );
    assert_eq!(pct(&a[3].tally, "2", Base::Given), Some(50.0));
    assert_eq!(a[3].summary.as_ref().unwrap().median, 3.0);
}

#[test]
fn a_respondent_with_two_sessions_answers_once() {
    let mut f = fixture();
    // A second session of R1 (later) says "no" where the first said "yes", and adds a place.
    let q = |key: &str| f.study.grid.question_by_key(key).unwrap().1.id;
    let (deja, lieux) = (q("deja"), q("lieux_q"));
    let mut d = f.sessions[0].clone();
    d.id = crate::study::SessionId::new();
    d.started = Some(crate::study::Time::parse_from_rfc3339("2021-09-01T10:00:00+02:00").unwrap());
    d.situations.clear();
    d.answers.clear();
    d.answers.insert(deja, crate::study::Value::Bool(false));
    d.answers
        .insert(lieux, crate::study::Value::List(vec!["appartement".into()]));
    f.sessions.push(d);
    let filter = Filter::default();
    let a = answers(&filter.scope(&f.study, &f.sessions));
    // Still 3 respondents: R1's first known answer (yes) counts: yes 2, no 1, one conflict.
    assert_eq!(a[0].tally.bases.all, 3);
    assert_eq!(rows(&a[0].tally)[0], ("yes".into(), Role::Value, 2));
    assert_eq!(a[0].conflicts, 1);
    // Places are gathered: R1 has hotel, rue and appartement.
    assert_eq!(rows(&a[2].tally)[2], ("appartement".into(), Role::Value, 1));
    // nb: R1's 12 counts once (the second session did not answer it): sum 15 as before.
    assert_eq!(a[1].summary.as_ref().unwrap().sum, 15.0);
}

#[test]
fn answers_cross_tabulated_by_sector_each_column_with_its_base() {
    let f = fixture();
    let filter = Filter::default();
    let a = answers_by(&filter.scope(&f.study, &f.sessions), Some("secteur")).unwrap();
    let split = a.split.as_ref().unwrap();
    let keys: Vec<&str> = split.columns.iter().map(|c| c.group.key.as_str()).collect();
    assert_eq!(keys, ["sante", "social", "justice"]);
    assert!(!split.multi);
    // deja: sante R1 yes (1 of 1, 100 %); social R2 yes, R3 no (1 of 2, 50 %, Wilson 95 %
    // by hand: centre (0.5 + 1.9208/2) / (1 + 3.8415/2) = 0.5, half = 1.96/2.9207 ×
    // √(0.125 + 0.2401) = 0.4056: [9.45 %; 90.55 %]); justice: nobody, no percentage.
    let deja = |c: usize| &a.columns[c][0].tally;
    assert_eq!(pct(deja(0), "yes", Base::Given), Some(100.0));
    assert_eq!(pct(deja(1), "yes", Base::Given), Some(50.0));
    let social = deja(1).rows[0].share(&deja(1).bases, Base::Given).unwrap();
    assert!((social.low.unwrap() - 9.453).abs() < 1e-2, "{social:?}");
    assert!((social.high.unwrap() - 90.547).abs() < 1e-2, "{social:?}");
    assert_eq!(deja(2).bases.all, 0);
    assert_eq!(pct(deja(2), "yes", Base::Given), None);
    // Numbers per column: nb in social is R2's 3 alone.
    assert_eq!(a.columns[1][1].summary.as_ref().unwrap().sum, 3.0);
    let err = answers_by(&filter.scope(&f.study, &f.sessions), Some("age")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no respondent attribute \"age\" (known: secteur)"
    );
}

#[test]
fn cooccurrence_by_segment_and_by_overlap() {
    let f = fixture();
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &f.sessions);
    // Codes used: proxenetisme, conjugal, hotelier, lieux/hotel (lieux itself never).
    // a1: conjugal [19,38) + hotel [9,18): same segment, no overlap.
    // a2: hotelier [0,18) + conjugal [19,37) [22,37): same segment, no overlap between codes.
    // b1: hotel [19,27) inside proxenetisme [0,27): same segment and overlapping.
    // Diagonal: segments per code: P 1 (b1), C 2 (a1 a2), H 1 (a2), LH 2 (a1 b1).
    let m = code_matrix(&scope, Unit::Segment);
    let paths: Vec<&str> = m.codes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "proxenetisme",
            "proxenetisme/conjugal",
            "proxenetisme/hotelier",
            "lieux/hotel"
        ]
    );
    assert_eq!(
        m.cells,
        [[1, 0, 0, 1], [0, 2, 1, 1], [0, 1, 1, 0], [1, 1, 0, 2]]
    );
    let m = code_matrix(&scope, Unit::Overlap);
    assert_eq!(
        m.cells,
        [[1, 0, 0, 1], [0, 2, 0, 0], [0, 0, 1, 0], [1, 0, 0, 2]]
    );
    // Code × session: excerpts per code in A, B, C.
    let s = session_matrix(&scope);
    assert_eq!(s.cells, [[0, 1, 0], [2, 0, 0], [1, 0, 0], [1, 1, 0]]);
    let who: Vec<&str> = s.sessions.iter().map(|s| s.pseudonym.as_str()).collect();
    assert_eq!(who, ["R1", "R2", "R3"]);
}

#[test]
fn agreement_between_ana_and_bob_by_segment_and_by_char() {
    let f = fixture();
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &f.sessions);
    // Only session A has codings by both. Codes either used there: conjugal, hotelier, hotel.
    // Segment unit, 2 segments:
    //   conjugal: a1 Ana only, a2 both → both 1, only Ana 1: 50 %; p_e = 1·½ + 0·½ = ½,
    //             κ = (½ − ½)/(1 − ½) = 0; α: o = [[2,1],[1,0]], 1 − 3·2/(2·3·1) = 0.
    //   hotelier: a2 Ana only, a1 neither: 50 %, κ = 0, α = 0 (same by symmetry).
    //   hotel: a1 Ana only, a2 neither: same.
    //   pooled: both 1, only Ana 3, neither 2 (6 decisions): p_o = 3/6; Ana yes 4/6, Bob 1/6;
    //   p_e = 4/6·1/6 + 2/6·5/6 = 14/36; κ = (18/36 − 14/36)/(22/36) = 4/22;
    //   α: o = [[2,3],[3,4]], n = 12, n_yes 5, n_no 7: 1 − 11·6/(2·5·7) = 1 − 66/70.
    let a = agreement(&scope, "Ana", "Bob", AgreementUnit::Segment).unwrap();
    assert_eq!(a.sessions, ["R1"]);
    assert_eq!(a.units, 2);
    let paths: Vec<&str> = a.codes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "proxenetisme/conjugal",
            "proxenetisme/hotelier",
            "lieux/hotel"
        ]
    );
    for c in &a.codes {
        assert_eq!((c.percent, c.kappa), (Some(50.0), Some(0.0)), "{}", c.path);
        assert!(c.alpha.unwrap().abs() < 1e-12);
    }
    assert!((a.overall.kappa.unwrap() - 4.0 / 22.0).abs() < 1e-12);
    assert!((a.overall.alpha.unwrap() - (1.0 - 66.0 / 70.0)).abs() < 1e-12);
    assert_eq!(a.mean_kappa, Some(0.0));

    // Char unit, 38 + 37 = 75 chars. conjugal: a1 Ana [19,38) = 19 chars alone, 19 neither;
    // a2 Ana [19,37) 18, Bob [22,37) 15 inside: both 15, Ana only 3, neither 19.
    // both 15, only Ana 22, only Bob 0, neither 38. p_o = 53/75; Ana yes 37/75, Bob 15/75;
    // p_e = (37·15 + 38·60)/75² = 2835/5625; κ = (3975 − 2835)/(5625 − 2835) = 1140/2790.
    let a = agreement(&scope, "Ana", "Bob", AgreementUnit::Char).unwrap();
    assert_eq!(a.units, 75);
    let c = &a.codes[0].counts;
    assert_eq!((c.both, c.only_a, c.only_b, c.neither), (15, 22, 0, 38));
    assert!((a.codes[0].kappa.unwrap() - 1140.0 / 2790.0).abs() < 1e-12);

    assert!(agreement(&scope, "Ana", "Ana", AgreementUnit::Segment).is_err());
    let err = agreement(&scope, "Ana", "Zoé", AgreementUnit::Segment).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no session was coded by both \"Ana\" and \"Zoé\""
    );
}

#[test]
fn excerpts_in_code_then_session_order_with_their_context() {
    let f = fixture();
    let filter = Filter::default();
    let rows = excerpts(&filter.scope(&f.study, &f.sessions));
    let short: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.code_path.as_str(), r.pseudonym.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        short,
        [
            ("proxenetisme", "R2", "Des annonces, puis l'hôtel."),
            ("proxenetisme/conjugal", "R1", "avec son compagnon."),
            ("proxenetisme/conjugal", "R1", "et prend l'argent."),
            ("proxenetisme/hotelier", "R1", "Il paie la chambre"),
            ("lieux/hotel", "R1", "à l'hôtel"),
            ("lieux/hotel", "R2", "l'hôtel."),
        ]
    );
    assert_eq!(rows[1].question_key.as_deref(), Some("recit"));
    assert_eq!(rows[1].coder, "Ana");
}
