//! Exports carry no identity unless asked (issue 19): the real binary exports the example
//! study in every format, and the files are read back — unzipped when they are archives —
//! to look for the names of its interviewers and coders and for the values of the attributes
//! the template marks identifying (fonction, structure) and the interviews' locations.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::grille;

/// A temporary home with the example study in `etude/`.
fn example() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let study = home.path().join("etude");
    grille(home.path())
        .args(["init", study.to_str().unwrap(), "--examples"])
        .assert()
        .success();
    (home, study)
}

fn export(home: &Path, study: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    grille(home)
        .args(["--study", study.to_str().unwrap(), "export"])
        .args(args)
        .assert()
}

/// What a file says: its text, or for a zip (xlsx, qdpx, a zip of CSV) the text of every entry.
fn said(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if !bytes.starts_with(b"PK") {
        return String::from_utf8(bytes).unwrap();
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).unwrap();
        all.push_str(&String::from_utf8_lossy(&text));
    }
    all
}

/// What identifies someone in the example study: its interviewers and coders (by name and
/// family name alone), a value of each identifying attribute, a location.
const IDENTITIES: &[&str] = &[
    "Sami",
    "Benali",
    "Camille Roux",
    "Roux",
    "Léa Martin",
    "Sage-femme",
    "Infirmière scolaire",
    "Lycée professionnel",
    "Compagnie de gendarmerie",
    "Centre de santé sexuelle, salle",
    "Mairie, bureau des adjoints",
    "entretien-06.txt",
];

/// Every export of the example study, each to its file in `out`, with `extra` arguments.
fn export_everything(home: &Path, study: &Path, out: &Path, extra: &[&str]) -> Vec<PathBuf> {
    std::fs::create_dir_all(out).unwrap();
    let runs: &[(&[&str], &str)] = &[
        (&["excerpts"], "excerpts.csv"),
        (&["excerpts"], "excerpts.xlsx"),
        (&["excerpts"], "excerpts.json"),
        (&["excerpts"], "excerpts.md"),
        (&["frequencies", "--by", "secteur"], "frequencies.xlsx"),
        (&["situations", "--by", "territoire"], "situations.zip"),
        (&["answers"], "answers.md"),
        (&["cooccurrence", "--matrix", "sessions"], "sessions.csv"),
        (&["cooccurrence"], "codes.json"),
        (
            &["agreement", "--coders", "Léa Martin,Sami Benali"],
            "agreement.md",
        ),
        (&["saturation"], "saturation.xlsx"),
        (&["qdpx"], "etude.qdpx"),
        (&["qdc"], "codes.qdc"),
    ];
    let mut files = Vec::new();
    for (args, name) in runs {
        let file = out.join(name);
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["-o", file.to_str().unwrap()]);
        all.extend(extra);
        export(home, study, &all).success();
        files.push(file);
    }
    for (what, chart) in [
        ("situations", "situations.svg"),
        ("answers", "answers.svg"),
        ("frequencies", "frequencies.svg"),
    ] {
        let table = out.join(format!("{what}-for-chart.md"));
        let chart = out.join(chart);
        let mut all = vec![
            what,
            "-o",
            table.to_str().unwrap(),
            "--chart",
            chart.to_str().unwrap(),
        ];
        all.extend(extra);
        export(home, study, &all).success();
        files.extend([table, chart]);
    }
    files
}

#[test]
fn no_export_carries_a_name_an_identifying_value_or_a_location() {
    let (home, study) = example();
    let out = home.path().join("exports");
    let files = export_everything(home.path(), &study, &out, &[]);
    for file in &files {
        let text = said(file);
        assert!(!text.is_empty(), "{} is empty", file.display());
        for identity in IDENTITIES {
            assert!(
                !text.contains(identity),
                "{} holds \"{identity}\"",
                file.display()
            );
        }
        assert!(!text.contains("--with-identities"), "{}", file.display());
    }
    // Coders are there, as initials: Sami Benali is S.B., Léa Martin L.M., Camille Roux C.R.
    let excerpts = said(&out.join("excerpts.csv"));
    let coders: Vec<&str> = excerpts
        .lines()
        .skip(1)
        .filter_map(|l| l.split(';').find(|f| f.ends_with('.') && f.len() <= 5))
        .collect();
    assert!(coders.contains(&"S.B."), "{excerpts}");
    assert!(coders.contains(&"C.R."), "{excerpts}");
    // The agreement between the two coders of R02 is computed, under their initials.
    let agreement = said(&out.join("agreement.md"));
    assert!(
        agreement.contains("L.M.") && agreement.contains("S.B."),
        "{agreement}"
    );
    // The respondents' pseudonyms and the attributes that are not identifying stay.
    assert!(
        excerpts.contains("R03") && excerpts.contains("Police"),
        "{excerpts}"
    );
    let qdpx = said(&out.join("etude.qdpx"));
    assert!(
        qdpx.contains("S.B.") && qdpx.contains("R06"),
        "project without the team"
    );
}

#[test]
fn with_identities_everything_is_there_and_each_file_says_so() {
    let (home, study) = example();
    let out = home.path().join("exports");
    let files = export_everything(home.path(), &study, &out, &["--with-identities"]);
    let warning = "ATTENTION : ce fichier contient des identités";
    for file in &files {
        let text = said(file);
        if file.extension().unwrap() == "qdc" {
            // A codebook names nobody: nothing to warn about, nothing to find.
            continue;
        }
        // A chart wraps its subtitle: the warning comes first, its start on the first line.
        let start = match file.extension().unwrap() == "svg" {
            true => "ATTENTION : ce fichier",
            false => warning,
        };
        assert!(text.contains(start), "{} does not say so", file.display());
    }
    let csv = said(&out.join("excerpts.csv"));
    let first = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(first.starts_with(warning), "{first}");
    for identity in [
        "Sami Benali",
        "Camille Roux",
        "Sage-femme",
        "Lycée professionnel",
    ] {
        assert!(csv.contains(identity), "excerpts without {identity}");
    }
    let qdpx = said(&out.join("etude.qdpx"));
    for identity in ["Sami Benali", "Léa Martin", "Mairie, bureau des adjoints"] {
        assert!(qdpx.contains(identity), "project without {identity}");
    }
}

#[test]
fn a_table_by_an_identifying_attribute_needs_with_identities() {
    let (home, study) = example();
    let refused = export(home.path(), &study, &["frequencies", "--by", "structure"])
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(
        err.contains("« structure » est un attribut identifiant"),
        "{err}"
    );
    let md = export(
        home.path(),
        &study,
        &[
            "frequencies",
            "--by",
            "structure",
            "--format",
            "md",
            "--with-identities",
        ],
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("Lycée professionnel"), "{md}");
}

#[test]
fn a_coder_is_chosen_by_name_or_by_initials() {
    let (home, study) = example();
    for name in ["Sami Benali", "S.B."] {
        let md = export(
            home.path(),
            &study,
            &["excerpts", "--coder", name, "--format", "md"],
        )
        .success()
        .get_output()
        .stdout
        .clone();
        let md = String::from_utf8(md).unwrap();
        assert!(md.contains("S.B.") && !md.contains("C.R."), "{name}: {md}");
    }
}
