//! Choosing the study's quick codes: `study.json` is rewritten under its lock, and the study
//! this process reads takes it in at once.

use std::sync::Arc;

use super::Workspace;
use crate::study::{CodeId, Replace};

impl Workspace {
    /// Puts `code` on quick key `n` (1 to 9), off any other key; `None` empties the key.
    pub fn set_quick_code(&mut self, n: usize, code: Option<CodeId>) -> anyhow::Result<()> {
        let (mut writer, _) = self.dir.open_meta()?;
        let mut meta = writer.doc().clone();
        // Read from the file, not from memory: another process may have changed it.
        let on_disk = crate::study::Study {
            meta: meta.clone(),
            grid: self.study.grid.clone(),
            codebook: self.study.codebook.clone(),
        };
        meta.quick_codes = on_disk.with_quick_code(n, code);
        writer.apply(Replace::Replace { with: meta }, &())?;
        Arc::make_mut(&mut self.study).meta = writer.doc().clone();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::store::template::DIAGNOSTIC;
    use crate::store::{Preferences, StudyDir};
    use crate::workspace::Workspace;

    #[test]
    fn a_quick_code_chosen_is_in_study_json() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("s"), &DIAGNOSTIC, false).unwrap();
        let mut ws = Workspace::open(dir.clone(), Preferences::default()).unwrap();
        let services = ws
            .study
            .codebook
            .by_path("echange-non-financier/services")
            .unwrap()
            .id;
        ws.set_quick_code(9, Some(services)).unwrap();
        assert_eq!(ws.study.quick_codes()[8], Some(services));
        let again = dir.load_study().unwrap();
        assert_eq!(again.quick_codes()[8], Some(services));
        assert_eq!(again.meta.quick_codes.len(), 9);
    }
}
