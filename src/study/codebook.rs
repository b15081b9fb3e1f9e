//! The codebook: a tree of codes with the definitions analysts code by.
//!
//! On disk the tree is nested (`children`), which reads well and diffs well. In memory it is a
//! flat list where each code names its parent: renames, moves and merges then touch one entry.
//! Siblings keep the order of the list.

use serde::{Deserialize, Serialize};

use super::format::Format;
use super::ids::CodeId;
use super::retired::{Retired, Step};

/// One category of the codebook. Serialised flat (with its parent) in journal records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub id: CodeId,
    /// Path component (`conjugal`); with its ancestors' it forms the code's path
    /// (`proxenetisme/conjugal`), used in queries and exports. Unique among siblings.
    pub slug: String,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    pub description: String,
    pub use_when: String,
    pub dont_use_when: String,
    pub example: String,
    pub parent: Option<CodeId>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "CodebookFile", into = "CodebookFile")]
pub struct Codebook {
    pub revision: u64,
    pub codes: Vec<Code>,
    /// Codes merged into another or deleted, oldest first (see [`super::retired`]).
    pub retired: Vec<Retired>,
    /// The last operations, oldest first, with what undoes each.
    pub history: Vec<Step>,
}

impl Codebook {
    pub fn get(&self, id: CodeId) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: CodeId) -> Option<&mut Code> {
        self.codes.iter_mut().find(|c| c.id == id)
    }

    pub fn contains(&self, id: CodeId) -> bool {
        self.get(id).is_some()
    }

    /// Direct children of `parent` (`None`: the top-level codes), in order.
    pub fn children(&self, parent: Option<CodeId>) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(move |c| c.parent == parent)
    }

    /// Every code in tree order (depth first) with its depth (0 for top-level codes).
    pub fn tree(&self) -> Vec<(usize, &Code)> {
        let mut out = Vec::with_capacity(self.codes.len());
        self.walk(None, 0, &mut out);
        out
    }

    fn walk<'a>(&'a self, parent: Option<CodeId>, depth: usize, out: &mut Vec<(usize, &'a Code)>) {
        for code in self.children(parent) {
            out.push((depth, code));
            self.walk(Some(code.id), depth + 1, out);
        }
    }

    /// The code and its ancestors, from the code up to the root.
    pub fn ancestry(&self, id: CodeId) -> Vec<&Code> {
        let mut chain = Vec::new();
        let mut next = self.get(id);
        while let Some(code) = next {
            // A cycle would loop for ever; validation reports it, here we just stop.
            if chain.iter().any(|c: &&Code| c.id == code.id) {
                break;
            }
            chain.push(code);
            next = code.parent.and_then(|p| self.get(p));
        }
        chain
    }

    /// The readable path of a code, e.g. `proxenetisme/conjugal`.
    pub fn path(&self, id: CodeId) -> Option<String> {
        let chain = self.ancestry(id);
        if chain.is_empty() {
            return None;
        }
        let slugs: Vec<&str> = chain.iter().rev().map(|c| c.slug.as_str()).collect();
        Some(slugs.join("/"))
    }

    /// The code with this path, if any.
    pub fn by_path(&self, path: &str) -> Option<&Code> {
        let path = path.trim_matches('/');
        self.codes
            .iter()
            .find(|c| self.path(c.id).as_deref() == Some(path))
    }

    /// The code and all codes under it.
    pub fn descendants(&self, id: CodeId) -> Vec<CodeId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            out.extend(self.children(Some(parent)).map(|c| c.id));
            i += 1;
        }
        out
    }

    /// Whether `id` is `ancestor` or lies under it.
    pub fn is_within(&self, id: CodeId, ancestor: CodeId) -> bool {
        self.ancestry(id).iter().any(|c| c.id == ancestor)
    }
}

/// Colours given in turn to codes created on the spot; the analyst can change them.
const PALETTE: [&str; 10] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
    "#bcbd22", "#7f7f7f",
];

/// A new code named `name` under `parent`, with a slug made from the name (accents folded,
/// lowercase, `-` between words) that no sibling uses, and a colour from the palette.
pub fn new_code(book: &Codebook, name: &str, parent: Option<CodeId>) -> Code {
    let folded = super::text::fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let base = if words.is_empty() {
        "code".to_owned()
    } else {
        words.join("-")
    };
    let taken = |slug: &str| book.children(parent).any(|c| c.slug == slug);
    let mut slug = base.clone();
    let mut n = 2;
    while taken(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Code {
        id: CodeId::new(),
        slug,
        name: name.trim().to_owned(),
        colour: PALETTE[book.codes.len() % PALETTE.len()].to_owned(),
        description: String::new(),
        use_when: String::new(),
        dont_use_when: String::new(),
        example: String::new(),
        parent,
    }
}

/// The nested form of `codebook.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodebookFile {
    format: Format,
    #[serde(default)]
    revision: u64,
    codes: Vec<CodeNode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    retired: Vec<Retired>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Step>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeNode {
    id: CodeId,
    slug: String,
    name: String,
    colour: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    use_when: String,
    #[serde(default)]
    dont_use_when: String,
    #[serde(default)]
    example: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    children: Vec<CodeNode>,
}

impl From<CodebookFile> for Codebook {
    fn from(file: CodebookFile) -> Self {
        fn flatten(nodes: Vec<CodeNode>, parent: Option<CodeId>, out: &mut Vec<Code>) {
            for node in nodes {
                let id = node.id;
                out.push(Code {
                    id,
                    slug: node.slug,
                    name: node.name,
                    colour: node.colour,
                    description: node.description,
                    use_when: node.use_when,
                    dont_use_when: node.dont_use_when,
                    example: node.example,
                    parent,
                });
                flatten(node.children, Some(id), out);
            }
        }
        let mut codes = Vec::new();
        flatten(file.codes, None, &mut codes);
        Codebook {
            revision: file.revision,
            codes,
            retired: file.retired,
            history: file.history,
        }
    }
}

impl From<Codebook> for CodebookFile {
    fn from(book: Codebook) -> Self {
        fn nest(book: &Codebook, parent: Option<CodeId>) -> Vec<CodeNode> {
            book.children(parent)
                .map(|c| CodeNode {
                    id: c.id,
                    slug: c.slug.clone(),
                    name: c.name.clone(),
                    colour: c.colour.clone(),
                    description: c.description.clone(),
                    use_when: c.use_when.clone(),
                    dont_use_when: c.dont_use_when.clone(),
                    example: c.example.clone(),
                    children: nest(book, Some(c.id)),
                })
                .collect()
        }
        CodebookFile {
            format: Format,
            revision: book.revision,
            codes: nest(&book, None),
            retired: book.retired,
            history: book.history,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn code(slug: &str, parent: Option<CodeId>) -> Code {
        Code {
            id: CodeId::new(),
            slug: slug.into(),
            name: slug.to_uppercase(),
            colour: "#aa3355".into(),
            description: String::new(),
            use_when: String::new(),
            dont_use_when: String::new(),
            example: String::new(),
            parent,
        }
    }

    /// proxenetisme { conjugal, hotelier }, lieux { hotel }
    pub fn sample() -> Codebook {
        let p = code("proxenetisme", None);
        let c = code("conjugal", Some(p.id));
        let h = code("hotelier", Some(p.id));
        let l = code("lieux", None);
        let ho = code("hotel", Some(l.id));
        Codebook {
            revision: 0,
            codes: vec![p, l, c, ho, h],
            ..Default::default()
        }
    }

    #[test]
    fn paths_descendants_and_tree_order() {
        let book = sample();
        let conjugal = book.by_path("proxenetisme/conjugal").unwrap();
        assert_eq!(conjugal.slug, "conjugal");
        assert_eq!(book.path(conjugal.id).unwrap(), "proxenetisme/conjugal");
        let p = book.by_path("proxenetisme").unwrap().id;
        let under: Vec<String> = book
            .descendants(p)
            .into_iter()
            .map(|id| book.path(id).unwrap())
            .collect();
        assert_eq!(
            under,
            [
                "proxenetisme",
                "proxenetisme/conjugal",
                "proxenetisme/hotelier"
            ]
        );
        let tree: Vec<(usize, &str)> = book
            .tree()
            .into_iter()
            .map(|(d, c)| (d, c.slug.as_str()))
            .collect();
        assert_eq!(
            tree,
            [
                (0, "proxenetisme"),
                (1, "conjugal"),
                (1, "hotelier"),
                (0, "lieux"),
                (1, "hotel")
            ]
        );
        assert!(book.is_within(conjugal.id, p));
        assert!(!book.is_within(p, conjugal.id));
    }

    #[test]
    fn new_codes_get_a_free_slug_from_their_name() {
        let book = sample();
        let c = new_code(&book, "Échange non financier", None);
        assert_eq!(c.slug, "echange-non-financier");
        let p = book.by_path("proxenetisme").unwrap().id;
        let c = new_code(&book, "Conjugal", Some(p));
        assert_eq!(c.slug, "conjugal-2", "conjugal is taken under proxenetisme");
        assert_eq!(new_code(&book, "«»", None).slug, "code");
    }

    #[test]
    fn nested_file_round_trip_keeps_tree_and_order() {
        let book = sample();
        let json = serde_json::to_string_pretty(&book).unwrap();
        assert!(json.contains("\"children\""));
        let back: Codebook = serde_json::from_str(&json).unwrap();
        assert_eq!(back.tree().len(), 5);
        let order = |b: &Codebook| -> Vec<CodeId> { b.tree().iter().map(|(_, c)| c.id).collect() };
        assert_eq!(order(&back), order(&book));
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    }
}
