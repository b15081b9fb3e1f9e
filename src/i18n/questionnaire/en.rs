use super::QuestionnaireTexts;

pub static EN_QUESTIONNAIRE: QuestionnaireTexts = QuestionnaireTexts {
    kind: "Kind",
    kind_interview: "interview",
    kind_questionnaire: "questionnaire",
};
