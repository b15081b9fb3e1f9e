//! Unit tests of the alignment's changes: visits, the transcript layer put and replaced,
//! proposals decided; each change checked before it is applied, as the journal does.

use std::collections::BTreeSet;

use super::*;
use crate::study::alignment::Aligned;
use crate::study::{Document, Memo, Respondent, SessionChange, Situation, Speaker, text, validate};

fn study() -> Study {
    crate::analysis::fixture::fixture().study
}

fn at(second: i64) -> Time {
    Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
        + chrono::Duration::seconds(second)
}

fn segment(text: &str, start: Option<i64>) -> Segment {
    Segment {
        id: SegmentId::new(),
        question: None,
        speaker: Speaker::Respondent,
        speaker_label: None,
        start: start.map(at),
        end: None,
        recording: None,
        text: text.into(),
    }
}

fn coding(segment: SegmentId, code: crate::study::CodeId, start: usize, end: usize) -> Coding {
    Coding {
        id: CodingId::new(),
        segment,
        start,
        end,
        code,
        coder: "Léa".into(),
        at: at(0),
        memo: None,
        quote: None,
    }
}

fn apply(s: &mut Session, study: &Study, change: SessionChange) -> Outcome {
    s.check(&change, study).unwrap();
    // Through JSON, as a journal record is replayed.
    let json = serde_json::to_string(&change).unwrap();
    let replayed: SessionChange = serde_json::from_str(&json).unwrap();
    assert_eq!(replayed, change, "{json}");
    s.apply(&change)
}

fn refused(s: &Session, study: &Study, change: SessionChange) -> String {
    s.check(&change, study).unwrap_err().to_string()
}

fn layer(segments: &[Segment]) -> TranscriptLayer {
    TranscriptLayer {
        source: "r.vtt".into(),
        imported: at(5000),
        by: "Léa".into(),
        recording_start: at(-60),
        aligned: Aligned::Matched { confidence: 90 },
        segments: segments.iter().map(|s| s.id).collect::<BTreeSet<_>>(),
        proposals: Vec::new(),
        decisions: Vec::new(),
    }
}

fn put(layer: TranscriptLayer, segments: Vec<Segment>) -> TranscriptChange {
    TranscriptChange {
        layer,
        segments,
        codings: Vec::new(),
        excerpts: Vec::new(),
        memos: Vec::new(),
    }
}

fn visits(s: &Session) -> Vec<(QuestionId, Time, Option<Time>, u32)> {
    s.visits
        .iter()
        .map(|v| (v.question, v.entered, v.left, v.sitting))
        .collect()
}

#[test]
fn visits_end_when_the_next_begins_and_a_crash_ends_one_at_its_last_note() {
    let study = study();
    let qs: Vec<QuestionId> = study.grid.questions().map(|(_, q)| q.id).collect();
    let (a, b) = (qs[0], qs[1]);
    let mut s = Session::new("C".into(), Respondent::default());
    let visit = |question, second, resumed| SessionChange::Visit {
        question,
        at: at(second),
        resumed,
    };
    apply(&mut s, &study, visit(Some(a), 0, true));
    apply(&mut s, &study, visit(Some(b), 100, false));
    apply(&mut s, &study, visit(None, 250, false));
    assert_eq!(
        visits(&s),
        [(a, at(0), Some(at(100)), 1), (b, at(100), Some(at(250)), 1)]
    );
    assert_eq!(s.current_question, Some(b));
    // Resumed the next day on b; the process is killed after a note at +30 s: the next sitting
    // ends that visit at the note, not when the interview was opened again.
    apply(&mut s, &study, visit(Some(b), 86_400, true));
    let mut n = segment("note", Some(86_430));
    n.question = Some(b);
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: n,
            after: None,
            before: None,
        },
    );
    apply(&mut s, &study, visit(Some(a), 90_000, true));
    assert_eq!(
        visits(&s)[2..],
        [
            (b, at(86_400), Some(at(86_430)), 2),
            (a, at(90_000), None, 3)
        ]
    );
    assert!(validate::validate_session(&s, &study).is_empty());
    let unknown = visit(Some(QuestionId::new()), 1, false);
    assert!(refused(&s, &study, unknown).contains("unknown question"));
}

#[test]
fn a_transcript_layer_is_put_then_replaced_keeping_what_was_carried() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = Session::new("C".into(), Respondent::default());
    let note = segment("Vit à l'hôtel.", Some(0));
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: note.clone(),
            after: None,
            before: None,
        },
    );
    let live = coding(note.id, hotel, 0, 14);
    apply(
        &mut s,
        &study,
        SessionChange::AddCoding {
            coding: live.clone(),
        },
    );
    let old = vec![
        segment("Elle vivait à l'hotel avec lui.", Some(10)),
        segment("Ensuite au foyer.", Some(20)),
    ];
    let mut first = put(layer(&old), old.clone());
    first.layer.proposals.push(Proposal {
        from: live.id,
        segment: old[0].id,
        start: 14,
        end: 21,
        score: 80,
    });
    apply(
        &mut s,
        &study,
        SessionChange::PutTranscript(Box::new(first)),
    );
    assert_eq!(s.segments.len(), 3);
    assert!(s.counts(old[0].id) && !s.counts(note.id));
    // Codings, a situation excerpt and a memo on the first layer.
    let on_hotel = coding(old[0].id, hotel, 14, 21);
    let on_foyer = coding(old[1].id, hotel, 9, 16);
    for c in [&on_hotel, &on_foyer] {
        apply(
            &mut s,
            &study,
            SessionChange::AddCoding { coding: c.clone() },
        );
    }
    let situation = Situation {
        id: crate::study::SituationId::new(),
        label: "Une femme".into(),
        attributes: Default::default(),
        excerpts: vec![Excerpt {
            segment: old[1].id,
            start: 0,
            end: 7,
        }],
        same_person_as: None,
    };
    apply(
        &mut s,
        &study,
        SessionChange::PutSituation {
            situation: situation.clone(),
        },
    );
    let memo = Memo {
        id: crate::study::MemoId::new(),
        author: "Léa".into(),
        at: at(0),
        segment: Some(old[1].id),
        text: "à revoir".into(),
    };
    apply(
        &mut s,
        &study,
        SessionChange::AddMemo { memo: memo.clone() },
    );
    // The corrected transcript: the hotel coding carried (same id), the other not.
    let new = vec![segment("Elle vivait à l'hôtel avec lui.", Some(10))];
    let mut second = put(layer(&new), new.clone());
    let mut carried = on_hotel.clone();
    carried.segment = new[0].id;
    second.codings.push(carried.clone());
    let outcome = apply(
        &mut s,
        &study,
        SessionChange::PutTranscript(Box::new(second)),
    );
    assert_eq!(outcome.notices, [Notice::CodingsRemoved(1)]);
    let ids: Vec<SegmentId> = s.segments.iter().map(|x| x.id).collect();
    assert_eq!(ids, [note.id, new[0].id]);
    assert_eq!(s.coding(on_hotel.id), Some(&carried));
    assert!(s.coding(on_foyer.id).is_none());
    assert_eq!(
        s.coding(live.id),
        Some(&live),
        "live codings stay on the notes"
    );
    assert!(s.situations[0].excerpts.is_empty());
    assert_eq!(
        s.memos[0].segment, None,
        "a memo whose segment went stays, loose"
    );
    assert!(s.transcript.as_ref().unwrap().proposals.is_empty());
    assert!(validate::validate_session(&s, &study).is_empty());
}

#[test]
fn a_transcript_change_is_checked_whole() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = Session::new("C".into(), Respondent::default());
    let note = segment("note", Some(0));
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: note.clone(),
            after: None,
            before: None,
        },
    );
    let check =
        |c: TranscriptChange| refused(&s, &study, SessionChange::PutTranscript(Box::new(c)));
    // A live note's id taken again.
    assert!(
        check(put(layer(std::slice::from_ref(&note)), vec![note.clone()]))
            .contains("already exists")
    );
    // A layer that does not list its segments.
    let t = vec![segment("dit", Some(1))];
    assert!(check(put(layer(&[]), t.clone())).contains("does not list"));
    // A carried coding outside its segment's text, a proposal from no live coding.
    let mut bad = put(layer(&t), t.clone());
    bad.codings.push(coding(t[0].id, hotel, 0, 9));
    assert!(check(bad).contains("out of range"));
    let mut orphan = put(layer(&t), t.clone());
    orphan.layer.proposals.push(Proposal {
        from: CodingId::new(),
        segment: t[0].id,
        start: 0,
        end: 3,
        score: 50,
    });
    assert!(check(orphan).contains("no live coding"));
}

#[test]
fn a_proposal_is_accepted_moved_or_rejected_and_follows_its_words_until_then() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = Session::new("C".into(), Respondent::default());
    let notes = [segment("hôtel", Some(0)), segment("foyer", Some(5))];
    for n in &notes {
        apply(
            &mut s,
            &study,
            SessionChange::AddSegment {
                segment: n.clone(),
                after: None,
                before: None,
            },
        );
    }
    let lives = [
        coding(notes[0].id, hotel, 0, 5),
        coding(notes[1].id, hotel, 0, 5),
    ];
    for c in &lives {
        apply(
            &mut s,
            &study,
            SessionChange::AddCoding { coding: c.clone() },
        );
    }
    let t = vec![segment("Elle vivait à l'hôtel, puis au foyer.", Some(1))];
    let mut change = put(layer(&t), t.clone());
    for (live, (start, end)) in lives.iter().zip([(14, 21), (30, 35)]) {
        change.layer.proposals.push(Proposal {
            from: live.id,
            segment: t[0].id,
            start,
            end,
            score: 70,
        });
    }
    apply(
        &mut s,
        &study,
        SessionChange::PutTranscript(Box::new(change)),
    );
    // A correction before the decision: the proposals follow their words.
    apply(
        &mut s,
        &study,
        SessionChange::EditText {
            segment: t[0].id,
            text: "Oui. Elle vivait à l'hôtel, puis au foyer.".into(),
        },
    );
    let p = s
        .transcript
        .as_ref()
        .unwrap()
        .proposal(lives[0].id)
        .unwrap()
        .clone();
    assert_eq!((p.start, p.end), (19, 26));
    // Accepted on a wider span (moved), by a person.
    let mut made = coding(t[0].id, hotel, 5, 26);
    made.coder = "Analyste".into();
    let accept = SessionChange::AcceptProposal {
        from: lives[0].id,
        coding: made.clone(),
    };
    apply(&mut s, &study, accept.clone());
    assert!(refused(&s, &study, accept).contains("no proposal"));
    let layer = s.transcript.as_ref().unwrap();
    assert_eq!(layer.proposals.len(), 1);
    assert_eq!(layer.decisions[0].accepted, Some(made.id));
    assert_eq!(layer.decisions[0].by, "Analyste");
    assert_eq!(
        s.counted_codings().map(|c| c.id).collect::<Vec<_>>(),
        [made.id]
    );
    // Accepting onto a live note is refused: the transcript is what is coded.
    let onto_note = SessionChange::AcceptProposal {
        from: lives[1].id,
        coding: coding(notes[1].id, hotel, 0, 5),
    };
    assert!(refused(&s, &study, onto_note).contains("not in the transcript"));
    apply(
        &mut s,
        &study,
        SessionChange::RejectProposal {
            from: lives[1].id,
            by: "Analyste".into(),
            at: at(9),
        },
    );
    let layer = s.transcript.as_ref().unwrap();
    assert!(layer.proposals.is_empty());
    assert_eq!(layer.decisions[1].accepted, None);
    assert!(validate::validate_session(&s, &study).is_empty());

    // Taken back (undo): the acceptance's coding goes, the proposal is pending again as it
    // was before the decision; a pending one cannot be reopened twice.
    let reopen = SessionChange::ReopenProposal {
        proposal: p.clone(),
    };
    apply(&mut s, &study, reopen.clone());
    assert!(refused(&s, &study, reopen).contains("pending"));
    let layer = s.transcript.as_ref().unwrap();
    assert_eq!(layer.proposals, std::slice::from_ref(&p));
    assert_eq!(layer.decisions.len(), 1);
    assert_eq!(layer.decisions[0].from, lives[1].id);
    assert!(s.coding(made.id).is_none());
    assert_eq!(
        s.codings.iter().map(|c| c.id).collect::<Vec<_>>(),
        [lives[0].id, lives[1].id]
    );
    // The rejection taken back likewise; then it can be decided again.
    let second = Proposal {
        from: lives[1].id,
        segment: t[0].id,
        start: 36,
        end: 41,
        score: 70,
    };
    assert_eq!(text::slice(&s.segments[2].text, 36, 41), Some("foyer"));
    apply(
        &mut s,
        &study,
        SessionChange::ReopenProposal {
            proposal: second.clone(),
        },
    );
    let layer = s.transcript.as_ref().unwrap();
    assert_eq!(layer.proposals, [p.clone(), second]);
    assert!(layer.decisions.is_empty());
    apply(
        &mut s,
        &study,
        SessionChange::RejectProposal {
            from: lives[0].id,
            by: "Analyste".into(),
            at: at(10),
        },
    );
    // A passage off the transcript's text, or a coding that is not a live one, is refused.
    let mut outside = p.clone();
    outside.end = 400;
    assert!(
        !refused(
            &s,
            &study,
            SessionChange::ReopenProposal { proposal: outside }
        )
        .is_empty()
    );
    let never = Proposal {
        from: CodingId::new(),
        ..p
    };
    assert!(
        refused(
            &s,
            &study,
            SessionChange::ReopenProposal { proposal: never }
        )
        .contains("no decision")
    );
    assert!(validate::validate_session(&s, &study).is_empty());
}

#[test]
fn removing_a_live_coding_or_a_transcript_segment_takes_its_proposals() {
    let study = study();
    let hotel = study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut s = Session::new("C".into(), Respondent::default());
    let note = segment("hôtel", Some(0));
    apply(
        &mut s,
        &study,
        SessionChange::AddSegment {
            segment: note.clone(),
            after: None,
            before: None,
        },
    );
    let lives = [coding(note.id, hotel, 0, 5), coding(note.id, hotel, 0, 5)];
    for c in &lives {
        apply(
            &mut s,
            &study,
            SessionChange::AddCoding { coding: c.clone() },
        );
    }
    let t = vec![segment("l'hôtel", Some(1)), segment("l'hôtel", Some(2))];
    let mut change = put(layer(&t), t.clone());
    for (live, seg) in lives.iter().zip(&t) {
        change.layer.proposals.push(Proposal {
            from: live.id,
            segment: seg.id,
            start: 2,
            end: 7,
            score: 70,
        });
    }
    apply(
        &mut s,
        &study,
        SessionChange::PutTranscript(Box::new(change)),
    );
    apply(
        &mut s,
        &study,
        SessionChange::RemoveCoding {
            coding: lives[0].id,
        },
    );
    apply(
        &mut s,
        &study,
        SessionChange::RemoveSegment { segment: t[1].id },
    );
    let layer = s.transcript.as_ref().unwrap();
    assert!(layer.proposals.is_empty());
    assert_eq!(layer.segments.iter().collect::<Vec<_>>(), [&t[0].id]);
    assert!(validate::validate_session(&s, &study).is_empty());
}
