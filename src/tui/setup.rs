//! Before an interview: who interviews whom, the respondent's attributes, and consent, on the
//! shared [`Form`] (Tab moves, choosing never moves, every value reviewed before the interview
//! starts). Notes cannot be taken before consent is recorded as given.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::widgets::Block;

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::keymap::HelpSection;
use super::msg::{Effect, Place};
use super::screen::{Nav, Screen, Step};
use super::widget::field::Field;
use super::widget::form::{Form, FormField, FormStep, Input};
use super::widget::value_input::ValueInput;
use crate::i18n::Texts;
use crate::study::{Consent, Respondent, Session, Study, Time, Value, ValueKind};

pub struct Setup {
    pub form: Form,
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
        let text = |key: &str, label: &str, value: &Option<String>| FormField {
            key: key.into(),
            label: label.into(),
            input: Input::Text(Field::new(value.as_deref().unwrap_or(""))),
            when: None,
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
            fields.push(FormField {
                key: attr.key.clone(),
                label: attr.label.clone(),
                input,
                when: attr.when.clone(),
            });
        }
        fields.push(text("location", t.setup_location, &p.location));
        let consent = p.consent.map(Value::Bool);
        fields.push(FormField {
            key: "consent".into(),
            label: t.setup_consent.into(),
            input: Input::Value(ValueInput::new(&ValueKind::YesNo, consent.as_ref())),
            when: None,
        });
        Setup {
            form: Form::new(fields),
        }
    }

    /// The session to start, or why it cannot start yet.
    pub fn session(&self, study: &Study, now: Time, t: &Texts) -> Result<Session, String> {
        let now = crate::study::stamp(now);
        let values = self.form.applicable_values();
        let text = |key: &str| match values.get(key) {
            Some(Value::Text(t)) => t.trim().to_owned(),
            _ => String::new(),
        };
        let interviewer = text("interviewer");
        let pseudonym = text("pseudonym");
        if interviewer.is_empty() {
            return Err(t.setup_need_interviewer.into());
        }
        if pseudonym.is_empty() {
            return Err(t.setup_need_pseudonym.into());
        }
        if values.get("consent") != Some(&Value::Bool(true)) {
            return Err(t.setup_need_consent.into());
        }
        let attributes = study
            .meta
            .respondent_attributes
            .iter()
            .filter_map(|a| Some((a.key.clone(), values.get(&a.key)?.clone())))
            .collect();
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
        // The grid's own consent question says the same.
        if let Some(q) = study.grid.consent_question() {
            session.answers.insert(q.id, Value::Bool(true));
        }
        session.started = Some(now);
        session.location = text("location");
        session.current_question = study.grid.questions().next().map(|(_, q)| q.id);
        Ok(session)
    }
}

impl Screen for Setup {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        match self.form.on_key(key, cx.t) {
            FormStep::Continue => Step::none(),
            FormStep::Refused(why) => Step::error(why),
            FormStep::Cancel => Step::nav(Nav::Pop),
            FormStep::Save => start(self, cx),
        }
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Step {
        self.form.paste(text);
        Step::none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        let t = view.t;
        let [top, body, status] = screen_areas(frame.area());
        header(frame, top, t.setup_title, "");
        let block = Block::bordered().title(t.setup_title);
        let inner = block.inner(body);
        frame.render_widget(block, body);
        self.form.draw(frame, inner, t);
        status_bar(frame, status, view, &self.form.hint(t));
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        self.form.help(t)
    }
}

/// The session is created and the interview takes the form's place; the interviewer's name is
/// remembered for next time. What is missing sends the form back to it.
fn start(setup: &mut Setup, cx: &Ctx) -> Step {
    match setup.session(cx.study, cx.now, cx.t) {
        Ok(session) => Step::effects(vec![
            Effect::RememberInterviewer(session.interviewer.clone()),
            Effect::Create {
                session: Box::new(session),
                place: Place::Replace,
            },
        ]),
        Err(why) => {
            setup.form.review = false;
            Step::error(why)
        }
    }
}
