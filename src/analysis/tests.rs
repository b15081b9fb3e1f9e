//! Every table on the hand-made study of [`super::fixture`]; each expected figure is worked out
//! by hand in the comments from the fixture's description.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use super::agreement::{AgreementUnit, agreement};
use super::answers::answers;
use super::cooccurrence::{Unit, code_matrix, session_matrix};
use super::excerpts::excerpts;
use super::filter::Filter;
use super::fixture::fixture;
use super::frequencies::{Counts, SortKey, frequencies};
use super::situations::situations;
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
    // With descendants: A has a1 [19,38) and a2 [0,18) [19,37) [22,37) = 4 spans, B has 1:
    // 5 excerpts, 2 sessions, R1 and R2. Words: a1 3 ("avec son compagnon."), a2 the union
    // [0,18)+[19,37) touches all 7 words, b1 4: 14.
    assert_eq!(row("proxenetisme").with_descendants, counts(5, 2, 2, 3, 14));
    // conjugal: 3 distinct spans; words a1 3 + a2 3 (Bob's [22,37) lies inside Ana's
    // [19,37): the union counts "et prend l'argent." once).
    assert_eq!(row("proxenetisme/conjugal").own, counts(3, 1, 1, 3, 6));
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
fn filters_narrow_codings_and_sessions_but_not_the_base_of_a_query() {
    let f = fixture();
    // Coder Ana: conjugal keeps her 2 spans (a1, a2), still 6 words; base stays 3 respondents.
    let ana = Filter {
        coders: Some(BTreeSet::from(["Ana".to_owned()])),
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

    // A query that matched a2 only: conjugal keeps a2's 2 spans (3 words), lieux/hotel none;
    // the base is still every respondent.
    let query = Filter {
        segments: Some(HashSet::from([f.segment("a2")])),
        ..Filter::default()
    };
    let freq = frequencies(&query.scope(&f.study, &f.sessions), None).unwrap();
    assert_eq!(freq.respondents, 3);
    assert_eq!(freq.codes[1].own, counts(2, 1, 1, 3, 3));
    assert_eq!(freq.codes[4].own.excerpts, 0);
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
    // Excerpts with descendants: proxenetisme 5, conjugal 3, lieux 2, hotel 2, hotelier 1;
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
    // Top 2 by respondents (2, 2, then 1s), ties by excerpts: proxenetisme (5), then lieux (2).
    let top: Vec<&str> = freq.top(2).iter().map(|r| r.path.as_str()).collect();
    assert_eq!(top, ["proxenetisme", "lieux"]);
}

#[test]
fn situations_per_attribute_value_code_and_respondent_group() {
    let f = fixture();
    let filter = Filter::default();
    let s = situations(&filter.scope(&f.study, &f.sessions));
    assert_eq!(s.total, 4);
    let values = |key: &str| -> Vec<(String, usize, Option<f64>)> {
        s.attributes
            .iter()
            .find(|a| a.key == key)
            .unwrap()
            .values
            .iter()
            .map(|v| (v.group.key.clone(), v.count, v.pct))
            .collect()
    };
    // genre: s1 s2 femme, s3 homme, s4 not given.
    assert_eq!(
        values("genre"),
        [
            ("femme".into(), 2, Some(50.0)),
            ("homme".into(), 1, Some(25.0)),
            ("".into(), 1, Some(25.0))
        ]
    );
    // lieux (multi): hotel s1 s2, rue s1 s4, not given s3: 50 + 50 + 25 ≠ 100.
    assert!(s.attributes[1].multi && !s.attributes[0].multi);
    assert_eq!(
        values("lieux"),
        [
            ("hotel".into(), 2, Some(50.0)),
            ("rue".into(), 2, Some(50.0)),
            ("".into(), 1, Some(25.0))
        ]
    );
    // Codes: s1's excerpt a1 [0,10) overlaps lieux/hotel [9,18) at char 9; s2's a2 [28,37)
    // overlaps conjugal [19,37); s3's b1 [0,5) overlaps proxenetisme [0,27); s4 none.
    let code = |p: &str| s.codes.iter().find(|c| c.path == p).unwrap();
    let c = code("proxenetisme");
    assert_eq!((c.own, c.with_descendants), (1, 2)); // s3; s2 and s3
    assert_eq!(c.with_descendants_pct, Some(50.0));
    assert_eq!(
        (
            code("proxenetisme/conjugal").own,
            code("proxenetisme/hotelier").own
        ),
        (1, 0)
    );
    assert_eq!((code("lieux").own, code("lieux").with_descendants), (0, 1));
    // Per sector: sante (R1) reported s1 s2; social (R2, R3) s3 s4; justice nobody.
    let sectors: Vec<(usize, usize, Option<f64>)> = s.by_respondent[0]
        .values
        .iter()
        .map(|v| (v.respondents, v.situations, v.pct))
        .collect();
    assert_eq!(
        sectors,
        [(1, 2, Some(50.0)), (2, 2, Some(50.0)), (0, 0, Some(0.0))]
    );
}

#[test]
fn answers_state_their_bases() {
    let f = fixture();
    let filter = Filter::default();
    let a = answers(&filter.scope(&f.study, &f.sessions));
    let keys: Vec<&str> = a.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys, ["deja", "nb", "lieux_q", "aisance"]); // the open question is left out
    let opts = |i: usize| -> Vec<(String, usize, Option<f64>, Option<f64>)> {
        a[i].options
            .iter()
            .map(|o| (o.group.key.clone(), o.count, o.pct_answered, o.pct_all))
            .collect()
    };
    let third = 100.0 / 3.0;
    // deja: yes A B, no C; 3 answered of 3.
    assert_eq!((a[0].answered, a[0].not_answered), (3, 0));
    assert_eq!(
        opts(0),
        [
            ("yes".into(), 2, Some(2.0 * third), Some(2.0 * third)),
            ("no".into(), 1, Some(third), Some(third))
        ]
    );
    // nb: 12 and 3, C did not answer: sum 15, min 3, median (3 + 12) / 2 = 7.5, max 12.
    assert_eq!((a[1].answered, a[1].not_answered), (2, 1));
    let n = a[1].summary.as_ref().unwrap();
    assert_eq!(
        (n.count, n.sum, n.min, n.median, n.max),
        (2, 15.0, 3.0, 7.5, 12.0)
    );
    assert!(a[1].options.is_empty());
    assert_eq!(a[1].unit.as_deref(), Some("personnes"));
    // lieux_q (multi): hotel A B, rue A, appartement nobody; C answered an empty list.
    assert!(a[2].multi);
    assert_eq!(
        opts(2),
        [
            ("hotel".into(), 2, Some(2.0 * third), Some(2.0 * third)),
            ("rue".into(), 1, Some(third), Some(third)),
            ("appartement".into(), 0, Some(0.0), Some(0.0))
        ]
    );
    // aisance: 4 (A) and 2 (C), B silent: each point 1/2 = 50 % answered, 1/3 of all.
    assert_eq!((a[3].answered, a[3].not_answered), (2, 1));
    let points: Vec<(String, usize)> = a[3]
        .options
        .iter()
        .map(|o| (o.group.key.clone(), o.count))
        .collect();
    assert_eq!(
        points,
        [
            ("1".into(), 0),
            ("2".into(), 1),
            ("3".into(), 0),
            ("4".into(), 1),
            ("5".into(), 0)
        ]
    );
    assert_eq!(a[3].options[1].pct_answered, Some(50.0));
    assert_eq!(a[3].summary.as_ref().unwrap().median, 3.0);
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
    assert_eq!(s.cells, [[0, 1, 0], [3, 0, 0], [1, 0, 0], [1, 1, 0]]);
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
            ("proxenetisme/conjugal", "R1", "prend l'argent."),
            ("proxenetisme/hotelier", "R1", "Il paie la chambre"),
            ("lieux/hotel", "R1", "à l'hôtel"),
            ("lieux/hotel", "R2", "l'hôtel."),
        ]
    );
    assert_eq!(rows[1].question_key.as_deref(), Some("recit"));
    assert_eq!(rows[3].coder, "Bob");
}
