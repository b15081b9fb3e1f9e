//! Drawing the pseudonymisation screen: the proposals as a table (decision, kind, text,
//! pseudonym, how often), and under it the selected one's occurrence in its context.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{Decision, KEYS, PseudonymScreen, place_name};
use crate::tui::chrome::{header, screen_areas, status_bar};
use crate::tui::ctx::View;
use crate::tui::keymap;

/// Rows of the context box, its borders included.
const DETAIL: u16 = 9;

/// Rows of proposals shown in a terminal `height` rows tall.
pub fn list_rows(height: u16) -> usize {
    // Header line, table header, the context box, the status line.
    height.saturating_sub(1 + 1 + DETAIL + 1).max(1) as usize
}

pub fn draw(frame: &mut Frame, view: &View, screen: &PseudonymScreen) {
    let t = view.t;
    let p = t.keys.pseudonyms;
    let [top, body, status] = screen_areas(frame.area());
    let (accepted, rejected, undecided) = screen.counts();
    let rows = screen.rows();
    header(
        frame,
        top,
        p.title,
        Span::raw((p.counts)(rows.len(), accepted, rejected, undecided)),
    );
    status_bar(frame, status, view, &keymap::footer(&[KEYS], t));
    if screen.reviewing.is_none() || rows.is_empty() {
        let said = match screen.reviewing {
            None => p.loading,
            Some(_) => p.empty,
        };
        frame.render_widget(Paragraph::new(said).dark_gray(), body);
        return;
    }
    let [list, detail] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(DETAIL)]).areas(body);
    let header_row = Row::new(vec![
        "",
        p.col_kind,
        p.col_text,
        p.col_pseudonym,
        p.col_where,
    ])
    .style(Style::default().bold());
    let table_rows = rows.iter().map(|r| {
        let (mark, colour) = match r.decision {
            Decision::Undecided => ("·", Color::Reset),
            Decision::Accepted => ("✓", Color::Green),
            Decision::Rejected => ("✗", Color::Red),
        };
        Row::new(vec![
            Cell::from(mark).fg(colour),
            Cell::from(t.privacy.kind_name(r.proposal.kind)),
            Cell::from(crate::study::text::escape_controls(&r.proposal.text).into_owned()).bold(),
            Cell::from(r.proposal.pseudonym.clone()),
            Cell::from((p.where_found)(r.proposal.occurrences.len(), r.sessions)),
        ])
    });
    let table = Table::new(
        table_rows,
        [
            Constraint::Length(1),
            Constraint::Length(17),
            Constraint::Min(20),
            Constraint::Length(15),
            Constraint::Length(18),
        ],
    )
    .header(header_row)
    .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(
        table,
        list,
        &mut TableState::default()
            .with_offset(screen.offset)
            .with_selected(Some(screen.selected)),
    );
    let Some(row) = rows.get(screen.selected) else {
        return;
    };
    let Some(shown) = row.shown.get(screen.occurrence) else {
        return;
    };
    let decision = match row.decision {
        Decision::Undecided => p.undecided,
        Decision::Accepted => p.accepted,
        Decision::Rejected => p.rejected,
    };
    let c = &shown.context;
    let mut lines = vec![
        Line::from(vec![
            Span::raw(c.before.clone()),
            Span::raw(c.found.clone()).bold().reversed(),
            Span::raw(c.after.clone()),
        ]),
        Line::default(),
        Line::from(format!(
            "{} « {} » → {} ({decision})",
            t.privacy.kind_name(row.proposal.kind),
            crate::study::text::escape_controls(&row.proposal.text),
            row.proposal.pseudonym
        ))
        .dark_gray(),
    ];
    if let Some(r) = &screen.reviewing {
        // Where the key back to the names is, and whether it is encrypted: always in sight.
        lines.push(
            Line::from((t.privacy.keys_at)(
                &r.path.display().to_string(),
                r.encrypted,
            ))
            .dark_gray(),
        );
    }
    let title = (p.occurrence)(
        screen.occurrence + 1,
        row.shown.len(),
        &shown.respondent,
        place_name(shown.field, t),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title)),
        detail,
    );
}
