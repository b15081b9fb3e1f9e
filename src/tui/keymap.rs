//! Key bindings declared once. Each screen (and each mode and popup of a screen) has one table
//! of [`Binding`]s: the key dispatch looks the key up in it, the status line shows the entries
//! that have a short word, and `F1` lists every entry. Help cannot drift from what keys do, and a
//! key that is in no table is refused with a message rather than swallowed.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{KeysTexts, Texts};

/// What a binding answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chord {
    /// One key with its modifiers. For a character, Shift is in the character itself (`J`);
    /// for other keys (Tab, arrows) it is a modifier.
    Key(KeyCode, KeyModifiers),
    /// A digit from 1 to 9 with these modifiers; the action is given the digit.
    Digit(KeyModifiers),
    /// Any character typed without Ctrl or Alt; the action is given the character.
    Char,
}

pub const fn key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::NONE)
}

pub const fn ch(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c), KeyModifiers::NONE)
}

pub const fn ctrl(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub const fn alt(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c), KeyModifiers::ALT)
}

pub const fn ctrl_key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::CONTROL)
}

pub const fn alt_key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::ALT)
}

pub const fn shift_key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::SHIFT)
}

pub const DIGITS: Chord = Chord::Digit(KeyModifiers::NONE);
pub const ALT_DIGITS: Chord = Chord::Digit(KeyModifiers::ALT);
pub const ESC: Chord = key(KeyCode::Esc);
pub const ENTER: Chord = key(KeyCode::Enter);
pub const TAB: Chord = key(KeyCode::Tab);
pub const BACKTAB: Chord = shift_key(KeyCode::BackTab);
pub const UP: Chord = key(KeyCode::Up);
pub const DOWN: Chord = key(KeyCode::Down);
pub const LEFT: Chord = key(KeyCode::Left);
pub const RIGHT: Chord = key(KeyCode::Right);
pub const PAGE_UP: Chord = key(KeyCode::PageUp);
pub const PAGE_DOWN: Chord = key(KeyCode::PageDown);
pub const HOME: Chord = key(KeyCode::Home);
pub const END: Chord = key(KeyCode::End);
pub const BACKSPACE: Chord = key(KeyCode::Backspace);
pub const DELETE: Chord = key(KeyCode::Delete);
pub const SPACE: Chord = ch(' ');

/// One entry of a table: keys, what they do (an action of the screen), the words of `F1`, and
/// the short word of the status line for the main ones.
pub struct Binding<A: 'static> {
    pub chords: &'static [Chord],
    pub action: A,
    pub what: fn(&KeysTexts) -> &'static str,
    pub short: Option<fn(&KeysTexts) -> &'static str>,
}

/// A binding: `bind(&[ctrl('n')], Act::Next, |k| k.next_question)`.
pub const fn bind<A>(
    chords: &'static [Chord],
    action: A,
    what: fn(&KeysTexts) -> &'static str,
) -> Binding<A> {
    Binding {
        chords,
        action,
        what,
        short: None,
    }
}

/// A binding shown in the status line with a short word.
pub const fn main<A>(
    chords: &'static [Chord],
    action: A,
    what: fn(&KeysTexts) -> &'static str,
    short: fn(&KeysTexts) -> &'static str,
) -> Binding<A> {
    Binding {
        chords,
        action,
        what,
        short: Some(short),
    }
}

/// A key found in a table: the action, with the digit or the character typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<A> {
    pub action: A,
    pub ch: Option<char>,
}

/// Shift+Tab as every terminal does not say it: as BackTab.
fn normal(key: &KeyEvent) -> KeyEvent {
    let mut key = *key;
    if key.code == KeyCode::Tab && key.modifiers.contains(KeyModifiers::SHIFT) {
        key.code = KeyCode::BackTab;
    }
    key
}

impl Chord {
    /// Whether `key` is this chord; the digit or character it carries.
    pub fn matches(&self, key: &KeyEvent) -> Option<Option<char>> {
        let key = &normal(key);
        let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (*self, key.code) {
            (Chord::Char, KeyCode::Char(c)) if mods.is_empty() && !c.is_control() => Some(Some(c)),
            (Chord::Digit(want), KeyCode::Char(c @ '1'..='9')) if mods == want => Some(Some(c)),
            (Chord::Key(KeyCode::Char(a), want), KeyCode::Char(b)) => {
                (a == b && mods == want).then_some(Some(b))
            }
            // Shift+Tab arrives as BackTab, with or without Shift.
            (Chord::Key(KeyCode::BackTab, _), KeyCode::BackTab) => {
                (mods.is_empty()).then_some(None)
            }
            (Chord::Key(code, want), got) => {
                let full = key.modifiers
                    & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
                (code == got && full == want).then_some(None)
            }
            _ => None,
        }
    }

    /// The chord as the user reads it on their keyboard: `Ctrl+N`, `Alt+1…9`, `Échap`.
    pub fn name(&self, k: &KeysTexts) -> String {
        match *self {
            Chord::Char => k.typing.to_owned(),
            Chord::Digit(mods) => format!("{}1…9", prefix(mods, k)),
            Chord::Key(KeyCode::BackTab, _) => format!("{}+{}", k.shift, k.tab),
            Chord::Key(KeyCode::Char(c), mods) => {
                let c = if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                let name = if c == ' ' {
                    k.space.to_owned()
                } else {
                    c.to_string()
                };
                format!("{}{name}", prefix(mods, k))
            }
            Chord::Key(code, mods) => format!("{}{}", prefix(mods, k), code_name(code, k)),
        }
    }
}

fn prefix(mods: KeyModifiers, k: &KeysTexts) -> String {
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl+");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt+");
    }
    if mods.contains(KeyModifiers::SHIFT) {
        out.push_str(k.shift);
        out.push('+');
    }
    out
}

fn code_name(code: KeyCode, k: &KeysTexts) -> String {
    match code {
        KeyCode::Enter => k.enter.into(),
        KeyCode::Esc => k.esc.into(),
        KeyCode::Tab => k.tab.into(),
        KeyCode::Backspace => k.backspace.into(),
        KeyCode::Delete => k.delete.into(),
        KeyCode::Home => k.home.into(),
        KeyCode::End => k.end.into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// The name of a key as pressed, for a refusal: `« z »`, `Ctrl+K`, `F5`.
pub fn key_name(key: &KeyEvent, t: &Texts) -> String {
    let key = &normal(key);
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let chord = match key.code {
        KeyCode::Char(_) => Chord::Key(key.code, mods),
        code => Chord::Key(
            code,
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT),
        ),
    };
    chord.name(t.keys)
}

/// The action bound to `key` in `table`, if any: the first binding that has it.
pub fn lookup<A: Copy>(table: &[Binding<A>], key: &KeyEvent) -> Option<Hit<A>> {
    table.iter().find_map(|b| {
        b.chords.iter().find_map(|c| {
            c.matches(key).map(|ch| Hit {
                action: b.action,
                ch,
            })
        })
    })
}

/// Looks `key` up in several tables in turn (a mode's own keys, then the screen's).
pub fn lookup_in<A: Copy>(tables: &[&[Binding<A>]], key: &KeyEvent) -> Option<Hit<A>> {
    tables.iter().find_map(|table| lookup(table, key))
}

/// One row of `F1`: the keys, then what they do.
pub type HelpRow = (String, String);

/// A part of the help: a title (a mode, a popup), then its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct HelpSection {
    pub title: String,
    pub rows: Vec<HelpRow>,
}

/// The rows of `F1` for a table, in its order.
pub fn help_rows<A>(table: &[Binding<A>], t: &Texts) -> Vec<HelpRow> {
    table
        .iter()
        .map(|b| (chords_name(b.chords, t), (b.what)(t.keys).to_owned()))
        .collect()
}

/// The rows of `F1` for a table looked up after others: the keys those others take first are
/// left out (a row that loses all its keys too), so that help says what the keys do.
pub fn help_rows_under<A>(table: &[Binding<A>], taken: &[Chord], t: &Texts) -> Vec<HelpRow> {
    table
        .iter()
        .filter_map(|b| {
            let left: Vec<Chord> = b
                .chords
                .iter()
                .filter(|c| !taken.contains(c))
                .copied()
                .collect();
            (!left.is_empty()).then(|| (chords_name(&left, t), (b.what)(t.keys).to_owned()))
        })
        .collect()
}

/// A titled part of the help.
pub fn section<A>(title: &str, table: &[Binding<A>], t: &Texts) -> HelpSection {
    HelpSection {
        title: title.to_owned(),
        rows: help_rows(table, t),
    }
}

/// The keys of a binding as `F1` shows them, separated by two spaces.
pub fn chords_name(chords: &[Chord], t: &Texts) -> String {
    chords
        .iter()
        .map(|c| c.name(t.keys))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The status line's keys: the first key of each binding that has a short word.
pub fn footer<A>(tables: &[&[Binding<A>]], t: &Texts) -> String {
    footer_under(tables, &[], t)
}

/// The status line's keys of tables looked up after others: keys those take are left out.
pub fn footer_under<A>(tables: &[&[Binding<A>]], taken: &[Chord], t: &Texts) -> String {
    tables
        .iter()
        .flat_map(|table| table.iter())
        .filter_map(|b| {
            let short = b.short?;
            let first = b.chords.iter().find(|c| !taken.contains(c))?;
            Some(format!("{} {}", first.name(t.keys), short(t.keys)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Status lines of tables of different kinds, joined.
pub fn joined(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Every chord of a table, for tests that check dispatch against the help.
pub fn chords<A>(table: &[Binding<A>]) -> Vec<Chord> {
    table
        .iter()
        .flat_map(|b| b.chords.iter().copied())
        .collect()
}

/// The refusal of a key no table has.
pub fn refused(key: &KeyEvent, t: &Texts) -> String {
    (t.keys.refused)(&key_name(key, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum A {
        Next,
        Quick,
        Type,
        Back,
    }

    static TABLE: &[Binding<A>] = &[
        main(
            &[ctrl('n'), PAGE_DOWN],
            A::Next,
            |k| k.next_question,
            |k| k.short_question,
        ),
        bind(&[ALT_DIGITS], A::Quick, |k| k.quick_code),
        bind(&[BACKTAB], A::Back, |k| k.previous_field),
        bind(&[Chord::Char], A::Type, |k| k.type_notes),
    ];

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_are_found_with_their_modifiers_and_what_they_carry() {
        let hit = lookup(TABLE, &ev(KeyCode::Char('n'), KeyModifiers::CONTROL)).unwrap();
        assert_eq!(hit.action, A::Next);
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::Char('3'), KeyModifiers::ALT)),
            Some(Hit {
                action: A::Quick,
                ch: Some('3')
            })
        );
        // Alt+0 is not a quick code: a plain 0 typed is text.
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::Char('0'), KeyModifiers::ALT)),
            None
        );
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::Char('J'), KeyModifiers::SHIFT))
                .unwrap()
                .action,
            A::Type
        );
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::BackTab, KeyModifiers::SHIFT))
                .unwrap()
                .action,
            A::Back
        );
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::PageDown, KeyModifiers::ALT)),
            None,
            "Alt+PgDn is another key"
        );
        assert_eq!(
            lookup(TABLE, &ev(KeyCode::Char('k'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn help_and_footer_come_from_the_table() {
        let t = Lang::Fr.texts();
        let rows = help_rows(TABLE, t);
        assert_eq!(rows[0].0, "Ctrl+N  PgDn");
        assert_eq!(rows[1].0, "Alt+1…9");
        assert_eq!(rows[2].0, "Maj+Tab");
        assert_eq!(
            footer(&[TABLE], t),
            format!("Ctrl+N {}", t.keys.short_question)
        );
        let en = Lang::En.texts();
        assert_eq!(help_rows(TABLE, en)[2].0, "Shift+Tab");
        assert_eq!(
            refused(&ev(KeyCode::Char('k'), KeyModifiers::CONTROL), t),
            (t.keys.refused)("Ctrl+K")
        );
    }
}
