//! The situation form: a situation's label, then each situation attribute with its widget, on
//! the shared [`Form`] (Tab moves, choosing never moves, a review before saving). The interview
//! screen (Alt+S) and the coding screen (s) both describe situations with it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::widgets::{Block, Clear};

use super::centered;
use super::field::Field;
use super::form::{Form, FormField, FormStep, Input};
use super::value_input::ValueInput;
use crate::i18n::Texts;
use crate::study::{Situation, SituationId, Study, ValueKind};
use crate::tui::keymap::HelpSection;

/// The key of the label among the form's fields (no attribute can be called so: attribute keys
/// are words).
const LABEL: &str = " label";

/// A situation being described.
pub struct SituationForm {
    /// `None` for a new situation.
    pub editing: Option<SituationId>,
    pub form: Form,
}

impl SituationForm {
    pub fn new(study: &Study, existing: Option<&Situation>, t: &Texts) -> Self {
        let mut fields = vec![FormField {
            key: LABEL.into(),
            label: t.situation_label.into(),
            input: Input::Text(Field::new(existing.map_or("", |s| s.label.as_str()))),
            when: None,
        }];
        for a in &study.meta.situation_attributes {
            let value = existing.and_then(|s| s.attributes.get(&a.key));
            let input = match &a.kind {
                ValueKind::Open => Input::Text(Field::new(match value {
                    Some(crate::study::Value::Text(t)) => t,
                    _ => "",
                })),
                kind => Input::Value(ValueInput::new(kind, value)),
            };
            fields.push(FormField {
                key: a.key.clone(),
                label: a.label.clone(),
                input,
                when: a.when.clone(),
            });
        }
        SituationForm {
            editing: existing.map(|s| s.id),
            form: Form::new(fields),
        }
    }

    /// A key; a save without a label is refused and the form goes back to it.
    pub fn on_key(&mut self, key: KeyEvent, t: &Texts) -> FormStep {
        match self.form.on_key(key, t) {
            FormStep::Save if self.form.text(LABEL).trim().is_empty() => {
                self.form.review = false;
                self.form.focus = 0;
                FormStep::Refused(t.situation_needs_label.into())
            }
            step => step,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.form.paste(text);
    }

    pub fn help(&self, t: &Texts) -> Vec<HelpSection> {
        self.form.help(t)
    }

    /// The situation as described, keeping the excerpts and the link it already had.
    pub fn situation(&self, existing: Option<&Situation>) -> Situation {
        let mut attributes = self.form.applicable_values();
        attributes.remove(LABEL);
        Situation {
            id: self.editing.unwrap_or_default(),
            label: self.form.text(LABEL).trim().to_owned(),
            attributes,
            excerpts: existing.map(|s| s.excerpts.clone()).unwrap_or_default(),
            same_person_as: existing.and_then(|s| s.same_person_as),
        }
    }

    /// Draws the form centred over the screen, as tall as it needs when the screen allows.
    pub fn draw(&self, frame: &mut Frame, t: &Texts) {
        let area = frame.area();
        let width = area.width.min(96);
        let wanted = self.form.height(width.saturating_sub(2), t) + 2;
        let rect = centered(area, width, wanted.min(area.height));
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .title(t.situation_title)
            .title_bottom(format!(" {} ", self.form.hint(t)));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        self.form.draw(frame, inner, t);
    }
}
