//! The search screen (`/` from anywhere): the query, results as you type (after a short pause),
//! the counts per code and per attribute beside them; Enter opens a hit in its transcript.

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::keymap::{
    self, Binding, DOWN, ENTER, ESC, HelpSection, PAGE_DOWN, PAGE_UP, UP, bind, main,
};
use super::msg::{Answer, Effect, Intent};
use super::screen::{Nav, Screen, Step};
use super::widget::field::{Field, FieldKey};
use super::widget::fit;
use super::widget::text_keys::{EDIT_LINE, TYPE};
use crate::i18n::Texts;
use crate::index::{Fragment, HitKind, SearchResults};
use crate::study::{Excerpt, Time};

/// Pause after the last key before the query runs.
pub const DEBOUNCE_MS: i64 = 250;

pub struct SearchScreen {
    pub query: Field,
    pub results: SearchResults,
    /// A malformed query: the message and a caret line under the query.
    pub error: Option<(String, String)>,
    pub selected: usize,
    /// When the query last changed without being run.
    pub pending_since: Option<Time>,
    /// The last query sent to run: its answer is the one shown.
    pub sent: Option<String>,
}

impl SearchScreen {
    pub fn new() -> SearchScreen {
        SearchScreen {
            query: Field::default(),
            results: SearchResults::default(),
            error: None,
            selected: 0,
            pending_since: None,
            sent: None,
        }
    }

    fn run(&mut self) -> Step {
        self.pending_since = None;
        let query = self.query.value();
        if query.trim().is_empty() {
            self.results = SearchResults::default();
            self.error = None;
            self.sent = None;
            return Step::none();
        }
        self.sent = Some(query.clone());
        Step::effect(Effect::Search(query))
    }
}

impl Default for SearchScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl Screen for SearchScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, cx, key)
    }

    fn paste(&mut self, cx: &mut Ctx, text: &str) -> Step {
        self.query.paste(text);
        self.pending_since = Some(cx.now);
        Step::none()
    }

    /// The query runs once typing pauses.
    fn tick(&mut self, cx: &mut Ctx) -> Step {
        if self.deadline(cx.now).is_some_and(|d| d <= cx.now) {
            self.run()
        } else {
            Step::none()
        }
    }

    fn deadline(&self, _now: Time) -> Option<Time> {
        self.pending_since
            .map(|t| t + Duration::milliseconds(DEBOUNCE_MS))
    }

    fn answer(&mut self, _cx: &mut Ctx, answer: Answer) -> Step {
        if let Answer::Searched { query, result } = answer
            && self.sent.as_ref() == Some(&query)
        {
            match result {
                Ok(results) => {
                    self.results = *results;
                    self.error = None;
                    self.selected = 0;
                }
                Err(error) => self.error = Some(error),
            }
        }
        Step::none()
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        let mut query = keymap::section(t.search_title, TYPE, t);
        query.rows.extend(keymap::help_rows(EDIT_LINE, t));
        let mut syntax = HelpSection {
            title: t.keys.section_query.to_owned(),
            rows: Vec::new(),
        };
        syntax.rows.extend(
            t.keys
                .query_syntax
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned())),
        );
        vec![
            keymap::section(t.keys.section_results, KEYS, t),
            query,
            syntax,
        ]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Page,
    Open,
    Back,
}

/// The keys of the results; every other key of text goes to the query.
pub static KEYS: &[Binding<Act>] = &[
    bind(&[UP], Act::Up, |k| k.previous_row),
    bind(&[DOWN], Act::Down, |k| k.next_row),
    bind(&[PAGE_UP, PAGE_DOWN], Act::Page, |k| k.menu_page),
    main(&[ENTER], Act::Open, |k| k.open_hit, |k| k.short_open),
    main(&[ESC], Act::Back, |k| k.back, |k| k.short_back),
];

fn on_key(s: &mut SearchScreen, cx: &Ctx, key: KeyEvent) -> Step {
    let count = s.results.hits.len();
    let last = count.saturating_sub(1);
    let Some(hit) = keymap::lookup(KEYS, &key) else {
        return match s.query.on_key(key) {
            FieldKey::Edited => {
                s.pending_since = Some(cx.now);
                Step::none()
            }
            FieldKey::Moved => Step::none(),
            FieldKey::Unbound => Step::error(keymap::refused(&key, cx.t)),
        };
    };
    match hit.action {
        Act::Back => return Step::nav(Nav::Pop),
        Act::Up => s.selected = s.selected.saturating_sub(1),
        Act::Down => s.selected = (s.selected + 1).min(last),
        Act::Page if key.code == KeyCode::PageUp => s.selected = s.selected.saturating_sub(10),
        Act::Page => s.selected = (s.selected + 10).min(last),
        Act::Open if s.pending_since.is_some() => return s.run(),
        Act::Open => {
            if let Some(hit) = s.results.hits.get(s.selected) {
                let (start, end) = match hit.kind {
                    HitKind::Excerpt => (hit.start.unwrap_or(0), hit.end.unwrap_or(0)),
                    HitKind::Segment => (0, 0),
                };
                let excerpt = Excerpt {
                    segment: hit.segment,
                    start,
                    end,
                };
                return Step::effect(Effect::Open {
                    session: hit.session,
                    intent: Intent::Coding(Some(excerpt)),
                });
            }
        }
    }
    Step::none()
}

/// A snippet in `width` columns, its first match always in view: when the text before the
/// match would push it out, that text is cut from the left, after an ellipsis.
pub fn snippet_spans(fragments: &[Fragment], width: usize) -> Vec<(String, bool)> {
    let flat: Vec<(String, bool)> = fragments
        .iter()
        .map(|f| (f.text.replace('\n', " "), f.highlighted))
        .collect();
    let first = flat.iter().position(|(_, h)| *h);
    let mut pieces = flat.clone();
    if let Some(h) = first {
        let before: usize = flat[..h].iter().map(|(t, _)| t.chars().count()).sum();
        let matched = flat[h].0.chars().count();
        if before + matched > width {
            // Keep a little context before the match.
            let keep = (width.saturating_sub(matched) / 3).min(before);
            let context: Vec<char> = flat[..h].iter().flat_map(|(t, _)| t.chars()).collect();
            // The match and the ellipsis take their room; the rest may hold the cut word.
            let room = width.saturating_sub(matched + 1);
            let tail: String = context[word_cut(&context, keep, room)..].iter().collect();
            pieces = vec![(format!("…{}", tail.trim_start()), false)];
            pieces.extend(flat[h..].iter().cloned());
        }
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (text, highlighted) in pieces {
        if used >= width {
            break;
        }
        let piece = fit(&text, width - used);
        used += piece.chars().count();
        out.push((piece, highlighted));
    }
    out
}

/// Where to start showing `context` (in chars) so that about `keep` chars of it are left
/// before the match, cut between words: a word cut by the left edge (`…isse la chambre`) reads
/// as a word that does not exist. The word is taken whole when `room` allows, else left out.
fn word_cut(context: &[char], keep: usize, room: usize) -> usize {
    let from = context.len() - keep;
    let inside = |i: usize| i > 0 && !context[i - 1].is_whitespace();
    if from == 0 || !inside(from) || context.get(from).is_none_or(|c| c.is_whitespace()) {
        return from;
    }
    let start = (0..from)
        .rev()
        .find(|&i| context[i].is_whitespace())
        .map_or(0, |i| i + 1);
    if context.len() - start <= room {
        return start;
    }
    match (from..context.len()).find(|&i| context[i].is_whitespace()) {
        Some(space) => space + 1,
        None => from,
    }
}

pub fn draw(frame: &mut Frame, view: &View, s: &SearchScreen) {
    let t = view.t;
    let [top, body, status] = screen_areas(frame.area());
    let total = if s.error.is_none() {
        (t.search_total)(s.results.total)
    } else {
        String::new()
    };
    header(frame, top, t.search_title, Span::raw(format!(" {total} ")));
    let error_height = if s.error.is_some() { 2 } else { 0 };
    let [query_row, error_area, results] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(error_height),
        Constraint::Min(0),
    ])
    .areas(body);
    let [prompt, field] =
        Layout::horizontal([Constraint::Length(3), Constraint::Min(0)]).areas(Rect {
            height: 1,
            ..query_row
        });
    frame.render_widget(Paragraph::new(" / ").bold().yellow(), prompt);
    s.query.draw(frame, field, true);
    if let Some((message, caret)) = &s.error {
        let lines = vec![
            Line::from(Span::styled(
                format!("   {caret}"),
                Style::default().fg(Color::Red).bold(),
            )),
            Line::from(Span::styled(
                format!(" {message}"),
                Style::default().fg(Color::Red),
            )),
        ];
        frame.render_widget(Paragraph::new(lines), error_area);
    }
    let facets_width = if results.width >= 90 { 32 } else { 0 };
    let [list_area, facets] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(facets_width)]).areas(results);
    draw_hits(frame, list_area, s, t);
    draw_facets(frame, facets, s, t);
    status_bar(frame, status, view, &keymap::footer(&[KEYS], t));
}

fn draw_hits(frame: &mut Frame, area: Rect, s: &SearchScreen, t: &Texts) {
    if s.results.hits.is_empty() {
        let hint = if s.query.value().trim().is_empty() {
            t.search_hint
        } else {
            t.search_none
        };
        frame.render_widget(Paragraph::new(hint).dark_gray(), area);
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = s
        .results
        .hits
        .iter()
        .map(|hit| {
            let kind = match hit.kind {
                HitKind::Excerpt => t.search_excerpt,
                HitKind::Segment => t.search_segment,
            };
            let place = hit.question_text.as_deref().unwrap_or(t.no_question);
            let head = Line::from(vec![
                Span::raw(format!("{} ", hit.respondent)).bold(),
                Span::raw(format!("{} ", hit.date.as_deref().unwrap_or(""))).dark_gray(),
                Span::raw(format!("{kind} · ")).cyan(),
                Span::raw(fit(place, width.saturating_sub(30))).dark_gray(),
            ]);
            let mut spans = vec![Span::raw("  ")];
            for (text, highlighted) in snippet_spans(&hit.snippet, width.saturating_sub(2)) {
                let style = if highlighted {
                    Style::default()
                        .fg(Color::Yellow)
                        .add_modifier(Modifier::BOLD)
                } else {
                    Style::default()
                };
                spans.push(Span::styled(text, style));
            }
            let codes = Line::from(format!(
                "  {}",
                fit(&hit.codes.join(" · "), width.saturating_sub(2))
            ))
            .dark_gray();
            ListItem::new(vec![head, Line::from(spans), codes, Line::default()])
        })
        .collect();
    let list = List::new(items).highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        list,
        area,
        &mut ListState::default().with_selected(Some(s.selected)),
    );
}

fn draw_facets(frame: &mut Frame, area: Rect, s: &SearchScreen, t: &Texts) {
    if area.width == 0 {
        return;
    }
    let block = Block::default().borders(Borders::LEFT);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = vec![Line::from(t.search_by_code).bold()];
    for (code, n) in &s.results.codes {
        lines.push(Line::from(format!(
            "{:>5} {}",
            n,
            fit(code, width.saturating_sub(6))
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(t.search_by_attribute).bold());
    for (key, value, n) in &s.results.attributes {
        lines.push(Line::from(format!(
            "{:>5} {}",
            n,
            fit(&format!("{key}:{value}"), width.saturating_sub(6))
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frag(text: &str, highlighted: bool) -> Fragment {
        Fragment {
            text: text.into(),
            highlighted,
        }
    }

    #[test]
    fn a_snippet_is_cut_before_its_match_never_through_it() {
        let long =
            "Ils disent que c'est un bar d'ambiance, que les filles viennent d'elles-mêmes, ";
        let snippet = [
            frag(long, false),
            frag("hôtel", true),
            frag(" de la gare.", false),
        ];
        let spans = snippet_spans(&snippet, 40);
        let shown: String = spans.iter().map(|(t, _)| t.as_str()).collect();
        assert!(shown.starts_with('…'), "{shown}");
        assert!(spans.iter().any(|(t, h)| *h && t == "hôtel"), "{spans:?}");
        assert!(shown.chars().count() <= 40, "{shown}");
        // The cut falls between words: "…" then a whole word, the match whole after it.
        assert_eq!(shown, "…d'elles-mêmes, hôtel de la gare.");
        let spans = snippet_spans(
            &[
                frag(
                    "le gérant ferme les yeux et encaisse la chambre chaque ",
                    false,
                ),
                frag("semaine", true),
                frag(" sans poser de question", false),
            ],
            50,
        );
        assert_eq!(spans[0].0, "…chambre chaque ", "{spans:?}");
        // No room for the cut word: it is left out.
        let spans = snippet_spans(
            &[
                frag("dit anticonstitutionnellement ", false),
                frag("non", true),
            ],
            12,
        );
        assert_eq!(spans[0].0, "…", "{spans:?}");
        // Short enough: shown whole.
        let spans = snippet_spans(&[frag("à l'", false), frag("hôtel", true)], 40);
        assert_eq!(spans[0].0, "à l'");
    }
}
