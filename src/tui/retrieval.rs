//! Coded excerpt retrieval: every excerpt coded with a code (and its sub-codes, or not) across
//! all sessions, with session, respondent and question; Enter opens it in its transcript; `"`
//! lists only those marked "à citer".

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::chrome::{header, screen_areas, status_bar};
use super::ctx::{Ctx, View};
use super::keymap::{
    self, Binding, DOWN, END, ENTER, ESC, HOME, HelpSection, PAGE_DOWN, PAGE_UP, UP, bind, ch, main,
};
use super::msg::{Answer, Effect, Intent};
use super::screen::{Nav, Screen, Step};
use super::search::SearchScreen;
use super::widget::{colour, fit, quote_mark};
use crate::i18n::Texts;
use crate::study::{CodeId, Excerpt};
use crate::workspace::CodedExcerpt;

pub struct RetrievalScreen {
    pub code: CodeId,
    pub descendants: bool,
    pub excerpts: Vec<CodedExcerpt>,
    /// Only the excerpts marked "à citer" are listed.
    pub quotes_only: bool,
    /// In the list as shown.
    pub selected: usize,
}

impl RetrievalScreen {
    pub fn new(code: CodeId, descendants: bool, excerpts: Vec<CodedExcerpt>) -> RetrievalScreen {
        RetrievalScreen {
            code,
            descendants,
            excerpts,
            quotes_only: false,
            selected: 0,
        }
    }

    /// The excerpts listed: all, or those marked "à citer".
    pub fn shown(&self) -> Vec<&CodedExcerpt> {
        self.excerpts
            .iter()
            .filter(|e| !self.quotes_only || e.quote.is_some())
            .collect()
    }
}

impl Screen for RetrievalScreen {
    fn key(&mut self, cx: &mut Ctx, key: KeyEvent) -> Step {
        on_key(self, key, cx.t)
    }

    /// The list again, with or without the sub-codes.
    fn answer(&mut self, _cx: &mut Ctx, answer: Answer) -> Step {
        if let Answer::Excerpts {
            code,
            descendants,
            excerpts,
        } = answer
        {
            // The same list read again (back from a transcript): the filter and the place kept.
            let same = code == self.code && descendants == self.descendants;
            let (quotes_only, selected) = (self.quotes_only, self.selected);
            *self = RetrievalScreen::new(code, descendants, excerpts);
            self.quotes_only = quotes_only;
            if same {
                self.selected = selected.min(self.shown().len().saturating_sub(1));
            }
        }
        Step::none()
    }

    /// Back from a transcript, where a coding or its quote mark may have changed: the list
    /// is read again.
    fn resumed(&mut self, _cx: &mut Ctx) -> Step {
        Step::effect(Effect::LoadExcerpts {
            code: self.code,
            descendants: self.descendants,
        })
    }

    fn draw(&self, frame: &mut Frame, view: &View) {
        draw(frame, view, self);
    }

    fn help(&self, t: &Texts) -> Vec<HelpSection> {
        vec![keymap::section(t.excerpts_of, KEYS, t)]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Page,
    Ends,
    Descendants,
    QuotesOnly,
    Open,
    Search,
    Help,
    Back,
}

pub static KEYS: &[Binding<Act>] = &[
    bind(&[UP, ch('k')], Act::Up, |k| k.previous_row),
    bind(&[DOWN, ch('j')], Act::Down, |k| k.next_row),
    bind(&[PAGE_UP, PAGE_DOWN], Act::Page, |k| k.menu_page),
    bind(&[HOME, END], Act::Ends, |k| k.menu_ends),
    main(&[ENTER], Act::Open, |k| k.open_excerpt, |k| k.short_open),
    main(
        &[ch('d')],
        Act::Descendants,
        |k| k.with_subcodes,
        |k| k.short_subcodes,
    ),
    main(
        &[ch('"')],
        Act::QuotesOnly,
        |k| k.report.quotes_only,
        |k| k.report.short_quotes_only,
    ),
    bind(&[ch('/')], Act::Search, |k| k.search),
    bind(&[ch('?')], Act::Help, |k| k.help),
    main(&[ESC, ch('q')], Act::Back, |k| k.back, |k| k.short_back),
];

fn on_key(screen: &mut RetrievalScreen, key: KeyEvent, t: &Texts) -> Step {
    let count = screen.shown().len();
    let last = count.saturating_sub(1);
    let Some(hit) = keymap::lookup(KEYS, &key) else {
        return Step::error(keymap::refused(&key, t));
    };
    match hit.action {
        Act::Up => screen.selected = screen.selected.saturating_sub(1),
        Act::Down => screen.selected = (screen.selected + 1).min(last),
        Act::Page if key.code == KeyCode::PageUp => {
            screen.selected = screen.selected.saturating_sub(10)
        }
        Act::Page => screen.selected = (screen.selected + 10).min(last),
        Act::Ends if key.code == KeyCode::Home => screen.selected = 0,
        Act::Ends => screen.selected = last,
        Act::Descendants => {
            return Step::effect(Effect::LoadExcerpts {
                code: screen.code,
                descendants: !screen.descendants,
            });
        }
        Act::QuotesOnly => {
            screen.quotes_only = !screen.quotes_only;
            screen.selected = 0;
        }
        Act::Open => {
            if let Some(e) = screen.shown().get(screen.selected) {
                let excerpt = Excerpt {
                    segment: e.segment,
                    start: e.start,
                    end: e.end,
                };
                return Step::effect(Effect::Open {
                    session: e.session,
                    intent: Intent::Coding(Some(excerpt)),
                });
            }
        }
        Act::Search => return Step::push(SearchScreen::new()),
        Act::Help => return Step::nav(Nav::Help),
        Act::Back => return Step::nav(Nav::Pop),
    }
    Step::none()
}

pub fn draw(frame: &mut Frame, view: &View, screen: &RetrievalScreen) {
    let t = view.t;
    let study = view.study;
    let [top, body, status] = screen_areas(frame.area());
    let code = study.codebook.get(screen.code);
    let name = code.map_or("?", |c| c.name.as_str());
    let mut scope = if screen.descendants {
        t.with_subcodes
    } else {
        t.without_subcodes
    }
    .to_owned();
    if screen.quotes_only {
        scope = format!("{scope} · {}", t.report.quotes_only);
    }
    let shown = screen.shown();
    header(
        frame,
        top,
        &format!("{} « {name} » · {scope}", t.excerpts_of),
        Span::raw(format!(" {} ", (t.excerpts_count)(shown.len()))),
    );
    if shown.is_empty() {
        let empty = match screen.quotes_only && !screen.excerpts.is_empty() {
            true => t.report.no_quotes,
            false => t.no_excerpts,
        };
        frame.render_widget(Paragraph::new(empty).dark_gray(), body);
    } else {
        let width = body.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = shown
            .iter()
            .map(|e| {
                let question = e
                    .question
                    .and_then(|q| study.grid.question(q))
                    .map_or(t.no_question, |(_, q)| q.text.as_str());
                let code = study.codebook.get(e.code);
                let head = Line::from(vec![
                    Span::styled(
                        "■ ",
                        Style::default()
                            .fg(code.map_or(ratatui::style::Color::Gray, |c| colour(&c.colour))),
                    ),
                    Span::raw(format!("{} ", e.respondent)).bold(),
                    Span::raw(
                        e.date
                            .map(|d| d.format("%Y-%m-%d ").to_string())
                            .unwrap_or_default(),
                    )
                    .dark_gray(),
                    Span::raw(fit(
                        &format!(
                            "{} · {} · {question}",
                            code.map_or("", |c| c.name.as_str()),
                            e.coder
                        ),
                        width.saturating_sub(20),
                    ))
                    .dark_gray(),
                ]);
                let body = Line::from(format!(
                    "  « {} »",
                    fit(&e.text.replace('\n', " "), width.saturating_sub(6))
                ));
                let mut lines = vec![head, body];
                if let Some(quote) = &e.quote {
                    lines.push(Line::from(fit(&quote_mark(quote, t), width)).yellow());
                }
                lines.push(Line::default());
                ListItem::new(lines)
            })
            .collect();
        let list =
            List::new(items).highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        frame.render_stateful_widget(
            list,
            body,
            &mut ListState::default().with_selected(Some(screen.selected)),
        );
    }
    status_bar(frame, status, view, &keymap::footer(&[KEYS], t));
}
