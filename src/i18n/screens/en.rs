use super::ScreensTexts;

pub static EN_SCREENS: ScreensTexts = ScreensTexts {
    work_loading: "Loading",
    work_indexing: "Indexing",
    work_searching: "Searching",
    work_counting: "Counting",
    work_exporting: "Exporting",
    loading_sessions: "Loading the sessions…",
    worker_stopped: "The background task stopped on an internal error: restart grille.",
};
