//! The popups of the coding screen: the code picker, the choice among several codings, the
//! memo, the quote mark, the correction of a segment's text, the question a segment is attached
//! to, the situations an excerpt is linked to; what keys do in them and how they are drawn.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, ListItem, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::CodingScreen;
use super::keys::{act_on, create_code};
use crate::i18n::Texts;
use crate::study::{CodingId, Excerpt, Quote, Session, SessionChange, Study, text};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{self, Binding, ENTER, ESC, HelpSection, ch, ctrl, main};
use crate::tui::msg::Effect;
use crate::tui::screen::Step;
use crate::tui::widget::centered;
use crate::tui::widget::field::{Field, FieldKey};
use crate::tui::widget::form::FormStep;
use crate::tui::widget::menu::{MENU, Menu, MenuKey};
use crate::tui::widget::picker::{CodePicker, PICKER, Picked};
use crate::tui::widget::situation_form::SituationForm;
use crate::tui::widget::text_keys::{self, AREA, EDIT_LINE, TYPE};
use crate::tui::widget::text_view;

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
    /// Marking a coding "à citer", with an optional comment (what the field holds).
    Quote {
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
    /// The name codings are signed with, kept in the preferences.
    Coder(Field),
    /// Deleting the segment at this index, confirmed.
    ConfirmDelete(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooseFor {
    Remove,
    Memo,
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupAct {
    Save,
    Cancel,
    /// The quote popup: remove the mark.
    Remove,
}

/// A memo, the coder's name: Enter saves, Esc leaves.
pub static LINE: &[Binding<PopupAct>] = &[
    main(&[ENTER], PopupAct::Save, |k| k.save_line, |k| k.short_save),
    main(
        &[ESC],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

/// A correction: Ctrl+S saves (Enter is a new line).
pub static EDIT: &[Binding<PopupAct>] = &[
    main(
        &[ctrl('s')],
        PopupAct::Save,
        |k| k.save_correction,
        |k| k.short_save,
    ),
    main(
        &[ESC],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

/// The quote mark: Enter marks with the comment typed (or none), Ctrl+D removes the mark.
pub static QUOTE: &[Binding<PopupAct>] = &[
    main(
        &[ENTER],
        PopupAct::Save,
        |k| k.report.save_quote,
        |k| k.short_save,
    ),
    main(
        &[ctrl('d')],
        PopupAct::Remove,
        |k| k.report.remove_quote,
        |k| k.report.short_unquote,
    ),
    main(
        &[ESC],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

pub static CONFIRM: &[Binding<PopupAct>] = &[
    main(
        &[ch('o'), ch('y')],
        PopupAct::Save,
        |k| k.delete_segment_confirm,
        |k| k.short_delete,
    ),
    main(
        &[ESC, ch('n')],
        PopupAct::Cancel,
        |k| k.menu_cancel,
        |k| k.short_cancel,
    ),
];

impl Popup {
    /// The coder's name, offered as it stands (the interviewer's, or the login's).
    pub fn coder(cx: &Ctx) -> Popup {
        Popup::Coder(Field::new(cx.coder))
    }

    /// The correction of the segment at `seg`.
    pub fn edit(session: &Session, seg: usize) -> Popup {
        let text = super::segment_text(session, seg);
        let area = TextArea::from(text.split('\n').map(str::to_owned).collect::<Vec<_>>());
        Popup::Edit {
            seg,
            area: Box::new(area),
        }
    }
}

/// Keys in a popup.
pub fn on_key(s: &mut CodingScreen, cx: &mut Ctx, key: KeyEvent) -> Step {
    let Some(popup) = s.popup.take() else {
        return Step::none();
    };
    let refused = Step::error(keymap::refused(&key, cx.t));
    let mut keep = None;
    let mut step = Step::none();
    match popup {
        Popup::Picker(mut picker) => match picker.on_key(key) {
            Picked::Code(code) => step = s.apply_code(cx, code),
            Picked::Create(name) => step = Step::effect(create_code(cx, &name)),
            Picked::Cancel => {}
            Picked::Nothing => keep = Some(Popup::Picker(picker)),
            Picked::Unbound => {
                step = refused;
                keep = Some(Popup::Picker(picker));
            }
        },
        Popup::Choose {
            codings,
            mut menu,
            action,
        } => match menu.on_key(key, codings.len()) {
            MenuKey::Chosen(i) => step = act_on(s, cx, codings[i], action),
            MenuKey::Cancel => {}
            other => {
                if other == MenuKey::Other {
                    step = refused;
                }
                keep = Some(Popup::Choose {
                    codings,
                    menu,
                    action,
                })
            }
        },
        Popup::Memo { coding, mut field } => match keymap::lookup(LINE, &key).map(|h| h.action) {
            Some(PopupAct::Save) => {
                let memo = field.value().trim().to_owned();
                step = s.set_memo(cx, coding, (!memo.is_empty()).then_some(memo));
            }
            Some(_) => {}
            None => {
                if field.on_key(key) == FieldKey::Unbound {
                    step = refused;
                }
                keep = Some(Popup::Memo { coding, field });
            }
        },
        Popup::Quote { coding, mut field } => match keymap::lookup(QUOTE, &key).map(|h| h.action) {
            Some(PopupAct::Save) => {
                let comment = field.value().trim().to_owned();
                let quote = Quote {
                    comment: (!comment.is_empty()).then_some(comment),
                };
                step = s.set_quote(cx, coding, Some(quote));
            }
            Some(PopupAct::Remove) => step = s.set_quote(cx, coding, None),
            Some(PopupAct::Cancel) => {}
            None => {
                if field.on_key(key) == FieldKey::Unbound {
                    step = refused;
                }
                keep = Some(Popup::Quote { coding, field });
            }
        },
        Popup::Coder(mut field) => match keymap::lookup(LINE, &key).map(|h| h.action) {
            Some(PopupAct::Save) => {
                let name = field.value().trim().to_owned();
                if name.is_empty() {
                    step = Step::error(cx.t.keys.coder_needs_name);
                    keep = Some(Popup::Coder(field));
                } else {
                    step = Step::effect(Effect::RememberCoder(name));
                }
            }
            Some(_) => {}
            None => {
                if field.on_key(key) == FieldKey::Unbound {
                    step = refused;
                }
                keep = Some(Popup::Coder(field));
            }
        },
        Popup::Edit { seg, mut area } => match keymap::lookup(EDIT, &key).map(|h| h.action) {
            Some(PopupAct::Save) => step = s.edit_text(cx, seg, &area.lines().join("\n")),
            Some(_) => {}
            None => {
                match text_keys::edit_of(AREA, &key) {
                    Some(edit) => {
                        text_keys::apply(&mut area, edit);
                    }
                    None => step = refused,
                }
                keep = Some(Popup::Edit { seg, area });
            }
        },
        Popup::Question(mut menu) => match menu.on_key(key, cx.study.grid.question_count() + 1) {
            MenuKey::Chosen(i) => step = attach(s, cx, i),
            MenuKey::Cancel => {}
            other => {
                if other == MenuKey::Other {
                    step = refused;
                }
                keep = Some(Popup::Question(menu));
            }
        },
        Popup::Situations { excerpt, mut menu } => {
            let count = cx.session(s.id).map_or(0, |x| x.situations.len());
            match menu.on_key(key, count + 1) {
                MenuKey::Chosen(i) if i == count => {
                    let form = Box::new(SituationForm::new(cx.study, None, cx.t));
                    keep = Some(Popup::Situation { form, excerpt });
                }
                MenuKey::Chosen(i) => step = link(s, cx, i, excerpt),
                MenuKey::Cancel => {}
                other => {
                    if other == MenuKey::Other {
                        step = refused;
                    }
                    keep = Some(Popup::Situations { excerpt, menu });
                }
            }
        }
        Popup::Situation { mut form, excerpt } => match form.on_key(key, cx.t) {
            FormStep::Cancel => {}
            FormStep::Refused(why) => {
                step = Step::error(why);
                keep = Some(Popup::Situation { form, excerpt });
            }
            FormStep::Continue => keep = Some(Popup::Situation { form, excerpt }),
            FormStep::Save => {
                let mut situation = form.situation(None);
                situation.excerpts.push(excerpt);
                let id = situation.id;
                let label = situation.label.clone();
                s.anchor = None;
                let what = (cx.t.keys.did_describe)(&label);
                if s.record(
                    cx,
                    vec![SessionChange::PutSituation { situation }],
                    vec![SessionChange::RemoveSituation { situation: id }],
                    what,
                ) {
                    step = Step::info((cx.t.keys.situation_saved)(&label));
                }
            }
        },
        Popup::ConfirmDelete(seg) => match keymap::lookup(CONFIRM, &key).map(|h| h.action) {
            Some(PopupAct::Save) => step = s.delete_segment(cx, seg),
            Some(_) => {}
            None => {
                step = refused;
                keep = Some(Popup::ConfirmDelete(seg));
            }
        },
    }
    s.popup = keep;
    step
}

/// The keys of `F1` while a popup is open.
pub fn help(popup: &Popup, t: &Texts) -> Vec<HelpSection> {
    let with_text = |title: &str, table: &[Binding<PopupAct>]| {
        let mut section = keymap::section(title, table, t);
        section.rows.extend(keymap::help_rows(TYPE, t));
        section.rows.extend(keymap::help_rows(EDIT_LINE, t));
        vec![section]
    };
    match popup {
        Popup::Picker(_) => vec![HelpSection {
            title: t.picker_title.trim().to_owned(),
            rows: CodePicker::help(t),
        }],
        Popup::Choose { .. } | Popup::Question(_) | Popup::Situations { .. } => {
            vec![keymap::section(t.keys.section_list, MENU, t)]
        }
        Popup::Memo { .. } => with_text(t.memo_title.trim(), LINE),
        Popup::Quote { .. } => with_text(t.report.quote_title.trim(), QUOTE),
        Popup::Coder(_) => with_text(t.keys.coder_title.trim(), LINE),
        Popup::Edit { .. } => {
            let mut section = keymap::section(t.edit_title.trim(), EDIT, t);
            for table in AREA {
                section.rows.extend(keymap::help_rows(table, t));
            }
            vec![section]
        }
        Popup::Situation { form, .. } => form.help(t),
        Popup::ConfirmDelete(_) => vec![keymap::section(
            t.keys.delete_segment_title.trim(),
            CONFIRM,
            t,
        )],
    }
}

/// The keys of the status line while a popup is open.
pub fn footer(popup: &Popup, t: &Texts) -> String {
    match popup {
        Popup::Picker(_) => keymap::footer(&[PICKER], t),
        Popup::Choose { .. } | Popup::Question(_) | Popup::Situations { .. } => {
            keymap::footer(&[MENU], t)
        }
        Popup::Memo { .. } | Popup::Coder(_) => keymap::footer(&[LINE], t),
        Popup::Quote { .. } => keymap::footer(&[QUOTE], t),
        Popup::Edit { .. } => keymap::footer(&[EDIT], t),
        Popup::Situation { form, .. } => form.form.hint(t),
        Popup::ConfirmDelete(_) => keymap::footer(&[CONFIRM], t),
    }
}

/// Attaches the segment under the cursor to the question at `choice` (0: outside the grid).
fn attach(s: &mut CodingScreen, cx: &mut Ctx, choice: usize) -> Step {
    let question = choice
        .checked_sub(1)
        .and_then(|i| cx.study.grid.questions().nth(i))
        .map(|(_, q)| q.id);
    let Some(segment) = cx.session(s.id).and_then(|x| x.segments.get(s.cursor.seg)) else {
        return Step::none();
    };
    let set = SessionChange::SetSegmentQuestion {
        segment: segment.id,
        question,
    };
    let back = SessionChange::SetSegmentQuestion {
        segment: segment.id,
        question: segment.question,
    };
    let what = cx.t.keys.did_attach.to_owned();
    s.record(cx, vec![set], vec![back], what);
    s.text_changed(cx);
    Step::none()
}

/// Links the excerpt to the situation at `index`.
fn link(s: &mut CodingScreen, cx: &mut Ctx, index: usize, excerpt: Excerpt) -> Step {
    let Some(situation) = cx.session(s.id).and_then(|x| x.situations.get(index)) else {
        return Step::none();
    };
    let label = situation.label.clone();
    let situation = situation.id;
    let link = SessionChange::LinkExcerpt { situation, excerpt };
    let unlink = SessionChange::UnlinkExcerpt { situation, excerpt };
    s.anchor = None;
    let what = (cx.t.keys.did_link)(&label);
    if s.record(cx, vec![link], vec![unlink], what) {
        Step::info((cx.t.keys.linked)(&label))
    } else {
        Step::none()
    }
}

pub fn paste(s: &mut CodingScreen, pasted: &str) {
    match &mut s.popup {
        Some(Popup::Picker(p)) => p.paste(pasted),
        Some(Popup::Memo { field, .. })
        | Some(Popup::Quote { field, .. })
        | Some(Popup::Coder(field)) => field.paste(pasted),
        Some(Popup::Situation { form, .. }) => form.paste(pasted),
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
                ChooseFor::Quote => t.report.choose_quote,
            };
            let rect = centered(area, 60, codings.len() as u16 + 2);
            menu.draw(frame, rect, Block::bordered().title(title), items);
        }
        Popup::Memo { field, .. } | Popup::Coder(field) | Popup::Quote { field, .. } => {
            let rect = centered(area, 70, 3);
            frame.render_widget(Clear, rect);
            let (title, table) = match popup {
                Popup::Coder(_) => (t.keys.coder_title, LINE),
                Popup::Quote { .. } => (t.report.quote_title, QUOTE),
                _ => (t.memo_title, LINE),
            };
            let block = Block::bordered()
                .title(title)
                .title_bottom(format!(" {} ", keymap::footer(&[table], t)));
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
                .title_bottom(format!(" {} ", keymap::footer(&[EDIT], t)));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let cursor = Style::default().add_modifier(Modifier::REVERSED);
            text_view::draw(frame, inner, text_area, Some(cursor));
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
        Popup::Situation { form, .. } => form.draw(frame, t),
        Popup::ConfirmDelete(seg) => {
            let rect = centered(area, 70, 5);
            frame.render_widget(Clear, rect);
            let segment = session.segments.get(*seg);
            let chars = segment.map_or(0, |x| x.text.chars().count());
            let codings = segment.map_or(0, |x| {
                session.codings.iter().filter(|c| c.segment == x.id).count()
            });
            let lines = vec![
                Line::from((t.keys.delete_segment_question)(*seg + 1, chars, codings)),
                Line::default(),
                Line::from(keymap::footer(&[CONFIRM], t)).bold(),
            ];
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(t.keys.delete_segment_title)),
                rect,
            );
        }
    }
}
