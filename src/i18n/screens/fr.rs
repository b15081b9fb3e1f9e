use super::ScreensTexts;

pub static FR_SCREENS: ScreensTexts = ScreensTexts {
    work_loading: "Chargement",
    work_indexing: "Indexation",
    work_searching: "Recherche",
    work_counting: "Calcul",
    work_exporting: "Export",
    loading_sessions: "Chargement des entretiens…",
    worker_stopped: "La tâche de fond s'est arrêtée sur une erreur interne : relancez grille.",
};
