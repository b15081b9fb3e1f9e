use super::HomeTexts;

pub static FR_HOME: HomeTexts = HomeTexts {
    problem: |who, why| format!("{who} : {why}"),
};
