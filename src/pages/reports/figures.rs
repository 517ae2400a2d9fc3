//! Every figure of a report: its title, a sentence saying what it shows, its chart and its
//! table, in the reader's language. The tables are data (`domain::report::Table`), so the same
//! numbers go into the files (`exports.rs`).

use leptos::prelude::*;

use super::chart::{BarChart, LineChart};
use super::files::{save_table, use_files};
use crate::domain::checklist::Milestone;
use crate::domain::report::{tidy, Cell, Report, Setting, Stage, Table};
use crate::domain::{Choice, ReferralStatus};
use crate::i18n::{date, number, td_plural, td_string, use_i18n, Locale, Translate};

/// What a figure draws above its table.
pub enum Chart {
    /// Label, value, the value as shown.
    Bars(Vec<(String, f64, String)>),
    /// The days along the bottom, and each series' name and values.
    Lines {
        days: Vec<String>,
        series: Vec<(String, Vec<u32>)>,
    },
    None,
}

pub struct Figure {
    /// The heading of the group it opens, if it opens one.
    pub group: Option<&'static str>,
    pub table: Table,
    pub summary: String,
    /// How it is counted, when the summary does not say.
    pub rule: Option<&'static str>,
    pub chart: Chart,
}

/// Every figure of the report, in order, worded in `l`.
pub fn figures(l: Locale, r: &Report) -> Vec<Figure> {
    vec![
        caseload(l, r),
        stages(l, r),
        settings(l, r),
        milestones(l, r),
        outcomes(l, r),
        time_to_placement(l, r),
        visits(l, r),
        overdue(l, r),
        urgent(l, r),
        referrals(l, r),
        themes(l, r),
    ]
}

#[component]
pub fn Figures(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        figures(l, &report).into_iter().map(|figure| view! { <FigureView figure /> }).collect_view()
    }
}

/// A cell as the page shows it: numbers in the reader's language.
fn shown(l: Locale, cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Count(n) => n_of(l, *n),
        Cell::Days(days) => number(l, tidy(*days).parse().unwrap_or(*days)),
        // "67%" in English, "67 %" in Spanish and French.
        Cell::Percent(p) => match l {
            Locale::en => format!("{}%", n_of(l, *p)),
            _ => format!("{}\u{a0}%", n_of(l, *p)),
        },
        Cell::Day(day) => date(l, *day),
        Cell::Empty => "–".into(),
        Cell::Hidden => "<5".into(),
    }
}

/// A figure: its heading (also naming its chart and table), what it shows in a sentence, the
/// chart, and the table with the same numbers.
#[component]
fn FigureView(figure: Figure) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let Figure { group, table, summary, rule, chart } = figure;
    let id = table.id;
    let heading = format!("figure-{id}");
    let (section_label, table_label) = (heading.clone(), heading.clone());
    let title = table.title.clone();
    let (files, csv_table) = (use_files(), table.clone());
    let chart = match chart {
        Chart::Bars(bars) => view! { <BarChart id=id title=title.clone() summary=summary.clone() bars /> }.into_any(),
        Chart::Lines { days, series } => {
            view! { <LineChart id=id title=title.clone() summary=summary.clone() days series /> }.into_any()
        }
        Chart::None => ().into_any(),
    };
    view! {
        {group.map(|g| view! { <h2>{g}</h2> })}
        <section class="figure" aria-labelledby=section_label>
            <h3 id=heading>{title.clone()}</h3>
            <p class="figure-summary">{summary}</p>
            <div class="figure-body">
                <div class="figure-chart">{rule.map(|r| view! { <p class="figure-rule">{r}</p> })} {chart}</div>
                // The file and the table share the second column on a wide screen.
                <div class="figure-data">
                    // Focusable, so a table wider than a phone can be scrolled by keyboard.
                    // Named after its figure too; the name starts with the words shown.
                    <button
                        type="button"
                        class="figure-csv no-print"
                        aria-label=format!("{}: {title}", td_string!(l, reports.download_table))
                        on:click=move |_| save_table(files, &csv_table)
                    >
                        {td_string!(l, reports.download_table)}
                    </button>
                    <div class="table-scroll" tabindex="0">
                        <table class="report-table" aria-labelledby=table_label>
                            <thead>
                                <tr>
                                    {table.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {table
                                    .rows
                                    .into_iter()
                                    .map(|row| {
                                        let mut cells = row.iter().map(|c| shown(l, c));
                                        let first = cells.next().unwrap_or_default();
                                        view! {
                                            <tr>
                                                <th scope="row">{first}</th>
                                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}

fn n_of(l: Locale, x: u32) -> String {
    number(l, f64::from(x))
}

/// Bars of the table's rows: their name and the count in `column`.
fn bars_of(l: Locale, rows: &[Vec<Cell>], column: usize) -> Chart {
    Chart::Bars(
        rows.iter()
            .filter_map(|row| {
                let Cell::Text(name) = &row[0] else { return None };
                let value = match row.get(column)? {
                    Cell::Count(n) | Cell::Percent(n) => f64::from(*n),
                    Cell::Days(days) => *days,
                    _ => 0.0,
                };
                Some((name.clone(), value, shown(l, &row[column])))
            })
            .collect(),
    )
}

fn heads(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn caseload(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> = r
        .caseload
        .iter()
        .map(|(key, c)| {
            let name = key.map_or(td_string!(l, reports.not_decided), |k| k.choice().in_locale(l));
            vec![Cell::text(name), Cell::Count(c[0]), Cell::Count(c[1]), Cell::Count(c[0] + c[1])]
        })
        .collect();
    Figure {
        group: Some(td_string!(l, reports.caseload)),
        chart: bars_of(l, &rows, 3),
        table: Table {
            id: "caseload",
            title: td_string!(l, reports.open_by_pathway).into(),
            head: heads(&[
                td_string!(l, reports.col_pathway),
                td_string!(l, reports.col_draft),
                td_string!(l, reports.col_active),
                td_string!(l, reports.total),
            ]),
            rows,
        },
        summary: td_plural!(
            l,
            r.open,
            reports.open_summary_one | reports.open_summary_many,
            count = n_of(l, r.open),
            date = date(l, r.as_of)
        ),
        rule: None,
    }
}

fn stage_name(l: Locale, stage: Stage) -> &'static str {
    match stage {
        Stage::Planning => td_string!(l, reports.stage_planning),
        Stage::Preparing => td_string!(l, reports.stage_preparing),
        Stage::Placed => td_string!(l, reports.stage_placed),
        Stage::FollowUp => td_string!(l, reports.stage_follow_up),
        Stage::Closed => td_string!(l, reports.stage_closed),
    }
}

fn stages(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> =
        Stage::ALL.iter().zip(r.stages).map(|(s, n)| vec![Cell::text(stage_name(l, *s)), Cell::Count(n)]).collect();
    Figure {
        group: Some(td_string!(l, reports.transition)),
        chart: bars_of(l, &rows, 1),
        table: Table {
            id: "stages",
            title: td_string!(l, reports.stages).into(),
            head: heads(&[td_string!(l, reports.col_stage), td_string!(l, reports.cases)]),
            rows,
        },
        summary: td_string!(
            l,
            reports.stages_summary,
            placed = n_of(l, r.stages[2] + r.stages[3]),
            count = n_of(l, r.cases),
            closed = n_of(l, r.stages[4])
        )
        .to_string(),
        rule: None,
    }
}

fn setting_name(l: Locale, setting: Setting) -> &'static str {
    match setting {
        Setting::Residential => td_string!(l, reports.setting_residential),
        Setting::FamilyBased => td_string!(l, reports.setting_family_based),
        Setting::SmallGroupHome => td_string!(l, reports.setting_small_group_home),
        Setting::Independent => td_string!(l, reports.setting_independent),
        Setting::NotRecorded => td_string!(l, reports.setting_not_recorded),
    }
}

fn settings(l: Locale, r: &Report) -> Figure {
    let last = r.settings.last().map_or([0; 5], |s| s.counts);
    // Only the settings someone was in, so the chart and table stay small.
    let shown: Vec<usize> =
        (0..Setting::ALL.len()).filter(|&i| i < 2 || r.settings.iter().any(|s| s.counts[i] > 0)).collect();
    let mut head = vec![td_string!(l, reports.col_day).to_string()];
    head.extend(shown.iter().map(|&i| setting_name(l, Setting::ALL[i]).to_string()));
    Figure {
        group: None,
        chart: Chart::Lines {
            days: r.settings.iter().map(|s| date(l, s.day)).collect(),
            series: shown
                .iter()
                .map(|&i| {
                    (setting_name(l, Setting::ALL[i]).to_string(), r.settings.iter().map(|s| s.counts[i]).collect())
                })
                .collect(),
        },
        table: Table {
            id: "settings",
            title: td_string!(l, reports.settings).into(),
            head,
            rows: r
                .settings
                .iter()
                .map(|s| {
                    std::iter::once(Cell::Day(s.day)).chain(shown.iter().map(|&i| Cell::Count(s.counts[i]))).collect()
                })
                .collect(),
        },
        summary: td_string!(
            l,
            reports.settings_summary,
            date = date(l, r.as_of),
            residential = n_of(l, last[0]),
            family = n_of(l, last[1]),
            independent = n_of(l, last[3])
        )
        .to_string(),
        rule: Some(td_string!(l, reports.settings_rule)),
    }
}

fn share(part: u32, of: u32) -> Cell {
    (part * 100 + of / 2).checked_div(of).map_or(Cell::Empty, Cell::Percent)
}

fn milestones(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> = Milestone::ALL
        .iter()
        .zip(r.milestones)
        .map(|(m, n)| vec![Cell::text(m.in_locale(l)), Cell::Count(n), share(n, r.open)])
        .collect();
    Figure {
        group: Some(td_string!(l, reports.milestones)),
        chart: bars_of(l, &rows, 1),
        table: Table {
            id: "milestones",
            title: td_string!(l, reports.milestones_reached).into(),
            head: heads(&[
                td_string!(l, reports.col_milestone),
                td_string!(l, reports.col_reached),
                td_string!(l, reports.col_share),
            ]),
            rows,
        },
        summary: td_plural!(
            l,
            r.open,
            reports.milestones_summary_one | reports.milestones_summary_many,
            count = n_of(l, r.open),
            date = date(l, r.as_of)
        ),
        rule: None,
    }
}

fn outcomes(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> = r
        .outcomes
        .iter()
        .map(|(k, n)| {
            let name = k.map_or(td_string!(l, reports.outcome_not_recorded), |k| k.choice().in_locale(l));
            vec![Cell::text(name), Cell::Count(*n)]
        })
        .collect();
    Figure {
        group: Some(td_string!(l, reports.outcomes)),
        chart: bars_of(l, &rows, 1),
        table: Table {
            id: "outcomes",
            title: td_string!(l, reports.closed_by_outcome).into(),
            head: heads(&[td_string!(l, reports.col_outcome), td_string!(l, reports.cases)]),
            rows,
        },
        summary: {
            let closed: u32 = r.outcomes.values().sum();
            td_plural!(l, closed, reports.closed_summary_one | reports.closed_summary_many, count = n_of(l, closed))
        },
        rule: None,
    }
}

fn time_to_placement(l: Locale, r: &Report) -> Figure {
    let days = |x: f64| number(l, tidy(x).parse().unwrap_or(x));
    let mut summary = match &r.time_to_placement {
        Some(s) => td_plural!(
            l,
            s.count,
            reports.time_summary_one | reports.time_summary_many,
            median = days(s.median),
            count = n_of(l, s.count),
            low = days(s.lower_quartile),
            high = days(s.upper_quartile)
        ),
        None => td_string!(l, reports.time_none).to_string(),
    };
    if r.placements_without_dates > 0 {
        let without = td_plural!(
            l,
            r.placements_without_dates,
            reports.without_dates_one | reports.without_dates_many,
            count = n_of(l, r.placements_without_dates)
        );
        summary = format!("{summary} {without}");
    }
    let mut rows = Vec::new();
    if let Some(s) = &r.time_to_placement {
        rows.push(vec![Cell::text(td_string!(l, reports.placements)), Cell::Count(s.count)]);
        for (name, x) in [
            (td_string!(l, reports.shortest), s.shortest as f64),
            (td_string!(l, reports.lower_quartile), s.lower_quartile),
            (td_string!(l, reports.median), s.median),
            (td_string!(l, reports.upper_quartile), s.upper_quartile),
            (td_string!(l, reports.longest), s.longest as f64),
        ] {
            rows.push(vec![Cell::text(name), Cell::Days(x)]);
        }
    }
    Figure {
        group: None,
        chart: if rows.is_empty() { Chart::None } else { bars_of(l, &rows[1..], 1) },
        table: Table {
            id: "time",
            title: td_string!(l, reports.time_to_placement).into(),
            head: heads(&[td_string!(l, reports.col_measure), td_string!(l, reports.col_days)]),
            rows,
        },
        summary,
        rule: None,
    }
}

fn visits(l: Locale, r: &Report) -> Figure {
    let rows = vec![
        vec![Cell::text(td_string!(l, reports.visits_done)), Cell::Count(r.visits_done)],
        vec![Cell::text(td_string!(l, reports.visits_due)), Cell::Count(r.visits_due)],
    ];
    let mut summary =
        td_string!(l, reports.visits_summary, done = n_of(l, r.visits_done), due = n_of(l, r.visits_due)).to_string();
    if r.cases_without_frequency > 0 {
        let without = td_plural!(
            l,
            r.cases_without_frequency,
            reports.without_frequency_one | reports.without_frequency_many,
            count = n_of(l, r.cases_without_frequency)
        );
        summary = format!("{summary} {without}");
    }
    Figure {
        group: Some(td_string!(l, reports.follow_through)),
        chart: bars_of(l, &rows, 1),
        table: Table {
            id: "visits",
            title: td_string!(l, reports.visits).into(),
            head: heads(&[td_string!(l, reports.col_measure), td_string!(l, reports.col_visits)]),
            rows,
        },
        summary,
        rule: None,
    }
}

fn overdue(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> = r
        .overdue_by_worker
        .iter()
        .map(|(w, n)| {
            let name = if w.is_empty() { td_string!(l, reports.no_worker).to_string() } else { w.clone() };
            vec![Cell::Text(name), Cell::Count(*n)]
        })
        .collect();
    let total: u32 = r.overdue_by_worker.iter().map(|(_, n)| n).sum();
    Figure {
        group: None,
        chart: bars_of(l, &rows, 1),
        table: Table {
            id: "overdue",
            title: td_string!(l, reports.overdue_by_worker).into(),
            head: heads(&[td_string!(l, reports.col_worker), td_string!(l, reports.col_items)]),
            rows,
        },
        summary: td_plural!(
            l,
            total,
            reports.overdue_summary_one | reports.overdue_summary_many,
            count = n_of(l, total)
        ),
        rule: None,
    }
}

fn urgent(l: Locale, r: &Report) -> Figure {
    let u = &r.urgent_referrals;
    let judged = u.answered_in_time + u.answered_late + u.unanswered;
    let summary = match u.percent_in_time() {
        Some(p) => td_string!(l, reports.urgent_summary, percent = n_of(l, p), count = n_of(l, judged)).to_string(),
        None => td_string!(l, reports.urgent_none).to_string(),
    };
    let outcomes = vec![
        vec![Cell::text(td_string!(l, reports.urgent_in_time)), Cell::Count(u.answered_in_time)],
        vec![Cell::text(td_string!(l, reports.urgent_late)), Cell::Count(u.answered_late)],
        vec![Cell::text(td_string!(l, reports.urgent_unanswered)), Cell::Count(u.unanswered)],
        vec![Cell::text(td_string!(l, reports.urgent_waiting)), Cell::Count(u.waiting)],
        vec![Cell::text(td_string!(l, reports.urgent_undated)), Cell::Count(u.answered_undated)],
    ];
    let mut rows = vec![vec![Cell::text(td_string!(l, reports.urgent_made)), Cell::Count(u.made)]];
    rows.extend(outcomes.iter().cloned());
    Figure {
        group: None,
        chart: bars_of(l, &outcomes, 1),
        table: Table {
            id: "urgent",
            title: td_string!(l, reports.urgent).into(),
            head: heads(&[td_string!(l, reports.col_measure), td_string!(l, reports.cases)]),
            rows,
        },
        summary,
        rule: None,
    }
}

fn referrals(l: Locale, r: &Report) -> Figure {
    let rows: Vec<Vec<Cell>> = r
        .referrals
        .iter()
        .map(|(k, counts)| {
            let name = k.map_or(td_string!(l, reports.type_not_recorded), |k| k.choice().in_locale(l));
            let mut row = vec![Cell::text(name)];
            row.extend(counts.iter().map(|n| Cell::Count(*n)));
            row.push(Cell::Count(counts.iter().sum()));
            row
        })
        .collect();
    let total: u32 = r.referrals.values().flatten().sum();
    let mut head = vec![td_string!(l, reports.col_type).to_string()];
    head.extend(ReferralStatus::ALL.iter().map(|s| s.in_locale(l).to_string()));
    head.push(td_string!(l, reports.total).to_string());
    Figure {
        group: None,
        chart: bars_of(l, &rows, ReferralStatus::ALL.len() + 1),
        table: Table { id: "referrals", title: td_string!(l, reports.referrals).into(), head, rows },
        summary: td_plural!(
            l,
            total,
            reports.referrals_summary_one | reports.referrals_summary_many,
            count = n_of(l, total)
        ),
        rule: None,
    }
}

fn themes(l: Locale, r: &Report) -> Figure {
    let (done, applicable) = r.themes.iter().fold((0, 0), |(d, a), (_, done, of)| (d + done, a + of));
    let rows: Vec<Vec<Cell>> = r
        .themes
        .iter()
        .map(|(theme, done, of)| {
            vec![Cell::text(theme.in_locale(l)), Cell::Count(*done), Cell::Count(*of), share(*done, *of)]
        })
        .collect();
    Figure {
        group: None,
        chart: bars_of(l, &rows, 3),
        table: Table {
            id: "themes",
            title: td_string!(l, reports.themes).into(),
            head: heads(&[
                td_string!(l, reports.col_theme),
                td_string!(l, reports.col_done),
                td_string!(l, reports.col_applicable),
                td_string!(l, reports.col_percent),
            ]),
            rows,
        },
        summary: td_string!(l, reports.themes_summary, done = n_of(l, done), applicable = n_of(l, applicable))
            .to_string(),
        rule: None,
    }
}
