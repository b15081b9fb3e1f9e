//! The popups of the coding screen: the code picker, the choice among several codings, the
//! memo, the correction of a segment's text, the question a segment is attached to, the
//! situations an excerpt is linked to; what keys do in them and how they are drawn.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Stylize;
use ratatui::widgets::{Block, Clear, ListItem};
use ratatui_textarea::TextArea;

use super::CodingScreen;
use super::keys::{act_on, create_code};
use crate::i18n::Texts;
use crate::study::{CodingId, Excerpt, Session, SessionChange, Study, text};
use crate::tui::ctx::Ctx;
use crate::tui::screen::Step;
use crate::tui::widget::centered;
use crate::tui::widget::field::Field;
use crate::tui::widget::menu::{Menu, MenuKey};
use crate::tui::widget::picker::{CodePicker, Picked};
use crate::tui::widget::situation_form::{FormOutcome, SituationForm};

pub enum Popup {
    /// Choosing the code to apply to the selection.
    Picker(CodePicker),
    /// Choosing which of the codings under the cursor to remove or annotate.
    Choose {
        codings: Vec<CodingId>,
        menu: Menu,
        action: ChooseFor,
    },
    Memo {
        coding: CodingId,
        field: Field,
    },
    /// Correcting the text of a segment.
    Edit {
        seg: usize,
        area: Box<TextArea<'static>>,
    },
    /// Linking the selection to a situation of the session (last entry: a new one).
    Situations {
        excerpt: Excerpt,
        menu: Menu,
    },
    /// Attaching the segment under the cursor to a question of the grid (0: none).
    Question(Menu),
    Situation {
        form: Box<SituationForm>,
        excerpt: Excerpt,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooseFor {
    Remove,
    Memo,
}

/// Keys in a popup.
pub fn on_key(s: &mut CodingScreen, cx: &mut Ctx, key: KeyEvent) -> Step {
    let Some(popup) = s.popup.take() else {
        return Step::none();
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let mut keep = None;
    let mut step = Step::none();
    match popup {
        Popup::Picker(mut picker) => match picker.on_key(key) {
            Picked::Code(code) => {
                s.apply_code(cx, code);
            }
            Picked::Create(name) => step = Step::effect(create_code(cx, &name)),
            Picked::Cancel => {}
            Picked::Nothing => keep = Some(Popup::Picker(picker)),
        },
        Popup::Choose {
            codings,
            mut menu,
            action,
        } => match menu.on_key(key, codings.len()) {
            MenuKey::Chosen(i) => act_on(s, cx, codings[i], action),
            MenuKey::Cancel => {}
            MenuKey::Moved | MenuKey::Other => {
                keep = Some(Popup::Choose {
                    codings,
                    menu,
                    action,
                })
            }
        },
        Popup::Memo { coding, mut field } => match key.code {
            KeyCode::Enter => {
                let memo = field.value().trim().to_owned();
                s.set_memo(cx, coding, (!memo.is_empty()).then_some(memo));
            }
            KeyCode::Esc => {}
            _ => {
                field.on_key(key);
                keep = Some(Popup::Memo { coding, field });
            }
        },
        Popup::Edit { seg, mut area } => match key.code {
            KeyCode::Char('s') if ctrl => s.edit_text(cx, seg, &area.lines().join("\n")),
            KeyCode::Esc => {}
            _ => {
                area.input(key);
                keep = Some(Popup::Edit { seg, area });
            }
        },
        Popup::Question(mut menu) => match menu.on_key(key, cx.study.grid.question_count() + 1) {
            MenuKey::Chosen(i) => attach(s, cx, i),
            MenuKey::Cancel => {}
            MenuKey::Moved | MenuKey::Other => keep = Some(Popup::Question(menu)),
        },
        Popup::Situations { excerpt, mut menu } => {
            let count = cx.session(s.id).map_or(0, |x| x.situations.len());
            match menu.on_key(key, count + 1) {
                MenuKey::Chosen(i) if i == count => {
                    let form = Box::new(SituationForm::new(cx.study, None));
                    keep = Some(Popup::Situation { form, excerpt });
                }
                MenuKey::Chosen(i) => link(s, cx, i, excerpt),
                MenuKey::Cancel => {}
                MenuKey::Moved | MenuKey::Other => keep = Some(Popup::Situations { excerpt, menu }),
            }
        }
        Popup::Situation { mut form, excerpt } => match form.on_key(key, cx.t) {
            FormOutcome::Cancel => {}
            FormOutcome::Refused(why) => {
                step = Step::error(why);
                keep = Some(Popup::Situation { form, excerpt });
            }
            FormOutcome::Continue => keep = Some(Popup::Situation { form, excerpt }),
            FormOutcome::Save => {
                let mut situation = form.situation(None);
                situation.excerpts.push(excerpt);
                let id = situation.id;
                s.anchor = None;
                s.record(
                    cx,
                    vec![SessionChange::PutSituation { situation }],
                    vec![SessionChange::RemoveSituation { situation: id }],
                );
            }
        },
    }
    s.popup = keep;
    step
}

/// Attaches the segment under the cursor to the question at `choice` (0: outside the grid).
fn attach(s: &mut CodingScreen, cx: &mut Ctx, choice: usize) {
    let question = choice
        .checked_sub(1)
        .and_then(|i| cx.study.grid.questions().nth(i))
        .map(|(_, q)| q.id);
    let Some(segment) = cx.session(s.id).and_then(|x| x.segments.get(s.cursor.seg)) else {
        return;
    };
    let set = SessionChange::SetSegmentQuestion {
        segment: segment.id,
        question,
    };
    let back = SessionChange::SetSegmentQuestion {
        segment: segment.id,
        question: segment.question,
    };
    s.record(cx, vec![set], vec![back]);
}

/// Links the excerpt to the situation at `index`.
fn link(s: &mut CodingScreen, cx: &mut Ctx, index: usize, excerpt: Excerpt) {
    let Some(situation) = cx.session(s.id).and_then(|x| x.situations.get(index)) else {
        return;
    };
    let situation = situation.id;
    let link = SessionChange::LinkExcerpt { situation, excerpt };
    let unlink = SessionChange::UnlinkExcerpt { situation, excerpt };
    s.anchor = None;
    s.record(cx, vec![link], vec![unlink]);
}

pub fn paste(s: &mut CodingScreen, pasted: &str) {
    match &mut s.popup {
        Some(Popup::Picker(p)) => p.paste(pasted),
        Some(Popup::Memo { field, .. }) => field.paste(pasted),
        Some(Popup::Edit { area, .. }) => {
            area.insert_str(text::normalize(pasted));
        }
        _ => {}
    }
}

pub fn draw(frame: &mut Frame, popup: &Popup, session: &Session, study: &Study, t: &Texts) {
    let area = frame.area();
    match popup {
        Popup::Picker(p) => p.draw(frame, centered(area, 72, area.height.saturating_sub(4)), t),
        Popup::Choose {
            codings,
            menu,
            action,
        } => {
            let items: Vec<ListItem> = codings
                .iter()
                .filter_map(|id| session.coding(*id))
                .map(|c| {
                    let name = study
                        .codebook
                        .shown(c.code)
                        .map_or("?", |x| x.name.as_str());
                    ListItem::new(format!("{name} — {} [{}, {})", c.coder, c.start, c.end))
                })
                .collect();
            let title = match action {
                ChooseFor::Remove => t.choose_remove,
                ChooseFor::Memo => t.choose_memo,
            };
            let rect = centered(area, 60, codings.len() as u16 + 2);
            menu.draw(frame, rect, Block::bordered().title(title), items);
        }
        Popup::Memo { field, .. } => {
            let rect = centered(area, 70, 3);
            frame.render_widget(Clear, rect);
            let block = Block::bordered().title(t.memo_title);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            field.draw(frame, inner, true);
        }
        Popup::Edit {
            area: text_area, ..
        } => {
            let rect = centered(
                area,
                area.width.saturating_sub(6),
                area.height.saturating_sub(6),
            );
            frame.render_widget(Clear, rect);
            let block = Block::bordered()
                .title(t.edit_title)
                .title_bottom(t.edit_keys);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            frame.render_widget(text_area.as_ref(), inner);
        }
        Popup::Question(menu) => {
            let mut items = vec![ListItem::new(t.no_question).italic()];
            items.extend(
                study
                    .grid
                    .questions()
                    .map(|(theme, q)| ListItem::new(format!("{} › {}", theme.title, q.text))),
            );
            let rect = centered(area, 80, area.height.saturating_sub(4));
            menu.draw(
                frame,
                rect,
                Block::bordered().title(t.attach_question),
                items,
            );
        }
        Popup::Situations { menu, .. } => {
            let situations = &session.situations;
            let mut items: Vec<ListItem> = situations
                .iter()
                .map(|s| ListItem::new(s.label.clone()))
                .collect();
            items.push(ListItem::new(t.new_situation).italic());
            let rect = centered(area, 64, situations.len() as u16 + 3);
            menu.draw(
                frame,
                rect,
                Block::bordered().title(t.link_situation),
                items,
            );
        }
        Popup::Situation { form, .. } => form.draw(frame, study, t),
    }
}
