use super::HomeTexts;

pub static EN_HOME: HomeTexts = HomeTexts {
    problem: |who, why| format!("{who}: {why}"),
};
