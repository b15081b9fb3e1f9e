//! Where the recording starts on the interview's clock, found from the words: a live note is
//! typed while (or just after) what it paraphrases is said, so a note and the cue sharing its
//! rare words give one guess of the recording's start (the note's moment minus the cue's place
//! in the recording). The guesses of the right start pile up; those of chance matches scatter.

use super::words::{Bag, Weights};

/// A moment with words: a live note (its seconds on the interview's clock, counted from any
/// fixed moment), or a transcript cue (its seconds from the start of the recording).
#[derive(Clone, Debug)]
pub struct Timed {
    pub at: f64,
    pub bag: Bag,
}

/// The recording's start found, in the notes' seconds, with how sure it is (%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub start: f64,
    pub confidence: u8,
    /// How many notes matched a cue at that start, out of how many have words to match.
    pub matched: usize,
    pub notes: usize,
}

/// A note and a cue share enough words to be a guess only above this share of the note's
/// weight: one common word is chance.
const MIN_COVERAGE: f64 = 0.25;

/// Guesses this close (seconds) to a start count for it: a note may be typed a minute after
/// the words, a long answer be noted as it goes on.
const WINDOW: f64 = 60.0;

/// Two starts this far apart (seconds) are different hypotheses.
const RIVAL: f64 = 120.0;

/// The recording's start that makes the most notes meet a cue saying the same, or `None` when
/// no note shares words with any cue.
pub fn find_start(notes: &[Timed], cues: &[Timed], weights: &Weights) -> Option<Found> {
    // Every (note, cue) pair sharing words: (guess of the start, how well they match, note).
    let mut guesses: Vec<(f64, f64, usize)> = Vec::new();
    let mut with_words = 0;
    for (i, note) in notes.iter().enumerate() {
        if weights.total(&note.bag) <= 0.0 {
            continue;
        }
        with_words += 1;
        for cue in cues {
            let c = weights.coverage(&note.bag, &cue.bag);
            if c >= MIN_COVERAGE {
                guesses.push((note.at - cue.at, c, i));
            }
        }
    }
    if guesses.is_empty() {
        return None;
    }
    guesses.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Coarse: the candidate (every 10 s among the guesses) that the most notes support.
    let mut candidates: Vec<f64> = guesses
        .iter()
        .map(|g| (g.0 / 10.0).round() * 10.0)
        .collect();
    candidates.dedup();
    let scored: Vec<(f64, f64)> = candidates
        .iter()
        .map(|&c| (c, support(&guesses, notes.len(), c).0))
        .collect();
    let (coarse, best) = scored
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.total_cmp(&a.0)))?;
    let rival = scored
        .iter()
        .filter(|(c, _)| (c - coarse).abs() > RIVAL)
        .map(|s| s.1)
        .fold(0.0, f64::max);
    // Fine: the weighted median of the notes' best guesses near it.
    let (_, chosen) = support(&guesses, notes.len(), coarse);
    let mut near: Vec<(f64, f64)> = chosen.into_iter().flatten().collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half: f64 = near.iter().map(|g| g.1).sum::<f64>() / 2.0;
    let mut acc = 0.0;
    let start = near
        .iter()
        .find(|g| {
            acc += g.1;
            acc >= half
        })
        .map_or(coarse, |g| g.0);
    let matched = near.len();
    let share = matched as f64 / with_words.max(1) as f64;
    let separation = if best > 0.0 { 1.0 - rival / best } else { 0.0 };
    Some(Found {
        start,
        confidence: (100.0 * share.min(1.0) * separation.clamp(0.0, 1.0)).round() as u8,
        matched,
        notes: with_words,
    })
}

/// How much the notes support a start: the sum over notes of their best match within the
/// window, and each note's best guess there (guess, match).
fn support(
    guesses: &[(f64, f64, usize)],
    notes: usize,
    start: f64,
) -> (f64, Vec<Option<(f64, f64)>>) {
    let mut best: Vec<Option<(f64, f64)>> = vec![None; notes];
    let from = guesses.partition_point(|g| g.0 < start - WINDOW);
    for &(guess, c, note) in guesses[from..].iter().take_while(|g| g.0 <= start + WINDOW) {
        let better = match best[note] {
            None => true,
            Some((g, b)) => c > b || (c == b && (guess - start).abs() < (g - start).abs()),
        };
        if better {
            best[note] = Some((guess, c));
        }
    }
    (best.iter().flatten().map(|b| b.1).sum(), best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::align::words::Words;

    #[test]
    fn the_start_most_notes_agree_on_wins_over_a_chance_match() {
        let mut words = Words::default();
        let said = [
            (
                0.0,
                "Bonjour, on commence par votre parcours professionnel.",
            ),
            (
                20.0,
                "J'ai travaillé dix ans comme éducatrice dans un foyer.",
            ),
            (
                60.0,
                "Les jeunes filles rencontrées au foyer parlaient d'un hôtel.",
            ),
            (
                95.0,
                "Le gérant de l'hôtel prenait une commission sur les chambres.",
            ),
            (140.0, "Ensuite la police a fermé l'établissement."),
        ];
        let cues: Vec<Timed> = said
            .iter()
            .map(|(at, t)| Timed {
                at: *at,
                bag: words.bag(t),
            })
            .collect();
        // The recording started 300 s after the notes' clock zero; notes come 5-20 s late.
        let noted = [
            (325.0, "éducatrice 10 ans en foyer"),
            (370.0, "jeunes filles du foyer / hôtel"),
            (410.0, "gérant hôtel : commission chambres"),
            (450.0, "police ferme l'établissement"),
            // Said again much later: a chance match for another start.
            (2000.0, "parcours professionnel"),
        ];
        let notes: Vec<Timed> = noted
            .iter()
            .map(|(at, t)| Timed {
                at: *at,
                bag: words.bag(t),
            })
            .collect();
        let weights = Weights::of(cues.iter().chain(&notes).map(|t| &t.bag));
        let found = find_start(&notes, &cues, &weights).unwrap();
        assert!((found.start - 300.0).abs() <= 15.0, "{found:?}");
        assert_eq!((found.matched, found.notes), (4, 5));
        assert!(found.confidence >= 50, "{found:?}");
    }

    #[test]
    fn no_shared_words_no_start() {
        let mut words = Words::default();
        let cues = [Timed {
            at: 0.0,
            bag: words.bag("chambre d'hôtel"),
        }];
        let notes = [Timed {
            at: 10.0,
            bag: words.bag("voiture rouge"),
        }];
        let weights = Weights::of(cues.iter().chain(&notes).map(|t| &t.bag));
        assert_eq!(find_start(&notes, &cues, &weights), None);
    }
}
