use super::QuestionnaireTexts;

pub static FR_QUESTIONNAIRE: QuestionnaireTexts = QuestionnaireTexts {
    kind: "Type",
    kind_interview: "entretien",
    kind_questionnaire: "questionnaire",
};
