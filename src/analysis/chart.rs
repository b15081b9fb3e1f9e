//! A horizontal bar chart as data: what the SVG export draws and the statistics screen can show.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chart {
    pub title: String,
    pub subtitle: Option<String>,
    /// One block of bars each (one per question for answers; one for frequencies).
    pub groups: Vec<BarGroup>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BarGroup {
    pub title: Option<String>,
    /// The base of the percentages, under the title.
    pub note: Option<String>,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    /// The count the bar's length shows.
    pub value: f64,
    /// Printed on the bar beside the count.
    pub pct: Option<f64>,
}
