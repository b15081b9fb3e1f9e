//! Counting hits per code (every depth of the codebook) and per session over a whole result
//! set, for the facet counts.
//!
//! Each document carries, in a fast column, the codes it counts for as a bit mask
//! (`code_nodes`): bit `i` for the codebook's `i`-th code when the document is coded with it or
//! with a code under it (a hit coded `a/b` and `a/c` counts once for `a`). Counting a hit is
//! then two column reads (the mask, the session number) and an addition per bit, done a block
//! of documents at a time; masks are turned into code paths once, at the end. The first search
//! costs what the hundredth does: no table to build per segment.
//!
//! A codebook has more than 63 codes: a document coded with one beyond the 63rd is marked
//! [`OVERFLOW`], and its codes are read from its facets, as they are stored (slower, but only
//! for those documents).
//!
//! The tally never scores: the hits' scores come from a separate, pruned pass that looks only
//! for the best ones (see `search`).

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::study::{CodeId, Codebook};

/// All hits, hits per code path (`proxenetisme/conjugal`, `proxenetisme`), and hits per session
/// number.
pub type Tallies = (u64, HashMap<String, u64>, Vec<(u64, u64)>);

/// Codes a mask can name: the first 63 of the codebook.
const BITS: usize = 63;

/// The mask bit of a document whose codes are read from its facets.
pub const OVERFLOW: u64 = 1 << 63;

/// The mask of a document coded with `codes`: their bits and their ancestors'.
pub fn code_nodes(book: &Codebook, codes: impl IntoIterator<Item = CodeId>) -> u64 {
    let mut mask = 0;
    for code in codes {
        for node in book.ancestry(code) {
            match book.codes.iter().position(|c| c.id == node.id) {
                Some(i) if i < BITS => mask |= 1 << i,
                _ => mask |= OVERFLOW,
            }
        }
    }
    mask
}

/// The path of each mask bit: the codebook's codes in their stored order.
pub fn bit_paths(book: &Codebook) -> Arc<[String]> {
    book.codes
        .iter()
        .take(BITS)
        .map(|c| book.path(c.id).unwrap_or_default())
        .collect()
}

pub struct FacetTally {
    /// The path of each mask bit ([`bit_paths`]).
    pub paths: Arc<[String]>,
    /// The u64 fast field of masks, the facet field of codes, the u64 fast field of session
    /// numbers.
    pub masks: &'static str,
    pub facets: &'static str,
    pub sessions: &'static str,
}

pub struct SegmentTally {
    paths: Arc<[String]>,
    masks: Column<u64>,
    sessions: Column<u64>,
    /// Hits per mask bit.
    bits: [u64; BITS],
    per_session: Vec<u64>,
    hits: u64,
    /// The documents marked [`OVERFLOW`], counted by path.
    overflow: Option<Box<Overflow>>,
    /// Scratch space for a block of documents.
    block_masks: Vec<Option<u64>>,
    block_sessions: Vec<Option<u64>>,
}

struct Overflow {
    facets: FacetReader,
    counts: HashMap<String, u64>,
    facet: Facet,
}

impl Overflow {
    /// Counts a document for each of its code paths and their ancestors, each once.
    fn count(&mut self, doc: DocId) {
        let mut paths: Vec<String> = Vec::new();
        for ord in self.facets.facet_ords(doc) {
            if self.facets.facet_from_ord(ord, &mut self.facet).is_err() {
                continue;
            }
            let parts = self.facet.to_path();
            for depth in 1..=parts.len() {
                paths.push(parts[..depth].join("/"));
            }
        }
        paths.sort();
        paths.dedup();
        for path in paths {
            *self.counts.entry(path).or_default() += 1;
        }
    }
}

impl Collector for FacetTally {
    type Fruit = Tallies;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let fast = segment.fast_fields();
        let masks = fast.u64(self.masks)?;
        let sessions = fast.u64(self.sessions)?;
        let overflow = match masks.num_docs() > 0 && masks.max_value() & OVERFLOW != 0 {
            true => Some(Box::new(Overflow {
                facets: segment.facet_reader(self.facets)?,
                counts: HashMap::new(),
                facet: Facet::root(),
            })),
            false => None,
        };
        let bound = match sessions.num_docs() {
            0 => 0,
            _ => sessions.max_value().saturating_add(1) as usize,
        };
        Ok(SegmentTally {
            paths: Arc::clone(&self.paths),
            masks,
            sessions,
            bits: [0; BITS],
            per_session: vec![0; bound.min(1 << 24)],
            hits: 0,
            overflow,
            block_masks: Vec::new(),
            block_sessions: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Tallies>) -> tantivy::Result<Tallies> {
        let mut out: Tallies = (0, HashMap::new(), Vec::new());
        for (hits, codes, per) in segments {
            out.0 += hits;
            for (name, n) in codes {
                *out.1.entry(name).or_default() += n;
            }
            out.2.extend(per);
        }
        Ok(out)
    }
}

impl SegmentTally {
    fn count(&mut self, doc: DocId, mask: Option<u64>, session: Option<u64>) {
        let mut mask = mask.unwrap_or_default();
        if mask & OVERFLOW != 0 {
            if let Some(overflow) = &mut self.overflow {
                overflow.count(doc);
            }
            mask = 0;
        }
        while mask != 0 {
            self.bits[mask.trailing_zeros() as usize] += 1;
            mask &= mask - 1;
        }
        if let Some(s) = session {
            let s = s as usize;
            if s >= self.per_session.len() {
                self.per_session.resize(s + 1, 0);
            }
            self.per_session[s] += 1;
        }
        self.hits += 1;
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = Tallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        let (mask, session) = (self.masks.first(doc), self.sessions.first(doc));
        self.count(doc, mask, session);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        let mut masks = std::mem::take(&mut self.block_masks);
        let mut sessions = std::mem::take(&mut self.block_sessions);
        masks.clear();
        masks.resize(docs.len(), None);
        sessions.clear();
        sessions.resize(docs.len(), None);
        self.masks.first_vals(docs, &mut masks);
        self.sessions.first_vals(docs, &mut sessions);
        for ((doc, mask), session) in docs.iter().zip(&masks).zip(&sessions) {
            self.count(*doc, *mask, *session);
        }
        self.block_masks = masks;
        self.block_sessions = sessions;
    }

    fn harvest(self) -> Tallies {
        let mut codes = self.overflow.map(|o| o.counts).unwrap_or_default();
        for (path, n) in self.paths.iter().zip(self.bits) {
            if n > 0 && !path.is_empty() {
                *codes.entry(path.clone()).or_default() += n;
            }
        }
        let per = self
            .per_session
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(value, n)| (value as u64, *n))
            .collect();
        (self.hits, codes, per)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::codebook::tests::code;

    #[test]
    fn a_mask_names_each_code_and_ancestor_once() {
        let a = code("a", None);
        let b = code("b", Some(a.id));
        let c = code("c", Some(a.id));
        let d = code("d", None);
        let book = Codebook {
            codes: vec![a.clone(), b.clone(), c.clone(), d.clone()],
            ..Codebook::default()
        };
        assert_eq!(code_nodes(&book, [b.id, c.id]), 0b0111);
        assert_eq!(code_nodes(&book, [d.id]), 0b1000);
        assert_eq!(code_nodes(&book, []), 0);
        assert_eq!(&*bit_paths(&book), ["a", "a/b", "a/c", "d"]);
    }

    #[test]
    fn a_code_beyond_the_sixty_third_marks_the_document() {
        let mut codes = Vec::new();
        for i in 0..70 {
            codes.push(code(&format!("c{i}"), None));
        }
        let deep = code("deep", Some(codes[1].id));
        codes.push(deep.clone());
        let book = Codebook {
            codes: codes.clone(),
            ..Codebook::default()
        };
        assert_eq!(code_nodes(&book, [codes[62].id]), 1 << 62);
        assert_eq!(code_nodes(&book, [codes[63].id]), OVERFLOW);
        // Its parent's bit is set too, but the facets are what is read.
        assert_eq!(code_nodes(&book, [deep.id]), OVERFLOW | 1 << 1);
    }
}
