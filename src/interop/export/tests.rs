//! The exports of the hand-made study's tables (see `analysis::fixture` for the figures): the
//! same report written as CSV (with and without BOM, `,` or `;`), JSON, Markdown and xlsx, the
//! xlsx read back with calamine; a report of several tables as one CSV per table, in a folder
//! or a zip.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::{
    DestinationError, ExportError, Format, Options, Target, csv_files, render, write_report,
};
use crate::analysis::categories::Base;
use crate::analysis::filter::Filter;
use crate::analysis::fixture::fixture;
use crate::analysis::frequencies::frequencies;
use crate::analysis::situations::situations;
use crate::analysis::table::Report;
use crate::analysis::tables::{Counted, frequencies_report, situations_report};
use crate::i18n::{EN, FR, Lang};

fn report() -> Report {
    let f = fixture();
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &f.sessions);
    let freq = frequencies(&scope, None).unwrap();
    frequencies_report(&freq, &Counted::of(&scope, &FR), &FR)
}

fn situations_tables(t: &'static crate::i18n::Texts) -> Report {
    let f = fixture();
    let filter = Filter::default();
    let scope = filter.scope(&f.study, &f.sessions);
    let s = situations(&scope);
    situations_report(&s, &f.study.meta, &Counted::of(&scope, t), Base::All, t)
}

fn text(report: &Report, format: Format, options: &Options) -> String {
    String::from_utf8(render(report, format, options).unwrap()).unwrap()
}

#[test]
fn csv_is_a_plain_grid_with_a_point_by_default() {
    let csv = text(&report(), Format::Csv, &Options::default());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6); // header + 5 codes
    assert!(lines[0].starts_with("code,nom,extraits,entretiens,répondant·es,% répondant·es,% répondant·es : IC 95 % bas,% répondant·es : IC 95 % haut,mots codés,extraits (avec sous-codes),"));
    // lieux/hotel alone and with descendants: 2 excerpts, 2 sessions, 2 of 3 respondents
    // (66.7 %, Wilson [20.8 %; 93.9 %]), 3 words.
    assert_eq!(
        lines[5],
        "lieux/hotel,Hôtel,2,2,2,66.7,20.8,93.9,3,2,2,2,66.7,20.8,93.9,3"
    );
    // proxenetisme: alone 1, 1, 1, 33.3 % [6.1; 79.2], 4 words; with descendants 4 (the
    // reference coder's), 2, 2, 66.7 %, 14.
    assert_eq!(
        lines[1],
        "proxenetisme,Proxénétisme,1,1,1,33.3,6.1,79.2,4,4,2,2,66.7,20.8,93.9,14"
    );
    assert!(!csv.starts_with('\u{feff}'));
}

#[test]
fn csv_for_french_spreadsheets_has_a_bom_semicolons_and_decimal_commas() {
    let options = Options {
        bom: true,
        separator: b';',
        decimal_comma: true,
        preamble: None,
    };
    let bytes = render(&report(), Format::Csv, &options).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        csv.lines()
            .any(|l| l == "lieux/hotel;Hôtel;2;2;2;66,7;20,8;93,9;3;2;2;2;66,7;20,8;93,9;3"),
        "{csv}"
    );
}

#[test]
fn a_report_of_several_tables_is_one_csv_per_table() {
    let report = situations_tables(&EN);
    // One CSV file holds one table: refused, naming the tables.
    match render(&report, Format::Csv, &Options::default()) {
        Err(ExportError::SeveralTables(keys)) => assert_eq!(
            keys,
            ["situations", "situations-codes", "situations-respondents"]
        ),
        other => panic!("{other:?}"),
    }
    let files = csv_files(&report, &Options::default()).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "situations.csv",
            "situations-codes.csv",
            "situations-respondents.csv"
        ]
    );
    let first = String::from_utf8(files[0].1.clone()).unwrap();
    let lines: Vec<&str> = first.lines().collect();
    assert!(
        lines[0].starts_with("attribute,applies to,value,row,n,% of all,% of all: 95% CI low,"),
        "{}",
        lines[0]
    );
    // genre femme: 2 of 4 persons (50 %, Wilson [15.0; 85.0]); of the 3 given, 66.7 %.
    assert!(
        lines[1].starts_with("Genre,,Femme,option,2,50.0,15.0,85.0,66.7,20.8,93.9,66.7,"),
        "{}",
        lines[1]
    );
    // In a zip, the same files.
    let bytes = super::zip(&files).unwrap();
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), 3);
    let mut inner = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("situations.csv").unwrap(), &mut inner)
        .unwrap();
    assert_eq!(inner, first);
}

#[test]
fn french_conventions_follow_the_language() {
    let fr = Options::for_lang(Lang::Fr);
    assert_eq!((fr.bom, fr.separator, fr.decimal_comma), (true, b';', true));
    let en = Options::for_lang(Lang::En);
    assert_eq!(
        (en.bom, en.separator, en.decimal_comma),
        (false, b',', false)
    );
    assert_eq!(Options::default(), en);
}

#[test]
fn json_keeps_column_order_and_unrounded_numbers() {
    let json = text(&report(), Format::Json, &Options::default());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let table = &v["tables"][0];
    assert_eq!(table["title"], "Fréquences des codes");
    assert_eq!(table["columns"][5]["key"], "respondents_pct");
    assert_eq!(table["columns"][5]["kind"], "percent");
    assert_eq!(table["columns"][6]["key"], "respondents_pct_low");
    let row = &table["rows"][4];
    assert_eq!(row["code"]["key"], "lieux/hotel");
    assert_eq!(row["excerpts"], 2);
    assert!((row["respondents_pct"].as_f64().unwrap() - 200.0 / 3.0).abs() < 1e-12);
    // lieux alone has 0 excerpts and 0 % (a real zero, not a missing value).
    assert_eq!(table["rows"][3]["respondents_pct"], 0.0);
    // Keys in column order, as people read the table.
    let rows = &json[json.find("\"rows\"").unwrap()..];
    let at = |key: &str| rows.find(&format!("\"{key}\":")).unwrap();
    assert!(at("code") < at("name") && at("name") < at("excerpts"));
    assert!(
        table["notes"][0]
            .as_str()
            .unwrap()
            .contains("3 répondant·e(s)")
    );
}

#[test]
fn markdown_is_a_pipe_table_with_numbers_to_the_right() {
    let md = text(
        &report(),
        Format::Markdown,
        &Options {
            decimal_comma: true,
            ..Options::default()
        },
    );
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "## Fréquences des codes");
    assert!(lines[2].starts_with("3 entretien(s), 3 répondant·e(s)"));
    let rule = lines.iter().find(|l| l.starts_with("|---")).unwrap();
    assert_eq!(
        *rule,
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    );
    assert!(lines.contains(
        &"| lieux/hotel | Hôtel | 2 | 2 | 2 | 66,7 | 20,8 | 93,9 | 3 | 2 | 2 | 2 | 66,7 | 20,8 | 93,9 | 3 |"
    ));
}

#[test]
fn xlsx_reads_back_with_header_numbers_and_real_percentages() {
    let bytes = render(&report(), Format::Xlsx, &Options::default()).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Fréquences"]);
    let range = book.worksheet_range("Fréquences").unwrap();
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("code".into())));
    assert_eq!(
        range.get_value((0, 5)),
        Some(&Data::String("% répondant·es".into()))
    );
    assert_eq!(
        range.get_value((5, 0)),
        Some(&Data::String("lieux/hotel".into()))
    );
    assert_eq!(range.get_value((5, 2)), Some(&Data::Float(2.0)));
    // The interval's bounds are percentages too.
    match range.get_value((5, 6)) {
        Some(Data::Float(x)) => assert!((x - 0.2077).abs() < 1e-4, "{x}"),
        other => panic!("expected a number, got {other:?}"),
    }
    // 66.7 % is stored as the fraction 2/3 with a percentage format.
    match range.get_value((5, 5)) {
        Some(Data::Float(x)) => assert!((x - 2.0 / 3.0).abs() < 1e-12),
        other => panic!("expected a number, got {other:?}"),
    }
    // The notes follow the table after an empty row.
    match range.get_value((7, 0)) {
        Some(Data::String(s)) => assert!(s.starts_with("3 entretien(s)"), "{s}"),
        other => panic!("expected the note, got {other:?}"),
    }
}

#[test]
fn xlsx_gives_each_table_its_sheet() {
    let bytes = render(&situations_tables(&FR), Format::Xlsx, &Options::default()).unwrap();
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Situations", "Situations par code", "Situations par groupe"]
    );
}

#[test]
fn files_are_written_whole_and_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("frequences.xlsx");
    std::fs::write(&path, b"old export").unwrap();
    let err = write_report(
        &report(),
        Format::Xlsx,
        &Options::default(),
        &Target::File,
        &path,
        false,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ExportError::Destination(DestinationError::Exists { .. })
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"old export");
    write_report(
        &report(),
        Format::Xlsx,
        &Options::default(),
        &Target::File,
        &path,
        true,
    )
    .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(&std::fs::read(&path).unwrap()[..2], b"PK"); // a zip, replaced whole
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1); // no temp file left
    assert_eq!(Format::from_path(&path), Some(Format::Xlsx));
    // A folder that does not exist: an error naming it, nothing written.
    let bad = dir.path().join("absent/f.csv");
    let err = write_report(
        &report(),
        Format::Csv,
        &Options::default(),
        &Target::File,
        &bad,
        false,
    )
    .unwrap_err();
    assert!(err.to_string().contains("absent"), "{err}");
    // A folder of one CSV per table, created private.
    let folder = dir.path().join("situations");
    assert_eq!(Target::of(&folder, Format::Csv), Target::Folder);
    assert_eq!(
        Target::of(&dir.path().join("s.zip"), Format::Csv),
        Target::Zip
    );
    assert_eq!(
        Target::of(&dir.path().join("s.csv"), Format::Csv),
        Target::File
    );
    assert_eq!(Target::of(&folder, Format::Json), Target::File);
    let written = write_report(
        &situations_tables(&FR),
        Format::Csv,
        &Options::for_lang(Lang::Fr),
        &Target::Folder,
        &folder,
        false,
    )
    .unwrap();
    assert_eq!(written.len(), 3);
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    let bytes = std::fs::read(folder.join("situations-codes.csv")).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    // Again: the tables are there; nothing is replaced without being asked.
    std::fs::write(folder.join("situations-codes.csv"), "mine").unwrap();
    let again = write_report(
        &situations_tables(&FR),
        Format::Csv,
        &Options::for_lang(Lang::Fr),
        &Target::Folder,
        &folder,
        false,
    );
    assert!(again.is_err());
    assert_eq!(
        std::fs::read(folder.join("situations-codes.csv")).unwrap(),
        b"mine"
    );
}

#[test]
fn json_gives_option_keys_and_labels_whatever_the_language() {
    let row = |t: &'static crate::i18n::Texts| -> serde_json::Value {
        let json = text(&situations_tables(t), Format::Json, &Options::default());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["tables"][0]["rows"][0].clone()
    };
    let (fr, en) = (row(&FR), row(&EN));
    assert_eq!(fr["attribute"]["key"], "genre");
    assert_eq!(fr["value"]["key"], "femme");
    assert_eq!(en["value"]["key"], "femme");
    assert_eq!(fr["value"]["label"], "Femme");
    assert_eq!(fr["n"], 2);
    assert_eq!(fr["row"], "modalité");
    assert_eq!(en["row"], "option");
}
