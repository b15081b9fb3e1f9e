//! Importing transcripts: real files (BOM, CRLF, French spacing, subtitles, Latin-1) into a
//! real study, through the library and through the command line.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{new_session, study_in, time};
use grille::i18n::FR;
use grille::interop::import::{ImportError, ImportOptions, import_file, import_files};
use grille::store::StoreError;
use grille::study::{Session, Speaker, Status};

const I: Speaker = Speaker::Interviewer;
const R: Speaker = Speaker::Respondent;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn options() -> ImportOptions {
    ImportOptions {
        interviewer: Some("Camille Roux".into()),
        start: Some(time("2021-04-14T10:00:00+02:00")),
        ..ImportOptions::default()
    }
}

/// (speaker, label, start, end, text) of every segment; times as RFC 3339.
type Row = (
    Speaker,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn rows(session: &Session) -> Vec<Row> {
    session
        .segments
        .iter()
        .map(|s| {
            (
                s.speaker,
                s.speaker_label.clone(),
                s.start.map(|t| t.to_rfc3339()),
                s.end.map(|t| t.to_rfc3339()),
                s.text.clone(),
            )
        })
        .collect()
}

fn row(
    speaker: Speaker,
    label: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
    text: &str,
) -> Row {
    (
        speaker,
        label.map(Into::into),
        start.map(Into::into),
        end.map(Into::into),
        text.into(),
    )
}

#[test]
fn a_text_transcript_with_bom_crlf_french_spacing_timestamps_and_marks() {
    let session = import_file(&fixture("R07-foyer.txt"), &options()).unwrap();
    // Times: session start 10:00:00 + the file's offsets (00:00:05, 00:00:12, 00:01:15,
    // 00:02:40). The heading line is not a segment; "d'hébergement…" continues Mme B.'s turn;
    // the blank line starts a new segment of the same speaker. "éducatrice" is written
    // decomposed in the file (e + U+0301) and comes out composed (NFC).
    let mme = Some("Mme B.");
    assert_eq!(
        rows(&session),
        vec![
            row(
                I,
                None,
                Some("2021-04-14T10:00:05+02:00"),
                None,
                "Bonjour, pouvez-vous présenter votre structure ?"
            ),
            row(
                R,
                mme,
                Some("2021-04-14T10:00:12+02:00"),
                None,
                "Je suis éducatrice spécialisée au foyer d'hébergement, depuis huit ans."
            ),
            row(
                I,
                None,
                None,
                None,
                "Et les jeunes femmes que vous accompagnez ?"
            ),
            row(
                R,
                mme,
                Some("2021-04-14T10:01:15+02:00"),
                None,
                "Certaines sont hébergées « contre service », on le sait, mais c'est difficile à prouver."
            ),
            row(
                R,
                mme,
                None,
                None,
                "Il y a eu une situation à l'hôtel, l'an dernier."
            ),
            row(
                I,
                None,
                Some("2021-04-14T10:02:40+02:00"),
                None,
                "Qu'avez-vous fait ?"
            ),
            row(R, mme, None, None, "Un signalement."),
        ]
    );
    assert_eq!(session.respondent.pseudonym, "R07-foyer");
    assert_eq!(session.interviewer, "Camille Roux");
    assert_eq!(session.source.as_deref(), Some("R07-foyer.txt"));
    assert_eq!(session.status, Status::Done);
    assert_eq!(session.consent, None);
    assert_eq!(session.started, Some(time("2021-04-14T10:00:00+02:00")));
    // The last time the transcript gives.
    assert_eq!(session.ended, Some(time("2021-04-14T10:02:40+02:00")));
    assert!(session.segments.iter().all(|s| s.question.is_none()));
}

#[test]
fn a_markdown_transcript_with_headings_and_a_rule() {
    let session = import_file(&fixture("R08-notes.md"), &options()).unwrap();
    // Headings are skipped; "Répondant" is a speaker because the file has interviewer marks;
    // after the rule the speaker is reset, so the last paragraph is the respondent's, unnamed.
    assert_eq!(
        rows(&session),
        vec![
            row(
                I,
                None,
                None,
                None,
                "Avez-vous déjà repéré des situations ?"
            ),
            row(
                R,
                Some("Répondant"),
                None,
                None,
                "Oui, deux ou trois par an, surtout des étudiantes."
            ),
            row(
                R,
                None,
                None,
                None,
                "Nous travaillons avec l'association agréée."
            ),
        ]
    );
    assert_eq!(session.ended, None);
}

#[test]
fn an_srt_from_whisper_with_an_empty_cue_and_markup() {
    let session = import_file(&fixture("R09-whisper.srt"), &options()).unwrap();
    // Cue 3 is empty and skipped; cue 2's two lines are joined with a space; <i> is removed.
    // 00:00:09,850 is 10:00:09.850.
    assert_eq!(
        rows(&session),
        vec![
            row(
                R,
                None,
                Some("2021-04-14T10:00:00+02:00"),
                Some("2021-04-14T10:00:04.200+02:00"),
                "Alors, je travaille à la Cimade"
            ),
            row(
                R,
                None,
                Some("2021-04-14T10:00:04.200+02:00"),
                Some("2021-04-14T10:00:09.850+02:00"),
                "depuis 2017, surtout avec des femmes nigérianes."
            ),
            row(
                R,
                None,
                Some("2021-04-14T10:00:10+02:00"),
                Some("2021-04-14T10:00:15.500+02:00"),
                "Elles arrivent par l'Italie, souvent mineures."
            ),
        ]
    );
    assert_eq!(session.ended, Some(time("2021-04-14T10:00:15.500+02:00")));
}

#[test]
fn a_vtt_with_voices_notes_styles_and_cue_settings() {
    let session = import_file(&fixture("R10-voix.vtt"), &options()).unwrap();
    // STYLE and NOTE blocks and cue settings are not text; "&nbsp;" is a no-break space.
    assert_eq!(
        rows(&session),
        vec![
            row(
                I,
                None,
                Some("2021-04-14T10:00:01+02:00"),
                Some("2021-04-14T10:00:03.500+02:00"),
                "Vous êtes orientée par qui, en général ?"
            ),
            row(
                R,
                Some("R10"),
                Some("2021-04-14T10:00:04+02:00"),
                Some("2021-04-14T10:00:09+02:00"),
                "Par le 115, ou par l'hôpital. Parfois par la police."
            ),
            row(
                R,
                Some("R10"),
                Some("2021-04-14T10:00:09+02:00"),
                Some("2021-04-14T10:00:12+02:00"),
                "Et des fois… par des clients\u{a0}!"
            ),
        ]
    );
}

#[test]
fn latin1_empty_and_textless_files_are_refused_with_clear_messages() {
    let err = import_file(&fixture("latin1-hotel.txt"), &options()).unwrap_err();
    // "Elle vivait à": "à" is the byte 0xE0 at offset 12, line 1, column 13.
    let message = err.message(&FR);
    assert!(
        message.contains(
            "latin1-hotel.txt : ce fichier n'est pas en UTF-8 (octet 12, ligne 1, colonne 13)"
        ),
        "{message}"
    );
    assert!(message.contains("windows-1252 (Latin-1)"), "{message}");
    assert!(
        message.contains("`iconv -f WINDOWS-1252 -t UTF-8 "),
        "{message}"
    );

    let err = import_file(&fixture("vide.txt"), &options()).unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }), "{err}");
    let err = import_file(&fixture("titres-seulement.md"), &options()).unwrap_err();
    assert!(matches!(err, ImportError::NoText { .. }), "{err}");
    assert!(err.message(&FR).contains("aucun texte à importer"));
    let err = import_file(Path::new("entretien.pdf"), &options()).unwrap_err();
    assert!(matches!(err, ImportError::Unsupported { .. }), "{err}");
}

fn root_entries(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_batch_with_one_bad_file_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("etude"), true);
    let sessions_dir = dir.paths().sessions_dir();
    let before = common::folder_bytes(&sessions_dir);
    let root_before = root_entries(dir.root());
    let files = [
        fixture("R07-foyer.txt"),
        fixture("latin1-hotel.txt"),
        fixture("R09-whisper.srt"),
    ];
    let mut read = 0;
    let errors = import_files(&dir, &study, &files, &options(), &mut |_| read += 1).unwrap_err();
    assert_eq!(
        read, 3,
        "every file is read, so that every problem is reported"
    );
    assert_eq!(errors.0.len(), 1);
    assert!(matches!(errors.0[0], ImportError::NotUtf8 { .. }));
    assert_eq!(
        common::folder_bytes(&sessions_dir),
        before,
        "sessions/ unchanged, byte for byte"
    );
    assert_eq!(
        root_entries(dir.root()),
        root_before,
        "no staging folder left"
    );
}

#[test]
fn a_good_batch_lands_whole_in_private_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("etude"), false);
    let files = [
        fixture("R07-foyer.txt"),
        fixture("R09-whisper.srt"),
        fixture("R10-voix.vtt"),
    ];
    let mut opts = options();
    opts.consent_given = true;
    let outcome = import_files(&dir, &study, &files, &opts, &mut |_| {}).unwrap();
    let sessions: Vec<_> = outcome.imported.iter().map(|r| r.session.clone()).collect();
    assert_eq!(sessions.len(), 3);
    let ids = dir.session_ids().unwrap();
    assert_eq!(ids.len(), 3);
    for session in &sessions {
        let loaded = dir.load_session(session.id, &study).unwrap().doc;
        assert_eq!(&loaded, session);
        assert_eq!(
            loaded.consent.as_ref().map(|c| (c.given, c.at)),
            Some((true, time("2021-04-14T10:00:00+02:00")))
        );
        let file = dir.paths().session(session.id).file;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
    let pseudonyms: Vec<&str> = sessions
        .iter()
        .map(|s| s.respondent.pseudonym.as_str())
        .collect();
    assert_eq!(pseudonyms, ["R07-foyer", "R09-whisper", "R10-voix"]);
    // No staging folder left; the changes mark says to the index that sessions came in.
    assert_eq!(
        root_entries(dir.root()),
        [
            ".sessions-changed",
            "codebook.json",
            "grid.json",
            "sessions",
            "study.json"
        ]
    );
    assert!(dir.check().is_ok());
}

#[test]
fn a_failure_in_the_middle_of_the_writes_removes_what_was_moved() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("etude"), true);
    let sessions_dir = dir.paths().sessions_dir();
    let before = common::folder_bytes(&sessions_dir);
    // The second session has the id of an example session already on disk: its rename is
    // refused after the first session was moved in, which must then be taken out again.
    let first = new_session("nouveau");
    let mut second = new_session("collision");
    second.id = dir.session_ids().unwrap()[0];
    let err = dir.import_sessions(&[first, second], &study).unwrap_err();
    assert!(matches!(err, StoreError::FileExists { .. }), "{err}");
    assert_eq!(
        common::folder_bytes(&sessions_dir),
        before,
        "sessions/ unchanged, byte for byte"
    );
    assert!(
        !root_entries(dir.root())
            .iter()
            .any(|n| n.starts_with(".grille-import-")),
        "staging folder removed"
    );
}

#[test]
fn respondent_is_for_one_file_and_a_file_given_twice_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, study) = study_in(&tmp.path().join("etude"), false);
    let mut opts = options();
    opts.respondent = Some("R99".into());
    let two = [fixture("R07-foyer.txt"), fixture("R09-whisper.srt")];
    let errors = import_files(&dir, &study, &two, &opts, &mut |_| {}).unwrap_err();
    assert!(matches!(errors.0[..], [ImportError::RespondentForMany]));
    let twice = [fixture("R07-foyer.txt"), fixture("R07-foyer.txt")];
    let errors = import_files(&dir, &study, &twice, &options(), &mut |_| {}).unwrap_err();
    assert!(matches!(errors.0[..], [ImportError::Twice { .. }]));
    assert!(dir.session_ids().unwrap().is_empty());
}
