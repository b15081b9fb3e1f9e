//! `grille export qdc|qdpx` as a user runs it, and the round trip: a study exported to REFI-QDA
//! and imported again is the same study (the example sessions, and a study with French text and
//! emoji), whole with grille's `grille.json`, and in codes, codings, attributes and memos when
//! the project went through another tool that dropped it.

mod common;
mod refi_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{grille, study_in, time};
use predicates::prelude::*;
use refi_support::{assert_same, assert_valid, fixture, init, study_json, unzip, zip};

use grille::store::StudyDir;
use grille::study::{
    Code, CodeId, CodebookChange, Coding, CodingId, Consent, Excerpt, Memo, MemoId, Recording,
    Respondent, Segment, SegmentId, Session, Situation, SituationId, Speaker, Status, Value,
    ValueKind, text,
};

/// The round trips carry everything: names, identifying attributes and places included.
fn export_qdpx(home: &Path, study: &Path, out: &Path) {
    grille(home)
        .args([
            "--study",
            study.to_str().unwrap(),
            "export",
            "qdpx",
            "--with-identities",
            "-o",
        ])
        .arg(out)
        .assert()
        .success()
        .stderr(predicate::str::contains("Écrit"));
}

fn import_new(home: &Path, file: &Path, into: &Path) -> String {
    let out = grille(home)
        .arg("import")
        .arg(file)
        .arg("--new")
        .arg(into)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn the_exported_project_validates_and_is_the_same_twice() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let (a, b) = (home.path().join("a.qdpx"), home.path().join("b.qdpx"));
    export_qdpx(home.path(), &study, &a);
    export_qdpx(home.path(), &study, &b);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(
        bytes,
        std::fs::read(&b).unwrap(),
        "GUIDs and dates come from the study"
    );

    let entries = unzip(&bytes);
    let sources: Vec<&String> = entries
        .keys()
        .filter(|k| k.starts_with("sources/"))
        .collect();
    assert_eq!(sources.len(), 6, "a text per example session: {sources:?}");
    assert!(entries.contains_key("grille.json"));
    let qde = home.path().join("project.qde");
    std::fs::write(&qde, &entries["project.qde"]).unwrap();
    assert_valid(&fixture("Project-mrt2019.xsd"), &qde);

    // R02's session: its first segment (the interviewer at 14:03:20, the session started at
    // 14:03:00) is the first line of its text, led by its time and speaker.
    let text =
        String::from_utf8(entries["sources/a3e75331-a597-521f-85d5-d75e37aabffb.txt"].clone())
            .unwrap();
    assert!(text.starts_with("[00:00:20] ENQ : Avant de commencer : tout est anonyme"));
    assert!(text.contains("\n[00:01:25] R02 : Oui, ça me va."));
    // Each coding's selection points at its words in that text: the coding of "18–25 ans"
    // 24..44 in segment f3fffda8 is found at the positions the project gives.
    let project = String::from_utf8(entries["project.qde"].clone()).unwrap();
    let session: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(study.join("sessions/a3e75331-a597-521f-85d5-d75e37aabffb.json"))
            .unwrap(),
    )
    .unwrap();
    let coding = session["codings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["segment"] == "f3fffda8-e5e6-5602-8255-de7528668b81" && c["start"] == 24)
        .unwrap();
    let segment_text = session["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == coding["segment"])
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let coded: String = segment_text.chars().skip(24).take(20).collect();
    let id = coding["id"].as_str().unwrap();
    let at = project.find(&format!("<Coding guid=\"{id}\"")).unwrap();
    let selection = &project[project[..at].rfind("<PlainTextSelection").unwrap()..at];
    let position = |name: &str| -> usize {
        let from = selection.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        selection[from..from + selection[from..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let chars: Vec<char> = text.chars().collect();
    let in_source: String = chars[position("startPosition")..position("endPosition")]
        .iter()
        .collect();
    assert_eq!(in_source, coded);
    // Interviews keep their shape: the grid is a branch of codes, closed answers and
    // attributes are variables on the respondents' cases.
    assert!(project.contains("name=\"Grille d'entretien\" isCodable=\"false\""));
    assert!(project.contains("name=\"deja_identifie\" typeOfVariable=\"Boolean\""));
    assert!(project.contains("<Case guid="));
    assert!(project.contains("<TextValue>Santé</TextValue>"));
    assert!(project.contains("À utiliser : "));
}

#[test]
fn the_exported_codebook_validates_to_a_file_or_stdout() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), false);
    let qdc = home.path().join("livre.qdc");
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "export", "qdc", "-o"])
        .arg(&qdc)
        .assert()
        .success();
    assert_valid(&fixture("Codebook-1.0.xsd"), &qdc);
    let text = std::fs::read_to_string(&qdc).unwrap();
    assert!(text.contains(
        "<Code guid=\"c2d86c31-6835-5bcc-9c1e-b0ada406639d\" name=\"Proxénétisme conjugal\" isCodable=\"true\""
    ));
    assert!(
        !text.contains("Grille d'entretien"),
        "a codebook holds the codes only"
    );
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "export", "qdc"])
        .assert()
        .success()
        .stdout(predicate::eq(text));
}

#[test]
fn a_project_needs_a_file_to_write() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), false);
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "export", "qdpx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o FICHIER.qdpx"));
}

#[test]
fn the_example_study_comes_back_whole() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let file = home.path().join("etude.qdpx");
    export_qdpx(home.path(), &study, &file);
    let copy = home.path().join("copie");
    let said = import_new(home.path(), &file, &copy);
    assert!(said.contains("Importé : 6 entretien(s)"), "{said}");
    assert_same(&study_json(&copy), &study_json(&study));
}

/// What another tool keeps of a study: codes with their definitions, codings on their words,
/// attributes and answers, memos, situations, segments' text, speakers and questions.
fn meaning(dir: &Path) -> BTreeMap<String, serde_json::Value> {
    let dir = StudyDir::open(dir).unwrap();
    let study = dir.load_study().unwrap();
    let mut out = BTreeMap::new();
    for c in &study.codebook.codes {
        out.insert(
            format!("code {}", c.id),
            serde_json::json!([
                c.name,
                c.colour,
                c.description,
                c.use_when,
                c.dont_use_when,
                c.example,
                c.parent
            ]),
        );
    }
    // Keys are grille's: another tool knows attributes by their labels.
    let labels = |attrs: &[grille::study::Attribute]| -> Vec<String> {
        attrs.iter().map(|a| a.label.clone()).collect()
    };
    // An attribute no situation uses cannot be told from a respondent's: compared together.
    let mut all = labels(&study.meta.respondent_attributes);
    all.extend(labels(&study.meta.situation_attributes));
    all.sort();
    out.insert("attributes".into(), serde_json::json!(all));
    // Without grille's extras another tool only knows values as text: compared as shown.
    let attrs = |defs: &[grille::study::Attribute],
                 values: &BTreeMap<String, Value>|
     -> BTreeMap<String, String> {
        values
            .iter()
            .map(|(k, v)| {
                let def = defs.iter().find(|a| &a.key == k).unwrap();
                (def.label.clone(), shown(&def.kind, v))
            })
            .collect()
    };
    for id in dir.session_ids().unwrap() {
        let s = dir.load_session(id, &study).unwrap().doc;
        let seg_text = |seg: SegmentId| s.segment(seg).unwrap().text.clone();
        let mut codings: Vec<serde_json::Value> = s
            .codings
            .iter()
            .map(|c| {
                let t = text::slice(&seg_text(c.segment), c.start, c.end)
                    .unwrap()
                    .to_owned();
                serde_json::json!([c.code, c.coder, c.at, t, c.memo])
            })
            .collect();
        codings.sort_by_key(|v| v.to_string());
        let memos: Vec<serde_json::Value> = s
            .memos
            .iter()
            .map(|m| serde_json::json!([m.author, m.at, m.text, m.segment.map(seg_text)]))
            .collect();
        let situations: Vec<serde_json::Value> = s
            .situations
            .iter()
            .map(|x| {
                let excerpts: Vec<String> = x
                    .excerpts
                    .iter()
                    .map(|e| {
                        text::slice(&seg_text(e.segment), e.start, e.end)
                            .unwrap()
                            .to_owned()
                    })
                    .collect();
                serde_json::json!([
                    x.label,
                    attrs(&study.meta.situation_attributes, &x.attributes),
                    excerpts
                ])
            })
            .collect();
        // A segment of several lines comes back as a segment per line; the speaker as a reader
        // sees them in the text: their label, else their role.
        let pseudonym = s.respondent.pseudonym.clone();
        let segments: Vec<serde_json::Value> = s
            .segments
            .iter()
            .flat_map(|seg| {
                let who = match &seg.speaker_label {
                    Some(label) if *label != pseudonym => serde_json::json!(label),
                    _ => serde_json::json!(seg.speaker),
                };
                seg.text
                    .lines()
                    .map(move |line| serde_json::json!([line, who, seg.question]))
            })
            .collect();
        let parts = serde_json::json!({
            "pseudonym": s.respondent.pseudonym,
            "attributes": attrs(&study.meta.respondent_attributes, &s.respondent.attributes),
            "interviewer": s.interviewer,
            "started": s.started,
            "answers": s.answers.iter().map(|(q, v)| {
                let question = study.grid.question(*q).unwrap().1;
                (q.to_string(), shown(&question.kind, v))
            }).collect::<BTreeMap<_, _>>(),
            "codings": codings,
            "memos": memos,
            "situations": situations,
            "segments": segments,
        });
        refi_support::flatten(&format!("session {id}"), &parts, &mut out);
    }
    out
}

/// A value as people read it: an option's label, several joined with `; `.
fn shown(kind: &ValueKind, value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Text(t) => kind.option_label(t).unwrap_or(t).to_owned(),
        Value::List(keys) => keys
            .iter()
            .map(|k| kind.option_label(k).unwrap_or(k))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The archive as a tool that does not know grille writes it back: without `grille.json`.
fn without_extension(file: &Path) -> PathBuf {
    let entries = unzip(&std::fs::read(file).unwrap());
    let kept: Vec<(&str, &[u8])> = entries
        .iter()
        .filter(|(name, _)| *name != "grille.json")
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .collect();
    let out = file.with_extension("other.qdpx");
    std::fs::write(&out, zip(&kept)).unwrap();
    out
}

#[test]
fn through_another_tool_codes_codings_attributes_and_memos_survive() {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let file = home.path().join("etude.qdpx");
    export_qdpx(home.path(), &study, &file);
    let copy = home.path().join("copie");
    import_new(home.path(), &without_extension(&file), &copy);
    assert_same(&meaning(&copy), &meaning(&study));
}

/// A study of French text with emoji, flags, ZWJ sequences and a segment of two lines, coded
/// on those characters, with memos of every kind, a situation, attributes and answers.
fn french_and_emoji_study(root: &Path) -> StudyDir {
    let (dir, mut study) = study_in(root, false);
    let (mut book, _) = dir.open_codebook().unwrap();
    let hotel = Code {
        id: CodeId::new(),
        slug: "hotel-gare".into(),
        name: "Hôtel près de la gare 🏨".into(),
        colour: "#c0392b".into(),
        description: "Passages sur l'hôtel « Le Relais ».\nDeux lignes.".into(),
        use_when: "la personne nomme l'hôtel".into(),
        dont_use_when: "un autre hôtel".into(),
        example: "« à l'hôtel, près de la gare »".into(),
        parent: study.codebook.by_path("lieux").map(|c| c.id),
    };
    book.apply(
        CodebookChange::AddCode {
            code: hotel.clone(),
            after: None,
            signed: None,
        },
        &(),
    )
    .unwrap();
    study = dir.load_study().unwrap();
    let code = |path: &str| study.codebook.by_path(path).unwrap().id;
    let q = |key: &str| study.grid.question_by_key(key).unwrap().1.id;
    let at = |s: &str| time(&format!("2021-06-03T{s}+02:00"));
    let seg = |speaker, label: Option<&str>, question, start: Option<&str>, text: &str| Segment {
        id: SegmentId::new(),
        question,
        speaker,
        speaker_label: label.map(str::to_owned),
        start: start.map(at),
        end: start.map(|s| at(s) + chrono::TimeDelta::seconds(30)),
        recording: None,
        text: text.into(),
    };
    let mut segments = vec![
        seg(
            Speaker::Interviewer,
            None,
            Some(q("consentement")),
            Some("10:00:05"),
            "Vous acceptez que je note ? C'est anonyme.",
        ),
        seg(
            Speaker::Respondent,
            Some("Mme B."),
            Some(q("lieux")),
            Some("10:01:00"),
            "Oui 😀. J'ai vu des jeunes femmes à l'hôtel « Le Relais » 👩‍👩‍👧 ; c'était en 2019…",
        ),
        seg(
            Speaker::Respondent,
            Some("Mme B."),
            None,
            None,
            "Ça s'est passé près de la gare 🇫🇷, à Thiers. Niña, 17 ans 👍🏽.",
        ),
        seg(
            Speaker::Interviewer,
            Some("Camille"),
            None,
            Some("10:03:10"),
            "Première ligne\nDeuxième ligne, avec\tune tabulation.",
        ),
    ];
    // A passage placed only in the recording (its date unknown): 3 min 5.25 s in.
    segments[2].recording = Some(Recording {
        start: std::time::Duration::from_millis(185_250),
        end: Some(std::time::Duration::from_millis(190_000)),
    });
    let ids: Vec<SegmentId> = segments.iter().map(|s| s.id).collect();
    let span = |i: usize, what: &str| -> (SegmentId, usize, usize) {
        let t = &segments[i].text;
        let byte = t.find(what).unwrap();
        let start = t[..byte].chars().count();
        (ids[i], start, start + what.chars().count())
    };
    let coding = |(segment, start, end): (SegmentId, usize, usize),
                  code,
                  coder: &str,
                  memo: Option<&str>| Coding {
        id: CodingId::new(),
        segment,
        start,
        end,
        code,
        coder: coder.into(),
        at: at("11:00:00"),
        memo: memo.map(str::to_owned),
        quote: None,
    };
    let mut s = Session::new(
        "Camille Roux".into(),
        Respondent {
            pseudonym: "Mme B. 🙂".into(),
            attributes: [
                ("secteur".to_owned(), Value::Text("social".into())),
                ("territoire".to_owned(), Value::Text("thiers".into())),
                (
                    "fonction".to_owned(),
                    Value::Text("Éducatrice spécialisée 🙂".into()),
                ),
            ]
            .into(),
        },
    );
    s.consent = Some(Consent {
        given: true,
        at: at("09:59:00"),
    });
    s.started = Some(at("10:00:00"));
    s.ended = Some(at("10:45:00"));
    s.location = "Foyer, salle « Les Tilleuls »".into();
    s.status = Status::Done;
    s.answers = [
        (q("deja_identifie"), Value::Bool(true)),
        (q("nb_personnes"), Value::Number(7.0)),
        (
            q("lieux"),
            Value::List(vec!["hotel".into(), "bar-club".into()]),
        ),
        (q("aisance"), Value::Number(4.0)),
    ]
    .into();
    s.codings = vec![
        coding(span(1, "😀"), code("lieux"), "Inès Lefèvre", None),
        coding(
            span(1, "👩‍👩‍👧"),
            code("profil/genre"),
            "Zoé",
            Some("Mémo : une famille ? 🤔"),
        ),
        coding(
            span(1, "à l'hôtel « Le Relais »"),
            hotel.id,
            "Inès Lefèvre",
            None,
        ),
        coding(
            span(
                2,
                "Ça s'est passé près de la gare 🇫🇷, à Thiers. Niña, 17 ans 👍🏽.",
            ),
            code("profil/age/mineurs"),
            "Zoé",
            None,
        ),
        coding(
            span(2, "🇫🇷"),
            code("profil/nationalite/francaise"),
            "Zoé",
            None,
        ),
        coding(
            span(3, "Deuxième ligne"),
            code("besoins/formation"),
            "Inès Lefèvre",
            None,
        ),
    ];
    s.memos = vec![
        Memo {
            id: MemoId::new(),
            author: "Zoé".into(),
            at: at("12:00:00"),
            segment: None,
            text: "Entretien riche ; rappeler en septembre 📞.".into(),
        },
        Memo {
            id: MemoId::new(),
            author: "Inès Lefèvre".into(),
            at: at("12:05:00"),
            segment: Some(ids[1]),
            text: "« Le Relais » : vérifier le nom.\nDeuxième ligne du mémo.".into(),
        },
    ];
    let (e_seg, e_start, e_end) = span(1, "des jeunes femmes à l'hôtel");
    s.situations = vec![Situation {
        id: SituationId::new(),
        label: "Jeune femme à l'hôtel 🏨".into(),
        attributes: [
            ("genre".to_owned(), Value::Text("femme".into())),
            (
                "lieux".to_owned(),
                Value::List(vec!["hotel".into(), "appartement".into()]),
            ),
            ("precarite".to_owned(), Value::Text("oui".into())),
        ]
        .into(),
        excerpts: vec![Excerpt {
            segment: e_seg,
            start: e_start,
            end: e_end,
        }],
        same_person_as: None,
    }];
    // The same young woman, seen again: a second situation linked to the first.
    let (f_seg, f_start, f_end) = span(2, "Niña, 17 ans 👍🏽");
    s.situations.push(Situation {
        id: SituationId::new(),
        label: "Niña, mineure".into(),
        attributes: [("age".to_owned(), Value::Text("mineur".into()))].into(),
        excerpts: vec![Excerpt {
            segment: f_seg,
            start: f_start,
            end: f_end,
        }],
        same_person_as: Some(s.situations[0].id),
    });
    s.segments = segments;
    dir.create_session(s, &study).unwrap();
    let mut other = Session::new(
        "Léa Martin".into(),
        Respondent {
            pseudonym: "R-é 2".into(),
            attributes: Default::default(),
        },
    );
    other.started = Some(at("15:00:00"));
    other.segments = vec![seg(
        Speaker::Respondent,
        None,
        None,
        None,
        "Rien à signaler, «\u{a0}vraiment\u{a0}».",
    )];
    dir.create_session(other, &study).unwrap();
    dir
}

#[test]
fn a_french_study_with_emoji_comes_back_whole_and_through_another_tool() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    french_and_emoji_study(&root);
    let file = home.path().join("etude.qdpx");
    export_qdpx(home.path(), &root, &file);
    let qde = home.path().join("project.qde");
    std::fs::write(&qde, &unzip(&std::fs::read(&file).unwrap())["project.qde"]).unwrap();
    assert_valid(&fixture("Project-mrt2019.xsd"), &qde);

    let copy = home.path().join("copie");
    import_new(home.path(), &file, &copy);
    assert_same(&study_json(&copy), &study_json(&root));

    let other = home.path().join("autre");
    let said = import_new(home.path(), &without_extension(&file), &other);
    assert!(said.contains("6 codage(s)"), "{said}");
    assert_same(&meaning(&other), &meaning(&root));
}
