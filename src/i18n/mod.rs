//! The words of the interface. French by default, English on request; every string shown to a
//! user lives in `fr.rs` and `en.rs`, one place per language.

mod en;
mod fr;

pub use en::EN;
pub use fr::FR;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to use: the flag, else the saved preference, else the locale (`LANG=en*` or
    /// `LC_ALL=en*` gives English), else French.
    pub fn choose(flag: Option<Lang>, saved: Option<Lang>) -> Lang {
        flag.or(saved).unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
                .unwrap_or_default();
            if locale.starts_with("en") {
                Lang::En
            } else {
                Lang::Fr
            }
        })
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every string of the interface, for one language.
pub struct Texts {
    pub check_ok: fn(usize) -> String,
    pub check_failed: fn(usize) -> String,
    pub study_created: fn(&str) -> String,
    pub default_study_created: fn(&str) -> String,
    pub demo_at: fn(&str) -> String,
    pub read_only: &'static str,
    pub status_in_progress: &'static str,
    pub status_done: &'static str,
    pub col_id: &'static str,
    pub col_date: &'static str,
    pub col_interviewer: &'static str,
    pub col_respondent: &'static str,
    pub col_status: &'static str,
    pub col_segments: &'static str,
    pub col_codings: &'static str,
    pub no_sessions: &'static str,
    pub session_unreadable: fn(&str) -> String,
    // Search and corpus (issue 5)
    pub corpus_written: fn(usize, usize, &str) -> String,
    pub query_at: fn(usize, &str) -> String,
    pub query_empty: &'static str,
    pub query_expected: fn(&str) -> String,
    pub query_unknown_field: fn(&str, &str) -> String,
    pub query_unknown_code: fn(&str, &str) -> String,
    pub query_unknown_value: fn(&str, &str, &str) -> String,
    pub query_bad_date: fn(&str) -> String,
    pub query_nothing: fn(&str) -> String,
    pub query_bad_fuzzy: fn(u32) -> String,
    pub search_total: fn(usize) -> String,
    pub search_none: &'static str,
    pub search_by_code: &'static str,
    pub search_by_attribute: &'static str,
    pub search_excerpt: &'static str,
    pub search_segment: &'static str,
    pub index_rebuilt: fn(&str) -> String,
    pub index_caught_up: fn(usize, usize) -> String,
    pub index_skipped: fn(&str, &str) -> String,
    pub index_done: fn(usize) -> String,
    pub index_why_missing: &'static str,
    pub index_why_version: &'static str,
    pub index_why_definition: &'static str,
    pub index_why_incomplete: &'static str,
    pub index_why_damaged: fn(&str) -> String,
    pub index_why_asked: &'static str,
    pub index_busy_stale: &'static str,
    pub query_syntax: fn(&str) -> String,
}
