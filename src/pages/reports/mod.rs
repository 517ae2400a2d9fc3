//! Reports: the whole caseload in figures for a period, with filters. Reads the small report
//! records kept beside each case (never whole cases); the figures are counted by
//! `domain::report` and drawn by `figures.rs`.

mod chart;
mod exports;
mod figures;
mod files;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::alert::Alert;
use crate::context::{keep_page_title, today, use_store};
use crate::domain::report::{report, Filter, Period, Preset, ReportRecord};
use crate::domain::{Choice, PlacementType};
use crate::i18n::{date, number, t, t_string, td_plural, td_string, use_i18n, Locale, Translate};
use crate::vocabulary::InWords;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    keep_page_title(move || t_string!(i18n, reports.title).to_string());
    let loaded = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.report_records().await }
    });
    view! {
        <h1>{t!(i18n, reports.title)}</h1>
        <p class="lead">{t!(i18n, reports.lead)}</p>
        {move || match loaded.get() {
            None => view! { <p class="loading">{t!(i18n, reports.loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_string!(l, reports.cannot_read, error = error.in_words(l)).to_string()
                    }) />
                }
                    .into_any()
            }
            Some(Ok((records, unreadable))) => view! { <Report records unreadable /> }.into_any(),
        }}
    }
}

/// What the report counts: a period (offered or chosen) and the filters.
#[derive(Clone, Copy, PartialEq)]
struct Choices {
    /// None for dates chosen by hand.
    preset: Option<Preset>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

#[component]
fn Report(records: Vec<ReportRecord>, unreadable: usize) -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    let mut workers: Vec<String> = records.iter().map(|r| r.worker.clone()).collect();
    workers.sort();
    workers.dedup();
    // The options' values are places in this list, so no name is read back from its value.
    let workers = StoredValue::new(workers);
    let records = StoredValue::new(records);
    let choices = RwSignal::new(Choices { preset: Some(Preset::ThisQuarter), from: None, to: None });
    let worker = RwSignal::new(None::<String>);
    let pathway = RwSignal::new(None::<Option<PlacementType>>);
    let period = Memo::new(move |_| {
        let c = choices.get();
        match c.preset {
            Some(preset) => Some(preset.period(today)),
            None => Period::new(c.from?, c.to?),
        }
    });
    let filter = Memo::new(move |_| Filter { worker: worker.get(), pathway: pathway.get() });
    let counted =
        Memo::new(move |_| period.get().map(|period| records.with_value(|r| report(r, period, &filter.read(), today))));
    provide_context(files::Files { hide_small: RwSignal::new(true), report: counted, failed: RwSignal::new(None) });
    // The filters in words, for the workbook and the printed report.
    let chosen = Signal::derive(move || {
        let l = i18n.get_locale();
        let worker = match worker.get() {
            None => td_string!(l, reports.all_workers).to_string(),
            Some(name) if name.is_empty() => td_string!(l, reports.no_worker).to_string(),
            Some(name) => name,
        };
        let pathway = match pathway.get() {
            None => td_string!(l, reports.all_pathways).to_string(),
            Some(None) => td_string!(l, reports.not_decided).to_string(),
            Some(Some(p)) => p.in_locale(l).to_string(),
        };
        (worker, pathway)
    });
    let on_period = move |ev| {
        let key = event_target_value(&ev);
        choices.update(|c| {
            // The dates chosen by hand start from the period shown.
            if let (Some(preset), None) = (c.preset, Preset::from_key(&key)) {
                let shown = preset.period(today);
                (c.from, c.to) = (Some(shown.from), Some(shown.to));
            }
            c.preset = Preset::from_key(&key);
        });
    };
    let set_day = move |ev, end: bool| {
        let day = event_target_value(&ev).parse::<NaiveDate>().ok();
        choices.update(|c| if end { c.to = day } else { c.from = day });
    };
    let day_value = move |end: bool| {
        let c = choices.get();
        if end { c.to } else { c.from }.map(|d| d.to_string()).unwrap_or_default()
    };
    view! {
        {(unreadable > 0)
            .then(|| {
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_plural!(
                            l, unreadable, reports.unreadable_one | reports.unreadable_many, count = number(l, unreadable as f64)
                        )
                    }) />
                }
            })}
        <form class="report-controls no-print" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend class="visually-hidden">{t!(i18n, reports.choose)}</legend>
                <div class="field">
                    <label for="report-period">{t!(i18n, reports.period)}</label>
                    <select
                        id="report-period"
                        autocomplete="off"
                        prop:value=move || choices.get().preset.map_or("custom", Preset::key)
                        on:change=on_period
                    >
                        {Preset::ALL
                            .into_iter()
                            .map(|p| {
                                view! { <option value=p.key()>{move || preset_name(i18n.get_locale(), p)}</option> }
                            })
                            .collect_view()}
                        <option value="custom">{t!(i18n, reports.custom)}</option>
                    </select>
                </div>
                <Show when=move || choices.get().preset.is_none()>
                    <div class="field">
                        <label for="report-from">{t!(i18n, reports.from)}</label>
                        <input
                            id="report-from"
                            type="date"
                            autocomplete="off"
                            prop:value=move || day_value(false)
                            on:change=move |ev| set_day(ev, false)
                        />
                    </div>
                    <div class="field">
                        <label for="report-to">{t!(i18n, reports.to)}</label>
                        <input
                            id="report-to"
                            type="date"
                            autocomplete="off"
                            prop:value=move || day_value(true)
                            on:change=move |ev| set_day(ev, true)
                        />
                    </div>
                </Show>
                <div class="field">
                    <label for="report-worker">{t!(i18n, reports.worker)}</label>
                    <select
                        id="report-worker"
                        autocomplete="off"
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev).parse::<usize>().ok();
                            worker.set(chosen.and_then(|i| workers.with_value(|w| w.get(i).cloned())));
                        }
                    >
                        <option value="*">{t!(i18n, reports.all_workers)}</option>
                        {workers
                            .get_value()
                            .into_iter()
                            .enumerate()
                            .map(|(i, name)| {
                                view! {
                                    <option value=i
                                        .to_string()>
                                        {move || {
                                            if name.is_empty() {
                                                t_string!(i18n, reports.no_worker).to_string()
                                            } else {
                                                name.clone()
                                            }
                                        }}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="report-pathway">{t!(i18n, reports.pathway)}</label>
                    <select
                        id="report-pathway"
                        autocomplete="off"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            pathway
                                .set(
                                    match key.as_str() {
                                        "*" => None,
                                        "none" => Some(None),
                                        key => Some(PlacementType::from_key(key)),
                                    },
                                );
                        }
                    >
                        <option value="*">{t!(i18n, reports.all_pathways)}</option>
                        {PlacementType::ALL
                            .iter()
                            .map(|&p| view! { <option value=p.key()>{move || p.in_locale(i18n.get_locale())}</option> })
                            .collect_view()}
                        <option value="none">{t!(i18n, reports.not_decided)}</option>
                    </select>
                </div>
            </fieldset>
        </form>
        {move || match counted.get() {
            None => {
                view! { <Alert text=Signal::derive(move || t_string!(i18n, reports.bad_period).to_string()) /> }
                    .into_any()
            }
            Some(counted) if !counted.period.begun(today) => {
                let from = counted.period.from;
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_string!(l, reports.not_begun, date = date(l, from)).to_string()
                    }) />
                }
                    .into_any()
            }
            Some(counted) if counted.cases == 0 => {
                view! { <p class="empty-state">{t!(i18n, reports.empty)}</p> }.into_any()
            }
            Some(_) => ().into_any(),
        }}
        // One live region, kept while the figures change, so a screen reader tells each count.
        <p class="report-counted" aria-live="polite">
            {move || {
                let l = i18n.get_locale();
                counted
                    .get()
                    .filter(|c| c.period.begun(today))
                    .map(|c| {
                        td_plural!(
                            l,
                            c.cases,
                            reports.counted_one | reports.counted_many,
                            count = number(l, c.cases as f64),
                            from = date(l, c.period.from),
                            to = date(l, c.period.to),
                            date = date(l, c.as_of)
                        )
                    })
            }}
        </p>
        <p class="print-only">
            {move || {
                let l = i18n.get_locale();
                let (worker, pathway) = chosen.get();
                let printed = td_string!(l, reports.printed_on, date = date(l, today)).to_string();
                format!(
                    "{}: {worker}. {}: {pathway}. {printed}.",
                    td_string!(l, reports.worker),
                    td_string!(l, reports.pathway),
                )
            }}
        </p>
        <Show when=move || counted.with(|c| c.as_ref().is_some_and(|c| c.cases > 0))>
            <exports::FileControls records filter chosen today />
        </Show>
        {move || counted.get().filter(|c| c.cases > 0).map(|report| view! { <figures::Figures report /> })}
    }
}

fn preset_name(l: Locale, preset: Preset) -> &'static str {
    match preset {
        Preset::ThisMonth => td_string!(l, reports.this_month),
        Preset::LastMonth => td_string!(l, reports.last_month),
        Preset::ThisQuarter => td_string!(l, reports.this_quarter),
        Preset::LastQuarter => td_string!(l, reports.last_quarter),
        Preset::ThisYear => td_string!(l, reports.this_year),
        Preset::LastYear => td_string!(l, reports.last_year),
    }
}
