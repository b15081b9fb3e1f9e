//! The words of the home screen's list of sessions: what is wrong with the sessions that have
//! a problem.

mod en;
mod fr;

pub use en::EN_HOME;
pub use fr::FR_HOME;

pub struct HomeTexts {
    /// (the session: its pseudonym and short id, what is wrong) under the list.
    pub problem: fn(&str, &str) -> String,
}
