//! Unit tests of the session's changes: each checked before it is applied, as the journal does.

use super::*;
use crate::study::ids::{CodeId, SegmentId};
use crate::study::{Respondent, Retired, Value};

fn study() -> Study {
    crate::analysis::fixture::fixture().study
}

fn at() -> Time {
    Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
}

fn session() -> Session {
    Session::new(
        "Camille".into(),
        Respondent {
            pseudonym: "R1".into(),
            attributes: Default::default(),
        },
    )
}

fn segment(text: &str) -> Segment {
    Segment {
        id: SegmentId::new(),
        question: None,
        speaker: Speaker::Respondent,
        speaker_label: None,
        start: None,
        end: None,
        recording: None,
        text: text.into(),
    }
}

fn coding(segment: SegmentId, code: CodeId, start: usize, end: usize) -> Coding {
    Coding {
        id: CodingId::new(),
        segment,
        start,
        end,
        code,
        coder: "Léa".into(),
        at: at(),
        memo: None,
        quote: None,
    }
}

/// Checks then applies, as the journal does.
fn apply(s: &mut Session, study: &Study, change: SessionChange) -> Outcome {
    s.check(&change, study).unwrap();
    s.apply(&change)
}

fn refused(s: &Session, study: &Study, change: SessionChange) -> String {
    s.check(&change, study).unwrap_err().to_string()
}

#[test]
fn segments_go_after_the_one_named_and_are_checked_first() {
    let study = study();
    let mut s = session();
    let (a, b, c) = (segment("un"), segment("deux"), segment("trois"));
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: a.clone(),
            after: None,
            before: None,
        },
    );
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: c.clone(),
            after: None,
            before: None,
        },
    );
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: b.clone(),
            after: Some(a.id),
            before: None,
        },
    );
    let texts: Vec<&str> = s.segments.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["un", "deux", "trois"]);
    let again = SessionChange::AddSegment {
        segment: a.clone(),
        after: None,
        before: None,
    };
    assert!(refused(&s, &study, again).contains("already exists"));
    let decomposed = segment("e\u{301}te\u{301}"); // not NFC
    let err = refused(
        &s,
        &study,
        SessionChange::AddSegment {
            segment: decomposed,
            after: None,
            before: None,
        },
    );
    assert!(err.contains("not normalised"), "{err}");
    let mut lost = segment("x");
    lost.question = Some(crate::study::QuestionId::new());
    assert!(
        refused(
            &s,
            &study,
            SessionChange::AddSegment {
                segment: lost,
                after: None,
                before: None,
            }
        )
        .contains("unknown question")
    );
}

#[test]
fn a_corrected_text_takes_its_codings_along_and_drops_those_whose_words_went() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = session();
    let seg = segment("Elle vivait à l'hôtel zzz");
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: seg.clone(),
            after: None,
            before: None,
        },
    );
    let on_hotel = coding(seg.id, hotel, 14, 21); // "l'hôtel"
    let on_lui = coding(seg.id, hotel, 22, 25); // "zzz"
    for c in [&on_hotel, &on_lui] {
        apply(
            &mut s,
            &study,
            SessionChange::AddCoding { coding: c.clone() },
        );
    }
    let outcome = apply(
        &mut s,
        &study,
        SessionChange::EditText {
            segment: seg.id,
            text: "Depuis mars, elle vivait à l'hôtel".into(),
        },
    );
    assert_eq!(outcome.notices, [Notice::CodingsRemoved(1)]);
    let kept = s.coding(on_hotel.id).unwrap();
    let text: String = s.segments[0]
        .text
        .chars()
        .skip(kept.start)
        .take(kept.end - kept.start)
        .collect();
    assert_eq!(text, "l'hôtel");
    assert!(s.coding(on_lui.id).is_none());
}

#[test]
fn removing_a_segment_takes_its_codings_and_excerpts_and_keeps_memos_loose() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = session();
    let seg = segment("Au foyer.");
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: seg.clone(),
            after: None,
            before: None,
        },
    );
    apply(
        &mut s,
        &study,
        SessionChange::AddCoding {
            coding: coding(seg.id, hotel, 3, 8),
        },
    );
    let memo = Memo {
        id: crate::study::MemoId::new(),
        author: "Léa".into(),
        at: at(),
        segment: Some(seg.id),
        text: "à revoir".into(),
    };
    apply(
        &mut s,
        &study,
        SessionChange::AddMemo { memo: memo.clone() },
    );
    let situation = Situation {
        id: SituationId::new(),
        label: "Une femme".into(),
        attributes: Default::default(),
        excerpts: vec![Excerpt {
            segment: seg.id,
            start: 0,
            end: 2,
        }],
        same_person_as: None,
    };
    apply(&mut s, &study, SessionChange::PutSituation { situation });
    apply(
        &mut s,
        &study,
        SessionChange::RemoveSegment { segment: seg.id },
    );
    assert!(s.segments.is_empty() && s.codings.is_empty());
    assert!(
        s.situations[0].excerpts.is_empty(),
        "the situation stays, without the excerpt"
    );
    assert_eq!(s.memos[0].segment, None, "the memo stays, detached");
}

#[test]
fn answers_are_checked_against_their_question() {
    let study = study();
    let (_, deja) = study.grid.question_by_key("deja").unwrap();
    let (_, nb) = study.grid.question_by_key("nb").unwrap();
    let mut s = session();
    let wrong = SessionChange::SetAnswer {
        question: deja.id,
        value: Some(Value::Number(3.0)),
    };
    assert!(refused(&s, &study, wrong).contains("answer to \"deja\""));
    let negative = SessionChange::SetAnswer {
        question: nb.id,
        value: Some(Value::Number(-1.0)),
    };
    assert!(s.check(&negative, &study).is_err(), "below its minimum");
    apply(
        &mut s,
        &study,
        SessionChange::SetAnswer {
            question: nb.id,
            value: Some(Value::Number(12.0)),
        },
    );
    assert_eq!(s.answers.get(&nb.id), Some(&Value::Number(12.0)));
    apply(
        &mut s,
        &study,
        SessionChange::SetAnswer {
            question: nb.id,
            value: None,
        },
    );
    assert!(s.answers.is_empty());
}

#[test]
fn codings_need_a_known_code_and_a_span_on_whole_characters() {
    let mut study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = session();
    let seg = segment("Un café 👩‍👧 ici");
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: seg.clone(),
            after: None,
            before: None,
        },
    );
    let unknown = coding(seg.id, CodeId::new(), 0, 2);
    assert!(
        refused(&s, &study, SessionChange::AddCoding { coding: unknown }).contains("unknown code")
    );
    // Inside the family emoji (one user-perceived character made of several).
    let split = coding(seg.id, hotel, 0, 9);
    assert!(
        refused(&s, &study, SessionChange::AddCoding { coding: split })
            .contains("splits a character")
    );
    let beyond = coding(seg.id, hotel, 0, 99);
    assert!(
        refused(&s, &study, SessionChange::AddCoding { coding: beyond }).contains("out of range")
    );
    // A code merged since is still known: a journal written before the merge replays.
    let conjugal = study
        .codebook
        .by_path("proxenetisme/conjugal")
        .unwrap()
        .clone();
    study.codebook.codes.retain(|c| c.id != conjugal.id);
    study.codebook.retired.push(Retired {
        path: "proxenetisme/conjugal".into(),
        code: conjugal.clone(),
        after: None,
        into: Some(hotel),
        at: at(),
        by: "Sami".into(),
    });
    let old = coding(seg.id, conjugal.id, 0, 2);
    apply(
        &mut s,
        &study,
        SessionChange::AddCoding {
            coding: old.clone(),
        },
    );
    let twice = SessionChange::AddCoding {
        coding: old.clone(),
    };
    assert!(refused(&s, &study, twice).contains("already exists"));
    // Recoded, then removed; a coding that is not there is refused by name.
    apply(
        &mut s,
        &study,
        SessionChange::Recode {
            codings: vec![old.id],
            to: hotel,
        },
    );
    assert_eq!(s.coding(old.id).unwrap().code, hotel);
    let missing = CodingId::new();
    assert!(
        refused(
            &s,
            &study,
            SessionChange::Recode {
                codings: vec![missing],
                to: hotel
            }
        )
        .contains(&missing.to_string())
    );
    apply(
        &mut s,
        &study,
        SessionChange::SetCodingMemo {
            coding: old.id,
            memo: Some("voir".into()),
        },
    );
    apply(
        &mut s,
        &study,
        SessionChange::SetCodingSpan {
            coding: old.id,
            start: 3,
            end: 7,
        },
    );
    assert_eq!(
        (
            s.coding(old.id).unwrap().start,
            s.coding(old.id).unwrap().end
        ),
        (3, 7)
    );
    apply(
        &mut s,
        &study,
        SessionChange::RemoveCoding { coding: old.id },
    );
    assert!(s.codings.is_empty());
}

#[test]
fn situations_are_replaced_by_id_and_link_each_excerpt_once() {
    let study = study();
    let mut s = session();
    let seg = segment("Une jeune femme à l'hôtel.");
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: seg.clone(),
            after: None,
            before: None,
        },
    );
    let mut situation = Situation {
        id: SituationId::new(),
        label: "Jeune femme".into(),
        attributes: Default::default(),
        excerpts: Vec::new(),
        same_person_as: None,
    };
    situation
        .attributes
        .insert("genre".into(), Value::Text("femme".into()));
    apply(
        &mut s,
        &study,
        SessionChange::PutSituation {
            situation: situation.clone(),
        },
    );
    situation.label = "Jeune femme, hôtel".into();
    apply(
        &mut s,
        &study,
        SessionChange::PutSituation {
            situation: situation.clone(),
        },
    );
    assert_eq!(s.situations.len(), 1);
    assert_eq!(s.situations[0].label, "Jeune femme, hôtel");
    let excerpt = Excerpt {
        segment: seg.id,
        start: 4,
        end: 15,
    };
    for _ in 0..2 {
        apply(
            &mut s,
            &study,
            SessionChange::LinkExcerpt {
                situation: situation.id,
                excerpt,
            },
        );
    }
    assert_eq!(s.situations[0].excerpts, [excerpt]);
    apply(
        &mut s,
        &study,
        SessionChange::UnlinkExcerpt {
            situation: situation.id,
            excerpt,
        },
    );
    assert!(s.situations[0].excerpts.is_empty());
    let mut stray = situation.clone();
    stray
        .attributes
        .insert("couleur".into(), Value::Text("bleu".into()));
    assert!(
        refused(&s, &study, SessionChange::PutSituation { situation: stray })
            .contains("not declared")
    );
    apply(
        &mut s,
        &study,
        SessionChange::RemoveSituation {
            situation: situation.id,
        },
    );
    assert!(s.situations.is_empty());
}

#[test]
fn the_life_of_a_session_start_finish_reopen() {
    let study = study();
    let mut s = session();
    apply(&mut s, &study, SessionChange::Start { at: at() });
    let later = at() + chrono::Duration::minutes(70);
    apply(&mut s, &study, SessionChange::Start { at: later });
    assert_eq!(s.started, Some(at()), "a restart keeps the first start");
    apply(&mut s, &study, SessionChange::Finish { at: later });
    assert_eq!((s.status, s.ended), (Status::Done, Some(later)));
    apply(&mut s, &study, SessionChange::Reopen);
    assert_eq!(s.status, Status::InProgress);
}

#[test]
fn a_coding_is_marked_to_quote_with_a_normalised_comment_and_unmarked() {
    let study = study();
    let mut s = session();
    let seg = segment("Je n'ai jamais eu de formation");
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: seg.clone(),
            after: None,
            before: None,
        },
    );
    let c = coding(seg.id, study.codebook.codes[0].id, 0, 6);
    apply(
        &mut s,
        &study,
        SessionChange::AddCoding { coding: c.clone() },
    );
    let quote = Some(crate::study::Quote {
        comment: Some("partie formation".into()),
    });
    apply(
        &mut s,
        &study,
        SessionChange::SetCodingQuote {
            coding: c.id,
            quote: quote.clone(),
        },
    );
    assert_eq!(s.coding(c.id).unwrap().quote, quote);
    // As a journal record, and back.
    let record = serde_json::to_string(&SessionChange::SetCodingQuote {
        coding: c.id,
        quote: quote.clone(),
    })
    .unwrap();
    assert!(record.contains(r#""op":"set_coding_quote""#), "{record}");
    assert!(
        record.contains(r#""quote":{"comment":"partie formation"}"#),
        "{record}"
    );
    let decomposed = "e\u{301}tude".to_owned();
    assert!(
        refused(
            &s,
            &study,
            SessionChange::SetCodingQuote {
                coding: c.id,
                quote: Some(crate::study::Quote {
                    comment: Some(decomposed)
                }),
            }
        )
        .contains("normalised")
    );
    let missing = CodingId::new();
    assert!(
        refused(
            &s,
            &study,
            SessionChange::SetCodingQuote {
                coding: missing,
                quote: None
            }
        )
        .contains(&missing.to_string())
    );
    apply(
        &mut s,
        &study,
        SessionChange::SetCodingQuote {
            coding: c.id,
            quote: None,
        },
    );
    assert_eq!(s.coding(c.id).unwrap().quote, None);
}
