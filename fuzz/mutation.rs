//! Inputs made from the kept corpus by a few edits, for the run under `cargo test`: random bytes
//! alone seldom get past a parser's first check (a JSON brace, a cue's arrow), while a real file
//! with a few bytes changed, cut or repeated reaches the code that reads its content. (Under
//! libFuzzer the plain targets mutate their corpus themselves, guided by coverage.)

use std::path::PathBuf;

use bolero::TypeGenerator;
use bolero::check;

/// Pieces that matter to grille's parsers: JSON, cue and XML punctuation, numbers at the edges,
/// times out of range, characters that are not what they seem.
const PIECES: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "-1",
    "0",
    "1e999",
    "-0",
    "18446744073709551615",
    "18446744073709551616",
    "4294967296",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "-->",
    "00:00:00,000",
    "99:99:99.999",
    "00:61:00.000",
    "<",
    ">",
    "</",
    "/>",
    "=\"",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "é",
    "e\u{301}",
    "\u{202e}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[2J",
    "\u{10ffff}",
    "(",
    ")",
    "NOT ",
    "SAUF ",
    " OU ",
    "~",
    "..",
    "2021-02-30",
    "9999-12-31T23:59:59+14:00",
];

#[derive(Debug, TypeGenerator)]
pub struct Mutation {
    seed: u16,
    edits: Vec<Edit>,
}

#[derive(Debug, TypeGenerator)]
enum Edit {
    /// Cuts `len` bytes out.
    Remove { at: u16, len: u8 },
    /// Puts one of [`PIECES`] in.
    Insert { at: u16, piece: u8 },
    /// Changes one byte.
    Byte { at: u16, byte: u8 },
    /// Repeats `len` bytes elsewhere.
    Copy { from: u16, len: u8, to: u16 },
    /// Ends the file there, as a crash or a full disk would.
    Cut { at: u16 },
}

/// A place in `bytes` (its end included) from a generated number.
fn place(bytes: &[u8], at: u16) -> usize {
    usize::from(at) % (bytes.len() + 1)
}

impl Mutation {
    /// One of `seeds` with the edits done.
    pub fn apply(&self, seeds: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = match seeds {
            [] => Vec::new(),
            _ => seeds[usize::from(self.seed) % seeds.len()].clone(),
        };
        for edit in &self.edits {
            match *edit {
                Edit::Remove { at, len } => {
                    let start = place(&bytes, at);
                    let end = (start + usize::from(len)).min(bytes.len());
                    bytes.drain(start..end);
                }
                Edit::Insert { at, piece } => {
                    let at = place(&bytes, at);
                    let piece = PIECES[usize::from(piece) % PIECES.len()].as_bytes();
                    bytes.splice(at..at, piece.iter().copied());
                }
                Edit::Byte { at, byte } => {
                    if !bytes.is_empty() {
                        let at = usize::from(at) % bytes.len();
                        bytes[at] = byte;
                    }
                }
                Edit::Copy { from, len, to } => {
                    let start = place(&bytes, from);
                    let end = (start + usize::from(len)).min(bytes.len());
                    let piece = bytes[start..end].to_vec();
                    let to = place(&bytes, to);
                    bytes.splice(to..to, piece);
                }
                Edit::Cut { at } => {
                    let at = place(&bytes, at);
                    bytes.truncate(at);
                }
            }
        }
        bytes
    }
}

/// The kept corpus of a target, sorted by name.
pub fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("fuzz/__fuzz__/{name}/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no corpus", dir.display());
    files
        .iter()
        .map(|p| std::fs::read(p).expect("a corpus file"))
        .collect()
}

/// Runs `target` on mutations of the corpus of the target `name`.
pub fn mutated(name: &str, mut target: impl FnMut(&[u8]) + std::panic::RefUnwindSafe) {
    let seeds = corpus(name);
    check!(name = format!("{name}_mutated"))
        .with_type::<Mutation>()
        .for_each(move |mutation: &Mutation| target(&mutation.apply(&seeds)));
}
