//! Counting hits per facet (code paths, attribute values) over a whole result set, every depth
//! in one pass. tantivy's FacetCollector counts the children of the facets it is given, one
//! level, and refuses nested facets: the codebook's four levels took four collectors and four
//! reads of each hit. Here each hit's facets are read once; a hit counts once for each code it
//! carries and once for each ancestor of those (a hit coded `a/b` and `a/c` counts once for `a`).

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Hits per facet path (`proxenetisme/conjugal`, `proxenetisme`) for each facet field, and
/// hits per value of a u64 field (the session number), as `(value, hits)`.
pub type Tallies = (Vec<HashMap<String, u64>>, Vec<(u64, u64)>);

pub struct FacetTally {
    pub fields: Vec<&'static str>,
    /// A single-valued u64 fast field whose values are counted too. Attributes are counted
    /// through it (hits per session, times each session's attributes): every document of a
    /// session has the same ones, and one number per hit is cheaper to read than four facets.
    pub per: &'static str,
}

pub struct SegmentTally {
    fields: Vec<FieldTally>,
    per: Option<Column<u64>>,
    per_counts: Vec<u64>,
}
struct FieldTally {
    reader: FacetReader,
    /// For each facet ordinal of the segment: the nodes (the facet and its ancestors) it counts.
    nodes_of_ord: Vec<Vec<usize>>,
    names: Vec<String>,
    counts: Vec<u64>,
    /// The last document (plus one) each node was counted for: counts once per hit, no sort.
    seen: Vec<u32>,
}

impl FieldTally {
    fn new(segment: &SegmentReader, field: &str) -> tantivy::Result<FieldTally> {
        let reader = segment.facet_reader(field)?;
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut nodes_of_ord = Vec::with_capacity(reader.num_facets());
        let mut facet = Facet::root();
        for ord in 0..reader.num_facets() as u64 {
            reader.facet_from_ord(ord, &mut facet)?;
            let parts = facet.to_path();
            let mut nodes = Vec::with_capacity(parts.len());
            for depth in 1..=parts.len() {
                let name = parts[..depth].join("/");
                let next = names.len();
                let id = *index.entry(name.clone()).or_insert(next);
                if id == next {
                    names.push(name);
                }
                nodes.push(id);
            }
            nodes_of_ord.push(nodes);
        }
        Ok(FieldTally {
            reader,
            nodes_of_ord,
            counts: vec![0; names.len()],
            seen: vec![0; names.len()],
            names,
        })
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
        Ok(SegmentTally {
            fields: self
                .fields
                .iter()
                .map(|f| FieldTally::new(segment, f))
                .collect::<tantivy::Result<_>>()?,
            per_counts: Vec::new(),
            per: segment.fast_fields().u64(self.per).ok(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Tallies>) -> tantivy::Result<Tallies> {
        let mut out = (vec![HashMap::new(); self.fields.len()], Vec::new());
        for (facets, per) in segments {
            for (total, part) in out.0.iter_mut().zip(facets) {
                for (name, n) in part {
                    *total.entry(name).or_default() += n;
                }
            }
            out.1.extend(per);
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = Tallies;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(value) = self.per.as_ref().and_then(|c| c.first(doc)) {
            let i = value as usize;
            if i >= self.per_counts.len() {
                self.per_counts.resize(i + 1, 0);
            }
            self.per_counts[i] += 1;
        }
        let stamp = doc + 1;
        for field in &mut self.fields {
            for ord in field.reader.facet_ords(doc) {
                let Some(nodes) = field.nodes_of_ord.get(ord as usize) else {
                    continue;
                };
                for &node in nodes {
                    if field.seen[node] != stamp {
                        field.seen[node] = stamp;
                        field.counts[node] += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> Tallies {
        let per = self
            .per_counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(value, n)| (value as u64, *n))
            .collect();
        let facets = self
            .fields
            .into_iter()
            .map(|f| {
                f.names
                    .into_iter()
                    .zip(f.counts)
                    .filter(|(_, n)| *n > 0)
                    .collect()
            })
            .collect();
        (facets, per)
    }
}
