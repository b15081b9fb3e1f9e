use super::PrivacyTexts;

pub static EN_PRIVACY: PrivacyTexts = PrivacyTexts {
    with_identities: "WARNING: this file holds identities (names of interviewers and coders, identifying attributes), exported with --with-identities. Do not share it.",
    identifying_attribute: |key| {
        format!(
            "\"{key}\" is an identifying attribute: exports leave it out unless --with-identities is given"
        )
    },
};
