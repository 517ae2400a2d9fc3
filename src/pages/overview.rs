//! Across every case: what is overdue and what falls due in the coming week, each linking to the
//! place where it is done. Reads the small deadline records, never whole cases.

use leptos::prelude::*;

use crate::components::alert::Alert;
use crate::context::today;
use crate::context::{keep_page_title, use_store};
use crate::domain::overview::{Overview, OverviewEntry};
use crate::domain::Section;
use crate::i18n::{number, t, t_string, td_plural, td_string, use_i18n};
use crate::route::Route;
use crate::vocabulary::InWords;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    keep_page_title(move || t_string!(i18n, cases.overview.title).to_string());
    let loaded = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.deadlines().await }
    });
    view! {
        <h1>{t!(i18n, cases.overview.title)}</h1>
        <p class="lead">{t!(i18n, cases.overview.lead)}</p>
        {move || match loaded.get() {
            None => view! { <p class="loading">{t!(i18n, cases.overview.loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_string!(l, cases.overview.cannot_read, error = error.in_words(l)).to_string()
                    }) />
                }
                    .into_any()
            }
            Some(Ok((cases, unreadable))) => {
                let today = today();
                let overview = Overview::build(&cases, today);
                view! {
                    {(unreadable > 0)
                        .then(|| {
                            view! {
                                <Alert text=Signal::derive(move || {
                                    let l = i18n.get_locale();
                                    td_plural!(
                                        l, unreadable, cases.overview.unreadable_one | cases.overview.unreadable_many, count = number(l, unreadable as f64)
                                    )
                                }) />
                            }
                        })}
                    {overview
                        .is_empty()
                        .then(|| {
                            view! {
                                <div class="empty-state">
                                    <h2>{t!(i18n, cases.overview.empty_title)}</h2>
                                    <p>{t!(i18n, cases.overview.empty_explained)}</p>
                                </div>
                            }
                        })}
                    {(!overview.overdue.is_empty())
                        .then(|| {
                            let count = overview.overdue.len();
                            view! {
                                <DueTable
                                    key="overdue"
                                    heading=move || {
                                        t_string!(
                                            i18n, cases.overview.overdue, count = number(i18n.get_locale(), count as f64)
                                        )
                                            .to_string()
                                    }
                                    order=move || t_string!(i18n, cases.overview.longest_first)
                                    entries=overview.overdue.clone()
                                    today
                                />
                            }
                        })}
                    {(!overview.due_soon.is_empty())
                        .then(|| {
                            let count = overview.due_soon.len();
                            view! {
                                <DueTable
                                    key="due-soon"
                                    heading=move || {
                                        t_string!(
                                            i18n, cases.overview.due_soon, count = number(i18n.get_locale(), count as f64)
                                        )
                                            .to_string()
                                    }
                                    order=move || t_string!(i18n, cases.overview.soonest_first)
                                    entries=overview.due_soon.clone()
                                    today
                                />
                            }
                        })}
                }
                    .into_any()
            }
        }}
    }
}

/// Rows drawn at once; thousands of late items would otherwise make an old phone wait.
const ROWS_PER_PAGE: usize = 200;

#[component]
fn DueTable(
    key: &'static str,
    #[prop(into)] heading: Signal<String>,
    #[prop(into)] order: Signal<String>,
    entries: Vec<OverviewEntry>,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = entries.len();
    let entries = StoredValue::new(entries);
    let limit = RwSignal::new(ROWS_PER_PAGE);
    let more = move || total > limit.get();
    let heading_id = format!("{key}-title");
    let labelled_by = heading_id.clone();
    view! {
        <section class="overview-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || heading.get()}</h2>
            <p class="hint">{move || order.get()}</p>
            <table class=format!("case-table due-table {key}")>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, cases.overview.col_due)}</th>
                        <th scope="col">{t!(i18n, cases.overview.col_what)}</th>
                        <th scope="col">{t!(i18n, cases.overview.col_case)}</th>
                        <th scope="col">{t!(i18n, cases.overview.col_worker)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        entries
                            .with_value(|all| all.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                            .into_iter()
                            .map(|e| {
                                let place = Route::of_due(e.case_id, &e.item).href();
                                let case = Route::Plan {
                                    id: e.case_id,
                                    section: Section::Case,
                                }
                                    .href();
                                let day = e.item.date;
                                let (number, child) = (e.case_number.clone(), e.child_name.clone());
                                let item = e.item.clone();
                                view! {
                                    <tr>
                                        <td data-label=move || t_string!(i18n, cases.overview.col_due)>
                                            <span class="due-date">
                                                {move || crate::i18n::date(i18n.get_locale(), day)}
                                            </span>
                                            <span class="due-when">
                                                {move || crate::vocabulary::due_description(
                                                    i18n.get_locale(),
                                                    day,
                                                    today,
                                                )}
                                            </span>
                                        </td>
                                        <th scope="row" data-label=move || t_string!(i18n, cases.overview.col_what)>
                                            <a href=place>
                                                {move || crate::vocabulary::due_item_what(i18n.get_locale(), &item)}
                                            </a>
                                        </th>
                                        <td data-label=move || t_string!(i18n, cases.overview.col_case)>
                                            <a href=case>
                                                {move || crate::vocabulary::named_case(
                                                    i18n.get_locale(),
                                                    &number,
                                                    &child,
                                                )}
                                            </a>
                                        </td>
                                        <td data-label=move || {
                                            t_string!(i18n, cases.overview.col_worker)
                                        }>{e.worker_name}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <Show when=more>
                <button type="button" on:click=move |_| limit.update(|l| *l += ROWS_PER_PAGE)>
                    {move || {
                        t_string!(
                            i18n, common.show_more, count = number(i18n.get_locale(), total.saturating_sub(limit.get()) as f64)
                        )
                            .to_string()
                    }}
                </button>
            </Show>
        </section>
    }
}
