//! Helpers of the REFI-QDA tests: fixtures, archives in memory, whole study folders as JSON,
//! and xmllint.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A study made by `grille init` in `home/etude`, with the example sessions or without.
pub fn init(home: &Path, examples: bool) -> PathBuf {
    let study = home.join("etude");
    let mut cmd = crate::common::grille(home);
    cmd.args(["init", study.to_str().unwrap()]);
    if examples {
        cmd.arg("--examples");
    }
    cmd.assert().success();
    study
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/refi")
        .join(name)
}

/// Every file under `dir` (relative path → bytes): a folder before and after.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The study's files as JSON (`study.json`, `grid.json`, `codebook.json`, `sessions/*.json`),
/// flattened to one entry per value (`sessions/….json/codings[3]/start`) so that a difference
/// is named where it is.
pub fn study_json(dir: &Path) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    for (name, bytes) in snapshot(dir) {
        if name.ends_with(".json") && !name.starts_with("index") {
            flatten(&name, &serde_json::from_slice(&bytes).unwrap(), &mut out);
        }
    }
    out
}

pub fn flatten(
    path: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, serde_json::Value>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                flatten(&format!("{path}/{k}"), v, out);
            }
        }
        serde_json::Value::Array(list) if !list.is_empty() => {
            for (i, v) in list.iter().enumerate() {
                flatten(&format!("{path}[{i}]"), v, out);
            }
        }
        // How many changes a file has seen is its own history, not the study's content.
        _ if path.ends_with("/revision") => {}
        other => {
            out.insert(path.to_owned(), other.clone());
        }
    }
}

/// The entries of a zip archive.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.insert(entry.name().to_owned(), data);
    }
    out
}

/// A zip archive of these entries, in this order.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Validates an XML file against a schema with xmllint (Debian's libxml2-utils, installed by
/// `.ci/run`); fails, never skips, when xmllint is missing.
pub fn assert_valid(schema: &Path, xml: &Path) {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(xml)
        .output()
        .expect("xmllint (apt-get install libxml2-utils) is needed by this test");
    assert!(
        out.status.success(),
        "{} does not validate against {}:\n{}",
        xml.display(),
        schema.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Compares two maps key by key and fails naming each difference, briefly.
pub fn assert_same<V: PartialEq + std::fmt::Debug>(
    got: &BTreeMap<String, V>,
    want: &BTreeMap<String, V>,
) {
    let mut problems = Vec::new();
    for key in want
        .keys()
        .chain(got.keys())
        // REFI-QDA has no "à citer" mark: a .qdpx does not carry it (README, issue #17).
        .filter(|k| !k.contains("/quote"))
        .collect::<std::collections::BTreeSet<_>>()
    {
        match (got.get(key), want.get(key)) {
            (Some(g), Some(w)) if g == w => {}
            (g, w) => {
                let short = |v: Option<&V>| {
                    let s = format!("{v:?}");
                    if s.len() > 600 {
                        format!(
                            "{}…",
                            &s[..s.char_indices().nth(600).map_or(s.len(), |(i, _)| i)]
                        )
                    } else {
                        s
                    }
                };
                problems.push(format!("{key}:\n  got  {}\n  want {}", short(g), short(w)));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} difference(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
