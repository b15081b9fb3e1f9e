//! The file's codes into the study's codebook: a code already there (same GUID, or same path
//! when asked) is merged, not duplicated; the others are added under their parent, with a slug
//! made from their name (or the one grille wrote in `grille.json`), their colour and the parts
//! of their description. Codes that stand for the grid's questions become question attachments
//! instead; the codes holding them (the grid, its themes) are added only if something under
//! them is.

use std::collections::{BTreeMap, HashMap, HashSet};

use uuid::Uuid;

use super::report::Report;
use crate::interop::refi::describe;
use crate::interop::refi::export::GRID_CODE;
use crate::interop::refi::model::{self, Project};
use crate::study::codebook::new_code;
use crate::study::{Code, CodeId, Codebook, Grid, QuestionId, Resolution, text};

/// What a code of the file stands for in the study.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Code(CodeId),
    Question(QuestionId),
}

/// How a code of the file is recognised as one of the study's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Matching {
    /// The same GUID (the study's code id): files grille wrote, or tools that keep GUIDs.
    #[default]
    Guid,
    /// The same GUID, else the same path of names (`Proxénétisme/Conjugal`).
    Path,
}

pub struct Planned {
    pub book: Codebook,
    /// The codes to add, parents first, in the order of the file.
    pub added: Vec<Code>,
    pub targets: HashMap<Uuid, Target>,
}

/// Namespace of the codes made for the parts of a flat name (`lieux/hotel`).
const SPLIT_NS: Uuid = Uuid::from_u128(0x9a0f_51c3_2e7b_4f6d_8c14_b3a9_07e2_d51f);

pub fn plan(
    project: &Project,
    book: &Codebook,
    grid: &Grid,
    slugs: &BTreeMap<CodeId, String>,
    matching: Matching,
    note_text: &dyn Fn(Uuid) -> Option<String>,
    report: &mut Report,
) -> Planned {
    let questions: HashSet<Uuid> = grid.questions().map(|(_, q)| q.id.0).collect();
    let structural: HashSet<Uuid> = grid
        .themes
        .iter()
        .map(|t| t.id.0)
        .chain([GRID_CODE])
        .collect();
    // Taguette writes a hierarchy as flat names joined by `/`.
    let split = project.origin.to_lowercase().starts_with("taguette");
    let mut p = Planner {
        book: book.clone(),
        original: book.clone(),
        added: Vec::new(),
        targets: HashMap::new(),
        slugs,
        matching,
        questions: &questions,
        structural: &structural,
        note_text,
    };
    for code in &project.codes {
        if split && code.children.is_empty() && code.name.contains('/') {
            p.split(code, report);
        } else {
            p.visit(code, None, report);
        }
    }
    Planned {
        book: p.book,
        added: p.added,
        targets: p.targets,
    }
}

struct Planner<'a> {
    book: Codebook,
    original: Codebook,
    added: Vec<Code>,
    targets: HashMap<Uuid, Target>,
    slugs: &'a BTreeMap<CodeId, String>,
    matching: Matching,
    questions: &'a HashSet<Uuid>,
    structural: &'a HashSet<Uuid>,
    note_text: &'a dyn Fn(Uuid) -> Option<String>,
}

impl Planner<'_> {
    /// Whether a code of the file needs a code in the study: every code does, but a question
    /// (an attachment) and a grid or theme code with nothing but questions under it.
    fn needed(&self, code: &model::Code) -> bool {
        if self.questions.contains(&code.guid) {
            return false;
        }
        if self.structural.contains(&code.guid) {
            return code.children.iter().any(|c| self.needed(c));
        }
        true
    }

    fn visit(&mut self, code: &model::Code, parent: Option<CodeId>, report: &mut Report) {
        if self.questions.contains(&code.guid) {
            self.targets
                .insert(code.guid, Target::Question(QuestionId(code.guid)));
            for child in &code.children {
                self.visit(child, parent, report);
            }
            return;
        }
        if !self.needed(code) {
            for child in &code.children {
                self.visit(child, parent, report);
            }
            return;
        }
        let id = self.place(code, &code.name, code.guid, parent, report);
        self.targets.insert(code.guid, Target::Code(id));
        for child in &code.children {
            self.visit(child, Some(id), report);
        }
    }

    /// `lieux/hotel` as `lieux` › `hotel`: the parts before the last are found by path or made.
    fn split(&mut self, code: &model::Code, report: &mut Report) {
        let parts: Vec<&str> = code
            .name
            .split('/')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let Some((last, parents)) = parts.split_last() else {
            return self.visit(code, None, report);
        };
        let mut parent = None;
        let mut path = String::new();
        for part in parents {
            path.push_str(&text::fold(part));
            path.push('/');
            let bare = model::Code {
                guid: Uuid::new_v5(&SPLIT_NS, path.as_bytes()),
                name: (*part).to_owned(),
                codable: true,
                color: None,
                description: String::new(),
                note_refs: Vec::new(),
                children: Vec::new(),
                line: code.line,
            };
            let id = self
                .find_by_path(&bare.name, parent)
                .unwrap_or_else(|| self.place(&bare, part, bare.guid, parent, report));
            parent = Some(id);
        }
        let id = self.place(code, last, code.guid, parent, report);
        self.targets.insert(code.guid, Target::Code(id));
    }

    /// The study's code for a code of the file: the one merged with, or a new one.
    fn place(
        &mut self,
        code: &model::Code,
        name: &str,
        guid: Uuid,
        parent: Option<CodeId>,
        report: &mut Report,
    ) -> CodeId {
        // A code of the study, or one merged since into another (its codings count there).
        let existing = match self.original.resolve(CodeId(guid)) {
            Resolution::Live(c) | Resolution::Merged { into: c, .. } => Some(c.id),
            Resolution::Removed(_) | Resolution::Unknown if self.matching == Matching::Path => {
                self.find_by_path(name, parent)
            }
            Resolution::Removed(_) | Resolution::Unknown => None,
        };
        if let Some(id) = existing {
            let ours = self
                .book
                .get(id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            report.codes_merged.push(super::report::Merged {
                name: name.to_owned(),
                renamed: text::fold(&ours) != text::fold(name),
                path: self.book.path(id).unwrap_or_default(),
            });
            return id;
        }
        let name = match text::normalize(name.trim()) {
            n if n.is_empty() => "?".to_owned(),
            n => n,
        };
        let mut new = new_code(&self.book, &name, parent);
        // A GUID used twice in the file, or by a code the study deleted, gets a new id.
        new.id = if self.book.knows(CodeId(guid)) {
            CodeId(Uuid::new_v5(&guid, code.line.to_string().as_bytes()))
        } else {
            CodeId(guid)
        };
        if let Some(slug) = self.slugs.get(&CodeId(guid))
            && crate::study::validate::check_key(slug).is_ok()
            && !self.book.children(parent).any(|c| &c.slug == slug)
        {
            new.slug = slug.clone();
        }
        if let Some(colour) = code.color.as_deref().and_then(colour) {
            new.colour = colour;
        }
        let mut d = describe::parse(&text::normalize(&code.description));
        let notes: Vec<String> = code
            .note_refs
            .iter()
            .filter_map(|n| (self.note_text)(*n))
            .map(|t| text::normalize(t.trim()))
            .filter(|t| !t.is_empty())
            .collect();
        if !notes.is_empty() {
            // grille has no memos on codes: the code's notes join its description.
            d.description = [d.description.clone()]
                .into_iter()
                .chain(notes)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
        }
        new.description = d.description;
        new.use_when = d.use_when;
        new.dont_use_when = d.dont_use_when;
        new.example = d.example;
        let id = new.id;
        self.book.codes.push(new.clone());
        self.added.push(new);
        report.codes_added += 1;
        id
    }

    /// A code of the study under `parent` whose name or slug is this name's.
    fn find_by_path(&self, name: &str, parent: Option<CodeId>) -> Option<CodeId> {
        let folded = text::fold(name);
        let slug = new_code(&Codebook::default(), name, None).slug;
        self.book
            .children(parent)
            .find(|c| text::fold(&c.name) == folded || c.slug == slug)
            .map(|c| c.id)
    }
}

/// `#RRGGBB` or `#RGB` as grille writes colours (`#rrggbb`).
pub fn colour(raw: &str) -> Option<String> {
    let hex = raw.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_in_both_forms() {
        assert_eq!(colour("#46AA00").as_deref(), Some("#46aa00"));
        assert_eq!(colour("#f0a").as_deref(), Some("#ff00aa"));
        assert_eq!(colour("red"), None);
        assert_eq!(colour("#12345"), None);
    }
}
