//! Before an interview: who interviews whom, the respondent's attributes, and consent. Notes
//! cannot be taken before consent is recorded as given.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::msg::{Effect, Place};
use super::screen::{Bindings, Nav, Screen, Step};
use super::widget::field::Field;
use super::widget::value_input::{Outcome, ValueInput};
use crate::i18n::Texts;
use crate::study::{Consent, Respondent, Session, Study, Time, Value, ValueKind};

pub enum Input {
    Text(Field),
    Value(ValueInput),
}

pub struct SetupField {
    /// `interviewer`, `pseudonym`, `location`, `consent`, or a respondent attribute key.
    pub key: String,
    pub label: String,
    pub input: Input,
}

pub struct Setup {
    pub fields: Vec<SetupField>,
    pub focus: usize,
}

/// What the command line may give in advance (`grille interview --respondent …`).
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub interviewer: Option<String>,
    pub respondent: Option<String>,
    pub location: Option<String>,
    pub attributes: BTreeMap<String, Value>,
    pub consent: Option<bool>,
}

impl Setup {
    pub fn new(study: &Study, interviewer: &str, t: &Texts) -> Setup {
        Self::prepared(
            study,
            &Prepared {
                interviewer: Some(interviewer.to_owned()),
                ..Default::default()
            },
            t,
        )
    }

    pub fn prepared(study: &Study, p: &Prepared, t: &Texts) -> Setup {
        let text = |key: &str, label: &str, value: &Option<String>| SetupField {
            key: key.into(),
            label: label.into(),
            input: Input::Text(Field::new(value.as_deref().unwrap_or(""))),
        };
        let mut fields = vec![
            text("interviewer", t.setup_interviewer, &p.interviewer),
            text("pseudonym", t.setup_pseudonym, &p.respondent),
        ];
        for attr in &study.meta.respondent_attributes {
            let value = p.attributes.get(&attr.key);
            let input = match attr.kind {
                ValueKind::Open => Input::Text(Field::new(match value {
                    Some(Value::Text(t)) => t,
                    _ => "",
                })),
                _ => Input::Value(ValueInput::new(&attr.kind, value)),
            };
            fields.push(SetupField {
                key: attr.key.clone(),
                label: attr.label.clone(),
                input,
            });
        }
        fields.push(text("location", t.setup_location, &p.location));
        let consent = p.consent.map(Value::Bool);
        fields.push(SetupField {
            key: "consent".into(),
            label: t.setup_consent.into(),
            input: Input::Value(ValueInput::new(&ValueKind::YesNo, consent.as_ref())),
        });
        Setup { fields, focus: 0 }
    }

    fn text(&self, key: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| match &f.input {
                Input::Text(field) => field.value().trim().to_owned(),
                Input::Value(v) => match v.pending() {
                    Some(Value::Text(t)) => t,
                    _ => String::new(),
                },
            })
            .unwrap_or_default()
    }

    /// The session to start, or why it cannot start yet.
    pub fn session(&self, study: &Study, now: Time, t: &Texts) -> Result<Session, String> {
        let now = crate::study::stamp(now);
        let interviewer = self.text("interviewer");
        let pseudonym = self.text("pseudonym");
        if interviewer.is_empty() {
            return Err(t.setup_need_interviewer.into());
        }
        if pseudonym.is_empty() {
            return Err(t.setup_need_pseudonym.into());
        }
        let consent = self
            .fields
            .iter()
            .find(|f| f.key == "consent")
            .and_then(|f| match &f.input {
                Input::Value(v) => v.pending(),
                Input::Text(_) => None,
            });
        if consent != Some(Value::Bool(true)) {
            return Err(t.setup_need_consent.into());
        }
        let mut attributes = BTreeMap::new();
        for attr in &study.meta.respondent_attributes {
            let field = self.fields.iter().find(|f| f.key == attr.key);
            let value = field.and_then(|f| match &f.input {
                Input::Text(field) => Some(field.value().trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .map(Value::Text),
                Input::Value(v) => v.pending(),
            });
            if let Some(value) = value {
                attributes.insert(attr.key.clone(), value);
            }
        }
        let mut session = Session::new(
            interviewer,
            Respondent {
                pseudonym,
                attributes,
            },
        );
        session.consent = Some(Consent {
            given: true,
            at: now,
        });
        session.started = Some(now);
        session.location = self.text("location");
        session.current_question = study.grid.questions().next().map(|(_, q)| q.id);
        Ok(session)
    }

    pub fn paste(&mut self, text: &str) {
        match &mut self.fields[self.focus].input {
            Input::Text(f) => f.paste(text),
            Input::Value(v) => v.paste(text),
        }
    }
}

impl Screen for Setup {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, cx, key)
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Step {
        Setup::paste(self, text);
        Step::none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        let t = view.t;
        let [top, body, status] = screen_areas(frame.area());
        header(frame, top, t.setup_title, Span::raw(""));
        let block = Block::bordered().title(t.setup_title);
        let inner = block.inner(body);
        frame.render_widget(block, body);
        draw_fields(frame, inner, self, t);
        status_bar(frame, status, view, t.keys_setup);
    }

    fn help(&self, t: &'static Texts) -> Bindings {
        t.help_setup
    }
}

fn on_key(setup: &mut Setup, cx: &mut Ctx, key: KeyEvent) -> Step {
    let count = setup.fields.len();
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let last = setup.focus + 1 == count;
    match key.code {
        KeyCode::Esc => return Step::nav(Nav::Pop),
        KeyCode::Char('s') if ctrl => return start(setup, cx),
        KeyCode::Tab => {
            setup.focus = (setup.focus + 1) % count;
            return Step::none();
        }
        KeyCode::BackTab => {
            setup.focus = (setup.focus + count - 1) % count;
            return Step::none();
        }
        _ => {}
    }
    let field = &mut setup.fields[setup.focus];
    match &mut field.input {
        Input::Text(input) => match key.code {
            KeyCode::Enter | KeyCode::Down => setup.focus = (setup.focus + 1).min(count - 1),
            KeyCode::Up => setup.focus = setup.focus.saturating_sub(1),
            _ => {
                input.on_key(key);
            }
        },
        Input::Value(input) => match input.on_key(key, cx.t) {
            Outcome::Commit(_) if last => return start(setup, cx),
            Outcome::Commit(_) => setup.focus = (setup.focus + 1).min(count - 1),
            Outcome::Refused(why) => return Step::error(why),
            Outcome::Changed => {}
            Outcome::Ignored => match key.code {
                KeyCode::Enter | KeyCode::Down => setup.focus = (setup.focus + 1).min(count - 1),
                KeyCode::Up => setup.focus = setup.focus.saturating_sub(1),
                _ => {}
            },
        },
    }
    Step::none()
}

/// The session is created and the interview takes the form's place; the interviewer's name is
/// remembered for next time.
fn start(setup: &Setup, cx: &Ctx) -> Step {
    match setup.session(cx.study, cx.now, cx.t) {
        Ok(session) => Step::effects(vec![
            Effect::RememberInterviewer(session.interviewer.clone()),
            Effect::Create {
                session: Box::new(session),
                place: Place::Replace,
            },
        ]),
        Err(why) => Step::error(why),
    }
}

fn draw_fields(frame: &mut Frame, area: Rect, setup: &Setup, t: &Texts) {
    let heights: Vec<u16> = setup
        .fields
        .iter()
        .map(|f| match &f.input {
            Input::Text(_) => 1,
            Input::Value(v) => v.height(),
        })
        .collect();
    // Scroll so that the focused field is visible.
    let mut first = 0;
    while heights[first..=setup.focus]
        .iter()
        .map(|h| h + 1)
        .sum::<u16>()
        > area.height
        && first < setup.focus
    {
        first += 1;
    }
    let mut y = area.y;
    let label_width = 26.min(area.width / 3);
    for (i, field) in setup.fields.iter().enumerate().skip(first) {
        let h = heights[i];
        if y + h > area.bottom() {
            break;
        }
        let focused = i == setup.focus;
        let style = if focused {
            Style::default().fg(Color::Yellow).bold()
        } else {
            Style::default().bold()
        };
        let row = Rect {
            x: area.x,
            y,
            width: area.width,
            height: h,
        };
        let [label, input] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)]).areas(row);
        frame.render_widget(
            Paragraph::new(Span::styled(field.label.clone(), style)),
            label,
        );
        match &field.input {
            Input::Text(f) => f.draw(frame, input, focused),
            Input::Value(v) => v.draw(frame, input, focused, t),
        }
        y += h + 1;
    }
}
