//! The preferences file (`preferences.json` in the config folder), read at every start: a
//! damaged one is an error naming it (`Preferences::load` then falls back to the defaults).

use bolero::check;
use grille::store::Preferences;

#[test]
fn preferences() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let file = tmp.path().join("preferences.json");
    check!(name = "preferences").for_each(move |bytes: &[u8]| {
        std::fs::write(&file, bytes).expect("a temporary file");
        if let Err(e) = Preferences::load_from(&file) {
            let _ = e.message(grille::i18n::Lang::Fr.texts());
        }
    });
}
