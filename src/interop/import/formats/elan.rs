//! ELAN annotation files (`.eaf`): a speaker per tier, annotations anchored to time slots.
//!
//! Only top-level tiers with time-aligned annotations are speakers; dependent tiers
//! (`PARENT_REF`: translations, glosses, chunks of an utterance) annotate another tier and are
//! left out, and so are tiers without a participant in a file whose speaker tiers have one. A tier is named by its participant when it has one (`interviewer`), else by its
//! id. A participant `interviewer` is declared as such. Turns of every tier are put in time
//! order, overlaps kept.

use std::collections::HashMap;
use std::time::Duration;

use super::xml::Element;
use crate::interop::import::{Transcript, Turn};

pub fn parse(root: &Element) -> Transcript {
    let unit_is_ms = root
        .first("HEADER")
        .and_then(|h| h.attr("TIME_UNITS"))
        .is_none_or(|u| u == "milliseconds");
    let slots: HashMap<&str, Duration> = root
        .first("TIME_ORDER")
        .into_iter()
        .flat_map(|order| order.all("TIME_SLOT"))
        .filter_map(|slot| {
            let value: u64 = slot.attr("TIME_VALUE")?.trim().parse().ok()?;
            let value = if unit_is_ms { value } else { value * 40 }; // PAL frames
            Some((slot.attr("TIME_SLOT_ID")?, Duration::from_millis(value)))
        })
        .collect();
    fn participant(tier: &Element) -> Option<&str> {
        tier.attr("PARTICIPANT")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
    // When tiers name their participants, a tier without one holds notes (`marker`), not
    // speech.
    let named = root.all("TIER").any(|t| participant(t).is_some());
    let mut turns = Vec::new();
    let mut declared = Vec::new();
    for tier in root.all("TIER") {
        let participant = participant(tier);
        if tier.attr("PARENT_REF").is_some() || (named && participant.is_none()) {
            continue;
        }
        let label = participant
            .or_else(|| tier.attr("TIER_ID").map(str::trim))
            .map(str::to_owned);
        if let Some(l) = &label
            && l.eq_ignore_ascii_case("interviewer")
        {
            declared.push(l.clone());
        }
        for annotation in tier.all("ANNOTATION") {
            let Some(aligned) = annotation.first("ALIGNABLE_ANNOTATION") else {
                continue;
            };
            let text = aligned
                .first("ANNOTATION_VALUE")
                .map(|v| v.text())
                .unwrap_or_default();
            if text.trim().is_empty() {
                continue;
            }
            let time = |attr: &str| aligned.attr(attr).and_then(|id| slots.get(id).copied());
            turns.push(Turn {
                label: label.clone(),
                start: time("TIME_SLOT_REF1"),
                end: time("TIME_SLOT_REF2"),
                text: text.trim().to_owned(),
            });
        }
    }
    turns.sort_by_key(|t| t.start);
    Transcript {
        turns,
        declared,
        ..Transcript::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    #[test]
    fn top_tiers_are_speakers_and_dependent_tiers_are_not() {
        let eaf = r#"<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"/>
            <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
            <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="1500"/><TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="4000"/></TIME_ORDER>
            <TIER TIER_ID="R" PARTICIPANT="R03"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3"><ANNOTATION_VALUE>Oui.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
            <TIER TIER_ID="I" PARTICIPANT="interviewer"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Alors ?</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
            <TIER TIER_ID="gloss" PARENT_REF="R"><ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a2"><ANNOTATION_VALUE>yes</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION></TIER>
            </ANNOTATION_DOCUMENT>"#;
        let t = parse(&xml::parse(eaf, false).unwrap());
        let got = t.summary();
        assert_eq!(
            got,
            vec![
                (Some("interviewer"), Some(0), "Alors ?"),
                (Some("R03"), Some(1500), "Oui.")
            ]
        );
        assert_eq!(t.declared, vec!["interviewer"]);
    }
}
