//! The search index: French analysis, schema, indexing kept in step with the sessions, and
//! the query language. Derived data in the study's `index/` folder, always rebuildable.

pub mod analyzer;
