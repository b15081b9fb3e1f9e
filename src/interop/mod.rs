//! Files from and for other tools: transcripts imported into sessions, tables and charts
//! exported for reports.

pub mod export;
pub mod import;
