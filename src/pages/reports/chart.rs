//! The reports' charts, drawn as SVG: each has a title and a text summary a screen reader
//! reads, and every bar or line carries its name and value in words, so no colour is needed to
//! read it. Printed as drawn.

use leptos::prelude::*;

/// Width of the drawing; it scales to the page, and is narrow enough that its text stays
/// readable on a phone.
const WIDTH: f64 = 340.0;
const ROW: f64 = 44.0;

/// One horizontal bar per row, its label above it and its value at its end.
#[component]
pub fn BarChart(
    /// Ties the drawing to its title and summary.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] summary: Signal<String>,
    /// Label, value, and the value as shown (a count, "3 of 5").
    #[prop(into)]
    bars: Signal<Vec<(String, f64, String)>>,
) -> impl IntoView {
    let height = move || bars.with(|b| b.len() as f64 * ROW + 4.0);
    let (title_id, summary_id) = (format!("{id}-chart-title"), format!("{id}-chart-summary"));
    let labelled_by = format!("{title_id} {summary_id}");
    view! {
        <svg
            class="chart bar-chart"
            role="img"
            aria-labelledby=labelled_by
            viewBox=move || format!("0 0 {WIDTH} {}", height())
            width="100%"
        >
            <title id=title_id>{title}</title>
            <desc id=summary_id>{summary}</desc>
            {move || {
                let bars = bars.get();
                let largest = bars.iter().map(|b| b.1).fold(0.0, f64::max);
                bars.into_iter()
                    .enumerate()
                    .map(|(row, (label, value, shown))| {
                        let top = row as f64 * ROW;
                        let length = if largest > 0.0 { value / largest * (WIDTH - 70.0) } else { 0.0 };
                        // The longest bar leaves room for its value after it.
                        view! {
                            <g aria-hidden="true">
                                <text x="0" y=top + 15.0 class="chart-label">
                                    {label}
                                </text>
                                <rect x="0" y=top + 21.0 width=length.max(1.0) height="16" class="chart-bar" />
                                <text x=length + 6.0 y=top + 34.0 class="chart-value">
                                    {shown}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()
            }}
        </svg>
    }
}

/// The look of one line of a [`LineChart`]: its stroke's dashes and its points' shape, so
/// lines are told apart without colour.
#[derive(Clone, Copy)]
pub struct LineStyle {
    pub class: &'static str,
    pub dashes: &'static str,
    pub marker: Marker,
}

/// The hollow shape drawn at each point of a line.
#[derive(Clone, Copy)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl Marker {
    /// The shape centred on `(x, y)`, as an SVG path.
    fn path(self, x: f64, y: f64) -> String {
        match self {
            Self::Circle => format!("M{:.1},{y:.1} a3.5,3.5 0 1,0 7,0 a3.5,3.5 0 1,0 -7,0", x - 3.5),
            Self::Square => format!("M{:.1},{:.1} h6 v6 h-6 z", x - 3.0, y - 3.0),
            Self::Triangle => format!("M{x:.1},{:.1} l4,7 h-8 z", y - 4.0),
            Self::Diamond => format!("M{x:.1},{:.1} l4.5,4.5 l-4.5,4.5 l-4.5,-4.5 z", y - 4.5),
            Self::Cross => format!("M{:.1},{:.1} l7,7 m0,-7 l-7,7", x - 3.5, y - 3.5),
        }
    }
}

pub const LINE_STYLES: [LineStyle; 5] = [
    LineStyle { class: "line-1", dashes: "", marker: Marker::Circle },
    LineStyle { class: "line-2", dashes: "8 4", marker: Marker::Square },
    LineStyle { class: "line-3", dashes: "2 3", marker: Marker::Triangle },
    LineStyle { class: "line-4", dashes: "10 3 2 3", marker: Marker::Diamond },
    LineStyle { class: "line-5", dashes: "4 4", marker: Marker::Cross },
];

/// How far apart lines of equal values are drawn, so none hides another (the table has the
/// exact values).
const LINE_SPREAD: f64 = 2.5;

/// Lines over time, one per series, with a legend naming each beside a sample of its stroke.
#[component]
pub fn LineChart(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] summary: Signal<String>,
    /// The days along the bottom, as shown.
    #[prop(into)]
    days: Signal<Vec<String>>,
    /// Each series' name and its value on each day.
    #[prop(into)]
    series: Signal<Vec<(String, Vec<u32>)>>,
) -> impl IntoView {
    const HEIGHT: f64 = 200.0;
    const LEFT: f64 = 36.0;
    const BOTTOM: f64 = 24.0;
    let (title_id, summary_id) = (format!("{id}-chart-title"), format!("{id}-chart-summary"));
    let labelled_by = format!("{title_id} {summary_id}");
    let scale = move || {
        let largest = series.with(|s| s.iter().flat_map(|(_, v)| v.iter().copied()).max().unwrap_or(0)).max(1);
        let points = days.with(Vec::len).max(2);
        let x = move |i: usize| LEFT + 8.0 + i as f64 * (WIDTH - LEFT - 24.0) / (points - 1) as f64;
        let y = move |v: u32| HEIGHT - BOTTOM - v as f64 / largest as f64 * (HEIGHT - BOTTOM - 12.0);
        (largest, x, y)
    };
    view! {
        <svg
            class="chart line-chart"
            role="img"
            aria-labelledby=labelled_by
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width="100%"
        >
            <title id=title_id>{title}</title>
            <desc id=summary_id>{summary}</desc>
            <g aria-hidden="true">
                {move || {
                    let (largest, x, y) = scale();
                    let days = days.get();
                    let last = days.len().saturating_sub(1);
                    view! {
                        <line x1=LEFT y1=y(0) x2=WIDTH - 8.0 y2=y(0) class="chart-axis" />
                        <text x=LEFT - 6.0 y=y(0) + 4.0 class="chart-tick" text-anchor="end">
                            "0"
                        </text>
                        <text x=LEFT - 6.0 y=y(largest) + 4.0 class="chart-tick" text-anchor="end">
                            {largest}
                        </text>
                        <line x1=LEFT y1=y(largest) x2=WIDTH - 8.0 y2=y(largest) class="chart-grid" />
                        // The first and last days name the span; the table has every day.
                        <text x=x(0) y=HEIGHT - 6.0 class="chart-tick" text-anchor="start">
                            {days.first().cloned().unwrap_or_default()}
                        </text>
                        <text x=x(last) y=HEIGHT - 6.0 class="chart-tick" text-anchor="end">
                            {(last > 0).then(|| days.last().cloned().unwrap_or_default())}
                        </text>
                        {
                            let series = series.get();
                            let middle = series.len().saturating_sub(1) as f64 / 2.0;
                            series
                                .into_iter()
                                .zip(LINE_STYLES)
                                .enumerate()
                                .map(|(n, ((_, values), style))| {
                                    let shift = (n as f64 - middle) * LINE_SPREAD;
                                    let at: Vec<(f64, f64)> = values
                                        .iter()
                                        .enumerate()
                                        .map(|(i, v)| (x(i), y(*v) + shift))
                                        .collect();
                                    let points: Vec<String> = at
                                        .iter()
                                        .map(|(x, y)| format!("{x:.1},{y:.1}"))
                                        .collect();
                                    let markers: String = at
                                        .iter()
                                        .map(|(x, y)| style.marker.path(*x, *y))
                                        .collect::<Vec<_>>()
                                        .join(" ");
                                    view! {
                                        <polyline
                                            points=points.join(" ")
                                            class=format!("chart-line {}", style.class)
                                            stroke-dasharray=style.dashes
                                        />
                                        <path d=markers class=format!("chart-marker {}", style.class) />
                                    }
                                })
                                .collect_view()
                        }
                    }
                }}
            </g>
        </svg>
        <ul class="chart-legend">
            {move || {
                series
                    .get()
                    .into_iter()
                    .zip(LINE_STYLES)
                    .map(|((name, _), style)| {
                        view! {
                            <li>
                                <svg
                                    class="legend-sample"
                                    viewBox="0 0 32 10"
                                    width="32"
                                    height="10"
                                    aria-hidden="true"
                                >
                                    <line
                                        x1="0"
                                        y1="5"
                                        x2="32"
                                        y2="5"
                                        class=format!("chart-line {}", style.class)
                                        stroke-dasharray=style.dashes
                                    />
                                    <path
                                        d=style.marker.path(16.0, 5.0)
                                        class=format!("chart-marker {}", style.class)
                                    />
                                </svg>
                                {name}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
