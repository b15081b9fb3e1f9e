//! The popups of the interview screen: the codebook picker, the situation form and list, the
//! reason for skipping a question, the grid outline to jump in, the end-of-interview check.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Texts;
use crate::study::{Situation, SituationId, Study, Value, ValueKind};
use crate::tui::widget::field::Field;
use crate::tui::widget::picker::CodePicker;
use crate::tui::widget::value_input::{Outcome, ValueInput};

pub enum Popup {
    Picker(CodePicker),
    Situation(SituationForm),
    Situations { selected: usize },
    Skip(Field),
    Jump { selected: usize },
    Finish,
}

/// A situation being described: its label, then each situation attribute with its widget.
pub struct SituationForm {
    /// `None` for a new situation.
    pub editing: Option<SituationId>,
    pub label: Field,
    pub inputs: Vec<(String, ValueInput)>,
    /// 0: the label; i > 0: the attribute i - 1.
    pub focus: usize,
}

pub enum FormOutcome {
    Continue,
    Refused(String),
    Save,
    Cancel,
}

impl SituationForm {
    pub fn new(study: &Study, existing: Option<&Situation>) -> Self {
        let inputs = study
            .meta
            .situation_attributes
            .iter()
            .map(|a| {
                let value = existing.and_then(|s| s.attributes.get(&a.key));
                let kind = match &a.kind {
                    // A free-text attribute is typed on one line like a label.
                    ValueKind::Open => ValueKind::Open,
                    other => other.clone(),
                };
                (a.key.clone(), ValueInput::new(&kind, value))
            })
            .collect();
        SituationForm {
            editing: existing.map(|s| s.id),
            label: Field::new(existing.map_or("", |s| s.label.as_str())),
            inputs,
            focus: 0,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, t: &Texts) -> FormOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Char('s') if ctrl => return self.save(t),
            KeyCode::Tab | KeyCode::Down if self.focus == 0 || key.code == KeyCode::Tab => {
                self.next();
                return FormOutcome::Continue;
            }
            KeyCode::BackTab => {
                self.focus = self.focus.saturating_sub(1);
                return FormOutcome::Continue;
            }
            KeyCode::Up if self.focus > 0 && self.on_first_row() => {
                self.focus -= 1;
                return FormOutcome::Continue;
            }
            _ => {}
        }
        if self.focus == 0 {
            if key.code == KeyCode::Enter {
                if self.inputs.is_empty() {
                    return self.save(t);
                }
                self.next();
            } else {
                self.label.on_key(key);
            }
            return FormOutcome::Continue;
        }
        let last = self.focus == self.inputs.len();
        let (_, input) = &mut self.inputs[self.focus - 1];
        match input.on_key(key, t) {
            Outcome::Commit(_) if last && key.code == KeyCode::Enter => self.save(t),
            Outcome::Commit(_) => {
                self.next();
                FormOutcome::Continue
            }
            Outcome::Refused(why) => FormOutcome::Refused(why),
            Outcome::Changed | Outcome::Ignored => FormOutcome::Continue,
        }
    }

    fn on_first_row(&self) -> bool {
        // In a list of options Up moves within the list; elsewhere it goes to the field above.
        self.inputs
            .get(self.focus.wrapping_sub(1))
            .is_none_or(|(_, i)| i.height() <= 1)
    }

    fn next(&mut self) {
        self.focus = (self.focus + 1).min(self.inputs.len());
    }

    fn save(&self, t: &Texts) -> FormOutcome {
        if self.label.value().trim().is_empty() {
            FormOutcome::Refused(t.situation_needs_label.into())
        } else {
            FormOutcome::Save
        }
    }

    /// The situation as described, keeping the excerpts it already had.
    pub fn situation(&self, existing: Option<&Situation>) -> Situation {
        let attributes = self
            .inputs
            .iter()
            .filter_map(|(key, input)| input.pending().map(|v: Value| (key.clone(), v)))
            .collect();
        Situation {
            id: self.editing.unwrap_or_default(),
            label: self.label.value().trim().to_owned(),
            attributes,
            excerpts: existing.map(|s| s.excerpts.clone()).unwrap_or_default(),
        }
    }
}
