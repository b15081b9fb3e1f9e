//! Replacing accepted proposals in sessions: the same pseudonym everywhere, codings and
//! excerpts on the same words, undo back to the very text.

use super::*;
use crate::study::document::Document;
use crate::study::{
    CodeId, Coding, CodingId, Excerpt, Respondent, Segment, SegmentId, Situation, SituationId,
    Speaker, Study,
};

fn study() -> Study {
    crate::analysis::fixture::fixture().study
}

fn at() -> Time {
    Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
}

fn session(pseudonym: &str, texts: &[&str]) -> Session {
    let mut s = Session::new(
        "Camille".into(),
        Respondent {
            pseudonym: pseudonym.into(),
            attributes: Default::default(),
        },
    );
    for text in texts {
        s.segments.push(Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: None,
            end: None,
            recording: None,
            text: (*text).into(),
        });
    }
    s
}

/// A coding of the first occurrence of `words` in the session's first segment.
fn code(s: &mut Session, code: CodeId, words: &str) -> CodingId {
    let text = &s.segments[0].text;
    let byte = text.find(words).unwrap();
    let start = text::char_len(&text[..byte]);
    let id = CodingId::new();
    s.codings.push(Coding {
        id,
        segment: s.segments[0].id,
        start,
        end: start + words.chars().count(),
        code,
        coder: "Léa".into(),
        at: at(),
        memo: None,
        quote: None,
    });
    id
}

fn coded(s: &Session, id: CodingId) -> &str {
    let c = s.coding(id).unwrap();
    let seg = s.segment(c.segment).unwrap();
    text::slice(&seg.text, c.start, c.end).unwrap()
}

/// Replaces what the table accepts, as `grille pseudonymize` does; returns what was done.
fn apply(s: &mut Session, study: &Study, table: &KeyTable) -> Vec<Done> {
    let mut all = Vec::new();
    for (field, spans, done) in replacements(s, table) {
        let change = fields::change(s, field, spans).unwrap();
        s.check(&change, study).unwrap();
        s.apply(&change);
        all.extend(done);
    }
    all
}

fn undo(s: &mut Session, study: &Study, done: &[Done]) {
    let all: Vec<(Field, String)> = fields(s)
        .into_iter()
        .map(|(f, text)| (f, text.to_owned()))
        .collect();
    for (field, text) in all {
        let mine: Vec<&Done> = done.iter().filter(|d| d.field == field).collect();
        if mine.is_empty() {
            continue;
        }
        let (spans, lost) = undo_spans(&text, &mine);
        assert!(lost.is_empty());
        let change = fields::change(s, field, spans).unwrap();
        s.check(&change, study).unwrap();
        s.apply(&change);
    }
}

#[test]
fn accepted_names_are_replaced_everywhere_the_same_and_codings_stay_on_their_words() {
    let study = study();
    let hotel = study.codebook.codes[0].id;
    let text_one = "Jean-Marie de la Tour l'hébergeait à l'hôtel, 06 12 34 56 78 pour le joindre. \
                    Jean-Marie de la Tour l'a dit.";
    let mut one = session("R01", &[text_one]);
    let around = code(
        &mut one,
        hotel,
        "Jean-Marie de la Tour l'hébergeait à l'hôtel",
    );
    let hotel_only = code(&mut one, hotel, "l'hôtel, 06 12 34 56 78 pour le joindre");
    let name_part = code(&mut one, hotel, "de la Tour l'hébergeait");
    let mut two = session(
        "R02",
        &["On m'a parlé de Jean-Marie de la Tour, il tient l'hôtel de la gare."],
    );
    let mut table = KeyTable::new(study.meta.id);
    let found = proposals(&[one.clone(), two.clone()], &table);
    let name = found
        .iter()
        .find(|p| p.text == "Jean-Marie de la Tour")
        .expect("the name with its particles");
    // The sentence start of R01 is a run of several capitalised words: proposed; with R02's
    // mid-sentence one, three occurrences in two sessions under one proposal.
    assert_eq!(name.occurrences.len(), 3);
    assert_eq!(name.kind, Kind::Person);
    let phone = found.iter().find(|p| p.kind == Kind::Phone).unwrap();
    assert_eq!(phone.text, "06 12 34 56 78");
    table.accept(Kind::Person, &name.text);
    table.accept(Kind::Phone, &phone.text);
    let before_one = one.clone();
    let done_one = apply(&mut one, &study, &table);
    let done_two = apply(&mut two, &study, &table);
    assert_eq!(
        one.segments[0].text,
        "[PERSONNE-1] l'hébergeait à l'hôtel, [TELEPHONE-1] pour le joindre. [PERSONNE-1] l'a dit."
    );
    assert_eq!(
        two.segments[0].text,
        "On m'a parlé de [PERSONNE-1], il tient l'hôtel de la gare."
    );
    assert_eq!(coded(&one, around), "[PERSONNE-1] l'hébergeait à l'hôtel");
    assert_eq!(
        coded(&one, hotel_only),
        "l'hôtel, [TELEPHONE-1] pour le joindre"
    );
    // A coding on part of the name covers the pseudonym whole.
    assert_eq!(coded(&one, name_part), "[PERSONNE-1] l'hébergeait");
    assert_eq!(done_one.len(), 3);
    assert_eq!(done_two.len(), 1);
    // Nothing left to propose for them, even in the text already replaced.
    let again = proposals(&[one.clone(), two.clone()], &table);
    assert!(
        again.iter().all(|p| p.review == Review::Unreviewed),
        "{again:?}"
    );
    assert!(!again.iter().any(|p| p.text.contains("PERSONNE")));
    // Undo: the very text, and codings on their words again.
    undo(&mut one, &study, &done_one);
    assert_eq!(one.segments[0].text, before_one.segments[0].text);
    assert_eq!(coded(&one, around), coded(&before_one, around));
    assert_eq!(coded(&one, hotel_only), coded(&before_one, hotel_only));
}

#[test]
fn situation_excerpts_follow_like_codings() {
    let study = study();
    let mut s = session("R03", &["Elle a 16 ans et vit chez Kowalski, rue Haute."]);
    let seg = s.segments[0].id;
    s.situations.push(Situation {
        id: SituationId::new(),
        label: "Mineure hébergée".into(),
        attributes: Default::default(),
        excerpts: vec![Excerpt {
            segment: seg,
            start: 26,
            end: 34,
        }],
        same_person_as: None,
    });
    let mut table = KeyTable::new(study.meta.id);
    table.names.push("Kowalski".into());
    table.accept(Kind::Person, "Kowalski");
    table.accept(Kind::Age, "16 ans");
    apply(&mut s, &study, &table);
    assert_eq!(
        s.segments[0].text,
        "Elle a [AGE-1] et vit chez [PERSONNE-1], rue Haute."
    );
    let e = &s.situations[0].excerpts[0];
    assert_eq!(
        text::slice(&s.segments[0].text, e.start, e.end),
        Some("[PERSONNE-1]")
    );
}

#[test]
fn rejected_proposals_are_not_proposed_again_and_numbers_are_never_reused() {
    let study = study();
    let s = session("R04", &["Elle voit Mme Ferrandi et Mme Lopez au Cecler."]);
    let mut table = KeyTable::new(study.meta.id);
    table.reject(Kind::Person, "Lopez");
    let found = proposals(std::slice::from_ref(&s), &table);
    let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Ferrandi"]);
    table.accept(Kind::Person, "Ferrandi");
    assert_eq!(table.pseudonym(Kind::Person, "FERRANDI"), "[PERSONNE-1]");
    assert_eq!(table.pseudonym(Kind::Person, "Autre"), "[PERSONNE-2]");
    assert_eq!(table.pseudonym(Kind::Place, "Thiers"), "[LIEU-1]");
    // Taken back: proposed again, undecided, the pseudonym kept for it.
    table.forget(Kind::Person, "lopez");
    table.forget(Kind::Person, "Ferrandi");
    let found = proposals(std::slice::from_ref(&s), &table);
    let state: Vec<(&str, Review, &str)> = found
        .iter()
        .map(|p| (p.text.as_str(), p.review, p.pseudonym.as_str()))
        .collect();
    assert_eq!(
        state,
        [
            ("Ferrandi", Review::Unreviewed, "[PERSONNE-1]"),
            ("Lopez", Review::Unreviewed, "[PERSONNE-2]")
        ]
    );
    // Ids are stable: the same for the same text in any case.
    assert_eq!(short_id(Kind::Person, "Ferrandi"), found[0].id);
    assert_eq!(short_id(Kind::Person, "ferrandi"), found[0].id);
}

#[test]
fn a_span_moves_grows_or_covers_the_pseudonym() {
    let spans = [Span {
        start: 10,
        end: 15,
        text: "[PERSONNE-12]".into(),
    }];
    assert_eq!(follow(&spans, 0, 5), (0, 5));
    assert_eq!(follow(&spans, 0, 10), (0, 10));
    assert_eq!(follow(&spans, 15, 20), (23, 28));
    assert_eq!(follow(&spans, 5, 20), (5, 28));
    assert_eq!(follow(&spans, 10, 15), (10, 23));
    assert_eq!(follow(&spans, 12, 13), (10, 23));
    assert_eq!(follow(&spans, 5, 12), (5, 23));
    assert_eq!(follow(&spans, 12, 20), (10, 28));
}

#[test]
fn memos_coding_memos_and_situation_labels_are_proposed_replaced_and_restored() {
    let study = study();
    let hotel = study.codebook.codes[0].id;
    let mut s = session("R05", &["Elle dort à l'hôtel depuis mars."]);
    let on_hotel = code(&mut s, hotel, "l'hôtel");
    s.codings[0].memo = Some("Le gérant, M. Kowalski, ferme les yeux.".into());
    let memo = crate::study::Memo {
        id: crate::study::MemoId::new(),
        author: "Léa".into(),
        at: at(),
        segment: None,
        text: "Revoir avec Mme Ferrandi, 06 12 34 56 78.".into(),
    };
    s.memos.push(memo.clone());
    s.situations.push(Situation {
        id: SituationId::new(),
        label: "La nièce de Mme Ferrandi".into(),
        attributes: Default::default(),
        excerpts: Vec::new(),
        same_person_as: None,
    });
    let before = s.clone();
    let mut table = KeyTable::new(study.meta.id);
    let found = proposals(std::slice::from_ref(&s), &table);
    let ferrandi = found.iter().find(|p| p.text == "Ferrandi").unwrap();
    // In the memo and in the label: one proposal, two places.
    let places: Vec<Field> = ferrandi.occurrences.iter().map(|o| o.field).collect();
    assert_eq!(
        places,
        [
            Field::Memo(memo.id),
            Field::SituationLabel(s.situations[0].id)
        ]
    );
    let kowalski = found.iter().find(|p| p.text == "Kowalski").unwrap();
    assert_eq!(kowalski.occurrences[0].field, Field::CodingMemo(on_hotel));
    let phone = found.iter().find(|p| p.kind == Kind::Phone).unwrap();
    table.accept(Kind::Person, "Ferrandi");
    table.accept(Kind::Person, "Kowalski");
    table.accept(phone.kind, &phone.text);
    let done = apply(&mut s, &study, &table);
    assert_eq!(
        s.memos[0].text,
        "Revoir avec Mme [PERSONNE-1], [TELEPHONE-1]."
    );
    assert_eq!(s.situations[0].label, "La nièce de Mme [PERSONNE-1]");
    assert_eq!(
        s.codings[0].memo.as_deref(),
        Some("Le gérant, M. [PERSONNE-2], ferme les yeux.")
    );
    // The rest of each is as it was: the memo's author and anchor, the coding's span.
    assert_eq!(s.memos[0].author, "Léa");
    assert_eq!(coded(&s, on_hotel), "l'hôtel");
    assert_eq!(s.segments, before.segments);
    assert_eq!(done.len(), 4);
    undo(&mut s, &study, &done);
    assert_eq!(s.memos, before.memos);
    assert_eq!(s.situations, before.situations);
    assert_eq!(s.codings, before.codings);
}

#[test]
fn a_replacement_recorded_in_a_segment_reads_as_before() {
    let session = SessionId::new();
    let segment = SegmentId::new();
    let json = format!(
        r#"{{"session":"{session}","segment":"{segment}","start":3,"original":"Lopez","pseudonym":"[PERSONNE-1]"}}"#
    );
    let done: Done = serde_json::from_str(&json).unwrap();
    assert_eq!(done.field, Field::Segment(segment));
    assert_eq!(serde_json::to_string(&done).unwrap(), json);
}
