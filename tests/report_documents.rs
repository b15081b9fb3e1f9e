//! `grille report` as Word, LibreOffice and a page in a real browser: the documents are read
//! back (unzip + XML) and must hold real headings, the tables, the charts as pictures, every
//! quote's words and no interviewer's name; the HTML report is opened in headless Chromium,
//! whose DOM must have the headings and tables, with nothing in its console; its screenshot is
//! taken. Chromium and LibreOffice are looked for; under CI a missing Chromium fails the test
//! (.ci/run installs it).

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

fn study(home: &Path) -> String {
    let study = home.join("etude");
    common::grille(home)
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    study.to_str().unwrap().to_owned()
}

fn report(home: &Path, study: &str, name: &str) -> PathBuf {
    let file = home.join(name);
    let out = common::grille(home)
        .args(["--study", study, "report", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file
}

fn unzip(file: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().to_owned(), bytes)
        })
        .collect()
}

fn entry<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let bytes = &files.iter().find(|(n, _)| n == name).unwrap().1;
    std::str::from_utf8(bytes).unwrap()
}

/// The text of an XML document, paragraph by paragraph (`w:p`, `text:p`, `text:h`).
fn paragraphs(xml: &str, para: &[&str]) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e)
                if para.contains(&std::str::from_utf8(e.name().as_ref()).unwrap()) =>
            {
                current.clear()
            }
            quick_xml::events::Event::Text(t) => current.push_str(&t.decode().unwrap()),
            quick_xml::events::Event::GeneralRef(r) => {
                let name = std::str::from_utf8(&r).unwrap().to_owned();
                current.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                });
            }
            quick_xml::events::Event::End(e)
                if para.contains(&std::str::from_utf8(e.name().as_ref()).unwrap()) =>
            {
                out.push(std::mem::take(&mut current))
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The example study's quotes, their words as the session files hold them.
fn quotes(study: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(Path::new(study).join("sessions")).unwrap() {
        let s: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        for c in s["codings"].as_array().unwrap() {
            if c.get("quote").is_none() {
                continue;
            }
            let seg = s["segments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["id"] == c["segment"])
                .unwrap();
            let (a, b) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            out.push(
                seg["text"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .skip(a)
                    .take(b - a)
                    .collect(),
            );
        }
    }
    out
}

const NAMES: [&str; 3] = ["Camille Roux", "Sami Benali", "Léa Martin"];

#[test]
fn the_word_document_has_headings_tables_pictures_and_the_quotes() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let file = report(home.path(), &study, "rapport.docx");
    let files = unzip(&file);
    let doc = entry(&files, "word/document.xml");
    // Title, the method, 8 themes, situations, annex: Heading 2 each.
    assert_eq!(doc.matches("<w:pStyle w:val=\"Heading1\"").count(), 1);
    assert!(doc.matches("<w:pStyle w:val=\"Heading2\"").count() >= 11);
    assert!(doc.matches("<w:tbl>").count() >= 15, "tables");
    let pictures = files
        .iter()
        .filter(|(n, b)| n.starts_with("word/media/") && b.starts_with(b"\x89PNG"))
        .count();
    assert!(pictures >= 10, "{pictures} pictures");
    assert!(entry(&files, "word/styles.xml").contains("heading 2"));
    let text = paragraphs(doc, &["w:p"]);
    assert!(text.iter().any(|p| p == "Méthode"));
    assert!(text.iter().any(|p| p == "Repérage des personnes"));
    for q in quotes(&study) {
        assert!(text.iter().any(|p| p == &q), "quote: {q}");
    }
    for name in NAMES {
        assert!(!doc.contains(name), "{name}");
    }
    // The published figure, in a table row: 4 of 6, 66,7 %.
    assert!(doc.contains("66,7"));
    // LibreOffice, when it is there, opens it and makes a PDF of it.
    libreoffice_converts(&file, home.path());
}

#[test]
fn the_libreoffice_document_has_headings_tables_pictures_and_the_quotes() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let file = report(home.path(), &study, "rapport.odt");
    let files = unzip(&file);
    assert_eq!(files[0].0, "mimetype");
    assert_eq!(files[0].1, b"application/vnd.oasis.opendocument.text");
    let content = entry(&files, "content.xml");
    assert!(content.contains("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"));
    assert!(content.matches("text:outline-level=\"2\"").count() >= 11);
    assert!(content.matches("<table:table ").count() >= 15);
    let pictures: Vec<&String> = files
        .iter()
        .map(|(n, _)| n)
        .filter(|n| n.starts_with("Pictures/") && n.ends_with(".svg"))
        .collect();
    assert!(pictures.len() >= 10);
    let manifest = entry(&files, "META-INF/manifest.xml");
    for p in &pictures {
        assert!(
            manifest.contains(&format!("manifest:full-path=\"{p}\"")),
            "{p}"
        );
        assert!(content.contains(&format!("xlink:href=\"{p}\"")), "{p}");
    }
    let text = paragraphs(content, &["text:p", "text:h"]);
    for q in quotes(&study) {
        assert!(text.iter().any(|p| p == &q), "quote: {q}");
    }
    for name in NAMES {
        assert!(!content.contains(name), "{name}");
    }
    // Every XML part is well formed.
    for (name, bytes) in &files {
        if name.ends_with(".xml") {
            let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
            let mut buf = Vec::new();
            loop {
                match reader.read_event_into(&mut buf) {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => buf.clear(),
                    Err(e) => panic!("{name}: {e}"),
                }
            }
        }
    }
    libreoffice_converts(&file, home.path());
}

/// Converts a document to PDF with LibreOffice headless when it is installed.
fn libreoffice_converts(file: &Path, dir: &Path) {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("LibreOffice is not installed: the PDF conversion is not tried");
        return;
    };
    let out = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = file.with_extension("pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn the_html_report_opens_in_a_real_browser_with_its_headings_and_tables() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required under CI (.ci/run installs it)"
        );
        eprintln!("Chromium is not installed: the browser test is not run");
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let file = report(home.path(), &study, "rapport.html");
    let url = format!("file://{}", file.display());
    let profile = home.path().join("chromium");
    let base = |args: &[&str]| {
        let mut cmd = Command::new(browser);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--enable-logging=stderr", "--v=0"])
        .args(args)
        .arg(&url)
        .env("HOME", home.path());
        cmd.output().unwrap()
    };
    // The DOM as the browser built it.
    let out = base(&["--dump-dom", "--virtual-time-budget=2000"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8(out.stdout).unwrap();
    let console: Vec<&str> = std::str::from_utf8(&out.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.contains("CONSOLE"))
        .collect();
    assert!(console.is_empty(), "console: {console:?}");
    let h2: Vec<String> = dom
        .split("<h2>")
        .skip(1)
        .map(|s| s.split("</h2>").next().unwrap().to_owned())
        .collect();
    for expected in [
        "Méthode",
        "Repérage des personnes",
        "Lieux et formes de prostitution",
        "Proxénétisme et traite",
        "Situations décrites",
        "Annexe",
    ] {
        assert!(h2.iter().any(|h| h == expected), "{expected} in {h2:?}");
    }
    assert!(dom.matches("<table>").count() >= 15);
    assert!(dom.matches("<svg").count() >= 10);
    assert!(dom.matches("<blockquote>").count() >= 9);
    // A screenshot of the first page.
    let shot = home.path().join("rapport.png");
    let out = base(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1100,1400",
        "--hide-scrollbars",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    if let Some(keep) = std::env::var_os("GRILLE_REPORT_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}
