//! The quick codes: nine codes on Alt+1…9, on the interview and the coding screens alike.

use crate::study::{CodeId, Study};

/// The codes on Alt+1..9: the first nine codes without sub-codes, in codebook order.
pub fn quick_codes(study: &Study) -> Vec<CodeId> {
    let book = &study.codebook;
    book.tree()
        .into_iter()
        .filter(|(_, c)| book.children(Some(c.id)).next().is_none())
        .map(|(_, c)| c.id)
        .take(9)
        .collect()
}

/// The quick code on `Alt+digit`, if `digit` is 1 to 9 and there is one.
pub fn quick_code(study: &Study, digit: char) -> Option<CodeId> {
    let i = digit.to_digit(10)?.checked_sub(1)? as usize;
    quick_codes(study).get(i).copied()
}
