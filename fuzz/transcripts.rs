//! The transcript readers, as `grille import` runs them: a file of each format read into a
//! session. Whatever the bytes: a session the study accepts (an import never fails later on a
//! session it made), or an error naming the file, never a panic.

use std::io::Write;
use std::path::Path;

use bolero::check;
use grille::interop::import::{ImportOptions, Kind, read_bytes};
use grille::study::validate::validate_session;

use crate::mutation::mutated;
use crate::setup::{Example, texts};

fn options() -> ImportOptions {
    ImportOptions {
        // Times in the file become dates: offsets beyond the calendar must not break it.
        start: Some(
            chrono::DateTime::parse_from_rfc3339("2021-04-12T10:00:00+02:00").expect("a date"),
        ),
        consent_given: true,
        ..ImportOptions::default()
    }
}

/// Reads `bytes` as the file `name`; what reads must make a session the study accepts.
fn read(example: &Example, name: &str, bytes: &[u8]) {
    let file = Path::new(name);
    let kind = Kind::of(file).expect("a transcript extension");
    match read_bytes(kind, file, bytes, &options()) {
        Ok(read) => {
            let problems = validate_session(&read.session, &example.study);
            assert!(
                problems.is_empty(),
                "{name}: the session read breaks the study's rules: {problems:?}"
            );
        }
        Err(e) => {
            let _ = e.to_string();
            for t in texts() {
                let _ = e.message(t);
            }
        }
    }
}

/// A Word or LibreOffice document whose `part` (the XML that holds the text) is `xml`: the
/// targets fuzz the XML, which is grille's to read; the zip around it is the zip crate's.
fn office(part: &str, xml: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
    zip.start_file(part, zip::write::SimpleFileOptions::default())
        .expect("a zip entry");
    zip.write_all(xml).expect("a zip in memory");
    zip.finish().expect("a zip in memory");
    bytes
}

macro_rules! transcript_targets {
    ($($name:ident, $mutated:ident: $file:literal, $wrap:expr;)*) => {$(
        #[test]
        fn $name() {
            let example = std::panic::AssertUnwindSafe(Example::new());
            let wrap: fn(&[u8]) -> Vec<u8> = $wrap;
            check!(name = stringify!($name))
                .for_each(move |bytes: &[u8]| read(&example, $file, &wrap(bytes)));
        }

        #[test]
        fn $mutated() {
            let example = std::panic::AssertUnwindSafe(Example::new());
            let wrap: fn(&[u8]) -> Vec<u8> = $wrap;
            mutated(stringify!($name), move |bytes: &[u8]| read(&example, $file, &wrap(bytes)));
        }
    )*};
}

transcript_targets! {
    txt, txt_mutated: "R07.txt", |b| b.to_vec();
    srt, srt_mutated: "R07.srt", |b| b.to_vec();
    vtt, vtt_mutated: "R07.vtt", |b| b.to_vec();
    docx, docx_mutated: "R07.docx", |b| office("word/document.xml", b);
    odt, odt_mutated: "R07.odt", |b| office("content.xml", b);
    noscribe_html, noscribe_html_mutated: "R07.html", |b| b.to_vec();
    otr, otr_mutated: "R07.otr", |b| b.to_vec();
    whisper_json, whisper_json_mutated: "R07.json", |b| b.to_vec();
    whisper_tsv, whisper_tsv_mutated: "R07.tsv", |b| b.to_vec();
    textgrid, textgrid_mutated: "R07.TextGrid", |b| b.to_vec();
    eaf, eaf_mutated: "R07.eaf", |b| b.to_vec();
    trs, trs_mutated: "R07.trs", |b| b.to_vec();
}
