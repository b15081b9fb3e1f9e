//! The widget of a typed value: yes/no, an option, options, a point on a scale, a number, a
//! text. Used for closed questions (once the interviewer has moved to the answer), and for
//! respondent and situation attributes in forms. Each kind has one table of keys; a key out of
//! it, or a value out of range (7 on a scale of 1 to 5), is refused with a word, never ignored.
//! Choosing never moves the focus: the screen around decides what comes next.
//!
//! Over 500 lines: one key table per value kind, then their tests (about a fifth of the file); the
//! tables are read side by side to keep keys consistent across kinds.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::field::{Field, FieldKey};
use super::text_keys::{EDIT_LINE, TYPE};
use crate::i18n::Texts;
use crate::study::{Value, ValueKind};
use crate::tui::keymap::{
    self, BACKSPACE, Binding, Chord, DELETE, DIGITS, DOWN, ENTER, HelpRow, LEFT, RIGHT, SPACE, UP,
    bind, ch, main,
};

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
    /// Not a key of this widget: the screen around may give it a meaning, or refuses it.
    Unbound,
    /// The widget changed but nothing is to be saved yet.
    Changed,
    /// A value (or its removal) to save.
    Commit(Option<Value>),
    /// The key was refused; the message says why.
    Refused(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueAct {
    Yes,
    No,
    /// The highlight moves (the arrow says which way).
    Move,
    /// The option with this number: chosen, or ticked.
    Pick,
    /// The highlighted option ticked or not.
    Tick,
    /// The highlighted option, the ticked options, the typed number: saved.
    Confirm,
    Clear,
    /// A character of a number.
    Type,
}

pub static YES_NO: &[Binding<ValueAct>] = &[
    main(
        &[ch('o'), ch('y')],
        ValueAct::Yes,
        |k| k.answer_yes,
        |k| k.short_yes,
    ),
    main(&[ch('n')], ValueAct::No, |k| k.answer_no, |k| k.short_no),
    bind(&[LEFT, RIGHT], ValueAct::Move, |k| k.move_option),
    bind(&[ENTER, SPACE], ValueAct::Confirm, |k| k.choose_highlighted),
    main(
        &[BACKSPACE, DELETE],
        ValueAct::Clear,
        |k| k.clear_value,
        |k| k.short_clear,
    ),
];

pub static CHOICE: &[Binding<ValueAct>] = &[
    main(
        &[DIGITS],
        ValueAct::Pick,
        |k| k.pick_option,
        |k| k.short_pick,
    ),
    bind(&[UP, DOWN, LEFT, RIGHT], ValueAct::Move, |k| k.move_option),
    bind(&[ENTER, SPACE], ValueAct::Confirm, |k| k.choose_highlighted),
    main(
        &[BACKSPACE, DELETE],
        ValueAct::Clear,
        |k| k.clear_value,
        |k| k.short_clear,
    ),
];

pub static CHOICES: &[Binding<ValueAct>] = &[
    main(
        &[DIGITS],
        ValueAct::Pick,
        |k| k.tick_option,
        |k| k.short_tick,
    ),
    bind(&[SPACE], ValueAct::Tick, |k| k.tick_highlighted),
    bind(&[UP, DOWN, LEFT, RIGHT], ValueAct::Move, |k| k.move_option),
    main(
        &[ENTER],
        ValueAct::Confirm,
        |k| k.save_ticks,
        |k| k.short_save,
    ),
    main(
        &[BACKSPACE, DELETE],
        ValueAct::Clear,
        |k| k.clear_value,
        |k| k.short_clear,
    ),
];

pub static SCALE: &[Binding<ValueAct>] = &[
    main(
        &[DIGITS, ch('0')],
        ValueAct::Pick,
        |k| k.pick_scale,
        |k| k.short_pick,
    ),
    bind(&[UP, DOWN, LEFT, RIGHT], ValueAct::Move, |k| k.move_option),
    bind(&[ENTER, SPACE], ValueAct::Confirm, |k| k.choose_highlighted),
    main(
        &[BACKSPACE, DELETE],
        ValueAct::Clear,
        |k| k.clear_value,
        |k| k.short_clear,
    ),
];

/// A number: characters of numbers, then the keys of a field to move and erase.
pub static NUMBER: &[Binding<ValueAct>] = &[
    main(
        &[Chord::Char],
        ValueAct::Type,
        |k| k.type_number,
        |k| k.short_number,
    ),
    main(
        &[ENTER],
        ValueAct::Confirm,
        |k| k.save_number,
        |k| k.short_save,
    ),
];

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

    /// The table of keys of this kind of value.
    pub fn table(&self) -> &'static [Binding<ValueAct>] {
        match self.kind {
            ValueKind::YesNo => YES_NO,
            ValueKind::Choice { .. } => CHOICE,
            ValueKind::Choices { .. } => CHOICES,
            ValueKind::Scale { .. } => SCALE,
            ValueKind::Number { .. } => NUMBER,
            ValueKind::Open => &[],
        }
    }

    /// The rows of `F1` for this widget, leaving out the keys the screen around takes first.
    pub fn help(&self, taken: &[Chord], t: &Texts) -> Vec<HelpRow> {
        let mut rows = keymap::help_rows_under(self.table(), taken, t);
        match self.kind {
            ValueKind::Number { .. } => rows.extend(keymap::help_rows_under(EDIT_LINE, taken, t)),
            ValueKind::Open => {
                rows.extend(keymap::help_rows_under(TYPE, taken, t));
                rows.extend(keymap::help_rows_under(EDIT_LINE, taken, t));
            }
            _ => {}
        }
        rows
    }

    /// The main keys of this widget, for a status line or a refusal.
    pub fn hint(&self, t: &Texts) -> String {
        keymap::footer(&[self.table()], t)
    }

    /// The main keys, leaving out those the screen around takes first.
    pub fn hint_under(&self, taken: &[Chord], t: &Texts) -> String {
        keymap::footer_under(&[self.table()], taken, t)
    }

    pub fn on_key(&mut self, key: KeyEvent, t: &Texts) -> Outcome {
        let outcome = match self.kind.clone() {
            ValueKind::Open => match self.field.on_key(key) {
                FieldKey::Unbound => Outcome::Unbound,
                _ => Outcome::Changed,
            },
            ValueKind::Number { .. } => self.number(key, t),
            kind => match keymap::lookup(self.table(), &key) {
                None => Outcome::Unbound,
                Some(hit) => self.act(&kind, hit.action, hit.ch, key.code, t),
            },
        };
        if let Outcome::Commit(value) = &outcome {
            self.value = value.clone();
        }
        outcome
    }

    fn act(
        &mut self,
        kind: &ValueKind,
        act: ValueAct,
        ch: Option<char>,
        code: KeyCode,
        t: &Texts,
    ) -> Outcome {
        let count = match kind {
            ValueKind::YesNo => 2,
            ValueKind::Scale { min, max, .. } => (max - min + 1).max(0) as usize,
            other => other.options().len(),
        };
        match act {
            ValueAct::Yes => Outcome::Commit(Some(Value::Bool(true))),
            ValueAct::No => Outcome::Commit(Some(Value::Bool(false))),
            ValueAct::Move => {
                let back = matches!(code, KeyCode::Up | KeyCode::Left);
                // On a scale, up is more.
                let back = if matches!(kind, ValueKind::Scale { .. }) && code == KeyCode::Up {
                    false
                } else if matches!(kind, ValueKind::Scale { .. }) && code == KeyCode::Down {
                    true
                } else {
                    back
                };
                self.move_cursor(if back { -1 } else { 1 }, count)
            }
            ValueAct::Pick => self.pick(kind, ch.unwrap_or('0'), count, t),
            ValueAct::Tick if count > 0 => {
                self.picked[self.cursor] = !self.picked[self.cursor];
                Outcome::Changed
            }
            ValueAct::Tick => Outcome::Changed,
            ValueAct::Confirm => self.confirm(kind, count),
            ValueAct::Clear => {
                self.picked.iter_mut().for_each(|p| *p = false);
                Outcome::Commit(None)
            }
            ValueAct::Type => Outcome::Unbound,
        }
    }

    /// A digit: the option with that number, or the point of the scale.
    fn pick(&mut self, kind: &ValueKind, c: char, count: usize, t: &Texts) -> Outcome {
        let n = i64::from(c as u8 - b'0');
        match kind {
            ValueKind::Scale { min, max, .. } => {
                if (*min..=*max).contains(&n) {
                    self.cursor = (n - min) as usize;
                    Outcome::Commit(Some(Value::Number(n as f64)))
                } else {
                    Outcome::Refused((t.keys.not_on_scale)(n, *min, *max))
                }
            }
            _ if n >= 1 && (n as usize) <= count => {
                let i = n as usize - 1;
                self.cursor = i;
                if matches!(kind, ValueKind::Choices { .. }) {
                    self.picked[i] = !self.picked[i];
                    Outcome::Changed
                } else {
                    Outcome::Commit(Some(Value::Text(self.option_key(i))))
                }
            }
            _ => Outcome::Refused((t.keys.no_such_option)(n, count)),
        }
    }

    fn confirm(&mut self, kind: &ValueKind, count: usize) -> Outcome {
        match kind {
            ValueKind::YesNo => Outcome::Commit(Some(Value::Bool(self.cursor == 0))),
            ValueKind::Scale { min, .. } if count > 0 => {
                Outcome::Commit(Some(Value::Number((min + self.cursor as i64) as f64)))
            }
            ValueKind::Choice { .. } if count > 0 => {
                Outcome::Commit(Some(Value::Text(self.option_key(self.cursor))))
            }
            ValueKind::Choices { .. } => Outcome::Commit(self.pending()),
            _ => Outcome::Changed,
        }
    }

    /// The value as it stands on screen, committed or not: ticked options, a typed number or
    /// text. What a form saves.
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
            ValueKind::Number { .. } => self
                .typed_number()
                .ok()
                .flatten()
                .map(Value::Number)
                .filter(|v| self.kind.check(v).is_ok())
                .or_else(|| self.value.clone()),
            ValueKind::Open => {
                let text = self.field.value();
                (!text.trim().is_empty()).then_some(Value::Text(text.trim().to_owned()))
            }
            _ => self.value.clone(),
        }
    }

    /// Whether something is chosen, ticked or typed.
    pub fn is_filled(&self) -> bool {
        self.pending().is_some()
    }

    pub fn paste(&mut self, text: &str) {
        if matches!(self.kind, ValueKind::Open | ValueKind::Number { .. }) {
            self.field.paste(text);
        }
    }

    /// The number typed: `None` when nothing is typed, an error when it is not a number.
    fn typed_number(&self) -> Result<Option<f64>, String> {
        let typed = self
            .field
            .value()
            .replace([' ', '\u{a0}', '\u{202f}'], "")
            .replace(',', ".");
        if typed.is_empty() {
            return Ok(None);
        }
        typed.parse::<f64>().map(Some).map_err(|_| typed)
    }

    fn number(&mut self, key: KeyEvent, t: &Texts) -> Outcome {
        match keymap::lookup(NUMBER, &key) {
            Some(hit) if hit.action == ValueAct::Type => match hit.ch {
                Some(c) if c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' ') => {
                    self.field.on_key(key);
                    Outcome::Changed
                }
                Some(c) => Outcome::Refused((t.number_expected)(c)),
                None => Outcome::Unbound,
            },
            Some(_) => match self.typed_number() {
                Ok(None) => Outcome::Commit(None),
                Err(typed) => Outcome::Refused((t.not_a_number)(&typed)),
                Ok(Some(n)) => match self.kind.problem(&Value::Number(n)) {
                    Ok(()) => Outcome::Commit(Some(Value::Number(n))),
                    Err(e) => Outcome::Refused(e.message(t)),
                },
            },
            None => match self.field.on_key(key) {
                FieldKey::Unbound => Outcome::Unbound,
                _ => Outcome::Changed,
            },
        }
    }

    fn move_cursor(&mut self, delta: isize, count: usize) -> Outcome {
        if count == 0 {
            return Outcome::Changed;
        }
        self.cursor = (self.cursor as isize + delta).rem_euclid(count as isize) as usize;
        Outcome::Changed
    }

    fn option_key(&self, i: usize) -> String {
        self.kind.options()[i].key.clone()
    }

    /// What the value reads as on one line (`Oui`, `Femme`, `Hôtel, Rue`, `12 personnes`).
    pub fn describe(&self, t: &Texts) -> Option<String> {
        describe(&self.kind, &self.pending()?, t)
    }

    /// The pieces the widget shows, each with whether it is the highlighted one.
    fn items(&self, t: &Texts) -> Vec<(String, bool)> {
        let chosen = self.pending();
        match &self.kind {
            ValueKind::YesNo => [(t.yes, true), (t.no, false)]
                .iter()
                .enumerate()
                .map(|(i, (label, yes))| {
                    let mark = if chosen == Some(Value::Bool(*yes)) {
                        "●"
                    } else {
                        "○"
                    };
                    (format!("{mark} {label}"), self.cursor == i)
                })
                .collect(),
            ValueKind::Choice { options } | ValueKind::Choices { options } => {
                let multi = matches!(self.kind, ValueKind::Choices { .. });
                let keys = chosen.as_ref().map(Value::keys).unwrap_or_default();
                options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let on = keys.contains(&o.key.as_str());
                        let mark = match (multi, on) {
                            (true, true) => "[x]",
                            (true, false) => "[ ]",
                            (false, true) => "(●)",
                            (false, false) => "( )",
                        };
                        let number = if i < 9 {
                            format!("{}", i + 1)
                        } else {
                            "·".into()
                        };
                        (format!("{mark} {number} {}", o.label), self.cursor == i)
                    })
                    .collect()
            }
            ValueKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => {
                let current = match chosen {
                    Some(Value::Number(n)) => Some(n as i64),
                    _ => None,
                };
                let mut items = Vec::new();
                if let Some(l) = min_label {
                    items.push((format!("{min} = {l}"), false));
                }
                for (i, n) in (*min..=*max).enumerate() {
                    let text = if current == Some(n) {
                        format!("[{n}]")
                    } else {
                        format!(" {n} ")
                    };
                    items.push((text, self.cursor == i));
                }
                if let Some(l) = max_label {
                    items.push((format!("{max} = {l}"), false));
                }
                items
            }
            ValueKind::Number { .. } | ValueKind::Open => Vec::new(),
        }
    }

    /// Rows of `items` in `width` columns, two spaces apart: the indices on each row.
    fn rows(&self, width: u16, t: &Texts) -> Vec<Vec<(String, bool)>> {
        let width = width.max(1) as usize;
        let mut rows: Vec<Vec<(String, bool)>> = Vec::new();
        let mut used = 0;
        for item in self.items(t) {
            let w = unicode_width::UnicodeWidthStr::width(item.0.as_str());
            match rows.last_mut() {
                Some(row) if used + 2 + w <= width => {
                    used += 2 + w;
                    row.push(item);
                }
                _ => {
                    used = w;
                    rows.push(vec![item]);
                }
            }
        }
        rows
    }

    /// Lines the widget needs in `width` columns.
    pub fn height(&self, width: u16, t: &Texts) -> u16 {
        match self.kind {
            ValueKind::Number { .. } | ValueKind::Open => 1,
            _ => self.rows(width, t).len().max(1) as u16,
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, t: &Texts) {
        let lines: Vec<Line> = match &self.kind {
            ValueKind::Open => {
                self.field.draw(frame, area, focused);
                return;
            }
            ValueKind::Number { unit, .. } => {
                let [field, rest] = ratatui::layout::Layout::horizontal([
                    ratatui::layout::Constraint::Length(area.width.min(16)),
                    ratatui::layout::Constraint::Min(0),
                ])
                .areas(area);
                frame.render_widget(Paragraph::new("[").dark_gray(), field);
                let inner = Rect {
                    x: field.x + 2,
                    width: field.width.saturating_sub(4),
                    ..field
                };
                self.field.draw(frame, inner, focused);
                frame.render_widget(
                    Paragraph::new("]").dark_gray(),
                    Rect {
                        x: field.right().saturating_sub(1),
                        width: 1,
                        ..field
                    },
                );
                if let Some(unit) = unit {
                    frame.render_widget(Paragraph::new(format!(" {unit}")), rest);
                }
                return;
            }
            _ => self
                .rows(area.width, t)
                .into_iter()
                .map(|row| {
                    let mut spans = Vec::new();
                    for (i, (text, here)) in row.into_iter().enumerate() {
                        if i > 0 {
                            spans.push(Span::raw("  "));
                        }
                        let style = if here && focused {
                            Style::default()
                                .fg(Color::Black)
                                .bg(Color::Yellow)
                                .add_modifier(Modifier::BOLD)
                        } else {
                            Style::default()
                        };
                        spans.push(Span::styled(text, style));
                    }
                    Line::from(spans)
                })
                .collect(),
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// A value as it reads on one line, in the words of its kind.
pub fn describe(kind: &ValueKind, value: &Value, t: &Texts) -> Option<String> {
    Some(match (kind, value) {
        (_, Value::Bool(b)) => if *b { t.yes } else { t.no }.to_owned(),
        (ValueKind::Number { unit, .. }, Value::Number(n)) => match unit {
            Some(u) => format!("{} {u}", format_number(*n)),
            None => format_number(*n),
        },
        (_, Value::Number(n)) => format_number(*n),
        (_, Value::Text(key)) if !kind.options().is_empty() => {
            kind.option_label(key).unwrap_or(key).to_owned()
        }
        (_, Value::Text(text)) => text.clone(),
        (_, Value::List(keys)) => keys
            .iter()
            .map(|k| kind.option_label(k).unwrap_or(k))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// A number as a person writes it: `12`, `2.5`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::study::Choice;

    fn press(v: &mut ValueInput, c: char) -> Outcome {
        v.on_key(KeyEvent::from(KeyCode::Char(c)), Lang::Fr.texts())
    }

    fn options(labels: &[&str]) -> Vec<Choice> {
        labels
            .iter()
            .map(|l| Choice {
                key: l.to_lowercase(),
                label: (*l).into(),
                unknown: false,
            })
            .collect()
    }

    #[test]
    fn a_point_off_the_scale_is_refused_with_a_word() {
        let kind = ValueKind::Scale {
            min: 1,
            max: 5,
            min_label: None,
            max_label: None,
        };
        let mut v = ValueInput::new(&kind, None);
        let t = Lang::Fr.texts();
        assert_eq!(
            press(&mut v, '7'),
            Outcome::Refused((t.keys.not_on_scale)(7, 1, 5))
        );
        assert_eq!(
            press(&mut v, '0'),
            Outcome::Refused((t.keys.not_on_scale)(0, 1, 5))
        );
        assert_eq!(
            press(&mut v, '4'),
            Outcome::Commit(Some(Value::Number(4.0)))
        );
        assert_eq!(press(&mut v, 'x'), Outcome::Unbound);
    }

    #[test]
    fn choosing_an_option_commits_it_and_an_absent_number_is_refused() {
        let kind = ValueKind::Choice {
            options: options(&["Femme", "Homme", "Inconnu"]),
        };
        let mut v = ValueInput::new(&kind, None);
        assert_eq!(
            press(&mut v, '2'),
            Outcome::Commit(Some(Value::Text("homme".into())))
        );
        assert!(matches!(press(&mut v, '7'), Outcome::Refused(_)));
        assert_eq!(v.pending(), Some(Value::Text("homme".into())));
        assert_eq!(
            v.on_key(KeyEvent::from(KeyCode::Delete), Lang::Fr.texts()),
            Outcome::Commit(None)
        );
        assert_eq!(v.pending(), None);
    }

    #[test]
    fn options_wrap_in_rows_of_the_width_given() {
        let kind = ValueKind::Choices {
            options: options(&["Appartement", "Hôtel", "Rue"]),
        };
        let v = ValueInput::new(&kind, None);
        let t = Lang::Fr.texts();
        assert_eq!(v.height(80, t), 1);
        assert_eq!(v.height(20, t), 3);
    }
}
