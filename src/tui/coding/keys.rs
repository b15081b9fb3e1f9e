//! What keys and the mouse do on the coding screen.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::layout::{self, Row};
use super::motion;
use super::view::Areas;
use super::{ChooseFor, CodingScreen, Popup, Pos};
use crate::i18n::Texts;
use crate::study::{SessionChange, Study, Time, text};
use crate::tui::app::{App, Screen};
use crate::tui::interview::popup::{FormOutcome, SituationForm};
use crate::tui::msg::Effect;
use crate::tui::widget::field::Field;
use crate::tui::widget::picker::{CodePicker, Picked};

struct Ctx<'a> {
    screen: &'a mut CodingScreen,
    study: &'a Study,
    t: &'static Texts,
    now: Time,
    coder: String,
    rows: Vec<Row>,
    height: usize,
}

fn ctx(app: &mut App) -> Option<(Ctx<'_>, &mut Option<crate::tui::app::Notice>)> {
    let t = app.lang.texts();
    let size = Rect::new(0, 0, app.size.0, app.size.1);
    let coder = app.coder.clone();
    let now = app.now;
    let Screen::Coding(screen) = &mut app.screen else {
        return None;
    };
    let areas = Areas::of(size);
    let rows = layout::rows(
        &screen.session,
        &app.study,
        areas.transcript.width,
        t.no_question,
    );
    Some((
        Ctx {
            screen,
            study: &app.study,
            t,
            now,
            coder,
            rows,
            height: areas.transcript.height as usize,
        },
        &mut app.notice,
    ))
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((mut cx, notice)) = ctx(app) else {
        return Vec::new();
    };
    if cx.screen.popup.is_some() {
        let (effects, message) = popup_key(&mut cx, key);
        if let Some(m) = message {
            *notice = Some(crate::tui::app::Notice {
                text: m,
                error: true,
            });
        }
        return effects;
    }
    screen_key(&mut cx, key)
}

fn screen_key(cx: &mut Ctx, key: KeyEvent) -> Vec<Effect> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let moving = matches!(
        key.code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    );
    // Shift with a movement extends the selection, as in any editor.
    if moving && shift && cx.screen.anchor.is_none() {
        cx.screen.anchor = Some(cx.screen.cursor);
    }
    let s = &mut *cx.screen;
    let text = s.segment_text(s.cursor.seg).to_owned();
    match key.code {
        KeyCode::Left | KeyCode::Char('h') if ctrl || alt => {
            s.cursor.off = motion::word_start(&text, s.cursor.off)
        }
        KeyCode::Right | KeyCode::Char('l') if ctrl || alt => {
            s.cursor.off = motion::word_end(&text, s.cursor.off)
        }
        KeyCode::Left | KeyCode::Char('h') => s.cursor.off = motion::prev_char(&text, s.cursor.off),
        KeyCode::Right | KeyCode::Char('l') => {
            s.cursor.off = motion::next_char(&text, s.cursor.off)
        }
        KeyCode::Char('w') => s.cursor.off = motion::word_end(&text, s.cursor.off),
        KeyCode::Char('b') => s.cursor.off = motion::word_start(&text, s.cursor.off),
        KeyCode::Char(')') => s.cursor.off = motion::sentence_end(&text, s.cursor.off),
        KeyCode::Char('(') => s.cursor.off = motion::sentence_start(&text, s.cursor.off),
        KeyCode::Char('}') => move_segment(s, 1),
        KeyCode::Char('{') => move_segment(s, -1),
        KeyCode::Char('0') | KeyCode::Home => s.cursor.off = row_bounds(&cx.rows, s).0,
        KeyCode::Char('$') | KeyCode::End => s.cursor.off = row_bounds(&cx.rows, s).1,
        KeyCode::Down | KeyCode::Char('j') => move_rows(&cx.rows, s, 1),
        KeyCode::Up | KeyCode::Char('k') => move_rows(&cx.rows, s, -1),
        KeyCode::PageDown => move_rows(&cx.rows, s, cx.height.max(2) as isize - 1),
        KeyCode::PageUp => move_rows(&cx.rows, s, -(cx.height.max(2) as isize - 1)),
        KeyCode::Char('g') => s.cursor = Pos { seg: 0, off: 0 },
        KeyCode::Char('G') => {
            let last = s.session.segments.len().saturating_sub(1);
            s.cursor = Pos { seg: last, off: 0 };
        }
        KeyCode::Char('v') => {
            s.anchor = if s.anchor.is_some() {
                None
            } else {
                Some(s.cursor)
            };
        }
        KeyCode::Esc if s.anchor.is_some() => s.anchor = None,
        KeyCode::Esc | KeyCode::Char('q') => {
            return vec![Effect::CloseSession, Effect::LoadSessions];
        }
        KeyCode::Char('c') | KeyCode::Enter if !s.read_only => {
            s.popup = Some(Popup::Picker(CodePicker::new(&cx.study.codebook)));
        }
        KeyCode::Char(c @ '1'..='9') if alt && !s.read_only => {
            let quick = crate::tui::interview::quick_codes(cx.study);
            if let Some(code) = quick.get(c as usize - '1' as usize).copied() {
                return s.apply_code(cx.study, code, &cx.coder, cx.now);
            }
        }
        KeyCode::Char('x') | KeyCode::Delete if !s.read_only => {
            return choose(s, cx.study, ChooseFor::Remove);
        }
        KeyCode::Char('m') if !s.read_only => return choose(s, cx.study, ChooseFor::Memo),
        KeyCode::Char('e') if !s.read_only => {
            let mut area = TextArea::from(text.split('\n').map(str::to_owned).collect::<Vec<_>>());
            area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            s.popup = Some(Popup::Edit {
                seg: s.cursor.seg,
                area: Box::new(area),
            });
        }
        KeyCode::Char('s') if !s.read_only => {
            if let Some(excerpt) = s.target() {
                s.popup = Some(Popup::Situations {
                    excerpt,
                    selected: 0,
                });
            }
        }
        KeyCode::Char('f') => s.coder_filter = next_coder(s),
        KeyCode::Char('a') if !s.read_only => {
            // The list starts on the segment's question (0 is "outside the grid").
            let current = s
                .session
                .segments
                .get(s.cursor.seg)
                .and_then(|x| x.question);
            let selected = current
                .and_then(|q| cx.study.grid.position(q))
                .map_or(0, |p| p + 1);
            s.popup = Some(Popup::Question { selected });
        }
        KeyCode::Char('u') if !s.read_only => return s.undo_last(cx.study),
        KeyCode::Char('B') => return vec![Effect::OpenCodebook],
        KeyCode::Char('?') => return vec![Effect::ShowHelp],
        _ => {}
    }
    clamp(s);
    s.scroll_to_cursor(&cx.rows, cx.height);
    Vec::new()
}

/// The coders of the session in turn, then everyone.
fn next_coder(s: &CodingScreen) -> Option<String> {
    let mut coders: Vec<&str> = s.session.codings.iter().map(|c| c.coder.as_str()).collect();
    coders.sort();
    coders.dedup();
    match &s.coder_filter {
        None => coders.first().map(|c| (*c).to_owned()),
        Some(current) => {
            let at = coders.iter().position(|c| c == current);
            at.and_then(|i| coders.get(i + 1)).map(|c| (*c).to_owned())
        }
    }
}

fn clamp(s: &mut CodingScreen) {
    let count = s.session.segments.len();
    s.cursor.seg = s.cursor.seg.min(count.saturating_sub(1));
    s.cursor.off = s
        .cursor
        .off
        .min(text::char_len(s.segment_text(s.cursor.seg)));
}

fn move_segment(s: &mut CodingScreen, delta: isize) {
    let count = s.session.segments.len() as isize;
    let seg = (s.cursor.seg as isize + delta).clamp(0, (count - 1).max(0)) as usize;
    s.cursor = Pos { seg, off: 0 };
}

fn row_bounds(rows: &[Row], s: &CodingScreen) -> (usize, usize) {
    match layout::row_of(rows, s.cursor.seg, s.cursor.off).map(|i| &rows[i]) {
        Some(Row::Text { start, end, .. }) => (*start, *end),
        _ => (0, 0),
    }
}

/// Up or down by screen rows, keeping the column, skipping headings.
fn move_rows(rows: &[Row], s: &mut CodingScreen, delta: isize) {
    let Some(here) = layout::row_of(rows, s.cursor.seg, s.cursor.off) else {
        return;
    };
    let Row::Text { start, .. } = rows[here] else {
        return;
    };
    let col = motion::column_of(s.segment_text(s.cursor.seg), start, s.cursor.off);
    let step = delta.signum();
    let mut remaining = delta.abs();
    let mut i = here as isize;
    let mut target = here;
    while remaining > 0 {
        i += step;
        if i < 0 || i >= rows.len() as isize {
            break;
        }
        if matches!(rows[i as usize], Row::Text { .. }) {
            target = i as usize;
            remaining -= 1;
        }
    }
    if let Row::Text { seg, start, end } = rows[target] {
        let text = s.segment_text(seg).to_owned();
        let mut off = motion::offset_at_column(&text, start, end, col);
        // On a row that wraps, its last position belongs to the next row.
        if off == end && end < text::char_len(&text) && off > start {
            off = motion::prev_char(&text, off);
        }
        s.cursor = Pos { seg, off };
    }
}

/// Removing or annotating: the coding under the cursor, or a choice when there are several.
fn choose(s: &mut CodingScreen, study: &Study, action: ChooseFor) -> Vec<Effect> {
    let codings: Vec<_> = s.codings_here().iter().map(|c| c.id).collect();
    match codings.as_slice() {
        [] => Vec::new(),
        [one] => act_on(s, study, *one, action),
        _ => {
            s.popup = Some(Popup::Choose {
                codings,
                selected: 0,
                action,
            });
            Vec::new()
        }
    }
}

fn act_on(
    s: &mut CodingScreen,
    study: &Study,
    coding: crate::study::CodingId,
    action: ChooseFor,
) -> Vec<Effect> {
    match action {
        ChooseFor::Remove => s.remove_coding(study, coding),
        ChooseFor::Memo => {
            let memo = s
                .session
                .coding(coding)
                .and_then(|c| c.memo.clone())
                .unwrap_or_default();
            s.popup = Some(Popup::Memo {
                coding,
                field: Field::new(&memo),
            });
            Vec::new()
        }
    }
}

/// Keys in a popup; returns the effects and a message to show.
fn popup_key(cx: &mut Ctx, key: KeyEvent) -> (Vec<Effect>, Option<String>) {
    let s = &mut *cx.screen;
    let Some(popup) = s.popup.take() else {
        return (Vec::new(), None);
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let mut keep = None;
    let mut effects = Vec::new();
    let mut message = None;
    match popup {
        Popup::Picker(mut picker) => match picker.on_key(key) {
            Picked::Code(code) => effects = s.apply_code(cx.study, code, &cx.coder, cx.now),
            Picked::Create(name) => {
                let code = crate::study::codebook::new_code(&cx.study.codebook, &name, None);
                let apply = Some(code.id);
                effects = vec![Effect::EditCodebook {
                    edit: crate::workspace::CodebookEdit::Add { code, after: None },
                    apply,
                    undoable: false,
                }];
            }
            Picked::Cancel => {}
            Picked::Nothing => keep = Some(Popup::Picker(picker)),
        },
        Popup::Choose {
            codings,
            mut selected,
            action,
        } => match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                selected = selected.saturating_sub(1);
                keep = Some(Popup::Choose {
                    codings,
                    selected,
                    action,
                });
            }
            KeyCode::Down | KeyCode::Char('j') => {
                selected = (selected + 1).min(codings.len() - 1);
                keep = Some(Popup::Choose {
                    codings,
                    selected,
                    action,
                });
            }
            KeyCode::Enter => effects = act_on(s, cx.study, codings[selected], action),
            KeyCode::Esc => {}
            _ => {
                keep = Some(Popup::Choose {
                    codings,
                    selected,
                    action,
                })
            }
        },
        Popup::Memo { coding, mut field } => match key.code {
            KeyCode::Enter => {
                let memo = field.value().trim().to_owned();
                effects = s.set_memo(cx.study, coding, (!memo.is_empty()).then_some(memo));
            }
            KeyCode::Esc => {}
            _ => {
                field.on_key(key);
                keep = Some(Popup::Memo { coding, field });
            }
        },
        Popup::Edit { seg, mut area } => match key.code {
            KeyCode::Char('s') if ctrl => {
                let text = area.lines().join("\n");
                effects = s.edit_text(cx.study, seg, &text);
            }
            KeyCode::Esc => {}
            _ => {
                area.input(key);
                keep = Some(Popup::Edit { seg, area });
            }
        },
        Popup::Question { mut selected } => {
            let count = cx.study.grid.question_count() + 1;
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => selected = (selected + 1).min(count - 1),
                KeyCode::Esc => return (Vec::new(), None),
                KeyCode::Enter => {
                    let question = selected
                        .checked_sub(1)
                        .and_then(|i| cx.study.grid.questions().nth(i))
                        .map(|(_, q)| q.id);
                    let Some(segment) = s.session.segments.get(s.cursor.seg).cloned() else {
                        return (Vec::new(), None);
                    };
                    let set = SessionChange::SetSegmentQuestion {
                        segment: segment.id,
                        question,
                    };
                    let back = SessionChange::SetSegmentQuestion {
                        segment: segment.id,
                        question: segment.question,
                    };
                    return (s.record(cx.study, vec![set], vec![back]), None);
                }
                _ => {}
            }
            keep = Some(Popup::Question { selected });
        }
        Popup::Situations {
            excerpt,
            mut selected,
        } => {
            let count = s.session.situations.len() + 1;
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => selected = (selected + 1).min(count - 1),
                KeyCode::Esc => return (Vec::new(), None),
                KeyCode::Enter if selected + 1 == count => {
                    let form = SituationForm::new(cx.study, None);
                    s.popup = Some(Popup::Situation {
                        form: Box::new(form),
                        excerpt,
                    });
                    return (Vec::new(), None);
                }
                KeyCode::Enter => {
                    let situation = s.session.situations[selected].id;
                    let link = SessionChange::LinkExcerpt { situation, excerpt };
                    let unlink = SessionChange::UnlinkExcerpt { situation, excerpt };
                    s.anchor = None;
                    return (s.record(cx.study, vec![link], vec![unlink]), None);
                }
                _ => {}
            }
            keep = Some(Popup::Situations { excerpt, selected });
        }
        Popup::Situation { mut form, excerpt } => match form.on_key(key, cx.t) {
            FormOutcome::Cancel => {}
            FormOutcome::Refused(why) => {
                message = Some(why);
                keep = Some(Popup::Situation { form, excerpt });
            }
            FormOutcome::Continue => keep = Some(Popup::Situation { form, excerpt }),
            FormOutcome::Save => {
                let mut situation = form.situation(None);
                situation.excerpts.push(excerpt);
                let id = situation.id;
                s.anchor = None;
                effects = s.record(
                    cx.study,
                    vec![SessionChange::PutSituation { situation }],
                    vec![SessionChange::RemoveSituation { situation: id }],
                );
            }
        },
    }
    s.popup = keep;
    (effects, message)
}

pub fn on_paste(app: &mut App, pasted: &str) -> Vec<Effect> {
    let Some((cx, _)) = ctx(app) else {
        return Vec::new();
    };
    match &mut cx.screen.popup {
        Some(Popup::Picker(p)) => p.paste(pasted),
        Some(Popup::Memo { field, .. }) => field.paste(pasted),
        Some(Popup::Edit { area, .. }) => {
            area.insert_str(text::normalize(pasted));
        }
        _ => {}
    }
    Vec::new()
}

/// Click to place the cursor, drag to select, wheel to scroll.
pub fn on_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let size = Rect::new(0, 0, app.size.0, app.size.1);
    let Some((cx, _)) = ctx(app) else {
        return Vec::new();
    };
    let s = cx.screen;
    if s.popup.is_some() {
        return Vec::new();
    }
    let area = Areas::of(size).transcript;
    if area.height == 0 || area.width == 0 {
        return Vec::new();
    }
    let inside = mouse.column >= area.x
        && mouse.column < area.right()
        && mouse.row >= area.y
        && mouse.row < area.bottom();
    match mouse.kind {
        MouseEventKind::ScrollDown => s.top = (s.top + 3).min(cx.rows.len().saturating_sub(1)),
        MouseEventKind::ScrollUp => s.top = s.top.saturating_sub(3),
        MouseEventKind::Down(MouseButton::Left) if inside => {
            if let Some(pos) = position_at(&cx.rows, s, area, mouse.column, mouse.row) {
                s.cursor = pos;
                s.anchor = Some(pos);
                s.dragging = true;
            }
        }
        MouseEventKind::Drag(MouseButton::Left) if s.dragging => {
            let row = mouse.row.clamp(area.y, area.bottom().saturating_sub(1));
            if let Some(pos) = position_at(&cx.rows, s, area, mouse.column, row) {
                s.cursor = pos;
            }
        }
        MouseEventKind::Up(MouseButton::Left) if s.dragging => {
            s.dragging = false;
            if s.anchor == Some(s.cursor) {
                s.anchor = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The transcript position under a screen cell.
fn position_at(rows: &[Row], s: &CodingScreen, area: Rect, x: u16, y: u16) -> Option<Pos> {
    let index = s.top + (y - area.y) as usize;
    match rows.get(index)? {
        Row::Text { seg, start, end } => {
            let col = x.saturating_sub(area.x + layout::MARGIN) as usize;
            Some(Pos {
                seg: *seg,
                off: motion::offset_at_column(s.segment_text(*seg), *start, *end, col),
            })
        }
        Row::Heading(seg) => Some(Pos { seg: *seg, off: 0 }),
        _ => None,
    }
}
