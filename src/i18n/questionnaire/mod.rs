//! The words of questionnaires (issue 16): the kind of a session, and importing the responses
//! of an online form.

mod en;
mod fr;

pub use en::EN_QUESTIONNAIRE;
pub use fr::FR_QUESTIONNAIRE;

pub struct QuestionnaireTexts {
    /// The column or filter naming a session's kind.
    pub kind: &'static str,
    pub kind_interview: &'static str,
    pub kind_questionnaire: &'static str,
}

impl QuestionnaireTexts {
    /// The name of a session kind in this language.
    pub fn kind_name(&self, kind: crate::study::SessionKind) -> &'static str {
        match kind {
            crate::study::SessionKind::Interview => self.kind_interview,
            crate::study::SessionKind::Questionnaire => self.kind_questionnaire,
        }
    }
}
