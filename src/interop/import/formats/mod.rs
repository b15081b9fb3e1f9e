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

use super::cue_times::Malformed;
use super::defect::Defect;
use super::encoding::{decode, decode_declared};
use super::error::ImportError;
use super::{Transcript, subtitles, txt};

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
