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
//!
//! A table costs a read of every document of its segment (about 80 ms at 10,000 sessions):
//! worth it for a front end that searches again and again, not for a command that searches once.
//! So the first search of a segment counts its hits directly (each hit's facets read as it
//! comes), and only a second search builds the table.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// All hits, hits per code path (`proxenetisme/conjugal`, `proxenetisme`), and hits per session
/// number.
pub type Tallies = (u64, HashMap<String, u64>, Vec<(u64, u64)>);

/// The code paths of one segment, numbered, and for each facet ordinal the paths it counts
/// for (itself and its ancestors): read from the segment's facet dictionary, a few dozen
/// entries whatever the segment's size.
struct Nodes {
    names: Vec<String>,
    of_ord: Vec<Vec<u32>>,
}

impl Nodes {
    fn read(reader: &FacetReader) -> tantivy::Result<Nodes> {
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut of_ord: Vec<Vec<u32>> = Vec::with_capacity(reader.num_facets());
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
            of_ord.push(nodes);
        }
        Ok(Nodes { names, of_ord })
    }

    /// The nodes document `doc` counts for, each once, into `out`.
    fn of_doc(&self, reader: &FacetReader, doc: DocId, out: &mut Vec<u32>) {
        out.clear();
        for ord in reader.facet_ords(doc) {
            if let Some(n) = self.of_ord.get(ord as usize) {
                out.extend_from_slice(n);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

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
        let Nodes { names, of_ord } = Nodes::read(&reader)?;
        let lookup = Nodes {
            names: Vec::new(),
            of_ord,
        };
        let max_doc = segment.max_doc();
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        let mut nodes = Vec::new();
        let mut doc_nodes: Vec<u32> = Vec::new();
        offsets.push(0);
        for doc in 0..max_doc {
            lookup.of_doc(&reader, doc, &mut doc_nodes);
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

/// The tables of the segments searched, shared by the searches of one index, and which
/// segments were searched once already.
#[derive(Clone, Default)]
pub struct Tables(Arc<Mutex<Cache>>);

#[derive(Default)]
struct Cache {
    tables: HashMap<SegmentId, Arc<Table>>,
    searched: HashSet<SegmentId>,
}

impl Tables {
    /// Forgets the tables of segments no longer searched (merged, or all their documents
    /// deleted).
    pub fn retain(&self, live: &[SegmentId]) {
        if let Ok(mut cache) = self.0.lock() {
            cache.tables.retain(|id, _| live.contains(id));
            cache.searched.retain(|id| live.contains(id));
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
    source: Source,
    counts: Vec<u64>,
    per_counts: Vec<u64>,
    hits: u64,
}

/// Where a hit's codes and session come from.
enum Source {
    Table(Arc<Table>),
    /// The segment's first search: read for each hit.
    Direct(Box<Direct>),
}

struct Direct {
    names: Vec<String>,
    nodes: Nodes,
    facets: FacetReader,
    sessions: Column<u64>,
    scratch: Vec<u32>,
    /// Hits with exactly one facet, by facet ordinal: most hits (every excerpt) are counted
    /// with one add, their paths spread at harvest.
    single: Vec<u64>,
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
        let (cached, searched_before) = self.cached(id);
        let source = match cached {
            Some(t) => Source::Table(t),
            None if searched_before => {
                let t = Arc::new(Table::build(segment, self.facets, self.per)?);
                if let Ok(mut cache) = self.tables.0.lock() {
                    cache.tables.insert(id, t.clone());
                }
                Source::Table(t)
            }
            None => {
                let facets = segment.facet_reader(self.facets)?;
                let mut nodes = Nodes::read(&facets)?;
                let single = vec![0; facets.num_facets()];
                Source::Direct(Box::new(Direct {
                    names: std::mem::take(&mut nodes.names),
                    nodes,
                    facets,
                    sessions: segment.fast_fields().u64(self.per)?,
                    scratch: Vec::new(),
                    single,
                }))
            }
        };
        let (names, bound) = match &source {
            Source::Table(t) => (t.names.len(), t.session_bound),
            Source::Direct(d) => (d.names.len(), 0),
        };
        Ok(SegmentTally {
            source,
            counts: vec![0; names],
            per_counts: vec![0; bound],
            hits: 0,
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
    /// The segment's table if built, and whether it was searched before (it is from now on).
    fn cached(&self, id: SegmentId) -> (Option<Arc<Table>>, bool) {
        match self.tables.0.lock() {
            Ok(mut cache) => (cache.tables.get(&id).cloned(), !cache.searched.insert(id)),
            Err(_) => (None, false),
        }
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = Tallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        let d = doc as usize;
        let session = match &mut self.source {
            Source::Table(t) => {
                if let (Some(&from), Some(&to)) = (t.offsets.get(d), t.offsets.get(d + 1)) {
                    for &node in &t.nodes[from as usize..to as usize] {
                        self.counts[node as usize] += 1;
                    }
                }
                t.sessions.get(d).copied()
            }
            Source::Direct(d) => {
                let Direct {
                    nodes,
                    facets,
                    sessions,
                    scratch,
                    single,
                    ..
                } = &mut **d;
                let mut ords = facets.facet_ords(doc);
                match (ords.next(), ords.next()) {
                    (None, _) => {}
                    (Some(ord), None) => {
                        if let Some(n) = single.get_mut(ord as usize) {
                            *n += 1;
                        }
                    }
                    _ => {
                        nodes.of_doc(facets, doc, scratch);
                        for &node in scratch.iter() {
                            self.counts[node as usize] += 1;
                        }
                    }
                }
                sessions.first(doc)
            }
        };
        if let Some(s) = session.filter(|s| *s != u64::MAX) {
            let s = s as usize;
            if s >= self.per_counts.len() {
                self.per_counts.resize(s + 1, 0);
            }
            self.per_counts[s] += 1;
        }
        self.hits += 1;
    }

    fn harvest(mut self) -> Tallies {
        if let Source::Direct(d) = &self.source {
            for (ord, n) in d.single.iter().enumerate().filter(|(_, n)| **n > 0) {
                for &node in &d.nodes.of_ord[ord] {
                    self.counts[node as usize] += n;
                }
            }
        }
        let names = match &self.source {
            Source::Table(t) => &t.names,
            Source::Direct(d) => &d.names,
        };
        let codes = names
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
