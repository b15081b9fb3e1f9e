//! Headings of a document as hints of where it is in the grid: a transcript typed along the
//! interview grid often heads each part with the theme's title (`## Repérage des personnes`)
//! or the question (`Combien de personnes, sur 2018–2020 ?`). The segments under a heading
//! that names a question are attached to it; under a theme's title, to the theme's first
//! question. The analyst can move them while coding; a heading that names nothing leaves the
//! segments unattached.

use crate::study::text::fold;
use crate::study::{Grid, QuestionId, Session};

/// Shorter titles would match by chance (`Lieux` inside any sentence).
const SHORTEST: usize = 8;

/// The question a heading names, if any: a question's key, text or a theme's title, alone or
/// after a number (`2. Repérage des personnes`, `Thème 3 : …`). The longest name found wins.
pub fn question_of(heading: &str, grid: &Grid) -> Option<QuestionId> {
    let heading = fold(heading);
    let mut best: Option<(usize, QuestionId)> = None;
    let mut consider = |name: &str, id: QuestionId, exact_only: bool| {
        let name = fold(name);
        let hit = if exact_only {
            heading == name
        } else {
            name.chars().count() >= SHORTEST && heading.contains(&name)
        };
        if hit && best.is_none_or(|(len, _)| name.len() > len) {
            best = Some((name.len(), id));
        }
    };
    for theme in &grid.themes {
        if let Some(first) = theme.questions.first() {
            consider(&theme.title, first.id, false);
        }
        for q in &theme.questions {
            consider(&q.key, q.id, true);
            consider(&q.text, q.id, false);
        }
    }
    best.map(|(_, id)| id)
}

/// Attaches the segments under each heading that names a question (`headings`: the index of
/// the first segment after the heading, and its text), leaving the others as they are.
pub fn attach(session: &mut Session, headings: &[(usize, String)], grid: &Grid) {
    for (n, (from, heading)) in headings.iter().enumerate() {
        let Some(question) = question_of(heading, grid) else {
            continue;
        };
        let to = headings
            .get(n + 1)
            .map_or(session.segments.len(), |(next, _)| *next);
        for segment in session.segments.iter_mut().take(to).skip(*from) {
            segment.question.get_or_insert(question);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::template::DIAGNOSTIC;

    #[test]
    fn titles_and_questions_of_the_grid_are_recognised() {
        let grid: Grid = serde_json::from_str(DIAGNOSTIC.grid).unwrap();
        let reperage = grid
            .themes
            .iter()
            .find(|t| t.title == "Repérage des personnes")
            .unwrap();
        let first = reperage.questions[0].id;
        assert_eq!(question_of("2. Repérage des personnes", &grid), Some(first));
        assert_eq!(
            question_of("THÈME 3 : REPERAGE DES PERSONNES", &grid),
            Some(first)
        );
        let (_, nb) = grid.question_by_key("nb_personnes").unwrap();
        assert_eq!(question_of("nb_personnes", &grid), Some(nb.id));
        assert_eq!(question_of(&nb.text, &grid), Some(nb.id));
        assert_eq!(question_of("Entretien R12", &grid), None);
        // A short word is no title, even inside one.
        assert_eq!(question_of("Le lieu", &grid), None);
    }
}
