//! The situation form: a situation's label, then each situation attribute with its widget.
//! The interview screen (Alt+S) and the coding screen (s) both describe situations with it.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Paragraph};

use super::centered;
use super::field::Field;
use super::value_input::{Outcome, ValueInput};
use crate::i18n::Texts;
use crate::study::{Situation, SituationId, Study, Value, ValueKind};

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
            same_person_as: existing.and_then(|s| s.same_person_as),
        }
    }
}

impl SituationForm {
    /// Draws the form centred over the screen.
    pub fn draw(&self, frame: &mut Frame, study: &Study, t: &Texts) {
        let form = self;
        let area = frame.area();
        let wanted: u16 = 3 + form.inputs.iter().map(|(_, i)| i.height() + 1).sum::<u16>();
        let rect = centered(area, 72, wanted.min(area.height));
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .title(t.situation_title)
            .title_bottom(t.situation_keys);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        // Only the fields from the focused one on that fit are shown on a small screen.
        let mut y = inner.y;
        let label_style = |focused: bool| {
            if focused {
                Style::default().fg(Color::Yellow).bold()
            } else {
                Style::default().bold()
            }
        };
        let row = |y: u16, h: u16| Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: h,
        };
        if form.focus == 0 || inner.height > wanted.saturating_sub(2) {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    t.situation_label,
                    label_style(form.focus == 0),
                )),
                row(y, 1),
            );
            form.label.draw(
                frame,
                Rect {
                    x: inner.x + 12,
                    width: inner.width.saturating_sub(12),
                    ..row(y, 1)
                },
                form.focus == 0,
            );
            y += 1;
        }
        let first = if inner.height > wanted.saturating_sub(2) {
            0
        } else {
            form.focus.saturating_sub(1)
        };
        for (i, (key, input)) in form.inputs.iter().enumerate().skip(first) {
            let h = input.height();
            if y + 1 + h > inner.bottom() {
                break;
            }
            let label = study
                .meta
                .situation_attribute(key)
                .map_or(key.as_str(), |a| a.label.as_str());
            frame.render_widget(
                Paragraph::new(Span::styled(
                    label.to_owned(),
                    label_style(form.focus == i + 1),
                )),
                row(y, 1),
            );
            input.draw(
                frame,
                Rect {
                    x: inner.x + 2,
                    width: inner.width.saturating_sub(2),
                    ..row(y + 1, h)
                },
                form.focus == i + 1,
                t,
            );
            y += 1 + h;
        }
    }
}
