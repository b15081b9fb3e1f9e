//! The exports of the hand-made study's tables (see `analysis::fixture` for the figures): the
//! same report written as CSV (with and without BOM, `,` or `;`), JSON, Markdown and xlsx, the
//! xlsx read back with calamine.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::{Format, Options, render, write_report};
use crate::analysis::filter::Filter;
use crate::analysis::fixture::fixture;
use crate::analysis::frequencies::frequencies;
use crate::analysis::situations::situations;
use crate::analysis::table::Report;
use crate::analysis::tables::{frequencies_report, situations_report};
use crate::i18n::{EN, FR};

fn report() -> Report {
    let f = fixture();
    let filter = Filter::default();
    let freq = frequencies(&filter.scope(&f.study, &f.sessions), None).unwrap();
    frequencies_report(&freq, &filter, &FR)
}

fn text(report: &Report, format: Format, options: &Options) -> String {
    String::from_utf8(render(report, format, options).unwrap()).unwrap()
}

#[test]
fn csv_is_a_plain_grid_with_a_point_by_default() {
    let csv = text(&report(), Format::Csv, &Options::default());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6); // header + 5 codes
    assert!(lines[0].starts_with("code,nom,extraits,entretiens,répondant·es,% répondant·es,mots codés,extraits (avec sous-codes),"));
    // lieux/hotel alone and with descendants: 2 excerpts, 2 sessions, 2 of 3 respondents
    // (66.7 %), 3 words.
    assert_eq!(lines[5], "lieux/hotel,Hôtel,2,2,2,66.7,3,2,2,2,66.7,3");
    // proxenetisme: alone 1, 1, 1, 33.3 %, 4 words; with descendants 5, 2, 2, 66.7 %, 14.
    assert_eq!(
        lines[1],
        "proxenetisme,Proxénétisme,1,1,1,33.3,4,5,2,2,66.7,14"
    );
    assert!(!csv.starts_with('\u{feff}'));
}

#[test]
fn csv_for_french_spreadsheets_has_a_bom_semicolons_and_decimal_commas() {
    let options = Options {
        bom: true,
        separator: b';',
        decimal_comma: true,
    };
    let bytes = render(&report(), Format::Csv, &options).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        csv.lines()
            .any(|l| l == "lieux/hotel;Hôtel;2;2;2;66,7;3;2;2;2;66,7;3"),
        "{csv}"
    );
}

#[test]
fn csv_of_several_tables_puts_each_under_its_title() {
    let f = fixture();
    let filter = Filter::default();
    let s = situations(&filter.scope(&f.study, &f.sessions));
    let csv = text(
        &situations_report(&s, &filter, &EN),
        Format::Csv,
        &Options::default(),
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "Situations per attribute");
    assert_eq!(
        lines[1],
        "attribute,multi-valued,value,situations,% of situations"
    );
    // genre femme: 2 of 4 situations.
    assert_eq!(lines[2], "Genre,,Femme,2,50.0");
    assert!(lines.contains(&"Lieux,yes,Hôtel,2,50.0"));
    assert!(lines.contains(&"Situations per code"));
    assert!(lines.contains(&"Situations per group of respondents"));
    // An empty line (one empty quoted field) separates the tables.
    assert!(lines.contains(&"\"\""));
}

#[test]
fn json_keeps_column_order_and_unrounded_numbers() {
    let json = text(&report(), Format::Json, &Options::default());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let table = &v["tables"][0];
    assert_eq!(table["title"], "Fréquences des codes");
    assert_eq!(table["columns"][5]["key"], "respondents_pct");
    assert_eq!(table["columns"][5]["kind"], "percent");
    let row = &table["rows"][4];
    assert_eq!(row["code"], "lieux/hotel");
    assert_eq!(row["excerpts"], 2);
    assert!((row["respondents_pct"].as_f64().unwrap() - 200.0 / 3.0).abs() < 1e-12);
    // lieux alone has 0 excerpts and 0 % (a real zero, not a missing value).
    assert_eq!(table["rows"][3]["respondents_pct"], 0.0);
    // Keys in column order, as people read the table.
    let first_keys: Vec<&str> = json
        .lines()
        .skip_while(|l| !l.contains("\"rows\""))
        .skip(2)
        .take(3)
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(first_keys, ["code", "name", "excerpts"]);
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
    assert_eq!(*rule, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    assert!(
        lines.contains(&"| lieux/hotel | Hôtel | 2 | 2 | 2 | 66,7 | 3 | 2 | 2 | 2 | 66,7 | 3 |")
    );
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
    let f = fixture();
    let filter = Filter::default();
    let s = situations(&filter.scope(&f.study, &f.sessions));
    let bytes = render(
        &situations_report(&s, &filter, &FR),
        Format::Xlsx,
        &Options::default(),
    )
    .unwrap();
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
    write_report(&report(), Format::Xlsx, &Options::default(), &path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(&std::fs::read(&path).unwrap()[..2], b"PK"); // a zip, replaced whole
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1); // no temp file left
    assert_eq!(Format::from_path(&path), Some(Format::Xlsx));
    // A folder that does not exist: an error naming it, nothing written.
    let bad = dir.path().join("absent/f.csv");
    let err = write_report(&report(), Format::Csv, &Options::default(), &bad).unwrap_err();
    assert!(err.to_string().contains("absent"), "{err}");
}
