//! Reading a transcript's bytes as text: UTF-8 only, so that nothing is silently mis-decoded.
//!
//! A file in another encoding is refused with where its first invalid byte is and which
//! encoding it looks like (chardetng's guess), with the `iconv` command that converts it: the
//! researcher converts it once, knowingly, rather than grille guessing on sensitive material.

use std::path::Path;

use chardetng::EncodingDetector;
use encoding_rs::Encoding;

use super::error::ImportError;
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

/// The file's text: UTF-8 without its BOM, `\n` line endings, NFC.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    let named = || file.to_path_buf();
    if let Some((encoding, _)) = Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        // A UTF-16 BOM: Windows Notepad's "Unicode". Refused at its first byte.
        return Err(ImportError::NotUtf8 {
            file: named(),
            detail: NotUtf8 {
                offset: 0,
                line: 1,
                column: 1,
                guess: Some(encoding.name()),
            },
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(ImportError::NotUtf8 {
                file: named(),
                detail: locate(bytes, e.valid_up_to()),
            });
        }
    };
    // NUL is valid UTF-8 but never transcript text: UTF-16 without a BOM, or a binary file
    // (a .docx renamed .txt) that happens to decode.
    if let Some(offset) = text.find('\0') {
        return Err(ImportError::Binary {
            file: named(),
            offset,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: named() });
    }
    Ok(text::normalize(text))
}

/// Where the first invalid byte is, and chardetng's guess at the encoding.
fn locate(bytes: &[u8], offset: usize) -> NotUtf8 {
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
    match encoding {
        // A BOM tells iconv the byte order; `UTF-16` keeps it from copying the BOM through.
        "UTF-16LE" | "UTF-16BE" => "UTF-16".into(),
        other => other.to_ascii_uppercase(),
    }
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
    fn utf16_is_recognised_by_its_bom() {
        let err = refused(b"\xff\xfeB\x00o\x00");
        let ImportError::NotUtf8 { detail, .. } = err else {
            panic!("{err:?}");
        };
        assert_eq!(detail.guess, Some("UTF-16LE"));
        assert_eq!(iconv_name("UTF-16LE"), "UTF-16");
    }

    #[test]
    fn nul_bytes_and_empty_files_are_refused() {
        // UTF-16LE without BOM: "Bo" is B, NUL, o, NUL; the first NUL is at offset 1.
        assert!(matches!(
            refused(b"B\x00o\x00"),
            ImportError::Binary { offset: 1, .. }
        ));
        assert!(matches!(refused(b""), ImportError::Empty { .. }));
        assert!(matches!(
            refused(b"\xEF\xBB\xBF"),
            ImportError::Empty { .. }
        ));
    }
}
