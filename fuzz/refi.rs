//! REFI-QDA files, as `grille import FILE.qdc|FILE.qde` reads them: a codebook, or a bare project
//! with its texts inline, planned into a new study and into the example study. Whatever the
//! bytes: a plan (checked before anything is written) or an error naming the file.

use std::collections::HashSet;
use std::path::Path;

use bolero::check;
use grille::interop::refi::import::{Matching, Options, input, plan};

use crate::mutation::mutated;
use crate::setup::Example;

fn read(example: &Example, name: &str, bytes: &[u8]) {
    let file = Path::new(name);
    let kind = input::Kind::of(file).expect("a REFI-QDA extension");
    let texts = grille::i18n::Lang::Fr.texts();
    let t = texts.refi;
    let input = match input::from_bytes(file, bytes, kind) {
        Ok(input) => input,
        Err(e) => {
            let _ = e.message(texts);
            return;
        }
    };
    let options = Options {
        matching: Matching::Path,
        someone: "Camille Roux".into(),
        now: chrono::DateTime::parse_from_rfc3339("2024-01-01T12:00:00+01:00").expect("a date"),
    };
    let none = HashSet::new();
    for existing in [None, Some((&example.study, &none))] {
        match plan(&input, existing, &options) {
            Ok(plan) => {
                for skip in &plan.report.skipped {
                    let _ = skip.message(t);
                }
                let _ = plan.report.counting_message(t);
            }
            Err(e) => {
                let _ = e.message(texts);
            }
        }
    }
}

macro_rules! refi_targets {
    ($($name:ident, $mutated:ident: $file:literal;)*) => {$(
        #[test]
        fn $name() {
            let example = std::panic::AssertUnwindSafe(Example::new());
            check!(name = stringify!($name))
                .for_each(move |bytes: &[u8]| read(&example, $file, bytes));
        }

        #[test]
        fn $mutated() {
            let example = std::panic::AssertUnwindSafe(Example::new());
            mutated(stringify!($name), move |bytes: &[u8]| read(&example, $file, bytes));
        }
    )*};
}

refi_targets! {
    refi_qdc, refi_qdc_mutated: "codebook.qdc";
    refi_qde, refi_qde_mutated: "project.qde";
}
