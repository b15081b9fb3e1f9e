//! The pseudonymisation screen driven in the real binary (tmux): from the home screen, the
//! proposals reviewed one by one with their context (accepted, rejected, one left for later),
//! replaced, then undone in a second run; the session files and the key table read back.

mod common;

use std::path::{Path, PathBuf};

use common::tmux::{self, Tmux, grille_command};
use common::{new_session, study_in, time};
use grille::store::StudyDir;
use grille::study::{
    Coding, CodingId, Consent, Memo, MemoId, Segment, SegmentId, Session, SessionId, Speaker,
    Study, text,
};

const R10: &str = "J'ai rencontré Jean-Marie de la Tour à l'hôtel de la gare, il m'a donné son \
                   numéro, le 06 12 34 56 78.";
const R11: &str = "Le même Jean-Marie de la Tour passe aussi au Cecler, et Mme Ferrandi \
                   l'appelle au +33 6 98 76 54 32.";
const MEMO: &str = "Mme Ferrandi rappelle lundi.";

fn session(pseudonym: &str, said: &str, day: &str) -> Session {
    let mut s = new_session(pseudonym);
    s.consent = Some(Consent {
        given: true,
        at: time(&format!("{day}T10:00:00+02:00")),
    });
    s.started = Some(time(&format!("{day}T10:01:00+02:00")));
    s.ended = Some(time(&format!("{day}T11:00:00+02:00")));
    s.status = grille::study::Status::Done;
    s.segments = vec![Segment {
        id: SegmentId::new(),
        question: None,
        speaker: Speaker::Respondent,
        speaker_label: None,
        start: None,
        end: None,
        recording: None,
        text: said.into(),
    }];
    s
}

struct Fixture {
    home: tempfile::TempDir,
    root: PathBuf,
    dir: StudyDir,
    def: Study,
    r10: SessionId,
    r11: SessionId,
    on_name: CodingId,
}

fn fixture() -> Fixture {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let (dir, def) = study_in(&root, false);
    let mut r10 = session("R10", R10, "2021-04-12");
    let words = "Jean-Marie de la Tour à l'hôtel";
    let start = text::char_len(&R10[..R10.find(words).unwrap()]);
    let on_name = CodingId::new();
    r10.codings.push(Coding {
        id: on_name,
        segment: r10.segments[0].id,
        start,
        end: start + words.chars().count(),
        code: def.codebook.codes[0].id,
        coder: "Léa Martin".into(),
        at: time("2021-04-13T10:00:00+02:00"),
        memo: None,
        quote: None,
    });
    let mut r11 = session("R11", R11, "2021-04-13");
    r11.memos.push(Memo {
        id: MemoId::new(),
        author: "Léa Martin".into(),
        at: time("2021-04-14T10:00:00+02:00"),
        segment: None,
        text: MEMO.into(),
    });
    let (id10, id11) = (r10.id, r11.id);
    for s in [r10, r11] {
        dir.create_session(s, &def).unwrap().checkpoint().unwrap();
    }
    Fixture {
        home,
        root,
        dir,
        def,
        r10: id10,
        r11: id11,
        on_name,
    }
}

impl Fixture {
    fn start(&self, name: &str) -> Tmux {
        let ui = Tmux::start(
            name,
            &grille_command(
                self.home.path(),
                &format!("--study {}", self.root.display()),
            ),
            130,
            36,
        );
        ui.wait_for("R11");
        ui
    }

    fn quit(&self, ui: Tmux) {
        let pid = ui.pid();
        ui.keys(&["q"]);
        ui.wait_for("Accueil");
        ui.keys(&["q"]);
        ui.wait_exit(pid);
    }

    fn session(&self, id: SessionId) -> Session {
        self.dir.load_session(id, &self.def).unwrap().doc
    }

    fn keys(&self) -> serde_json::Value {
        let path = self
            .home
            .path()
            .join("data/grille/pseudonyms")
            .join(format!("{}.json", self.def.meta.id));
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    fn coded(&self) -> String {
        let s = self.session(self.r10);
        let c = s.coding(self.on_name).unwrap();
        text::slice(&s.segments[0].text, c.start, c.end)
            .unwrap()
            .to_owned()
    }
}

/// Every file under `dir` whose bytes contain `needle`.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(holding(&path, needle));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn reviewed_on_the_screen_replaced_everywhere_then_undone() {
    if !tmux::required() {
        return;
    }
    let f = fixture();
    let ui = f.start("pseudo-review");
    ui.keys(&["p"]);
    // The first proposal, in its context, and how often it occurs.
    let screen = ui.wait_for("personne « Jean-Marie de la Tour » → [PERSONNE-1] (à décider)");
    assert!(
        screen.contains("Occurrence 1/2 — R10, transcription"),
        "{screen}"
    );
    assert!(
        screen.contains("J'ai rencontré Jean-Marie de la Tour à l'hôtel"),
        "{screen}"
    );
    assert!(screen.contains("2 fois, 2 ent."), "{screen}");
    assert!(screen.contains("4 proposition(s) : 0 acceptée(s), 0 rejetée(s), 4 à décider"));
    // Accepted: the next undecided one comes.
    ui.keys(&["o"]);
    ui.wait_for("téléphone « 06 12 34 56 78 » → [TELEPHONE-1] (à décider)");
    // Rejected (a number that identifies no one, in this trial).
    ui.keys(&["n"]);
    ui.wait_for("personne « Ferrandi » → [PERSONNE-2] (à décider)");
    // Its second occurrence is in an analyst's memo.
    ui.keys(&["Right"]);
    let screen = ui.wait_for("Occurrence 2/2 — R11, mémo");
    assert!(screen.contains("Mme Ferrandi rappelle lundi."), "{screen}");
    ui.keys(&["o"]);
    // The other phone number is now the first one a pseudonym would be given.
    ui.wait_for("téléphone « +33 6 98 76 54 32 » → [TELEPHONE-1] (à décider)");
    ui.wait_for("4 proposition(s) : 2 acceptée(s), 1 rejetée(s), 1 à décider");
    // Left for later; replace what is accepted.
    ui.keys(&["R"]);
    ui.wait_for("4 remplacement(s) dans 2 entretien(s)");
    // Read again: only the undecided one is left to review.
    ui.wait_for("1 proposition(s) : 0 acceptée(s), 0 rejetée(s), 1 à décider");
    f.quit(ui);

    let r10 = f.session(f.r10);
    let r11 = f.session(f.r11);
    assert_eq!(
        r10.segments[0].text,
        "J'ai rencontré [PERSONNE-1] à l'hôtel de la gare, il m'a donné son numéro, le 06 12 34 56 78."
    );
    assert_eq!(
        r11.segments[0].text,
        "Le même [PERSONNE-1] passe aussi au Cecler, et Mme [PERSONNE-2] l'appelle au +33 6 98 76 54 32."
    );
    assert_eq!(r11.memos[0].text, "Mme [PERSONNE-2] rappelle lundi.");
    assert_eq!(f.coded(), "[PERSONNE-1] à l'hôtel");
    for gone in ["Jean-Marie", "Ferrandi"] {
        assert_eq!(holding(&f.root, gone), Vec::<PathBuf>::new(), "{gone}");
    }
    // The key table, outside the study: the accepted originals with their pseudonyms, the
    // rejected number, the replacements for undo.
    let keys = f.keys();
    let entries: Vec<(&str, &str, bool)> = keys["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["original"].as_str().unwrap(),
                e["pseudonym"].as_str().unwrap(),
                e["accepted"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("Jean-Marie de la Tour", "[PERSONNE-1]", true),
            ("Ferrandi", "[PERSONNE-2]", true)
        ]
    );
    assert_eq!(keys["rejected"][0]["original"], "06 12 34 56 78");
    assert_eq!(keys["rejected"].as_array().unwrap().len(), 1);
    assert_eq!(keys["applied"].as_array().unwrap().len(), 1);
    assert_eq!(
        keys["applied"][0]["replacements"].as_array().unwrap().len(),
        4
    );

    // A second run: undo puts back the very texts, the coding on its words.
    let ui = f.start("pseudo-undo");
    ui.keys(&["p"]);
    ui.wait_for("1 proposition(s)");
    ui.keys(&["U"]);
    ui.wait_for("4 remplacement(s) annulé(s) dans 2 entretien(s)");
    // Proposed again, to be decided anew (the rejected number stays rejected).
    ui.wait_for("3 proposition(s) : 0 acceptée(s), 0 rejetée(s), 3 à décider");
    f.quit(ui);
    assert_eq!(f.session(f.r10).segments[0].text, R10);
    assert_eq!(f.session(f.r11).segments[0].text, R11);
    assert_eq!(f.session(f.r11).memos[0].text, MEMO);
    assert_eq!(f.coded(), "Jean-Marie de la Tour à l'hôtel");
}

#[test]
fn the_screen_keeps_its_key_table_where_keys_says() {
    if !tmux::required() {
        return;
    }
    let f = fixture();
    let usb = f.home.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let table = usb.join("cles-etude.json");
    let ui = Tmux::start(
        "pseudo-keys",
        &grille_command(
            f.home.path(),
            &format!("--study {} --keys {}", f.root.display(), table.display()),
        ),
        130,
        36,
    );
    ui.wait_for("R11");
    ui.keys(&["p"]);
    ui.wait_for("personne « Jean-Marie de la Tour » → [PERSONNE-1] (à décider)");
    // Where the key back to the names is: the file given, always in sight.
    let screen = ui.wait_for("cles-etude.json");
    assert!(
        screen.contains(&format!("Table de correspondance : {}", usb.display())),
        "{screen}"
    );
    ui.keys(&["o"]);
    ui.wait_for("téléphone « 06 12 34 56 78 » → [TELEPHONE-1] (à décider)");
    ui.keys(&["n"]);
    ui.wait_for("4 proposition(s) : 1 acceptée(s), 1 rejetée(s), 2 à décider");
    f.quit(ui);

    // The decisions are in the file given, none in the default place.
    let keys: serde_json::Value = serde_json::from_slice(&std::fs::read(&table).unwrap()).unwrap();
    assert_eq!(keys["study"], f.def.meta.id.to_string());
    assert_eq!(keys["entries"].as_array().unwrap().len(), 1);
    assert_eq!(keys["entries"][0]["original"], "Jean-Marie de la Tour");
    assert_eq!(keys["entries"][0]["pseudonym"], "[PERSONNE-1]");
    assert_eq!(keys["entries"][0]["accepted"], true);
    assert_eq!(keys["rejected"][0]["original"], "06 12 34 56 78");
    assert!(!f.home.path().join("data/grille/pseudonyms").exists());
    // Nothing replaced yet: the transcripts are as they were.
    assert_eq!(f.session(f.r10).segments[0].text, R10);

    // A key table inside the study folder is refused on the screen, nothing written there.
    let before = common::tree_bytes(&f.root);
    let inside = f.root.join("cles.json");
    let ui = Tmux::start(
        "pseudo-keys-inside",
        &grille_command(
            f.home.path(),
            &format!("--study {} --keys {}", f.root.display(), inside.display()),
        ),
        130,
        36,
    );
    ui.wait_for("R11");
    ui.keys(&["p"]);
    ui.wait_for("ne doit pas être dans le dossier de l'étude");
    let pid = ui.pid();
    ui.keys(&["q"]);
    ui.wait_for("Accueil");
    ui.keys(&["q"]);
    ui.wait_exit(pid);
    assert!(!inside.exists());
    let after = common::tree_bytes(&f.root);
    // The lock and the listing's cache (index/summaries.json, rewritten as the home screen
    // lists the sessions) are grille's own; nothing of the study may change.
    let changed: Vec<_> = after
        .keys()
        .filter(|k| {
            let name = k.to_string_lossy();
            !name.ends_with(".lock") && !name.ends_with("summaries.json")
        })
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, Vec::<&PathBuf>::new());

    // Before a command, --keys would not be seen: refused, the command not run.
    common::grille(f.home.path())
        .args(["--keys"])
        .arg(&table)
        .args(["--study", f.root.to_str().unwrap(), "sessions"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "grille pseudonymize --keys FICHIER",
        ));
}

#[test]
fn in_an_encrypted_study_a_search_after_replacing_no_longer_finds_the_name() {
    if !tmux::required() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("etude");
    let passphrase = "un cheval de Troie bleu";
    let dir = StudyDir::create_encrypted(
        &root,
        &grille::store::template::DIAGNOSTIC,
        false,
        &grille::store::Protection {
            passphrase: passphrase.to_owned().into(),
            team: Vec::new(),
            work_factor: Some(10),
        },
    )
    .unwrap();
    let def = dir.load_study().unwrap();
    let (r10, r11) = (
        session("R10", R10, "2021-04-12"),
        session("R11", R11, "2021-04-13"),
    );
    let id11 = r11.id;
    for s in [r10, r11] {
        dir.create_session(s, &def).unwrap().checkpoint().unwrap();
    }
    let ui = Tmux::start(
        "pseudo-encrypted",
        &tmux::grille_command_with(
            home.path(),
            &format!("GRILLE_PASSPHRASE='{passphrase}' GRILLE_SCRYPT_WORK_FACTOR=10"),
            &format!("--study {}", root.display()),
        ),
        130,
        36,
    );
    ui.wait_for("R11");
    // Searched before: the name is found (the index, in memory, holds it).
    ui.keys(&["/"]);
    ui.type_text("Ferrandi");
    ui.wait_for("1 résultat(s)");
    ui.keys(&["Escape"]);
    ui.wait_for("Accueil");
    ui.keys(&["p"]);
    ui.wait_for("personne « Jean-Marie de la Tour » → [PERSONNE-1] (à décider)");
    ui.keys(&["o"]);
    ui.wait_for("téléphone « 06 12 34 56 78 » → [TELEPHONE-1] (à décider)");
    ui.keys(&["n"]);
    ui.wait_for("personne « Ferrandi » → [PERSONNE-2] (à décider)");
    ui.keys(&["o"]);
    ui.keys(&["R"]);
    // No index rebuilt for nothing: said so.
    ui.wait_for("index en mémoire (étude chiffrée)");
    ui.keys(&["Escape"]);
    ui.wait_for("Accueil");
    // The same search, on the index of this run: it caught up with the sessions replaced.
    ui.keys(&["/"]);
    ui.type_text("Ferrandi");
    ui.wait_for("Aucun résultat.");
    let pid = ui.pid();
    ui.keys(&["Escape"]);
    ui.wait_for("Accueil");
    ui.keys(&["q"]);
    ui.wait_exit(pid);

    let mut dir = StudyDir::open(&root).unwrap();
    dir.unlock(&grille::store::Unlock::Passphrase(
        passphrase.to_owned().into(),
    ))
    .unwrap();
    let s11 = dir.load_session(id11, &def).unwrap().doc;
    assert_eq!(
        s11.segments[0].text,
        "Le même [PERSONNE-1] passe aussi au Cecler, et Mme [PERSONNE-2] l'appelle au +33 6 98 76 54 32."
    );
    assert!(!root.join("index").exists());
    for word in ["Ferrandi", "Jean-Marie", "PERSONNE"] {
        assert_eq!(
            common::files_holding(&root, word),
            Vec::<PathBuf>::new(),
            "{word}"
        );
    }
}
