//! `grille import FILE.qdc|FILE.qdpx` on what other tools write: NVivo 12.6, ATLAS.ti 23,
//! Taguette, a QualCoder-like project with every oddity real files have, and hostile archives
//! that must be refused without a byte written.

mod common;
mod refi_support;

use std::collections::HashSet;
use std::path::Path;

use common::grille;
use predicates::prelude::*;
use refi_support::{fixture, init, snapshot, zip};

use grille::store::StudyDir;
use grille::study::{Session, Study, text};

/// The study at `dir` with every session.
fn load(dir: &Path) -> (Study, Vec<Session>) {
    let dir = StudyDir::open(dir).unwrap();
    let study = dir.load_study().unwrap();
    let sessions = dir
        .session_ids()
        .unwrap()
        .into_iter()
        .map(|id| dir.load_session(id, &study).unwrap().doc)
        .collect();
    (study, sessions)
}

/// The coded text of a coding, with its code's name and its coder.
fn coded(study: &Study, sessions: &[Session], coding: &str) -> (String, String, String) {
    for s in sessions {
        if let Some(c) = s.codings.iter().find(|c| c.id.to_string() == coding) {
            let seg = s.segment(c.segment).unwrap();
            return (
                text::slice(&seg.text, c.start, c.end).unwrap().to_owned(),
                study.codebook.get(c.code).unwrap().name.clone(),
                c.coder.clone(),
            );
        }
    }
    panic!("no coding {coding}");
}

#[test]
fn nvivo_12_project_every_code_source_and_coding_on_its_words() {
    let home = tempfile::tempdir().unwrap();
    let into = home.path().join("oltas");
    grille(home.path())
        .arg("import")
        .arg(fixture("nvivo12.6_win_oltas0517.qdpx"))
        .arg("--new")
        .arg(&into)
        .assert()
        .success()
        .stderr(predicate::str::contains("NVivo for Windows 12.6"))
        .stderr(predicate::str::contains(
            "unités UTF-16 (un emoji compte pour deux, comme NVivo), fin de ligne CRLF comptée pour deux",
        ))
        .stderr(predicate::str::contains("Codes : 152 ajouté(s)"))
        .stderr(predicate::str::contains("303 codage(s)"));
    let (study, sessions) = load(&into);

    // 152 codes in their hierarchy: 12 at the top, four levels at most.
    let book = &study.codebook;
    assert_eq!(book.codes.len(), 152);
    let top: Vec<&str> = book.children(None).map(|c| c.name.as_str()).collect();
    assert_eq!(top.len(), 12);
    assert_eq!(
        &top[..2],
        ["1. Oltás típusa", "2. Attitűd szint az oltáshoz"]
    );
    assert_eq!(book.tree().iter().map(|(d, _)| *d).max(), Some(3));
    let attitude = book.children(None).nth(1).unwrap();
    let colours: Vec<&str> = book
        .children(Some(attitude.id))
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(colours, ["piros", "sárga", "zöld"]);
    assert_eq!(
        attitude.description,
        "Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)"
    );

    // Two sources, their text a segment per non-empty line (15,273 CRLF lines each, 11 empty).
    assert_eq!(sessions.len(), 2);
    let mut names: Vec<&str> = sessions
        .iter()
        .map(|s| s.respondent.pseudonym.as_str())
        .collect();
    names.sort();
    assert_eq!(names, ["videos_10_selected", "videos_selection"]);
    assert!(sessions.iter().all(|s| s.segments.len() == 15_262));
    assert_eq!(sessions.iter().map(|s| s.codings.len()).sum::<usize>(), 303);

    // Codings whose text was worked out from the file by hand. NVivo counts UTF-16 units: an
    // emoji counts two, CR LF two, the BOM nothing. Source 68bbdc14:
    // - da50c6de (piros), 3137..3284: the 5 emoji before it make it chars 3132..3279, the
    //   whole comment on line 102;
    // - 0d6dfb12 (+Government), 2560..2616: no emoji before, three in it (6 units), so chars
    //   2560..2613, line 78 whole; counted in code points it would run 3 chars into line 79;
    // - a8f5ed5e (piros), 10148..10186: 8 emoji before, chars 10140..10178, line 174;
    // - 8baeeb2e, 50648..50702: 41 emoji before, chars 50607..50657: the whole of line 1079
    //   (a YouTube reply, hence "@@") and its CR LF, which is no segment text.
    let samples = [
        (
            "da50c6de-cd58-40da-a7e3-be4b82d7f00c",
            "Senkit nem lehet kötelezni oltásra, ilyet csak ostoba korlátolt agyi kapacitással rendelkező emberhulladék hozhat aki nem szaporodhat és nem élhet.",
            "piros",
        ),
        (
            "0d6dfb12-3593-4b5a-b86d-bd472ec8ae10",
            "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣",
            "+Government",
        ),
        (
            "a8f5ed5e-0d07-4818-89c3-19c4d1fed821",
            "tudatos hal äl reklám, hatalmas árulás",
            "piros",
        ),
        (
            "8baeeb2e-c368-4679-9b36-cc6203a0ebcd",
            "@@szilagyitamas2823 És milyen igazad lett!☝️👌👍👍👍",
            "kevés kockázat, bagatellizálás",
        ),
    ];
    for (coding, words, code) in samples {
        assert_eq!(
            coded(&study, &sessions, coding),
            (words.to_owned(), code.to_owned(), "Gergo".to_owned()),
            "coding {coding}"
        );
    }
}

#[test]
fn atlas_ti_codebook_into_the_current_study() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), false);
    let before = load(&study).0.codebook.codes.len();
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "import"])
        .arg(fixture("atlasti23_win_codebook_requal.qdc"))
        .assert()
        .success()
        .stderr(predicate::str::contains("ATLAS.ti Win 23.4.0"))
        .stderr(predicate::str::contains("Codes : 1 ajouté(s)"))
        .stderr(predicate::str::contains("ensemble « code group 1 »"));
    let (after, sessions) = load(&study);
    assert!(sessions.is_empty());
    assert_eq!(after.codebook.codes.len(), before + 1);
    let code = after.codebook.by_path("code1").unwrap();
    assert_eq!(code.id.to_string(), "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294");
    assert_eq!(code.name, "code1");
    assert_eq!(code.colour, "#46aa00");
    assert_eq!(code.description, "description");

    // Imported again, the code is recognised by its GUID: merged, not duplicated.
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "import"])
        .arg(fixture("atlasti23_win_codebook_requal.qdc"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Codes : 0 ajouté(s), 1 déjà dans l'étude",
        ));
    assert_eq!(load(&study).0.codebook.codes.len(), before + 1);
}

#[test]
fn taguette_flat_names_become_a_hierarchy_merged_by_path_on_request() {
    let home = tempfile::tempdir().unwrap();
    // Into a new study: `proxenetisme/conjugal` is `conjugal` under `proxenetisme`.
    let new = home.path().join("taguette");
    grille(home.path())
        .arg("import")
        .arg(fixture("taguette-1.5.2_codebook.qdc"))
        .arg("--new")
        .arg(&new)
        .assert()
        .success();
    let book = load(&new).0.codebook;
    let mut paths: Vec<String> = book
        .codes
        .iter()
        .map(|c| book.path(c.id).unwrap())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "echange-non-financier",
            "interesting",
            "proxenetisme",
            "proxenetisme/conjugal",
            "proxenetisme/hotelier"
        ]
    );
    assert_eq!(
        book.by_path("proxenetisme/conjugal")
            .unwrap()
            .id
            .to_string(),
        "dcdb3b2f-e39c-5022-b3f0-dcc75ccfaa73"
    );

    // Into the diagnostic study with --match-codes path: three of its codes are already there.
    let study = init(home.path(), false);
    let before = load(&study).0.codebook;
    grille(home.path())
        .args([
            "--study",
            study.to_str().unwrap(),
            "import",
            "--match-codes",
            "path",
        ])
        .arg(fixture("taguette-1.5.2_codebook.qdc"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Codes : 1 ajouté(s), 3 déjà dans l'étude",
        ));
    let after = load(&study).0.codebook;
    assert_eq!(after.codes.len(), before.codes.len() + 1);
    assert!(after.by_path("interesting").is_some());
    assert_eq!(
        after.by_path("proxenetisme/conjugal").unwrap(),
        before.by_path("proxenetisme/conjugal").unwrap()
    );
}

#[test]
fn a_colleagues_export_into_this_study_merges_codes_and_adds_sessions_once() {
    let home = tempfile::tempdir().unwrap();
    let theirs = init(home.path(), true);
    let file = home.path().join("collegue.qdpx");
    grille(home.path())
        .args(["--study", theirs.to_str().unwrap(), "export", "qdpx"])
        .args(["--with-identities", "-o"])
        .arg(&file)
        .assert()
        .success();
    let mine = home.path().join("mienne");
    grille(home.path())
        .args(["init", mine.to_str().unwrap()])
        .assert()
        .success();
    let definition = std::fs::read(mine.join("study.json")).unwrap();
    grille(home.path())
        .args(["--study", mine.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Codes : 0 ajouté(s), 49 déjà dans l'étude",
        ))
        .stderr(predicate::str::contains("Importé : 6 entretien(s)"));
    // Same template, so the same attributes: recognised by their labels, none added.
    assert_eq!(std::fs::read(mine.join("study.json")).unwrap(), definition);
    let (study, sessions) = load(&mine);
    let (_, originals) = load(&theirs);
    assert_eq!(sessions.len(), 6);
    for s in &sessions {
        let o = originals.iter().find(|o| o.id == s.id).unwrap();
        assert_eq!(s.respondent, o.respondent);
        assert_eq!(s.answers, o.answers);
        assert_eq!(s.segments, o.segments);
        // REFI-QDA has no "à citer" mark: a .qdpx does not carry it.
        let unmarked: Vec<_> = o
            .codings
            .iter()
            .cloned()
            .map(|mut c| {
                c.quote = None;
                c
            })
            .collect();
        assert_eq!(s.codings, unmarked);
        assert_eq!(s.memos, o.memos);
        assert_eq!(s.situations, o.situations);
    }
    assert_eq!(study.codebook.codes.len(), 49);

    // Twice: every source is already there and left as it is.
    let snapshot_before = snapshot(&mine.join("sessions"));
    grille(home.path())
        .args(["--study", mine.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "déjà dans l'étude (même identifiant)",
        ))
        .stderr(predicate::str::contains("Importé : 0 entretien(s)"));
    assert_eq!(snapshot(&mine.join("sessions")), snapshot_before);
}

/// Positions as QualCoder counts them: code points of the text read with its line endings
/// unified (CR LF is one), the BOM not counted.
fn qualcoder_span(text: &str, words: &str) -> (usize, usize) {
    let read = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let byte = read.find(words).unwrap();
    let start = read[..byte].chars().count();
    (start, start + words.chars().count())
}

const INES: &str = "{0C4E2A55-3A1B-4C2D-9E8F-1A2B3C4D5E6F}";

fn selection(guid: &str, quote: &str, (start, end): (usize, usize), code: &str) -> String {
    format!(
        "<PlainTextSelection guid=\"{guid}\" name=\"{quote}\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{INES}\" creationDateTime=\"2024-02-01T10:00:00\"><Coding guid=\"{}\" creatingUser=\"{INES}\"><CodeRef targetGUID=\"{code}\"/></Coding></PlainTextSelection>",
        guid.replace("aaaa", "bbbb")
    )
}

#[test]
fn what_real_tools_write_imports_and_what_cannot_is_named() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    let s1 = "\u{feff}ENQ : Vous habitez où ?\r\nMme L. : J'habite à l'hôtel du centre 🏨, depuis deux ans.\r\n\r\nC'est tout.\r\n";
    std::fs::write(dir.join("notes-s2.txt"), "Notes de terrain, relues.\n").unwrap();
    std::fs::write(dir.join("S4.txt"), "Compte rendu en chemin absolu.").unwrap();
    let (lieux, hotel) = (
        "11111111-aaaa-4000-8000-000000000001",
        "11111111-aaaa-4000-8000-000000000002",
    );
    let selections = [
        selection(
            "22222222-aaaa-4000-8000-000000000001",
            "l'hôtel du centre",
            qualcoder_span(s1, "l'hôtel du centre"),
            hotel,
        ),
        selection(
            "22222222-aaaa-4000-8000-000000000002",
            "deux ans",
            qualcoder_span(s1, "deux ans"),
            lieux,
        ),
        selection(
            "22222222-aaaa-4000-8000-000000000003",
            "",
            (500, 510),
            lieux,
        ),
        selection(
            "22222222-aaaa-4000-8000-000000000004",
            "la gare routière",
            (0, 7),
            lieux,
        ),
        // The speaker's label and the first word: the label is not transcript text.
        selection(
            "22222222-aaaa-4000-8000-000000000005",
            "",
            qualcoder_span(s1, "Mme L. : J'habite"),
            hotel,
        ),
    ]
    .concat();
    let qde = format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:0:4" name="Projet QualCoder" origin="QualCoder 3.5">
  <Users><User guid="{INES}" name="Inès"/></Users>
  <CodeBook><Codes>
    <Code guid="{lieux}" name="Lieux" isCodable="true" color="#abc"><Code guid="{hotel}" name="Hôtel" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-aaaa-4000-8000-000000000001" name="Entretien Inès" plainTextPath="internal://S1.txt" creatingUser="{INES}">{selections}</TextSource>
    <TextSource guid="33333333-aaaa-4000-8000-000000000002" name="Notes relatives" plainTextPath="relative://notes-s2.txt"/>
    <TextSource guid="33333333-aaaa-4000-8000-000000000003" name="Compte rendu Word" richTextPath="internal://S3.docx"/>
    <TextSource guid="33333333-aaaa-4000-8000-000000000004" name="Chemin absolu" plainTextPath="absolute://{}"/>
    <PDFSource guid="33333333-aaaa-4000-8000-000000000005" name="Rapport.pdf" path="internal://S5.pdf"/>
  </Sources>
</Project>"##,
        dir.join("S4.txt").display()
    );
    let file = dir.join("qualcoder.qdpx");
    std::fs::write(
        &file,
        zip(&[
            (".root", b""),
            ("project.qde", qde.as_bytes()),
            ("Sources/S1.txt", s1.as_bytes()),
            ("Sources/S3.docx", b"PK not really a docx"),
        ]),
    )
    .unwrap();
    let into = dir.join("etude");
    grille(dir)
        .arg("import")
        .arg(&file)
        .arg("--new")
        .arg(&into)
        .assert()
        .success()
        .stderr(predicate::str::contains("caractères Unicode, fin de ligne CRLF comptée pour un"))
        .stderr(predicate::str::contains(
            "sélection 22222222-aaaa-4000-8000-000000000003 (source « Entretien Inès ») : positions 500–510 hors du texte",
        ))
        .stderr(predicate::str::contains(
            "sélection 22222222-aaaa-4000-8000-000000000004 (source « Entretien Inès ») : le texte à ces positions n'est pas celui qu'elle cite (« la gare routière »)",
        ))
        .stderr(predicate::str::contains(
            "source « Compte rendu Word » : seul un fichier de texte riche (internal://S3.docx)",
        ))
        .stderr(predicate::str::contains("source « Rapport.pdf » (PDFSource)"))
                .stderr(predicate::str::contains("Lu hors de l'archive"))
        .stderr(predicate::str::contains("1 codage(s) réduit(s) au texte des segments"))
        .stderr(predicate::str::contains("Importé : 3 entretien(s)"));
    let (study, sessions) = load(&into);
    let lieux_code = study.codebook.by_path("lieux").unwrap();
    assert_eq!(lieux_code.colour, "#aabbcc");
    assert_eq!(sessions.len(), 3);
    let s1 = sessions
        .iter()
        .find(|s| s.respondent.pseudonym == "Entretien Inès")
        .unwrap();
    let texts: Vec<(&str, grille::study::Speaker, Option<&str>)> = s1
        .segments
        .iter()
        .map(|s| (s.text.as_str(), s.speaker, s.speaker_label.as_deref()))
        .collect();
    use grille::study::Speaker::{Interviewer, Respondent};
    assert_eq!(
        texts,
        [
            ("Vous habitez où ?", Interviewer, None),
            (
                "J'habite à l'hôtel du centre 🏨, depuis deux ans.",
                Respondent,
                Some("Mme L.")
            ),
            ("C'est tout.", Respondent, Some("Mme L.")),
        ]
    );
    assert_eq!(s1.interviewer, "Inès");
    let codings: HashSet<(String, String, String)> = s1
        .codings
        .iter()
        .map(|c| {
            (
                text::slice(&s1.segment(c.segment).unwrap().text, c.start, c.end)
                    .unwrap()
                    .to_owned(),
                study.codebook.get(c.code).unwrap().name.clone(),
                c.coder.clone(),
            )
        })
        .collect();
    assert_eq!(
        codings,
        HashSet::from([
            (
                "l'hôtel du centre".to_owned(),
                "Hôtel".to_owned(),
                "Inès".to_owned()
            ),
            ("deux ans".to_owned(), "Lieux".to_owned(), "Inès".to_owned()),
            ("J'habite".to_owned(), "Hôtel".to_owned(), "Inès".to_owned()),
        ])
    );
    let others: HashSet<&str> = sessions
        .iter()
        .filter(|s| s.id != s1.id)
        .map(|s| s.segments[0].text.as_str())
        .collect();
    assert_eq!(
        others,
        HashSet::from([
            "Notes de terrain, relues.",
            "Compte rendu en chemin absolu."
        ])
    );
}

#[test]
fn a_write_that_fails_half_way_takes_back_what_it_had_written() {
    use grille::interop::refi::{apply, import};
    let home = tempfile::tempdir().unwrap();
    let root = init(home.path(), false);
    let qde = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="11111111-aaaa-4000-8000-000000000001" name="Nouveau code" isCodable="true"/></Codes></CodeBook>
  <Variables><Variable guid="44444444-aaaa-4000-8000-000000000001" name="Ancienneté" typeOfVariable="Integer"/></Variables>
  <Cases><Case guid="55555555-aaaa-4000-8000-000000000001" name="R9">
    <VariableValue><VariableRef targetGUID="44444444-aaaa-4000-8000-000000000001"/><IntegerValue>12</IntegerValue></VariableValue>
    <SourceRef targetGUID="33333333-aaaa-4000-8000-000000000001"/>
  </Case></Cases>
  <Sources><TextSource guid="33333333-aaaa-4000-8000-000000000001" name="s" plainTextPath="internal://s.txt">
    <PlainTextSelection guid="22222222-aaaa-4000-8000-000000000001" startPosition="0" endPosition="5"><Coding guid="22222222-bbbb-4000-8000-000000000001"><CodeRef targetGUID="11111111-aaaa-4000-8000-000000000001"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>"#;
    let file = home.path().join("p.qdpx");
    std::fs::write(
        &file,
        zip(&[
            ("project.qde", qde.as_bytes()),
            ("sources/s.txt", "Texte de l'entretien.".as_bytes()),
        ]),
    )
    .unwrap();
    let dir = StudyDir::open(&root).unwrap();
    let before = dir.load_study().unwrap();
    let input = import::input::read(&file).unwrap();
    let options = import::Options {
        matching: import::Matching::Guid,
        someone: "Camille".into(),
        now: common::time("2024-01-01T00:00:00Z"),
    };
    let ids = HashSet::new();
    let mut plan = import::plan(&input, Some((&before, &ids)), &options).unwrap();
    assert!(plan.meta_changed && plan.added_codes.len() == 1 && plan.sessions.len() == 1);
    // The sessions are written last; one of them now breaks the rules, so that writing them
    // fails after the attribute and the code were journalled.
    let mut broken = plan.sessions[0].codings[0].clone();
    broken.id = grille::study::CodingId::new();
    broken.code = grille::study::CodeId::new();
    plan.sessions[0].codings.push(broken);
    assert!(apply::into_existing(&dir, &before, &plan).is_err());
    let mut after = dir.load_study().unwrap();
    after.meta.revision = before.meta.revision;
    after.codebook.revision = before.codebook.revision;
    assert_eq!(after, before, "attribute and code taken back");
    assert!(dir.session_ids().unwrap().is_empty());
}

#[test]
fn a_code_merged_since_takes_the_codings_of_the_file_under_the_code_it_went_into() {
    let home = tempfile::tempdir().unwrap();
    let theirs = init(home.path(), true);
    let file = home.path().join("avant.qdpx");
    grille(home.path())
        .args(["--study", theirs.to_str().unwrap(), "export", "qdpx"])
        .args(["--with-identities", "-o"])
        .arg(&file)
        .assert()
        .success();
    let mine = home.path().join("mienne");
    grille(home.path())
        .args(["init", mine.to_str().unwrap()])
        .assert()
        .success();
    // In this study « Hôtel » was merged into « Appartement » since.
    grille(home.path())
        .args([
            "--study",
            mine.to_str().unwrap(),
            "codebook",
            "merge",
            "lieux/hotel",
            "lieux/appartement",
        ])
        .assert()
        .success();
    grille(home.path())
        .args(["--study", mine.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Codes : 0 ajouté(s), 49 déjà dans l'étude",
        ))
        .stderr(predicate::str::contains(
            "« Hôtel » fusionné avec lieux/appartement",
        ));
    let (study, sessions) = load(&mine);
    assert!(
        study.codebook.by_path("lieux/hotel").is_none(),
        "not brought back"
    );
    let appartement = study.codebook.by_path("lieux/appartement").unwrap().id;
    let hotel: grille::study::CodeId = "fb3aa423-c61f-5016-a0ea-beb586a4e947".parse().unwrap();
    let (_, originals) = load(&theirs);
    let before = |code| {
        originals
            .iter()
            .flat_map(|s| &s.codings)
            .filter(|c| c.code == code)
            .count()
    };
    let after = sessions
        .iter()
        .flat_map(|s| &s.codings)
        .filter(|c| c.code == appartement)
        .count();
    assert!(before(hotel) > 0);
    assert_eq!(after, before(hotel) + before(appartement));
}
