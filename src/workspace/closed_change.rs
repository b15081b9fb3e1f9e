//! One change to a session that no screen has open: a person link made from the statistics
//! screen, a reference coder or a link chosen with `grille situations` / `reference-coder`.

use anyhow::{Result, anyhow};

use super::Workspace;
use crate::study::{SessionChange, SessionId};

impl Workspace {
    /// Opens the session for writing, journals the change, closes it. Refused, saying why,
    /// when another process writes the session, or when another session is open here (it
    /// would be closed under the screen that has it).
    pub fn record_in(&mut self, id: SessionId, change: SessionChange) -> Result<()> {
        match self.current() {
            // Open here already: changed where it is, left open.
            Some(open) if open.id == id => return self.record(change).map(|_| ()),
            Some(open) => {
                return Err(anyhow!(
                    "session {} is open; close it before changing another",
                    open.respondent.pseudonym
                ));
            }
            None => {}
        }
        let opened = self.open_current(id)?;
        if opened.read_only {
            let why = opened.notes.join("; ");
            self.close_current();
            return Err(anyhow!("{why}"));
        }
        let result = self.record(change);
        self.close_current();
        result.map(|_| ())
    }
}
