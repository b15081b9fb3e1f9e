//! Drawing: the screen on top, then the help over it. A pure function of the state, generic over
//! the backend, so tests render the real screens into a `TestBackend`.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row, Table, Wrap};

use super::app::App;
use super::ctx::View;
use super::screen::Bindings;
use super::widget::centered;
use crate::i18n::Texts;

/// Below this size the screens cannot be used; a message says so.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(app: &App, view: &View, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, view.t);
        return;
    }
    app.top().draw(frame, view);
    if app.help {
        draw_help(frame, app.top().help(view.t), view.t);
    }
}

fn too_small(frame: &mut Frame, t: &Texts) {
    let area = frame.area();
    let text = vec![
        Line::from(t.too_small).bold(),
        Line::from(format!(
            "{}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).centered(),
        area,
    );
}

fn draw_help(frame: &mut Frame, bindings: Bindings, t: &Texts) {
    let area = frame.area();
    let rect = centered(area, 78, bindings.len() as u16 + 4);
    frame.render_widget(Clear, rect);
    let rows: Vec<Row> = bindings
        .iter()
        .map(|(keys, what)| Row::new(vec![Span::raw(*keys).bold().yellow(), Span::raw(*what)]))
        .collect();
    let table = Table::new(rows, [Constraint::Length(22), Constraint::Min(10)]).block(
        Block::bordered()
            .title(t.help_title)
            .title_bottom(t.help_close),
    );
    frame.render_widget(table, rect);
}
