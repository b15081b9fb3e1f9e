//! Reading a transcript's bytes as text: UTF-8, or an encoding the file states (a UTF-16 BOM,
//! an XML declaration), so that nothing is silently mis-decoded.
//!
//! A file in another encoding is refused with where its first invalid byte is and which
//! encoding it looks like (chardetng's guess), with the `iconv` command that converts it: the
//! researcher converts it once, knowingly, rather than grille guessing on sensitive material.

use std::path::Path;

use chardetng::EncodingDetector;
use encoding_rs::Encoding;

use super::error::ImportError;
use super::sniff;
use crate::study::text;

/// Why bytes are not acceptable UTF-8 text, and what they look like instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Byte offset (from 0) of the first byte that is not UTF-8.
    pub offset: usize,
    /// Line (from 1) and column (in characters, from 1) of that byte.
    pub line: usize,
    pub column: usize,
    /// The encoding the bytes most likely are in (`windows-1252`, `UTF-16LE`…), if any.
    pub guess: Option<&'static str>,
}

/// The file's text: UTF-8 (its BOM dropped) or UTF-16 with a byte-order mark, with `\n` line
/// endings, NFC. A file that is not text, or text in an encoding it does not declare, is
/// refused with what it looks like.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    decode_declared(file, bytes, None)
}

/// Like [`decode`], for formats that name their encoding (XML's `encoding="ISO-8859-1"`): a
/// file without a BOM is read in `declared` when it is given and known.
pub fn decode_declared(
    file: &Path,
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<String, ImportError> {
    let named = || file.to_path_buf();
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        // A BOM says the encoding without guessing: Praat's UTF-16 TextGrids, Notepad's
        // "Unicode" text.
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .ok_or_else(|| ImportError::NotUtf8 {
                file: named(),
                detail: NotUtf8 {
                    offset: bom,
                    line: 1,
                    column: 1,
                    guess: Some(encoding.name()),
                },
            })?;
        return finish(file, &text, bytes.len() == bom);
    }
    if let Some(kind) = sniff::sniff(bytes) {
        return Err(ImportError::NotText {
            file: named(),
            kind,
        });
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.as_bytes()))
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, _) = encoding.decode(bytes);
        return finish(file, &text, bytes.is_empty());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(file, text, bytes.is_empty()),
        Err(e) => Err(ImportError::NotUtf8 {
            file: named(),
            detail: locate(bytes, e.valid_up_to()),
        }),
    }
}

/// The text of a spreadsheet export (a form's responses as CSV), and the encoding it was read
/// in. Like [`decode`], except that bytes which are not UTF-8 are read in the legacy encoding
/// they look like (chardetng's guess: windows-1252 for the "CSV" a French Excel or a Drupal
/// site writes): every form tool and spreadsheet writes those, and the dry run shows the
/// encoding used and every value read, so the researcher sees a wrong guess before anything is
/// written.
pub fn decode_guessing(file: &Path, bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Ok((decode(file, bytes)?, encoding.name()));
    }
    if std::str::from_utf8(bytes).is_ok() || sniff::sniff(bytes).is_some() {
        return Ok((decode(file, bytes)?, encoding_rs::UTF_8.name()));
    }
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    let (text, _, _) = guess.decode(bytes);
    Ok((finish(file, &text, false)?, guess.name()))
}

/// Decoded text as the model keeps it; an empty file is refused.
fn finish(file: &Path, text: &str, empty: bool) -> Result<String, ImportError> {
    if empty {
        return Err(ImportError::Empty {
            file: file.to_path_buf(),
        });
    }
    // NUL is valid UTF-8 but never transcript text.
    if text.contains('\0') {
        return Err(ImportError::NotText {
            file: file.to_path_buf(),
            kind: sniff::NotText::Binary,
        });
    }
    Ok(text::normalize(text))
}

/// Where the first invalid byte is, and chardetng's guess at the encoding.
pub fn locate(bytes: &[u8], offset: usize) -> NotUtf8 {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // The bytes before `offset` are valid UTF-8, so the column counts characters.
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    NotUtf8 {
        offset,
        line,
        column,
        guess: (guess != encoding_rs::UTF_8).then(|| guess.name()),
    }
}

/// A name people know the encoding by, beside its standard name.
pub fn common_name(encoding: &str) -> Option<&'static str> {
    Some(match encoding {
        "windows-1252" => "Latin-1",
        "ISO-8859-2" | "windows-1250" => "Latin-2",
        "ISO-8859-15" => "Latin-9",
        "macintosh" => "Mac Roman",
        "UTF-16LE" | "UTF-16BE" => "Unicode",
        "IBM866" => "DOS",
        _ => return None,
    })
}

/// The name `iconv -f` knows the encoding by.
pub fn iconv_name(encoding: &str) -> String {
    encoding.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8]) -> ImportError {
        decode(Path::new("t.txt"), bytes).unwrap_err()
    }

    #[test]
    fn utf8_with_bom_and_crlf_becomes_model_text() {
        // BOM, CRLF, and "é" written decomposed (e + U+0301).
        let text = decode(
            Path::new("t.txt"),
            "\u{feff}Caf\u{65}\u{301}\r\nfin".as_bytes(),
        );
        assert_eq!(text.unwrap(), "Café\nfin");
    }

    #[test]
    fn latin1_is_refused_with_its_position_and_encoding() {
        // "Bonjour\nl'h\xf4tel" in ISO-8859-1: ô is the single byte 0xF4 at offset 11, which is
        // line 2, column 4 ("l", "'", "h", then ô).
        let err = refused(b"Bonjour\nl'h\xf4tel du centre, \xe0 c\xf4t\xe9 de la gare");
        let ImportError::NotUtf8 { detail, .. } = err else {
            panic!("{err:?}");
        };
        assert_eq!((detail.offset, detail.line, detail.column), (11, 2, 4));
        assert_eq!(detail.guess, Some("windows-1252"));
        assert_eq!(common_name("windows-1252"), Some("Latin-1"));
        assert_eq!(iconv_name("windows-1252"), "WINDOWS-1252");
    }

    #[test]
    fn utf16_with_a_bom_is_read_and_without_one_is_named() {
        let mut le = vec![0xff, 0xfe];
        le.extend(
            "Enquêtrice : Bonjour\r\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(
            decode(Path::new("t.txt"), &le).unwrap(),
            "Enquêtrice : Bonjour\n"
        );
        // The same without its BOM: named for what it is, not taken for Latin-1.
        let err = refused(&le[2..]);
        assert!(
            matches!(
                err,
                ImportError::NotText {
                    kind: sniff::NotText::Utf16 { big_endian: false },
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(iconv_name("UTF-16LE"), "UTF-16LE");
    }

    #[test]
    fn a_declared_encoding_is_used_without_a_bom() {
        // "é" in ISO-8859-1 is the single byte 0xE9.
        let text = decode_declared(Path::new("t.trs"), b"caf\xe9", Some("ISO-8859-1")).unwrap();
        assert_eq!(text, "café");
    }

    #[test]
    fn a_spreadsheet_export_in_latin1_is_read_in_the_encoding_it_looks_like() {
        let bytes = b"Pseudo;Lieux\nR1;H\xf4tel; Appartement\nR2;Ch\xe2teau d'eau, \xe0 c\xf4t\xe9";
        let (text, encoding) = decode_guessing(Path::new("r.csv"), bytes).unwrap();
        assert_eq!(encoding, "windows-1252");
        assert!(text.contains("Hôtel") && text.contains("à côté"), "{text}");
        let (text, encoding) = decode_guessing(Path::new("r.csv"), "a;é".as_bytes()).unwrap();
        assert_eq!((text.as_str(), encoding), ("a;é", "UTF-8"));
        // A BOM wins, and binary stays refused.
        let (_, encoding) = decode_guessing(Path::new("r.csv"), b"\xEF\xBB\xBFa;b").unwrap();
        assert_eq!(encoding, "UTF-8");
        assert!(decode_guessing(Path::new("r.csv"), b"a\x00b").is_err());
    }

    #[test]
    fn nul_bytes_and_empty_files_are_refused() {
        assert!(matches!(
            refused(b"Bonjour\x00\x00\x00\x01"),
            ImportError::NotText {
                kind: sniff::NotText::Binary,
                ..
            }
        ));
        assert!(matches!(refused(b""), ImportError::Empty { .. }));
        assert!(matches!(
            refused(b"\xEF\xBB\xBF"),
            ImportError::Empty { .. }
        ));
    }
}
