//! Counting hits per code (every depth of the codebook) and per session over a whole result
//! set, for the facet counts.
//!
//! tantivy's FacetCollector counts one level of children of the facets it is given and refuses
//! nested ones: the codebook's four levels took four collectors, each reading every hit's
//! facets, and that was most of a search's time. Here each index segment (they never change
//! once written) gets, once, a table of what each of its documents counts for: its code paths
//! with their ancestors, deduplicated (a hit coded `a/b` and `a/c` counts once for `a`), and its
//! session number. Counting a hit is then a few array reads. The tables live as long as their
//! segment is searched ([`Tables::retain`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// All hits, hits per code path (`proxenetisme/conjugal`, `proxenetisme`), and hits per session
/// number.
pub type Tallies = (u64, HashMap<String, u64>, Vec<(u64, u64)>);

/// What the documents of one segment count for.
struct Table {
    /// Code paths of the segment, by node number.
    names: Vec<String>,
    /// Document `d` counts for `nodes[offsets[d]..offsets[d + 1]]`.
    offsets: Vec<u32>,
    nodes: Vec<u32>,
    /// Session number of each document (`u64::MAX`: none).
    sessions: Vec<u64>,
    /// One more than the largest session number.
    session_bound: usize,
}

impl Table {
    fn build(segment: &SegmentReader, facets: &str, per: &str) -> tantivy::Result<Table> {
        let reader = segment.facet_reader(facets)?;
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut nodes_of_ord: Vec<Vec<u32>> = Vec::with_capacity(reader.num_facets());
        let mut facet = Facet::root();
        for ord in 0..reader.num_facets() as u64 {
            reader.facet_from_ord(ord, &mut facet)?;
            let parts = facet.to_path();
            let mut nodes = Vec::with_capacity(parts.len());
            for depth in 1..=parts.len() {
                let name = parts[..depth].join("/");
                let next = names.len() as u32;
                let id = *index.entry(name.clone()).or_insert(next);
                if id == next {
                    names.push(name);
                }
                nodes.push(id);
            }
            nodes_of_ord.push(nodes);
        }
        let max_doc = segment.max_doc();
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        let mut nodes = Vec::new();
        let mut doc_nodes: Vec<u32> = Vec::new();
        offsets.push(0);
        for doc in 0..max_doc {
            doc_nodes.clear();
            for ord in reader.facet_ords(doc) {
                if let Some(n) = nodes_of_ord.get(ord as usize) {
                    doc_nodes.extend_from_slice(n);
                }
            }
            doc_nodes.sort_unstable();
            doc_nodes.dedup();
            nodes.extend_from_slice(&doc_nodes);
            offsets.push(nodes.len() as u32);
        }
        let column = segment.fast_fields().u64(per)?;
        let sessions: Vec<u64> = (0..max_doc)
            .map(|doc| column.first(doc).unwrap_or(u64::MAX))
            .collect();
        let session_bound = sessions
            .iter()
            .filter(|s| **s != u64::MAX)
            .max()
            .map_or(0, |m| *m as usize + 1);
        Ok(Table {
            names,
            offsets,
            nodes,
            sessions,
            session_bound,
        })
    }
}

/// The tables of the segments searched, shared by the searches of one index.
#[derive(Clone, Default)]
pub struct Tables(Arc<Mutex<HashMap<SegmentId, Arc<Table>>>>);

impl Tables {
    /// Forgets the tables of segments no longer searched (merged, or all their documents
    /// deleted).
    pub fn retain(&self, live: &[SegmentId]) {
        if let Ok(mut map) = self.0.lock() {
            map.retain(|id, _| live.contains(id));
        }
    }
}

pub struct FacetTally {
    pub tables: Tables,
    /// The facet field of codes.
    pub facets: &'static str,
    /// The u64 fast field of session numbers.
    pub per: &'static str,
}

pub struct SegmentTally {
    table: Arc<Table>,
    counts: Vec<u64>,
    per_counts: Vec<u64>,
    hits: u64,
}

impl Collector for FacetTally {
    type Fruit = Tallies;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let id = segment.segment_id();
        let cached = self.cached(id);
        let table = match cached {
            Some(t) => t,
            None => {
                let t = Arc::new(Table::build(segment, self.facets, self.per)?);
                if let Ok(mut map) = self.tables.0.lock() {
                    map.insert(id, t.clone());
                }
                t
            }
        };
        Ok(SegmentTally {
            counts: vec![0; table.names.len()],
            per_counts: vec![0; table.session_bound],
            hits: 0,
            table,
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

impl FacetTally {
    fn cached(&self, id: SegmentId) -> Option<Arc<Table>> {
        self.tables.0.lock().ok()?.get(&id).cloned()
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = Tallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        let t = &*self.table;
        let d = doc as usize;
        if let (Some(&from), Some(&to)) = (t.offsets.get(d), t.offsets.get(d + 1)) {
            for &node in &t.nodes[from as usize..to as usize] {
                self.counts[node as usize] += 1;
            }
        }
        if let Some(n) = t
            .sessions
            .get(d)
            .and_then(|s| self.per_counts.get_mut(*s as usize))
        {
            *n += 1;
        }
        self.hits += 1;
    }

    fn harvest(self) -> Tallies {
        let codes = self
            .table
            .names
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| (name.clone(), n))
            .collect();
        let per = self
            .per_counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(value, n)| (value as u64, *n))
            .collect();
        (self.hits, codes, per)
    }
}
