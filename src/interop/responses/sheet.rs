//! A response export read as sheets of text cells: a CSV file (any delimiter, any common
//! encoding, with or without a BOM) or a workbook (xlsx, xls, ods) with one sheet per table
//! (KoboToolbox puts each repeated group on its own sheet).
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1, the first response row 2,
//! so that a message's "row 14, column C" is where the researcher looks (a CSV's blank lines,
//! which the reader skips, are not counted).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::error::ResponsesError;
use crate::interop::import::encoding;

/// One table of the export: a header row, then one row per response (or per repeat).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The spreadsheet column of the first header (0 = A): letters in messages match the file.
    pub first_column: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The spreadsheet row number (the header is row 1).
    pub number: usize,
    /// One cell per header (missing trailing cells are empty).
    pub cells: Vec<String>,
}

/// How the file was read, for the report.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadAs {
    Csv {
        encoding: &'static str,
        delimiter: u8,
    },
    Workbook,
}

/// The sheets of an export, the responses first.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    pub read_as: ReadAs,
}

impl Sheet {
    /// The spreadsheet letters of column `index` of this sheet (`A`, `Z`, `AA`…).
    pub fn letter(&self, index: usize) -> String {
        column_letter(self.first_column + index)
    }

    /// The cell of a row under a header, `""` when the row is short.
    pub fn cell<'a>(&self, row: &'a Row, index: usize) -> &'a str {
        row.cells.get(index).map_or("", String::as_str)
    }
}

/// `0 → A`, `25 → Z`, `26 → AA`.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Reads an export: a workbook when the bytes are one (whatever the extension), else CSV.
pub fn read(file: &Path, bytes: &[u8]) -> Result<Book, ResponsesError> {
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if zip || ole {
        return read_workbook(file, bytes);
    }
    read_csv(file, bytes)
}

/// The delimiters a response export uses.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads a CSV export, its delimiter found from the first records.
pub fn read_csv(file: &Path, bytes: &[u8]) -> Result<Book, ResponsesError> {
    let (text, encoding) = encoding::decode_guessing(file, bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(record) => record
            .map_err(|e| csv_error(file, &e, 1))?
            .iter()
            .map(str::to_owned)
            .collect(),
        None => return Err(ResponsesError::NoHeader { file: file.into() }),
    };
    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let number = i + 2;
        let record = record.map_err(|e| csv_error(file, &e, number))?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    let sheet = Sheet {
        name: file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        headers,
        rows,
        first_column: 0,
    };
    check_widths(file, &sheet)?;
    Ok(Book {
        sheets: vec![sheet],
        read_as: ReadAs::Csv {
            encoding,
            delimiter,
        },
    })
}

fn csv_error(file: &Path, e: &csv::Error, row: usize) -> ResponsesError {
    ResponsesError::Csv {
        file: file.into(),
        row,
        message: match e.kind() {
            csv::ErrorKind::Utf8 { err, .. } => err.to_string(),
            _ => e.to_string(),
        },
    }
}

/// The delimiter that splits the header into the most columns while the next records have as
/// many cells: `;` for a French spreadsheet, `,` for most tools, a tab for a TSV.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut widths = reader
            .records()
            .take(20)
            .map_while(Result::ok)
            .map(|r| r.len());
        let Some(header) = widths.next() else {
            continue;
        };
        let agreeing = widths.filter(|w| *w == header).count();
        if header > 1 && (agreeing, header) > (best.1, best.2) {
            best = (delimiter, agreeing, header);
        }
    }
    best.0
}

/// A row with a non-empty cell beyond the header has data under no question: refused, named.
fn check_widths(file: &Path, sheet: &Sheet) -> Result<(), ResponsesError> {
    for row in &sheet.rows {
        if let Some(extra) =
            (sheet.headers.len()..row.cells.len()).find(|&i| !row.cells[i].trim().is_empty())
        {
            return Err(ResponsesError::CellWithoutHeader {
                file: file.into(),
                sheet: sheet.name.clone(),
                row: row.number,
                column: sheet.letter(extra),
                value: row.cells[extra].clone(),
            });
        }
    }
    Ok(())
}

/// Reads every sheet of a workbook (xlsx, xls, ods) as text cells.
pub fn read_workbook(file: &Path, bytes: &[u8]) -> Result<Book, ResponsesError> {
    let bad = |message: String| ResponsesError::Workbook {
        file: file.into(),
        message,
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let Some(header) = rows.next() else {
            continue;
        };
        let headers: Vec<String> = header.iter().map(cell_text).collect();
        let mut sheet = Sheet {
            name,
            headers,
            rows: Vec::new(),
            first_column: left as usize,
        };
        for (i, cells) in rows.enumerate() {
            let cells: Vec<String> = cells.iter().map(cell_text).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            sheet.rows.push(Row {
                number: top as usize + i + 2,
                cells,
            });
        }
        // Trailing columns without a header and without data are the sheet's used range only.
        check_widths(file, &sheet)?;
        sheets.push(sheet);
    }
    if sheets.is_empty() {
        return Err(ResponsesError::NoHeader { file: file.into() });
    }
    Ok(Book {
        sheets,
        read_as: ReadAs::Workbook,
    })
}

/// A workbook cell as the text a CSV export would hold: whole numbers without a fraction,
/// dates as `YYYY-MM-DD` (with the time when there is one).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_duration() => number_text(d.as_f64()),
        Data::DateTime(d) => date_time_text(d),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A date cell to the nearest second: a serial number of days is a float, and 09:12:30 is
/// stored a hair under it (calamine gives 09:12:29.999).
fn date_time_text(d: &calamine::ExcelDateTime) -> String {
    use chrono::{NaiveDate, SubsecRound, TimeDelta};
    let (y, m, day, h, min, s, milli) = d.to_ymd_hms_milli();
    let exact = NaiveDate::from_ymd_opt(y.into(), m.into(), day.into())
        .and_then(|date| date.and_hms_opt(h.into(), min.into(), s.into()))
        .and_then(|t| t.checked_add_signed(TimeDelta::milliseconds(milli.into())));
    let Some(t) = exact.map(|t| t.round_subsecs(0)) else {
        return number_text(d.as_f64());
    };
    if t.time() == chrono::NaiveTime::MIN {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &[u8]) -> Book {
        read(Path::new("r.csv"), text).unwrap()
    }

    #[test]
    fn letters_count_like_a_spreadsheet() {
        let got: Vec<String> = [0, 2, 25, 26, 27, 51, 52, 701, 702]
            .iter()
            .map(|i| column_letter(*i))
            .collect();
        assert_eq!(got, ["A", "C", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn the_delimiter_is_found_and_rows_numbered_as_a_spreadsheet_shows_them() {
        // A comma inside a `;` file does not fool the sniffer; the blank line is skipped
        // (rows are records, the header row 1).
        let book = csv(b"id;lieux;age\nR1;H\xc3\xb4tel, rue;34\n\nR2;rue;12,5\n");
        let sheet = &book.sheets[0];
        assert_eq!(sheet.headers, ["id", "lieux", "age"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].cells, ["R1", "Hôtel, rue", "34"]);
        assert_eq!((sheet.rows[0].number, sheet.rows[1].number), (2, 3));
        assert_eq!(
            book.read_as,
            ReadAs::Csv {
                encoding: "UTF-8",
                delimiter: b';'
            }
        );
        let tabs = csv(b"a\tb\n1\t2\n");
        assert_eq!(tabs.sheets[0].rows[0].cells, ["1", "2"]);
        let commas = csv(b"\"a\",\"b; c\"\n\"1\",\"2\"\n");
        assert_eq!(commas.sheets[0].headers, ["a", "b; c"]);
    }

    #[test]
    fn excel_unicode_text_is_utf16_with_tabs() {
        // Excel's "Unicode text" (Texte Unicode): UTF-16LE with a BOM, tab-separated.
        let mut bytes = vec![0xff, 0xfe];
        let text = "pseudo\tlieux\r\nR1\tHôtels; Rue\r\n";
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let book = csv(&bytes);
        assert_eq!(book.sheets[0].headers, ["pseudo", "lieux"]);
        assert_eq!(book.sheets[0].rows[0].cells, ["R1", "Hôtels; Rue"]);
        assert_eq!(
            book.read_as,
            ReadAs::Csv {
                encoding: "UTF-16LE",
                delimiter: b'\t'
            }
        );
    }

    #[test]
    fn a_value_beyond_the_header_is_refused_with_its_row_and_column() {
        let err = read(Path::new("r.csv"), b"a,b\n1,2\n3,4,oops\n").unwrap_err();
        match err {
            ResponsesError::CellWithoutHeader {
                row, column, value, ..
            } => assert_eq!((row, column.as_str(), value.as_str()), (3, "C", "oops")),
            other => panic!("{other:?}"),
        }
        // Empty trailing cells are only a ragged line.
        assert_eq!(csv(b"a,b\n1,2,,\n").sheets[0].rows.len(), 1);
    }
}
