//! Every transcript file of tests/fixtures/formats (real files written by other tools, see the
//! README there) imported as a user would, without a date or an interviewer: speakers, roles,
//! times from the start of the recording and text checked against what each file says, read
//! by hand.

use std::path::{Path, PathBuf};
use std::time::Duration;

use grille::i18n::{EN, FR};
use grille::interop::import::{ImportError, ImportOptions, Read, read_file};
use grille::study::{Session, Speaker};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(path)
}

fn read(path: &str) -> Read {
    read_file(&fixture(path), &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn ms(n: u64) -> Option<Duration> {
    Some(Duration::from_millis(n))
}

/// (role, label, start and end in the recording, text) of segment `i`.
fn seg(
    s: &Session,
    i: usize,
) -> (
    Speaker,
    Option<&str>,
    Option<Duration>,
    Option<Duration>,
    &str,
) {
    let seg = &s.segments[i];
    let rec = seg.recording;
    (
        seg.speaker,
        seg.speaker_label.as_deref(),
        rec.map(|r| r.start),
        rec.and_then(|r| r.end),
        seg.text.as_str(),
    )
}

/// How many segments each speaker label has.
fn count(s: &Session, label: Option<&str>) -> usize {
    s.segments
        .iter()
        .filter(|g| g.speaker_label.as_deref() == label)
        .count()
}

const I: Speaker = Speaker::Interviewer;
const R: Speaker = Speaker::Respondent;

/// No date given: the session has none, segments keep offsets only.
fn undated(s: &Session) {
    assert_eq!(s.started, None);
    assert!(
        s.segments
            .iter()
            .all(|g| g.start.is_none() && g.end.is_none())
    );
}

#[test]
fn word_document_of_time_and_text_rows() {
    // A table of 156 rows: 78 with `19m 13s:` | text, 78 empty spacers.
    let r = read("docx/gcp-audio-transcribe_example_transcript.docx");
    let s = &r.session;
    undated(s);
    assert!(r.cast.speakers.is_empty());
    assert_eq!(s.segments.len(), 78);
    // 19 min 13 s = 1153 s.
    assert_eq!(seg(s, 0), (R, None, ms(1_153_000), None, "Jump Right In."));
    // The last row: 24m 47s = 1487 s.
    let last = s.segments.last().unwrap();
    assert_eq!(last.recording.unwrap().start, Duration::from_secs(1487));
    assert!(
        last.text
            .starts_with("But let's pause here for any raised hand questions")
    );
    assert_eq!(s.interviewer, "");
    // The heading "Transcript" is the file's title, kept as a memo.
    assert_eq!(s.memos[0].text, "Transcript");
}

#[test]
fn libreoffice_document_with_a_declared_interviewer() {
    // "Interviewer = S00", then 8 questions of S00 and 8 answers of S01.
    let r = read("odt/interview-analysis_Lecturer_A.odt");
    let s = &r.session;
    assert_eq!(s.segments.len(), 16);
    assert_eq!(count(s, Some("S00")), 8);
    assert_eq!(count(s, Some("S01")), 8);
    assert_eq!(
        seg(s, 0),
        (
            I,
            Some("S00"),
            None,
            None,
            "Could you briefly describe your teaching background before using the new teaching method?"
        )
    );
    assert_eq!(seg(s, 15).0, R);
    assert!(seg(s, 15).4.starts_with("I plan to keep using it"));
    assert!(s.segments.iter().all(|g| !g.text.contains("Interviewer =")));
    assert!(s.co_respondents.is_empty());
}

#[test]
fn elan_interview_tiers_in_time_order() {
    // Tier P (participant): 131 annotations, the last one empty; tier I (interviewer): 17.
    let r = read("eaf/nzilbb_mop03-2b_interview.eaf");
    let s = &r.session;
    undated(s);
    assert_eq!(s.segments.len(), 147);
    assert_eq!(count(s, Some("participant")), 130);
    // `interviewer` is a bare role mark: the segments keep the role, no name.
    assert_eq!(s.segments.iter().filter(|g| g.speaker == I).count(), 17);
    // The first annotation, P at ts1 = 4675 ms to ts2 = 6752 ms.
    assert_eq!(
        seg(s, 0),
        (
            R,
            Some("participant"),
            ms(4675),
            ms(6752),
            ". rest of that side of the famly[f{mli](family) so he --"
        )
    );
    // The interviewer first speaks at 14889 ms, "right -".
    let first = s.segments.iter().position(|g| g.speaker == I).unwrap();
    assert_eq!(seg(s, first), (I, None, ms(14_889), ms(15_639), "right -"));
    let starts: Vec<_> = s
        .segments
        .iter()
        .map(|g| g.recording.unwrap().start)
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn elan_simultaneous_speech_of_two_participants() {
    let r = read("eaf/nzilbb_simultaneous_speech.eaf");
    let s = &r.session;
    let got: Vec<_> = (0..s.segments.len()).map(|i| seg(s, i)).collect();
    assert_eq!(
        got,
        vec![
            (
                R,
                Some("p1"),
                ms(0),
                ms(5000),
                "{preamble} w1-1 w1-2[CS:es] w1-3 [throat-clear]"
            ),
            (
                R,
                Some("p1"),
                ms(5000),
                ms(10_000),
                "[CS:en]w1-6(lex-1-6) w1-7[pron-1-7](lex-1-7)[CS:en] w1-8"
            ),
            (R, Some("p2"), ms(5000), ms(10_000), "w2-6.5 w2-7.5"),
            (R, Some("p1"), ms(10_000), ms(15_000), "w1-11 w1-12 w1-13"),
        ]
    );
    // Nobody asks a question: p1 says more, p2 is another respondent.
    let co: Vec<_> = s
        .co_respondents
        .iter()
        .map(|r| r.pseudonym.as_str())
        .collect();
    assert_eq!(co, ["p2"]);
    assert_eq!(s.respondent_of(&s.segments[2]).unwrap().pseudonym, "p2");
    assert_eq!(
        s.respondent_of(&s.segments[0]).unwrap().pseudonym,
        s.respondent.pseudonym
    );
}

#[test]
fn elan_dependent_tiers_are_not_speakers() {
    // One speaker, Person1 (participant P001), 8 utterances; its chunk and language tiers and
    // the `marker` tier without a participant are not speech.
    let r = read("eaf/speach_test_dependent_tiers.eaf");
    let s = &r.session;
    assert_eq!(r.cast.speakers.len(), 1);
    assert_eq!(s.segments.len(), 8);
    assert_eq!(count(s, Some("P001")), 8);
    assert_eq!(s.segments[0].text, "How do you read this?");
    assert_eq!(s.segments[7].text, "Oh thanks");
    assert!(s.segments.iter().all(|g| g.speaker == R));
}

#[test]
fn noscribe_html_anchors_give_exact_times_and_overlaps() {
    let r = read("noscribe/noscribe_interview.html");
    let s = &r.session;
    // S01 opens and asks: the interviewer; S00 the respondent; S02 speaks a few times.
    assert_eq!(
        s.segments
            .iter()
            .find(|g| g.speaker == I)
            .unwrap()
            .speaker_label
            .as_deref(),
        Some("S01")
    );
    let co: Vec<_> = s
        .co_respondents
        .iter()
        .map(|r| r.pseudonym.as_str())
        .collect();
    assert_eq!(co, ["S02"]);
    // The first paragraph: S01 from ts_12140 to ts_34570_35790, without the overlaps of S02
    // (30.09–30.91 s) and S00 (33.75–34.57 s), which follow it in time order.
    let (who, label, start, end, text) = seg(s, 0);
    assert_eq!(
        (who, label, start, end),
        (I, Some("S01"), ms(12_140), ms(35_790))
    );
    assert!(
        text.starts_with("Guten Tag, ich habe heute die große, einmalige Ehre"),
        "{text}"
    );
    assert!(
        text.contains("sozusagen. (..) Erstmal, mir ist es eine große Ehre"),
        "{text}"
    );
    assert!(
        text.ends_with("Ich kann das gar nicht in Worte fassen. Immer ein Wegbegleiter gewesen."),
        "{text}"
    );
    assert!(
        !text.contains("//") && !text.contains("[00:00:12]"),
        "{text}"
    );
    assert_eq!(
        seg(s, 1),
        (R, Some("S02"), ms(30_090), ms(30_910), "Ist das herrlich.")
    );
    assert_eq!(
        seg(s, 2),
        (
            R,
            Some("S00"),
            ms(33_750),
            ms(34_570),
            "Das ist doch Wunderbar."
        )
    );
    assert_eq!(seg(s, 3), (R, Some("S00"), ms(36_190), ms(36_330), "Ja."));
    // The title and noScribe's settings are the header, kept as a memo.
    assert!(
        s.memos[0]
            .text
            .contains("Transcribed with noScribe vers. 0.7")
    );
    assert!(
        s.segments
            .iter()
            .all(|g| !g.text.contains("Transcribed with"))
    );
}

#[test]
fn noscribe_text_export() {
    let r = read("noscribe/noscribe_interview.txt");
    let s = &r.session;
    let (who, label, start, _, text) = seg(s, 0);
    assert_eq!((who, label, start), (I, Some("S01"), ms(12_000)));
    assert!(text.starts_with("Guten Tag"));
    assert_eq!(seg(s, 1), (R, Some("S00"), ms(36_000), None, "Ja."));
    assert_eq!(
        seg(s, 2).4,
        "Können Sie sich aber noch an Ihr erstes Hörspiel erinnern?"
    );
    assert!(
        s.memos[0]
            .text
            .contains("Transcribed with noScribe vers. 0.7")
    );
}

#[test]
fn noscribe_vtt_with_a_cue_ending_before_it_starts_is_refused_where_it_is() {
    // Cue 56, line 227: `00:12:17.141 --> 00:12:15.168`.
    let err = read_file(
        &fixture("noscribe/noscribe_interview.vtt"),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Malformed {
                line: Some(227),
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.message(&EN);
    assert!(
        message.ends_with("noscribe_interview.vtt: line 227: cue 56 ends (00:12:15.168) before it starts (00:12:17.141)"),
        "{message}"
    );
    assert!(err.message(&FR).contains("sous-titre n° 56"));
}

#[test]
fn otranscribe_timestamps_without_speakers() {
    // 16 timestamp markers; the text between two of them is a segment.
    let r = read("otr/openpecha_stt005-01.otr");
    let s = &r.session;
    assert!(r.cast.speakers.is_empty());
    assert_eq!(s.segments.len(), 16);
    // data-timestamp="9.483782" → 9484 ms.
    assert_eq!(
        s.segments[0].recording.unwrap().start,
        Duration::from_millis(9484)
    );
    assert!(s.segments[0].text.starts_with("ང་ཚོ་རྒྱ་གར་དུ་སླེབས་ནས་"));
    assert!(
        s.segments
            .iter()
            .all(|g| !g.text.contains("00:") && !g.text.contains('<'))
    );
}

#[test]
fn praat_textgrids_long_short_and_utf16() {
    // participant: 129 intervals, 120 with text; interviewer: 31, 19 with text.
    for file in [
        "textgrid/nzilbb_mop03-2b_interview.TextGrid",
        "textgrid/nzilbb_interview_utf-16be.TextGrid",
    ] {
        let r = read(file);
        let s = &r.session;
        assert_eq!(s.segments.len(), 139, "{file}");
        assert_eq!(count(s, Some("participant")), 120, "{file}");
        assert_eq!(
            s.segments.iter().filter(|g| g.speaker == I).count(),
            19,
            "{file}"
        );
        assert_eq!(seg(s, 0).2, ms(0), "{file}");
        assert_eq!(seg(s, 0).3, ms(5750), "{file}");
    }
    let s = read("textgrid/nzilbb_mop03-2b_interview.TextGrid").session;
    assert_eq!(
        s.segments[0].text,
        "and ah . [throatclear] Cyril[sIr@l](Cyril) would arrive at the door"
    );
    // The UTF-16 file writes "äh" where the other has "ah".
    let s = read("textgrid/nzilbb_interview_utf-16be.TextGrid").session;
    assert_eq!(
        s.segments[0].text,
        "and äh . [throatclear] Cyril[sIr@l] would arrive at the door"
    );
    // Layers only: the phrase tier, not its words; its quotes doubled in the file.
    let r = read("textgrid/praatio_bobby_multiline_labels.TextGrid");
    assert_eq!(r.session.segments.len(), 1);
    assert_eq!(
        seg(&r.session, 0),
        (R, None, ms(65), ms(1117), "BOBBY RIPPED THE LEDGER")
    );
    // Short format, CRLF: the word tier ("mary rolled the barrel"), not phones or pitch.
    let r = read("textgrid/praatio_mary_short_format.TextGrid");
    let words: Vec<_> = r.session.segments.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(words, ["mary", "rolled", "the", "barrel"]);
    assert_eq!(seg(&r.session, 0).2, ms(315));
}

#[test]
fn transcriber_file_in_latin1_with_an_overlapping_turn() {
    // 25 turns, one of them of both speakers: 26 segments; spk1 is "Interviewer".
    let r = read("transcriber/nzilbb_mop03-2b-05.trs");
    let s = &r.session;
    assert_eq!(s.segments.len(), 26);
    assert_eq!(count(s, Some("mop03-2b")), 14);
    assert_eq!(s.segments.iter().filter(|g| g.speaker == I).count(), 12);
    let (who, label, start, end, text) = seg(s, 0);
    assert_eq!(
        (who, label, start, end),
        (R, Some("mop03-2b"), ms(0), ms(23_563))
    );
    assert!(text.starts_with("and ah . Cyril would arrive at the door with this letter for Mum"));
    assert!(text.ends_with("or whatever <mmm> you know -"), "{text}");
    // `<Turn speaker="spk1 spk2" startTime="214.822" endTime="218.29">`
    let both: Vec<_> = (0..s.segments.len())
        .map(|i| seg(s, i))
        .filter(|g| g.2 == ms(214_822))
        .collect();
    assert_eq!(
        both,
        vec![
            (
                I,
                None,
                ms(214_822),
                ms(218_290),
                "yeah yeah yeah -- well that's right"
            ),
            (
                R,
                Some("mop03-2b"),
                ms(214_822),
                ms(218_290),
                "or some {unclear} and there's nothing much on it or {unclear}"
            ),
        ]
    );
}

#[test]
fn plain_text_with_speaker_labels_and_transcribeme_lines() {
    let r = read("txt/nzilbb_interview_speaker_labels.txt");
    let s = &r.session;
    assert_eq!(s.segments.len(), 13);
    assert_eq!(count(s, Some("mop03-2b")), 7);
    assert_eq!(s.segments.iter().filter(|g| g.speaker == I).count(), 6);
    assert!(
        s.segments[0]
            .text
            .starts_with("This file starts with the UTF-8 BOM Elipisis…is kept")
    );
    assert_eq!(seg(s, 1).0, I);
    assert!(
        seg(s, 1)
            .4
            .starts_with("right - wa they just didn't get on")
    );

    // `S1 00:00:01.717 The quick`; the last turn, empty, says nothing.
    let r = read("txt/nzilbb_transcribeme.txt");
    let got: Vec<_> = (0..r.session.segments.len())
        .map(|i| seg(&r.session, i))
        .collect();
    assert_eq!(
        got,
        vec![
            (R, Some("S1"), ms(1717), None, "The quick"),
            (R, Some("S2"), ms(4395), None, "Brown fox jumps"),
            (R, Some("S1"), ms(8692), None, "Over the lazy"),
            (R, Some("S2"), ms(75_835), None, "dog."),
        ]
    );
}

#[test]
fn webvtt_voice_tags_with_classes_and_names() {
    let r = read("vtt/nzilbb_mop03-2b_voice_tags.vtt");
    let s = &r.session;
    assert_eq!(s.segments.len(), 147);
    assert_eq!(count(s, Some("participant")), 130);
    assert_eq!(s.segments.iter().filter(|g| g.speaker == I).count(), 17);
    // `<yeah>` in a payload is transcription, not a tag, and stays.
    assert!(
        s.segments.iter().any(|g| g.text.contains("<yeah>")),
        "markup dropped"
    );

    let r = read("vtt/nzilbb_simultaneous_speech.vtt");
    let got: Vec<_> = (0..r.session.segments.len())
        .map(|i| seg(&r.session, i))
        .collect();
    assert_eq!(
        got,
        vec![
            (R, Some("Participant 1"), ms(0), ms(5000), "w1-1 w1-2 w1-3"),
            (
                R,
                Some("Participant 1"),
                ms(5000),
                ms(10_000),
                "w1-6 w1-7 w1-8"
            ),
            (
                R,
                Some("Participant 2"),
                ms(5000),
                ms(10_000),
                "w2-6.5 w2-7.5"
            ),
            (
                R,
                Some("Participant 1"),
                ms(10_000),
                ms(15_000),
                "w1-11 w1-12 w1-13"
            ),
        ]
    );
}

#[test]
fn whisper_outputs_of_one_diarized_run_agree() {
    // 14 segments; SPEAKER_01 asks ("com et dius?", "D'on ets, Carme?"…), SPEAKER_00 answers.
    for file in [
        "whisper/wct2_dosparlants_diarized.json",
        "whisper/wct2_dosparlants_diarized.srt",
        "whisper/wct2_dosparlants_diarized.vtt",
        "whisper/wct2_dosparlants_diarized.txt",
    ] {
        let r = read(file);
        let s = &r.session;
        assert_eq!(s.segments.len(), 14, "{file}");
        assert_eq!(seg(s, 0).0, I, "{file}");
        assert_eq!(seg(s, 0).1, Some("SPEAKER_01"), "{file}");
        assert_eq!(seg(s, 0).4, "Hola, bon dia, com et dius?", "{file}");
        assert_eq!(seg(s, 1).1, Some("SPEAKER_00"), "{file}");
        assert_eq!(seg(s, 1).4, "Hola, bon dia, em dic Carme.", "{file}");
        if !file.ends_with(".txt") {
            assert_eq!((seg(s, 1).2, seg(s, 1).3), (ms(2000), ms(4000)), "{file}");
        }
    }
    // The TSV drops the speakers; its times are milliseconds.
    let r = read("whisper/wct2_dosparlants_diarized.tsv");
    assert_eq!(r.session.segments.len(), 14);
    assert_eq!(
        seg(&r.session, 1),
        (R, None, ms(2000), ms(4000), "Hola, bon dia, em dic Carme.")
    );
}

#[test]
fn whisper_json_variants() {
    // start 1.1799999999999993 s → 1180 ms.
    let r = read("whisper/wct2_gossos_word_timestamps.json");
    assert_eq!(r.session.segments.len(), 2);
    assert_eq!(seg(&r.session, 0).2, ms(1180));
    assert!(
        seg(&r.session, 0)
            .4
            .starts_with("Igual que la majoria de mamíferes")
    );

    let r = read("whisper/whisper-timestamped_radio_short_fr.words.json");
    assert_eq!(r.session.segments.len(), 11);
    assert_eq!(
        seg(&r.session, 0),
        (
            R,
            None,
            ms(30_880),
            ms(34_260),
            "Le plus important au poker ce ne sont pas les cartes, c'est ce que vous en faites."
        )
    );

    // WhisperX: 70 segments; segment 49 ("25.", 210.522 → 209.461 s) ends before it starts:
    // its start stands. Segments 49, 54 and 63 have no speaker, nor do their words.
    let r = read("whisper/whisperx_wordlist_diarized.json");
    let s = &r.session;
    assert_eq!(s.segments.len(), 70);
    assert_eq!(seg(s, 49).4, "25.");
    assert_eq!((seg(s, 49).2, seg(s, 49).3), (ms(210_522), None));
    assert_eq!(seg(s, 0).2, ms(2862));
    let unnamed: Vec<_> = (0..70)
        .filter(|&i| s.segments[i].speaker_label.is_none())
        .collect();
    assert_eq!(unnamed, [49, 54, 63]);
}

#[test]
fn whisper_console_output() {
    // 53 lines `[00:00.000 --> 00:10.320]  text`, one `# New turn here:` comment.
    let r = read("whisper/whisper_cli_stdout.wt");
    let s = &r.session;
    assert_eq!(s.segments.len(), 53);
    assert_eq!(
        seg(s, 0),
        (
            R,
            None,
            ms(0),
            ms(10_320),
            "The rest of that side of the family, so he generously agreed that she could go with them,"
        )
    );
    // `[00:15.00 --> 00:15.240]`: a two-digit fraction.
    assert_eq!(seg(s, 2), (R, None, ms(15_000), ms(15_240), "Right."));
}
