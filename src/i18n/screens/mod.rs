//! The words of the terminal interface's frame: work under way in the background, loading.

mod en;
mod fr;

pub use en::EN_SCREENS;
pub use fr::FR_SCREENS;

pub struct ScreensTexts {
    pub work_loading: &'static str,
    pub work_indexing: &'static str,
    pub work_searching: &'static str,
    pub work_counting: &'static str,
    pub work_exporting: &'static str,
    /// The home screen while the sessions are read.
    pub loading_sessions: &'static str,
    /// A job on the worker thread stopped (it panicked): what was asked is not done.
    pub worker_stopped: &'static str,
}
