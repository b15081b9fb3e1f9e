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

/// A cumulative curve with bars under it: what the saturation assessment draws (distinct codes
/// so far, new codes per interview).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Curve {
    pub title: String,
    pub subtitle: Option<String>,
    pub x_label: String,
    /// The curve's name and the bars' name, for the legend.
    pub line_label: String,
    pub bar_label: String,
    pub points: Vec<CurvePoint>,
    /// How many first points form the base (shaded).
    pub base: usize,
    /// The point where the verdict places saturation, if reached.
    pub mark: Option<usize>,
    /// The caption of the mark ("saturation at interview 5").
    pub mark_label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Under the axis: the interview's number.
    pub label: String,
    pub cumulative: f64,
    pub new: f64,
}
