//! Undo by what was typed in one go, as editors do: Ctrl+Z takes back the last word (with the
//! spaces before it), a run of erasing, a new line or a paste, not one character. The text
//! area keeps each edit in its own history; this remembers how many of them make each group.
//! A group ends where a new word starts, where typing turns to erasing, when the cursor moved
//! in between, and after a pause (a burst of typing is undone apart from the next one).

use chrono::Duration;
use ratatui_textarea::TextArea;

use super::text_keys::{self, Edit};
use crate::study::Time;
use crate::tui::keymap::Hit;

/// A pause longer than this ends a group.
const PAUSE_MS: i64 = 1000;

/// Edits the text area remembers: enough for a long block typed at once.
pub const HISTORY: usize = 5000;

#[derive(Debug, Default)]
pub struct UndoGroups {
    /// The number of edits in each group, oldest first.
    done: Vec<usize>,
    /// Groups undone, the last undone last: Ctrl+Y redoes them.
    undone: Vec<usize>,
    last: Option<Last>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Burst {
    /// Letters, digits, punctuation.
    Word,
    Space,
    Erase,
    /// A group of its own: a new line, a word erased at once, a paste.
    Alone,
}

#[derive(Clone, Copy, Debug)]
struct Last {
    burst: Burst,
    at: Time,
    /// Where the cursor was after it: an edit elsewhere starts a new group.
    cursor: (usize, usize),
}

impl UndoGroups {
    /// Applies a key's edit to `area`; Undo and Redo go a group at a time. Whether the text
    /// changed.
    pub fn apply(&mut self, area: &mut TextArea<'static>, hit: Hit<Edit>, now: Time) -> bool {
        let burst = match hit.action {
            Edit::Undo => return self.undo(area),
            Edit::Redo => return self.redo(area),
            Edit::Insert if hit.ch.is_some_and(char::is_whitespace) => Burst::Space,
            Edit::Insert => Burst::Word,
            Edit::Backspace | Edit::Delete => Burst::Erase,
            _ => Burst::Alone,
        };
        let before = cursor(area);
        let changed = text_keys::apply(area, hit);
        if changed {
            self.record(burst, before, cursor(area), now);
        }
        changed
    }

    /// An edit made to `area` outside the keys (a paste, Enter's new line), already applied:
    /// a group of its own.
    pub fn edited(&mut self, area: &TextArea<'static>, now: Time) {
        self.record(Burst::Alone, cursor(area), cursor(area), now);
    }

    fn record(&mut self, burst: Burst, before: (usize, usize), after: (usize, usize), now: Time) {
        let joins = self.last.is_some_and(|last| {
            last.cursor == before
                && now - last.at <= Duration::milliseconds(PAUSE_MS)
                && matches!(
                    (last.burst, burst),
                    (Burst::Word, Burst::Word)
                        | (Burst::Space, Burst::Space)
                        | (Burst::Space, Burst::Word)
                        | (Burst::Erase, Burst::Erase)
                )
        });
        match self.done.last_mut() {
            Some(edits) if joins => *edits += 1,
            _ => self.done.push(1),
        }
        self.undone.clear();
        self.last = Some(Last {
            burst,
            at: now,
            cursor: after,
        });
    }

    fn undo(&mut self, area: &mut TextArea<'static>) -> bool {
        self.last = None;
        let Some(edits) = self.done.pop() else {
            return area.undo();
        };
        let undone = (0..edits).take_while(|_| area.undo()).count();
        self.undone.push(undone);
        undone > 0
    }

    fn redo(&mut self, area: &mut TextArea<'static>) -> bool {
        self.last = None;
        let Some(edits) = self.undone.pop() else {
            return false;
        };
        let redone = (0..edits).take_while(|_| area.redo()).count();
        self.done.push(redone);
        redone > 0
    }
}

/// The cursor as (row, column).
fn cursor(area: &TextArea<'static>) -> (usize, usize) {
    let at = area.cursor();
    (at.0, at.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Hit;

    struct Typist {
        area: TextArea<'static>,
        groups: UndoGroups,
        now: Time,
    }

    impl Typist {
        fn new() -> Typist {
            let mut area = TextArea::default();
            area.set_max_histories(HISTORY);
            Typist {
                area,
                groups: UndoGroups::default(),
                now: Time::parse_from_rfc3339("2021-04-12T10:00:00+02:00").unwrap(),
            }
        }

        fn edit(&mut self, action: Edit, ch: Option<char>) {
            // 120 ms between keys: a steady typist.
            self.now += Duration::milliseconds(120);
            self.groups
                .apply(&mut self.area, Hit { action, ch }, self.now);
        }

        fn type_text(&mut self, text: &str) {
            for c in text.chars() {
                self.edit(Edit::Insert, Some(c));
            }
        }

        fn text(&self) -> String {
            self.area.lines().join("\n")
        }
    }

    #[test]
    fn ctrl_z_takes_back_the_last_word_then_the_one_before() {
        let mut t = Typist::new();
        t.type_text("Je connais de nom");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "Je connais de");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "Je connais");
        t.edit(Edit::Redo, None);
        assert_eq!(t.text(), "Je connais de");
        t.type_text(" vue");
        assert_eq!(t.text(), "Je connais de vue");
        // Typing after an undo forgets what could be redone.
        t.edit(Edit::Redo, None);
        assert_eq!(t.text(), "Je connais de vue");
        for _ in 0..4 {
            t.edit(Edit::Undo, None);
        }
        assert_eq!(t.text(), "");
    }

    #[test]
    fn erasing_a_pause_and_a_move_each_end_a_group() {
        let mut t = Typist::new();
        t.type_text("hôtel");
        for _ in 0..3 {
            t.edit(Edit::Backspace, None);
        }
        assert_eq!(t.text(), "hô");
        t.type_text("pital");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "hô", "the word typed after erasing");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "hôtel", "the erasing, at once");
        // A pause inside a word: two bursts.
        t.now += Duration::seconds(3);
        t.type_text("s");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "hôtel");
        // A move: what is typed elsewhere is undone apart.
        t.edit(Edit::Home, None);
        t.type_text("L'");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "hôtel");
        t.edit(Edit::Undo, None);
        assert_eq!(t.text(), "");
    }
}
