//! What went wrong, in the user's words: one place where the interface turns an error of the
//! core into the line it shows. Typed errors say it in the user's language; an error the core
//! does not type yet (a file that cannot be read or written) is shown as the core wrote it.

use crate::i18n::Texts;
use crate::workspace::reports::ReportError;
use crate::workspace::{CodingRefused, EditError};

pub fn said(e: &anyhow::Error, t: &Texts) -> String {
    if let Some(e) = e.downcast_ref::<EditError>() {
        e.message(t)
    } else if let Some(e) = e.downcast_ref::<CodingRefused>() {
        e.message(t)
    } else if let Some(e) = e.downcast_ref::<ReportError>() {
        e.message(t)
    } else if let Some(e) = e.downcast_ref::<crate::workspace::pseudonyms::KeysError>() {
        e.message(t)
    } else if let Some(e) = e.downcast_ref::<crate::store::StoreError>() {
        e.message(t)
    } else {
        format!("{e:#}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn typed_errors_are_said_in_the_users_language() {
        let e = anyhow::Error::new(EditError::IntoItself("Hôtel".into()));
        let fr = said(&e, Lang::Fr.texts());
        assert_ne!(fr, e.to_string(), "not the English of the core");
        assert!(fr.contains("Hôtel"), "{fr}");
        let untyped = anyhow::anyhow!("disk on fire");
        assert_eq!(said(&untyped, Lang::Fr.texts()), "disk on fire");
    }
}
