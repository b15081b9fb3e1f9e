use super::PrivacyTexts;

pub static FR_PRIVACY: PrivacyTexts = PrivacyTexts {
    with_identities: "ATTENTION : ce fichier contient des identités (noms des enquêteur·rices et des codeur·euses, attributs identifiants), exporté avec --with-identities. Ne pas le diffuser.",
    identifying_attribute: |key| {
        format!(
            "« {key} » est un attribut identifiant : les exports le laissent de côté, sauf avec --with-identities"
        )
    },
};
