//! Reading a `.qdc`, `.qde` or `.qdpx` into memory: the project, the text of each source and
//! note it can find, and grille's `grille.json` when the archive has one. Problems with one
//! source (a rich-text file only, a text that is not UTF-8) are kept for the report; problems
//! with the file itself refuse it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::interop::import::encoding::{self, NotUtf8};
use crate::interop::refi::archive::{self, Archive};
use crate::interop::refi::error::RefiError;
use crate::interop::refi::extension::{self, Extension};
use crate::interop::refi::model::Project;
use crate::interop::refi::xml::{dom, read};

/// The kinds of REFI-QDA file, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A codebook (`.qdc`).
    Codebook,
    /// A project: an archive (`.qdpx`) or its bare XML (`.qde`, sources inline).
    Archive,
    Xml,
}

impl Kind {
    pub fn of(file: &Path) -> Option<Kind> {
        let ext = file.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "qdc" => Some(Kind::Codebook),
            "qdpx" => Some(Kind::Archive),
            "qde" => Some(Kind::Xml),
            _ => None,
        }
    }
}

/// Why a source's text could not be read: the source is left out and named in the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// Only a rich-text (`.docx`) file: grille reads plain text.
    RichTextOnly {
        path: String,
    },
    /// The plain-text file named is not in the archive (nor beside it).
    NotFound {
        path: String,
    },
    /// No text at all.
    NoText,
    NotUtf8 {
        path: String,
        detail: NotUtf8,
    },
    /// Larger than grille reads.
    TooLarge {
        path: String,
    },
}

/// A file as read, before anything is decided.
pub struct Input {
    pub file: PathBuf,
    pub kind: Kind,
    pub project: Project,
    /// Each text source's text (BOM removed, line endings as written), or why there is none.
    pub texts: HashMap<Uuid, Result<String, Missing>>,
    /// Notes whose text is in a file of the archive.
    pub note_texts: HashMap<Uuid, String>,
    pub extension: Option<Extension>,
    /// Files read from outside the archive (`relative://`, `absolute://` paths).
    pub outside: Vec<PathBuf>,
}

pub fn read(file: &Path) -> Result<Input, RefiError> {
    let kind = Kind::of(file).ok_or_else(|| RefiError::Unsupported {
        file: file.to_path_buf(),
    })?;
    match kind {
        Kind::Codebook | Kind::Xml => {
            let bytes = read_limited(file, archive::MAX_PROJECT_BYTES)?;
            let mut input = from_bytes(file, &bytes, kind)?;
            input.resolve_texts::<std::fs::File>(None, true)?;
            Ok(input)
        }
        Kind::Archive => {
            let mut zip = Archive::open(file)?;
            let entry = project_entry(&zip).ok_or_else(|| RefiError::NoProject {
                file: file.to_path_buf(),
            })?;
            let bytes = zip.read(&entry, archive::MAX_PROJECT_BYTES)?;
            let project = parse(file, &entry, &bytes, kind)?;
            let extension = match zip.find(extension::FILE) {
                Some(name) => {
                    let bytes = zip.read(&name, archive::MAX_PROJECT_BYTES)?;
                    serde_json::from_slice::<Extension>(&bytes)
                        .ok()
                        .filter(|e| e.format == extension::FORMAT)
                }
                None => None,
            };
            let mut input = Input {
                file: file.to_path_buf(),
                kind,
                project,
                texts: HashMap::new(),
                note_texts: HashMap::new(),
                extension,
                outside: Vec::new(),
            };
            input.resolve_texts(Some(&mut zip), true)?;
            Ok(input)
        }
    }
}

/// A bare `project.qde` or `.qdc` given as bytes, its texts only those given inline: nothing
/// else is read (the fuzz target feeds this, and [`read`] builds on it).
pub fn from_bytes(file: &Path, bytes: &[u8], kind: Kind) -> Result<Input, RefiError> {
    let project = parse(file, file_name(file), bytes, kind)?;
    let mut input = Input {
        file: file.to_path_buf(),
        kind,
        project,
        texts: HashMap::new(),
        note_texts: HashMap::new(),
        extension: None,
        outside: Vec::new(),
    };
    input.resolve_texts::<std::fs::File>(None, false)?;
    Ok(input)
}

fn file_name(file: &Path) -> &str {
    file.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

fn read_limited(file: &Path, limit: u64) -> Result<Vec<u8>, RefiError> {
    let io = |source| RefiError::Read {
        file: file.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(file).map_err(io)?.len();
    if len > limit {
        return Err(RefiError::TooLarge {
            file: file.to_path_buf(),
            entry: file_name(file).to_owned(),
            limit,
        });
    }
    std::fs::read(file).map_err(io)
}

/// `project.qde` at the root, else the only `.qde` of the archive.
fn project_entry<R: std::io::Read + std::io::Seek>(zip: &Archive<R>) -> Option<String> {
    if let Some(name) = zip.find("project.qde") {
        return Some(name);
    }
    let qde: Vec<String> = zip
        .names()
        .into_iter()
        .filter(|n| n.to_lowercase().ends_with(".qde"))
        .collect();
    match qde.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Decodes and parses a document; `entry` names it in messages.
pub fn parse(file: &Path, entry: &str, bytes: &[u8], kind: Kind) -> Result<Project, RefiError> {
    let text = decode_xml(bytes).map_err(|detail| RefiError::NotUtf8 {
        file: file.to_path_buf(),
        entry: entry.to_owned(),
        detail,
    })?;
    let root = dom::parse(&text).map_err(|error| RefiError::Xml {
        file: file.to_path_buf(),
        entry: entry.to_owned(),
        error,
    })?;
    let (root_kind, project) = read::project(&root).map_err(|root| RefiError::NotRefi {
        file: file.to_path_buf(),
        root,
    })?;
    if kind == Kind::Codebook && root_kind == read::Root::Project {
        return Err(RefiError::ProjectInCodebook {
            file: file.to_path_buf(),
        });
    }
    Ok(project)
}

/// Text as UTF-8 (a BOM dropped) or UTF-16 with its BOM; otherwise where the first byte that
/// is not UTF-8 is, and what the bytes look like. Line endings are kept as written: positions
/// count them.
pub fn decode(bytes: &[u8]) -> Result<String, NotUtf8> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(std::borrow::Cow::into_owned)
            .ok_or(NotUtf8 {
                offset: bom,
                line: 1,
                column: 1,
                guess: Some(encoding.name()),
            });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(encoding::locate(bytes, e.valid_up_to())),
    }
}

/// An XML document's text: as [`decode`], or in the encoding its declaration names
/// (`<?xml version="1.0" encoding="windows-1252"?>`), as XML readers must.
pub fn decode_xml(bytes: &[u8]) -> Result<String, NotUtf8> {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Some(declared) = declared_encoding(bytes)
        && declared != encoding_rs::UTF_8
        && declared.is_single_byte()
    {
        // Single-byte encodings map every byte: nothing can fail or be replaced.
        let (text, _) = declared.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    decode(bytes)
}

/// The encoding named by an XML declaration at the very start, if encoding_rs knows it.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let head = &head[..head.len().min(256)];
    let decl = &head[..head.windows(2).position(|w| w == b"?>")?];
    let at = decl.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = decl[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &rest[..rest.iter().position(|&b| b == quote)?];
    encoding_rs::Encoding::for_label(label)
}

/// The texts of a project's sources and notes, with the files read from outside the archive.
struct Texts {
    sources: HashMap<Uuid, Result<String, Missing>>,
    notes: HashMap<Uuid, String>,
    outside: Vec<PathBuf>,
    /// An entry too large to read: the whole file is refused.
    refused: Option<RefiError>,
}

impl Input {
    /// Reads the texts of the sources and notes. An entry larger than grille reads refuses the
    /// whole file: a zip bomb is not partly trusted.
    /// `disk`: whether `relative://` and `absolute://` paths may be read from disk.
    fn resolve_texts<R: std::io::Read + std::io::Seek>(
        &mut self,
        zip: Option<&mut Archive<R>>,
        disk: bool,
    ) -> Result<(), RefiError> {
        let base = disk.then(|| {
            self.file
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        });
        let mut texts = Texts {
            sources: HashMap::new(),
            notes: HashMap::new(),
            outside: Vec::new(),
            refused: None,
        };
        texts.resolve(&self.project, zip, base.as_deref());
        if let Some(e) = texts.refused.take() {
            return Err(e);
        }
        self.texts = texts.sources;
        self.note_texts = texts.notes;
        self.outside = texts.outside;
        Ok(())
    }
}

impl Texts {
    fn resolve<R: std::io::Read + std::io::Seek>(
        &mut self,
        project: &Project,
        mut zip: Option<&mut Archive<R>>,
        base: Option<&Path>,
    ) {
        for source in &project.sources {
            let text = match (&source.content, &source.plain_text_path) {
                (Some(content), _) if !content.is_empty() || source.plain_text_path.is_none() => {
                    Ok(content.clone())
                }
                (_, Some(path)) => self.load(zip.as_deref_mut(), base, path),
                (_, None) => {
                    // Some tools leave the path out and put the file under the source's GUID.
                    let guessed = format!("internal://{}.txt", source.guid);
                    match (
                        self.load(zip.as_deref_mut(), base, &guessed),
                        &source.rich_text_path,
                    ) {
                        (Ok(text), _) => Ok(text),
                        (Err(_), Some(rich)) => Err(Missing::RichTextOnly { path: rich.clone() }),
                        (Err(_), None) => Err(Missing::NoText),
                    }
                }
            };
            self.sources.insert(source.guid, text);
        }
        for note in &project.notes {
            if note.content.is_none()
                && let Some(path) = &note.plain_text_path
                && let Ok(text) = self.load(zip.as_deref_mut(), base, path)
            {
                self.notes.insert(note.guid, text);
            }
        }
    }

    /// The text at a REFI path: `internal://` in the archive's `sources/` (any case);
    /// `relative://` and `absolute://` in the archive first (by file name), then on disk.
    fn load<R: std::io::Read + std::io::Seek>(
        &mut self,
        zip: Option<&mut Archive<R>>,
        base: Option<&Path>,
        path: &str,
    ) -> Result<String, Missing> {
        let (scheme, rest) = match path.split_once("://") {
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => ("relative".to_owned(), path),
        };
        let rest = rest.replace('\\', "/");
        let name = rest.rsplit('/').next().unwrap_or(&rest).to_owned();
        let missing = || Missing::NotFound {
            path: path.to_owned(),
        };
        if let Some(zip) = zip {
            let candidates = [
                format!("sources/{rest}"),
                rest.clone(),
                format!("sources/{name}"),
            ];
            if let Some(entry) = candidates.iter().find_map(|c| zip.find(c)) {
                let bytes = zip.read(&entry, archive::MAX_TEXT_BYTES).map_err(|e| {
                    self.refused.get_or_insert(e);
                    Missing::TooLarge {
                        path: path.to_owned(),
                    }
                })?;
                return decode(&bytes).map_err(|detail| Missing::NotUtf8 {
                    path: path.to_owned(),
                    detail,
                });
            }
        }
        let on_disk = match (scheme.as_str(), base) {
            (_, None) => None,
            ("absolute", _) => Some(PathBuf::from(format!("/{}", rest.trim_start_matches('/')))),
            ("relative", Some(base)) => Some(base.join(&rest)),
            _ => None,
        };
        let file = on_disk.filter(|f| f.is_file()).ok_or_else(missing)?;
        let bytes = read_limited(&file, archive::MAX_TEXT_BYTES).map_err(|e| match e {
            RefiError::TooLarge { .. } => {
                self.refused.get_or_insert(e);
                Missing::TooLarge {
                    path: path.to_owned(),
                }
            }
            _ => missing(),
        })?;
        let text = decode(&bytes).map_err(|detail| Missing::NotUtf8 {
            path: path.to_owned(),
            detail,
        })?;
        self.outside.push(file);
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Proxénétisme" in Latin-1: é is the one byte 0xE9.
    fn latin1(decl: &str) -> Vec<u8> {
        let mut bytes = format!("{decl}<CodeBook>\n<Code name=\"Prox").into_bytes();
        bytes.extend([0xe9, b'n', 0xe9]);
        bytes.extend(b"tisme\"/></CodeBook>");
        bytes
    }

    #[test]
    fn xml_in_the_encoding_its_declaration_names() {
        for decl in [
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n",
            "<?xml version='1.0' encoding = 'ISO-8859-1' standalone='yes'?>\n",
            "<?xml version=\"1.0\" encoding=\"latin1\"?>\n",
        ] {
            let text = decode_xml(&latin1(decl)).unwrap();
            assert!(text.contains("name=\"Proxénétisme\""), "{decl}: {text}");
        }
        // Declared UTF-8, or not declared: the byte is named where it is.
        for decl in ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", ""] {
            let bytes = latin1(decl);
            let at = bytes.iter().position(|&b| b == 0xe9).unwrap();
            let detail = decode_xml(&bytes).unwrap_err();
            assert_eq!(
                (detail.offset, detail.line, detail.column),
                (at, if decl.is_empty() { 2 } else { 3 }, 17),
                "{decl}"
            );
        }
        // A declaration that names an encoding nobody knows is not trusted: UTF-8 it must be.
        let unknown = latin1("<?xml version=\"1.0\" encoding=\"klingon\"?>\n");
        assert!(decode_xml(&unknown).is_err());
        // The texts of sources have no declaration to follow.
        assert!(
            decode(&latin1(
                "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
            ))
            .is_err()
        );
    }

    #[test]
    fn a_bom_says_the_encoding_and_is_dropped() {
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "Oui, ça me va.\r\n".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16).unwrap(), "Oui, ça me va.\r\n");
        assert_eq!(
            decode("\u{feff}Déjà".as_bytes()).unwrap(),
            "Déjà",
            "UTF-8's BOM"
        );
        // UTF-16 cut in the middle of a surrogate pair.
        let mut broken = vec![0xff, 0xfe];
        broken.extend(0xd83du16.to_le_bytes());
        let detail = decode(&broken).unwrap_err();
        assert_eq!(detail.guess, Some("UTF-16LE"));
    }
}
