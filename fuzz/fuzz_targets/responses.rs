//! Any bytes, read as a response export (CSV or workbook) with any mapping file, against the
//! default study: an error or a plan, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use grille::interop::responses::{Mapping, read_bytes};
use grille::store::template::DIAGNOSTIC;
use grille::study::Study;
use libfuzzer_sys::fuzz_target;

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study {
        meta: serde_json::from_str(DIAGNOSTIC.study).expect("template study"),
        grid: serde_json::from_str(DIAGNOSTIC.grid).expect("template grid"),
        codebook: serde_json::from_str(DIAGNOSTIC.codebook).expect("template codebook"),
    })
}

fuzz_target!(|data: &[u8]| {
    // Before the first 0xFF byte (never in UTF-8): a mapping file; after it, the export.
    let (mapping, export) = match data.iter().position(|b| *b == 0xff) {
        Some(cut) => (&data[..cut], &data[cut + 1..]),
        None => (&data[..0], data),
    };
    let mapping = std::str::from_utf8(mapping)
        .ok()
        .and_then(|m| Mapping::parse(Path::new("map.toml"), m).ok())
        .unwrap_or_default();
    let _ = read_bytes(Path::new("fuzz.csv"), export, study(), &mapping, None);
});
