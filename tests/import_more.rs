//! Imports as a user runs them, for what issue 13 and the import parts of issues 12 and 9 ask:
//! files written by the tests in each tool's documented shape, speakers learnt from a long
//! file, damaged cue files and files that are not text refused where and for what they are,
//! an import run again after a crash, the interviewer's name in the preferences.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::grille;
use grille::interop::import::{ImportOptions, read_file};
use grille::study::Speaker;
use predicates::prelude::*;

fn init(home: &Path) -> PathBuf {
    let study = home.join("etude");
    grille(home)
        .args(["init", study.to_str().unwrap()])
        .assert()
        .success();
    study
}

fn session_files(study: &Path) -> Vec<serde_json::Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(study.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap())
        .collect()
}

/// A zip of `(name, text)` files: how Word and LibreOffice store a document.
fn zip_of(path: &Path, parts: &[(&str, &str)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn a_word_document_with_bold_names_a_heading_and_a_table() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("R12.docx");
    let run = |text: &str, bold: bool| {
        let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!("<w:r>{b}<w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    };
    let para = |runs: String| format!("<w:p>{runs}</w:p>");
    let body = [
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Entretien R12</w:t></w:r></w:p>".to_owned(),
        para(run("Enquêtrice", true) + &run(" Pouvez-vous vous présenter ?", false)),
        para(run("Mme L.", true) + &run(" Je suis infirmière ", false) + &run("en PMI", false)),
        para(run("Depuis 2015, à l'hôtel social &amp; au foyer.", false)),
        para(run("Enquêtrice", true) + &run(" Et les <w:t>", false).replace("<w:t>", "") ),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>00:12:30</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Mme L.</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Des jeunes femmes.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_owned(),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(
        &file,
        &[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", &document),
        ],
    );
    let r = read_file(&file, &ImportOptions::default()).unwrap();
    let s = &r.session;
    let got: Vec<_> = s
        .segments
        .iter()
        .map(|g| {
            (
                g.speaker,
                g.speaker_label.as_deref(),
                g.recording.map(|r| r.start),
                g.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Speaker::Interviewer,
                None,
                None,
                "Pouvez-vous vous présenter ?"
            ),
            (
                Speaker::Respondent,
                Some("Mme L."),
                None,
                "Je suis infirmière en PMI"
            ),
            (
                Speaker::Respondent,
                Some("Mme L."),
                None,
                "Depuis 2015, à l'hôtel social & au foyer."
            ),
            (Speaker::Interviewer, None, None, "Et les"),
            // 00:12:30 = 750 s
            (
                Speaker::Respondent,
                Some("Mme L."),
                Some(Duration::from_secs(750)),
                "Des jeunes femmes."
            ),
        ]
    );
    assert_eq!(s.memos[0].text, "Entretien R12");
}

#[test]
fn a_libreoffice_document_with_bold_spans() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("R13.odt");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">Entretien R13</text:h>
<text:p><text:span text:style-name="T1">ENQ</text:span> Vous travaillez où ?</text:p>
<text:p><text:span text:style-name="T1">R13</text:span><text:s/>À la mission<text:s text:c="2"/>locale.<text:line-break/>Depuis peu.</text:p>
<text:list><text:list-item><text:p>[00:03:00] ENQ : Merci.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
    zip_of(
        &file,
        &[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ],
    );
    let r = read_file(&file, &ImportOptions::default()).unwrap();
    let got: Vec<_> = r
        .session
        .segments
        .iter()
        .map(|g| {
            (
                g.speaker,
                g.speaker_label.as_deref(),
                g.recording.map(|r| r.start),
                g.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Speaker::Interviewer, None, None, "Vous travaillez où ?"),
            (
                Speaker::Respondent,
                Some("R13"),
                None,
                "À la mission  locale. Depuis peu."
            ),
            (
                Speaker::Interviewer,
                None,
                Some(Duration::from_secs(180)),
                "Merci."
            ),
        ]
    );
}

#[test]
fn a_long_file_of_first_names_with_role_marks_and_particles() {
    // 400 turns: `Florence Lefeuvre (ENQ) :` asks, `Lucie da Silva :` answers, each turn with a
    // timestamp first, as transcription services type them.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("R14.txt");
    let mut text = String::new();
    for i in 0..200 {
        let (q, a) = (i * 20, i * 20 + 5);
        text.push_str(&format!(
            "[{:02}:{:02}:{:02}] Florence Lefeuvre (ENQ) : voilà, question {i} ?\n\
             [{:02}:{:02}:{:02}] Lucie da Silva : réponse {i}, à l'hôtel : oui.\n\n",
            q / 3600,
            q / 60 % 60,
            q % 60,
            a / 3600,
            a / 60 % 60,
            a % 60
        ));
    }
    std::fs::write(&file, &text).unwrap();
    let r = read_file(&file, &ImportOptions::default()).unwrap();
    let s = &r.session;
    assert_eq!(r.cast.speakers.len(), 2);
    assert_eq!(s.segments.len(), 400);
    assert_eq!(s.interviewer, "Florence Lefeuvre");
    assert!(s.co_respondents.is_empty());
    for (i, g) in s.segments.iter().enumerate() {
        let (who, label) = if i % 2 == 0 {
            (Speaker::Interviewer, "Florence Lefeuvre")
        } else {
            (Speaker::Respondent, "Lucie da Silva")
        };
        assert_eq!(
            (g.speaker, g.speaker_label.as_deref()),
            (who, Some(label)),
            "{i}"
        );
        assert!(
            !g.text.contains("Lefeuvre") && !g.text.contains("Silva") && !g.text.contains("ENQ"),
            "{i}: {}",
            g.text
        );
    }
    // Turn 399 is Lucie's 200th answer at 199 × 20 + 5 = 3985 s.
    assert_eq!(
        s.segments[399].recording.unwrap().start,
        Duration::from_secs(3985)
    );
    assert_eq!(s.segments[399].text, "réponse 199, à l'hôtel : oui.");
}

#[test]
fn damaged_cue_files_are_refused_with_the_cue_and_line_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let vtt = home.path().join("R20.vtt");
    std::fs::write(&vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n\n00:61:00.000 --> 00:62:00.000\nPerdu\n").unwrap();
    grille(home.path())
        .args(["--study", s, "import"])
        .arg(&vtt)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "R20.vtt : ligne 6 : sous-titre n° 2 : « 00:61:00.000 » n'est pas un horodatage valide",
        ));
    let srt = home.path().join("R21.srt");
    std::fs::write(
        &srt,
        "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n\n2\n00:00:0x,000 --> 00:00:05,000\nPerdu\n",
    )
    .unwrap();
    grille(home.path())
        .args(["--study", s, "--lang", "en", "import"])
        .arg(&srt)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "R21.srt: line 6: cue 2: \"00:00:0x,000\" is not a valid time",
        ))
        .stderr(predicate::str::contains("index number").not());
    let backwards = home.path().join("R22.srt");
    std::fs::write(&backwards, "1\n00:00:05,000 --> 00:00:02,000\nBonjour\n").unwrap();
    grille(home.path())
        .args(["--study", s, "--lang", "en", "import"])
        .arg(&backwards)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "R22.srt: line 2: cue 1 ends (00:00:02,000) before it starts (00:00:05,000)",
        ))
        .stderr(predicate::str::contains("sessions/").not());
    assert!(session_files(&study).is_empty());
}

#[test]
fn files_that_are_not_text_are_named_for_what_they_are() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let utf16 = home.path().join("R30.txt");
    let bytes: Vec<u8> = "ENQ : Bonjour, vous allez bien ?\nR30 : Oui.\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let renamed = home.path().join("R31.txt");
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00".to_vec();
    docx.extend([0u8; 64]);
    std::fs::write(&renamed, docx).unwrap();
    grille(home.path())
        .args(["--study", s, "--lang", "en", "import"])
        .args([&utf16, &renamed])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "R30.txt: not a text transcript: it is UTF-16 text (UTF-16LE) without a byte-order mark",
        ))
        .stderr(predicate::str::contains("iconv -f UTF-16LE -t UTF-8"))
        .stderr(predicate::str::contains("R31.txt: not a text transcript: it is a zip archive"))
        .stderr(predicate::str::contains("windows-1252").not());
    assert!(session_files(&study).is_empty());
}

#[test]
fn an_import_run_again_after_a_crash_places_only_what_was_missing() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let batch = ["R07-foyer.txt", "R09-whisper.srt", "R10-voix.vtt"].map(|f| fixtures.join(f));
    // The state a crash during the renames leaves: two sessions placed, the third still in a
    // staging folder no process holds.
    grille(home.path())
        .args(["--study", s, "import"])
        .args(&batch[..2])
        .assert()
        .success();
    let staging = study.join(".grille-import-Xk3p9Q");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(
        staging.join("00000000-0000-4000-8000-000000000000.json"),
        "{}",
    )
    .unwrap();
    let before = session_files(&study);
    grille(home.path())
        .args(["--study", s, "import"])
        .args(&batch)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "R07-foyer.txt : déjà importé (entretien",
        ))
        .stderr(predicate::str::contains("R09-whisper.srt : déjà importé"))
        .stderr(predicate::str::contains("1 entretien(s) importé(s)"))
        .stderr(predicate::str::contains(
            "Dossier laissé par une importation interrompue supprimé",
        ));
    let after = session_files(&study);
    assert_eq!(after.len(), 3);
    for old in &before {
        assert!(after.contains(old), "a placed session was rewritten");
    }
    let sources: Vec<&str> = after
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.iter().filter(|s| **s == "R10-voix.vtt").count(), 1);
    assert!(!staging.exists());
    // And again: nothing more.
    grille(home.path())
        .args(["--study", s, "import"])
        .args(&batch)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 entretien(s) importé(s)"));
    assert_eq!(session_files(&study).len(), 3);
}

#[test]
fn without_date_or_interviewer_the_session_says_what_is_unknown() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let file = home.path().join("R40.vtt");
    std::fs::write(&file, "WEBVTT\n\n00:01:02.250 --> 00:01:05.000\n<v S01>Vous êtes là depuis quand ?\n\n00:01:05.000 --> 00:01:09.500\n<v S00>Deux ans.\n").unwrap();
    grille(home.path())
        .args(["--study", s, "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "S01 : enquêteur·rice, 1 ligne(s), 1 question(s) (pose le plus de questions)",
        ))
        .stderr(predicate::str::contains("Sans --date"))
        .stderr(predicate::str::contains("Enquêteur·rice inconnu·e"));
    let sessions = session_files(&study);
    let session = &sessions[0];
    assert_eq!(session["format"], grille::study::FORMAT);
    assert_eq!(session["interviewer"], "");
    assert_eq!(session["started"], serde_json::Value::Null);
    let seg = &session["segments"][0];
    assert_eq!(seg["start"], serde_json::Value::Null);
    // 00:01:02.250 = 62.25 s
    assert_eq!(
        seg["recording"],
        serde_json::json!({"start": 62.25, "end": 65.0})
    );
    assert_eq!(seg["speaker"], "interviewer");

    // Saved once, the interviewer's name is used by the next imports.
    grille(home.path())
        .args(["config", "set", "interviewer", "Camille Roux"])
        .assert()
        .success()
        .stderr(predicate::str::contains("interviewer = Camille Roux"));
    grille(home.path())
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("interviewer = Camille Roux"));
    let other = home.path().join("R41.vtt");
    std::fs::write(&other, "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour.\n").unwrap();
    grille(home.path())
        .args([
            "--study",
            s,
            "import",
            "--date",
            "2021-04-12T10:00:00+02:00",
        ])
        .arg(&other)
        .assert()
        .success();
    let sessions = session_files(&study);
    let r41 = sessions.iter().find(|s| s["source"] == "R41.vtt").unwrap();
    assert_eq!(r41["interviewer"], "Camille Roux");
    assert_eq!(r41["started"], "2021-04-12T10:00:00+02:00");
    assert_eq!(r41["segments"][0]["end"], "2021-04-12T10:00:02+02:00");
    grille(home.path())
        .args(["config", "set", "colour", "bleu"])
        .assert()
        .code(2);
}

#[test]
fn several_respondents_are_told_apart_in_search_and_frequencies() {
    use grille::store::StudyDir;
    use grille::study::{Coding, CodingId, SessionChange, SessionId, Time};

    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    // A mother and her daughter answer together; the file names the daughter, the import
    // gives each a pseudonym (the mother the session's) and the daughter her own sector.
    let file = home.path().join("famille.txt");
    std::fs::write(
        &file,
        "ENQ : Vous êtes arrivées quand ?\nMère : En 2019, au foyer.\nJuliette Martin : Moi je suis restée à l'hôtel.\n\
         ENQ : Et ensuite ?\nMère : Un appartement.\nJuliette Martin : Toujours l'hôtel.\n",
    )
    .unwrap();
    grille(home.path())
        .args([
            "--study",
            s,
            "import",
            "--respondent",
            "R07",
            "--date",
            "2021-04-12",
        ])
        .args([
            "--speaker",
            "Juliette Martin=R07-fille",
            "--speaker",
            "Mère=R07",
        ])
        .args([
            "--attr",
            "secteur=social",
            "--attr",
            "R07-fille:secteur=sante",
        ])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Juliette Martin : autre répondant·e, 2 ligne(s)",
        ))
        .stderr(predicate::str::contains("Mère : répondant·e, 2 ligne(s)"));
    let sessions = session_files(&study);
    let session = &sessions[0];
    assert_eq!(
        session["co_respondents"],
        serde_json::json!([{"pseudonym": "R07-fille", "attributes": {"secteur": "sante"}}])
    );
    let labels: Vec<&str> = session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["speaker_label"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(labels, ["-", "R07", "R07-fille", "-", "R07", "R07-fille"]);
    assert!(
        !std::fs::read_to_string(
            study
                .join("sessions")
                .join(format!("{}.json", session["id"].as_str().unwrap()))
        )
        .unwrap()
        .contains("Juliette")
    );

    // `speaker:` and `respondent:` find the daughter's words; her sector finds them too.
    let search = |query: &str| -> Vec<String> {
        let out = grille(home.path())
            .args(["--study", s, "search", query, "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let mut texts: Vec<String> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["segment"].as_str().unwrap().to_owned())
            .collect();
        texts.sort();
        texts
    };
    let segment_id = |i: usize| session["segments"][i]["id"].as_str().unwrap().to_owned();
    let mut daughter = vec![segment_id(2), segment_id(5)];
    daughter.sort();
    assert_eq!(search("speaker:R07-fille"), daughter);
    assert_eq!(search("respondent:R07-fille"), daughter);
    assert_eq!(search("secteur:sante"), daughter);
    let mut mother = vec![segment_id(1), segment_id(4)];
    mother.sort();
    assert_eq!(search("speaker:r07"), mother);
    assert_eq!(search("speaker:interviewer").len(), 2);

    // One code on the mother's words and on the daughter's: two respondents, one per sector.
    let dir = StudyDir::open(&study).unwrap();
    let definition = dir.load_study().unwrap();
    let code = definition.codebook.codes[0].id;
    let id: SessionId = session["id"].as_str().unwrap().parse().unwrap();
    let (mut writer, _) = dir.open_session(id, &definition).unwrap();
    for i in [1, 2] {
        let segment = session["segments"][i]["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let coding = Coding {
            id: CodingId::new(),
            segment,
            start: 0,
            end: 2,
            code,
            coder: "Camille".into(),
            at: Time::parse_from_rfc3339("2021-05-01T10:00:00+02:00").unwrap(),
            memo: None,
            quote: None,
        };
        writer
            .apply(SessionChange::AddCoding { coding }, &definition)
            .unwrap();
    }
    drop(writer);
    grille(home.path())
        .args(["--study", s, "export", "frequencies", "--by", "secteur"])
        .assert()
        .success();
    let sessions = [dir.load_session(id, &definition).unwrap().doc];
    let filter = grille::analysis::filter::Filter::default();
    let freq = grille::analysis::frequencies::frequencies(
        &filter.scope(&definition, &sessions),
        Some("secteur"),
    )
    .unwrap();
    assert_eq!(freq.respondents, 2);
    let row = freq.codes.iter().find(|c| c.code == code).unwrap();
    assert_eq!(row.own.respondents, 2);
    assert_eq!(row.own.respondents_pct, Some(100.0));
    let breakdown = freq.breakdown.unwrap();
    let sante = breakdown
        .groups
        .iter()
        .position(|g| g.key == "sante")
        .unwrap();
    let social = breakdown
        .groups
        .iter()
        .position(|g| g.key == "social")
        .unwrap();
    assert_eq!((breakdown.sizes[sante], breakdown.sizes[social]), (1, 1));
    assert_eq!(row.by_group[sante].respondents, 1);
    assert_eq!(row.by_group[social].respondents, 1);

    // A name no file has is a usage error, and nothing is written.
    grille(home.path())
        .args(["--study", s, "import", "--speaker", "Paul=R09"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "« Paul » : aucun·e locuteur·rice de ce nom",
        ));
}

#[test]
fn the_coding_screen_names_each_respondent_and_places_in_the_recording() {
    use common::tmux::{self, Tmux};
    assert!(tmux::available(), "tmux is needed (.ci/run installs it)");
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let file = home.path().join("famille.txt");
    std::fs::write(
        &file,
        "[00:00:05] ENQ : Vous êtes arrivées quand ?\n[00:00:09] Mère : En 2019, au foyer.\n\
         [00:01:12] Fille : Moi je suis restée à l'hôtel.\n[00:01:30] Mère : Pas longtemps.\n",
    )
    .unwrap();
    grille(home.path())
        .args(["--study", s, "import", "--respondent", "R07"])
        .args(["--speaker", "Mère=R07", "--speaker", "Fille=R07-fille"])
        .arg(&file)
        .assert()
        .success();
    let command = format!(
        "env HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config LANG=fr_FR.UTF-8 TERM=xterm-256color {bin} --study {s}",
        h = home.path().display(),
        bin = env!("CARGO_BIN_EXE_grille"),
    );
    let ui = Tmux::start("speakers", &command, 120, 30);
    ui.wait_for("R07");
    ui.keys(&["Enter"]);
    // Without a date, times are places in the recording: 00:01:12 is `+01:12`.
    let screen = ui.wait_for("R07-fille");
    assert!(screen.contains("Répondant·e R07-fille +01:12"), "{screen}");
    assert!(screen.contains("Répondant·e R07 +00:09"), "{screen}");
    assert!(screen.contains("Enquêteur·rice +00:05"), "{screen}");
    ui.keys(&["q"]);
}

#[test]
fn an_unknown_interviewer_is_set_afterwards() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let file = home.path().join("R50.srt");
    std::fs::write(
        &file,
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Bonjour.\n",
    )
    .unwrap();
    grille(home.path())
        .args(["--study", s, "import"])
        .arg(&file)
        .assert()
        .success();
    let id = session_files(&study)[0]["id"].as_str().unwrap().to_owned();
    grille(home.path())
        .args([
            "--study",
            s,
            "session",
            &id[..8],
            "--interviewer",
            "Sami Benali",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "Entretien {} (R50) : enquêteur·rice = Sami Benali",
            &id[..8]
        )));
    assert_eq!(session_files(&study)[0]["interviewer"], "Sami Benali");
    grille(home.path())
        .args(["--study", s, "session", "ffffffff", "--interviewer", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "aucun entretien dont l'identifiant commence par « ffffffff »",
        ));
    // `grille sessions --json` lists co-respondents when there are some, none here.
    let out = grille(home.path())
        .args(["--study", s, "sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(rows[0]["interviewer"], "Sami Benali");
    assert!(rows[0].get("co_respondents").is_none());
}

#[test]
fn headings_naming_the_grid_attach_the_segments_under_them() {
    use grille::store::StudyDir;
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path());
    let s = study.to_str().unwrap();
    let grid = StudyDir::open(&study).unwrap().load_study().unwrap().grid;
    let reperage = grid
        .themes
        .iter()
        .find(|t| t.title == "Repérage des personnes")
        .unwrap();
    let (_, nb) = grid.question_by_key("nb_personnes").unwrap();
    let heading = |text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let para = |text: &str| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");
    let body = [
        para("ENQ : Bonjour."),
        para("R15 : Bonjour."),
        heading("2. Repérage des personnes"),
        para("ENQ : Vous en avez rencontré ?"),
        para("R15 : Oui, plusieurs."),
        heading(&nb.text),
        para("R15 : Une dizaine."),
        heading("Pour finir"),
        para("ENQ : Merci."),
    ]
    .concat();
    let file = home.path().join("R15.docx");
    zip_of(
        &file,
        &[(
            "word/document.xml",
            &format!("<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"),
        )],
    );
    grille(home.path())
        .args(["--study", s, "import"])
        .arg(&file)
        .assert()
        .success();
    let session = &session_files(&study)[0];
    let questions: Vec<Option<String>> = session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["question"].as_str().map(str::to_owned))
        .collect();
    let first = Some(reperage.questions[0].id.to_string());
    assert_eq!(
        questions,
        [
            None,
            None,
            first.clone(),
            first,
            Some(nb.id.to_string()),
            None
        ]
    );
}
