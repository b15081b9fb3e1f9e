//! A form of labelled fields (the new-interview form, the situation form). One way to move:
//! Tab and Shift+Tab, one field at a time; choosing an option never moves. Options are laid
//! out on the field's own rows, so the whole form is visible when the terminal can hold it.
//! Enter (or Ctrl+S) shows every value for review before anything is saved. A detail field
//! (`when`) is asked only when the field it depends on holds the value it names.
//!
//! Over 500 lines: the form widget then its tests (from `mod tests` on).

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::field::{Field, FieldKey};
use super::fit;
use super::value_input::{Outcome, ValueInput};
use crate::i18n::Texts;
use crate::study::{Condition, Value, ValueKind};
use crate::tui::keymap::{
    self, BACKTAB, Binding, ENTER, ESC, HelpSection, TAB, bind, ch, ctrl, main,
};

pub enum Input {
    Text(Field),
    Value(ValueInput),
}

pub struct FormField {
    /// The key the value is saved under.
    pub key: String,
    pub label: String,
    pub input: Input,
    /// Asked only when this holds (a detail of another field).
    pub when: Option<Condition>,
}

pub struct Form {
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// Every value is shown for review; Enter saves.
    pub review: bool,
    /// Esc was pressed once on a form changed: a second Esc abandons it.
    leaving: bool,
    /// Something was typed or chosen (values given in advance do not count).
    touched: bool,
}

/// What a key did to the form.
#[derive(Debug, PartialEq)]
pub enum FormStep {
    Continue,
    /// The key was refused, or a second Esc is needed: the message says why.
    Refused(String),
    /// Confirmed after review: the screen saves the values.
    Save,
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormAct {
    Next,
    Previous,
    Review,
    Cancel,
    Save,
    Back,
}

pub static FORM: &[Binding<FormAct>] = &[
    main(
        &[TAB],
        FormAct::Next,
        |k| k.next_field,
        |k| k.short_next_field,
    ),
    bind(&[BACKTAB], FormAct::Previous, |k| k.previous_field),
    main(
        &[ENTER, ctrl('s')],
        FormAct::Review,
        |k| k.review_form,
        |k| k.short_review,
    ),
    main(
        &[ESC],
        FormAct::Cancel,
        |k| k.cancel_form,
        |k| k.short_cancel,
    ),
];

pub static REVIEW: &[Binding<FormAct>] = &[
    main(
        &[ENTER, ch('o'), ch('y'), ctrl('s')],
        FormAct::Save,
        |k| k.save_form,
        |k| k.short_save,
    ),
    main(
        &[ESC, TAB, BACKTAB],
        FormAct::Back,
        |k| k.back_to_form,
        |k| k.short_back_to_form,
    ),
];

impl Form {
    pub fn new(fields: Vec<FormField>) -> Form {
        Form {
            fields,
            focus: 0,
            review: false,
            leaving: false,
            touched: false,
        }
    }

    /// The values as they stand, by key (fields left empty are absent).
    pub fn values(&self) -> BTreeMap<String, Value> {
        let mut values = BTreeMap::new();
        for f in &self.fields {
            let value = match &f.input {
                Input::Text(field) => Some(field.value().trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .map(Value::Text),
                Input::Value(v) => v.pending(),
            };
            if let Some(v) = value {
                values.insert(f.key.clone(), v);
            }
        }
        values
    }

    /// The values of the fields that apply (a detail whose condition does not hold is left
    /// out).
    pub fn applicable_values(&self) -> BTreeMap<String, Value> {
        let all = self.values();
        let mut out = all.clone();
        for f in &self.fields {
            if f.when.as_ref().is_some_and(|c| !c.holds(&all)) {
                out.remove(&f.key);
            }
        }
        out
    }

    /// The text of a text field.
    pub fn text(&self, key: &str) -> String {
        match self.values().get(key) {
            Some(Value::Text(t)) => t.clone(),
            _ => String::new(),
        }
    }

    fn applies(&self, i: usize, values: &BTreeMap<String, Value>) -> bool {
        self.fields[i].when.as_ref().is_none_or(|c| c.holds(values))
    }

    /// Moves to the next (or previous) field that applies; stays put at either end.
    fn step(&mut self, forward: bool) {
        let values = self.values();
        let mut i = self.focus;
        loop {
            let next = if forward {
                i + 1
            } else {
                match i.checked_sub(1) {
                    Some(n) => n,
                    None => return,
                }
            };
            if next >= self.fields.len() {
                return;
            }
            if self.applies(next, &values) {
                self.focus = next;
                return;
            }
            i = next;
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, t: &Texts) -> FormStep {
        let leaving = std::mem::take(&mut self.leaving);
        if self.review {
            return match keymap::lookup(REVIEW, &key).map(|h| h.action) {
                Some(FormAct::Save) => FormStep::Save,
                Some(_) => {
                    self.review = false;
                    FormStep::Continue
                }
                None => FormStep::Refused((t.keys.refused_in)(
                    &keymap::key_name(&key, t),
                    &keymap::footer(&[REVIEW], t),
                )),
            };
        }
        // The form's keys first: Enter always reviews, in any field.
        match keymap::lookup(FORM, &key).map(|h| h.action) {
            Some(FormAct::Next) => self.step(true),
            Some(FormAct::Previous) => self.step(false),
            Some(FormAct::Review) => self.review = true,
            Some(FormAct::Cancel) if self.touched && !leaving => {
                self.leaving = true;
                return FormStep::Refused(t.keys.esc_again.to_owned());
            }
            Some(FormAct::Cancel) => return FormStep::Cancel,
            Some(_) => {}
            None => return self.field_key(key, t),
        }
        FormStep::Continue
    }

    /// A key for the focused field.
    fn field_key(&mut self, key: KeyEvent, t: &Texts) -> FormStep {
        let field = &mut self.fields[self.focus];
        let taken = match &mut field.input {
            Input::Text(f) => match f.on_key(key) {
                FieldKey::Unbound => None,
                FieldKey::Moved => Some(FormStep::Continue),
                FieldKey::Edited => {
                    self.touched = true;
                    Some(FormStep::Continue)
                }
            },
            Input::Value(v) => match v.on_key(key, t) {
                Outcome::Unbound => None,
                Outcome::Refused(why) => Some(FormStep::Refused(why)),
                Outcome::Changed | Outcome::Commit(_) => {
                    self.touched = true;
                    Some(FormStep::Continue)
                }
            },
        };
        taken.unwrap_or_else(|| {
            FormStep::Refused((t.keys.refused_in)(
                &keymap::key_name(&key, t),
                &self.hint(t),
            ))
        })
    }

    /// The main keys of the focused field and of the form.
    pub fn hint(&self, t: &Texts) -> String {
        if self.review {
            return keymap::footer(&[REVIEW], t);
        }
        let field = match &self.fields[self.focus].input {
            Input::Value(v) if !matches!(v.kind, ValueKind::Open) => {
                v.hint_under(&keymap::chords(FORM), t)
            }
            _ => String::new(),
        };
        let form = keymap::footer(&[FORM], t);
        if field.is_empty() {
            form
        } else {
            format!("{field} · {form}")
        }
    }

    /// The keys of `F1`: the focused field's, then the form's.
    pub fn help(&self, t: &Texts) -> Vec<HelpSection> {
        if self.review {
            return vec![keymap::section(t.keys.section_review, REVIEW, t)];
        }
        let field = &self.fields[self.focus];
        let taken = keymap::chords(FORM);
        let rows = match &field.input {
            Input::Text(_) => {
                let mut rows = keymap::help_rows_under(super::text_keys::TYPE, &taken, t);
                rows.extend(keymap::help_rows_under(
                    super::text_keys::EDIT_LINE,
                    &taken,
                    t,
                ));
                rows
            }
            Input::Value(v) => v.help(&taken, t),
        };
        vec![
            HelpSection {
                title: field.label.clone(),
                rows,
            },
            keymap::section(t.keys.section_form, FORM, t),
        ]
    }

    pub fn paste(&mut self, text: &str) {
        self.touched = true;
        match &mut self.fields[self.focus].input {
            Input::Text(f) => f.paste(text),
            Input::Value(v) => v.paste(text),
        }
    }

    fn label_width(&self, width: u16) -> u16 {
        let longest = self
            .fields
            .iter()
            .map(|f| unicode_width::UnicodeWidthStr::width(f.label.as_str()))
            .max()
            .unwrap_or(0) as u16;
        (longest + 2).min(width / 3)
    }

    /// The rows of each field: a detail that does not apply takes one, for its condition.
    fn heights(&self, width: u16, t: &Texts) -> Vec<u16> {
        let input_width = width.saturating_sub(self.label_width(width));
        let values = self.values();
        self.fields
            .iter()
            .enumerate()
            .map(|(i, f)| match &f.input {
                _ if !self.applies(i, &values) => 1,
                Input::Text(_) => 1,
                Input::Value(v) => v.height(input_width, t),
            })
            .collect()
    }

    /// Rows the whole form needs in `width` columns (the review: one row a field).
    pub fn height(&self, width: u16, t: &Texts) -> u16 {
        if self.review {
            return self.fields.len() as u16 + 1;
        }
        self.heights(width, t).iter().sum()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Texts) {
        if self.review {
            self.draw_review(frame, area, t);
            return;
        }
        let heights = self.heights(area.width, t);
        let values = self.values();
        // The whole form when it fits; else from a field that keeps the focused one visible.
        let mut first = 0;
        while heights[first..=self.focus].iter().sum::<u16>() > area.height && first < self.focus {
            first += 1;
        }
        let label_width = self.label_width(area.width);
        let mut y = area.y;
        for (i, field) in self.fields.iter().enumerate().skip(first) {
            let h = heights[i];
            if y + h > area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let applies = self.applies(i, &values);
            let style = if focused {
                Style::default().fg(Color::Black).bg(Color::Yellow).bold()
            } else if applies {
                Style::default().bold()
            } else {
                Style::default().dark_gray()
            };
            let label = Rect {
                x: area.x,
                y,
                width: label_width,
                height: 1,
            };
            let input = Rect {
                x: area.x + label_width,
                y,
                width: area.width.saturating_sub(label_width),
                height: h,
            };
            frame.render_widget(
                Paragraph::new(Span::styled(
                    fit(&field.label, label_width.saturating_sub(1) as usize),
                    style,
                )),
                label,
            );
            if !applies {
                let why = field
                    .when
                    .as_ref()
                    .map(|c| self.condition_text(c, t))
                    .unwrap_or_default();
                frame.render_widget(
                    Paragraph::new(Span::raw(why).dark_gray().italic()),
                    Rect { height: 1, ..input },
                );
            } else {
                match &field.input {
                    Input::Text(f) => f.draw(frame, input, focused),
                    Input::Value(v) => v.draw(frame, input, focused, t),
                }
            }
            y += h;
        }
    }

    /// `(si Proxénétisme : Oui)`
    fn condition_text(&self, c: &Condition, t: &Texts) -> String {
        let Some(field) = self.fields.iter().find(|f| f.key == c.attribute) else {
            return String::new();
        };
        let value = match &field.input {
            Input::Value(v) => match v.kind {
                ValueKind::YesNo => if c.is == "yes" { t.yes } else { t.no }.to_owned(),
                ref kind => kind.option_label(&c.is).unwrap_or(&c.is).to_owned(),
            },
            Input::Text(_) => c.is.clone(),
        };
        (t.keys.only_when)(&field.label, &value)
    }

    fn draw_review(&self, frame: &mut Frame, area: Rect, t: &Texts) {
        let values = self.values();
        let label_width = self.label_width(area.width) as usize;
        let mut lines = vec![Line::from(t.keys.review_title).bold().yellow()];
        for (i, field) in self.fields.iter().enumerate() {
            let value = if !self.applies(i, &values) {
                None
            } else {
                match &field.input {
                    Input::Text(f) => Some(f.value().trim().to_owned()).filter(|s| !s.is_empty()),
                    Input::Value(v) => v.describe(t),
                }
            };
            let label = format!(
                "{:<label_width$}",
                fit(&field.label, label_width.saturating_sub(1))
            );
            let shown = match value {
                Some(v) => Span::raw(v).add_modifier(Modifier::BOLD),
                None if !self.applies(i, &values) => Span::raw(t.keys.not_applicable).dark_gray(),
                None => Span::raw("—").dark_gray(),
            };
            lines.push(Line::from(vec![Span::raw(label), shown]));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::study::Choice;
    use ratatui::crossterm::event::KeyCode;

    fn choice(key: &str, labels: &[&str]) -> FormField {
        FormField {
            key: key.into(),
            label: key.into(),
            input: Input::Value(ValueInput::new(
                &ValueKind::Choice {
                    options: labels
                        .iter()
                        .map(|l| Choice {
                            key: l.to_lowercase(),
                            label: (*l).into(),
                            unknown: false,
                        })
                        .collect(),
                },
                None,
            )),
            when: None,
        }
    }

    fn press(form: &mut Form, code: KeyCode) -> FormStep {
        form.on_key(KeyEvent::from(code), Lang::Fr.texts())
    }

    #[test]
    fn choosing_never_moves_and_tab_moves_one_field_skipping_details_that_do_not_apply() {
        let mut detail = choice("formes", &["Conjugal", "Hotelier"]);
        detail.when = Some(Condition {
            attribute: "proxenetisme".into(),
            is: "oui".into(),
        });
        let mut form = Form::new(vec![
            FormField {
                key: "label".into(),
                label: "Intitulé".into(),
                input: Input::Text(Field::default()),
                when: None,
            },
            choice("proxenetisme", &["Oui", "Non"]),
            detail,
            choice("age", &["Mineur", "Majeur"]),
        ]);
        press(&mut form, KeyCode::Char('A'));
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.focus, 1);
        press(&mut form, KeyCode::Char('2'));
        assert_eq!(form.focus, 1, "a digit chooses, it does not move");
        press(&mut form, KeyCode::Tab);
        assert_eq!(
            form.focus, 3,
            "the detail of 'oui' is skipped when 'non' is chosen"
        );
        press(&mut form, KeyCode::BackTab);
        press(&mut form, KeyCode::Char('1'));
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.focus, 2, "now it applies");
        press(&mut form, KeyCode::Char('1'));
        assert!(matches!(
            press(&mut form, KeyCode::Char('9')),
            FormStep::Refused(_)
        ));
        // Changed back to 'non': the detail is kept aside, not saved.
        press(&mut form, KeyCode::BackTab);
        press(&mut form, KeyCode::Char('2'));
        let values = form.applicable_values();
        assert_eq!(values.get("proxenetisme"), Some(&Value::Text("non".into())));
        assert_eq!(values.get("formes"), None);
        assert_eq!(values.get("label"), Some(&Value::Text("A".into())));
        // Review, then save.
        assert_eq!(press(&mut form, KeyCode::Enter), FormStep::Continue);
        assert!(form.review);
        assert_eq!(press(&mut form, KeyCode::Enter), FormStep::Save);
    }

    #[test]
    fn esc_on_a_filled_form_asks_twice() {
        let mut form = Form::new(vec![choice("age", &["Mineur", "Majeur"])]);
        assert_eq!(press(&mut form, KeyCode::Esc), FormStep::Cancel);
        press(&mut form, KeyCode::Char('1'));
        assert!(matches!(
            press(&mut form, KeyCode::Esc),
            FormStep::Refused(_)
        ));
        assert_eq!(press(&mut form, KeyCode::Esc), FormStep::Cancel);
    }
}
