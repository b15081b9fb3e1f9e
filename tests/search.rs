//! Search on the example study (six fictional sessions, R01–R06): each query form, with the
//! exact hits worked out by reading `sessions/*.json`.
//!
//! Hits are written `R02 segment cde0ac09` (respondent, kind, first 8 chars of the segment id)
//! and, for excerpts, `R02 excerpt cde0ac09 203-241` (the coding's span in chars).
//!
//! Where `hôtel` is said (word `hôtel`/`hôtels`, any case; `hôtelier`, `hôteliers` are other
//! words for the stemmer and are not hits):
//!   R01 segment 63090ce7 "…en appartement ou à l'hôtel… dans un hôtel près de la gare"
//!       excerpts 30-96 (lieux/internet, "…appartement ou à l'hôtel…"), 271-329 (lieux/hotel)
//!   R02 segment cde0ac09 (proxénétisme conjugal, "elle recevait les hommes dans un hôtel"),
//!       coded twice by two coders (Sami Benali, Léa Martin): excerpts 107-266
//!       (proxenetisme/conjugal) ×2 and 203-241 (lieux/hotel) ×2; segment e6bd8bdb
//!       ("c'est l'hôtel et l'appartement")
//!   R03 segment 6c59a1a3 ("l'hôtel et l'appartement… un gérant d'hôtel"), excerpts 110-285
//!       (proxenetisme/hotelier) and 110-127 (lieux/hotel); segment 27cb648e (réseau, "hôtel"
//!       and "appartement")
//!   R04 segment 4dc5a237 ("dans un appartement ou un hôtel"), excerpt 103-134 (lieux/hotel)
//!   R05 segment 48635bb8 (the interviewer: "Et l'hôtel dont vous m'avez parlé… ?"),
//!       segment e3f3c835 ("un petit hôtel, vers la gare"), excerpt 5-33 (lieux/hotel)
//! That is 8 segments and 10 excerpts.

mod common;

use grille::index::query::QueryErrorKind;
use grille::index::{HitKind, Index, SearchError, Silent};

fn index() -> (tempfile::TempDir, Index) {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = common::study_in(&tmp.path().join("etude"), true);
    let index = Index::open(&dir, &study, &mut Silent).unwrap();
    (tmp, index)
}

fn hits(index: &Index, query: &str) -> Vec<String> {
    let r = index
        .search(query, 1000)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    assert_eq!(r.total, r.hits.len(), "{query}: every hit returned");
    let mut out: Vec<String> = r
        .hits
        .iter()
        .map(|h| {
            let seg = &h.segment.to_string()[..8];
            match h.kind {
                HitKind::Segment => format!("{} segment {seg}", h.respondent),
                HitKind::Excerpt => format!(
                    "{} excerpt {seg} {}-{}",
                    h.respondent,
                    h.start.unwrap(),
                    h.end.unwrap()
                ),
            }
        })
        .collect();
    out.sort();
    out
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

const HOTEL: &[&str] = &[
    "R01 segment 63090ce7",
    "R01 excerpt 63090ce7 30-96",
    "R01 excerpt 63090ce7 271-329",
    "R02 segment cde0ac09",
    "R02 excerpt cde0ac09 107-266",
    "R02 excerpt cde0ac09 107-266",
    "R02 excerpt cde0ac09 203-241",
    "R02 excerpt cde0ac09 203-241",
    "R02 segment e6bd8bdb",
    "R03 segment 6c59a1a3",
    "R03 excerpt 6c59a1a3 110-285",
    "R03 excerpt 6c59a1a3 110-127",
    "R03 segment 27cb648e",
    "R04 segment 4dc5a237",
    "R04 excerpt 4dc5a237 103-134",
    "R05 segment 48635bb8",
    "R05 segment e3f3c835",
    "R05 excerpt e3f3c835 5-33",
];

/// The `hôtel` hits that pass `keep`.
fn hotel_where(keep: impl Fn(&str) -> bool) -> Vec<String> {
    sorted(
        &HOTEL
            .iter()
            .copied()
            .filter(|h| keep(h))
            .collect::<Vec<_>>(),
    )
}

#[test]
fn free_words_ignore_accents_case_and_plural() {
    let (_t, index) = index();
    assert_eq!(hits(&index, "hôtel"), sorted(HOTEL));
    assert_eq!(hits(&index, "hotel"), sorted(HOTEL));
    assert_eq!(hits(&index, "HÔTELS"), sorted(HOTEL));
}

#[test]
fn phrases() {
    let (_t, index) = index();
    // Only R05 says "petit hôtel" (its segment and the excerpt on those words).
    assert_eq!(
        hits(&index, "\"petit hôtel\""),
        sorted(&["R05 segment e3f3c835", "R05 excerpt e3f3c835 5-33"])
    );
    // The words in another order are not the phrase.
    assert!(hits(&index, "\"hôtel petit\"").is_empty());
}

/// Found by the `query_words` fuzz target: a phrase excluded made tantivy's phrase scorer panic
/// (a debug assertion), and `grille search 'hotel -"la gare"'` exited 101.
#[test]
fn a_phrase_can_be_excluded() {
    let (_t, index) = index();
    // "la gare" is said in R01 63090ce7 (and its excerpt 271-329, "…dans un hôtel près de la
    // gare") and R05 e3f3c835 (and its excerpt 5-33, "un petit hôtel, vers la gare").
    let near_the_station = [
        "R01 segment 63090ce7",
        "R01 excerpt 63090ce7 271-329",
        "R05 segment e3f3c835",
        "R05 excerpt e3f3c835 5-33",
    ];
    let expected = hotel_where(|h| !near_the_station.contains(&h));
    assert_eq!(expected.len(), 14);
    assert_eq!(hits(&index, "hotel -\"la gare\""), expected);
    assert_eq!(hits(&index, "hotel SAUF \"la gare\""), expected);
    assert_eq!(hits(&index, "hotel NOT (\"la gare\" OR gare)"), expected);
    let all = index
        .search("kind:segment OR kind:excerpt", 1)
        .unwrap()
        .total;
    let phrase = hits(&index, "\"petit hôtel\"");
    assert_eq!(
        phrase,
        sorted(&["R05 segment e3f3c835", "R05 excerpt e3f3c835 5-33"])
    );
    assert_eq!(
        index.search("NOT \"petit hôtel\"", 1).unwrap().total,
        all - 2
    );
}

#[test]
fn and_or_not_and_parentheses() {
    let (_t, index) = index();
    // hôtel and gare together: R05's "petit hôtel, vers la gare" and R01's "hôtel près de la
    // gare" (segment and excerpt each).
    let both = sorted(&[
        "R01 segment 63090ce7",
        "R01 excerpt 63090ce7 271-329",
        "R05 segment e3f3c835",
        "R05 excerpt e3f3c835 5-33",
    ]);
    assert_eq!(hits(&index, "hotel gare"), both);
    assert_eq!(hits(&index, "hotel AND gare"), both);
    assert_eq!(hits(&index, "hotel ET gare"), both);
    // Airbnb is said once, by R03, in a segment coded whole as pistes/lutte-proxenetisme
    // (0-68): 18 + 2 hits.
    let mut either = sorted(HOTEL);
    either.extend([
        "R03 segment a69752fb".into(),
        "R03 excerpt a69752fb 0-68".into(),
    ]);
    either.sort();
    assert_eq!(hits(&index, "hotel OR airbnb"), either);
    assert_eq!(hits(&index, "hotel OU airbnb"), either);
    // Without `appartement`: drops R01's segment and its 30-96 excerpt, R02 e6bd8bdb, R03's
    // two segments, R04's segment and excerpt ("dans un appartement ou un hôtel").
    let without = sorted(&[
        "R01 excerpt 63090ce7 271-329",
        "R02 segment cde0ac09",
        "R02 excerpt cde0ac09 107-266",
        "R02 excerpt cde0ac09 107-266",
        "R02 excerpt cde0ac09 203-241",
        "R02 excerpt cde0ac09 203-241",
        "R03 excerpt 6c59a1a3 110-285",
        "R03 excerpt 6c59a1a3 110-127",
        "R05 segment 48635bb8",
        "R05 segment e3f3c835",
        "R05 excerpt e3f3c835 5-33",
    ]);
    assert_eq!(hits(&index, "hotel NOT appartement"), without);
    assert_eq!(hits(&index, "hotel -appartement"), without);
    // Parentheses: excerpts saying gare (R05 5-33, R01 271-329) or Airbnb (R03 0-68).
    assert_eq!(
        hits(&index, "(gare OR airbnb) kind:excerpt"),
        sorted(&[
            "R01 excerpt 63090ce7 271-329",
            "R03 excerpt a69752fb 0-68",
            "R05 excerpt e3f3c835 5-33",
        ])
    );
    // NOT alone: everything but the hôtel hits.
    let all = index
        .search("kind:segment OR kind:excerpt", 1)
        .unwrap()
        .total;
    assert_eq!(
        index.search("NOT hotel", 1).unwrap().total,
        all - HOTEL.len()
    );
}

#[test]
fn fuzzy_words() {
    let (_t, index) = index();
    // `hotl` is no word; one edit away is `hotel` (the stem of hôtel, hôtels). No other
    // indexed word is within one edit of it (no `hôte` in the examples).
    assert_eq!(hits(&index, "hotl~"), sorted(HOTEL));
    assert_eq!(hits(&index, "hotl~1"), sorted(HOTEL));
    assert!(hits(&index, "hotl").is_empty());
    // Two edits from `hottl` reach `hotel`, but also `hont` (honte: R05 d47d1ed4, R06
    // 82fbd63c) and `hoteli` (hôteliers: R03 a69752fb, segment and its 0-68 excerpt).
    let mut two = sorted(HOTEL);
    two.extend(
        [
            "R03 segment a69752fb",
            "R03 excerpt a69752fb 0-68",
            "R05 segment d47d1ed4",
            "R06 segment 82fbd63c",
        ]
        .map(String::from),
    );
    two.sort();
    assert_eq!(hits(&index, "hottl~2"), two);
}

#[test]
fn inclusive_writing_found_from_plain_words() {
    let (_t, index) = index();
    // R05: "Entre élu.es, on en parle" (segment 68572b64, excerpt 131-171 coded besoins);
    // R06's interviewer: "personnes interrogé·es : des professionnel·les, des élu.es".
    let elus = sorted(&[
        "R05 segment 68572b64",
        "R05 excerpt 68572b64 131-171",
        "R06 segment d00867f6",
    ]);
    assert_eq!(hits(&index, "élus"), elus);
    assert_eq!(hits(&index, "élue"), elus);
    assert_eq!(hits(&index, "elu.es"), elus);
    assert_eq!(
        hits(&index, "interrogée"),
        sorted(&["R06 segment d00867f6"])
    );
    // professionnelle(s): R04's "tous les professionnel·les des établissements" (segment
    // 4d6a73a2 and excerpt 0-64), R04's "lycée professionnel" (ec643b20), R06 d00867f6, and
    // R01's "se connaître entre professionnel.les" (52631907).
    let pro = sorted(&[
        "R01 segment 52631907",
        "R04 segment 4d6a73a2",
        "R04 excerpt 4d6a73a2 0-64",
        "R04 segment ec643b20",
        "R06 segment d00867f6",
    ]);
    assert_eq!(hits(&index, "professionnelles"), pro);
    assert_eq!(hits(&index, "professionnelle"), pro);
    // `les` is not found in professionnel·les: the query `les professionnelles` as a phrase
    // needs `les` right before, as in R04 and R06, not inside the word.
    assert_eq!(
        hits(&index, "\"les professionnelles\""),
        sorted(&["R04 segment 4d6a73a2", "R04 excerpt 4d6a73a2 0-64"])
    );
}

#[test]
fn codes_with_their_descendants() {
    let (_t, index) = index();
    // proxenetisme/conjugal: R02 cde0ac09 (coded twice, 107-266) and 31f02fec (0-43), R03
    // 2552a9b6 (0-341): three segments, four excerpts.
    let conjugal = sorted(&[
        "R02 segment cde0ac09",
        "R02 excerpt cde0ac09 107-266",
        "R02 excerpt cde0ac09 107-266",
        "R02 segment 31f02fec",
        "R02 excerpt 31f02fec 0-43",
        "R03 segment 2552a9b6",
        "R03 excerpt 2552a9b6 0-341",
    ]);
    assert_eq!(hits(&index, "code:proxenetisme/conjugal"), conjugal);
    assert_eq!(hits(&index, "code:/Proxenetisme/Conjugal/"), conjugal);
    // The parent code finds its children's excerpts: proxenetisme/* coded 18 times over
    // segments and excerpts, a superset of conjugal.
    let parent = hits(&index, "code:proxenetisme");
    assert_eq!(parent.len(), 18);
    assert!(conjugal.iter().all(|h| parent.contains(h)));
    // Code and words: the hôtel hits coded lieux (or in a segment with a lieux code).
    assert_eq!(
        hits(&index, "code:lieux/hotel kind:excerpt hotel"),
        hotel_where(|h| h.contains("excerpt")
            && ["203-241", "110-127", "103-134", "5-33", "271-329"]
                .iter()
                .any(|s| h.ends_with(s)))
    );
}

#[test]
fn grid_speaker_and_respondent_fields() {
    let (_t, index) = index();
    // Theme lieux: all hôtel hits but R02 cde0ac09 (a proxenetisme question) and R03 27cb648e
    // (reseaux).
    assert_eq!(
        hits(&index, "theme:lieux hotel"),
        hotel_where(|h| !h.contains("cde0ac09") && !h.contains("27cb648e"))
    );
    // The one respondent segment answering `structure` that the examples hold.
    assert_eq!(
        hits(&index, "question:structure speaker:respondent kind:segment"),
        sorted(&["R02 segment 1fd6bdf0"])
    );
    // The interviewer says hôtel once (R05); in French as well.
    let asked = sorted(&["R05 segment 48635bb8"]);
    assert_eq!(hits(&index, "speaker:interviewer hotel"), asked);
    assert_eq!(hits(&index, "speaker:enqueteur hotel"), asked);
    assert_eq!(
        hits(&index, "speaker:repondant hotel"),
        hotel_where(|h| !h.contains("48635bb8"))
    );
    assert_eq!(
        hits(&index, "respondent:r05 hotel"),
        hotel_where(|h| h.starts_with("R05"))
    );
}

#[test]
fn respondent_attributes() {
    let (_t, index) = index();
    // R01 is the one respondent of the health sector; by key or by label.
    let r01 = hotel_where(|h| h.starts_with("R01"));
    assert_eq!(hits(&index, "secteur:sante hotel"), r01);
    assert_eq!(hits(&index, "secteur:Santé hotel"), r01);
    // An open attribute, by word: R03 is the gendarme; 20 segments and 15 codings.
    let gendarme = hits(&index, "fonction:gendarme");
    assert_eq!(gendarme.len(), 35);
    assert!(gendarme.iter().all(|h| h.starts_with("R03")));
    assert_eq!(
        hits(&index, "territoire:issoire NOT secteur:social").len(),
        0
    );
}

#[test]
fn coders() {
    let (_t, index) = index();
    // Léa Martin coded R02 only; of R02's hôtel hits, the segment cde0ac09 (she coded in it)
    // and her own two excerpts there, not Sami Benali's copies of them.
    let lea = sorted(&[
        "R02 segment cde0ac09",
        "R02 excerpt cde0ac09 107-266",
        "R02 excerpt cde0ac09 203-241",
    ]);
    assert_eq!(hits(&index, "coder:\"Léa Martin\" hotel"), lea);
    assert_eq!(hits(&index, "coder:lea hotel"), lea);
}

#[test]
fn dates_and_ranges() {
    let (_t, index) = index();
    // R01 2021-04-12, R02 2021-05-06, R03 2021-05-27, R04 2021-06-15, R05 2021-07-06.
    let from = |list: &[&str]| hotel_where(|h| list.iter().any(|r| h.starts_with(r)));
    assert_eq!(hits(&index, "date:2021-05 hotel"), from(&["R02", "R03"]));
    assert_eq!(hits(&index, "date:2021-05-06 hotel"), from(&["R02"]));
    assert_eq!(
        hits(&index, "date:2021-04..2021-05 hotel"),
        from(&["R01", "R02", "R03"])
    );
    assert_eq!(hits(&index, "date:..2021-04-30 hotel"), from(&["R01"]));
    assert_eq!(hits(&index, "date:2021-07.. hotel"), from(&["R05"]));
    assert_eq!(hits(&index, "date:2021 hotel"), sorted(HOTEL));
    assert!(hits(&index, "date:2022 hotel").is_empty());
}

#[test]
fn kinds() {
    let (_t, index) = index();
    assert_eq!(
        hits(&index, "kind:excerpt hotel"),
        hotel_where(|h| h.contains("excerpt"))
    );
    assert_eq!(hits(&index, "kind:extrait hotel").len(), 10);
    assert_eq!(
        hits(&index, "kind:segment hotel"),
        hotel_where(|h| h.contains("segment"))
    );
}

#[test]
fn results_carry_snippets_places_and_facets_over_the_whole_set() {
    let (_t, index) = index();
    let r = index.search("\"petit hôtel\" kind:excerpt", 10).unwrap();
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.respondent, "R05");
    assert_eq!(hit.date.as_deref(), Some("2021-07-06"));
    assert_eq!(hit.theme.as_deref(), Some("lieux"));
    assert_eq!(hit.question.as_deref(), Some("formes"));
    assert!(
        hit.question_text
            .as_deref()
            .unwrap()
            .starts_with("Comment cela se passe")
    );
    assert_eq!((hit.start, hit.end), (Some(5), Some(33)));
    assert_eq!(hit.codes, ["lieux/hotel"]);
    assert_eq!(hit.coders, ["Camille Roux"]);
    let marked: Vec<(&str, bool)> = hit
        .snippet
        .iter()
        .map(|f| (f.text.as_str(), f.highlighted))
        .collect();
    assert_eq!(
        marked,
        [
            ("un ", false),
            ("petit", true),
            (" ", false),
            ("hôtel", true),
            (", vers la gare", false)
        ]
    );

    // Facets count the whole result set even when one hit is shown: compare with counts made
    // from all the hits.
    let one = index.search("hotel", 1).unwrap();
    let all = index.search("hotel", 1000).unwrap();
    assert_eq!((one.hits.len(), one.total), (1, 18));
    for (code, n) in &one.codes {
        let by_hand = all
            .hits
            .iter()
            .filter(|h| {
                h.codes
                    .iter()
                    .any(|c| c == code || c.starts_with(&format!("{code}/")))
            })
            .count() as u64;
        assert_eq!(*n, by_hand, "{code}");
    }
    // lieux/hotel: R01 271-329, R02 203-241 ×2, R03 110-127, R04 103-134, R05 5-33 as
    // excerpts, and the five segments holding those codings.
    assert!(one.codes.contains(&("lieux/hotel".into(), 11)));
    // By sector: R02 (social) 6 hits, R03 (police-gendarmerie) 4, R05 (elu) 3, R01 (sante) 3,
    // R04 (education) 2.
    let sectors: Vec<(&str, u64)> = one
        .attributes
        .iter()
        .filter(|(k, _, _)| k == "secteur")
        .map(|(_, v, n)| (v.as_str(), *n))
        .collect();
    assert_eq!(
        sectors,
        [
            ("social", 6),
            ("police-gendarmerie", 4),
            ("elu", 3),
            ("sante", 3),
            ("education", 2)
        ]
    );
}

fn error(index: &Index, query: &str) -> (QueryErrorKind, usize) {
    match index.search(query, 10) {
        Err(SearchError::Query(e)) => (e.kind, e.column),
        other => panic!("{query}: expected a query error, got {other:?}"),
    }
}

#[test]
fn malformed_queries_say_where_and_what() {
    let (_t, index) = index();
    let (kind, col) = error(&index, "hotel secteurr:sante");
    assert_eq!(col, 7);
    assert!(
        matches!(kind, QueryErrorKind::UnknownField { ref field, ref known }
        if field == "secteurr" && known.contains(&"secteur".to_string()))
    );
    let (kind, col) = error(&index, "code:proxenetisme/conjugale");
    assert_eq!(col, 6);
    assert!(matches!(kind, QueryErrorKind::UnknownCode { ref close, .. }
        if close == &["proxenetisme/conjugal".to_string()]));
    let (kind, col) = error(&index, "hôtel date:2021-13");
    assert_eq!(col, 12, "columns count chars, not bytes");
    assert!(matches!(kind, QueryErrorKind::BadDate { .. }));
    let (kind, _) = error(&index, "theme:hotel");
    assert!(
        matches!(kind, QueryErrorKind::UnknownValue { ref known, .. } if known.contains(&"lieux".to_string()))
    );
    let (kind, _) = error(&index, "secteur:hopital");
    assert!(
        matches!(kind, QueryErrorKind::UnknownValue { ref known, .. } if known.contains(&"sante".to_string()))
    );
    // A role mistyped is refused; any other word is a speaker's name (none here is "client").
    let (kind, _) = error(&index, "speaker:enqueter");
    assert!(matches!(kind, QueryErrorKind::UnknownValue { .. }));
    assert_eq!(index.search("speaker:client", 10).unwrap().total, 0);
    let (kind, col) = error(&index, "(hotel OR gare");
    assert_eq!(col, 15);
    assert!(matches!(kind, QueryErrorKind::Syntax { ref expected } if expected == "close_paren"));
    let (kind, _) = error(&index, "hotel~3");
    assert!(matches!(kind, QueryErrorKind::BadFuzzy { distance: 3 }));
    assert!(matches!(error(&index, "   ").0, QueryErrorKind::Empty));
    assert!(matches!(
        error(&index, "«»").0,
        QueryErrorKind::NothingToSearch { .. }
    ));
}
