//! The quick widget of a typed value: a key press answers a yes/no question, picks an option,
//! toggles a choice, sets a scale; a number field refuses letters. Used for closed questions and
//! for respondent and situation attributes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::field::Field;
use crate::i18n::Texts;
use crate::study::{Value, ValueKind};

#[derive(Clone, Debug)]
pub struct ValueInput {
    pub kind: ValueKind,
    /// The highlighted option (choice, choices, yes/no: 0 yes, 1 no) or scale value index.
    cursor: usize,
    /// Options ticked in a `choices` widget before it is committed.
    picked: Vec<bool>,
    /// What is typed in a number or open field.
    field: Field,
    /// The value currently stored.
    pub value: Option<Value>,
}

/// What a key did to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Not a key for this widget.
    Ignored,
    /// The widget changed but nothing is to be saved yet.
    Changed,
    /// A value (or its removal) to save.
    Commit(Option<Value>),
    /// The key was refused; the message says why.
    Refused(String),
}

impl ValueInput {
    pub fn new(kind: &ValueKind, value: Option<&Value>) -> Self {
        let options = kind.options();
        let keys = value.map(Value::keys).unwrap_or_default();
        let picked = options
            .iter()
            .map(|o| keys.contains(&o.key.as_str()))
            .collect();
        let cursor = match (kind, value) {
            (ValueKind::YesNo, Some(Value::Bool(false))) => 1,
            (ValueKind::Choice { .. }, Some(_)) => options
                .iter()
                .position(|o| keys.contains(&o.key.as_str()))
                .unwrap_or(0),
            (ValueKind::Scale { min, .. }, Some(Value::Number(n))) => {
                (*n as i64 - min).max(0) as usize
            }
            _ => 0,
        };
        let typed = match value {
            Some(Value::Number(n)) => format_number(*n),
            Some(Value::Text(t)) if matches!(kind, ValueKind::Open) => t.clone(),
            _ => String::new(),
        };
        ValueInput {
            kind: kind.clone(),
            cursor,
            picked,
            field: Field::new(&typed),
            value: value.cloned(),
        }
    }

    /// Lines the widget needs.
    pub fn height(&self) -> u16 {
        match &self.kind {
            ValueKind::Choice { options } | ValueKind::Choices { options } => options.len() as u16,
            _ => 1,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, t: &Texts) -> Outcome {
        let outcome = match self.kind.clone() {
            ValueKind::YesNo => self.yes_no(key),
            ValueKind::Number { .. } => self.number(key, t),
            ValueKind::Choice { options } => self.choice(key, options.len()),
            ValueKind::Choices { options } => self.choices(key, options.len()),
            ValueKind::Scale { min, max, .. } => self.scale(key, min, max),
            ValueKind::Open => self.open(key),
        };
        if let Outcome::Commit(value) = &outcome {
            self.value = value.clone();
        }
        outcome
    }

    /// The value as it stands on screen, committed or not: ticked options, a typed number or
    /// text. What a form saves when the user leaves a field without pressing Enter.
    pub fn pending(&self) -> Option<Value> {
        match &self.kind {
            ValueKind::Choices { options } => {
                let keys: Vec<String> = options
                    .iter()
                    .zip(&self.picked)
                    .filter(|(_, on)| **on)
                    .map(|(o, _)| o.key.clone())
                    .collect();
                (!keys.is_empty()).then_some(Value::List(keys))
            }
            ValueKind::Number { .. } => {
                let typed = self
                    .field
                    .value()
                    .replace([' ', '\u{a0}', '\u{202f}'], "")
                    .replace(',', ".");
                typed
                    .parse::<f64>()
                    .ok()
                    .map(Value::Number)
                    .filter(|v| self.kind.check(v).is_ok())
                    .or_else(|| self.value.clone())
            }
            ValueKind::Open => {
                let text = self.field.value();
                (!text.trim().is_empty()).then_some(Value::Text(text))
            }
            _ => self.value.clone(),
        }
    }

    pub fn paste(&mut self, text: &str) {
        if matches!(self.kind, ValueKind::Open | ValueKind::Number { .. }) {
            self.field.paste(text);
        }
    }

    fn yes_no(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('o' | 'O' | 'y' | 'Y') => Outcome::Commit(Some(Value::Bool(true))),
            KeyCode::Char('n' | 'N') => Outcome::Commit(Some(Value::Bool(false))),
            KeyCode::Left | KeyCode::Right => {
                self.cursor = 1 - self.cursor.min(1);
                Outcome::Changed
            }
            KeyCode::Enter | KeyCode::Char(' ') => {
                Outcome::Commit(Some(Value::Bool(self.cursor == 0)))
            }
            KeyCode::Backspace | KeyCode::Delete => Outcome::Commit(None),
            _ => Outcome::Ignored,
        }
    }

    fn number(&mut self, key: KeyEvent, t: &Texts) -> Outcome {
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' ') => {
                self.field.on_key(key);
                Outcome::Changed
            }
            KeyCode::Char(c) => Outcome::Refused((t.number_expected)(c)),
            KeyCode::Enter => {
                let typed = self
                    .field
                    .value()
                    .replace([' ', '\u{a0}', '\u{202f}'], "")
                    .replace(',', ".");
                if typed.is_empty() {
                    return Outcome::Commit(None);
                }
                let Ok(n) = typed.parse::<f64>() else {
                    return Outcome::Refused((t.not_a_number)(&typed));
                };
                match self.kind.check(&Value::Number(n)) {
                    Ok(()) => Outcome::Commit(Some(Value::Number(n))),
                    Err(e) => Outcome::Refused(e),
                }
            }
            _ if self.field.on_key(key) => Outcome::Changed,
            _ => Outcome::Ignored,
        }
    }

    fn choice(&mut self, key: KeyEvent, count: usize) -> Outcome {
        match key.code {
            KeyCode::Char(c @ '1'..='9') => {
                let i = c as usize - '1' as usize;
                if i < count {
                    self.cursor = i;
                    Outcome::Commit(Some(Value::Text(self.option_key(i))))
                } else {
                    Outcome::Ignored
                }
            }
            KeyCode::Up | KeyCode::Left => self.move_cursor(-1, count),
            KeyCode::Down | KeyCode::Right => self.move_cursor(1, count),
            KeyCode::Enter | KeyCode::Char(' ') if count > 0 => {
                Outcome::Commit(Some(Value::Text(self.option_key(self.cursor))))
            }
            KeyCode::Backspace | KeyCode::Delete => Outcome::Commit(None),
            _ => Outcome::Ignored,
        }
    }

    fn choices(&mut self, key: KeyEvent, count: usize) -> Outcome {
        match key.code {
            KeyCode::Char(c @ '1'..='9') => {
                let i = c as usize - '1' as usize;
                if i < count {
                    self.cursor = i;
                    self.picked[i] = !self.picked[i];
                    Outcome::Changed
                } else {
                    Outcome::Ignored
                }
            }
            KeyCode::Char(' ') if count > 0 => {
                self.picked[self.cursor] = !self.picked[self.cursor];
                Outcome::Changed
            }
            KeyCode::Up | KeyCode::Left => self.move_cursor(-1, count),
            KeyCode::Down | KeyCode::Right => self.move_cursor(1, count),
            KeyCode::Enter => {
                let keys: Vec<String> = (0..count)
                    .filter(|i| self.picked[*i])
                    .map(|i| self.option_key(i))
                    .collect();
                Outcome::Commit((!keys.is_empty()).then_some(Value::List(keys)))
            }
            KeyCode::Delete => {
                self.picked.iter_mut().for_each(|p| *p = false);
                Outcome::Commit(None)
            }
            _ => Outcome::Ignored,
        }
    }

    fn scale(&mut self, key: KeyEvent, min: i64, max: i64) -> Outcome {
        let count = (max - min + 1).max(0) as usize;
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let n = i64::from(c as u8 - b'0');
                if (min..=max).contains(&n) {
                    self.cursor = (n - min) as usize;
                    Outcome::Commit(Some(Value::Number(n as f64)))
                } else {
                    Outcome::Ignored
                }
            }
            KeyCode::Left | KeyCode::Down => self.move_cursor(-1, count),
            KeyCode::Right | KeyCode::Up => self.move_cursor(1, count),
            KeyCode::Enter | KeyCode::Char(' ') => {
                Outcome::Commit(Some(Value::Number((min + self.cursor as i64) as f64)))
            }
            KeyCode::Backspace | KeyCode::Delete => Outcome::Commit(None),
            _ => Outcome::Ignored,
        }
    }

    fn open(&mut self, key: KeyEvent) -> Outcome {
        if key.code == KeyCode::Enter {
            let text = self.field.value();
            return Outcome::Commit((!text.trim().is_empty()).then_some(Value::Text(text)));
        }
        if self.field.on_key(key) {
            Outcome::Changed
        } else {
            Outcome::Ignored
        }
    }

    fn move_cursor(&mut self, delta: isize, count: usize) -> Outcome {
        if count == 0 {
            return Outcome::Ignored;
        }
        self.cursor = (self.cursor as isize + delta).rem_euclid(count as isize) as usize;
        Outcome::Changed
    }

    fn option_key(&self, i: usize) -> String {
        self.kind.options()[i].key.clone()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, t: &Texts) {
        let hl = |on: bool| {
            if on && focused {
                Style::default().add_modifier(Modifier::REVERSED)
            } else if on {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            }
        };
        let lines: Vec<Line> = match &self.kind {
            ValueKind::YesNo => {
                let current = match self.value {
                    Some(Value::Bool(b)) => Some(b),
                    _ => None,
                };
                let item = |label: &'static str, yes: bool, i: usize| {
                    let mark = if current == Some(yes) { "● " } else { "○ " };
                    Span::styled(format!("{mark}{label}"), hl(self.cursor == i))
                };
                vec![Line::from(vec![
                    item(t.yes, true, 0),
                    Span::raw("   "),
                    item(t.no, false, 1),
                    Span::raw(format!("   {}", t.yes_no_keys)).dark_gray(),
                ])]
            }
            ValueKind::Number { unit, .. } => {
                let mut line = vec![
                    Span::raw("[ "),
                    Span::raw(self.field.value()),
                    Span::styled(" ", hl(true)),
                    Span::raw(" ]"),
                ];
                if let Some(unit) = unit {
                    line.push(Span::raw(format!(" {unit}")));
                }
                line.push(Span::raw(format!("   {}", t.number_keys)).dark_gray());
                vec![Line::from(line)]
            }
            ValueKind::Choice { options } | ValueKind::Choices { options } => {
                let multi = matches!(self.kind, ValueKind::Choices { .. });
                let keys = self.value.as_ref().map(Value::keys).unwrap_or_default();
                options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let on = if multi {
                            self.picked[i]
                        } else {
                            keys.contains(&o.key.as_str())
                        };
                        let mark = match (multi, on) {
                            (true, true) => "[x]",
                            (true, false) => "[ ]",
                            (false, true) => "(●)",
                            (false, false) => "( )",
                        };
                        let number = if i < 9 {
                            format!("{}", i + 1)
                        } else {
                            " ".into()
                        };
                        Line::from(Span::styled(
                            format!("{mark} {number} {}", o.label),
                            hl(self.cursor == i),
                        ))
                    })
                    .collect()
            }
            ValueKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                let current = match self.value {
                    Some(Value::Number(n)) => Some(n as i64),
                    _ => None,
                };
                let mut spans = Vec::new();
                if let Some(l) = min_label {
                    spans.push(Span::raw(format!("{l} ")).dark_gray());
                }
                for (i, n) in (*min..=*max).enumerate() {
                    let text = if current == Some(n) {
                        format!("[{n}]")
                    } else {
                        format!(" {n} ")
                    };
                    spans.push(Span::styled(text, hl(self.cursor == i)));
                }
                if let Some(l) = max_label {
                    spans.push(Span::raw(format!(" {l}")).dark_gray());
                }
                vec![Line::from(spans)]
            }
            ValueKind::Open => {
                self.field.draw(frame, area, focused);
                return;
            }
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// A number as a person writes it: `12`, `2.5`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
