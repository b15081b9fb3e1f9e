//! What a file that is not text is: a document, an archive, a recording, UTF-16 without its
//! byte-order mark. Named so that the message says what to do with it ("save it as .docx",
//! "convert it from UTF-16"), rather than suggesting a conversion from Latin-1 that would only
//! make garbage.

/// A kind of file that is not a text transcript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// A zip archive: a `.docx`, `.odt` or `.xlsx` renamed, or a real archive.
    Zip,
    Pdf,
    /// A Word 97–2003 `.doc` (or another OLE compound file).
    OldWord,
    Rtf,
    Image,
    /// Sound or video: the recording itself, not its transcript.
    Recording,
    Executable,
    /// UTF-16 text without a byte-order mark, little- or big-endian.
    Utf16 {
        big_endian: bool,
    },
    /// Anything else with control bytes no text has.
    Binary,
}

/// How many bytes are looked at: enough for any signature and a fair sample of text.
const SAMPLE: usize = 8192;

/// What the bytes are, when they are not text (`None`: they may be text).
pub fn sniff(bytes: &[u8]) -> Option<NotText> {
    if let Some(kind) = signature(bytes) {
        return Some(kind);
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if let Some(big_endian) = utf16_without_bom(sample) {
        return Some(NotText::Utf16 { big_endian });
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    // One NUL is enough (no text holds one); other control bytes, a few in a hundred.
    (sample.contains(&0) || control * 100 > sample.len().max(1) * 2).then_some(NotText::Binary)
}

/// The magic numbers of the files people mistake for transcripts.
fn signature(bytes: &[u8]) -> Option<NotText> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    Some(if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        NotText::Zip
    } else if starts(b"%PDF-") {
        NotText::Pdf
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        NotText::OldWord
    } else if starts(b"{\\rtf") {
        NotText::Rtf
    } else if starts(b"\x89PNG") || starts(b"\xFF\xD8\xFF") || starts(b"GIF8") {
        NotText::Image
    } else if starts(b"ID3")
        || starts(b"OggS")
        || starts(b"fLaC")
        || (starts(b"RIFF") && (at(8, b"WAVE") || at(8, b"AVI ")))
        || at(4, b"ftyp")
        || starts(b"\x1A\x45\xDF\xA3")
        || (bytes.len() > 1 && bytes[0] == 0xFF && matches!(bytes[1], 0xE2..=0xFB))
    {
        NotText::Recording
    } else if starts(b"\x7FELF") || starts(b"MZ") || starts(b"\xCF\xFA\xED\xFE") {
        NotText::Executable
    } else {
        return None;
    })
}

/// UTF-16 without a BOM: most characters of a Latin-script text are ASCII, so every other byte
/// is zero, at odd offsets (little-endian) or even ones (big-endian).
fn utf16_without_bom(sample: &[u8]) -> Option<bool> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .chunks_exact(2)
            .filter(|pair| pair[parity] == 0 && pair[1 - parity] != 0)
            .count()
    };
    let (le, be) = (zeros_at(1), zeros_at(0));
    if le * 10 >= pairs * 6 {
        Some(false)
    } else if be * 10 >= pairs * 6 {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_recordings_and_programs_by_their_signature() {
        assert_eq!(sniff(b"PK\x03\x04\x14\x00\x06\x00"), Some(NotText::Zip));
        assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3"), Some(NotText::Pdf));
        assert_eq!(
            sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),
            Some(NotText::OldWord)
        );
        assert_eq!(sniff(b"ID3\x04\x00\x00"), Some(NotText::Recording));
        assert_eq!(
            sniff(b"RIFF\x24\x08\x00\x00WAVEfmt "),
            Some(NotText::Recording)
        );
        assert_eq!(sniff(b"\x00\x00\x00\x20ftypM4A "), Some(NotText::Recording));
        assert_eq!(sniff(b"\x7FELF\x02\x01\x01"), Some(NotText::Executable));
        assert_eq!(sniff(b"{\\rtf1\\ansi"), Some(NotText::Rtf));
    }

    #[test]
    fn utf16_without_bom_and_its_byte_order() {
        let le: Vec<u8> = "ENQ : Bonjour, vous allez bien ?"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "ENQ : Bonjour, vous allez bien ?"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(sniff(&le), Some(NotText::Utf16 { big_endian: false }));
        assert_eq!(sniff(&be), Some(NotText::Utf16 { big_endian: true }));
    }

    #[test]
    fn text_is_not_sniffed_and_control_bytes_are() {
        assert_eq!(sniff("ENQ : Bonjour\r\n\tMme B. : Oui.\n".as_bytes()), None);
        assert_eq!(sniff(b"l'h\xf4tel du centre"), None); // Latin-1: text, not binary
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"texte\x00suite"), Some(NotText::Binary));
        let noisy: Vec<u8> = (0u8..200)
            .map(|i| if i % 7 == 0 { 3 } else { b'a' })
            .collect();
        assert_eq!(sniff(&noisy), Some(NotText::Binary));
    }
}
