//! REFI-QDA files, as `grille import FILE.qdc|FILE.qde` reads them: a codebook, or a bare project
//! with its texts inline, planned into a new study and into the example study. Whatever the
//! bytes: a plan (checked before anything is written) or an error naming the file.

use std::collections::HashSet;
use std::path::Path;

use bolero::check;
use grille::interop::refi::import::{Matching, Options, input, plan};

use crate::mutation::mutated;
use crate::setup::Example;

/// A bare `.qdc` or `.qde`, read from memory.
fn read(example: &Example, name: &str, bytes: &[u8]) {
    let file = Path::new(name);
    let kind = input::Kind::of(file).expect("a REFI-QDA extension");
    plan_both(example, input::from_bytes(file, bytes, kind));
}

/// A `.qdpx` archive, read from a file as `grille import` does (its entries, its sources, the
/// `grille.json` grille writes in it).
fn read_archive(example: &Example, file: &Path, bytes: &[u8]) {
    Example::write(file, bytes);
    plan_both(example, input::read(file));
}

fn plan_both(example: &Example, read: Result<input::Input, grille::interop::refi::RefiError>) {
    let texts = grille::i18n::Lang::Fr.texts();
    let t = texts.refi;
    let input = match read {
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

fn archive_target(example: &Example) -> impl FnMut(&[u8]) + std::panic::RefUnwindSafe {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let example = std::panic::AssertUnwindSafe(example);
    move |bytes: &[u8]| read_archive(&example, &tmp.path().join("projet.qdpx"), bytes)
}

#[test]
fn refi_qdpx() {
    let example = Example::new();
    check!(name = "refi_qdpx").for_each(archive_target(&example));
}

#[test]
fn refi_qdpx_mutated() {
    let example = Example::new();
    mutated("refi_qdpx", archive_target(&example));
}
