//! Drawing the coding screen: the transcript with its coded spans (a bar per coding in the
//! margin, the span underlined and tinted in the code's colour), and a side panel with what is
//! coded under the cursor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_segmentation::UnicodeSegmentation;

use super::CodingScreen;
use super::layout::{Laying, MARGIN, Row};
use crate::i18n::Texts;
use crate::study::{CodeId, Coding, Session, Study};
use crate::tui::chrome::{header, screen_areas, status_bar, who_and_when};
use crate::tui::ctx::View;
use crate::tui::widget::quick_codes::{bar_height, draw_bar};
use crate::tui::widget::wrap::TextRow;
use crate::tui::widget::{colour, fit, quote_mark};

pub struct Areas {
    pub header: Rect,
    pub transcript: Rect,
    /// The live notes beside the transcript (empty unless `beside`).
    pub notes: Rect,
    pub side: Rect,
    /// The nine quick codes and their keys.
    pub quick: Rect,
    pub status: Rect,
}

impl Areas {
    /// `beside`: the live notes in a column beside the transcript.
    pub fn of(area: Rect, study: &Study, beside: bool) -> Areas {
        let [header, body, status] = screen_areas(area);
        let [body, quick] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(bar_height(study, area.width)),
        ])
        .areas(body);
        let side_width = if body.width >= 70 {
            (body.width / 3).clamp(24, 40)
        } else {
            0
        };
        let [text, side] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(side_width)]).areas(body);
        let notes_width = if beside { text.width * 2 / 5 } else { 0 };
        let [transcript, notes] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(notes_width)]).areas(text);
        Areas {
            header,
            transcript,
            notes,
            side,
            quick,
            status,
        }
    }
}

pub fn draw(frame: &mut Frame, view: &View, screen: &CodingScreen) {
    let t = view.t;
    let study = view.study;
    let beside = view
        .session(screen.id)
        .is_some_and(|s| screen.layer.beside(s));
    let areas = Areas::of(frame.area(), study, beside);
    let Some(s) = view.session(screen.id) else {
        status_bar(frame, areas.status, view, "");
        return;
    };
    let filter = screen.coder_filter.as_deref().unwrap_or(t.all_coders);
    let mut title = format!(
        "{} {} · {} : {}",
        t.coding_title, s.respondent.pseudonym, t.keys.shown, filter
    );
    if s.transcript.is_some() {
        title.push_str(&format!(" · {}", screen.layer.name(t)));
    }
    // Coded by several: whose coding the tables count (`R` chooses).
    if s.coders().len() > 1
        && let Some(reference) = s.reference_coder()
    {
        title = format!("{title} · {}", (t.analysis.reference_shown)(reference));
    }
    let sign = if view.writable(screen.id) && !view.coder_named {
        // A name guessed from the login signs the codings: said, with the key to give one.
        Span::styled(
            format!(" {} : {} ({}) ", t.coder, view.coder, t.keys.coder_guessed),
            Style::default().fg(Color::Yellow),
        )
    } else if view.writable(screen.id) {
        Span::raw(format!(" {} : {} ", t.coder, view.coder))
    } else {
        Span::styled(
            format!(" {} ", t.read_only),
            Style::default().fg(Color::Black).bg(Color::Yellow),
        )
    };
    header(frame, areas.header, &title, sign);
    screen.layout.borrow_mut().set_width(areas.transcript.width);
    let rows = draw_transcript(frame, areas.transcript, screen, s, study, t);
    super::layers::draw_notes(frame, areas.notes, s, &rows, t);
    draw_side(frame, areas.side, screen, s, study, t);
    let here: Vec<CodeId> = screen.codings_here(s).iter().map(|c| c.code).collect();
    draw_bar(frame, areas.quick, study, &here);
    status_bar(frame, areas.status, view, &super::keys::footer(screen, t));
    if let Some(popup) = &screen.popup {
        super::popup::draw(frame, popup, s, study, t);
    }
}

fn draw_transcript(
    frame: &mut Frame,
    area: Rect,
    screen: &CodingScreen,
    session: &Session,
    study: &Study,
    t: &Texts,
) -> Vec<Row> {
    if session.segments.is_empty() {
        frame.render_widget(Paragraph::new(t.empty_transcript).dark_gray(), area);
        return Vec::new();
    }
    let lay = Laying {
        session,
        study,
        no_question: t.no_question,
        layer: screen.layer,
    };
    // The rows shown, laid out from the first one down as far as the area goes.
    let mut rows = Vec::with_capacity(area.height as usize);
    {
        let mut layout = screen.layout.borrow_mut();
        let mut spot = Some(screen.top);
        while let Some(at) = spot {
            if rows.len() >= area.height as usize {
                break;
            }
            if let Some(row) = layout.row_at(&lay, at) {
                rows.push(row);
            }
            spot = layout.next(&lay, at);
        }
    }
    // The codings of the segments shown, looked for once.
    let shown: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Text { seg, .. } => Some(*seg),
            _ => None,
        })
        .collect();
    let ids: Vec<_> = shown
        .iter()
        .filter_map(|i| session.segments.get(*i).map(|s| s.id))
        .collect();
    let mut codings: Vec<&Coding> = session
        .codings
        .iter()
        .filter(|c| ids.contains(&c.segment) && screen.shows(c))
        .collect();
    codings.sort_by_key(|c| (c.start, c.end));
    let selection = screen.selection(session);
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| {
            draw_row(
                row, screen, session, study, t, area.width, &codings, selection,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    rows
}

#[allow(clippy::too_many_arguments)]
fn draw_row<'a>(
    row: &Row,
    screen: &CodingScreen,
    s: &Session,
    study: &Study,
    t: &Texts,
    width: u16,
    codings: &[&Coding],
    selection: Option<(usize, usize, usize)>,
) -> Line<'a> {
    match row {
        Row::Theme(title) => Line::from(Span::styled(
            fit(&format!("━━ {title}"), width as usize),
            Style::default().bold().fg(Color::Blue),
        )),
        Row::Question(text) => Line::from(Span::styled(
            fit(&format!("   {text}"), width as usize),
            Style::default().italic().fg(Color::Cyan),
        )),
        Row::Blank => Line::default(),
        Row::Heading(i) => {
            let seg = &s.segments[*i];
            let mut spans = vec![Span::raw(" ".repeat(MARGIN as usize))];
            spans.extend(who_and_when(s, seg, t, "%H:%M:%S"));
            if screen.found == Some(*i) {
                spans.push(Span::raw(format!("  ◀ {}", t.keys.found)).yellow().bold());
            }
            Line::from(spans)
        }
        Row::Text { seg, row } => text_row(screen, s, *seg, *row, study, codings, selection),
    }
}

/// One row of text: bars in the margin for the codings on it, then the text with coded spans
/// underlined and tinted, the selection reversed and the cursor marked.
fn text_row<'a>(
    screen: &CodingScreen,
    s: &Session,
    seg: usize,
    row: TextRow,
    study: &Study,
    codings: &[&Coding],
    selection: Option<(usize, usize, usize)>,
) -> Line<'a> {
    let segment = &s.segments[seg];
    let (start, end) = (row.start, row.end);
    let codings: Vec<&&Coding> = codings.iter().filter(|c| c.segment == segment.id).collect();
    let colour_of = |c: &Coding| {
        study
            .codebook
            .shown(c.code)
            .map_or(Color::Gray, |code| colour(&code.colour))
    };
    // One bar per coding that touches the row, as many as the margin holds.
    let on_row: Vec<&&&Coding> = codings
        .iter()
        .filter(|c| c.start < end.max(start + 1) && start < c.end)
        .collect();
    let mut spans: Vec<Span> = (0..MARGIN as usize - 1)
        .map(|i| match on_row.get(i) {
            Some(c) => Span::styled("▌", Style::default().fg(colour_of(c))),
            None => Span::raw(" "),
        })
        .collect();
    spans.push(Span::raw(if on_row.len() > MARGIN as usize - 1 {
        "+"
    } else {
        " "
    }));
    let selection = selection.filter(|(sg, _, _)| *sg == seg);
    let cursor = (screen.cursor.seg == seg).then_some(screen.cursor.off);
    let found = screen.found == Some(seg);
    let row_text = &segment.text[row.byte_start..row.byte_end];
    let mut at = start;
    for g in row_text.graphemes(true) {
        let covering: Vec<&&&Coding> = on_row
            .iter()
            .filter(|c| c.start <= at && at < c.end)
            .copied()
            .collect();
        let mut style = Style::default();
        if let Some(last) = covering.last() {
            let c = colour_of(last);
            style = style
                .add_modifier(Modifier::UNDERLINED)
                .underline_color(c)
                .bg(tint(c));
            if covering.len() > 1 {
                style = style.add_modifier(Modifier::BOLD);
            }
        }
        if found {
            style = style.add_modifier(Modifier::BOLD).fg(Color::Yellow);
        }
        if selection.is_some_and(|(_, a, b)| a <= at && at < b) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        if cursor == Some(at) {
            style = style.bg(Color::Yellow).fg(Color::Black);
        }
        spans.push(Span::styled(g.to_owned(), style));
        at += g.chars().count();
    }
    if cursor == Some(at) && row_text.is_empty() {
        spans.push(Span::styled(" ", Style::default().bg(Color::Yellow)));
    }
    Line::from(spans)
}

/// A dark shade of a code's colour, for the background of coded text.
fn tint(c: Color) -> Color {
    match c {
        Color::Rgb(r, g, b) => Color::Rgb(r / 4, g / 4, b / 4),
        other => other,
    }
}

fn draw_side(
    frame: &mut Frame,
    area: Rect,
    screen: &CodingScreen,
    s: &Session,
    study: &Study,
    t: &Texts,
) {
    if area.width == 0 {
        return;
    }
    let block = Block::default().borders(Borders::LEFT);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = proposal_lines(screen, s, study, t, width);
    lines.push(Line::from(t.codes_here).bold());
    let here = screen.codings_here(s);
    if here.is_empty() {
        lines.push(Line::from(format!("  {}", t.none)).dark_gray());
    }
    for c in here {
        let (name, col) = study
            .codebook
            .shown(c.code)
            .map_or(("?".to_owned(), Color::Gray), |code| {
                (code.name.clone(), colour(&code.colour))
            });
        lines.push(Line::from(vec![
            Span::styled("■ ", Style::default().fg(col)),
            Span::raw(fit(&name, width.saturating_sub(2))),
        ]));
        lines.push(
            Line::from(format!(
                "  {} · {}",
                fit(&c.coder, width.saturating_sub(12)),
                c.at.format("%d/%m/%y")
            ))
            .dark_gray(),
        );
        if let Some(memo) = &c.memo {
            lines.push(Line::from(format!("  ✎ {}", fit(memo, width.saturating_sub(4)))).italic());
        }
        if let Some(quote) = &c.quote {
            lines.push(Line::from(fit(&quote_mark(quote, t), width)).yellow());
        }
    }
    lines.push(Line::default());
    if let Some(seg) = s.segments.get(screen.cursor.seg) {
        lines.push(
            Line::from(format!(
                "{} {}/{}",
                t.segment,
                screen.cursor.seg + 1,
                s.segments.len()
            ))
            .bold(),
        );
        if let Some((_, q)) = seg.question.and_then(|q| study.grid.question(q)) {
            lines.push(
                Line::from(format!("  {}", fit(&q.text, width.saturating_sub(2)))).dark_gray(),
            );
        }
        let situations: Vec<&str> = s
            .situations
            .iter()
            .filter(|x| {
                x.excerpts.iter().any(|e| {
                    e.segment == seg.id
                        && e.start <= screen.cursor.off
                        && screen.cursor.off <= e.end
                })
            })
            .map(|x| x.label.as_str())
            .collect();
        if !situations.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(t.situation_here).bold());
            for label in situations {
                lines.push(Line::from(format!(
                    "  • {}",
                    fit(label, width.saturating_sub(4))
                )));
            }
        }
    }
    if let Some((_, a, b)) = screen.selection(s) {
        lines.push(Line::default());
        lines.push(Line::from((t.selected_chars)(b - a)).yellow());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The proposal under the cursor, if any: the code, the live note it comes from, the keys.
fn proposal_lines(
    screen: &CodingScreen,
    s: &Session,
    study: &Study,
    t: &Texts,
    width: usize,
) -> Vec<Line<'static>> {
    let a = t.align;
    let Some(p) = screen.proposal_here(s) else {
        let pending = s.transcript.as_ref().map_or(0, |l| l.proposals.len());
        return if pending > 0 {
            vec![
                Line::from((a.proposals_pending)(pending)).yellow(),
                Line::default(),
            ]
        } else {
            Vec::new()
        };
    };
    let Some((live, note)) = super::proposals::describe(s, p) else {
        return Vec::new();
    };
    let (name, col) = study
        .codebook
        .shown(live.code)
        .map_or(("?".to_owned(), Color::Gray), |code| {
            (code.name.clone(), colour(&code.colour))
        });
    vec![
        Line::from((a.proposal_here)(p.score)).bold().yellow(),
        Line::from(vec![
            Span::styled("□ ", Style::default().fg(col)),
            Span::raw(fit(&name, width.saturating_sub(2))),
        ]),
        Line::from(format!("  « {} »", fit(note, width.saturating_sub(6)))).italic(),
        Line::from(fit(a.proposal_keys, width)).dark_gray(),
        Line::default(),
    ]
}
