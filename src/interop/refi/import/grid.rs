//! The interview grid of a new study, rebuilt from the grid branch of a project grille wrote
//! (when its `grille.json` did not come with it): a theme per child of the grid code, a
//! question per grandchild, a closed question where a variable carries its GUID.

use std::collections::HashSet;

use crate::interop::refi::export::GRID_CODE;
use crate::interop::refi::model::{Project, VariableType};
use crate::study::{Grid, Question, QuestionId, Theme, ThemeId, ValueKind, text};

pub fn from_branch(project: &Project) -> Grid {
    let Some(root) = project.codes.iter().find(|c| c.guid == GRID_CODE) else {
        return Grid::default();
    };
    let mut keys = HashSet::new();
    let mut key = |name: &str, fallback: &str| {
        let folded = text::fold(name);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            .collect();
        let base = if words.is_empty() {
            fallback.to_owned()
        } else {
            words.join("_")
        };
        let mut k = base.clone();
        let mut n = 2;
        while !keys.insert(k.clone()) {
            k = format!("{base}_{n}");
            n += 1;
        }
        k
    };
    let themes = root
        .children
        .iter()
        .map(|t| Theme {
            id: ThemeId(t.guid),
            key: key(&t.name, "theme"),
            title: text::normalize(t.name.trim()),
            description: text::normalize(t.description.trim()),
            questions: t
                .children
                .iter()
                .map(|q| {
                    let kind = project.variables.iter().find(|v| v.guid == q.guid).map_or(
                        ValueKind::Open,
                        |v| match v.kind {
                            VariableType::Boolean => ValueKind::YesNo,
                            VariableType::Integer | VariableType::Float => ValueKind::Number {
                                unit: None,
                                min: None,
                                max: None,
                            },
                            _ => ValueKind::Open,
                        },
                    );
                    Question {
                        id: QuestionId(q.guid),
                        key: key(&q.name, "question"),
                        text: match text::normalize(q.name.trim()) {
                            t if t.is_empty() => "?".to_owned(),
                            t => t,
                        },
                        prompts: prompts(&q.description),
                        kind,
                        groups: Vec::new(),
                        consent: false,
                    }
                })
                .collect(),
        })
        .collect();
    Grid {
        themes,
        ..Grid::default()
    }
}

/// The follow-up prompts of a question code's description: its lines that start with `- `.
fn prompts(description: &str) -> Vec<String> {
    description
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|p| text::normalize(p.trim()))
        .filter(|p| !p.is_empty())
        .collect()
}
