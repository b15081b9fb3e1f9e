//! Char spans `[start, end)` inside one segment: unions, overlaps, and the words a union covers.

/// A span of chars in a segment, end exclusive (the model's unit).
pub type Span = (usize, usize);

/// Whether two spans share at least one char.
pub fn overlap(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The union of spans as sorted, disjoint, non-touching spans. Empty spans vanish.
pub fn union(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| s.0 < s.1);
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

/// Number of chars in a union.
pub fn len(union: &[Span]) -> usize {
    union.iter().map(|s| s.1 - s.0).sum()
}

/// Number of chars two unions (as [`union`] gives them) have in common.
pub fn common_len(a: &[Span], b: &[Span]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        if lo < hi {
            n += hi - lo;
        }
        if a[i].1 <= b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

/// The char spans of the words of a text: runs of non-whitespace, as
/// [`Session::word_count`](crate::study::Session::word_count) counts them.
pub fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for (i, space) in crate::study::text::spaces(text).enumerate() {
        match (space, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        n = i + 1;
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

/// Number of words with at least one char inside the union: a word cut by a coding's edge
/// counts once, and words covered by several overlapping codings count once.
pub fn words_touched(words: &[Span], union: &[Span]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < words.len() && j < union.len() {
        if overlap(words[i], union[j]) {
            n += 1;
            i += 1;
        } else if words[i].1 <= union[j].0 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_merges_overlapping_and_touching_spans() {
        assert_eq!(
            union(vec![(5, 9), (0, 3), (2, 4), (9, 12), (20, 20)]),
            [(0, 4), (5, 12)]
        );
        assert_eq!(len(&[(0, 4), (5, 12)]), 11);
        assert_eq!(common_len(&[(0, 4), (5, 12)], &[(3, 6), (10, 30)]), 4);
    }

    #[test]
    fn words_count_once_whatever_the_codings() {
        // "Elle vit à l'hôtel." words: [0,4) [5,8) [9,10) [11,19)
        let w = words("Elle vit à l'hôtel.");
        assert_eq!(w, [(0, 4), (5, 8), (9, 10), (11, 19)]);
        // Two overlapping codings [2,7) and [6,8) touch "Elle" and "vit": 2 words, not 3.
        assert_eq!(words_touched(&w, &union(vec![(2, 7), (6, 8)])), 2);
        // A span on the space only touches no word.
        assert_eq!(words_touched(&w, &[(8, 9)]), 0);
        assert_eq!(words(" \n "), []);
    }
}
