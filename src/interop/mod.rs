//! Files from and for other tools: transcripts imported into sessions, a questionnaire's
//! responses into questionnaire sessions, tables and charts exported for reports, whole projects
//! exchanged with other analysis tools (REFI-QDA).

pub mod align;
pub mod export;
pub mod import;
pub mod refi;
pub mod report;
pub mod responses;
