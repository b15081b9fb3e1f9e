//! The nine quick codes (Alt+1…9 while interviewing and coding): the study's choice, kept in
//! `study.json`, or the first nine codes without sub-codes when the study chose none.

use super::{CodeId, Study};

/// How many quick keys there are (Alt+1 to Alt+9).
pub const QUICK_KEYS: usize = 9;

impl Study {
    /// The code on each quick key (`None`: no code there). A code merged into another counts
    /// as the code that took it in; a deleted one leaves its key empty.
    pub fn quick_codes(&self) -> [Option<CodeId>; QUICK_KEYS] {
        let book = &self.codebook;
        let mut slots = [None; QUICK_KEYS];
        if self.meta.quick_codes.is_empty() {
            let leaves = book
                .tree()
                .into_iter()
                .filter(|(_, c)| book.children(Some(c.id)).next().is_none())
                .map(|(_, c)| c.id);
            for (slot, id) in slots.iter_mut().zip(leaves) {
                *slot = Some(id);
            }
        } else {
            for (slot, id) in slots.iter_mut().zip(&self.meta.quick_codes) {
                *slot = id.and_then(|id| book.shown(id)).map(|c| c.id);
            }
        }
        slots
    }

    /// The quick codes with `code` on key `n` (1 to 9): taken off any other key it was on, so
    /// that a code has one key. `None` empties the key.
    pub fn with_quick_code(&self, n: usize, code: Option<CodeId>) -> Vec<Option<CodeId>> {
        let mut slots = self.quick_codes();
        if let Some(code) = code {
            for slot in slots.iter_mut().filter(|s| **s == Some(code)) {
                *slot = None;
            }
        }
        if let Some(slot) = n.checked_sub(1).and_then(|i| slots.get_mut(i)) {
            *slot = code;
        }
        slots.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::template::DIAGNOSTIC;
    use crate::study::Study;

    #[test]
    fn the_template_chooses_its_nine_and_a_code_moves_between_keys() {
        let study = Study {
            meta: serde_json::from_str(DIAGNOSTIC.study).unwrap(),
            grid: serde_json::from_str(DIAGNOSTIC.grid).unwrap(),
            codebook: serde_json::from_str(DIAGNOSTIC.codebook).unwrap(),
        };
        let book = &study.codebook;
        let path = |id| book.path(id).unwrap();
        let slots = study.quick_codes();
        assert_eq!(path(slots[0].unwrap()), "proxenetisme/conjugal");
        assert_eq!(path(slots[3].unwrap()), "lieux/hotel");
        let hotel = slots[3];
        let moved = study.with_quick_code(1, hotel);
        assert_eq!(moved[0], hotel);
        assert_eq!(moved[3], None, "one key per code");
        assert_eq!(study.with_quick_code(2, None)[1], None);
    }
}
