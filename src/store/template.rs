//! The study templates built into the binary. `diagnostic` is the study the project grew from
//! (grid and codebook of the Puy-de-Dôme prostitution diagnostic) with fictional example sessions.
//! Its files are a real study folder, `templates/diagnostic/`, embedded at build time; edit it
//! with grille (`grille --study templates/diagnostic`) or by hand, then run
//! `grille dev template` to bring it back into canonical form (see `templates/README.md`).

use crate::study::{Codebook, Format, Grid, StudyId, StudyMeta};

use super::error::Result;
use super::json;

/// A study template: the three definition files and example sessions (`(file name, JSON)`).
pub struct Template {
    pub name: &'static str,
    pub study: &'static str,
    pub grid: &'static str,
    pub codebook: &'static str,
    pub examples: &'static [(&'static str, &'static str)],
}

/// The default study: grid and codebook of the departmental diagnostic.
pub const DIAGNOSTIC: Template = Template {
    name: "diagnostic",
    study: include_str!("../../templates/diagnostic/study.json"),
    grid: include_str!("../../templates/diagnostic/grid.json"),
    codebook: include_str!("../../templates/diagnostic/codebook.json"),
    examples: include!(concat!(env!("OUT_DIR"), "/example_sessions.rs")),
};

/// A blank study: no grid, no codebook, to be written by the team.
pub const EMPTY: Template = Template {
    name: "empty",
    study: "",
    grid: "",
    codebook: "",
    examples: &[],
};

pub const TEMPLATES: [&Template; 2] = [&DIAGNOSTIC, &EMPTY];

impl Template {
    pub fn by_name(name: &str) -> Option<&'static Template> {
        TEMPLATES.into_iter().find(|t| t.name == name)
    }

    /// The definition files as they are to be written for a new study: pretty JSON, with a new
    /// study id so that two studies made from one template stay distinct.
    pub fn definition_files(&self) -> Result<[(&'static str, String); 3]> {
        let mut meta: StudyMeta = if self.study.is_empty() {
            StudyMeta {
                format: Format,
                id: StudyId::new(),
                revision: 0,
                title: "Nouvelle étude".into(),
                description: String::new(),
                respondent_attributes: Vec::new(),
                situation_attributes: Vec::new(),
                quick_codes: Vec::new(),
            }
        } else {
            json::parse(self.name.as_ref(), self.study.as_bytes())?
        };
        meta.id = StudyId::new();
        let grid: Grid = self.parse_or_default(self.grid)?;
        let codebook: Codebook = self.parse_or_default(self.codebook)?;
        Ok([
            ("study.json", json::to_pretty(&meta)),
            ("grid.json", json::to_pretty(&grid)),
            ("codebook.json", json::to_pretty(&codebook)),
        ])
    }

    fn parse_or_default<T: serde::de::DeserializeOwned + Default>(&self, text: &str) -> Result<T> {
        if text.is_empty() {
            Ok(T::default())
        } else {
            json::parse(self.name.as_ref(), text.as_bytes())
        }
    }
}
