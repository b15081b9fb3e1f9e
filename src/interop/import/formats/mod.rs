//! The file formats grille reads, by extension, and the reader of each. Text formats are
//! decoded (UTF-8 or a BOM), XML formats in the encoding they declare, office documents
//! unzipped.

pub mod elan;
pub mod office;
pub mod praat;
pub mod transcriber;
pub mod web;
pub mod whisper;
pub mod xml;

use std::path::Path;
use std::time::Duration;

use super::cue_times::Malformed;
use super::defect::Defect;
use super::encoding::{decode, decode_declared};
use super::error::ImportError;
use super::{Transcript, subtitles, txt};

/// A time in seconds as transcription tools write it (`9.483782`), to the millisecond; `None`
/// for what is not a time in a recording (negative, not finite, beyond 30 years).
pub fn seconds(s: f64) -> Option<Duration> {
    (s.is_finite() && (0.0..1e9).contains(&s))
        .then(|| Duration::from_millis((s * 1000.0).round() as u64))
}

/// The kinds of file grille imports, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.md`: typed transcripts, Otter, TranscribeMe, f4/f5, noScribe's and Whisper's
    /// text exports, Whisper's console output (`.wt`).
    Text,
    Srt,
    Vtt,
    Docx,
    Odt,
    /// noScribe's editable transcript.
    Html,
    /// oTranscribe.
    Otr,
    /// Whisper, whisper-ctranslate2, whisper-timestamped, WhisperX.
    WhisperJson,
    WhisperTsv,
    TextGrid,
    Eaf,
    Trs,
}

impl Kind {
    pub fn of(file: &Path) -> Option<Kind> {
        let ext = file.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" | "markdown" | "wt" => Kind::Text,
            "srt" => Kind::Srt,
            "vtt" => Kind::Vtt,
            "docx" => Kind::Docx,
            "odt" => Kind::Odt,
            "html" | "htm" => Kind::Html,
            "otr" => Kind::Otr,
            "json" => Kind::WhisperJson,
            "tsv" => Kind::WhisperTsv,
            "textgrid" => Kind::TextGrid,
            "eaf" => Kind::Eaf,
            "trs" => Kind::Trs,
            _ => return None,
        })
    }
}

/// Reads a file's bytes as a transcript of its kind. `known` are labels that are speakers
/// whatever their count (the interviewer's name or label, as given).
pub fn read(
    kind: Kind,
    file: &Path,
    bytes: &[u8],
    known: &[&str],
) -> Result<Transcript, ImportError> {
    let malformed = |line: Option<usize>, defect: Defect| ImportError::Malformed {
        file: file.to_path_buf(),
        line,
        defect,
    };
    let cues = |m: Malformed| malformed(Some(m.line), m.defect);
    let xml_tree = |bytes: &[u8]| -> Result<xml::Element, ImportError> {
        let text = decode_declared(file, bytes, xml::declared_encoding(bytes).as_deref())?;
        xml::parse(&text, false).map_err(|b| malformed(Some(b.line), b.defect))
    };
    let office = |e: office::Unreadable| malformed(e.line, e.defect);
    Ok(match kind {
        Kind::Text => txt::parse(&decode(file, bytes)?, known),
        Kind::Srt => subtitles::parse_srt(&decode(file, bytes)?, known).map_err(cues)?,
        Kind::Vtt => subtitles::parse_vtt(&decode(file, bytes)?, known).map_err(cues)?,
        Kind::Docx => {
            let text = office::to_text(&office::docx(bytes).map_err(office)?);
            txt::parse(&crate::study::text::normalize(&text), known)
        }
        Kind::Odt => {
            let text = office::to_text(&office::odt(bytes).map_err(office)?);
            txt::parse(&crate::study::text::normalize(&text), known)
        }
        Kind::Html => {
            web::noscribe(&decode(file, bytes)?).map_err(|b| malformed(Some(b.line), b.defect))?
        }
        Kind::Otr => web::otranscribe(&decode(file, bytes)?, known)
            .map_err(|(line, defect)| malformed(line, defect))?,
        Kind::WhisperJson => {
            whisper::parse_json(&decode(file, bytes)?).map_err(|b| malformed(b.line, b.defect))?
        }
        Kind::WhisperTsv => {
            whisper::parse_tsv(&decode(file, bytes)?).map_err(|b| malformed(b.line, b.defect))?
        }
        Kind::TextGrid => {
            praat::parse(&decode(file, bytes)?).map_err(|b| malformed(Some(b.line), b.defect))?
        }
        Kind::Eaf => elan::parse(&xml_tree(bytes)?),
        Kind::Trs => transcriber::parse(&xml_tree(bytes)?),
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;

    use super::*;

    const KINDS: [Kind; 12] = [
        Kind::Text,
        Kind::Srt,
        Kind::Vtt,
        Kind::Docx,
        Kind::Odt,
        Kind::Html,
        Kind::Otr,
        Kind::WhisperJson,
        Kind::WhisperTsv,
        Kind::TextGrid,
        Kind::Eaf,
        Kind::Trs,
    ];

    /// Bytes that look like each format's beginning, then anything: the readers get past their
    /// first checks and meet damage deeper in.
    fn shaped() -> impl Strategy<Value = Vec<u8>> {
        let starts = prop::sample::select(vec![
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v ",
            "1\n00:00:01,000 --> 00:00:02,000\n",
            "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0\n3\n<exists>\n1\n\"IntervalTier\"\n",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Trans><Speakers><Speaker id=\"s\"/></Speakers><Turn speaker=\"s",
            "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"",
            "{\"segments\": [{\"start\": ",
            "start\tend\ttext\n",
            "{\"text\": \"<p><span class=\\\"timestamp\\\" data-timestamp=\\\"",
            "<html><body><p><a name=\"ts_1_2_S",
            "Interviewer = S00\nS00: ",
            "[00:00.000 --> ",
        ]);
        (starts, prop::collection::vec(any::<u8>(), 0..200)).prop_map(|(start, tail)| {
            let mut bytes = start.as_bytes().to_vec();
            bytes.extend(tail);
            bytes
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any bytes, as any format: a transcript or an error naming the file, never a panic.
        #[test]
        fn no_input_makes_a_reader_panic(bytes in prop_oneof![shaped(), prop::collection::vec(any::<u8>(), 0..300)]) {
            for kind in KINDS {
                let _ = read(kind, Path::new("f"), &bytes, &["ENQ"]);
            }
        }

        /// A zip holding damaged XML where Word and LibreOffice keep their text.
        #[test]
        fn no_office_document_makes_a_reader_panic(xml in ".{0,200}") {
            for (kind, part) in [(Kind::Docx, "word/document.xml"), (Kind::Odt, "content.xml")] {
                let mut bytes = Vec::new();
                {
                    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
                    zip.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
                    zip.write_all(format!("<a><body><text><p>{xml}").as_bytes()).unwrap();
                    zip.finish().unwrap();
                }
                let _ = read(kind, Path::new("f"), &bytes, &[]);
            }
        }
    }
}
