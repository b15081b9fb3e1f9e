//! The report as one self-contained HTML file: the Markdown made HTML, each chart's SVG inline,
//! the stylesheet inline (the study's `report.css` when it has one), a print stylesheet so that
//! a browser's "print to PDF" gives clean pages. No script, nothing fetched from the network.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The built-in stylesheet.
pub const STYLE: &str = include_str!("report.css");

pub fn render(
    markdown: &str,
    title: &str,
    lang: &str,
    charts: &BTreeMap<String, String>,
    style: &str,
) -> String {
    let mut events = Vec::new();
    let mut in_chart = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) if dest_url.starts_with(super::CHART) => {
                in_chart = true;
                let svg = charts
                    .get(&dest_url[super::CHART.len()..])
                    .map(|s| inline_svg(s))
                    .unwrap_or_default();
                events.push(Event::InlineHtml(
                    format!("<span class=\"chart\">{svg}</span>").into(),
                ));
            }
            Event::End(TagEnd::Image) if in_chart => in_chart = false,
            _ if in_chart => {} // the alt text: the chart carries its own title
            e => events.push(e),
        }
    }
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"grille\">\n<title>{}</title>\n<style>\n{style}</style>\n\
         </head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape_html(title)
    )
}

/// An SVG document as an element of the page: without its XML declaration.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(at) => svg[at..].trim_end(),
        None => "",
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
