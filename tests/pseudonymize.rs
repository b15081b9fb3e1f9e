//! `grille pseudonymize` and `grille check --privacy` run as an analyst runs them, on French
//! transcripts written through the store: proposals reviewed with answers on stdin or by id,
//! the session files read back (texts, codings), the key table's place and mode, the study
//! folder searched for what was replaced, and undo.

mod common;

use predicates::prelude::PredicateBooleanExt;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{grille, new_session, study_in, time};
use grille::store::StudyDir;
use grille::study::{
    Coding, CodingId, Consent, Memo, MemoId, Segment, SegmentId, Session, SessionChange, SessionId,
    Situation, SituationId, Speaker, Study, text,
};

const R10_A: &str = "J'ai rencontré Jean-Marie de la Tour à l'hôtel de la gare, il m'a donné \
                     son numéro, le 06 12 34 56 78.";
const R10_B: &str = "Elle écrivait à jm.delatour@exemple.fr depuis le foyer. Marie a 16 ans.";
const R11_A: &str = "Le même Jean-Marie de la Tour passe aussi au Cecler, et Mme Ferrandi \
                     l'appelle au +33 6 98 76 54 32.";

struct Fixture {
    home: tempfile::TempDir,
    study: PathBuf,
    dir: StudyDir,
    def: Study,
    r10: SessionId,
    r11: SessionId,
    on_name: CodingId,
    on_station: CodingId,
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

fn coding(s: &Session, def: &Study, words: &str) -> Coding {
    let seg = &s.segments[0];
    let start = text::char_len(&seg.text[..seg.text.find(words).unwrap()]);
    Coding {
        id: CodingId::new(),
        segment: seg.id,
        start,
        end: start + words.chars().count(),
        code: def.codebook.codes[0].id,
        coder: "Léa Martin".into(),
        at: time("2021-09-14T10:00:00+02:00"),
        memo: None,
        quote: None,
    }
}

fn session(pseudonym: &str, texts: &[&str], day: &str) -> Session {
    let mut s = new_session(pseudonym);
    s.consent = Some(Consent {
        given: true,
        at: time(&format!("{day}T10:00:00+02:00")),
    });
    s.started = Some(time(&format!("{day}T10:01:00+02:00")));
    s.segments = texts.iter().map(|t| segment(t)).collect();
    s
}

fn fixture() -> Fixture {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    let (dir, def) = study_in(&study, false);
    let mut r10 = session("R10", &[R10_A, R10_B], "2021-04-12");
    let name = coding(&r10, &def, "Jean-Marie de la Tour à l'hôtel");
    let station = coding(&r10, &def, "l'hôtel de la gare");
    let (on_name, on_station) = (name.id, station.id);
    r10.codings = vec![name, station];
    let r11 = session("R11", &[R11_A], "2021-04-13");
    let (id10, id11) = (r10.id, r11.id);
    for s in [r10, r11] {
        dir.create_session(s, &def).unwrap().checkpoint().unwrap();
    }
    Fixture {
        home,
        study,
        dir,
        def,
        r10: id10,
        r11: id11,
        on_name,
        on_station,
    }
}

impl Fixture {
    fn run(&self, args: &[&str], stdin: &str) -> assert_cmd::assert::Assert {
        grille(self.home.path())
            .args(["--study", self.study.to_str().unwrap(), "pseudonymize"])
            .args(args)
            .write_stdin(stdin)
            .assert()
    }

    fn list(&self) -> Vec<serde_json::Value> {
        let out = self
            .run(&["list", "--json"], "")
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    fn session(&self, id: SessionId) -> Session {
        self.dir.load_session(id, &self.def).unwrap().doc
    }

    fn texts(&self, id: SessionId) -> Vec<String> {
        self.session(id)
            .segments
            .iter()
            .map(|s| s.text.clone())
            .collect()
    }

    fn coded(&self, id: SessionId, coding: CodingId) -> String {
        let s = self.session(id);
        let c = s.coding(coding).unwrap();
        let seg = s.segment(c.segment).unwrap();
        text::slice(&seg.text, c.start, c.end).unwrap().to_owned()
    }

    fn keys(&self) -> PathBuf {
        self.home
            .path()
            .join("data/grille/pseudonyms")
            .join(format!("{}.json", self.def.meta.id))
    }
}

/// Every file under `dir` whose bytes contain `needle`, ignoring ASCII case.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.to_lowercase();
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(holding(&path, &needle));
        } else {
            let bytes = std::fs::read(&path).unwrap().to_ascii_lowercase();
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn proposals_cover_names_with_particles_phones_emails_ages_in_french_text() {
    let f = fixture();
    let found: Vec<(String, String, u64)> = f
        .list()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_owned(),
                p["text"].as_str().unwrap().to_owned(),
                p["occurrences"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, u64)> = [
        ("person", "Jean-Marie de la Tour", 2),
        ("phone", "06 12 34 56 78", 1),
        ("email", "jm.delatour@exemple.fr", 1),
        ("person", "Marie", 1),
        ("age", "16 ans", 1),
        ("person", "Ferrandi", 1),
        ("phone", "+33 6 98 76 54 32", 1),
    ]
    .iter()
    .map(|(k, t, n)| (k.to_string(), t.to_string(), *n))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn reviewed_on_stdin_replaced_everywhere_codings_kept_keys_apart_and_undo_restores() {
    let f = fixture();
    // In list order: accept all but the age, which the analyst keeps.
    let answers: String = f
        .list()
        .iter()
        .map(|p| match p["kind"].as_str().unwrap() {
            "age" => "n\n",
            _ => "o\n",
        })
        .collect();
    // The index holds the words before: it must lose them.
    grille(f.home.path())
        .args(["--study", f.study.to_str().unwrap(), "index", "rebuild"])
        .assert()
        .success();
    assert!(!holding(&f.study.join("index"), "ferrandi").is_empty());
    let out = f.run(&[], &answers).success().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("6 acceptée(s), 1 rejetée(s), 0 laissée(s)"),
        "{err}"
    );
    assert!(
        err.contains("7 remplacement(s) dans 2 entretien(s)"),
        "{err}"
    );
    assert!(err.contains("NON chiffrée"), "{err}");
    assert_eq!(
        f.texts(f.r10),
        [
            "J'ai rencontré [PERSONNE-1] à l'hôtel de la gare, il m'a donné son numéro, le [TELEPHONE-1].",
            "Elle écrivait à [EMAIL-1] depuis le foyer. [PERSONNE-2] a 16 ans.",
        ]
    );
    assert_eq!(
        f.texts(f.r11),
        [
            "Le même [PERSONNE-1] passe aussi au Cecler, et Mme [PERSONNE-3] l'appelle au [TELEPHONE-2]."
        ]
    );
    assert_eq!(f.coded(f.r10, f.on_name), "[PERSONNE-1] à l'hôtel");
    assert_eq!(f.coded(f.r10, f.on_station), "l'hôtel de la gare");
    // Nothing replaced is left in the study folder, its index included.
    for gone in [
        "Jean-Marie",
        "Ferrandi",
        "06 12 34 56 78",
        "delatour",
        "98 76 54 32",
    ] {
        assert_eq!(holding(&f.study, gone), Vec::<PathBuf>::new(), "{gone}");
    }
    // The key table: outside the study, private, original → pseudonym.
    let keys = f.keys();
    assert!(!keys.starts_with(&f.study));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&keys), 0o600);
    assert_eq!(mode(keys.parent().unwrap()), 0o700);
    let table: serde_json::Value = serde_json::from_slice(&std::fs::read(&keys).unwrap()).unwrap();
    let pairs: Vec<(&str, &str)> = table["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["original"].as_str().unwrap(),
                e["pseudonym"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("Jean-Marie de la Tour", "[PERSONNE-1]")),
        "{pairs:?}"
    );
    assert!(pairs.contains(&("Ferrandi", "[PERSONNE-3]")), "{pairs:?}");
    assert!(
        pairs.contains(&("+33 6 98 76 54 32", "[TELEPHONE-2]")),
        "{pairs:?}"
    );
    // Nothing left to review: the age was rejected.
    assert!(f.list().is_empty());

    f.run(&["undo"], "")
        .success()
        .stderr(predicates::str::contains(
            "7 remplacement(s) annulé(s) dans 2 entretien(s)",
        ));
    assert_eq!(f.texts(f.r10), [R10_A, R10_B]);
    assert_eq!(f.texts(f.r11), [R11_A]);
    assert_eq!(f.coded(f.r10, f.on_name), "Jean-Marie de la Tour à l'hôtel");
    assert_eq!(f.coded(f.r10, f.on_station), "l'hôtel de la gare");
    // Proposed again (but not the rejected age); nothing more to undo.
    let again: Vec<String> = f.list().iter().map(|p| p["status"].to_string()).collect();
    assert_eq!(again.len(), 6);
    assert!(again.iter().all(|s| s == "\"unreviewed\""), "{again:?}");
    f.run(&["undo"], "")
        .success()
        .stderr(predicates::str::contains("Rien à annuler."));
}

#[test]
fn accepted_by_id_then_applied_the_same_to_a_session_added_later() {
    let f = fixture();
    let list = f.list();
    let id = list
        .iter()
        .find(|p| p["text"] == "Jean-Marie de la Tour")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    f.run(&["accept", &id], "")
        .success()
        .stderr(predicates::str::contains(
            "2 remplacement(s) dans 2 entretien(s)",
        ));
    // A later interview names him at the start of a sentence, where the detector would not
    // propose a single name: the accepted original is replaced wherever it is.
    let late = session(
        "R12",
        &["Jean-Marie de la Tour, je le connais."],
        "2021-05-02",
    );
    let late_id = late.id;
    f.dir
        .create_session(late, &f.def)
        .unwrap()
        .checkpoint()
        .unwrap();
    f.run(&["apply"], "")
        .success()
        .stderr(predicates::str::contains(
            "1 remplacement(s) dans 1 entretien(s)",
        ));
    assert_eq!(f.texts(late_id), ["[PERSONNE-1], je le connais."]);
    // An id nobody has is refused, nothing done.
    f.run(&["accept", "zzzz"], "")
        .code(2)
        .stderr(predicates::str::contains("aucune proposition « zzzz »"));
    f.run(&["reject"], "").code(2);
}

#[test]
fn names_come_from_stdin_never_the_command_line_and_keys_stay_out_of_the_study() {
    let f = fixture();
    let kowalski = session("R13", &["Kowalski est venue seule."], "2021-05-03");
    f.dir
        .create_session(kowalski, &f.def)
        .unwrap()
        .checkpoint()
        .unwrap();
    let texts = |f: &Fixture| -> Vec<String> {
        f.list()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        !texts(&f).contains(&"Kowalski".to_owned()),
        "a sentence start"
    );
    f.run(&["names"], "Kowalski\n\nkowalski\n")
        .success()
        .stderr(predicates::str::contains("1 ajouté(s) (1 dans la liste)."));
    assert!(texts(&f).contains(&"Kowalski".to_owned()));
    let inside = f.study.join("cles.json");
    f.run(&["--keys", inside.to_str().unwrap(), "list"], "")
        .code(2)
        .stderr(predicates::str::contains(
            "ne doit pas être dans le dossier de l'étude",
        ));
    assert!(!inside.exists());
}

#[test]
fn check_privacy_lists_what_is_unreviewed_wide_or_copied() {
    let f = fixture();
    std::fs::set_permissions(
        f.study.join("study.json"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::write(f.study.join("frequences.csv"), "code;n\n").unwrap();
    std::fs::set_permissions(
        f.study.join("frequences.csv"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let out = grille(f.home.path())
        .args(["--study", f.study.to_str().unwrap(), "check", "--privacy"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("7 proposition(s) de pseudonymisation à revoir"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  personne « Jean-Marie de la Tour » : 2 fois, dans 2 entretien(s)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  téléphone « 06 12 34 56 78 » : 1 fois"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  e-mail « jm.delatour@exemple.fr »"),
        "{stdout}"
    );
    assert!(stdout.contains("study.json : permissions 0644"), "{stdout}");
    assert!(
        stdout.contains("frequences.csv : copie ou reste de fichier"),
        "{stdout}"
    );
    assert!(stdout.contains("L'étude n'est pas chiffrée"), "{stdout}");
    assert!(stderr.contains("9 point(s) à examiner."), "{stderr}");
    // Reviewed, fixed, removed: nothing left but what is true of every unencrypted study.
    let answers = "o\n".repeat(7);
    f.run(&[], &answers).success();
    std::fs::set_permissions(
        f.study.join("study.json"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::fs::remove_file(f.study.join("frequences.csv")).unwrap();
    let out = grille(f.home.path())
        .args(["--study", f.study.to_str().unwrap(), "check", "--privacy"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("L'étude n'est pas chiffrée"), "{stdout}");
    assert!(
        stdout.contains("Table de correspondance non chiffrée"),
        "{stdout}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("Rien d'identifiant trouvé.")
    );
}

#[test]
fn in_an_encrypted_study_the_key_table_is_encrypted_with_the_study_key() {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    let run = |args: &[&str]| {
        let mut cmd = grille(home.path());
        cmd.env("GRILLE_SCRYPT_WORK_FACTOR", "10")
            .env("GRILLE_PASSPHRASE", "un cheval de Troie vert")
            .env_remove("GRILLE_IDENTITY")
            .args(["--study", study.to_str().unwrap()])
            .args(args);
        cmd.assert()
    };
    grille(home.path())
        .env("GRILLE_SCRYPT_WORK_FACTOR", "10")
        .env("GRILLE_PASSPHRASE", "un cheval de Troie vert")
        .args(["init", study.to_str().unwrap(), "--examples", "--encrypt"])
        .assert()
        .success();
    let listed = run(&["pseudonymize", "list", "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&listed).unwrap();
    let first = listed.first().expect("the examples name places")["text"]
        .as_str()
        .unwrap()
        .to_owned();
    // Replaced everywhere; no index rebuilt for nothing (it is never on disk), and a search,
    // on an index built from the sessions as they are now, no longer finds the word.
    run(&["pseudonymize", "accept", "--all"])
        .success()
        .stderr(predicates::str::contains("chiffrée avec la clé de l'étude"))
        .stderr(predicates::str::contains(
            "index en mémoire (étude chiffrée)",
        ))
        .stderr(predicates::str::contains("reconstruit").not());
    assert!(!study.join("index").exists());
    let found = run(&["search", &first]).get_output().stdout.clone();
    assert!(
        !String::from_utf8_lossy(&found).contains(&first),
        "{}",
        String::from_utf8_lossy(&found)
    );
    let tables: Vec<PathBuf> = std::fs::read_dir(home.path().join("data/grille/pseudonyms"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(tables.len(), 1);
    let bytes = std::fs::read(&tables[0]).unwrap();
    assert!(
        !bytes.windows(first.len()).any(|w| w == first.as_bytes()),
        "{first} in clear in the key table"
    );
    let keys = run(&["pseudonymize", "keys", "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(keys).unwrap().contains(&first));
    let audit = run(&["check", "--privacy"]).get_output().stdout.clone();
    let audit = String::from_utf8(audit).unwrap();
    assert!(!audit.contains("pas chiffrée"), "{audit}");
    assert!(!audit.contains("non chiffrée"), "{audit}");
}

#[test]
fn memos_and_situation_labels_are_pseudonymised_with_the_transcripts_and_restored() {
    let f = fixture();
    // The analyst's notes on R11 name the same people the transcripts do.
    let mut s = f.session(f.r11);
    let memo = Memo {
        id: MemoId::new(),
        author: "Léa Martin".into(),
        at: time("2021-04-14T09:00:00+02:00"),
        segment: Some(s.segments[0].id),
        text: "Rappeler Mme Ferrandi : elle connaît Jean-Marie de la Tour.".into(),
    };
    let situation = Situation {
        id: SituationId::new(),
        label: "La protégée de Jean-Marie de la Tour".into(),
        attributes: Default::default(),
        excerpts: Vec::new(),
        same_person_as: None,
    };
    let (mut writer, _) = f.dir.open_session(f.r11, &f.def).unwrap();
    for change in [
        SessionChange::AddMemo { memo: memo.clone() },
        SessionChange::PutSituation {
            situation: situation.clone(),
        },
    ] {
        writer.apply(change, &f.def).unwrap();
    }
    writer.checkpoint().unwrap();
    drop(writer);
    s = f.session(f.r11);
    let list = f.list();
    let name = list
        .iter()
        .find(|p| p["text"] == "Jean-Marie de la Tour")
        .unwrap();
    // Two in the transcripts, one in the memo, one in the label.
    assert_eq!(name["occurrences"], 4);
    let ferrandi = list.iter().find(|p| p["text"] == "Ferrandi").unwrap();
    assert_eq!(ferrandi["occurrences"], 2, "{list:#?}");
    let ids = [
        name["id"].as_str().unwrap(),
        ferrandi["id"].as_str().unwrap(),
    ];
    f.run(&["accept", ids[0], ids[1]], "")
        .success()
        .stderr(predicates::str::contains(
            "6 remplacement(s) dans 2 entretien(s)",
        ));
    let after = f.session(f.r11);
    assert_eq!(
        after.memos[0].text,
        "Rappeler Mme [PERSONNE-2] : elle connaît [PERSONNE-1]."
    );
    assert_eq!(after.memos[0].segment, memo.segment);
    assert_eq!(after.memos[0].author, "Léa Martin");
    assert_eq!(after.situations[0].label, "La protégée de [PERSONNE-1]");
    for gone in ["Jean-Marie", "Ferrandi"] {
        assert_eq!(holding(&f.study, gone), Vec::<PathBuf>::new(), "{gone}");
    }
    f.run(&["undo"], "").success();
    let restored = f.session(f.r11);
    assert_eq!(restored.memos, s.memos);
    assert_eq!(restored.situations, s.situations);
    assert_eq!(f.texts(f.r11), [R11_A]);
}
