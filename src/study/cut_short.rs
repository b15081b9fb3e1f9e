//! A block of notes cut short by a crash (the process killed, the power gone) while it was
//! typed: the journal kept its text (saved within a fraction of a second of each key), but it
//! was never closed and has no end time. Opening the session after the crash ends it when its
//! last keystroke was saved, so that its duration and the time spent on its question count.

use super::{Segment, Session, SessionChange, SessionKind, Status, Time};

/// The block cut short: the live notes' block with a start and no end that began last (one
/// block is typed at a time, and a closed block always has its end). A block begun before the
/// last closed one is left as it is: it was not being typed when this crash came. Only an
/// interview in progress typed live has one (an imported transcript's lines may have no end).
pub fn block_cut_short(session: &Session) -> Option<&Segment> {
    let live = session.kind == SessionKind::Interview
        && session.status == Status::InProgress
        && session.source.is_none();
    if !live {
        return None;
    }
    let transcript = |s: &Segment| session.transcript.as_ref().is_some_and(|l| l.has(s.id));
    let live = || session.segments.iter().filter(|s| !transcript(s));
    let latest = live().filter_map(|s| s.start).max()?;
    live().find(|s| s.start == Some(latest) && s.end.is_none())
}

/// The change that ends the block cut short at `last_saved`, the time of the last change the
/// journal kept (never before the block began), to the second as every time of the model: the
/// journal stamps its records to the millisecond, and a block begun in the same second after
/// the restart must not start before this one ends.
pub fn end_of_block_cut_short(session: &Session, last_saved: Time) -> Option<SessionChange> {
    let block = block_cut_short(session)?;
    let start = block.start?;
    Some(SessionChange::SetSegmentTimes {
        segment: block.id,
        start: Some(start),
        end: Some(start.max(super::clock::stamp(last_saved))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::{Respondent, SegmentId, Speaker};

    fn at(s: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2021-04-12T{s}+02:00")).unwrap()
    }

    fn block(start: &str, end: Option<&str>) -> Segment {
        Segment {
            id: SegmentId::new(),
            question: None,
            speaker: Speaker::Respondent,
            speaker_label: None,
            start: Some(at(start)),
            end: end.map(at),
            recording: None,
            text: "Je connais de nom".into(),
        }
    }

    fn session(segments: Vec<Segment>) -> Session {
        let mut s = Session::new(
            "Léa".into(),
            Respondent {
                pseudonym: "R1".into(),
                attributes: Default::default(),
            },
        );
        s.segments = segments;
        s
    }

    #[test]
    fn the_last_block_without_an_end_ends_at_the_last_keystroke_saved() {
        let s = session(vec![
            block("10:00:00", Some("10:01:00")),
            block("10:02:00", None),
        ]);
        let change = end_of_block_cut_short(&s, at("10:02:41")).unwrap();
        assert_eq!(
            change,
            SessionChange::SetSegmentTimes {
                segment: s.segments[1].id,
                start: Some(at("10:02:00")),
                end: Some(at("10:02:41")),
            }
        );
        // A clock set back: never before it began.
        let change = end_of_block_cut_short(&s, at("09:00:00")).unwrap();
        assert!(
            matches!(change, SessionChange::SetSegmentTimes { end, .. } if end == Some(at("10:02:00")))
        );
    }

    #[test]
    fn closed_blocks_and_older_blocks_without_an_end_are_left_alone() {
        let closed = session(vec![block("10:00:00", Some("10:01:00"))]);
        assert_eq!(end_of_block_cut_short(&closed, at("10:05:00")), None);
        // Cut short by an earlier crash, and closed blocks typed since: not this crash's.
        let older = session(vec![
            block("10:00:00", None),
            block("10:03:00", Some("10:04:00")),
        ]);
        assert_eq!(end_of_block_cut_short(&older, at("10:05:00")), None);
        let mut questionnaire = session(vec![block("10:00:00", None)]);
        questionnaire.kind = SessionKind::Questionnaire;
        assert_eq!(end_of_block_cut_short(&questionnaire, at("10:05:00")), None);
        let mut imported = session(vec![block("10:00:00", None)]);
        imported.source = Some("entretien 7.txt".into());
        assert_eq!(end_of_block_cut_short(&imported, at("10:05:00")), None);
    }
}
